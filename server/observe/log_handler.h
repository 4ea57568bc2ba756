#pragma once

#include <QList>
#include <QString>
#include <QtGlobal>

namespace keyward::logging {

enum class Format { Json, Text };

struct Options {
    Format format = Format::Text;
    QString level = QStringLiteral("info"); // debug | info | warning | error
    QString file;                           // empty: stderr
    qint64 maxBytes = 10 * 1024 * 1024;     // rotate the file beyond this size
    int keep = 5;                           // rotated files kept: file.1 (newest) .. file.<keep>
};

// Routes every qDebug/qInfo/... through one handler: JSON lines (one object per record, for log
// shippers) or readable text, to stderr or to a size-rotated file. Every record also lands in a
// bounded in-memory ring for the admin console. QT_LOGGING_RULES still overrides per category.
// Returns false (and sets `error`) when the file cannot be opened.
bool install(const Options &options, QString *error = nullptr);
// Reopens the log file (after logrotate moved it): the SIGHUP action.
void reopen();
// JSON when stderr is not a terminal, text when it is.
Format defaultFormat();

struct Record {
    qint64 seq = 0;
    qint64 timeMs = 0;
    QString level;
    QString category;
    QString message;
};
// Records newer than `afterSeq`, oldest first, at most the ring's capacity (10,000).
QList<Record> recent(qint64 afterSeq = 0);

} // namespace keyward::logging

#include "log_handler.h"

#include "core/clock.h"
#include "core/private_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>

#include <cstdio>
#include <deque>
#include <unistd.h>

namespace keyward::logging {

namespace {

constexpr size_t RingCapacity = 10'000;

struct State {
    QMutex mutex;
    Options options;
    QFile file;
    std::deque<Record> ring;
    qint64 seq = 0;
};

// Never destroyed: threads Keyward does not own (Qt's, the D-Bus connection's) may log while the
// process exits, after static destructors have run; a destroyed mutex then is a crash on SIGTERM.
State &state()
{
    static State *const s = new State;
    return *s;
}

const char *levelName(QtMsgType type)
{
    switch (type) {
    case QtDebugMsg:
        return "debug";
    case QtInfoMsg:
        return "info";
    case QtWarningMsg:
        return "warning";
    case QtCriticalMsg:
        return "error";
    case QtFatalMsg:
        return "fatal";
    }
    return "info";
}

bool openFile(State &s, QString *error)
{
    s.file.close();
    s.file.setFileName(s.options.file);
    files::makePrivateDirectory(QFileInfo(s.options.file).absolutePath());
    if (!s.file.open(QIODevice::WriteOnly | QIODevice::Append)) {
        if (error)
            *error = QStringLiteral("cannot open log file %1: %2").arg(s.options.file, s.file.errorString());
        return false;
    }
    return true;
}

// file -> file.1 -> ... -> file.<keep>; the oldest falls off.
void rotate(State &s)
{
    s.file.close();
    const QString base = s.options.file;
    QFile::remove(base + QLatin1Char('.') + QString::number(s.options.keep));
    for (int i = s.options.keep - 1; i >= 1; --i)
        QFile::rename(base + QLatin1Char('.') + QString::number(i), base + QLatin1Char('.') + QString::number(i + 1));
    if (s.options.keep > 0)
        QFile::rename(base, base + QStringLiteral(".1"));
    else
        QFile::remove(base);
    openFile(s, nullptr);
}

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const qint64 now = Clock::system().nowMs();
    const QString time = formatTime(now);
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    State &s = state();
    QByteArray line;
    if (s.options.format == Format::Json) {
        QJsonObject record;
        // Access lines are already structured: merge their fields instead of nesting a string.
        if (message.startsWith(QLatin1Char('{')))
            record = QJsonDocument::fromJson(message.toUtf8()).object();
        if (record.isEmpty())
            record.insert(QStringLiteral("message"), message);
        record.insert(QStringLiteral("time"), time);
        record.insert(QStringLiteral("level"), QLatin1String(levelName(type)));
        record.insert(QStringLiteral("category"), category);
        line = QJsonDocument(record).toJson(QJsonDocument::Compact);
    } else {
        line = QString(time + QLatin1Char(' ') + QString::fromLatin1(levelName(type)).leftJustified(7) + category +
                       QStringLiteral(": ") + message)
                   .toUtf8();
    }
    line += '\n';
    {
        QMutexLocker lock(&s.mutex);
        s.ring.push_back({++s.seq, now, QString::fromLatin1(levelName(type)), category, message});
        if (s.ring.size() > RingCapacity)
            s.ring.pop_front();
        if (s.file.isOpen()) {
            if (s.file.size() + line.size() > s.options.maxBytes)
                rotate(s);
            s.file.write(line);
            s.file.flush();
        } else {
            std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
            std::fflush(stderr);
        }
    }
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

bool install(const Options &options, QString *error)
{
    State &s = state();
    {
        QMutexLocker lock(&s.mutex);
        s.options = options;
        if (!options.file.isEmpty() && !openFile(s, error))
            return false;
    }
    QString rules = QStringLiteral("qt.*.debug=false\n");
    if (options.level != QLatin1String("debug"))
        rules += QStringLiteral("*.debug=false\n");
    if (options.level == QLatin1String("warning") || options.level == QLatin1String("error"))
        rules += QStringLiteral("*.info=false\n");
    if (options.level == QLatin1String("error"))
        rules += QStringLiteral("*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
    return true;
}

void reopen()
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    if (!s.options.file.isEmpty())
        openFile(s, nullptr);
}

Format defaultFormat()
{
    return isatty(STDERR_FILENO) ? Format::Text : Format::Json;
}

QList<Record> recent(qint64 afterSeq)
{
    State &s = state();
    QMutexLocker lock(&s.mutex);
    QList<Record> out;
    for (const Record &r : s.ring)
        if (r.seq > afterSeq)
            out.append(r);
    return out;
}

} // namespace keyward::logging

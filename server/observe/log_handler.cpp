#include "log_handler.h"

#include "core/clock.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QLoggingCategory>
#include <QMutex>

#include <cstdio>
#include <unistd.h>

namespace keyward::logging {

namespace {

Format g_format = Format::Text;
QMutex g_mutex;

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

void handler(QtMsgType type, const QMessageLogContext &context, const QString &message)
{
    const QString time = formatTime(Clock::system().nowMs());
    const QString category = QString::fromLatin1(context.category ? context.category : "default");
    QByteArray line;
    if (g_format == Format::Json) {
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
    QMutexLocker lock(&g_mutex);
    std::fwrite(line.constData(), 1, static_cast<size_t>(line.size()), stderr);
    std::fflush(stderr);
    if (type == QtFatalMsg)
        std::abort();
}

} // namespace

void install(Format format, const QString &level)
{
    g_format = format;
    QString rules = QStringLiteral("qt.*.debug=false\n");
    if (level != QLatin1String("debug"))
        rules += QStringLiteral("*.debug=false\n");
    if (level == QLatin1String("warning") || level == QLatin1String("error"))
        rules += QStringLiteral("*.info=false\n");
    if (level == QLatin1String("error"))
        rules += QStringLiteral("*.warning=false\n");
    QLoggingCategory::setFilterRules(rules);
    qInstallMessageHandler(handler);
}

Format defaultFormat()
{
    return isatty(STDERR_FILENO) ? Format::Text : Format::Json;
}

} // namespace keyward::logging

#include "cli_support.h"

#include "core/exit_code.h"
#include "node.h"

#include <QCommandLineParser>
#include <QFile>

namespace keyward::cli {

QTextStream &out()
{
    static QTextStream s(stdout);
    return s;
}

QTextStream &err()
{
    static QTextStream s(stderr);
    return s;
}

int open(Node &node, bool migrate)
{
    if (const auto failure = node.open(migrate)) {
        err() << "keyward: " << failure->message << Qt::endl;
        return failure->exitCode;
    }
    return exit_code::Success;
}

std::optional<QString> readPassword(const QCommandLineParser &p)
{
    if (p.isSet(QStringLiteral("password-stdin"))) {
        QTextStream in(stdin);
        return in.readLine();
    }
    if (p.isSet(QStringLiteral("password-file"))) {
        QFile f(p.value(QStringLiteral("password-file")));
        if (!f.open(QIODevice::ReadOnly)) {
            err() << "keyward: cannot read " << f.fileName() << ": " << f.errorString() << Qt::endl;
            return std::nullopt;
        }
        QString text = QString::fromUtf8(f.readAll());
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        return text;
    }
    return std::nullopt;
}

int printError(const ApiError &error)
{
    err() << "keyward: " << (error.detail().isEmpty() ? error.title() : error.detail()) << Qt::endl;
    for (const FieldError &fe : error.fieldErrors())
        err() << "  " << fe.field << ": " << fe.message << Qt::endl;
    return exit_code::Failure;
}

} // namespace keyward::cli

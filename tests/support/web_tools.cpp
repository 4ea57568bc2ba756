#include "web_tools.h"

#include <QDeadlineTimer>
#include <QFile>
#include <QJsonDocument>
#include <QProcess>
#include <QTest>

namespace keyward::test {

namespace {
const QString WebTools = QStringLiteral(KEYWARD_SOURCE_DIR "/tests/web");
} // namespace

bool webToolInstalled(const QString &package)
{
    return QFile::exists(WebTools + QStringLiteral("/node_modules/") + package);
}

QString compactJson(const QJsonObject &setup)
{
    return QString::fromUtf8(QJsonDocument(setup).toJson(QJsonDocument::Compact));
}

WebToolRun runWebTool(const QString &script, const QString &argument, const QMap<QString, QString> &environment)
{
    QProcess node;
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    for (auto it = environment.begin(); it != environment.end(); ++it)
        env.insert(it.key(), it.value());
    node.setProcessEnvironment(env);
    node.setProcessChannelMode(QProcess::MergedChannels);
    node.start(QStringLiteral("node"), {WebTools + QLatin1Char('/') + script, argument});
    const QDeadlineTimer deadline(180'000);
    while (node.state() != QProcess::NotRunning && !deadline.hasExpired())
        QTest::qWait(50);
    if (node.state() != QProcess::NotRunning) {
        node.kill();
        node.waitForFinished();
        return {false, node.readAll() + "\n(timed out)"};
    }
    return {node.exitStatus() == QProcess::NormalExit && node.exitCode() == 0, node.readAll()};
}

} // namespace keyward::test

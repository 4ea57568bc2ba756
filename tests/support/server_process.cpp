#include "server_process.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>

namespace keyward::test {

QString serverBinary()
{
    return QStringLiteral(KEYWARD_SERVER_BINARY);
}

ServerProcess::ServerProcess(const QStringList &options)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    env.remove(QStringLiteral("QT_LOGGING_RULES")); // "listening on" is an info line
    m_process.setProcessEnvironment(env);
    m_process.start(serverBinary(),
                    options + QStringList{QStringLiteral("--listen"), QStringLiteral("127.0.0.1:0"),
                                          QStringLiteral("--workers"), QStringLiteral("2"), QStringLiteral("serve")});
    const QRegularExpression listening(QStringLiteral("listening on (http://127\\.0\\.0\\.1:\\d+)"));
    for (int i = 0; i < 300 && m_url.isEmpty() && m_process.state() != QProcess::NotRunning; ++i) {
        m_process.waitForReadyRead(100);
        m_log += QString::fromUtf8(m_process.readAllStandardError());
        m_url = listening.match(m_log).captured(1);
    }
}

ServerProcess::~ServerProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(15'000))
        m_process.kill();
}

Reply call(const QByteArray &method, const QString &url, const QJsonObject &body, const QByteArray &credential)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    if (!credential.isEmpty())
        request.setRawHeader("Authorization", (credential.startsWith("kw_") ? "ApiKey " : "Bearer ") + credential);
    QNetworkReply *reply =
        nam.sendCustomRequest(request, method, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson());
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10'000);
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
              QJsonDocument::fromJson(reply->readAll()).object()};
    delete reply;
    return out;
}

} // namespace keyward::test

#include "server_process.h"

#include <QJsonDocument>
#include <QNetworkAccessManager>
#include <QNetworkReply>
#include <QRegularExpression>
#include <QSignalSpy>
#include <QTcpServer>

namespace keyward::test {

quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

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

void ServerProcess::kill()
{
    m_process.kill();
    m_process.waitForFinished(15'000);
}

ServerProcess::~ServerProcess()
{
    m_process.terminate();
    if (!m_process.waitForFinished(15'000))
        m_process.kill();
}

Reply send(const QByteArray &method, const QString &url, const QByteArray &body,
           const QList<QPair<QByteArray, QByteArray>> &headers)
{
    static QNetworkAccessManager nam;
    QNetworkRequest request{QUrl(url)};
    for (const auto &[name, value] : headers)
        request.setRawHeader(name, value);
    QNetworkReply *reply = nam.sendCustomRequest(request, method, body);
    QSignalSpy done(reply, &QNetworkReply::finished);
    if (!reply->isFinished())
        done.wait(10'000);
    Reply out{reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt(),
              QJsonDocument::fromJson(reply->readAll()).object()};
    delete reply;
    return out;
}

Reply call(const QByteArray &method, const QString &url, const QJsonObject &body, const QByteArray &credential)
{
    QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", "application/json"}};
    if (!credential.isEmpty())
        headers.append({"Authorization", (credential.startsWith("kw_") ? "ApiKey " : "Bearer ") + credential});
    return send(method, url, body.isEmpty() ? QByteArray() : QJsonDocument(body).toJson(), headers);
}

const QStringList FastHashing{QStringLiteral("--argon2-memory"), QStringLiteral("8"),
                              QStringLiteral("--argon2-iterations"), QStringLiteral("1")};

CommandRun runServerCommand(const QStringList &args, const QByteArray &input)
{
    QProcess p;
    p.start(serverBinary(), FastHashing + args);
    p.waitForStarted();
    p.write(input);
    p.closeWriteChannel();
    p.waitForFinished(120'000);
    return {p.exitStatus() == QProcess::NormalExit ? p.exitCode() : -1, QString::fromUtf8(p.readAllStandardOutput()),
            QString::fromUtf8(p.readAllStandardError())};
}

int createAdmin(const QStringList &on, const QString &name, const QByteArray &password)
{
    return runServerCommand(on + QStringList{QStringLiteral("admin"), QStringLiteral("create"),
                                             QStringLiteral("--username"), name, QStringLiteral("--email"),
                                             name + QStringLiteral("@example.com"), QStringLiteral("--password-stdin")},
                            password + '\n')
        .exitCode;
}

QByteArray signInAndLiftRateLimits(const QString &url, const QString &name, const QString &password)
{
    const QByteArray token = call("POST", url + QStringLiteral("/api/v1/auth/login"),
                                  {{QStringLiteral("login"), name}, {QStringLiteral("password"), password}})
                                 .json.value(QStringLiteral("access_token"))
                                 .toString()
                                 .toLatin1();
    if (token.isEmpty() ||
        call("PATCH", url + QStringLiteral("/api/v1/settings"),
             {{QStringLiteral("rate_limits"), QJsonObject{{QStringLiteral("enabled"), false}}}}, token)
                .status != 200)
        return {};
    return token;
}

UserWriter::UserWriter(QString url, QByteArray token, int parallel)
    : m_url(std::move(url))
    , m_token(std::move(token))
{
    for (int i = 0; i < parallel; ++i)
        next();
}

void UserWriter::next()
{
    if (m_stopping)
        return;
    const QString name = QStringLiteral("w%1").arg(m_sent++, 5, 10, QLatin1Char('0'));
    QNetworkRequest request{QUrl(m_url + QStringLiteral("/api/v1/users"))};
    request.setHeader(QNetworkRequest::ContentTypeHeader, QStringLiteral("application/json"));
    request.setRawHeader("Authorization", "Bearer " + m_token);
    request.setTransferTimeout(10'000);
    QNetworkReply *reply = m_nam.post(
        request, QJsonDocument(QJsonObject{{QStringLiteral("username"), name},
                                           {QStringLiteral("email"), QString(name + QStringLiteral("@example.com"))}})
                     .toJson());
    ++m_inFlight;
    connect(reply, &QNetworkReply::finished, this, [this, reply, name] {
        --m_inFlight;
        if (reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt() == 201)
            acknowledged << name;
        else
            ++refused;
        reply->deleteLater();
        next();
    });
}

} // namespace keyward::test

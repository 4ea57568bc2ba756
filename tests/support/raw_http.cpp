#include "raw_http.h"

#include "http/tls.h"

#include <QElapsedTimer>
#include <QProcess>
#include <QTest>

namespace keyward::test {

QByteArray loginRequest(const QByteArray &login, const QByteArray &password, const QByteArray &extraHeaders)
{
    const QByteArray body = "{\"login\":\"" + login + "\",\"password\":\"" + password + "\"}";
    return "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
           QByteArray::number(body.size()) + "\r\n" + extraHeaders + "\r\n" + body;
}

QList<QByteArray> readResponses(QTcpSocket &s, int count, int timeoutMs)
{
    QByteArray buffer;
    QList<QByteArray> responses;
    QElapsedTimer t;
    t.start();
    while (responses.size() < count && t.elapsed() < timeoutMs) {
        if (s.bytesAvailable() == 0 && !s.waitForReadyRead(100) && s.state() != QAbstractSocket::ConnectedState &&
            s.bytesAvailable() == 0)
            break;
        buffer += s.readAll();
        for (;;) {
            const qsizetype end = buffer.indexOf("\r\n\r\n");
            if (end < 0)
                break;
            const QByteArray head = buffer.left(end);
            qsizetype length = 0;
            for (const QByteArray &line : head.split('\n'))
                if (line.toLower().startsWith("content-length:"))
                    length = line.mid(15).trimmed().toLongLong();
            if (buffer.size() < end + 4 + length)
                break;
            responses << buffer.left(end + 4 + length);
            buffer.remove(0, end + 4 + length);
        }
    }
    return responses;
}

int statusOf(const QByteArray &response)
{
    return response.mid(9, 3).toInt();
}

bool waitClosed(QTcpSocket &s, int timeoutMs)
{
    QElapsedTimer t;
    t.start();
    while (s.state() == QAbstractSocket::ConnectedState && t.elapsed() < timeoutMs) {
        s.waitForReadyRead(50);
        s.readAll();
    }
    return s.state() != QAbstractSocket::ConnectedState;
}

void connectTo(QTcpSocket &socket, TestServer &server)
{
    socket.connectToHost(QHostAddress::LocalHost, server.port());
    QVERIFY(socket.waitForConnected(5000));
}

std::optional<QSslConfiguration> selfSignedTls(const QTemporaryDir &dir)
{
    QProcess openssl;
    openssl.start(QStringLiteral("openssl"),
                  {QStringLiteral("req"), QStringLiteral("-x509"), QStringLiteral("-newkey"), QStringLiteral("ec"),
                   QStringLiteral("-pkeyopt"), QStringLiteral("ec_paramgen_curve:P-256"), QStringLiteral("-nodes"),
                   QStringLiteral("-keyout"), dir.filePath(QStringLiteral("key.pem")), QStringLiteral("-out"),
                   dir.filePath(QStringLiteral("cert.pem")), QStringLiteral("-days"), QStringLiteral("1"),
                   QStringLiteral("-subj"), QStringLiteral("/CN=127.0.0.1"), QStringLiteral("-addext"),
                   QStringLiteral("subjectAltName=IP:127.0.0.1")});
    if (!openssl.waitForFinished(30000) || openssl.exitCode() != 0)
        return std::nullopt;
    QString error;
    auto tls =
        loadTlsConfiguration(dir.filePath(QStringLiteral("cert.pem")), dir.filePath(QStringLiteral("key.pem")), &error);
    if (!tls)
        qWarning() << error;
    return tls;
}

} // namespace keyward::test

#include "webhook_receiver.h"

#include <QDateTime>
#include <QJsonDocument>
#include <QMessageAuthenticationCode>
#include <QMutexLocker>
#include <QSemaphore>
#include <QTcpServer>
#include <QTcpSocket>

namespace keyward::test {

namespace {

QByteArray headerValue(const QByteArray &head, const QByteArray &name)
{
    for (const QByteArray &line : head.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name)
            return line.mid(colon + 1).trimmed();
    }
    return {};
}

} // namespace

WebhookReceiver::WebhookReceiver(quint16 port)
{
    m_thread.setObjectName(QStringLiteral("webhook receiver"));
    auto *server = new QTcpServer;
    server->moveToThread(&m_thread);
    QObject::connect(&m_thread, &QThread::finished, server, &QObject::deleteLater);
    m_thread.start();
    QSemaphore listening;
    QMetaObject::invokeMethod(
        server,
        [this, server, port, &listening] {
            if (server->listen(QHostAddress::LocalHost, port)) {
                m_port = server->serverPort();
                serve(server);
            }
            listening.release();
        },
        Qt::QueuedConnection);
    listening.acquire();
}

WebhookReceiver::~WebhookReceiver()
{
    m_thread.quit();
    m_thread.wait();
}

QString WebhookReceiver::url() const
{
    return QStringLiteral("http://127.0.0.1:%1/hooks/keyward").arg(m_port);
}

void WebhookReceiver::setSecret(const QString &secret)
{
    QMutexLocker lock(&m_mutex);
    m_key = QByteArray::fromBase64(secret.mid(6).toLatin1()); // after "whsec_"
}

QList<ReceivedWebhook> WebhookReceiver::received() const
{
    QMutexLocker lock(&m_mutex);
    return m_received;
}

int WebhookReceiver::count() const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(m_received.size());
}

int WebhookReceiver::countOf(const QByteArray &id) const
{
    QMutexLocker lock(&m_mutex);
    return static_cast<int>(
        std::count_if(m_received.begin(), m_received.end(), [&](const ReceivedWebhook &r) { return r.id == id; }));
}

void WebhookReceiver::serve(QTcpServer *server)
{
    QObject::connect(server, &QTcpServer::newConnection, server, [this, server] {
        while (QTcpSocket *socket = server->nextPendingConnection()) {
            auto *buffer = new QByteArray;
            QObject::connect(socket, &QTcpSocket::disconnected, socket, [socket, buffer] {
                delete buffer;
                socket->deleteLater();
            });
            QObject::connect(socket, &QTcpSocket::readyRead, socket, [this, socket, buffer] {
                buffer->append(socket->readAll());
                const qsizetype end = buffer->indexOf("\r\n\r\n");
                if (end < 0)
                    return;
                const QByteArray head = buffer->left(end);
                const qsizetype length = headerValue(head, "content-length").toLongLong();
                if (buffer->size() < end + 4 + length)
                    return;
                take(head, buffer->mid(end + 4, length));
                buffer->clear();
                const int status = m_status;
                socket->write("HTTP/1.1 " + QByteArray::number(status) +
                              " Whatever\r\nContent-Length: 2\r\n"
                              "Connection: close\r\n\r\nok");
                socket->disconnectFromHost();
            });
        }
    });
}

void WebhookReceiver::take(const QByteArray &head, const QByteArray &body)
{
    ReceivedWebhook r;
    r.id = headerValue(head, "webhook-id");
    r.timestamp = headerValue(head, "webhook-timestamp");
    r.body = QJsonDocument::fromJson(body).object();
    r.timestampRecent = qAbs(QDateTime::currentSecsSinceEpoch() - r.timestamp.toLongLong()) < 300;
    QMutexLocker lock(&m_mutex);
    const QByteArray expected = "v1," + QMessageAuthenticationCode::hash(r.id + '.' + r.timestamp + '.' + body, m_key,
                                                                         QCryptographicHash::Sha256)
                                            .toBase64();
    // The header may carry several signatures (a secret being rotated), space-separated.
    const QList<QByteArray> signatures = headerValue(head, "webhook-signature").split(' ');
    r.signatureValid = !m_key.isEmpty() && signatures.contains(expected);
    m_received.append(r);
}

} // namespace keyward::test

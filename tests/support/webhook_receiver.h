#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QList>
#include <QMutex>
#include <QString>
#include <QThread>

#include <atomic>

class QTcpServer;

namespace keyward::test {

// One request a WebhookReceiver took.
struct ReceivedWebhook {
    QByteArray id;        // webhook-id
    QByteArray timestamp; // webhook-timestamp
    QJsonObject body;
    bool signatureValid = false;  // checked here, with Qt's HMAC, against the secret given
    bool timestampRecent = false; // within five minutes of this machine's clock, as receivers demand
};

// A real HTTP endpoint on loopback, on a thread of its own (a sender may block the test's thread),
// that checks each request's Standard Webhooks signature independently of Keyward's signing code,
// remembers it, and answers `status`.
class WebhookReceiver {
public:
    // `port` 0: any free one.
    explicit WebhookReceiver(quint16 port = 0);
    ~WebhookReceiver();

    bool ok() const { return m_port != 0; }
    quint16 port() const { return m_port; }
    QString url() const;
    // The "whsec_..." secret requests must be signed with.
    void setSecret(const QString &secret);
    void setStatus(int status) { m_status = status; }

    QList<ReceivedWebhook> received() const;
    int count() const;
    // How many requests carried `id`.
    int countOf(const QByteArray &id) const;

private:
    void serve(QTcpServer *server);
    void take(const QByteArray &head, const QByteArray &body);

    QThread m_thread;
    quint16 m_port = 0;
    std::atomic<int> m_status{200};
    mutable QMutex m_mutex;
    QByteArray m_key;
    QList<ReceivedWebhook> m_received;
};

} // namespace keyward::test

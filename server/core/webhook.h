#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace keyward {

// An endpoint told of audit events, signed per the Standard Webhooks scheme.
struct Webhook {
    QString id;
    QString url;
    QString description;
    QStringList events; // audit actions, "prefix.*" or "*"
    bool enabled = true;
    QString disabledReason;  // why Keyward disabled it ("failing"); empty when an administrator did
    qint64 failingSince = 0; // epoch ms; 0 while it answers
    QString createdBy;
    qint64 createdAt = 0;
    qint64 updatedAt = 0;
    qint64 version = 1;
};

// One event on its way to one endpoint, with the outcome of its last attempt.
struct WebhookDelivery {
    qint64 id = 0;
    QString webhookId;
    qint64 eventSeq = 0;
    QString eventId; // the audit event's id: the webhook-id header, the same on every attempt
    QString eventType;
    QString state; // pending | delivered | failed
    int attempts = 0;
    qint64 nextAttemptAt = 0;
    qint64 lastAttemptAt = 0;
    int lastStatus = 0; // the endpoint's HTTP status; 0 when it gave none
    QString lastError;
    qint64 createdAt = 0;
    qint64 finishedAt = 0;
};

// A delivery claimed for one attempt, with what sending it takes.
struct DueDelivery {
    WebhookDelivery delivery; // attempts counts this attempt
    QString url;
    QByteArray sealedSecret;
};

struct DeliveryPage {
    QList<WebhookDelivery> items;
    qint64 nextBeforeId = 0; // older deliveries follow: pass as beforeId; 0: last page
};

} // namespace keyward

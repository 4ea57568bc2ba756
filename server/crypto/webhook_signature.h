#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace keyward::crypto {

// The Standard Webhooks scheme (standardwebhooks.com): a secret is "whsec_" and the base64 of its
// key; a message is signed as "v1," + base64(HMAC-SHA256(key, id "." timestamp "." body)) and sent
// with the webhook-id, webhook-timestamp (Unix seconds) and webhook-signature headers.
namespace webhook {

inline constexpr int KeyBytes = 32;

// A new secret in the scheme's form.
QString newSecret();
// The key a secret stands for; nullopt when it is not one.
std::optional<QByteArray> keyOf(const QString &secret);
// The webhook-signature header's value.
QByteArray signature(QByteArrayView key, QByteArrayView messageId, qint64 timestampSeconds, QByteArrayView body);

} // namespace webhook

} // namespace keyward::crypto

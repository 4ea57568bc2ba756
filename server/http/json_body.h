#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QJsonDocument>

namespace keyward {

// Parses a request body as JSON. Refuses nesting deeper than `maxDepth` before Qt's parser sees
// it (a deeply nested document costs stack and time for nothing), and reports where JSON broke.
Result<QJsonDocument> parseJsonBody(const QByteArray &body, int maxDepth = 32);

// True for application/json and application/*+json, with or without parameters such as charset.
bool isJsonContentType(QByteArrayView contentType);

} // namespace keyward

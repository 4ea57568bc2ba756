#pragma once

#include "api_key_service.h"
#include "auth_service.h"
#include "core/api_key.h"
#include "core/oauth_client.h"
#include "core/passkey.h"
#include "core/principal.h"
#include "core/session.h"
#include "core/user.h"
#include "oauth_client_service.h"
#include "user_transfer.h"
#include "webhook_service.h"

#include <QJsonObject>

namespace keyward {

// How each resource is written in the API's JSON (users: services/user_json.h, shared with the
// export file).
QJsonObject roleJson(const Role &role);
QJsonObject apiKeyJson(const ApiKey &key);
// A key as created: its secret, this once.
QJsonObject createdApiKeyJson(const CreatedApiKey &created);
QJsonObject oauthClientJson(const OAuthClient &client);
// A client as made or given a new secret: `client_secret`, this once (absent when it has none).
QJsonObject issuedClientSecretJson(const IssuedClientSecret &issued);
// A passkey as its owner sees it (never its key).
QJsonObject passkeyJson(const Passkey &passkey);
QJsonObject webhookJson(const Webhook &webhook);
// A webhook as made or given a new secret: `secret`, this once.
QJsonObject issuedWebhookSecretJson(const IssuedWebhookSecret &issued);
QJsonObject webhookDeliveryJson(const WebhookDelivery &delivery);
QJsonObject tokensJson(const IssuedTokens &tokens, qint64 nowMs);
// A session as its owner or an administrator sees it; `current` marks the viewer's own.
QJsonObject sessionJson(const Session &session, const Principal &viewer);
// What an import did: {created, skipped, errors: [{index, username, message}], ignored_roles, dry_run}.
QJsonObject importReportJson(const ImportReport &report);

} // namespace keyward

#pragma once

namespace keyward {
class Router;
}

// Each resource registers all of its routes in one place.
namespace keyward::routes {

void registerAuth(Router &router);
void registerMe(Router &router);
void registerUsers(Router &router);
void registerRoles(Router &router);
void registerSettings(Router &router);
void registerPassword(Router &router);
void registerApiKeys(Router &router);
void registerOAuthClients(Router &router);
void registerWebhooks(Router &router);
void registerPasskeys(Router &router);
void registerOAuth2(Router &router);
void registerOAuth2Authorize(Router &router);
void registerWellKnown(Router &router);
void registerHealth(Router &router);
void registerMetrics(Router &router);
void registerAudit(Router &router);
void registerDocs(Router &router);

} // namespace keyward::routes

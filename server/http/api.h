#pragma once

#include "core/principal.h"
#include "http_message.h"
#include "rate_limiter.h"
#include "router.h"

#include <functional>
#include <optional>

namespace keyward {

class Services;
struct RuntimeSettings;

// The request pipeline, in DESIGN.md's order: request id and trace context, media type and body
// parsing, authentication, the handler; then security headers and the access log.
class Api {
public:
    struct Options {
        bool tls = false;
    };

    Api(Services &services, Router router, Options options);

    struct Prepared {
        std::optional<HttpResponse> response; // answered without a handler (errors, OPTIONS)
        const Route *route = nullptr;         // else: its handler runs, where `execution` says
        RouteOptions::Execution execution = RouteOptions::Execution::Inline;
        Principal principal;
        QJsonDocument body;
        QHash<QString, QString> params;
    };
    // Everything before the handler. Sets request id, trace id and route on `request`.
    Prepared prepare(HttpRequest &request);
    // The route's handler for a request prepared without a response; what it throws is a 500.
    HttpResponse run(const HttpRequest &request, const Prepared &prepared);
    // Common headers and the access log line. `delivered` is false when the client has gone.
    void finish(const HttpRequest &request, HttpResponse &response, const Principal &principal, bool delivered);

    const Router &router() const { return m_router; }
    Services &services() { return m_services; }
    bool draining() const;

    RateLimiter &rateLimiter() { return m_limiter; }

private:
    static bool corsAllowed(const QByteArray &origin, const RuntimeSettings &settings);
    // CORS preflight: allowed origins learn the methods this path accepts and the headers we read.
    static void preflight(const HttpRequest &request, const QByteArrayList &allowed, HttpResponse &response,
                          const RuntimeSettings &settings);
    // Takes a token from the bucket of `client` (written out) for this route class; the refusal when
    // there is none.
    std::optional<HttpResponse> rateLimit(HttpRequest &request, const RouteOptions &options,
                                          const RuntimeSettings &settings, const QString &client);
    // Guessing credentials is charged like guessing passwords: to the address, in the sign-in class.
    std::optional<ApiError> chargeFailedAuthentication(const QString &address, const RuntimeSettings &settings);
    std::optional<ApiError> authenticate(HttpRequest &request, const RouteOptions &options, Principal &principal,
                                         const RuntimeSettings &settings);

    Services &m_services;
    Router m_router;
    Options m_options;
    RateLimiter m_limiter;
};

} // namespace keyward

#include "api.h"

#include "compression.h"
#include "core/ids.h"
#include "core/json_writer.h"
#include "core/logging.h"
#include "json_body.h"
#include "observe/keyward_metrics.h"
#include "request_reader.h"
#include "services/services.h"

#include <QJsonObject>
#include <QRegularExpression>

namespace keyward {

namespace {

// A client's X-Request-ID is reused only when it is short and harmless in logs.
bool saneRequestId(const QByteArray &id)
{
    return !id.isEmpty() && id.size() <= 128 && std::all_of(id.begin(), id.end(), [](char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_' ||
               c == '.';
    });
}

// W3C traceparent: 00-<32 hex trace id>-<16 hex parent id>-<2 hex flags>.
QString traceIdFrom(const QByteArray &traceparent)
{
    if (traceparent.isEmpty())
        return newTraceId();
    static const QRegularExpression re(QStringLiteral("^[0-9a-f]{2}-([0-9a-f]{32})-[0-9a-f]{16}-[0-9a-f]{2}$"));
    const auto m = re.match(QString::fromLatin1(traceparent.trimmed()));
    if (m.hasMatch() && m.captured(1) != QString(32, QLatin1Char('0')))
        return m.captured(1);
    return newTraceId();
}

// The client behind trusted proxies: walk X-Forwarded-For from the right while the hops are
// proxies we trust; the first one that is not is the client. Untrusted peers cannot claim anything.
QHostAddress clientAddress(const HttpRequest &r, const RuntimeSettings &settings)
{
    QHostAddress client = r.peer;
    if (settings.trustedProxies.isEmpty() || !RuntimeSettings::inSubnets(client, settings.trustedProxies))
        return client;
    QByteArrayList hops;
    for (const QByteArray &value : r.headerValues("x-forwarded-for"))
        hops += value.split(',');
    for (auto it = hops.crbegin(); it != hops.crend(); ++it) {
        const QHostAddress hop(QString::fromLatin1(it->trimmed()));
        if (hop.isNull())
            break;
        client = hop;
        if (!RuntimeSettings::inSubnets(hop, settings.trustedProxies))
            break;
    }
    return client;
}

bool isApiPath(const QString &path)
{
    return path.startsWith(QLatin1String("/api/"));
}

} // namespace

Api::Api(Services &services, Router router, Options options)
    : m_services(services)
    , m_router(std::move(router))
    , m_options(options)
{
}

bool Api::corsAllowed(const QByteArray &origin, const RuntimeSettings &settings)
{
    return !origin.isEmpty() && settings.corsOrigins.contains(QString::fromLatin1(origin));
}

void Api::preflight(const HttpRequest &request, const QByteArrayList &allowed, HttpResponse &response,
                    const RuntimeSettings &settings)
{
    const QByteArray origin = request.header("origin");
    const QByteArray method = request.header("access-control-request-method");
    if (!corsAllowed(origin, settings) || !allowed.contains(method))
        return; // no CORS headers: the browser refuses, as it should
    response.setHeader("Access-Control-Allow-Methods", allowed.join(", "));
    response.setHeader("Access-Control-Allow-Headers",
                       "Authorization, Content-Type, If-Match, X-API-Key, X-Request-ID, traceparent");
    response.setHeader("Access-Control-Max-Age", "600");
}

bool Api::draining() const
{
    return m_services.isShuttingDown();
}

std::optional<ApiError> Api::chargeFailedAuthentication(const QString &address, const RuntimeSettings &settings)
{
    if (!settings.rateLimitsEnabled ||
        m_limiter.take("auth " + address.toLatin1(), settings.authPerMinute, m_services.clock().nowMs()).allowed)
        return std::nullopt;
    return ApiError(429, QStringLiteral("too-many-requests"), QStringLiteral("Too many requests"),
                    QStringLiteral("Too many failed authentications from this address."))
        .withRetryAfter(60);
}

std::optional<ApiError> Api::authenticate(HttpRequest &request, const RouteOptions &options, Principal &principal,
                                          const RuntimeSettings &settings)
{
    if (options.access == RouteOptions::Access::Public)
        return std::nullopt;
    const QByteArray authorization = request.header("authorization");
    const qsizetype space = authorization.indexOf(' ');
    const QByteArray scheme = authorization.left(space).toLower();
    const QByteArray credential = authorization.mid(space + 1).trimmed();
    QByteArray apiKey = request.header("x-api-key").trimmed();
    if (scheme == "apikey" && space > 0)
        apiKey = credential;
    Result<Principal> result = ApiError::unauthorized();
    if (!apiKey.isEmpty()) {
        result = m_services.apiKeys().authenticate(apiKey, principal);
        if (!result)
            if (auto refused = chargeFailedAuthentication(principal.ip, settings))
                return refused;
    } else if (scheme == "bearer" && space > 0) {
        result = m_services.auth().authenticate(credential, principal);
    } else if (!authorization.isEmpty()) {
        return ApiError::unauthorized(QStringLiteral("Use 'Authorization: Bearer <access token>' or 'ApiKey <key>'."));
    } else if (options.access == RouteOptions::Access::Optional) {
        return std::nullopt; // anonymous
    }
    if (!result)
        return result.error();
    principal = *result;
    if (principal.passwordChangeOnly && options.access != RouteOptions::Access::PasswordChangeAllowed)
        return ApiError::passwordChangeRequired();
    return std::nullopt;
}

std::optional<HttpResponse> Api::rateLimit(HttpRequest &request, const RouteOptions &options,
                                           const RuntimeSettings &settings, const QString &client)
{
    if (!settings.rateLimitsEnabled || options.limit == RouteOptions::Limit::None)
        return std::nullopt;
    const bool read = request.method == "GET" || request.method == "HEAD" || request.method == "OPTIONS";
    const char *cls = options.limit == RouteOptions::Limit::Auth ? "auth" : read ? "read" : "write";
    const int perMinute = options.limit == RouteOptions::Limit::Auth ? settings.authPerMinute
                          : read                                     ? settings.readPerMinute
                                                                     : settings.writePerMinute;
    const RateLimiter::Decision d =
        m_limiter.take(QByteArray(cls) + ' ' + client.toLatin1(), perMinute, m_services.clock().nowMs());
    request.responseHeaders.append({{QByteArrayLiteral("RateLimit-Limit"), QByteArray::number(d.limit)},
                                    {QByteArrayLiteral("RateLimit-Remaining"), QByteArray::number(d.remaining)},
                                    {QByteArrayLiteral("RateLimit-Reset"), QByteArray::number(d.resetSeconds)}});
    if (d.allowed)
        return std::nullopt;
    return HttpResponse::problem(
        ApiError(429, QStringLiteral("too-many-requests"), QStringLiteral("Too many requests"),
                 QStringLiteral("Slow down: at most %1 such requests a minute.").arg(perMinute))
            .withRetryAfter(d.retryAfterSeconds),
        request);
}

Api::Prepared Api::prepare(HttpRequest &request)
{
    Prepared p;
    const QByteArray clientId = request.header("x-request-id");
    request.requestId =
        saneRequestId(clientId) ? QString::fromLatin1(clientId) : newId(QDateTime::currentMSecsSinceEpoch());
    request.traceId = traceIdFrom(request.header("traceparent"));
    const RuntimeSettings settings = m_services.settings().current();
    // Responses differ by Origin once any origin is allowed: caches must know.
    if (!settings.corsOrigins.isEmpty())
        request.responseHeaders.append({QByteArrayLiteral("Vary"), QByteArrayLiteral("Origin")});
    if (const QByteArray origin = request.header("origin"); corsAllowed(origin, settings)) {
        request.responseHeaders.append({QByteArrayLiteral("Access-Control-Allow-Origin"), origin});
        request.responseHeaders.append(
            {QByteArrayLiteral("Access-Control-Expose-Headers"),
             QByteArrayLiteral("X-Request-ID, ETag, Location, Retry-After, RateLimit-Limit, RateLimit-Remaining, "
                               "RateLimit-Reset")});
    }
    request.client = clientAddress(request, settings);
    p.principal = Principal::anonymous(request.client == request.peer ? request.peerText : request.client.toString(),
                                       QString::fromUtf8(request.header("user-agent")), request.requestId);

    if (request.path == QLatin1String("*")) {
        // OPTIONS * (the reader lets no other method through with it): what the server as a whole answers.
        p.response = HttpResponse::noContent();
        p.response->setHeader("Allow", RequestReader::knownMethods());
        return p;
    }
    Router::Match match = m_router.match(request.method, request.path);
    if (!match.route) {
        if (match.allowed.isEmpty()) {
            p.response = HttpResponse::problem(ApiError::notFound(QStringLiteral("No such endpoint.")), request);
            return p;
        }
        QByteArrayList allowed = match.allowed;
        if (allowed.contains("GET"))
            allowed.append("HEAD");
        allowed.append("OPTIONS");
        if (request.method == "OPTIONS") {
            p.response = HttpResponse::noContent();
            preflight(request, allowed, *p.response, settings);
        } else {
            p.response = HttpResponse::problem(
                ApiError::methodNotAllowed(
                    QStringLiteral("%1 is not allowed here.").arg(QString::fromLatin1(request.method))),
                request);
        }
        p.response->setHeader("Allow", allowed.join(", "));
        return p;
    }
    const Route &route = *match.route;
    request.route = route.pattern;

    if (route.options.admin && !settings.adminAllowList.isEmpty() &&
        !RuntimeSettings::inSubnets(request.client, settings.adminAllowList)) {
        p.response = HttpResponse::problem(
            ApiError::forbidden(QStringLiteral("The admin API is not available from this address.")), request);
        return p;
    }
    if (auto refused = rateLimit(request, route.options, settings, p.principal.ip)) {
        p.response = std::move(refused);
        return p;
    }

    QJsonDocument &body = p.body;
    if (route.options.body == RouteOptions::Body::OptionalJsonObject && request.body.isEmpty()) {
        body = QJsonDocument(QJsonObject());
    } else if (route.options.body != RouteOptions::Body::None && route.options.body != RouteOptions::Body::Form) {
        if (!isJsonContentType(request.header("content-type"))) {
            p.response = HttpResponse::problem(
                ApiError::unsupportedMediaType(QStringLiteral("Send the body as application/json.")), request);
            return p;
        }
        auto parsed = parseJsonBody(request.body);
        if (!parsed) {
            p.response = HttpResponse::problem(parsed.error(), request);
            return p;
        }
        if (route.options.body != RouteOptions::Body::JsonAny && !parsed->isObject()) {
            p.response = HttpResponse::problem(
                ApiError::malformedJson(QStringLiteral("The body must be a JSON object.")), request);
            return p;
        }
        body = *parsed;
    }

    if (auto error = authenticate(request, route.options, p.principal, settings)) {
        p.response = HttpResponse::problem(*error, request);
        return p;
    }

    p.route = &route;
    p.execution = route.options.execution;
    p.params = std::move(match.params);
    return p;
}

HttpResponse Api::run(const HttpRequest &request, const Prepared &prepared)
{
    RequestContext ctx{request, prepared.principal, prepared.body, prepared.params, m_services, [this, &prepared] {
                           return chargeFailedAuthentication(prepared.principal.ip, m_services.settings().current());
                       }};
    try {
        return prepared.route->handler(ctx);
    } catch (const std::exception &e) {
        qCCritical(lcHttp).noquote() << "handler for" << request.route << "threw:" << e.what();
    } catch (...) {
        qCCritical(lcHttp).noquote() << "handler for" << request.route << "threw";
    }
    return HttpResponse::problem(ApiError::internal(), request);
}

void Api::finish(const HttpRequest &request, HttpResponse &response, const Principal &principal, bool delivered)
{
    // Every response has these; no handler sets them, so they are added without a search, and
    // from literals, which cost no allocation.
    QList<QPair<QByteArray, QByteArray>> &headers = response.headers;
    headers.reserve(headers.size() + request.responseHeaders.size() + 10);
    for (const auto &[name, value] : request.responseHeaders)
        response.setHeader(name, value);
    headers.emplaceBack(QByteArrayLiteral("X-Request-ID"), request.requestId.toLatin1());
    headers.emplaceBack(QByteArrayLiteral("X-Content-Type-Options"), QByteArrayLiteral("nosniff"));
    headers.emplaceBack(QByteArrayLiteral("X-Frame-Options"), QByteArrayLiteral("DENY"));
    headers.emplaceBack(QByteArrayLiteral("Referrer-Policy"), QByteArrayLiteral("no-referrer"));
    if (response.header("Content-Security-Policy").isEmpty())
        headers.emplaceBack(QByteArrayLiteral("Content-Security-Policy"),
                            QByteArrayLiteral("default-src 'none'; frame-ancestors 'none'"));
    if (response.header("Cache-Control").isEmpty() &&
        (isApiPath(request.path) || response.status >= 400 || request.path.startsWith(QLatin1String("/health"))))
        headers.emplaceBack(QByteArrayLiteral("Cache-Control"), QByteArrayLiteral("no-store"));
    if (m_options.tls)
        headers.emplaceBack(QByteArrayLiteral("Strict-Transport-Security"),
                            QByteArrayLiteral("max-age=31536000; includeSubDomains"));
    compressForClient(request, response);

    // Refusals no service saw (a permission missing, an address off the admin allow-list, a token
    // limited to changing the password) are audited here; the services audit their own.
    if (response.status == 403 && (response.problemType == QLatin1String("forbidden") ||
                                   response.problemType == QLatin1String("password-change-required")))
        (void)m_services.audit().record(
            principal,
            {QStringLiteral("access.denied"),
             QStringLiteral("route"),
             QString::fromLatin1(request.method) + QLatin1Char(' ') + request.route,
             QStringLiteral("denied"),
             {{QStringLiteral("reason"), response.problemType}, {QStringLiteral("path"), request.path.left(512)}}});

    const double seconds = request.started.isValid() ? request.started.nsecsElapsed() / 1e9 : 0.0;
    const QString route = request.route.isEmpty() ? QStringLiteral("(none)") : request.route;
    KeywardMetrics &metrics = m_services.metrics();
    metrics.httpRequests.with({QString::fromLatin1(request.method), route, QString::number(response.status)}).inc();
    metrics.httpDuration.with({route}).observe(seconds);

    // One line per request; never the body, query values or headers that may carry secrets.
    // Throttled clients and server errors are what an operator watches for: warnings. Written only
    // when the level lets it through (at "warning" the bare path is a tenth faster without it).
    const int status = delivered ? response.status : 499;
    const bool warning = status == 429 || status >= 500;
    if (warning ? !lcAccess().isWarningEnabled() : !lcAccess().isInfoEnabled())
        return;
    JsonWriter line(256);
    line.beginObject();
    line.key("request_id").value(request.requestId);
    line.key("trace_id").value(request.traceId);
    line.key("method").value(QString::fromLatin1(request.method));
    line.key("route").value(route);
    line.key("status").value(status);
    line.key("duration_ms").value(seconds * 1000);
    line.key("client").value((request.client.isNull() ? request.peer : request.client).toString());
    line.key("user_id").value(principal.id);
    line.endObject();
    if (warning)
        qCWarning(lcAccess).noquote() << line.bytes();
    else
        qCInfo(lcAccess).noquote() << line.bytes();
}

} // namespace keyward

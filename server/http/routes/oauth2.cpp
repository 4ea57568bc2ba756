#include "crypto/jwt.h"
#include "oauth2_form.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

// The OAuth 2.0 endpoints of the OpenID Connect provider. They speak the protocol's own dialect,
// not the REST API's: form-encoded requests (RFC 6749 §3.2) and errors as {"error",
// "error_description"} (§5.2), so off-the-shelf client libraries understand them.
namespace keyward::routes {

namespace {

const QString JwtBearer = QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer");

HttpResponse oauthError(const RequestContext &ctx, const ApiError &e)
{
    // The rate limiter's answer is the one every endpoint gives (problem+json with Retry-After).
    if (e.status() == 429)
        return HttpResponse::problem(e, ctx.request);
    // Failures of the service itself are the protocol's server_error / temporarily_unavailable.
    const QString code = e.status() == 503   ? QStringLiteral("temporarily_unavailable")
                         : e.status() >= 500 ? QStringLiteral("server_error")
                                             : e.slug();
    QJsonObject body{{QStringLiteral("error"), code}};
    if (!e.detail().isEmpty() && e.status() < 500)
        body.insert(QStringLiteral("error_description"), e.detail());
    HttpResponse r = HttpResponse::json(e.status() >= 500 ? e.status() : e.status() == 401 ? 401 : 400, body);
    if (e.status() == 401)
        r.setHeader("WWW-Authenticate", "Basic realm=\"keyward\"");
    if (e.retryAfterSeconds() > 0)
        r.setHeader("Retry-After", QByteArray::number(e.retryAfterSeconds()));
    return r;
}

// The client's credentials: HTTP Basic (RFC 6749 §2.3.1: each part form-encoded, then base64),
// the form's client_id and client_secret, or a public client's client_id alone. Two at once is an
// error, not a choice.
Result<ClientAuthentication> readClientAuthentication(const HttpRequest &request, const Form &form)
{
    const QByteArray header = request.header("authorization");
    const bool inForm = form.contains(QStringLiteral("client_secret"));
    const bool asserted =
        form.contains(QStringLiteral("client_assertion_type")) || form.contains(QStringLiteral("client_assertion"));
    ClientAuthentication auth;
    if (!header.isEmpty()) {
        const qsizetype space = header.indexOf(' ');
        const auto decoded =
            QByteArray::fromBase64Encoding(header.mid(space + 1).trimmed(), QByteArray::AbortOnBase64DecodingErrors);
        const qsizetype colon = decoded.decoded.indexOf(':');
        if (space < 0 || header.left(space).toLower() != "basic" || !decoded || colon < 0)
            return OAuthService::error(401, "invalid_client",
                                       QStringLiteral("Use HTTP Basic: client_id:client_secret."));
        if (inForm || asserted)
            return OAuthService::error(400, "invalid_request", QStringLiteral("Authenticate the client one way only."));
        auth.method = QStringLiteral("client_secret_basic");
        auth.clientId = formDecoded(decoded.decoded.left(colon));
        auth.secret = formDecoded(decoded.decoded.mid(colon + 1));
        if (form.contains(QStringLiteral("client_id")) && form.value(QStringLiteral("client_id")) != auth.clientId)
            return OAuthService::error(400, "invalid_request", QStringLiteral("Two different client_ids."));
        return auth;
    }
    auth.clientId = form.value(QStringLiteral("client_id"));
    if (asserted) {
        if (inForm || form.value(QStringLiteral("client_assertion_type")) != JwtBearer)
            return OAuthService::error(400, "invalid_request",
                                       QStringLiteral("client_assertion_type is ") + JwtBearer + QLatin1Char('.'));
        auth.method = QStringLiteral("private_key_jwt");
        auth.assertion = form.value(QStringLiteral("client_assertion"));
        // The client it claims to be, to find its keys; the signature decides.
        const auto jwt = crypto::decodeJwt(auth.assertion.toLatin1());
        const QString issuer = jwt ? jwt->claims.value(QStringLiteral("iss")).toString() : QString();
        if (!auth.clientId.isEmpty() && auth.clientId != issuer)
            return OAuthService::error(400, "invalid_request", QStringLiteral("Two different client_ids."));
        auth.clientId = issuer;
        return auth;
    }
    auth.method = inForm ? QStringLiteral("client_secret_post") : QStringLiteral("none");
    auth.secret = form.value(QStringLiteral("client_secret"));
    return auth;
}

// The form and the client that sent it, authenticated; or the error to answer with.
struct ClientRequest {
    Form form;
    OAuthClient client;
};

Result<ClientRequest> authenticated(RequestContext &ctx)
{
    auto form = readForm(ctx.request);
    if (!form)
        return form.error();
    auto auth = readClientAuthentication(ctx.request, *form);
    if (!auth)
        return auth.error();
    auth->endpoint = ctx.services.auth().issuer() + ctx.request.path;
    auto client = ctx.services.oauth().authenticateClient(ctx.principal, *auth, ctx.failedAuthentication);
    if (!client)
        return client.error();
    return ClientRequest{std::move(*form), std::move(*client)};
}

// Token responses must not be cached (RFC 6749 §5.1).
HttpResponse noStore(HttpResponse r)
{
    r.setHeader("Cache-Control", "no-store");
    r.setHeader("Pragma", "no-cache");
    return r;
}

} // namespace

void registerOAuth2(Router &router)
{
    // Clients authenticate themselves in each request, and every failure (a wrong secret, a code or
    // refresh token that is not good) is charged to the caller's address in the sign-in class, like
    // a failed sign-in. What succeeds is not limited: an application's backend redeems codes and
    // refreshes tokens for all its users from one address, and a resource server may introspect
    // for every request it serves.
    const RouteOptions protocol{RouteOptions::Access::Public, RouteOptions::Body::Form, RouteOptions::Execution::Inline,
                                RouteOptions::Limit::None};

    router.add("POST", QStringLiteral("/oauth2/token"), protocol, [](RequestContext &ctx) {
        auto req = authenticated(ctx);
        if (!req)
            return noStore(oauthError(ctx, req.error()));
        const Form &form = req->form;
        const QString grant = form.value(QStringLiteral("grant_type"));
        const auto scope = form.contains(QStringLiteral("scope"))
                               ? std::optional<QString>(form.value(QStringLiteral("scope")))
                               : std::nullopt;
        const auto required = [&](const QStringList &names) -> std::optional<ApiError> {
            for (const QString &name : names)
                if (form.value(name).isEmpty())
                    return OAuthService::error(400, "invalid_request", name + QStringLiteral(" is missing."));
            return std::nullopt;
        };
        OAuthService &oauth = ctx.services.oauth();
        Result<ClientTokens> issued = OAuthService::error(400, "unsupported_grant_type",
                                                          QStringLiteral("This server does not offer that grant."));
        if (grant.isEmpty()) {
            issued = OAuthService::error(400, "invalid_request", QStringLiteral("grant_type is missing."));
        } else if (grant == QLatin1String("client_credentials")) {
            issued = oauth.clientCredentials(ctx.principal, req->client, scope);
        } else if (grant == QLatin1String("authorization_code")) {
            if (auto missing =
                    required({QStringLiteral("code"), QStringLiteral("redirect_uri"), QStringLiteral("code_verifier")}))
                issued = *missing;
            else
                issued = oauth.exchangeCode(ctx.principal, req->client, form.value(QStringLiteral("code")),
                                            form.value(QStringLiteral("redirect_uri")),
                                            form.value(QStringLiteral("code_verifier")));
        } else if (grant == QLatin1String("refresh_token")) {
            if (auto missing = required({QStringLiteral("refresh_token")}))
                issued = *missing;
            else
                issued = oauth.refresh(ctx.principal, req->client, form.value(QStringLiteral("refresh_token")), scope);
        }
        if (!issued && issued.error().slug() == QLatin1String("invalid_grant") && ctx.failedAuthentication)
            if (auto refused = ctx.failedAuthentication())
                return noStore(oauthError(ctx, *refused));
        if (!issued)
            return noStore(oauthError(ctx, issued.error()));
        QJsonObject body{{QStringLiteral("access_token"), issued->accessToken},
                         {QStringLiteral("token_type"), QStringLiteral("Bearer")},
                         {QStringLiteral("expires_in"), issued->expiresIn}};
        if (!issued->scope.isEmpty())
            body.insert(QStringLiteral("scope"), issued->scope);
        if (!issued->refreshToken.isEmpty())
            body.insert(QStringLiteral("refresh_token"), issued->refreshToken);
        if (!issued->idToken.isEmpty())
            body.insert(QStringLiteral("id_token"), issued->idToken);
        return noStore(HttpResponse::json(200, body));
    });

    router.add("POST", QStringLiteral("/oauth2/introspect"), protocol, [](RequestContext &ctx) {
        auto req = authenticated(ctx);
        if (!req)
            return oauthError(ctx, req.error());
        if (!req->form.contains(QStringLiteral("token")))
            return oauthError(ctx, OAuthService::error(400, "invalid_request", QStringLiteral("token is missing.")));
        const TokenIntrospection t =
            ctx.services.oauth().introspect(req->client, req->form.value(QStringLiteral("token")));
        if (!t.active)
            return noStore(HttpResponse::json(200, QJsonObject{{QStringLiteral("active"), false}}));
        return noStore(HttpResponse::json(200, QJsonObject{{QStringLiteral("active"), true},
                                                           {QStringLiteral("client_id"), t.clientId},
                                                           {QStringLiteral("sub"), t.subject},
                                                           {QStringLiteral("scope"), t.scope},
                                                           {QStringLiteral("jti"), t.tokenId},
                                                           {QStringLiteral("iss"), t.issuer},
                                                           {QStringLiteral("aud"), t.clientId},
                                                           {QStringLiteral("iat"), t.issuedAt},
                                                           {QStringLiteral("exp"), t.expiresAt},
                                                           {QStringLiteral("token_type"), QStringLiteral("Bearer")}}));
    });

    // OpenID Connect Core §5.3 with RFC 6750 errors: the bearer token in the Authorization header.
    const auto userInfo = [](RequestContext &ctx) {
        const QByteArray header = ctx.request.header("authorization");
        const bool bearer = header.size() > 7 && header.left(7).toLower() == "bearer ";
        auto claims = bearer ? ctx.services.oauth().userInfo(QString::fromLatin1(header.mid(7).trimmed()))
                             : Result<QJsonObject>(OAuthService::error(
                                   401, "invalid_token", QStringLiteral("Send the access token as a Bearer token.")));
        if (claims)
            return noStore(HttpResponse::json(200, *claims));
        const ApiError &e = claims.error();
        if (e.status() >= 500 || e.status() == 429)
            return oauthError(ctx, e);
        HttpResponse r = HttpResponse::json(e.status(), QJsonObject{{QStringLiteral("error"), e.slug()},
                                                                    {QStringLiteral("error_description"), e.detail()}});
        // RFC 6750 §3.1: a request without a token is told only how to authenticate.
        r.setHeader("WWW-Authenticate", bearer ? QByteArray("Bearer error=\"" + e.slug().toLatin1() + "\"")
                                               : QByteArray("Bearer realm=\"keyward\""));
        return noStore(r);
    };
    // The token comes in the header: a POST's body, if any, is not read.
    const RouteOptions bearer{RouteOptions::Access::Public};
    router.add("GET", QStringLiteral("/oauth2/userinfo"), bearer, userInfo);
    router.add("POST", QStringLiteral("/oauth2/userinfo"), bearer, userInfo);

    router.add("POST", QStringLiteral("/oauth2/revoke"), protocol, [](RequestContext &ctx) {
        auto req = authenticated(ctx);
        if (!req)
            return oauthError(ctx, req.error());
        if (!req->form.contains(QStringLiteral("token")))
            return oauthError(ctx, OAuthService::error(400, "invalid_request", QStringLiteral("token is missing.")));
        const Status s =
            ctx.services.oauth().revoke(ctx.principal, req->client, req->form.value(QStringLiteral("token")));
        return s ? HttpResponse::json(200, QJsonObject{}) : oauthError(ctx, s.error());
    });
}

} // namespace keyward::routes

#include "crypto/digest.h"
#include "http/hosted_pages.h"
#include "oauth2_form.h"
#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QUrl>

// The browser's side of the OpenID Connect provider: the authorization endpoint with its hosted
// sign-in, second-factor and consent pages, and RP-initiated logout. Each form carries the
// authorization request along and is checked anew on every step; a step posted without the
// browser's anti-forgery token (double-submitted: a cookie and a field) is refused.
namespace keyward::routes {

namespace {

using pages::Text;

// What an authorization request consists of; nothing else is carried from page to page.
const QStringList RequestParameters{
    QStringLiteral("client_id"),     QStringLiteral("redirect_uri"),   QStringLiteral("response_type"),
    QStringLiteral("response_mode"), QStringLiteral("scope"),          QStringLiteral("state"),
    QStringLiteral("nonce"),         QStringLiteral("code_challenge"), QStringLiteral("code_challenge_method"),
    QStringLiteral("prompt"),        QStringLiteral("max_age"),        QStringLiteral("login_hint"),
    QStringLiteral("ui_locales"),    QStringLiteral("id_token_hint"),
};

// The provider's cookies: HttpOnly, SameSite=Lax (a cross-site form post carries none of them,
// a top-level navigation from the application does), and behind https __Host- bound and Secure.
struct Cookies {
    bool secure = false;
    QByteArray name(const char *base) const { return (secure ? "__Host-" : "") + QByteArray(base); }
    // `days`: how long the browser keeps it; 0: until it closes.
    QByteArray set(const char *base, const QString &value, int days = 0) const
    {
        const QByteArray lifetime = value.isEmpty() ? QByteArray("; Max-Age=0")
                                    : days > 0      ? "; Max-Age=" + QByteArray::number(days * 86400)
                                                    : QByteArray();
        return name(base) + '=' + value.toLatin1() + "; Path=/; HttpOnly; SameSite=Lax" + (secure ? "; Secure" : "") +
               lifetime;
    }
};
constexpr const char *SignInCookie = "keyward_signin";
constexpr const char *CsrfCookie = "keyward_csrf";
// The user said "not now" to adding a passkey: not asked again in this browser for a while.
constexpr const char *PasskeyLaterCookie = "keyward_passkey_later";
constexpr int PasskeyLaterDays = 30;

Cookies cookies(const RequestContext &ctx)
{
    return {ctx.services.auth().issuer().startsWith(QLatin1String("https://"))};
}

QString cookieValue(const HttpRequest &request, const QByteArray &name)
{
    for (const QByteArray &header : request.headerValues("cookie"))
        for (const QByteArray &pair : header.split(';')) {
            const QByteArray trimmed = pair.trimmed();
            if (trimmed.startsWith(QByteArray(name + '=')))
                return QString::fromLatin1(trimmed.mid(name.size() + 1));
        }
    return {};
}

// Where a redirect to `uri` goes, as a CSP source: Chrome checks form-action on the redirect that
// answers a form, so the application's origin must be allowed there.
QString origin(const QString &uri)
{
    const QUrl url(uri);
    if (url.scheme() != QLatin1String("http") && url.scheme() != QLatin1String("https"))
        return url.scheme() + QLatin1Char(':');
    return url.adjusted(QUrl::RemovePath | QUrl::RemoveQuery | QUrl::RemoveFragment | QUrl::RemoveUserInfo)
        .toString(QUrl::FullyEncoded);
}

HttpResponse redirectTo(const QString &url, bool afterPost)
{
    HttpResponse r;
    r.status = afterPost ? 303 : 302;
    r.setHeader("Location", url.toUtf8());
    r.setHeader("Cache-Control", "no-store");
    return r;
}

HttpResponse withCookies(HttpResponse r, const QList<QByteArray> &setCookies)
{
    for (const QByteArray &c : setCookies)
        r.headers.append({QByteArrayLiteral("Set-Cookie"), c});
    return r;
}

// One pass through the authorization endpoint: a request, or a step of its pages.
class Authorization {
public:
    Authorization(RequestContext &ctx, Form parameters, bool posted)
        : m_ctx(ctx)
        , m_parameters(std::move(parameters))
        , m_posted(posted)
        , m_cookies(cookies(ctx))
        , m_language(
              pages::language(m_parameters.value(QStringLiteral("ui_locales")), ctx.request.header("accept-language")))
    {
        // One anti-forgery token per browser, kept while it is well formed.
        static const QRegularExpression tokenForm(
            QRegularExpression::anchoredPattern(QStringLiteral("[A-Za-z0-9_-]{43}")));
        m_csrf = cookieValue(ctx.request, m_cookies.name(CsrfCookie));
        if (!tokenForm.match(m_csrf).hasMatch()) {
            m_csrf = crypto::randomToken(32);
            m_setCookies.append(m_cookies.set(CsrfCookie, m_csrf));
            m_csrfIsNew = true;
        }
    }

    HttpResponse run()
    {
        AuthorizationCheck checked = m_ctx.services.authorization().check(m_parameters);
        if (!checked.request) {
            const AuthorizationRefusal &no = checked.refusal;
            if (no.toClient)
                return refuseToClient(no.redirectUri, no.state, no.error, no.description);
            return page(pages::error(m_language, no.error == QLatin1String("server_error") ? 500 : 400,
                                     no.error == QLatin1String("invalid_client") ? Text::UnknownClient
                                     : no.error == QLatin1String("server_error") ? Text::SomethingWentWrong
                                                                                 : Text::UnregisteredRedirect));
        }
        m_request = std::move(*checked.request);
        if (m_parameters.contains(QStringLiteral("id_token_hint")))
            if (const auto hint = m_ctx.services.authorization().idTokenHint(
                    m_parameters.value(QStringLiteral("id_token_hint")), issuer()))
                m_request.hintedSubject = hint->subject;
        m_browser = m_ctx.services.authorization().signedIn(cookieValue(m_ctx.request, m_cookies.name(SignInCookie)));
        const QString step = m_parameters.value(QStringLiteral("step"));
        if (m_posted && !step.isEmpty()) {
            if (m_csrfIsNew ||
                !crypto::constantTimeEquals(m_csrf.toLatin1(), m_parameters.value(QStringLiteral("csrf")).toLatin1()))
                return page(pages::error(m_language, 403, Text::FormExpired));
            if (step == QLatin1String("password"))
                return afterSignIn(
                    m_ctx.services.auth().login(m_ctx.principal, m_parameters.value(QStringLiteral("login")),
                                                m_parameters.value(QStringLiteral("password")), Session::HostedSignIn));
            if (step == QLatin1String("code"))
                return afterSignIn(m_ctx.services.auth().completeMfa(
                    m_ctx.principal, m_parameters.value(QStringLiteral("mfa_token")),
                    m_parameters.value(QStringLiteral("code")), Session::HostedSignIn));
            if (step == QLatin1String("passkey"))
                return afterSignIn(
                    m_ctx.services.passkeys().signIn(m_ctx.principal, postedCredential(), Session::HostedSignIn));
            if (step == QLatin1String("passkey-factor"))
                return afterSignIn(m_ctx.services.passkeys().completeSecondFactor(
                    m_ctx.principal, m_parameters.value(QStringLiteral("mfa_token")), postedCredential(),
                    Session::HostedSignIn));
            if (step == QLatin1String("passkey-offer") && m_browser)
                return afterPasskeyOffer();
            if (step == QLatin1String("consent") && m_browser) {
                if (m_parameters.value(QStringLiteral("decision")) != QLatin1String("allow"))
                    return refuseToClient(m_request.redirectUri, m_request.state, QStringLiteral("access_denied"),
                                          QStringLiteral("The user denied access."));
                return proceed(false, true);
            }
            if (step != QLatin1String("consent"))
                return page(pages::error(m_language, 400, Text::SomethingWentWrong));
        }
        return proceed(false, false);
    }

private:
    HttpResponse page(HttpResponse r) const { return withCookies(std::move(r), m_setCookies); }

    HttpResponse refuseToClient(const QString &redirectUri, const QString &state, const QString &error,
                                const QString &description) const
    {
        return page(
            redirectTo(AuthorizationService::redirect(redirectUri, {{QStringLiteral("error"), error},
                                                                    {QStringLiteral("error_description"), description},
                                                                    {QStringLiteral("state"), state},
                                                                    {QStringLiteral("iss"), issuer()}}),
                       m_posted));
    }

    QString issuer() const { return m_ctx.services.auth().issuer(); }

    // The passkey's answer the page's script posted, as WebAuthn's JSON.
    QJsonObject postedCredential() const
    {
        return QJsonDocument::fromJson(m_parameters.value(QStringLiteral("credential")).toUtf8()).object();
    }

    // After a sign-in with a password, unless this browser said "not now" lately: add a passkey?
    // Only to an account without one, while its session is fresh enough to add one.
    std::optional<HttpResponse> passkeyOffer()
    {
        const QString step = m_parameters.value(QStringLiteral("step"));
        if ((step != QLatin1String("password") && step != QLatin1String("code")) ||
            !cookieValue(m_ctx.request, m_cookies.name(PasskeyLaterCookie)).isEmpty())
            return std::nullopt;
        const auto options = passkeyOfferOptions();
        if (!options)
            return std::nullopt;
        return page(pages::passkeyOffer(form(true), *options, {}));
    }

    // Whether the offer may be made: the setting is on, and the browser's session may add a first
    // passkey (not one limited to a password change, and the account has none yet).
    bool passkeyOfferAllowed() const
    {
        if (!m_ctx.services.settings().current().passkeyOffer || m_browser->session.passwordChangeOnly)
            return false;
        const auto own = m_ctx.services.passkeys().listOwn(m_browser->actor(m_ctx.principal));
        return own && own->isEmpty();
    }

    // Creation options for the offer, when it is allowed and the session fresh enough to add one.
    std::optional<QByteArray> passkeyOfferOptions()
    {
        if (!passkeyOfferAllowed())
            return std::nullopt;
        const auto options =
            m_ctx.services.passkeys().registrationOptions(m_browser->actor(m_ctx.principal), std::nullopt);
        if (!options)
            return std::nullopt;
        return QJsonDocument(*options).toJson(QJsonDocument::Compact);
    }

    // The answer to that offer: a new passkey, or "not now"; either way on to the application.
    HttpResponse afterPasskeyOffer()
    {
        if (m_parameters.value(QStringLiteral("decision")) == QLatin1String("later")) {
            m_setCookies.append(m_cookies.set(PasskeyLaterCookie, QStringLiteral("1"), PasskeyLaterDays));
            return proceed(false, false);
        }
        // Only what the offer allows: posting this step is no way around its conditions.
        if (!passkeyOfferAllowed())
            return proceed(false, false);
        if (m_ctx.services.passkeys().registerPasskey(m_browser->actor(m_ctx.principal), postedCredential(), QString()))
            return proceed(false, false);
        // Refused (or the ceremony failed in the browser): fresh options to try again, while allowed.
        const auto options = passkeyOfferOptions();
        if (!options)
            return proceed(false, false);
        return page(pages::passkeyOffer(form(false), *options, Text::PasskeyFailed));
    }

    // The second step of a sign-in: a code field when the account has a code to give, a passkey
    // button (with fresh options) when it has a passkey.
    HttpResponse secondFactorPage(const QString &mfaToken, const QStringList &methods, std::optional<Text> error)
    {
        pages::SecondFactorOffer offer{mfaToken, methods.contains(QLatin1String("totp")), {}};
        if (methods.contains(QLatin1String("passkey")))
            if (auto options = m_ctx.services.passkeys().secondFactorOptions(mfaToken, Session::HostedSignIn))
                offer.passkeyOptions = QJsonDocument(*options).toJson(QJsonDocument::Compact);
        if (!offer.code && offer.passkeyOptions.isEmpty()) // nothing left to answer with: start again
            return page(pages::signIn(form(false), m_request.client.name, m_parameters.value(QStringLiteral("login")),
                                      Text::SignInExpired));
        return page(pages::secondFactor(form(false), m_request.client.name, offer, error));
    }

    // The pages' forms: posted back here with the request's parameters. After a sign-in in this
    // very request, prompt=login and max_age are met and are not carried on (the next step would
    // ask again).
    pages::Form form(bool signedInNow) const
    {
        pages::Form f{m_language,
                      m_csrf,
                      QUrl(issuer()).path() + QStringLiteral("/oauth2/authorize"),
                      origin(m_request.redirectUri),
                      {},
                      {}};
        for (const QString &name : RequestParameters) {
            if (!m_parameters.contains(name) || (signedInNow && name == QLatin1String("max_age")))
                continue;
            QString value = m_parameters.value(name);
            if (signedInNow && name == QLatin1String("prompt"))
                value = m_request.prompt.contains(QLatin1String("consent")) ? QStringLiteral("consent") : QString();
            f.carried.append({name, value});
        }
        if (m_ctx.services.settings().current().passkeysPasswordless)
            f.passkeyOptionsUrl = QUrl(issuer()).path() + QStringLiteral("/api/v1/auth/webauthn/options");
        return f;
    }

    HttpResponse afterSignIn(const Result<IssuedTokens> &signedIn)
    {
        if (signedIn) {
            // A sign-in replaces the browser's last one, which ends (no orphan outlives its cookie).
            const std::optional<BrowserSignIn> last = std::move(m_browser);
            m_setCookies.append(m_cookies.set(SignInCookie, signedIn->refreshToken));
            m_browser = m_ctx.services.authorization().signedIn(signedIn->refreshToken);
            if (!m_browser)
                return page(pages::error(m_language, 500, Text::SomethingWentWrong));
            if (last)
                (void)m_ctx.services.authorization().replace(m_ctx.principal, *last, *m_browser);
            if (auto offer = passkeyOffer())
                return *offer;
            return proceed(true, false);
        }
        const ApiError &e = signedIn.error();
        const QString application = m_request.client.name;
        if (e.slug() == QLatin1String("mfa-required")) {
            QStringList methods;
            for (const QJsonValue &m : e.extensions().value(QStringLiteral("mfa_methods")).toArray())
                methods << m.toString();
            return secondFactorPage(e.extensions().value(QStringLiteral("mfa_token")).toString(), methods, {});
        }
        const QString login = m_parameters.value(QStringLiteral("login"));
        const QString step = m_parameters.value(QStringLiteral("step"));
        if (step == QLatin1String("code") || step == QLatin1String("passkey-factor")) {
            // A wrong answer may be given again with the same token, until it is spent.
            const QString mfaToken = m_parameters.value(QStringLiteral("mfa_token"));
            if (e.status() == 422)
                if (auto methods = m_ctx.services.auth().mfaMethods(mfaToken, Session::HostedSignIn))
                    return secondFactorPage(mfaToken, *methods,
                                            step == QLatin1String("code") ? Text::BadCode : Text::PasskeyFailed);
            if (e.status() == 401 || e.status() == 422)
                return page(pages::signIn(form(false), application, login, Text::SignInExpired));
        }
        const Text why = e.status() == 429                                      ? Text::TooManyAttempts
                         : e.slug() == QLatin1String("account-disabled")        ? Text::AccountDisabled
                         : e.slug() == QLatin1String("passkey-second-factor")   ? Text::PasskeyAfterPassword
                         : step == QLatin1String("passkey") && e.status() < 500 ? Text::PasskeyFailed
                         : e.status() == 401                                    ? Text::BadCredentials
                                                                                : Text::SomethingWentWrong;
        HttpResponse r = pages::signIn(form(false), application, login, why);
        if (e.status() == 429 || e.status() >= 500) {
            r.status = e.status();
            if (e.retryAfterSeconds() > 0)
                r.setHeader("Retry-After", QByteArray::number(e.retryAfterSeconds()));
        }
        return page(std::move(r));
    }

    HttpResponse proceed(bool signedInNow, bool consented)
    {
        auto &authorization = m_ctx.services.authorization();
        switch (authorization.next(m_request, m_browser, signedInNow, consented)) {
        case AuthorizationStep::SignIn:
            return page(pages::signIn(form(false), m_request.client.name, m_request.loginHint, {}));
        case AuthorizationStep::Consent:
            return page(pages::consent(form(signedInNow), m_request.client.name,
                                       m_browser->user.displayName.isEmpty() ? m_browser->user.username
                                                                             : m_browser->user.displayName,
                                       m_request.scopes));
        case AuthorizationStep::LoginRequired:
            return refuseToClient(m_request.redirectUri, m_request.state, QStringLiteral("login_required"),
                                  QStringLiteral("Nobody is signed in."));
        case AuthorizationStep::ConsentRequired:
            return refuseToClient(m_request.redirectUri, m_request.state, QStringLiteral("consent_required"),
                                  QStringLiteral("The user must be asked."));
        case AuthorizationStep::InteractionRequired:
            return refuseToClient(m_request.redirectUri, m_request.state, QStringLiteral("interaction_required"),
                                  QStringLiteral("The user must change the password first."));
        case AuthorizationStep::PasswordChangeRequired:
            return page(pages::error(m_language, 403, Text::PasswordChangeRequired));
        case AuthorizationStep::Issue:
            break;
        }
        auto code = authorization.issueCode(m_ctx.principal, m_request, *m_browser);
        if (!code)
            return refuseToClient(m_request.redirectUri, m_request.state, QStringLiteral("server_error"),
                                  QStringLiteral("The code could not be issued."));
        return page(redirectTo(
            AuthorizationService::redirect(m_request.redirectUri, {{QStringLiteral("code"), *code},
                                                                   {QStringLiteral("state"), m_request.state},
                                                                   {QStringLiteral("iss"), issuer()}}),
            m_posted));
    }

    RequestContext &m_ctx;
    Form m_parameters;
    bool m_posted;
    Cookies m_cookies;
    pages::Language m_language;
    QString m_csrf;
    bool m_csrfIsNew = false;
    QList<QByteArray> m_setCookies;
    AuthorizationRequest m_request;
    std::optional<BrowserSignIn> m_browser;
};

// RP-initiated logout 1.0: signs the browser out, after asking unless the application proved with
// an ID token that it speaks for the signed-in user; then back to a registered post-logout URI, or
// a page saying so.
HttpResponse logout(RequestContext &ctx, const Form &p, bool posted)
{
    const Cookies jar = cookies(ctx);
    const pages::Language language =
        pages::language(p.value(QStringLiteral("ui_locales")), ctx.request.header("accept-language"));
    AuthorizationService &authorization = ctx.services.authorization();
    const auto hint =
        p.contains(QStringLiteral("id_token_hint"))
            ? authorization.idTokenHint(p.value(QStringLiteral("id_token_hint")), ctx.services.auth().issuer())
            : std::nullopt;
    std::optional<OAuthClient> client = hint ? std::optional<OAuthClient>(hint->client) : std::nullopt;
    const QString clientId = p.value(QStringLiteral("client_id"));
    if (!clientId.isEmpty() && (!client || client->id != clientId)) {
        if (client)
            return pages::error(language, 400, Text::UnknownClient); // two different applications
        auto named = authorization.client(clientId);
        if (named)
            client = *named;
    }
    const QString returnTo = p.value(QStringLiteral("post_logout_redirect_uri"));
    if (!returnTo.isEmpty() && (!client || !client->postLogoutRedirectUris.contains(returnTo)))
        return pages::error(language, 400, Text::UnregisteredRedirect);

    const auto browser = authorization.signedIn(cookieValue(ctx.request, jar.name(SignInCookie)));
    const QString csrf = cookieValue(ctx.request, jar.name(CsrfCookie));
    const bool confirmed = (hint && browser && hint->subject == browser->user.id) ||
                           (posted && p.value(QStringLiteral("step")) == QLatin1String("logout") && csrf.size() == 43 &&
                            crypto::constantTimeEquals(csrf.toLatin1(), p.value(QStringLiteral("csrf")).toLatin1()));
    if (browser && !confirmed) {
        pages::Form form{language,
                         csrf,
                         QUrl(ctx.services.auth().issuer()).path() + QStringLiteral("/oauth2/logout"),
                         returnTo.isEmpty() ? QString() : origin(returnTo),
                         {},
                         {}};
        QList<QByteArray> setCookies;
        if (csrf.size() != 43) {
            form.csrf = crypto::randomToken(32);
            setCookies.append(jar.set(CsrfCookie, form.csrf));
        }
        for (const QString &name : {QStringLiteral("client_id"), QStringLiteral("post_logout_redirect_uri"),
                                    QStringLiteral("state"), QStringLiteral("ui_locales")})
            if (p.contains(name))
                form.carried.append({name, p.value(name)});
        if (client && !p.contains(QStringLiteral("client_id")))
            form.carried.append({QStringLiteral("client_id"), client->id});
        return withCookies(pages::signOut(form), setCookies);
    }
    if (browser)
        if (auto s = authorization.signOut(ctx.principal, *browser); !s)
            return pages::error(language, 500, Text::SomethingWentWrong);
    HttpResponse r = returnTo.isEmpty()
                         ? pages::signedOut(language)
                         : redirectTo(AuthorizationService::redirect(
                                          returnTo, {{QStringLiteral("state"), p.value(QStringLiteral("state"))}}),
                                      posted);
    return withCookies(std::move(r), {jar.set(SignInCookie, QString())});
}

// The parameters of a GET (the query) or a POST (the form); sent twice, or both, is an error.
Result<Form> parameters(const RequestContext &ctx, bool posted)
{
    if (!posted)
        return readQuery(ctx.request);
    if (!ctx.request.rawQuery.isEmpty())
        return OAuthService::error(400, "invalid_request", QStringLiteral("Send the parameters in the body only."));
    return readForm(ctx.request);
}

template <typename Answer>
Handler page(bool posted, Answer answer)
{
    return [posted, answer](RequestContext &ctx) {
        auto p = parameters(ctx, posted);
        if (!p)
            return pages::error(pages::language({}, ctx.request.header("accept-language")), 400,
                                Text::SomethingWentWrong);
        return answer(ctx, std::move(*p), posted);
    };
}

} // namespace

void registerOAuth2Authorize(Router &router)
{
    // A sign-in posted here hashes a password: the sign-in class's rate limit, on the hashing pool.
    const RouteOptions shown{RouteOptions::Access::Public};
    const RouteOptions posted{RouteOptions::Access::Public, RouteOptions::Body::Form,
                              RouteOptions::Execution::HashingPool, RouteOptions::Limit::Auth};
    const auto authorize = [](RequestContext &ctx, Form p, bool viaPost) {
        return Authorization(ctx, std::move(p), viaPost).run();
    };
    router.add("GET", QStringLiteral("/oauth2/authorize"), shown, page(false, authorize));
    router.add("POST", QStringLiteral("/oauth2/authorize"), posted, page(true, authorize));
    RouteOptions logoutPosted = posted;
    logoutPosted.execution = RouteOptions::Execution::Inline;
    logoutPosted.limit = RouteOptions::Limit::ByMethod;
    router.add("GET", QStringLiteral("/oauth2/logout"), shown, page(false, logout));
    router.add("POST", QStringLiteral("/oauth2/logout"), logoutPosted, page(true, logout));
}

} // namespace keyward::routes

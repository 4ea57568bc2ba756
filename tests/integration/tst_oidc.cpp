// The OpenID Connect authorization code flow over real HTTP, on SQLite and PostgreSQL, driven as a
// browser drives it (the hosted pages' forms, their cookies, the redirects) and as a client redeems
// it at the token endpoint. The negative cases are RFC 9700's and the OpenID conformance suite's
// basic profile's: a code used twice, another redirect URI, no PKCE, a wrong verifier, an expired
// code, a forged form.
#include "api_helpers.h"
#include "crypto/digest.h"
#include "crypto/jwt.h"
#include "manual_clock.h"
#include "software_authenticator.h"
#include "test_server.h"
#include "web_tools.h"

#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QTest>
#include <QUrlQuery>

using namespace keyward;
using namespace keyward::test;

namespace {

const QString Clients = QStringLiteral("/api/v1/oauth2/clients");
// A web application's https address (a public client there may skip consent when first-party;
// the tests read the redirects, they do not follow them).
const QString Callback = QStringLiteral("https://app.example/callback");
const QString Password = QStringLiteral("correct horse battery");

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QByteArray out;
    for (const auto &[k, v] : fields)
        out += QUrl::toPercentEncoding(k) + '=' + QUrl::toPercentEncoding(v) + '&';
    out.chop(1);
    return out;
}

QString query(const QList<QPair<QString, QString>> &fields)
{
    return QString::fromLatin1(form(fields));
}

QString challengeOf(const QString &verifier)
{
    return QString::fromLatin1(
        crypto::sha256(verifier.toLatin1()).toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// A browser: keeps the cookies it is given, reads the forms it is shown.
// A browser whose user said "not now" to adding a passkey after signing in (the offer has a test
// of its own; the others go straight on to the application).
struct Browser {
    explicit Browser(TestServer &s)
        : server(s)
    {
    }
    TestServer &server;
    QMap<QByteArray, QByteArray> cookies{{"keyward_passkey_later", "1"}};
    QByteArray acceptLanguage = "en";

    QList<QPair<QByteArray, QByteArray>> headers(bool posted) const
    {
        QList<QPair<QByteArray, QByteArray>> h{{"Accept-Language", acceptLanguage}};
        QByteArray jar;
        for (auto it = cookies.begin(); it != cookies.end(); ++it)
            jar += it.key() + '=' + it.value() + "; ";
        if (!jar.isEmpty())
            h.append({QByteArrayLiteral("Cookie"), jar.chopped(2)});
        if (posted)
            h.append({QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/x-www-form-urlencoded")});
        return h;
    }
    Reply keep(Reply r)
    {
        for (const auto &[name, value] : r.headers) {
            if (name.compare("Set-Cookie", Qt::CaseInsensitive) != 0)
                continue;
            const QByteArray pair = value.split(';').first();
            const qsizetype eq = pair.indexOf('=');
            if (value.contains("Max-Age=0"))
                cookies.remove(pair.left(eq));
            else
                cookies.insert(pair.left(eq), pair.mid(eq + 1));
        }
        return r;
    }
    Reply get(const QString &pathAndQuery) { return keep(server.send("GET", pathAndQuery, {}, {}, headers(false))); }
    Reply post(const QString &path, const QByteArray &body)
    {
        return keep(server.send("POST", path, body, {}, headers(true)));
    }

    // An attribute's value as the browser reads it.
    static QString unescaped(QString value)
    {
        return value.replace(QLatin1String("&quot;"), QLatin1String("\""))
            .replace(QLatin1String("&#39;"), QLatin1String("'"))
            .replace(QLatin1String("&lt;"), QLatin1String("<"))
            .replace(QLatin1String("&gt;"), QLatin1String(">"))
            .replace(QLatin1String("&amp;"), QLatin1String("&"));
    }

    // The hidden fields of the page's `which`-th form, as the browser posts them.
    static QList<QPair<QString, QString>> fields(const Reply &page, int which = 0)
    {
        QList<QPair<QString, QString>> out;
        static const QRegularExpression input(
            QStringLiteral("<input type=\"hidden\" name=\"([^\"]+)\" value=\"([^\"]*)\">"));
        const QString html = QString::fromUtf8(page.body);
        qsizetype start = -1;
        for (int i = 0; i <= which; ++i)
            start = html.indexOf(QLatin1String("<form"), start + 1);
        const QString form =
            start < 0 ? QString() : html.mid(start, html.indexOf(QLatin1String("</form>"), start) - start);
        auto it = input.globalMatch(form);
        while (it.hasNext()) {
            const auto m = it.next();
            out.append({m.captured(1), unescaped(m.captured(2))});
        }
        return out;
    }
    Reply submit(const Reply &page, const QList<QPair<QString, QString>> &filledIn, int which = 0)
    {
        // What is filled in replaces the field of that name, as typing into it does.
        QList<QPair<QString, QString>> posted = fields(page, which);
        posted.removeIf([&](const auto &field) {
            return std::any_of(filledIn.begin(), filledIn.end(), [&](const auto &f) { return f.first == field.first; });
        });
        return post(QStringLiteral("/oauth2/authorize"), form(posted + filledIn));
    }
};

// The parameters of the redirect a reply sends the browser to.
QUrlQuery redirectQuery(const Reply &r)
{
    return QUrlQuery(QUrl(QString::fromUtf8(r.header("Location"))));
}

QString value(const QUrlQuery &q, const char *name)
{
    return q.queryItemValue(QString::fromLatin1(name), QUrl::FullyDecoded);
}

} // namespace

class TstOidc : public QObject {
    Q_OBJECT

private:
    struct Client {
        QString id;
        QString secret;
    };

    // A client of this test's callback: public (PKCE only) unless a secret is wanted.
    static Client registerClient(TestServer &s, bool firstParty, bool confidential = false,
                                 const QStringList &scopes = {QStringLiteral("openid"), QStringLiteral("profile"),
                                                              QStringLiteral("email"), QStringLiteral("roles")},
                                 const QString &redirectUri = Callback)
    {
        QJsonObject body =
            obj({{QStringLiteral("name"), firstParty ? QStringLiteral("Intranet") : QStringLiteral("Photo <Print>")},
                 {QStringLiteral("type"), confidential ? QStringLiteral("confidential") : QStringLiteral("public")},
                 {QStringLiteral("redirect_uris"), QJsonArray{redirectUri}},
                 {QStringLiteral("post_logout_redirect_uris"), QJsonArray{QStringLiteral("http://127.0.0.1:8765/bye")}},
                 {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)},
                 {QStringLiteral("first_party"), firstParty}});
        const Reply r = s.post(Clients, body, s.adminToken());
        if (r.status != 201)
            qFatal("client not registered: %s", r.body.constData());
        return {r.json().value(QStringLiteral("id")).toString(),
                r.json().value(QStringLiteral("client_secret")).toString()};
    }

    static QString authorizeUrl(const Client &c, const QString &verifier,
                                const QList<QPair<QString, QString>> &extra = {})
    {
        QList<QPair<QString, QString>> p{{QStringLiteral("response_type"), QStringLiteral("code")},
                                         {QStringLiteral("client_id"), c.id},
                                         {QStringLiteral("redirect_uri"), Callback},
                                         {QStringLiteral("scope"), QStringLiteral("openid profile email")},
                                         {QStringLiteral("state"), QStringLiteral("st&te=1")},
                                         {QStringLiteral("nonce"), QStringLiteral("n-0S6_WzA2Mj")},
                                         {QStringLiteral("code_challenge"), challengeOf(verifier)},
                                         {QStringLiteral("code_challenge_method"), QStringLiteral("S256")}};
        for (const auto &e : extra) {
            p.erase(std::remove_if(p.begin(), p.end(), [&](const auto &x) { return x.first == e.first; }), p.end());
            if (!e.second.isNull())
                p.append(e);
        }
        return QStringLiteral("/oauth2/authorize?") + query(p);
    }

    static Reply exchange(TestServer &s, const Client &c, const QString &code, const QString &verifier,
                          const QString &redirectUri = Callback)
    {
        return s.send("POST", QStringLiteral("/oauth2/token"),
                      form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                            {QStringLiteral("client_id"), c.id},
                            {QStringLiteral("code"), code},
                            {QStringLiteral("redirect_uri"), redirectUri},
                            {QStringLiteral("code_verifier"), verifier}}),
                      {}, {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

    static Reply refresh(TestServer &s, const Client &c, const QString &token)
    {
        return s.send("POST", QStringLiteral("/oauth2/token"),
                      form({{QStringLiteral("grant_type"), QStringLiteral("refresh_token")},
                            {QStringLiteral("client_id"), c.id},
                            {QStringLiteral("refresh_token"), token}}),
                      {}, {{"Content-Type", "application/x-www-form-urlencoded"}});
    }

    // Signs in on the hosted page the request leads to; the reply redirects back with a code.
    static Reply signIn(Browser &b, const QString &url, const QString &login = QStringLiteral("alice"))
    {
        const Reply page = b.get(url);
        if (page.status != 200 || !page.body.contains("name=\"password\""))
            qFatal("no sign-in page: %d %s", page.status, page.body.constData());
        return b.submit(page, {{QStringLiteral("login"), login}, {QStringLiteral("password"), Password}});
    }

    static QString codeFrom(const Reply &r)
    {
        if (r.status != 303 && r.status != 302)
            qFatal("not redirected: %d %s", r.status, r.body.constData());
        return value(redirectQuery(r), "code");
    }

    static QString oauthError(const Reply &r) { return r.json().value(QStringLiteral("error")).toString(); }

    // Turns on TOTP for `login` as the user would; the authenticator's secret, or empty on failure.
    // The current step's code is spent confirming it.
    static QString enrolAuthenticator(TestServer &s, const QString &login)
    {
        const QByteArray token = s.accessToken(login, Password);
        const QString secret = s.request("POST", QStringLiteral("/api/v1/me/mfa/totp"), {}, token)
                                   .json()
                                   .value(QStringLiteral("secret"))
                                   .toString();
        const Reply confirmed =
            s.post(QStringLiteral("/api/v1/me/mfa/totp/confirm"),
                   obj({{QStringLiteral("code"), oathtool(secret, QDateTime::currentSecsSinceEpoch())}}), token);
        return confirmed.status == 200 ? secret : QString();
    }

private Q_SLOTS:
    void discoveryOffersTheCodeFlow()
    {
        TestServer s;
        const QJsonObject d = s.get(QStringLiteral("/.well-known/openid-configuration")).json();
        const QString issuer = d.value(QStringLiteral("issuer")).toString();
        QCOMPARE(d.value(QStringLiteral("authorization_endpoint")).toString(),
                 issuer + QStringLiteral("/oauth2/authorize"));
        QCOMPARE(d.value(QStringLiteral("userinfo_endpoint")).toString(), issuer + QStringLiteral("/oauth2/userinfo"));
        QCOMPARE(d.value(QStringLiteral("end_session_endpoint")).toString(), issuer + QStringLiteral("/oauth2/logout"));
        QCOMPARE(d.value(QStringLiteral("response_types_supported")).toArray(), QJsonArray{QStringLiteral("code")});
        QCOMPARE(d.value(QStringLiteral("code_challenge_methods_supported")).toArray(),
                 QJsonArray{QStringLiteral("S256")});
        QVERIFY(
            d.value(QStringLiteral("grant_types_supported")).toArray().contains(QStringLiteral("authorization_code")));
        QVERIFY(d.value(QStringLiteral("scopes_supported")).toArray().contains(QStringLiteral("openid")));
    }

    void aUserSignsInAndTheClientGetsTokens_data() { TestDatabase::addBackendRows(); }
    void aUserSignsInAndTheClientGetsTokens()
    {
        auto s = TestServer::onRowBackend();
        const QString alice = s->createUser(QStringLiteral("alice"), Password, {QStringLiteral("user")});
        const Client c = registerClient(*s, true);
        Browser b(*s);
        const QString verifier = crypto::randomToken(32);

        // The sign-in page: strict CSP, an anti-forgery cookie, labelled fields named as documented.
        const Reply page = b.get(authorizeUrl(c, verifier));
        QCOMPARE(page.status, 200);
        QVERIFY(page.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = page.header("Content-Security-Policy");
        QVERIFY2(csp.contains("default-src 'none'") && !csp.contains("unsafe-inline") &&
                     csp.contains("form-action 'self' https://app.example"),
                 csp.constData());
        QVERIFY(page.body.contains("<label for=\"login\">") && page.body.contains("<label for=\"password\">"));
        QVERIFY(page.body.contains("Intranet"));
        QVERIFY(b.cookies.contains("keyward_csrf"));

        // A wrong password: the page again, saying so, and audited as any failed sign-in.
        const Reply wrong = b.submit(page, {{QStringLiteral("login"), QStringLiteral("alice")},
                                            {QStringLiteral("password"), QStringLiteral("wrong")}});
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.body.contains("role=\"alert\""));
        QVERIFY(!b.cookies.contains("keyward_signin"));

        const Reply back = b.submit(
            page, {{QStringLiteral("login"), QStringLiteral("alice")}, {QStringLiteral("password"), Password}});
        QCOMPARE(back.status, 303);
        QVERIFY(QString::fromUtf8(back.header("Location")).startsWith(Callback + QLatin1Char('?')));
        const QUrlQuery q = redirectQuery(back);
        QCOMPARE(value(q, "state"), QStringLiteral("st&te=1"));
        QCOMPARE(value(q, "iss"), s->services().auth().issuer());
        QVERIFY(b.cookies.contains("keyward_signin"));
        bool httpOnly = false;
        for (const auto &[name, v] : back.headers)
            if (name.compare("Set-Cookie", Qt::CaseInsensitive) == 0 && v.startsWith("keyward_signin="))
                httpOnly = v.contains("HttpOnly") && v.contains("SameSite=Lax");
        QVERIFY(httpOnly);

        const Reply tokens = exchange(*s, c, value(q, "code"), verifier);
        QCOMPARE(tokens.status, 200);
        QCOMPARE(tokens.header("Cache-Control"), QByteArray("no-store"));
        const QJsonObject t = tokens.json();
        const auto id = crypto::decodeJwt(t.value(QStringLiteral("id_token")).toString().toLatin1());
        QVERIFY(id);
        QCOMPARE(id->claims.value(QStringLiteral("sub")).toString(), alice);
        QCOMPARE(id->claims.value(QStringLiteral("aud")).toString(), c.id);
        QCOMPARE(id->claims.value(QStringLiteral("nonce")).toString(), QStringLiteral("n-0S6_WzA2Mj"));
        QCOMPARE(id->claims.value(QStringLiteral("preferred_username")).toString(), QStringLiteral("alice"));
        QCOMPARE(id->claims.value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
        QVERIFY(!id->claims.contains(QStringLiteral("roles"))); // not asked for
        QVERIFY(id->claims.value(QStringLiteral("auth_time")).toInteger() > 0);
        QCOMPARE(id->claims.value(QStringLiteral("amr")).toArray(), QJsonArray{QStringLiteral("pwd")});
        const QByteArray access = t.value(QStringLiteral("access_token")).toString().toLatin1();

        // userinfo for the token; the REST API takes it for nothing.
        const Reply info = s->get(QStringLiteral("/oauth2/userinfo"), access);
        QCOMPARE(info.status, 200);
        QCOMPARE(info.json().value(QStringLiteral("sub")).toString(), alice);
        QCOMPARE(info.json().value(QStringLiteral("email")).toString(), QStringLiteral("alice@example.com"));
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), access).status, 401);
        const Reply noToken = s->get(QStringLiteral("/oauth2/userinfo"));
        QCOMPARE(noToken.status, 401);
        QVERIFY(noToken.header("WWW-Authenticate").startsWith("Bearer"));

        // The refresh token rotates; the spent one coming back ends the session.
        const QString r1 = t.value(QStringLiteral("refresh_token")).toString();
        const Reply rotated = refresh(*s, c, r1);
        QCOMPARE(rotated.status, 200);
        const QString r2 = rotated.json().value(QStringLiteral("refresh_token")).toString();
        QVERIFY(!r2.isEmpty() && r2 != r1);
        QVERIFY(rotated.json().contains(QStringLiteral("id_token")));
        // Neither the REST API nor another client may use it.
        QCOMPARE(s->post(QStringLiteral("/api/v1/auth/refresh"), obj({{QStringLiteral("refresh_token"), r2}})).status,
                 401);
        const Client other = registerClient(*s, true);
        QCOMPARE(oauthError(refresh(*s, other, r2)), QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(*s, c, r1).status, 400);
        QCOMPARE(oauthError(refresh(*s, c, r2)), QStringLiteral("invalid_grant"));
        QCOMPARE(s->get(QStringLiteral("/oauth2/userinfo"), access).status, 401);

        // Signed in: the next authorization needs no page (first-party: no consent either).
        const QString v2 = crypto::randomToken(32);
        const Reply sso = b.get(authorizeUrl(c, v2));
        QCOMPARE(sso.status, 302);
        // A max_age beyond any clock's reach is "any age", not an overflow.
        QCOMPARE(
            b.get(authorizeUrl(c, v2, {{QStringLiteral("max_age"), QStringLiteral("9223372036854775807")}})).status,
            302);
        const Reply second = exchange(*s, c, value(redirectQuery(sso), "code"), v2);
        QCOMPARE(second.status, 200);
        // The browser's cookie is no refresh token anywhere.
        QCOMPARE(
            s->post(QStringLiteral("/api/v1/auth/refresh"),
                    obj({{QStringLiteral("refresh_token"), QString::fromLatin1(b.cookies.value("keyward_signin"))}}))
                .status,
            401);
        QCOMPARE(refresh(*s, c, QString::fromLatin1(b.cookies.value("keyward_signin"))).status, 400);

        // A revoked refresh token ends its session.
        const QByteArray access2 = second.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(
            s->send("POST", QStringLiteral("/oauth2/revoke"),
                    form({{QStringLiteral("client_id"), c.id},
                          {QStringLiteral("token"), second.json().value(QStringLiteral("refresh_token")).toString()}}),
                    {}, {{"Content-Type", "application/x-www-form-urlencoded"}})
                .status,
            200);
        QCOMPARE(s->get(QStringLiteral("/oauth2/userinfo"), access2).status, 401);

        // The failed and the successful sign-in were audited like REST logins.
        const QJsonArray events = s->get(QStringLiteral("/api/v1/audit?action=auth.login&limit=50"), s->adminToken())
                                      .json()
                                      .value(QStringLiteral("items"))
                                      .toArray();
        int failures = 0, successes = 0;
        for (const QJsonValue &e : events) {
            if (e.toObject().value(QStringLiteral("target")).toObject().value(QStringLiteral("id")).toString() != alice)
                continue;
            (e.toObject().value(QStringLiteral("outcome")).toString() == QLatin1String("success") ? successes
                                                                                                  : failures)++;
        }
        QCOMPARE(failures, 1);
        QCOMPARE(successes, 1);
    }

    void aCodeWorksOnceAndItsReuseEndsWhatItGave_data() { TestDatabase::addBackendRows(); }
    void aCodeWorksOnceAndItsReuseEndsWhatItGave()
    {
        auto s = TestServer::onRowBackend();
        s->createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(*s, true);
        Browser b(*s);
        const QString verifier = crypto::randomToken(32);
        // No nonce and no state: both are the client's to send or not.
        const QString code = codeFrom(
            signIn(b, authorizeUrl(c, verifier,
                                   {{QStringLiteral("nonce"), QString()}, {QStringLiteral("state"), QString()}})));

        // Refused without spending it: another redirect URI, a wrong or missing verifier, another client.
        QCOMPARE(oauthError(exchange(*s, c, code, verifier, QStringLiteral("https://app.example/other"))),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(oauthError(exchange(*s, c, code, crypto::randomToken(32))), QStringLiteral("invalid_grant"));
        QCOMPARE(oauthError(exchange(*s, c, code, QString())), QStringLiteral("invalid_request"));
        const Client other = registerClient(*s, true);
        QCOMPARE(oauthError(exchange(*s, other, code, verifier)), QStringLiteral("invalid_grant"));

        const Reply first = exchange(*s, c, code, verifier);
        QCOMPARE(first.status, 200);
        const QByteArray access = first.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(s->get(QStringLiteral("/oauth2/userinfo"), access).status, 200);
        QCOMPARE(oauthError(exchange(*s, c, code, verifier)), QStringLiteral("invalid_grant"));
        QCOMPARE(s->get(QStringLiteral("/oauth2/userinfo"), access).status, 401);
        QCOMPARE(oauthError(refresh(*s, c, first.json().value(QStringLiteral("refresh_token")).toString())),
                 QStringLiteral("invalid_grant"));
    }

    void anExpiredCodeIsRefused()
    {
        ManualClock clock(QDateTime::currentMSecsSinceEpoch());
        TestServer::Setup setup;
        setup.clock = &clock;
        TestServer s(setup);
        s.createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(s, true);
        Browser b(s);
        const QString verifier = crypto::randomToken(32);
        const QString code = codeFrom(signIn(b, authorizeUrl(c, verifier)));
        clock.advance(61'000);
        QCOMPARE(oauthError(exchange(s, c, code, verifier)), QStringLiteral("invalid_grant"));
    }

    void badRequestsAreShownOrSentBack_data() { TestDatabase::addBackendRows(); }
    void badRequestsAreShownOrSentBack()
    {
        auto s = TestServer::onRowBackend();
        const Client c = registerClient(*s, true);
        Browser b(*s);
        const QString verifier = crypto::randomToken(32);
        // Unknown client or unregistered redirect URI: an error page, never a redirect.
        for (const auto &bad :
             {QList<QPair<QString, QString>>{{QStringLiteral("client_id"), QStringLiteral("nobody")}},
              QList<QPair<QString, QString>>{
                  {QStringLiteral("redirect_uri"), QStringLiteral("https://evil.example/cb")}},
              QList<QPair<QString, QString>>{{QStringLiteral("redirect_uri"), Callback + QStringLiteral("/")}}}) {
            const Reply r = b.get(authorizeUrl(c, verifier, bad));
            QCOMPARE(r.status, 400);
            QVERIFY(r.header("Location").isEmpty());
            QVERIFY(r.header("Content-Type").startsWith("text/html"));
        }
        // Everything else goes back to the client with its state.
        const QList<QPair<QList<QPair<QString, QString>>, QString>> sentBack{
            {{{QStringLiteral("code_challenge"), QString()}}, QStringLiteral("invalid_request")},
            {{{QStringLiteral("code_challenge_method"), QStringLiteral("plain")}}, QStringLiteral("invalid_request")},
            {{{QStringLiteral("code_challenge_method"), QString()}}, QStringLiteral("invalid_request")},
            {{{QStringLiteral("response_type"), QStringLiteral("token")}}, QStringLiteral("unsupported_response_type")},
            {{{QStringLiteral("scope"), QStringLiteral("openid admin")}}, QStringLiteral("invalid_scope")},
            {{{QStringLiteral("prompt"), QStringLiteral("none")}}, QStringLiteral("login_required")},
            {{{QStringLiteral("request"), QStringLiteral("eyJ...")}}, QStringLiteral("request_not_supported")},
        };
        for (const auto &[change, error] : sentBack) {
            const Reply r = b.get(authorizeUrl(c, verifier, change));
            QCOMPARE(r.status, 302);
            const QUrlQuery q = redirectQuery(r);
            QCOMPARE(value(q, "error"), error);
            QCOMPARE(value(q, "state"), QStringLiteral("st&te=1"));
            QVERIFY(!q.hasQueryItem(QStringLiteral("code")));
        }
        // A parameter twice is refused, not resolved.
        QCOMPARE(b.get(authorizeUrl(c, verifier) + QStringLiteral("&scope=openid")).status, 400);
    }

    // The hosted sign-in shares /auth/login's lockout, and says the same of an unknown account as
    // of a wrong password.
    void theHostedSignInLocksOutLikeTheApi()
    {
        TestServer s;
        s.createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(s, true);
        Browser b(s);
        const Reply page = b.get(authorizeUrl(c, crypto::randomToken(32)));
        const Reply unknown = b.submit(page, {{QStringLiteral("login"), QStringLiteral("nobody")},
                                              {QStringLiteral("password"), QStringLiteral("wrong")}});
        Reply wrong;
        for (int i = 0; i < 5; ++i)
            wrong = b.submit(page, {{QStringLiteral("login"), QStringLiteral("alice")},
                                    {QStringLiteral("password"), QStringLiteral("wrong")}});
        QCOMPARE(unknown.status, 401);
        QCOMPARE(wrong.status, 401);
        const auto alert = [](const Reply &r) {
            return QRegularExpression(QStringLiteral("role=\"alert\">([^<]*)<"))
                .match(QString::fromUtf8(r.body))
                .captured(1);
        };
        QCOMPARE(alert(unknown), alert(wrong));
        // Locked now: the right password does not get in, here or through the REST API.
        const Reply locked = b.submit(
            page, {{QStringLiteral("login"), QStringLiteral("alice")}, {QStringLiteral("password"), Password}});
        QCOMPARE(locked.status, 429);
        QVERIFY(!locked.header("Retry-After").isEmpty());
        QVERIFY(!b.cookies.contains("keyward_signin"));
        QCOMPARE(s.post(QStringLiteral("/api/v1/auth/login"), obj({{QStringLiteral("login"), QStringLiteral("alice")},
                                                                   {QStringLiteral("password"), Password}}))
                     .status,
                 429);
    }

    void aFormPostedWithoutItsTokenIsRefused()
    {
        TestServer s;
        s.createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(s, true);
        Browser b(s);
        const Reply page = b.get(authorizeUrl(c, crypto::randomToken(32)));
        QList<QPair<QString, QString>> fields = Browser::fields(page);
        for (auto &f : fields)
            if (f.first == QLatin1String("csrf"))
                f.second = crypto::randomToken(32);
        fields += {{QStringLiteral("login"), QStringLiteral("alice")}, {QStringLiteral("password"), Password}};
        const Reply forged = b.post(QStringLiteral("/oauth2/authorize"), form(fields));
        QCOMPARE(forged.status, 403);
        QVERIFY(!b.cookies.contains("keyward_signin"));
        // Without the browser's cookie at all (a cross-site post carries none).
        Browser stranger(s);
        QCOMPARE(stranger
                     .submit(page, {{QStringLiteral("login"), QStringLiteral("alice")},
                                    {QStringLiteral("password"), Password}})
                     .status,
                 403);
    }

    void aThirdPartyClientNeedsConsent_data() { TestDatabase::addBackendRows(); }
    void aThirdPartyClientNeedsConsent()
    {
        auto s = TestServer::onRowBackend();
        s->createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(*s, false, true);
        Browser b(*s);
        b.acceptLanguage = "fr-CA, de;q=0.5";
        const QString verifier = crypto::randomToken(32);
        const Reply consent =
            signIn(b, authorizeUrl(c, verifier, {{QStringLiteral("prompt"), QStringLiteral("login")}}));
        QCOMPARE(consent.status, 200);
        QVERIFY(consent.body.contains("<html lang=\"fr\">"));
        QVERIFY(consent.body.contains("Photo &lt;Print&gt;")); // the name, escaped
        QVERIFY(consent.body.contains(QStringLiteral("Voir votre adresse e-mail").toUtf8()));
        const Reply denied = b.submit(consent, {{QStringLiteral("decision"), QStringLiteral("deny")}});
        QCOMPARE(denied.status, 303);
        QCOMPARE(value(redirectQuery(denied), "error"), QStringLiteral("access_denied"));

        // Asked again (prompt=login was met by the sign-in, and is not asked twice), and allowed.
        const Reply again = b.get(authorizeUrl(c, verifier));
        QCOMPARE(again.status, 200);
        QVERIFY(again.body.contains("name=\"decision\""));
        const Reply allowed = b.submit(again, {{QStringLiteral("decision"), QStringLiteral("allow")}});
        const Reply tokens =
            s->send("POST", QStringLiteral("/oauth2/token"),
                    form({{QStringLiteral("grant_type"), QStringLiteral("authorization_code")},
                          {QStringLiteral("code"), codeFrom(allowed)},
                          {QStringLiteral("redirect_uri"), Callback},
                          {QStringLiteral("code_verifier"), verifier}}),
                    {},
                    {{"Content-Type", "application/x-www-form-urlencoded"},
                     {"Authorization", "Basic " + (c.id + QLatin1Char(':') + c.secret).toUtf8().toBase64()}});
        QCOMPARE(tokens.status, 200);
        // A confidential client that does not authenticate gets nothing.
        QCOMPARE(oauthError(exchange(*s, c,
                                     codeFrom(b.submit(b.get(authorizeUrl(c, verifier)),
                                                       {{QStringLiteral("decision"), QStringLiteral("allow")}})),
                                     verifier)),
                 QStringLiteral("invalid_client"));
        // prompt=none cannot ask.
        const Reply silent = b.get(authorizeUrl(c, verifier, {{QStringLiteral("prompt"), QStringLiteral("none")}}));
        QCOMPARE(value(redirectQuery(silent), "error"), QStringLiteral("consent_required"));
    }

    void theSecondFactorIsAskedFor()
    {
        TestServer s;
        s.createUser(QStringLiteral("alice"), Password, {});
        const QString secret = enrolAuthenticator(s, QStringLiteral("alice"));
        QVERIFY(!secret.isEmpty());
        const Client c = registerClient(s, true);
        Browser b(s);
        const QString verifier = crypto::randomToken(32);
        const Reply codePage = signIn(b, authorizeUrl(c, verifier));
        QCOMPARE(codePage.status, 200);
        QVERIFY(codePage.body.contains("autocomplete=\"one-time-code\""));
        QVERIFY(!b.cookies.contains("keyward_signin"));
        // The page's mfa_token completes only this page's sign-in, not a REST API session.
        QString mfaToken;
        for (const auto &[name, v] : Browser::fields(codePage))
            if (name == QLatin1String("mfa_token"))
                mfaToken = v;
        QVERIFY(!mfaToken.isEmpty());
        QCOMPARE(s.post(QStringLiteral("/api/v1/auth/mfa"),
                        obj({{QStringLiteral("mfa_token"), mfaToken},
                             {QStringLiteral("code"), oathtool(secret, QDateTime::currentSecsSinceEpoch() + 30)}}))
                     .status,
                 401);
        const Reply wrong = b.submit(codePage, {{QStringLiteral("code"), QStringLiteral("000000")}});
        QCOMPARE(wrong.status, 401);
        QVERIFY(wrong.body.contains("role=\"alert\""));
        const Reply back =
            b.submit(wrong, {{QStringLiteral("code"), oathtool(secret, QDateTime::currentSecsSinceEpoch() + 30)}});
        const Reply tokens = exchange(s, c, codeFrom(back), verifier);
        QCOMPARE(tokens.status, 200);
        const auto id = crypto::decodeJwt(tokens.json().value(QStringLiteral("id_token")).toString().toLatin1());
        QVERIFY(id->claims.value(QStringLiteral("amr")).toArray().contains(QStringLiteral("otp")));
    }

    // The sign-in page offers a passkey; its form takes the browser's answer (here an authenticator
    // made in the test; tst_passkeys drives Chromium's). After the password, a passkey is the second step.
    void aPasskeySignsInOnTheHostedPages()
    {
        TestServer s;
        const QString origin = QStringLiteral("http://keyward.test"); // TestServer's issuer
        s.createUser(QStringLiteral("alice"), Password, {});
        const QByteArray token = s.accessToken(QStringLiteral("alice"), Password);
        test::SoftwareAuthenticator key;
        const QJsonObject made = s.post(QStringLiteral("/api/v1/me/webauthn/register/options"), {}, token).json();
        QCOMPARE(s.post(QStringLiteral("/api/v1/me/webauthn/register/verify"),
                        obj({{QStringLiteral("credential"), key.registration(made, origin)}}), token)
                     .status,
                 201);
        const Client c = registerClient(s, true);
        const auto answer = [&](const QJsonObject &options, quint8 flags) {
            return QString::fromUtf8(
                QJsonDocument(key.assertion(options, origin, flags)).toJson(QJsonDocument::Compact));
        };
        const auto signInOptions = [&] { return s.post(QStringLiteral("/api/v1/auth/webauthn/options"), {}).json(); };

        Browser b(s);
        QString verifier = crypto::randomToken(32);
        const Reply page = b.get(authorizeUrl(c, verifier));
        QVERIFY(page.body.contains("id=\"passkey\" hidden"));
        QVERIFY(page.body.contains("data-options-url=\"/api/v1/auth/webauthn/options\""));
        const QByteArray csp = page.header("Content-Security-Policy");
        QVERIFY2(csp.contains("script-src 'sha256-") && csp.contains("connect-src 'self'") &&
                     !csp.contains("unsafe-inline"),
                 csp.constData());
        // What is not an answer, or a wrong one: the sign-in page again, saying so.
        for (const QString &wrong : {QStringLiteral("not json"), answer(signInOptions(), 0x01)}) {
            const Reply refused = b.submit(page, {{QStringLiteral("credential"), wrong}}, 1);
            QCOMPARE(refused.status, 401);
            QVERIFY(refused.body.contains("The passkey was not accepted."));
        }
        const Reply back = b.submit(page, {{QStringLiteral("credential"), answer(signInOptions(), 0x05)}}, 1);
        const Reply tokens = exchange(s, c, codeFrom(back), verifier);
        QCOMPARE(tokens.status, 200);
        auto id = crypto::decodeJwt(tokens.json().value(QStringLiteral("id_token")).toString().toLatin1());
        QCOMPARE(id->claims.value(QStringLiteral("amr")).toArray(),
                 (QJsonArray{QStringLiteral("hwk"), QStringLiteral("user"), QStringLiteral("mfa")}));

        // The passkey as the second step only: alone it is refused, after the password it is asked.
        QCOMPARE(s.request("PUT", QStringLiteral("/api/v1/me/webauthn/sign-in"),
                           QJsonDocument(obj({{QStringLiteral("mode"), QStringLiteral("second_factor")}})), token)
                     .status,
                 200);
        Browser other(s);
        verifier = crypto::randomToken(32);
        const Reply start = other.get(authorizeUrl(c, verifier));
        const Reply alone = other.submit(start, {{QStringLiteral("credential"), answer(signInOptions(), 0x05)}}, 1);
        QVERIFY(alone.body.contains("Enter your password first"));
        const Reply second = other.submit(
            start, {{QStringLiteral("login"), QStringLiteral("alice")}, {QStringLiteral("password"), Password}});
        QCOMPARE(second.status, 200);
        QVERIFY(!second.body.contains("name=\"code\"")); // no authenticator app: nothing to type
        // The options the page's script hands to the authenticator.
        const auto optionsIn = [](const Reply &r) {
            static const QRegularExpression attribute(QStringLiteral("data-options=\"([^\"]*)\""));
            const QString json = Browser::unescaped(attribute.match(QString::fromUtf8(r.body)).captured(1));
            return QJsonDocument::fromJson(json.toUtf8()).object();
        };
        const QJsonObject options = optionsIn(second);
        QCOMPARE(options.value(QStringLiteral("allowCredentials")).toArray().size(), 1);
        const Reply wrongStep = other.submit(second, {{QStringLiteral("credential"), QStringLiteral("{}")}});
        QCOMPARE(wrongStep.status, 401);
        QVERIFY(wrongStep.body.contains("The passkey was not accepted."));
        QVERIFY(wrongStep.body.contains("data-options=")); // fresh options to try again with
        const QJsonObject retry = optionsIn(wrongStep);
        const Reply done = other.submit(wrongStep, {{QStringLiteral("credential"), answer(retry, 0x01)}});
        const Reply twoSteps = exchange(s, c, codeFrom(done), verifier);
        QCOMPARE(twoSteps.status, 200);
        id = crypto::decodeJwt(twoSteps.json().value(QStringLiteral("id_token")).toString().toLatin1());
        QCOMPARE(id->claims.value(QStringLiteral("amr")).toArray(),
                 (QJsonArray{QStringLiteral("pwd"), QStringLiteral("hwk"), QStringLiteral("mfa")}));
    }

    // After a password, an account without a passkey is offered one: added there, it signs in the
    // next time; "not now" is remembered by the browser.
    void aPasskeyIsOfferedAfterAPasswordSignIn()
    {
        TestServer s;
        const QString origin = QStringLiteral("http://keyward.test");
        s.createUser(QStringLiteral("alice"), Password, {});
        s.createUser(QStringLiteral("bob"), Password, {});
        const Client c = registerClient(s, true);
        Browser b(s);
        b.cookies.remove("keyward_passkey_later"); // a browser that has not been asked yet
        QString verifier = crypto::randomToken(32);
        const Reply offer = signIn(b, authorizeUrl(c, verifier));
        QCOMPARE(offer.status, 200);
        QVERIFY(offer.body.contains("Sign in faster next time?"));
        QVERIFY(offer.header("Content-Security-Policy").contains("script-src 'sha256-"));
        static const QRegularExpression attribute(QStringLiteral("data-create=\"([^\"]*)\""));
        const auto optionsIn = [](const Reply &r) {
            const QString json = Browser::unescaped(attribute.match(QString::fromUtf8(r.body)).captured(1));
            return QJsonDocument::fromJson(json.toUtf8()).object();
        };
        QCOMPARE(optionsIn(offer).value(QStringLiteral("rp")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("keyward.test"));
        test::SoftwareAuthenticator key;
        // A wrong answer: offered again, with fresh options; then the authenticator's own.
        const Reply again =
            b.submit(offer, {{QStringLiteral("credential"),
                              QString::fromUtf8(QJsonDocument(key.registration(optionsIn(offer),
                                                                               QStringLiteral("https://evil.example")))
                                                    .toJson(QJsonDocument::Compact))}});
        QCOMPARE(again.status, 422);
        QVERIFY(again.body.contains("The passkey was not accepted."));
        const Reply back = b.submit(
            again, {{QStringLiteral("credential"),
                     QString::fromUtf8(
                         QJsonDocument(key.registration(optionsIn(again), origin)).toJson(QJsonDocument::Compact))}});
        QCOMPARE(exchange(s, c, codeFrom(back), verifier).status, 200);
        const QByteArray token = s.accessToken(QStringLiteral("alice"), Password);
        QCOMPARE(s.get(QStringLiteral("/api/v1/me/webauthn/credentials"), token)
                     .json()
                     .value(QStringLiteral("total"))
                     .toInt(),
                 1);

        // Bob says not now: his browser goes on to the application, and is not asked the next time.
        Browser other(s);
        other.cookies.remove("keyward_passkey_later");
        verifier = crypto::randomToken(32);
        const Reply asked = signIn(other, authorizeUrl(c, verifier), QStringLiteral("bob"));
        QVERIFY(asked.body.contains("Sign in faster next time?"));
        const Reply later = other.submit(asked, {}, 1);
        QCOMPARE(exchange(s, c, codeFrom(later), verifier).status, 200);
        QVERIFY(other.cookies.contains("keyward_passkey_later"));
        verifier = crypto::randomToken(32);
        const Reply direct =
            signIn(other, authorizeUrl(c, verifier, {{QStringLiteral("prompt"), QStringLiteral("login")}}),
                   QStringLiteral("bob"));
        QCOMPARE(exchange(s, c, codeFrom(direct), verifier).status, 200);
    }

    // A temporary password (an administrator's, to be changed) signs the browser in for the change
    // only: it is offered no passkey, and posting the offer's step adds none (one would outlive the
    // password change).
    void aTemporaryPasswordAddsNoPasskey()
    {
        TestServer s;
        const QString id = s.createUser(QStringLiteral("gina"), Password, {});
        QCOMPARE(s.post(QStringLiteral("/api/v1/users/") + id + QStringLiteral("/password"),
                        obj({{QStringLiteral("new_password"), QStringLiteral("gina temporary pass")},
                             {QStringLiteral("require_password_change"), true}}),
                        s.adminToken())
                     .status,
                 204);
        const Client c = registerClient(s, true);
        Browser b(s);
        b.cookies.remove("keyward_passkey_later");
        const QString verifier = crypto::randomToken(32);
        const Reply page = b.get(authorizeUrl(c, verifier));
        const Reply signedIn = b.submit(page, {{QStringLiteral("login"), QStringLiteral("gina")},
                                               {QStringLiteral("password"), QStringLiteral("gina temporary pass")}});
        QCOMPARE(signedIn.status, 403);
        QVERIFY(!signedIn.body.contains("data-create"));
        QVERIFY(b.cookies.contains("keyward_signin"));
        // Posted anyway, as an offer's form would be: no options to answer, and no passkey.
        const Reply posted = b.submit(page, {{QStringLiteral("step"), QStringLiteral("passkey-offer")},
                                             {QStringLiteral("credential"), QStringLiteral("{}")}});
        QVERIFY(!posted.body.contains("data-create"));
        QCOMPARE(s.services().passkeys().listOfUser(Principal::system(), id)->size(), 0);
    }

    // openid-client, a certified relying party, signs users in through Debian's Chromium.
    void anApplicationSignsUsersInWithOpenidClient()
    {
        QVERIFY2(webToolInstalled(QStringLiteral("openid-client")),
                 "run `npm ci --prefix tests/web` first (tests/run.sh does)");
        TestServer s;
        // The relying party reaches the provider where discovery says it is.
        s.services().auth().setIssuer(s.url(QString()).toString());
        s.createUser(QStringLiteral("carol"), Password, {});
        s.createUser(QStringLiteral("dave"), Password, {});
        const QString secret = enrolAuthenticator(s, QStringLiteral("dave"));
        QVERIFY(!secret.isEmpty());
        const QJsonObject setup{
            {QStringLiteral("admin_token"), QString::fromLatin1(s.adminToken())},
            {QStringLiteral("password"), Password},
            {QStringLiteral("users"), QJsonObject{{QStringLiteral("plain"), QStringLiteral("carol")},
                                                  {QStringLiteral("mfa"), QStringLiteral("dave")}}},
            {QStringLiteral("totp_secret"), secret}};
        const WebToolRun run = runWebTool(QStringLiteral("oidc_flow.mjs"), s.url(QString()).toString(),
                                          {{QStringLiteral("KEYWARD_OIDC"), compactJson(setup)}});
        QVERIFY2(run.passed, run.output.constData());
        QVERIFY2(run.output.contains("0 console problems"), run.output.constData());
    }

    // RFC 8252: a public client at a loopback address is any program that gets the port, so even a
    // first-party one has its users asked; and it may listen on any port.
    void aLoopbackClientIsAskedOnAnyPort()
    {
        TestServer s;
        s.createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(s, true, false, {QStringLiteral("openid")},
                                        QStringLiteral("http://127.0.0.1:8765/callback"));
        Browser b(s);
        const QString verifier = crypto::randomToken(32);
        const auto at = [&](const char *uri) {
            return authorizeUrl(c, verifier,
                                {{QStringLiteral("redirect_uri"), QString::fromLatin1(uri)},
                                 {QStringLiteral("scope"), QStringLiteral("openid")}});
        };
        const Reply consent = signIn(b, at("http://127.0.0.1:49152/callback"));
        QCOMPARE(consent.status, 200);
        QVERIFY(consent.body.contains("name=\"decision\""));
        const Reply back = b.submit(consent, {{QStringLiteral("decision"), QStringLiteral("allow")}});
        QVERIFY(back.header("Location").startsWith("http://127.0.0.1:49152/callback?code="));
        QCOMPARE(exchange(s, c, codeFrom(back), verifier, QStringLiteral("http://127.0.0.1:49152/callback")).status,
                 200);
        // Only the port is free: not the host, path or scheme.
        QCOMPARE(b.get(at("http://127.0.0.1:49152/other")).status, 400);
        QCOMPARE(b.get(at("http://localhost:49152/callback")).status, 400);
        QCOMPARE(b.get(at("https://127.0.0.1:49152/callback")).status, 400);
    }

    // Marking a client first-party lets it sign any user in unasked: that takes settings:manage too.
    void firstPartyIsForThoseWhoMayVouch()
    {
        TestServer s;
        QCOMPARE(s.post(QStringLiteral("/api/v1/roles"),
                        obj({{QStringLiteral("name"), QStringLiteral("integrator")},
                             {QStringLiteral("permissions"), QJsonArray{QStringLiteral("clients:manage")}}}),
                        s.adminToken())
                     .status,
                 201);
        s.createUser(QStringLiteral("ivan"), Password, {QStringLiteral("integrator")});
        const QByteArray ivan = s.accessToken(QStringLiteral("ivan"), Password);
        QJsonObject body = obj({{QStringLiteral("name"), QStringLiteral("Tool")},
                                {QStringLiteral("type"), QStringLiteral("confidential")},
                                {QStringLiteral("redirect_uris"), QJsonArray{Callback}},
                                {QStringLiteral("first_party"), true}});
        QCOMPARE(s.post(Clients, body, ivan).status, 403);
        body.insert(QStringLiteral("first_party"), false);
        const Reply created = s.post(Clients, body, ivan);
        QCOMPARE(created.status, 201);
        const QString path = Clients + QLatin1Char('/') + created.json().value(QStringLiteral("id")).toString();
        QCOMPARE(s.request("PATCH", path, QJsonDocument(obj({{QStringLiteral("first_party"), true}})), ivan).status,
                 403);
        QCOMPARE(s.request("PATCH", path, QJsonDocument(obj({{QStringLiteral("first_party"), true}})), s.adminToken())
                     .status,
                 200);
        // What an administrator vouched for, the integrator may still edit.
        QCOMPARE(
            s.request("PATCH", path, QJsonDocument(obj({{QStringLiteral("name"), QStringLiteral("Tool 2")}})), ivan)
                .status,
            200);
    }

    // Signing out at the provider takes along what came from that sign-in: codes not yet redeemed
    // and the applications' sessions, except those granted offline_access.
    void signingOutEndsWhatCameFromTheSignIn_data() { TestDatabase::addBackendRows(); }
    void signingOutEndsWhatCameFromTheSignIn()
    {
        auto s = TestServer::onRowBackend();
        const QString alice = s->createUser(QStringLiteral("alice"), Password, {});
        s->createUser(QStringLiteral("bob"), Password, {});
        const Client c = registerClient(*s, true, false, {QStringLiteral("openid"), QStringLiteral("offline_access")});
        Browser b(*s);
        const QString verifier = crypto::randomToken(32);
        const auto url = [&](const QString &scope) {
            return authorizeUrl(c, verifier, {{QStringLiteral("scope"), scope}});
        };
        const Reply online = exchange(*s, c, codeFrom(signIn(b, url(QStringLiteral("openid")))), verifier);
        const Reply offline = exchange(*s, c, codeFrom(b.get(url(QStringLiteral("openid offline_access")))), verifier);
        QCOMPARE(online.status, 200);
        QCOMPARE(offline.status, 200);
        const QString idToken = online.json().value(QStringLiteral("id_token")).toString();
        // Signing in again (prompt=login) keeps the same user's applications signed in, now under
        // the new sign-in.
        const Reply again = signIn(b, authorizeUrl(c, verifier,
                                                   {{QStringLiteral("prompt"), QStringLiteral("login")},
                                                    {QStringLiteral("scope"), QStringLiteral("openid")}}));
        QVERIFY(again.header("Location").contains("code="));
        const Reply stillOnline = refresh(*s, c, online.json().value(QStringLiteral("refresh_token")).toString());
        QCOMPARE(stillOnline.status, 200);
        const QString pending = codeFrom(b.get(url(QStringLiteral("openid"))));

        // The application names whom it expects: a browser signed in as another must sign in again.
        const Reply ownHint = b.get(authorizeUrl(c, verifier,
                                                 {{QStringLiteral("prompt"), QStringLiteral("none")},
                                                  {QStringLiteral("scope"), QStringLiteral("openid")},
                                                  {QStringLiteral("id_token_hint"), idToken}}));
        QVERIFY(ownHint.header("Location").contains("code=")); // alice's own: fine
        const QString online2 = online.json().value(QStringLiteral("access_token")).toString();
        QCOMPARE(s->get(QStringLiteral("/oauth2/logout?") + query({{QStringLiteral("id_token_hint"), online2}})).status,
                 200); // an access token is no hint: nobody is signed out by it

        // The ask page's form signs out.
        const Reply ask = b.get(QStringLiteral("/oauth2/logout"));
        QCOMPARE(b.post(QStringLiteral("/oauth2/logout"), form(Browser::fields(ask))).status, 200);
        QCOMPARE(oauthError(exchange(*s, c, pending, verifier)), QStringLiteral("invalid_grant"));
        QCOMPARE(oauthError(refresh(*s, c, stillOnline.json().value(QStringLiteral("refresh_token")).toString())),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(refresh(*s, c, offline.json().value(QStringLiteral("refresh_token")).toString()).status, 200);

        // Signed in as bob now, a hint for alice is not answered silently.
        const Reply asBob = signIn(b, url(QStringLiteral("openid")), QStringLiteral("bob"));
        QVERIFY(asBob.header("Location").contains("code="));
        const Reply hinted = b.get(authorizeUrl(c, verifier,
                                                {{QStringLiteral("prompt"), QStringLiteral("none")},
                                                 {QStringLiteral("scope"), QStringLiteral("openid")},
                                                 {QStringLiteral("id_token_hint"), idToken}}));
        QCOMPARE(value(redirectQuery(hinted), "error"), QStringLiteral("login_required"));
        Q_UNUSED(alice);
    }

    // The browser's sign-in is one of the user's sessions: ending it from the account's session
    // list signs out what came from it, as signing out at the provider does.
    void endingTheBrowsersSessionEndsItsApplications_data() { TestDatabase::addBackendRows(); }
    void endingTheBrowsersSessionEndsItsApplications()
    {
        auto s = TestServer::onRowBackend();
        s->createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(*s, true);
        Browser b(*s);
        const QString verifier = crypto::randomToken(32);
        const Reply tokens = exchange(*s, c, codeFrom(signIn(b, authorizeUrl(c, verifier))), verifier);
        QCOMPARE(tokens.status, 200);
        const QByteArray alice = s->accessToken(QStringLiteral("alice"), Password);
        QString browserSession;
        QStringList holders;
        for (const QJsonValue &v :
             s->get(QStringLiteral("/api/v1/me/sessions"), alice).json().value(QStringLiteral("items")).toArray()) {
            const QString holder = v.toObject().value(QStringLiteral("client_id")).toString();
            holders.append(holder);
            if (holder == QLatin1String("hosted-sign-in"))
                browserSession = v.toObject().value(QStringLiteral("id")).toString();
        }
        QVERIFY2(holders.contains(c.id) && !browserSession.isEmpty(), qPrintable(holders.join(u',')));
        QCOMPARE(s->request("DELETE", QStringLiteral("/api/v1/me/sessions/") + browserSession, {}, alice).status, 204);
        QCOMPARE(oauthError(refresh(*s, c, tokens.json().value(QStringLiteral("refresh_token")).toString())),
                 QStringLiteral("invalid_grant"));
        QCOMPARE(b.get(authorizeUrl(c, verifier)).status, 200);            // the sign-in page again
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), alice).status, 200); // the REST session is untouched
    }

    void logoutEndsTheBrowsersSignIn()
    {
        TestServer s;
        s.createUser(QStringLiteral("alice"), Password, {});
        const Client c = registerClient(s, true);
        Browser b(s);
        const QString verifier = crypto::randomToken(32);
        const QString idToken = exchange(s, c, codeFrom(signIn(b, authorizeUrl(c, verifier))), verifier)
                                    .json()
                                    .value(QStringLiteral("id_token"))
                                    .toString();
        // Without a hint the user is asked; a registered return address only.
        QCOMPARE(b.get(QStringLiteral("/oauth2/logout?") +
                       query({{QStringLiteral("client_id"), c.id},
                              {QStringLiteral("post_logout_redirect_uri"), QStringLiteral("https://evil.example/")}}))
                     .status,
                 400);
        const Reply ask = b.get(QStringLiteral("/oauth2/logout"));
        QCOMPARE(ask.status, 200);
        QVERIFY(ask.body.contains("name=\"step\" value=\"logout\""));
        QCOMPARE(b.get(authorizeUrl(c, verifier)).status, 302); // still signed in

        const Reply out =
            b.get(QStringLiteral("/oauth2/logout?") +
                  query({{QStringLiteral("id_token_hint"), idToken},
                         {QStringLiteral("post_logout_redirect_uri"), QStringLiteral("http://127.0.0.1:8765/bye")},
                         {QStringLiteral("state"), QStringLiteral("xyz")}}));
        QCOMPARE(out.status, 302);
        QCOMPARE(out.header("Location"), QByteArray("http://127.0.0.1:8765/bye?state=xyz"));
        QVERIFY(!b.cookies.contains("keyward_signin"));
        QCOMPARE(b.get(authorizeUrl(c, verifier)).status, 200); // the sign-in page again
    }
};

QTEST_MAIN(TstOidc)
#include "tst_oidc.moc"

// The OAuth 2.0 endpoints over real HTTP, on SQLite and PostgreSQL: clients authenticate as they
// were registered (secret by Basic or form, or a signed assertion used once), the client
// credentials grant gives a client a token for itself that the REST API refuses, and introspection
// and revocation reach only the calling client's own tokens. Errors are RFC 6749 §5.2 bodies.
#include "api_helpers.h"
#include "crypto/jwt.h"
#include "crypto/signing_key.h"
#include "test_server.h"

#include <QJsonArray>
#include <QTest>
#include <QUrlQuery>

using namespace keyward;
using namespace keyward::test;

namespace {

const QString Clients = QStringLiteral("/api/v1/oauth2/clients");
const QString TokenPath = QStringLiteral("/oauth2/token");

QByteArray form(const QList<QPair<QString, QString>> &fields)
{
    QUrlQuery q;
    for (const auto &[k, v] : fields)
        q.addQueryItem(k, QString::fromLatin1(QUrl::toPercentEncoding(v)));
    return q.query(QUrl::FullyEncoded).toLatin1();
}

QByteArray basic(const QString &id, const QString &secret)
{
    return "Basic " + (id + QLatin1Char(':') + secret).toUtf8().toBase64();
}

} // namespace

class TstOAuth : public QObject {
    Q_OBJECT

private:
    struct Client {
        QString id;
        QString secret;
    };

    std::unique_ptr<TestServer> server() { return TestServer::onRowBackend(); }

    static Client registerClient(TestServer &s, QJsonObject body)
    {
        body.insert(QStringLiteral("type"), QStringLiteral("confidential"));
        if (!body.contains(QStringLiteral("grant_types")))
            body.insert(QStringLiteral("grant_types"), QJsonArray{QStringLiteral("client_credentials")});
        const Reply r = s.post(Clients, body, s.adminToken());
        if (r.status != 201)
            qFatal("client not registered: %s", r.body.constData());
        return {r.json().value(QStringLiteral("id")).toString(),
                r.json().value(QStringLiteral("client_secret")).toString()};
    }

    static Reply post(TestServer &s, const QString &path, const QByteArray &body, const QByteArray &authorization = {},
                      const QByteArray &contentType = "application/x-www-form-urlencoded")
    {
        QList<QPair<QByteArray, QByteArray>> headers{{"Content-Type", contentType}};
        if (!authorization.isEmpty())
            headers.append({"Authorization", authorization});
        return s.send("POST", path, body, {}, headers);
    }

    static Reply token(TestServer &s, const Client &c)
    {
        return post(s, TokenPath, form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}}),
                    basic(c.id, c.secret));
    }

    static QString oauthError(const Reply &r) { return r.json().value(QStringLiteral("error")).toString(); }

    static bool introspectsActive(TestServer &s, const Client &asker, const QString &token)
    {
        const Reply r = post(s, QStringLiteral("/oauth2/introspect"), form({{QStringLiteral("token"), token}}),
                             basic(asker.id, asker.secret));
        if (r.status != 200)
            qFatal("introspection failed: %d %s", r.status, r.body.constData());
        return r.json().value(QStringLiteral("active")).toBool();
    }

private Q_SLOTS:
    void discoveryNamesTheEndpoints()
    {
        TestServer s;
        const QJsonObject d = s.get(QStringLiteral("/.well-known/openid-configuration")).json();
        const QString issuer = d.value(QStringLiteral("issuer")).toString();
        QCOMPARE(d.value(QStringLiteral("token_endpoint")).toString(), issuer + TokenPath);
        QCOMPARE(d.value(QStringLiteral("introspection_endpoint")).toString(),
                 issuer + QStringLiteral("/oauth2/introspect"));
        QCOMPARE(d.value(QStringLiteral("revocation_endpoint")).toString(), issuer + QStringLiteral("/oauth2/revoke"));
        QVERIFY(
            d.value(QStringLiteral("grant_types_supported")).toArray().contains(QStringLiteral("client_credentials")));
        QVERIFY(!d.value(QStringLiteral("grant_types_supported")).toArray().contains(QStringLiteral("password")));
        QVERIFY(d.value(QStringLiteral("token_endpoint_auth_methods_supported"))
                    .toArray()
                    .contains(QStringLiteral("private_key_jwt")));
    }

    void clientCredentialsGiveAClientTokenTheRestApiRefuses_data() { TestDatabase::addBackendRows(); }
    void clientCredentialsGiveAClientTokenTheRestApiRefuses()
    {
        auto s = server();
        const Client c = registerClient(*s, obj({{QStringLiteral("name"), QStringLiteral("Billing")}}));
        const Reply r = token(*s, c);
        QCOMPARE(r.status, 200);
        QCOMPARE(r.header("Cache-Control"), QByteArray("no-store"));
        QCOMPARE(r.json().value(QStringLiteral("token_type")).toString(), QStringLiteral("Bearer"));
        const QString access = r.json().value(QStringLiteral("access_token")).toString();

        // An RFC 9068 token for the client itself, verifiable with the published keys.
        const auto jwt = crypto::decodeJwt(access.toLatin1());
        QVERIFY(jwt);
        QCOMPARE(jwt->header.value(QStringLiteral("typ")).toString(), QStringLiteral("at+jwt"));
        QCOMPARE(jwt->claims.value(QStringLiteral("sub")).toString(), c.id);
        QCOMPARE(jwt->claims.value(QStringLiteral("aud")).toString(), c.id);
        QCOMPARE(jwt->claims.value(QStringLiteral("client_id")).toString(), c.id);
        const QJsonArray keys =
            s->get(QStringLiteral("/.well-known/jwks.json")).json().value(QStringLiteral("keys")).toArray();
        bool verified = false;
        for (const QJsonValue &k : keys)
            if (k.toObject().value(QStringLiteral("kid")) == jwt->header.value(QStringLiteral("kid")))
                verified = crypto::verifyJwtSignature(*jwt, *crypto::SigningKey::fromJwk(k.toObject()));
        QVERIFY(verified);

        // It is no key to the REST API, whatever the client's maker holds.
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), access.toLatin1()).status, 401);
        QCOMPARE(s->get(QStringLiteral("/api/v1/users"), access.toLatin1()).status, 401);
        QCOMPARE(s->get(Clients, access.toLatin1()).status, 401);

        // Introspection and revocation: the client's own token only.
        const Client other = registerClient(*s, obj({{QStringLiteral("name"), QStringLiteral("Other")}}));
        QVERIFY(introspectsActive(*s, c, access));
        QVERIFY(!introspectsActive(*s, other, access));
        QVERIFY(!introspectsActive(*s, c, QStringLiteral("not.a.token")));
        const Reply foreign = post(*s, QStringLiteral("/oauth2/revoke"), form({{QStringLiteral("token"), access}}),
                                   basic(other.id, other.secret));
        QCOMPARE(foreign.status, 200);
        QVERIFY(introspectsActive(*s, c, access)); // another client cannot revoke it
        const Reply own = post(*s, QStringLiteral("/oauth2/revoke"), form({{QStringLiteral("token"), access}}),
                               basic(c.id, c.secret));
        QCOMPARE(own.status, 200);
        QVERIFY(!introspectsActive(*s, c, access));
    }

    // A wrong secret and an unknown client get the same answer; both are audited.
    void clientAuthenticationFailsAlike_data() { TestDatabase::addBackendRows(); }
    void clientAuthenticationFailsAlike()
    {
        auto s = server();
        const Client c = registerClient(*s, obj({{QStringLiteral("name"), QStringLiteral("Billing")}}));
        const QByteArray grant = form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")}});
        const Reply wrong = post(*s, TokenPath, grant, basic(c.id, c.secret + QLatin1Char('x')));
        const Reply unknown = post(*s, TokenPath, grant, basic(QStringLiteral("nobody"), c.secret));
        const Reply noSecret = post(*s, TokenPath, grant + "&client_id=" + c.id.toLatin1());
        for (const Reply &r : {wrong, unknown, noSecret}) {
            QCOMPARE(r.status, 401);
            QCOMPARE(r.json(),
                     obj({{QStringLiteral("error"), QStringLiteral("invalid_client")},
                          {QStringLiteral("error_description"), QStringLiteral("Client authentication failed.")}}));
            QCOMPARE(r.header("WWW-Authenticate"), QByteArray("Basic realm=\"keyward\""));
        }
        // Registered for Basic: the same secret in the form is not how this client authenticates.
        const Reply posted = post(*s, TokenPath,
                                  form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                                        {QStringLiteral("client_id"), c.id},
                                        {QStringLiteral("client_secret"), c.secret}}));
        QCOMPARE(posted.status, 401);
        // Naming no client at all costs an anonymous caller no audit event.
        QCOMPARE(post(*s, TokenPath, grant).status, 401);
        AuditFilter f;
        f.action = QStringLiteral("oauth2.client.authenticate");
        f.outcome = QStringLiteral("failure");
        QCOMPARE(s->services().audit().list(Principal::system(), f)->items.size(), 4);
        // What the caller typed reaches the trail only when it has the form of a client id: a
        // secret sent as the id, or a line break forging a log line, does not.
        const Reply swapped = post(*s, TokenPath, grant, basic(c.secret, QStringLiteral("x\nforged")));
        QCOMPARE(swapped.status, 401);
        const auto all = s->services().audit().list(Principal::system(), f)->items;
        QCOMPARE(all.size(), 5);
        for (const AuditEvent &e : all) {
            QVERIFY2(!e.details.contains(c.secret) && !e.targetId.contains(c.secret), qPrintable(e.details));
            QVERIFY(e.targetId.isEmpty() || e.targetId == c.id);
        }
        QCOMPARE(token(*s, c).status, 200);
    }

    // A resource server may introspect for every request it serves; guessing client secrets is
    // charged like guessing passwords, and past that budget nothing more is audited.
    void introspectionIsUnlimitedButGuessingIsNot()
    {
        TestServer s;
        const Client c = registerClient(s, obj({{QStringLiteral("name"), QStringLiteral("API")}}));
        const QString access = token(s, c).json().value(QStringLiteral("access_token")).toString();
        const int budget = s.services().settings().current().authPerMinute;
        for (int i = 0; i < budget + 20; ++i)
            QVERIFY(introspectsActive(s, c, access));
        QList<int> statuses;
        for (int i = 0; i < budget + 5; ++i)
            statuses << post(s, QStringLiteral("/oauth2/introspect"), form({{QStringLiteral("token"), access}}),
                             basic(c.id, QStringLiteral("kws_guess%1").arg(i)))
                            .status;
        // The sign-ins and the token asked for above came out of the same budget.
        QCOMPARE(statuses.count(401) + statuses.count(429), budget + 5);
        QVERIFY(statuses.count(401) > budget - 5);
        QCOMPARE(statuses.last(), 429);
        AuditFilter f;
        f.action = QStringLiteral("oauth2.client.authenticate");
        f.limit = 200;
        QCOMPARE(s.services().audit().list(Principal::system(), f)->items.size(), statuses.count(401));
        QVERIFY(introspectsActive(s, c, access)); // the client itself is not locked out by guessers
    }

    void badRequestsGetTheProtocolsErrors()
    {
        TestServer s;
        const Client c = registerClient(
            s, obj({{QStringLiteral("name"), QStringLiteral("Billing")},
                    {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("client_secret_post")}}));
        const auto asClient = [&](QList<QPair<QString, QString>> fields) {
            fields.append({QStringLiteral("client_id"), c.id});
            fields.append({QStringLiteral("client_secret"), c.secret});
            return post(s, TokenPath, form(fields));
        };
        const QPair<QString, QString> cc{QStringLiteral("grant_type"), QStringLiteral("client_credentials")};
        QCOMPARE(asClient({cc}).status, 200);
        QCOMPARE(oauthError(asClient({})), QStringLiteral("invalid_request"));
        QCOMPARE(oauthError(asClient({{QStringLiteral("grant_type"), QStringLiteral("password")}})),
                 QStringLiteral("unsupported_grant_type"));
        QCOMPARE(oauthError(asClient({cc, {QStringLiteral("scope"), QStringLiteral("openid")}})),
                 QStringLiteral("invalid_scope"));
        QCOMPARE(oauthError(asClient({cc, cc})), QStringLiteral("invalid_request")); // a parameter twice
        const Reply json = post(s, TokenPath, R"({"grant_type":"client_credentials"})", {}, "application/json");
        QCOMPARE(json.status, 400);
        QCOMPARE(oauthError(json), QStringLiteral("invalid_request"));
        const Reply both =
            post(s, TokenPath, form({cc, {QStringLiteral("client_secret"), c.secret}}), basic(c.id, c.secret));
        QCOMPARE(oauthError(both), QStringLiteral("invalid_request"));
        const Reply basicAndAssertion =
            post(s, TokenPath, form({cc, {QStringLiteral("client_assertion"), QStringLiteral("x.y.z")}}),
                 basic(c.id, c.secret));
        QCOMPARE(oauthError(basicAndAssertion), QStringLiteral("invalid_request"));

        // A client registered for the code flow only may not take tokens for itself.
        const Reply web =
            s.post(Clients,
                   obj({{QStringLiteral("name"), QStringLiteral("Web")},
                        {QStringLiteral("type"), QStringLiteral("confidential")},
                        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("https://web.example.com/cb")}}}),
                   s.adminToken());
        const Client webClient{web.json().value(QStringLiteral("id")).toString(),
                               web.json().value(QStringLiteral("client_secret")).toString()};
        QCOMPARE(oauthError(token(s, webClient)), QStringLiteral("unauthorized_client"));
    }

    // The REST API takes only its own kind of token: the same claims, signed by Keyward's own key,
    // are refused under another typ (an OAuth access token's, an ID token's).
    void theRestApiTakesOnlyItsOwnKindOfToken()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        const auto jwt = crypto::decodeJwt(admin);
        QVERIFY(jwt);
        auto signer = s.services().keys().signer();
        QVERIFY(signer);
        const auto resigned = [&](const QString &typ) {
            return crypto::signJwt(jwt->claims, signer->key, signer->kid, typ);
        };
        QCOMPARE(s.get(QStringLiteral("/api/v1/me"), resigned(QStringLiteral("JWT"))).status, 200);
        QCOMPARE(s.get(QStringLiteral("/api/v1/me"), resigned(QStringLiteral("at+jwt"))).status, 401);
        QCOMPARE(s.get(QStringLiteral("/api/v1/me"), resigned(QStringLiteral("id_token+jwt"))).status, 401);
    }

    // A public client proves only its id: it may revoke its tokens, not introspect them.
    void publicClientsDoNotIntrospect()
    {
        TestServer s;
        const Reply spa =
            s.post(Clients,
                   obj({{QStringLiteral("name"), QStringLiteral("SPA")},
                        {QStringLiteral("type"), QStringLiteral("public")},
                        {QStringLiteral("redirect_uris"), QJsonArray{QStringLiteral("https://spa.example.com/cb")}}}),
                   s.adminToken());
        const QString id = spa.json().value(QStringLiteral("id")).toString();
        // A token as this provider would issue to that client (the code flow will), signed by Keyward.
        auto signer = s.services().keys().signer();
        QVERIFY(signer);
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const QString issuer = s.services().auth().issuer();
        const QByteArray its = crypto::signJwt(QJsonObject{{QStringLiteral("iss"), issuer},
                                                           {QStringLiteral("sub"), id},
                                                           {QStringLiteral("aud"), id},
                                                           {QStringLiteral("client_id"), id},
                                                           {QStringLiteral("iat"), now},
                                                           {QStringLiteral("exp"), now + 300},
                                                           {QStringLiteral("jti"), QStringLiteral("t1")}},
                                               signer->key, signer->kid, QStringLiteral("at+jwt"));
        const Reply r =
            post(s, QStringLiteral("/oauth2/introspect"),
                 form({{QStringLiteral("token"), QString::fromLatin1(its)}, {QStringLiteral("client_id"), id}}));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.json(), obj({{QStringLiteral("active"), false}}));
        QCOMPARE(post(s, QStringLiteral("/oauth2/revoke"),
                      form({{QStringLiteral("token"), QStringLiteral("x")}, {QStringLiteral("client_id"), id}}))
                     .status,
                 200);
    }

    // private_key_jwt (RFC 7523): an assertion signed with a registered key, for this server, once.
    void aSignedAssertionIsAcceptedOnce_data() { TestDatabase::addBackendRows(); }
    void aSignedAssertionIsAcceptedOnce()
    {
        auto s = server();
        const auto key = crypto::SigningKey::generate(QStringLiteral("EdDSA"));
        const auto stranger = crypto::SigningKey::generate(QStringLiteral("ES256"));
        QVERIFY(key && stranger);
        const Client c = registerClient(
            *s, obj({{QStringLiteral("name"), QStringLiteral("Signer")},
                     {QStringLiteral("token_endpoint_auth_method"), QStringLiteral("private_key_jwt")},
                     {QStringLiteral("jwks"),
                      QJsonObject{{QStringLiteral("keys"), QJsonArray{key->publicJwk(QStringLiteral("k1"))}}}}}));
        QVERIFY(c.secret.isEmpty());
        const QString issuer = s->get(QStringLiteral("/.well-known/openid-configuration"))
                                   .json()
                                   .value(QStringLiteral("issuer"))
                                   .toString();
        const qint64 now = QDateTime::currentSecsSinceEpoch();
        const auto assertion = [&](const crypto::SigningKey &with, const QString &aud, qint64 exp, const QString &jti) {
            return QString::fromLatin1(crypto::signJwt(QJsonObject{{QStringLiteral("iss"), c.id},
                                                                   {QStringLiteral("sub"), c.id},
                                                                   {QStringLiteral("aud"), aud},
                                                                   {QStringLiteral("exp"), exp},
                                                                   {QStringLiteral("jti"), jti}},
                                                       with, QStringLiteral("k1")));
        };
        const auto present = [&](const QString &jwt) {
            return post(*s, TokenPath,
                        form({{QStringLiteral("grant_type"), QStringLiteral("client_credentials")},
                              {QStringLiteral("client_assertion_type"),
                               QStringLiteral("urn:ietf:params:oauth:client-assertion-type:jwt-bearer")},
                              {QStringLiteral("client_assertion"), jwt}}))
                .status;
        };
        const QString good = assertion(*key, issuer + TokenPath, now + 60, QStringLiteral("a1"));
        QCOMPARE(present(good), 200);
        QCOMPARE(present(good), 401); // replayed
        QCOMPARE(present(assertion(*key, issuer, now + 60, QStringLiteral("a2"))), 200);
        QCOMPARE(present(assertion(*stranger, issuer, now + 60, QStringLiteral("a3"))), 401);
        QCOMPARE(present(assertion(*key, QStringLiteral("https://elsewhere.example"), now + 60, QStringLiteral("a4"))),
                 401);
        QCOMPARE(present(assertion(*key, issuer, now - 5, QStringLiteral("a5"))), 401);    // expired
        QCOMPARE(present(assertion(*key, issuer, now + 7200, QStringLiteral("a6"))), 401); // too long-lived
        QCOMPARE(present(assertion(*key, issuer, now + 60, QString())), 401);              // no jti
    }
};

QTEST_GUILESS_MAIN(TstOAuth)
#include "tst_oauth.moc"

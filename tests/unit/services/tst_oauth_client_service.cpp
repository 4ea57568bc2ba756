// OAuthClientService on both backends: only holders of clients:manage manage clients, a secret is
// seen once and kept as a hash, redirect URIs are what RFC 9700 and RFC 8252 allow, and a change
// is refused whole (a wrong field, a stale version, a different type).
#include "core/permissions.h"
#include "crypto/digest.h"
#include "crypto/signing_key.h"
#include "service_fixture.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSqlQuery>
#include <QSqlRecord>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

OAuthClientInput webApp(const QString &name = QStringLiteral("Shop"))
{
    OAuthClientInput in;
    in.name = name;
    in.type = QStringLiteral("confidential");
    in.redirectUris = QStringList{QStringLiteral("https://shop.example.com/callback")};
    return in;
}

OAuthClientInput spa()
{
    OAuthClientInput in;
    in.name = QStringLiteral("Dashboard");
    in.type = QStringLiteral("public");
    in.redirectUris = QStringList{QStringLiteral("https://dash.example.com/cb")};
    return in;
}

// The codes of the field errors a refused request came back with, as "field:code".
QStringList errorCodes(const ApiError &e)
{
    QStringList out;
    for (const FieldError &f : e.fieldErrors())
        out << f.field + QLatin1Char(':') + f.code;
    return out;
}

const QString PublicJwks =
    QStringLiteral(R"({"keys":[{"kty":"OKP","crv":"Ed25519","x":"11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo"}]})");

} // namespace

class TstOAuthClientService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void aSecretIsSeenOnceAndKeptAsAHash_data() { TestDatabase::addBackendRows(); }
    void aSecretIsSeenOnceAndKeptAsAHash()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        const Principal ada = f.principalFor(QStringLiteral("ada"));
        auto made = f.services->oauthClients().create(ada, webApp());
        QVERIFY2(made, made ? "" : qPrintable(made.error().detail()));
        QVERIFY(made->secret.startsWith(QLatin1String("kws_")));
        QCOMPARE(made->secret.size(), 4 + 43);
        const OAuthClient &c = made->client;
        QCOMPARE(c.authMethod, QStringLiteral("client_secret_basic"));
        QCOMPARE(c.grantTypes, (QStringList{QStringLiteral("authorization_code"), QStringLiteral("refresh_token")}));
        QCOMPARE(c.scopes, (QStringList{QStringLiteral("openid"), QStringLiteral("profile"), QStringLiteral("email")}));
        QVERIFY(c.hasSecret);
        QCOMPARE(c.version, 1);

        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT * FROM oauth_clients")) && q.next());
        for (int i = 0; i < q.record().count(); ++i)
            QVERIFY(!q.value(i).toString().contains(made->secret.mid(4)));
        QVERIFY(q.exec(QStringLiteral("SELECT secret_hash FROM oauth_clients")) && q.next());
        QCOMPARE(q.value(0).toByteArray(), crypto::sha256(made->secret.toLatin1()));

        // A new secret replaces the old one.
        auto renewed = f.services->oauthClients().renewSecret(ada, c.id);
        QVERIFY(renewed);
        QVERIFY(renewed->secret != made->secret);
        QVERIFY(q.exec(QStringLiteral("SELECT secret_hash FROM oauth_clients")) && q.next());
        QCOMPARE(q.value(0).toByteArray(), crypto::sha256(renewed->secret.toLatin1()));
        QCOMPARE(renewed->client.version, 2);

        AuditFilter af;
        af.action = QStringLiteral("oauth2.client.create");
        QCOMPARE(f.services->audit().list(Principal::system(), af)->items.size(), 1);
        af.action = QStringLiteral("oauth2.client.secret");
        QCOMPARE(f.services->audit().list(Principal::system(), af)->items.size(), 1);
    }

    // The built-in admin role holds clients:manage after the migration; nobody else does.
    void onlyHoldersOfClientsManage()
    {
        ServiceFixture f;
        f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        f.user(QStringLiteral("uma"), {QStringLiteral("user-manager")});
        const Principal ada = f.principalFor(QStringLiteral("ada"));
        const Principal uma = f.principalFor(QStringLiteral("uma"));
        QVERIFY(ada.can(permission::ClientsManage));
        auto made = f.services->oauthClients().create(ada, webApp());
        QVERIFY(made);
        const QString id = made->client.id;
        OAuthClientService &clients = f.services->oauthClients();
        QCOMPARE(clients.list(uma).error().status(), 403);
        QCOMPARE(clients.get(uma, id).error().status(), 403);
        QCOMPARE(clients.create(uma, webApp()).error().status(), 403);
        OAuthClientInput rename;
        rename.name = QStringLiteral("Mine now");
        QCOMPARE(clients.update(uma, id, rename, std::nullopt).error().status(), 403);
        QCOMPARE(clients.renewSecret(uma, id).error().status(), 403);
        QCOMPARE(clients.remove(uma, id).error().status(), 403);
        QCOMPARE(clients.get(ada, id)->name, QStringLiteral("Shop"));
        QCOMPARE(clients.list(ada)->size(), 1);
    }

    void publicClientsHoldNothingToSteal()
    {
        ServiceFixture f;
        const Principal system = Principal::system();
        OAuthClientService &clients = f.services->oauthClients();
        auto made = clients.create(system, spa());
        QVERIFY(made);
        QVERIFY(made->secret.isEmpty());
        QVERIFY(!made->client.hasSecret);
        QCOMPARE(made->client.authMethod, QStringLiteral("none"));
        QCOMPARE(clients.renewSecret(system, made->client.id).error().status(), 409);

        OAuthClientInput withSecret = spa();
        withSecret.authMethod = QStringLiteral("client_secret_post");
        QCOMPARE(errorCodes(clients.create(system, withSecret).error()),
                 QStringList{QStringLiteral("token_endpoint_auth_method:invalid_value")});
        OAuthClientInput machine = spa();
        machine.grantTypes = QStringList{QStringLiteral("client_credentials")};
        QVERIFY(
            errorCodes(clients.create(system, machine).error()).contains(QStringLiteral("grant_types:not_applicable")));
        QCOMPARE(clients.list(system)->size(), 1); // nothing refused was written
    }

    void redirectUrisAreMatchedExactly_data()
    {
        QTest::addColumn<QString>("type");
        QTest::addColumn<QString>("uri");
        QTest::addColumn<bool>("accepted");
        const QString pub = QStringLiteral("public"), conf = QStringLiteral("confidential");
        QTest::newRow("https") << conf << QStringLiteral("https://app.example.com/cb?x=1") << true;
        QTest::newRow("loopback ip") << pub << QStringLiteral("http://127.0.0.1:8765/cb") << true;
        QTest::newRow("loopback v6") << pub << QStringLiteral("http://[::1]/cb") << true;
        QTest::newRow("localhost") << conf << QStringLiteral("http://localhost:3000/cb") << true;
        QTest::newRow("native scheme") << pub << QStringLiteral("com.example.app:/oauth2redirect") << true;
        QTest::newRow("native scheme, server") << conf << QStringLiteral("com.example.app:/cb") << false;
        QTest::newRow("plain http") << conf << QStringLiteral("http://app.example.com/cb") << false;
        QTest::newRow("fragment") << conf << QStringLiteral("https://app.example.com/cb#x") << false;
        QTest::newRow("wildcard") << conf << QStringLiteral("https://*.example.com/cb") << false;
        QTest::newRow("user info") << conf << QStringLiteral("https://me:pw@app.example.com/cb") << false;
        QTest::newRow("relative") << pub << QStringLiteral("/callback") << false;
        QTest::newRow("javascript") << pub << QStringLiteral("javascript:alert(1)") << false;
        QTest::newRow("data") << pub << QStringLiteral("data:text/html,hi") << false;
        QTest::newRow("space") << conf << QStringLiteral("https://app.example.com/a b") << false;
        QTest::newRow("too long") << conf << QStringLiteral("https://app.example.com/") + QString(2000, u'a') << false;
    }
    void redirectUrisAreMatchedExactly()
    {
        QFETCH(QString, type);
        QFETCH(QString, uri);
        QFETCH(bool, accepted);
        ServiceFixture f;
        OAuthClientInput in = type == QLatin1String("public") ? spa() : webApp();
        in.redirectUris = QStringList{QStringLiteral("https://ok.example.com/cb"), uri};
        auto made = f.services->oauthClients().create(Principal::system(), in);
        QCOMPARE(bool(made), accepted);
        if (!accepted)
            QCOMPARE(errorCodes(made.error()), QStringList{QStringLiteral("redirect_uris:invalid_uri")});
        in.redirectUris = QStringList{QStringLiteral("https://ok.example.com/cb")};
        in.postLogoutRedirectUris = QStringList{uri};
        QCOMPARE(bool(f.services->oauthClients().create(Principal::system(), in)), accepted);
    }

    // Keys anyone could forge signatures for are refused at registration.
    void weakKeysAreRefused_data()
    {
        QTest::addColumn<QString>("change");
        QTest::addColumn<bool>("accepted");
        QTest::newRow("a sound RSA key") << QString() << true;
        QTest::newRow("exponent 1") << QStringLiteral("e=AQ") << false;
        QTest::newRow("even exponent") << QStringLiteral("e=AQAC") << false;
        QTest::newRow("exponent 3") << QStringLiteral("e=Aw") << false;
        QTest::newRow("1024 bits") << QStringLiteral("short") << false;
        QTest::newRow("2047 bits") << QStringLiteral("2047") << false;
        QTest::newRow("even modulus") << QStringLiteral("even") << false;
        QTest::newRow("for encryption") << QStringLiteral("use=enc") << false;
        QTest::newRow("only to encrypt") << QStringLiteral("key_ops") << false;
        QTest::newRow("Ed25519 identity") << QStringLiteral("identity") << false;
        QTest::newRow("Ed25519 order 8, sign bit set") << QStringLiteral("order8") << false;
        QTest::newRow("a sound Ed25519 key") << QStringLiteral("ed25519") << true;
    }
    void weakKeysAreRefused()
    {
        QFETCH(QString, change);
        QFETCH(bool, accepted);
        ServiceFixture f;
        QJsonObject jwk = crypto::SigningKey::generate(QStringLiteral("RS256"))->publicJwk(QStringLiteral("k"));
        const QJsonObject ed = crypto::SigningKey::generate(QStringLiteral("EdDSA"))->publicJwk(QStringLiteral("k"));
        if (change.startsWith(QLatin1String("e=")))
            jwk.insert(QStringLiteral("e"), change.mid(2));
        else if (change == QLatin1String("short"))
            jwk.insert(QStringLiteral("n"),
                       QString::fromLatin1(crypto::base64Url(
                           QByteArray::fromBase64(jwk.value(QStringLiteral("n")).toString().toLatin1(),
                                                  QByteArray::Base64UrlEncoding)
                               .left(128))));
        else if (change == QLatin1String("2047") || change == QLatin1String("even")) {
            QByteArray n = QByteArray::fromBase64(jwk.value(QStringLiteral("n")).toString().toLatin1(),
                                                  QByteArray::Base64UrlEncoding);
            if (change == QLatin1String("2047"))
                n[0] = static_cast<char>(n[0] & 0x7f);
            else
                n[n.size() - 1] = static_cast<char>(n[n.size() - 1] & 0xfe);
            jwk.insert(QStringLiteral("n"), QString::fromLatin1(crypto::base64Url(n)));
        } else if (change == QLatin1String("use=enc"))
            jwk.insert(QStringLiteral("use"), QStringLiteral("enc"));
        else if (change == QLatin1String("key_ops"))
            jwk.insert(QStringLiteral("key_ops"), QJsonArray{QStringLiteral("encrypt")});
        else if (change == QLatin1String("identity") || change == QLatin1String("order8") ||
                 change == QLatin1String("ed25519")) {
            jwk = ed;
            if (change == QLatin1String("identity"))
                jwk.insert(QStringLiteral("x"), QStringLiteral("AQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"));
            if (change == QLatin1String("order8"))
                jwk.insert(QStringLiteral("x"),
                           QString::fromLatin1(crypto::base64Url(QByteArray::fromHex(
                               "c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac03fa"))));
        }
        OAuthClientInput in = webApp();
        in.authMethod = QStringLiteral("private_key_jwt");
        in.jwks = QString::fromUtf8(
            QJsonDocument(QJsonObject{{QStringLiteral("keys"), QJsonArray{jwk}}}).toJson(QJsonDocument::Compact));
        auto made = f.services->oauthClients().create(Principal::system(), in);
        QCOMPARE(bool(made), accepted);
        if (!accepted)
            QCOMPARE(errorCodes(made.error()), QStringList{QStringLiteral("jwks:invalid_value")});
    }

    void aChangeIsWholeOrRefused_data() { TestDatabase::addBackendRows(); }
    void aChangeIsWholeOrRefused()
    {
        QFETCH(QString, backend);
        ServiceFixture f(QStringLiteral("RS256"), backend);
        const Principal system = Principal::system();
        OAuthClientService &clients = f.services->oauthClients();
        auto made = clients.create(system, webApp());
        QVERIFY(made);
        const QString id = made->client.id;

        OAuthClientInput rename;
        rename.name = QStringLiteral("  Shop 2  ");
        QCOMPARE(clients.update(system, id, rename, 7).error().status(), 412); // a stale If-Match
        auto renamed = clients.update(system, id, rename, 1);
        QVERIFY(renamed);
        QCOMPARE(renamed->name, QStringLiteral("Shop 2"));
        QCOMPARE(renamed->version, 2);
        QCOMPARE(clients.update(system, id, rename, std::nullopt)->version, 2); // nothing changed, nothing written
        OAuthClientInput reordered;
        reordered.scopes = QStringList{QStringLiteral("email"), QStringLiteral("openid"), QStringLiteral("profile")};
        reordered.grantTypes = QStringList{QStringLiteral("refresh_token"), QStringLiteral("authorization_code")};
        QCOMPARE(clients.update(system, id, reordered, std::nullopt)->version, 2); // the same sets

        OAuthClientInput bad;
        bad.type = QStringLiteral("public");
        bad.name = QStringLiteral("Renamed");
        bad.scopes = QStringList{QStringLiteral("openid"), QStringLiteral("admin")};
        bad.accessTokenTtl = 5;
        QCOMPARE(errorCodes(clients.update(system, id, bad, std::nullopt).error()),
                 (QStringList{QStringLiteral("type:immutable"), QStringLiteral("scopes:invalid_value"),
                              QStringLiteral("access_token_ttl:out_of_range")}));
        QCOMPARE(clients.get(system, id)->name, QStringLiteral("Shop 2")); // nothing of it was written
        OAuthClientInput forged;
        forged.name = QStringLiteral("Shop\nforged line");
        QCOMPARE(errorCodes(clients.update(system, id, forged, std::nullopt).error()),
                 QStringList{QStringLiteral("name:invalid_format")});

        // Keys instead of a secret: the secret goes; private keys are refused.
        OAuthClientInput keys;
        keys.authMethod = QStringLiteral("private_key_jwt");
        QCOMPARE(errorCodes(clients.update(system, id, keys, std::nullopt).error()),
                 QStringList{QStringLiteral("jwks:invalid_value")});
        QJsonObject privateJwks = QJsonDocument::fromJson(PublicJwks.toUtf8()).object();
        QJsonArray list = privateJwks.value(QStringLiteral("keys")).toArray();
        QJsonObject key = list.at(0).toObject();
        key.insert(QStringLiteral("d"), QStringLiteral("nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A"));
        privateJwks.insert(QStringLiteral("keys"), QJsonArray{key});
        keys.jwks = QString::fromUtf8(QJsonDocument(privateJwks).toJson(QJsonDocument::Compact));
        QCOMPARE(errorCodes(clients.update(system, id, keys, std::nullopt).error()),
                 QStringList{QStringLiteral("jwks:invalid_value")});
        keys.jwks = PublicJwks;
        auto keyed = clients.update(system, id, keys, std::nullopt);
        QVERIFY(keyed);
        QVERIFY(!keyed->hasSecret);
        QCOMPARE(clients.renewSecret(system, id).error().status(), 409);
        QSqlQuery q(f.db.database()->connection());
        QVERIFY(q.exec(QStringLiteral("SELECT secret_hash IS NULL FROM oauth_clients")) && q.next());
        QVERIFY(q.value(0).toBool());

        QVERIFY(clients.remove(system, id));
        QCOMPARE(clients.get(system, id).error().status(), 404);
        QCOMPARE(clients.remove(system, id).error().status(), 404);
        QCOMPARE(clients.update(system, id, rename, std::nullopt).error().status(), 404);
    }
};

QTEST_GUILESS_MAIN(TstOAuthClientService)
#include "tst_oauth_client_service.moc"

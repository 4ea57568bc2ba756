// Passkeys over HTTP on both backends, with an authenticator made in the test: a signed-in user
// registers one (ES256, RS256, EdDSA; 'none' and 'packed' attestation) and then signs in with it
// alone; a wrong origin, another relying party, a replayed challenge, a counter going backwards
// (audited as a clone), a tampered signature or an unverified user are refused; a passkey is the
// user's own to list, rename and remove, with a session, never an API key.
#include "api_helpers.h"
#include "crypto/digest.h"
#include "software_authenticator.h"
#include "test_server.h"
#include "web_tools.h"

#include <QJsonArray>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

const QString Origin = QStringLiteral("http://keyward.test"); // TestServer's issuer
const QString Mine = QStringLiteral("/api/v1/me/webauthn");
const QString SignIn = QStringLiteral("/api/v1/auth/webauthn");

QJsonObject options(TestServer &s, const QString &path, const QByteArray &token = {})
{
    const Reply r = s.post(path, {}, token);
    if (r.status != 200)
        qWarning() << path << r.status << r.body;
    return r.json();
}

Reply registerWith(TestServer &s, const QByteArray &token, SoftwareAuthenticator &a, bool packed = false,
                   const QString &origin = Origin, quint8 flags = 0x05, const QString &rpId = {})
{
    const QJsonObject o = options(s, Mine + QStringLiteral("/register/options"), token);
    return s.post(Mine + QStringLiteral("/register/verify"),
                  obj({{QStringLiteral("credential"), a.registration(o, origin, packed, flags, rpId)},
                       {QStringLiteral("name"), QStringLiteral("Laptop")}}),
                  token);
}

Reply signInWith(TestServer &s, SoftwareAuthenticator &a, const QString &origin = Origin, quint8 flags = 0x05,
                 const QString &rpId = {})
{
    const QJsonObject o = options(s, SignIn + QStringLiteral("/options"));
    return s.post(SignIn + QStringLiteral("/verify"),
                  obj({{QStringLiteral("credential"), a.assertion(o, origin, flags, rpId)}}));
}

} // namespace

class TstPasskeys : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void registerThenSignInWithThePasskeyAlone_data()
    {
        QTest::addColumn<QString>("backend");
        QTest::addColumn<QString>("algorithm");
        QTest::addColumn<bool>("packed");
        for (const QString &backend : TestDatabase::backends()) {
            QTest::newRow(qPrintable(backend + QStringLiteral(" ES256 none")))
                << backend << QStringLiteral("ES256") << false;
            QTest::newRow(qPrintable(backend + QStringLiteral(" EdDSA packed")))
                << backend << QStringLiteral("EdDSA") << true;
            QTest::newRow(qPrintable(backend + QStringLiteral(" RS256 packed")))
                << backend << QStringLiteral("RS256") << true;
        }
    }
    void registerThenSignInWithThePasskeyAlone()
    {
        QFETCH(QString, algorithm);
        QFETCH(bool, packed);
        auto s = TestServer::onRowBackend();
        const QString ann = s->createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"), {});
        const QByteArray token = s->accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"));
        SoftwareAuthenticator key(algorithm);

        const QJsonObject o = options(*s, Mine + QStringLiteral("/register/options"), token);
        QCOMPARE(o.value(QStringLiteral("rp")).toObject().value(QStringLiteral("id")).toString(),
                 QStringLiteral("keyward.test"));
        QCOMPARE(o.value(QStringLiteral("authenticatorSelection")).toObject().value(QStringLiteral("userVerification")),
                 QStringLiteral("required"));
        QVERIFY(!o.value(QStringLiteral("user")).toObject().value(QStringLiteral("id")).toString().contains(ann));
        const Reply made = s->post(Mine + QStringLiteral("/register/verify"),
                                   obj({{QStringLiteral("credential"), key.registration(o, Origin, packed)},
                                        {QStringLiteral("name"), QStringLiteral("Laptop")}}),
                                   token);
        QCOMPARE(made.status, 201);
        QCOMPARE(made.json().value(QStringLiteral("name")).toString(), QStringLiteral("Laptop"));
        QCOMPARE(made.json().value(QStringLiteral("attestation")).toString(),
                 packed ? QStringLiteral("self") : QStringLiteral("none"));
        QVERIFY(!made.body.contains("\"x\"") && !made.body.contains("public_key")); // no key material
        // The same credential twice is refused; the next options exclude it.
        QCOMPARE(
            s->post(Mine + QStringLiteral("/register/verify"),
                    obj({{QStringLiteral("credential"),
                          key.registration(options(*s, Mine + QStringLiteral("/register/options"), token), Origin)}}),
                    token)
                .status,
            409);
        QCOMPARE(options(*s, Mine + QStringLiteral("/register/options"), token)
                     .value(QStringLiteral("excludeCredentials"))
                     .toArray()
                     .size(),
                 1);

        // Signed in with it alone, the session is ann's.
        const Reply signedIn = signInWith(*s, key);
        QCOMPARE(signedIn.status, 200);
        const QByteArray access = signedIn.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), access).json().value(QStringLiteral("id")).toString(), ann);
        const QJsonArray listed =
            s->get(Mine + QStringLiteral("/credentials"), access).json().value(QStringLiteral("items")).toArray();
        QCOMPARE(listed.size(), 1);
        QVERIFY(!listed.first().toObject().value(QStringLiteral("last_used_at")).isNull());
    }

    void whatDoesNotHoldUpIsRefused_data() { TestDatabase::addBackendRows(); }
    void whatDoesNotHoldUpIsRefused()
    {
        auto s = TestServer::onRowBackend();
        s->createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"), {});
        s->createUser(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"), {});
        const QByteArray ann = s->accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"));
        const QByteArray bob = s->accessToken(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"));
        SoftwareAuthenticator key;

        // Registration: another origin, no user verification, bob's challenge for ann.
        QCOMPARE(errorFields(registerWith(*s, ann, key, false, QStringLiteral("https://evil.example"))),
                 QStringList{QStringLiteral("credential:invalid")});
        QCOMPARE(registerWith(*s, ann, key, false, Origin, SoftwareAuthenticator::UserPresent).status, 422);
        QCOMPARE(registerWith(*s, ann, key, false, Origin, 0x05, QStringLiteral("evil.example")).status, 422);
        const QJsonObject bobs = options(*s, Mine + QStringLiteral("/register/options"), bob);
        QCOMPARE(s->post(Mine + QStringLiteral("/register/verify"),
                         obj({{QStringLiteral("credential"), key.registration(bobs, Origin)}}), ann)
                     .status,
                 422);
        // Options asked for in one session are answered in that session only, not in another of ann's.
        const QJsonObject elsewhere = options(*s, Mine + QStringLiteral("/register/options"), ann);
        const QByteArray annAgain = s->accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"));
        QCOMPARE(s->post(Mine + QStringLiteral("/register/verify"),
                         obj({{QStringLiteral("credential"), key.registration(elsewhere, Origin)}}), annAgain)
                     .status,
                 422);
        QCOMPARE(registerWith(*s, ann, key).status, 201);

        // Sign-in: another origin, another relying party, no user verification, a tampered signature.
        QCOMPARE(signInWith(*s, key, QStringLiteral("https://evil.example")).status, 422);
        QCOMPARE(signInWith(*s, key, Origin, 0x05, QStringLiteral("evil.example")).status, 401);
        QCOMPARE(signInWith(*s, key, Origin, SoftwareAuthenticator::UserPresent).status, 401);
        QJsonObject o = options(*s, SignIn + QStringLiteral("/options"));
        QJsonObject tampered = key.assertion(o, Origin);
        QJsonObject response = tampered.value(QStringLiteral("response")).toObject();
        QByteArray sig = crypto::fromBase64Url(response.value(QStringLiteral("signature")).toString().toLatin1());
        sig[sig.size() - 3] = char(sig[sig.size() - 3] ^ 0x01);
        response.insert(QStringLiteral("signature"), QString::fromLatin1(crypto::base64Url(sig)));
        tampered.insert(QStringLiteral("response"), response);
        QCOMPARE(s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), tampered}})).status,
                 401);

        // A challenge is good once: the same answer again is refused.
        o = options(*s, SignIn + QStringLiteral("/options"));
        const QJsonObject answer = key.assertion(o, Origin);
        QCOMPARE(s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), answer}})).status,
                 200);
        QCOMPARE(s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), answer}})).status,
                 422);

        // A counter going backwards is a cloned authenticator: refused, and audited.
        key.counter = 100;
        QCOMPARE(signInWith(*s, key).status, 200);
        key.counter = 40;
        QCOMPARE(signInWith(*s, key).status, 401);
        const QJsonArray clones =
            s->get(QStringLiteral("/api/v1/audit?action=passkey.clone_suspected"), s->adminToken())
                .json()
                .value(QStringLiteral("items"))
                .toArray();
        QCOMPARE(clones.size(), 1);
        QCOMPARE(
            clones.first().toObject().value(QStringLiteral("details")).toObject().value(QStringLiteral("stored_count")),
            101);
        // Without the user handle a sign-in that names nobody does not say whose passkey it is.
        o = options(*s, SignIn + QStringLiteral("/options"));
        QJsonObject anonymous = key.assertion(o, Origin);
        response = anonymous.value(QStringLiteral("response")).toObject();
        response.remove(QStringLiteral("userHandle"));
        anonymous.insert(QStringLiteral("response"), response);
        QCOMPARE(s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), anonymous}})).status,
                 401);
        // Refused registrations are audited, as are sign-ins refused for their client data.
        AuditFilter refusedRegistrations;
        refusedRegistrations.action = QStringLiteral("passkey.register");
        refusedRegistrations.outcome = QStringLiteral("failure");
        QCOMPARE(s->services().audit().list(Principal::system(), refusedRegistrations)->items.size(), 5);
        AuditFilter signIns;
        signIns.action = QStringLiteral("auth.login");
        signIns.outcome = QStringLiteral("failure");
        const auto failures = s->services().audit().list(Principal::system(), signIns)->items;
        QVERIFY(std::any_of(failures.begin(), failures.end(), [](const AuditEvent &e) {
            return e.details.contains(QLatin1String("passkey_client_data"));
        }));

        // An unknown credential, and one that is not a credential at all.
        SoftwareAuthenticator stranger;
        QCOMPARE(signInWith(*s, stranger).status, 401);
        QCOMPARE(s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), 7}})).status, 422);
        QCOMPARE(
            s->post(SignIn + QStringLiteral("/verify"), obj({{QStringLiteral("credential"), QJsonObject()}})).status,
            422);
    }

    // Per user, passkeys sign in alone or only after the password; with the policy off, only after it.
    void aPasskeyIsTheSecondFactorAfterThePassword_data() { TestDatabase::addBackendRows(); }
    void aPasskeyIsTheSecondFactorAfterThePassword()
    {
        auto s = TestServer::onRowBackend();
        const QString password = QStringLiteral("ann's long passphrase");
        const QString ann = s->createUser(QStringLiteral("ann"), password, {QStringLiteral("user-manager")});
        s->createUser(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"), {});
        const QByteArray token = s->accessToken(QStringLiteral("ann"), password);
        SoftwareAuthenticator key;
        SoftwareAuthenticator bobs;
        QCOMPARE(registerWith(*s, token, key).status, 201);
        QCOMPARE(registerWith(*s, s->accessToken(QStringLiteral("bob"), QStringLiteral("bob's long passphrase")), bobs)
                     .status,
                 201);
        const auto login = [&] {
            return s->post(QStringLiteral("/api/v1/auth/login"), obj({{QStringLiteral("login"), QStringLiteral("ann")},
                                                                      {QStringLiteral("password"), password}}));
        };
        QCOMPARE(login().status, 200); // by default a passkey is another way in, not a second step

        // The choice is a credential change: an API key may not make it; a bad mode is a 422.
        const QString mode = Mine + QStringLiteral("/sign-in");
        QCOMPARE(errorFields(s->request("PUT", mode,
                                        QJsonDocument(obj({{QStringLiteral("mode"), QStringLiteral("both")}})), token)),
                 QStringList{QStringLiteral("mode:invalid")});
        const QByteArray apiKey = newApiKey(*s, QStringLiteral("/api/v1/me/api-keys"), token, QStringLiteral("ci"),
                                            {QStringLiteral("users:read")});
        QVERIFY(!apiKey.isEmpty());
        QCOMPARE(s->send("PUT", mode, "{\"mode\":\"passwordless\"}", {}, {{"X-API-Key", apiKey}}).status, 403);
        const Reply chosen = s->request(
            "PUT", mode, QJsonDocument(obj({{QStringLiteral("mode"), QStringLiteral("second_factor")}})), token);
        QCOMPARE(chosen.status, 200);
        QCOMPARE(chosen.json().value(QStringLiteral("mode")).toString(), QStringLiteral("second_factor"));
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), token).json().value(QStringLiteral("passkey_sign_in")).toString(),
                 QStringLiteral("second_factor"));

        // Alone, the passkey no longer signs in; after the password it is what is asked for.
        const Reply alone = signInWith(*s, key);
        QCOMPARE(alone.status, 403);
        QCOMPARE(alone.json().value(QStringLiteral("type")).toString(),
                 QStringLiteral("https://keyward.dev/problems/passkey-second-factor"));
        const auto secondStep = [&] {
            const Reply first = login();
            if (first.status != 401 ||
                first.json().value(QStringLiteral("mfa_methods")).toArray() != QJsonArray{QStringLiteral("passkey")})
                qWarning() << first.status << first.body;
            return first.json().value(QStringLiteral("mfa_token")).toString();
        };
        const QString Step = QStringLiteral("/api/v1/auth/mfa/webauthn");
        const auto answer = [&](const QString &mfaToken, SoftwareAuthenticator &a, const QString &origin = Origin) {
            const QJsonObject o =
                s->post(Step + QStringLiteral("/options"), obj({{QStringLiteral("mfa_token"), mfaToken}})).json();
            return s->post(
                Step + QStringLiteral("/verify"),
                obj({{QStringLiteral("mfa_token"), mfaToken},
                     {QStringLiteral("credential"), a.assertion(o, origin, SoftwareAuthenticator::UserPresent)}}));
        };
        QString mfaToken = secondStep();
        const QJsonObject o =
            s->post(Step + QStringLiteral("/options"), obj({{QStringLiteral("mfa_token"), mfaToken}})).json();
        QCOMPARE(o.value(QStringLiteral("allowCredentials")).toArray().size(), 1);
        QCOMPARE(o.value(QStringLiteral("userVerification")).toString(), QStringLiteral("preferred"));
        // Another user's passkey, another origin: wrong answers, as a wrong code is; three spend the token.
        QCOMPARE(answer(mfaToken, bobs).status, 422);
        QCOMPARE(answer(mfaToken, key, QStringLiteral("https://evil.example")).status, 422);
        const Reply done = answer(mfaToken, key);
        QCOMPARE(done.status, 200);
        const QByteArray access = done.json().value(QStringLiteral("access_token")).toString().toLatin1();
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), access).json().value(QStringLiteral("id")).toString(), ann);
        QCOMPARE(answer(mfaToken, key).status, 401); // spent
        // Options of one sign-in's second step do not complete another's.
        const QString firstStep = secondStep();
        const QString otherStep = secondStep();
        const QJsonObject othersOptions =
            s->post(Step + QStringLiteral("/options"), obj({{QStringLiteral("mfa_token"), firstStep}})).json();
        QCOMPARE(s->post(Step + QStringLiteral("/verify"),
                         obj({{QStringLiteral("mfa_token"), otherStep},
                              {QStringLiteral("credential"),
                               key.assertion(othersOptions, Origin, SoftwareAuthenticator::UserPresent)}}))
                     .status,
                 422);
        mfaToken = secondStep();
        for (int i = 0; i < 3; ++i)
            QCOMPARE(answer(mfaToken, bobs).status, 422);
        QCOMPARE(answer(mfaToken, key).status, 401);
        QCOMPARE(s->post(Step + QStringLiteral("/options"), obj({{QStringLiteral("mfa_token"), mfaToken}})).status,
                 401); // a spent token gets no more options
        // The audit says what the wrong answers were; the answers did not.
        AuditFilter wrongSteps;
        wrongSteps.action = QStringLiteral("auth.mfa");
        wrongSteps.outcome = QStringLiteral("failure");
        const auto wrong = s->services().audit().list(Principal::system(), wrongSteps)->items;
        QVERIFY(std::any_of(wrong.begin(), wrong.end(),
                            [](const AuditEvent &e) { return e.details.contains(QLatin1String("passkey_unknown")); }));
        QVERIFY(std::any_of(wrong.begin(), wrong.end(), [](const AuditEvent &e) {
            return e.details.contains(QLatin1String("passkey_client_data"));
        }));
        QCOMPARE(s->post(Step + QStringLiteral("/options"), obj({{QStringLiteral("mfa_token"), QStringLiteral("x")}}))
                     .status,
                 401);
        // The REST API's mfa_token is no bearer token, and a code step is not a passkey's.
        QCOMPARE(s->get(QStringLiteral("/api/v1/me"), secondStep().toLatin1()).status, 401);
        AuditFilter logins;
        logins.action = QStringLiteral("auth.login");
        logins.outcome = QStringLiteral("success");
        const auto events = s->services().audit().list(Principal::system(), logins)->items;
        QVERIFY(std::any_of(events.begin(), events.end(),
                            [](const AuditEvent &e) { return e.details.contains(QLatin1String("password+passkey")); }));

        // Removing the last passkey, like disabling TOTP, leaves the password alone enough.
        const QString id = s->get(Mine + QStringLiteral("/credentials"), token)
                               .json()
                               .value(QStringLiteral("items"))
                               .toArray()
                               .first()
                               .toObject()
                               .value(QStringLiteral("id"))
                               .toString();
        QCOMPARE(s->request("DELETE", Mine + QStringLiteral("/credentials/") + id, {}, token).status, 204);
        QCOMPARE(login().status, 200);

        // With passwordless sign-in off for everyone, a passkey is always the second step.
        const QByteArray bobToken = s->accessToken(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"));
        QCOMPARE(s->request("PATCH", QStringLiteral("/api/v1/settings"),
                            QJsonDocument(obj(
                                {{QStringLiteral("passkeys"), QJsonObject{{QStringLiteral("passwordless"), false}}}})),
                            s->adminToken())
                     .status,
                 200);
        QVERIFY(!bobToken.isEmpty());
        const Reply bobFirst = s->post(QStringLiteral("/api/v1/auth/login"),
                                       obj({{QStringLiteral("login"), QStringLiteral("bob")},
                                            {QStringLiteral("password"), QStringLiteral("bob's long passphrase")}}));
        QCOMPARE(bobFirst.status, 401);
        QCOMPARE(answer(bobFirst.json().value(QStringLiteral("mfa_token")).toString(), bobs).status, 200);
    }

    // Debian's Chromium and its virtual authenticator register a passkey and sign in with it on the
    // hosted pages, alone and after the password; @simplewebauthn/server checks each ceremony again.
    void aBrowserRegistersAndSignsInWithAPasskey()
    {
        QVERIFY2(webToolInstalled(QStringLiteral("@simplewebauthn/server")),
                 "run `npm ci --prefix tests/web` first (tests/run.sh does)");
        TestServer s;
        // WebAuthn wants a domain: the relying party is "localhost", a secure context over http too.
        const QString issuer = QStringLiteral("http://localhost:%1").arg(s.url(QString()).port());
        s.services().auth().setIssuer(issuer);
        s.createUser(QStringLiteral("erin"), QStringLiteral("erin's long passphrase"), {});
        const QJsonObject setup{{QStringLiteral("admin_token"), QString::fromLatin1(s.adminToken())},
                                {QStringLiteral("username"), QStringLiteral("erin")},
                                {QStringLiteral("password"), QStringLiteral("erin's long passphrase")}};
        const WebToolRun run = runWebTool(QStringLiteral("passkey_flow.mjs"), issuer,
                                          {{QStringLiteral("KEYWARD_PASSKEYS"), compactJson(setup)}});
        QVERIFY2(run.passed, run.output.constData());
        QVERIFY2(run.output.contains("0 console problems"), run.output.constData());
    }

    void aPasskeyIsItsOwnersToManage()
    {
        TestServer s;
        const QString ann = s.createUser(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"),
                                         {QStringLiteral("user-manager")});
        s.createUser(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"), {});
        const QByteArray annToken = s.accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase"));
        const QByteArray bobToken = s.accessToken(QStringLiteral("bob"), QStringLiteral("bob's long passphrase"));
        SoftwareAuthenticator key;
        const Reply made = registerWith(s, annToken, key);
        QCOMPARE(made.status, 201);
        const QString one = Mine + QStringLiteral("/credentials/") + made.json().value(QStringLiteral("id")).toString();

        const Reply renamed =
            s.request("PATCH", one, QJsonDocument(obj({{QStringLiteral("name"), QStringLiteral("Phone")}})), annToken);
        QCOMPARE(renamed.status, 200);
        QCOMPARE(renamed.json().value(QStringLiteral("name")).toString(), QStringLiteral("Phone"));
        // Bob sees none of it and touches none of it.
        QCOMPARE(s.get(Mine + QStringLiteral("/credentials"), bobToken).json().value(QStringLiteral("total")).toInt(),
                 0);
        QCOMPARE(s.request("PATCH", one, QJsonDocument(obj({{QStringLiteral("name"), QStringLiteral("x")}})), bobToken)
                     .status,
                 404);
        QCOMPARE(s.request("DELETE", one, {}, bobToken).status, 404);
        // An API key of ann's may not register or remove passkeys.
        const QByteArray key2 = newApiKey(s, QStringLiteral("/api/v1/me/api-keys"), annToken, QStringLiteral("ci"),
                                          {QStringLiteral("users:read")});
        QVERIFY(!key2.isEmpty());
        QCOMPARE(s.send("POST", Mine + QStringLiteral("/register/options"), {}, {}, {{"X-API-Key", key2}}).status, 403);
        QCOMPARE(s.send("DELETE", one, {}, {}, {{"X-API-Key", key2}}).status, 403);
        QCOMPARE(s.request("DELETE", one, {}, annToken).status, 204);
        QCOMPARE(signInWith(s, key).status, 401);
        QCOMPARE(s.get(QStringLiteral("/api/v1/audit?action=passkey.remove"), s.adminToken())
                     .json()
                     .value(QStringLiteral("items"))
                     .toArray()
                     .first()
                     .toObject()
                     .value(QStringLiteral("target"))
                     .toObject()
                     .value(QStringLiteral("id"))
                     .toString(),
                 ann);

        // Administrators see a user's passkeys (users:read) and remove them (users:write), never their own so.
        SoftwareAuthenticator lost;
        QCOMPARE(
            registerWith(s, s.accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase")), lost).status,
            201);
        const QString annsPasskeys = QStringLiteral("/api/v1/users/") + ann + QStringLiteral("/webauthn/credentials");
        QCOMPARE(postRole(s, s.adminToken(), QStringLiteral("reader"), {QStringLiteral("users:read")}), 201);
        s.createUser(QStringLiteral("rita"), QStringLiteral("rita's long passphrase"), {QStringLiteral("reader")});
        const QByteArray rita = s.accessToken(QStringLiteral("rita"), QStringLiteral("rita's long passphrase"));
        const QJsonArray seen = s.get(annsPasskeys, rita).json().value(QStringLiteral("items")).toArray();
        QCOMPARE(seen.size(), 1);
        const QString lostId = seen.first().toObject().value(QStringLiteral("id")).toString();
        QCOMPARE(s.request("DELETE", annsPasskeys + QLatin1Char('/') + lostId, {}, rita).status, 403);
        QCOMPARE(s.get(annsPasskeys, bobToken).status, 403);
        QCOMPARE(s.request("DELETE", annsPasskeys + QLatin1Char('/') + lostId, {}, annToken).status, 403);
        QCOMPARE(s.request("DELETE", annsPasskeys + QLatin1Char('/') + lostId, {}, s.adminToken()).status, 204);
        QCOMPARE(signInWith(s, lost).status, 401);

        // Recovery ends what whoever held the account may have planted: an administrator setting the
        // password removes the passkeys too.
        SoftwareAuthenticator again;
        QCOMPARE(registerWith(s, s.accessToken(QStringLiteral("ann"), QStringLiteral("ann's long passphrase")), again)
                     .status,
                 201);
        QCOMPARE(signInWith(s, again).status, 200);
        QCOMPARE(s.post(QStringLiteral("/api/v1/users/") + ann + QStringLiteral("/password"),
                        obj({{QStringLiteral("new_password"), QStringLiteral("a brand new passphrase")}}),
                        s.adminToken())
                     .status,
                 204);
        QCOMPARE(signInWith(s, again).status, 401);

        // With the policy off, a passkey does not sign in alone.
        QCOMPARE(s.request("PATCH", QStringLiteral("/api/v1/settings"),
                           QJsonDocument(obj(
                               {{QStringLiteral("passkeys"), QJsonObject{{QStringLiteral("passwordless"), false}}}})),
                           s.adminToken())
                     .status,
                 200);
        QCOMPARE(s.post(SignIn + QStringLiteral("/options"), {}).status, 403);
    }
};

QTEST_GUILESS_MAIN(TstPasskeys)
#include "tst_passkeys.moc"

// Import and export of users through the services: a Keycloak realm export whose password
// hashes keep working, a Keyward export imported again, CSV, and the documents that are refused.
#include "service_fixture.h"
#include "services/user_transfer.h"
#include "store/user_repository.h"

#include <QBuffer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

QByteArray testData(const QString &name)
{
    QFile f(QStringLiteral(KEYWARD_SOURCE_DIR "/tests/data/") + name);
    if (!f.open(QIODevice::ReadOnly))
        qFatal("no test data %s", qPrintable(name));
    return f.readAll();
}

QByteArray realm()
{
    return testData(QStringLiteral("keycloak-realm.json"));
}

Result<ImportReport> import(ServiceFixture &f, const QByteArray &document, bool dryRun = false,
                            ImportFormat format = ImportFormat::Auto, const TransferProgress &progress = {})
{
    return importUsers(f.services->users(), f.services->roles(), Principal::system(), document, format, dryRun,
                       progress);
}

// The user with this username or email address.
User userNamed(ServiceFixture &f, const QString &name)
{
    UserFilter filter;
    filter.q = name;
    const auto page = f.services->users().list(Principal::system(), filter);
    for (const User &u : page.value().items)
        if (u.username == name || u.email == name)
            return u;
    qFatal("no user %s", qPrintable(name));
}

bool canLogIn(ServiceFixture &f, const QString &name, const QString &password)
{
    return f.services->auth().login(Principal::anonymous(), name, password).ok();
}

QString storedHash(ServiceFixture &f, const QString &name)
{
    return UserRepository(f.services->database()).findByLogin(name).value().passwordHash;
}

QByteArray exported(ServiceFixture &f, ExportFormat format)
{
    QBuffer buffer;
    buffer.open(QIODevice::WriteOnly);
    const auto written = exportUsers(f.services->users(), Principal::system(), format, buffer);
    if (!written)
        qFatal("export failed: %s", qPrintable(written.error().detail()));
    return buffer.data();
}

} // namespace

class TstUserTransfer : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void keycloakRealmKeepsPasswords()
    {
        ServiceFixture f;
        auto dry = import(f, realm(), true);
        QVERIFY(dry);
        QCOMPARE(dry->created, 4);
        QCOMPARE(dry->errors.size(), 2);
        QCOMPARE(f.services->users().list(Principal::system(), {})->total, 0); // a dry run writes nothing

        auto report = import(f, realm());
        QVERIFY(report);
        QCOMPARE(report->created, 4); // alice, bob, carol, frank
        QCOMPARE(report->skipped, 0);
        QCOMPARE(report->errors.size(), 2);
        QCOMPARE(report->errors.at(0).username, QStringLiteral("dave")); // no email address
        QVERIFY2(report->errors.at(0).message.startsWith(QStringLiteral("email: ")),
                 qPrintable(report->errors.at(0).message));
        QCOMPARE(report->errors.at(1).username, QStringLiteral("erin")); // an md5 credential
        QVERIFY2(report->errors.at(1).message.contains(QStringLiteral("\"md5\"")),
                 qPrintable(report->errors.at(1).message));
        QCOMPARE(report->ignoredRoles,
                 (QStringList{QStringLiteral("default-roles-acme"), QStringLiteral("offline_access")}));

        const User alice = userNamed(f, QStringLiteral("alice"));
        QCOMPARE(alice.displayName, QStringLiteral("Alice Liddell"));
        QCOMPARE(alice.roles, (QStringList{QStringLiteral("admin"), QStringLiteral("user")}));
        QVERIFY(alice.emailVerified);
        QCOMPARE(alice.attributes.value(QStringLiteral("phone")), QStringLiteral("+44 1865 000000, +44 1865 000001"));
        const User bob = userNamed(f, QStringLiteral("bob"));
        QCOMPARE(bob.status, User::Status::Disabled);
        QVERIFY(bob.requirePasswordChange);

        // PBKDF2-SHA256 (current format) and argon2 (Keycloak 26) log in, and are upgraded on the way.
        QVERIFY(storedHash(f, QStringLiteral("alice")).startsWith(QStringLiteral("$pbkdf2-sha256$i=27500$")));
        QVERIFY(!canLogIn(f, QStringLiteral("alice"), QStringLiteral("wrong horse battery staple")));
        QVERIFY(canLogIn(f, QStringLiteral("alice"), QStringLiteral("correct horse battery staple")));
        QVERIFY(storedHash(f, QStringLiteral("alice")).startsWith(QStringLiteral("$argon2id$")));
        QVERIFY(canLogIn(f, QStringLiteral("carol"), QStringLiteral("argon2 from keycloak 26")));
        // PBKDF2-SHA512 in the flat pre-12 format: bob logs in once enabled.
        UserPatch enable;
        enable.status = User::Status::Active;
        QVERIFY(f.services->users().update(Principal::system(), bob.id, enable, std::nullopt));
        QVERIFY(canLogIn(f, QStringLiteral("bob"), QStringLiteral("Tr0ub4dor&3 is long enough")));

        // Each imported user is audited; nobody is mailed (there is no mail set up to tell, so
        // the audit is what is checked).
        AuditFilter events;
        events.action = QStringLiteral("user.import");
        QCOMPARE(f.services->audit().list(Principal::system(), events)->total, 4);

        // Importing again finds everyone there already.
        auto again = import(f, realm());
        QVERIFY(again);
        QCOMPARE(again->created, 0);
        QCOMPARE(again->skipped, 4);
    }

    // The sample files written from each format's documentation: detected as what they are, their
    // users created with names, states and verified addresses kept, their hashes (argon2id, bcrypt,
    // PBKDF2 with the key length) verified at the first login and upgraded to argon2id; what cannot
    // be kept is refused with the reason.
    void otherProvidersImport_data()
    {
        QTest::addColumn<QString>("file");
        QTest::addColumn<QString>("format");
        QTest::addColumn<int>("created");
        QTest::addColumn<QString>("refused");       // the user refused, and a word of the reason
        QTest::addColumn<QStringList>("passwords"); // login=password that must log in
        QTest::addColumn<QString>("disabled");
        QTest::addColumn<QString>("verified");
        QTest::addColumn<QString>("unverified");
        const auto row = [](const char *name, const char *file, int created, const char *refused,
                            std::initializer_list<const char *> passwords, const char *disabled, const char *verified,
                            const char *unverified) {
            QStringList logins;
            for (const char *p : passwords)
                logins << QString::fromUtf8(p);
            QTest::newRow(name) << QString::fromUtf8(file) << QString::fromUtf8(name) << created
                                << QString::fromUtf8(refused) << logins << QString::fromUtf8(disabled)
                                << QString::fromUtf8(verified) << QString::fromUtf8(unverified);
        };
        row("kratos", "import/kratos-identities.json", 2, "max: password_hash",
            {"kim=kratos password one", "lee+ops@example.org=kratos password two"}, "lee+ops@example.org", "kim",
            "lee+ops@example.org");
        row("zitadel", "import/zitadel-users.json", 2, "", {"zoe=zitadel password one", "yan=zitadel password two"}, "",
            "zoe", "yan");
        row("auth0", "import/auth0-users.json", 2, "cy-: \"md5\"",
            {"ada=auth0 password one", "bo@example.com=auth0 password two"}, "bo@example.com", "ada", "bo@example.com");
        row("csv", "import/users.csv", 2, "eve: email", {"casey=csv password one"}, "dana", "casey", "dana");
    }
    void otherProvidersImport()
    {
        QFETCH(QString, file);
        QFETCH(QString, format);
        QFETCH(int, created);
        QFETCH(QString, refused);
        QFETCH(QStringList, passwords);
        QFETCH(QString, disabled);
        QFETCH(QString, verified);
        QFETCH(QString, unverified);
        ServiceFixture f;
        const QByteArray document = testData(file);
        const auto named = importFormatNamed(format);
        QVERIFY(named);
        // Detected as what it is: auto reads the same users as the format named.
        const QStringList roles{QStringLiteral("admin"), QStringLiteral("auditor"), QStringLiteral("user")};
        const auto detected = ImportPlan::read(document, ImportFormat::Auto, roles);
        const auto explicitly = ImportPlan::read(document, *named, roles);
        QVERIFY(detected && explicitly);
        QCOMPARE(detected->users.size(), explicitly->users.size());
        for (qsizetype i = 0; i < detected->users.size(); ++i) {
            QCOMPARE(detected->users.at(i).username, explicitly->users.at(i).username);
            QCOMPARE(detected->users.at(i).passwordHash, explicitly->users.at(i).passwordHash);
        }

        const auto report = import(f, document);
        QVERIFY(report);
        QCOMPARE(report->created, created);
        QCOMPARE(report->errors.isEmpty(), refused.isEmpty());
        if (!refused.isEmpty()) {
            QCOMPARE(report->errors.size(), 1);
            const QString who = refused.section(QStringLiteral(": "), 0, 0);
            QVERIFY2(report->errors.at(0).username.startsWith(who), qPrintable(report->errors.at(0).username));
            QVERIFY2(report->errors.at(0).message.contains(refused.section(QStringLiteral(": "), 1)),
                     qPrintable(report->errors.at(0).message));
        }
        if (!disabled.isEmpty())
            QCOMPARE(userNamed(f, disabled).status, User::Status::Disabled);
        QVERIFY(userNamed(f, verified).emailVerified);
        QVERIFY(!userNamed(f, unverified).emailVerified);
        // Every kept hash verifies, the disabled users' too once they are enabled.
        UserPatch enable;
        enable.status = User::Status::Active;
        if (!disabled.isEmpty())
            QVERIFY(f.services->users().update(Principal::system(), userNamed(f, disabled).id, enable));
        for (const QString &pair : passwords) {
            const QString login = pair.section(u'=', 0, 0);
            const QString password = pair.section(u'=', 1);
            QVERIFY(!storedHash(f, login).startsWith(QStringLiteral("$argon2id$v=19$m=256"))); // as imported
            QVERIFY2(!canLogIn(f, login, password + QStringLiteral(" not")), qPrintable(login));
            QVERIFY2(canLogIn(f, login, password), qPrintable(login));
            QVERIFY2(storedHash(f, login).startsWith(QStringLiteral("$argon2id$v=19$m=256,")),
                     qPrintable(storedHash(f, login))); // upgraded to this installation's parameters
        }
    }

    // What each provider's file says beyond names: display names, attributes, roles, and the
    // apostrophe the CSV export puts before a formula taken off again.
    void otherProvidersKeepDetails()
    {
        ServiceFixture f;
        QVERIFY(import(f, testData(QStringLiteral("import/kratos-identities.json"))));
        QVERIFY(import(f, testData(QStringLiteral("import/zitadel-users.json"))));
        QVERIFY(import(f, testData(QStringLiteral("import/auth0-users.json"))));
        const auto csv = import(f, testData(QStringLiteral("import/users.csv")));
        QVERIFY(csv);
        QCOMPARE(csv->ignoredRoles, QStringList{QStringLiteral("contractor")});
        QCOMPARE(userNamed(f, QStringLiteral("kim")).displayName, QStringLiteral("Kim Kratos"));
        QCOMPARE(userNamed(f, QStringLiteral("kim")).attributes.value(QStringLiteral("department")),
                 QStringLiteral("research"));
        QCOMPARE(userNamed(f, QStringLiteral("zoe")).displayName, QStringLiteral("Zoe Z."));
        QCOMPARE(userNamed(f, QStringLiteral("yan")).displayName, QStringLiteral("Yan Ng"));
        QVERIFY(userNamed(f, QStringLiteral("yan")).requirePasswordChange);
        QCOMPARE(userNamed(f, QStringLiteral("yan")).attributes.value(QStringLiteral("team")),
                 QStringLiteral("support"));
        QCOMPARE(userNamed(f, QStringLiteral("ada")).displayName, QStringLiteral("Ada Auth"));
        QCOMPARE(userNamed(f, QStringLiteral("ada")).attributes.value(QStringLiteral("plan")), QStringLiteral("pro"));
        QCOMPARE(userNamed(f, QStringLiteral("casey")).displayName, QStringLiteral("Casey, C."));
        const User dana = userNamed(f, QStringLiteral("dana"));
        QCOMPARE(dana.displayName, QStringLiteral("=not a formula"));
        QCOMPARE(dana.roles, (QStringList{QStringLiteral("auditor"), QStringLiteral("user")}));

        // Keyward's own CSV export reads back (with the formula guard undone), hashes aside.
        ServiceFixture target;
        const auto again = import(target, exported(f, ExportFormat::Csv));
        QVERIFY(again);
        QCOMPARE(again->created, 8);
        QCOMPARE(userNamed(target, QStringLiteral("dana")).displayName, QStringLiteral("=not a formula"));
        QCOMPARE(userNamed(target, QStringLiteral("casey")).displayName, QStringLiteral("Casey, C."));
        QCOMPARE(userNamed(target, QStringLiteral("lee+ops@example.org")).status, User::Status::Disabled);
        // A username made from an address: the local part and a hash of the address, so that two
        // addresses that read alike stay two users, and an import made again finds them there.
        QVERIFY(QRegularExpression(QStringLiteral("^lee\\.ops-[0-9a-f]{8}$"))
                    .match(userNamed(f, QStringLiteral("lee+ops@example.org")).username)
                    .hasMatch());
        const QByteArray alike = R"([{"email": "a+b@example.io", "given_name": "A"},
                                      {"email": "a.b@example.io", "given_name": "B"}])";
        QCOMPARE(import(target, alike)->created, 2);
        QCOMPARE(import(target, alike)->skipped, 2);
        // A quote never closed is refused, not left to swallow the rows after it.
        const auto open = import(target, "username,email\n\"x,x@example.com\ny,y@example.com\n");
        QVERIFY(!open);
        QVERIFY(open.error().fieldErrors().value(0).message.contains(QStringLiteral("never closed")));
        // A byte order mark before JSON is still JSON.
        const auto marked =
            ImportPlan::read("\xEF\xBB\xBF[{\"traits\": {\"email\": \"m@example.com\"}}]", ImportFormat::Auto, {});
        QVERIFY(marked);
        QCOMPARE(marked->format, ImportFormat::Kratos);
        // A CSV without the needed columns is refused as a whole.
        const auto headless = import(target, "name,mail\nx,y@example.com\n");
        QVERIFY(!headless);
        QVERIFY2(headless.error().fieldErrors().value(0).message.contains(QStringLiteral("header")),
                 qPrintable(headless.error().detail()));
    }

    void keywardExportImportsAgain()
    {
        ServiceFixture source;
        CreateUserRequest r;
        r.username = QStringLiteral("mallory");
        r.email = QStringLiteral("mallory@example.com");
        r.displayName = QStringLiteral("=HYPERLINK(\"http://evil.example\"), \"quoted\"");
        r.attributes = {{QStringLiteral("team"), QStringLiteral("red, blue")}};
        r.roles = QStringList{QStringLiteral("user"), QStringLiteral("auditor")};
        r.status = User::Status::Disabled;
        QVERIFY(source.services->users().create(Principal::system(), r));
        source.user(QStringLiteral("trent"));
        const QString deleted = source.user(QStringLiteral("gone"));
        QVERIFY(source.services->users().remove(Principal::system(), deleted, false));

        const QByteArray json = exported(source, ExportFormat::Json);
        const QJsonArray users = QJsonDocument::fromJson(json).array();
        QCOMPARE(users.size(), 2);                                             // not the deleted one
        QVERIFY(!json.contains("password_hash") && !json.contains("$argon2")); // never a hash

        ServiceFixture target;
        auto report = import(target, json, false, ImportFormat::Keyward);
        QVERIFY(report);
        QVERIFY2(report->errors.isEmpty(), qPrintable(report->errors.value(0).message));
        QCOMPARE(report->created, 2);
        const User copy = userNamed(target, QStringLiteral("mallory"));
        QCOMPARE(copy.displayName, r.displayName);
        QCOMPARE(copy.attributes, r.attributes);
        QCOMPARE(copy.roles, (QStringList{QStringLiteral("auditor"), QStringLiteral("user")}));
        QCOMPARE(copy.status, User::Status::Disabled);

        // CSV: a header, one row a user, quoting per RFC 4180, formulas defused.
        const QList<QByteArray> lines = exported(source, ExportFormat::Csv).split('\n');
        QVERIFY(lines.first().startsWith("id,username,email,email_verified,display_name,status,roles"));
        QCOMPARE(lines.size(), 4); // header, two users, and the end of the last line
        const QByteArray row = lines.at(lines.at(1).contains("mallory") ? 1 : 2); // same millisecond: either order
        QVERIFY2(row.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\"), \"\"quoted\"\"\",disabled,auditor user,"),
                 row.constData());
        QVERIFY2(row.contains("\"{\"\"team\"\":\"\"red, blue\"\"}\""), row.constData());
    }

    void refusedDocumentsAndUsers()
    {
        ServiceFixture f;
        auto notJson = import(f, "[{\"username\": ");
        QVERIFY(!notJson);
        QCOMPARE(notJson.error().status(), 400);
        auto noUsers = import(f, "{\"realm\": \"acme\"}");
        QVERIFY(!noUsers);
        QCOMPARE(noUsers.error().fieldErrors().first().field, QStringLiteral("users"));
        auto keywardObject = import(f, "{}", false, ImportFormat::Keyward);
        QVERIFY(!keywardObject);
        QCOMPARE(keywardObject.error().status(), 422);

        // Per user: each problem is reported with its index, the others are created.
        auto report = import(f, R"([
            {"username": "ok1", "email": "ok1@example.com", "id": "ignored", "created_at": "2020-01-01T00:00:00.000Z"},
            42,
            {"username": "typo", "email": "typo@example.com", "rolse": ["admin"]},
            {"username": "weird", "email": "weird@example.com", "password_hash": "md5:abc"},
            {"username": "both", "email": "both@example.com", "password": "a long passphrase here",
             "password_hash": "$2b$10$abcdefghijklmnopqrstuuN4u0l0GzVZJj6CwH5z0P0Vq1b2c3d4e"},
            {"username": "nobody", "email": "nobody@example.com", "roles": ["no-such-role"]},
            {"username": "ok2", "email": "ok2@example.com", "password_hash": "$pbkdf2-sha256$i=1000$c2FsdA$aGFzaA"}
        ])");
        QVERIFY(report);
        QCOMPARE(report->created, 2);
        QCOMPARE(report->errors.size(), 5);
        QCOMPARE(report->errors.at(0).index, 1);
        QVERIFY(report->errors.at(0).message.startsWith(QStringLiteral("user: ")));
        QVERIFY2(report->errors.at(1).message.startsWith(QStringLiteral("rolse: ")),
                 qPrintable(report->errors.at(1).message));
        QVERIFY(report->errors.at(2).message.startsWith(QStringLiteral("password_hash: ")));
        QVERIFY(report->errors.at(3).message.startsWith(QStringLiteral("password_hash: ")));
        QVERIFY(report->errors.at(4).message.startsWith(QStringLiteral("roles: ")));

        // Hashes that would pin a hashing thread are refused at the door, each with its reason.
        auto costly = import(f, R"([
            {"username": "slowb", "email": "slowb@example.com",
             "password_hash": "$2b$31$abcdefghijklmnopqrstuuN4u0l0GzVZJj6CwH5z0P0Vq1b2c3d4e"},
            {"username": "slowp", "email": "slowp@example.com", "password_hash": "$pbkdf2-sha256$i=5000000$c2FsdA$aGFzaA"},
            {"username": "slowa", "email": "slowa@example.com",
             "password_hash": "$argon2id$v=19$m=1048576,t=3,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA"}
        ])");
        QVERIFY(costly);
        QCOMPARE(costly->created, 0);
        QCOMPARE(costly->errors.size(), 3);
        QVERIFY2(costly->errors.at(0).message.contains(QStringLiteral("bcrypt cost 31")),
                 qPrintable(costly->errors.at(0).message));
        QVERIFY(costly->errors.at(1).message.contains(QStringLiteral("5000000 iterations")));
        QVERIFY(costly->errors.at(2).message.contains(QStringLiteral("m=1048576")));
    }

    void needsPermissionAndStopsWhenAsked()
    {
        ServiceFixture f;
        f.user(QStringLiteral("reader"), {QStringLiteral("user")});
        auto denied = importUsers(f.services->users(), f.services->roles(), f.principalFor(QStringLiteral("reader")),
                                  realm(), ImportFormat::Auto, false);
        QVERIFY(!denied);
        QCOMPARE(denied.error().status(), 403);

        auto stopped = import(f, realm(), false, ImportFormat::Auto, [](qint64 done, qint64) { return done < 2; });
        QVERIFY(stopped);
        QVERIFY(stopped->cancelled);
        QCOMPARE(stopped->created, 2);
    }
};

QTEST_GUILESS_MAIN(TstUserTransfer)
#include "tst_user_transfer.moc"

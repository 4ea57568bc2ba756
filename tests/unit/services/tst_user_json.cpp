// A user's JSON shape, read and written in one place: no secret ever written, strict reading of
// a new user and of a change.
#include "services/user_json.h"

#include <QJsonArray>
#include <QTest>

using namespace keyward;

class TstUserJson : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void writesWhatClientsRead()
    {
        User u;
        u.id = QStringLiteral("0190");
        u.username = QStringLiteral("ada");
        u.email = QStringLiteral("ada@example.com");
        u.status = User::Status::Disabled;
        u.roles = {QStringLiteral("admin")};
        u.createdAt = u.updatedAt = 1'767'323'045'678;
        u.lockedUntil = 2'000;
        u.attributes = {{QStringLiteral("team"), QStringLiteral("core")}};
        const QJsonObject o = userJson(u, 1'000);
        QCOMPARE(o.value(QStringLiteral("status")).toString(), QStringLiteral("disabled"));
        QCOMPARE(o.value(QStringLiteral("created_at")).toString(), QStringLiteral("2026-01-02T03:04:05.678Z"));
        QVERIFY(o.value(QStringLiteral("locked_until")).isString());
        QVERIFY(userJson(u, 3'000).value(QStringLiteral("locked_until")).isNull()); // a lock that ran out
        QVERIFY(o.value(QStringLiteral("display_name")).isNull());
        QVERIFY(o.value(QStringLiteral("last_login_at")).isNull());
        QCOMPARE(o.value(QStringLiteral("attributes")).toObject().value(QStringLiteral("team")).toString(),
                 QStringLiteral("core"));
        for (const QString &key : o.keys())
            QVERIFY2(!key.contains(QLatin1String("hash")) && !key.contains(QLatin1String("secret")), qPrintable(key));
    }

    void readsANewUserStrictly()
    {
        FieldReader self(QJsonObject{{QStringLiteral("username"), QStringLiteral("bo")},
                                     {QStringLiteral("email"), QStringLiteral("bo@example.com")},
                                     {QStringLiteral("password"), QStringLiteral("pw")},
                                     {QStringLiteral("roles"), QJsonArray{QStringLiteral("admin")}}});
        const CreateUserRequest registering = readCreateUserRequest(self, false);
        // Self-registration cannot name its roles: the field is unknown to it.
        QVERIFY(!registering.roles);
        QCOMPARE(registering.parseErrors.value(0).field, QStringLiteral("roles"));

        FieldReader admin(QJsonObject{{QStringLiteral("username"), QStringLiteral("bo")},
                                      {QStringLiteral("email"), QStringLiteral("bo@example.com")},
                                      {QStringLiteral("status"), QStringLiteral("asleep")}});
        const CreateUserRequest made = readCreateUserRequest(admin, true);
        QCOMPARE(made.parseErrors.size(), 1);
        QCOMPARE(made.parseErrors.first().field, QStringLiteral("status"));
        QCOMPARE(made.parseErrors.first().code, QStringLiteral("invalid_value"));
    }

    void readsAChange()
    {
        FieldReader clear(QJsonObject{{QStringLiteral("display_name"), QJsonValue::Null},
                                      {QStringLiteral("status"), QStringLiteral("active")}});
        const UserPatch p = readUserPatch(clear, true);
        QVERIFY(p.parseErrors.isEmpty());
        QVERIFY(p.displayName && p.displayName->isNull());
        QCOMPARE(p.status, std::optional(User::Status::Active));
        QVERIFY(!p.email && !p.username && !p.roles);
        FieldReader own(QJsonObject{{QStringLiteral("status"), QStringLiteral("disabled")}});
        QCOMPARE(readUserPatch(own, false).parseErrors.value(0).field, QStringLiteral("status"));
    }
};

QTEST_GUILESS_MAIN(TstUserJson)
#include "tst_user_json.moc"

// RoleService on its own: the grant rule (nobody gives or takes away what they do not hold),
// fixed built-in roles, who may act on whom, and the permission cache after a change.
#include "core/permissions.h"
#include "service_fixture.h"

#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

// A signed-in user holding exactly `permissions`.
Principal holder(const QString &id, const QStringList &permissions)
{
    Principal p;
    p.type = Principal::Type::User;
    p.id = id;
    p.permissions = QSet<QString>(permissions.begin(), permissions.end());
    return p;
}

RoleInput role(const QString &name, const QStringList &permissions, const QString &description = {})
{
    RoleInput input;
    input.name = name;
    input.description = description;
    input.permissions = permissions;
    return input;
}

QString firstCode(const ApiError &error)
{
    return error.fieldErrors().isEmpty() ? QString() : error.fieldErrors().first().code;
}

} // namespace

class TstRoleService : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void grantsOnlyWhatTheActorHolds()
    {
        ServiceFixture f;
        const Principal manager =
            holder(QStringLiteral("m"), {permission::RolesManage, permission::UsersRead, permission::AuditRead});
        auto made = f.services->roles().create(
            manager,
            role(QStringLiteral("reader"), {permission::UsersRead, permission::AuditRead}, QStringLiteral("reads")));
        QVERIFY(made);
        QCOMPARE(made->permissions, (QStringList{permission::AuditRead, permission::UsersRead}));

        auto beyond = f.services->roles().create(
            manager, role(QStringLiteral("writer"), {permission::UsersRead, permission::UsersWrite}));
        QCOMPARE(beyond.error().status(), 422);
        QCOMPARE(firstCode(beyond.error()), QStringLiteral("not_grantable"));
        auto unknown = f.services->roles().create(manager, role(QStringLiteral("odd"), {QStringLiteral("x:y")}));
        QCOMPARE(firstCode(unknown.error()), QStringLiteral("unknown_permission"));
        QCOMPARE(f.services->roles().get(manager, QStringLiteral("writer")).error().status(), 404);

        // Without roles:manage nothing is listed or made.
        const Principal reader = holder(QStringLiteral("r"), {permission::UsersRead});
        QCOMPARE(f.services->roles().list(reader).error().status(), 403);
        QCOMPARE(f.services->roles().create(reader, role(QStringLiteral("x"), {})).error().status(), 403);
    }

    // Taking a permission away, or deleting a role, needs that permission too.
    void takesAwayOnlyWhatTheActorHolds()
    {
        ServiceFixture f;
        const Principal all = holder(QStringLiteral("a"), permission::all());
        QVERIFY(f.services->roles().create(
            all, role(QStringLiteral("ops"), {permission::UsersRead, permission::SettingsManage})));
        const Principal manager = holder(QStringLiteral("m"), {permission::RolesManage, permission::UsersRead});
        RolePatch strip;
        strip.permissions = QStringList{permission::UsersRead};
        auto stripped = f.services->roles().update(manager, QStringLiteral("ops"), strip);
        QCOMPARE(stripped.error().status(), 422);
        QCOMPARE(firstCode(stripped.error()), QStringLiteral("not_grantable"));
        QCOMPARE(f.services->roles().remove(manager, QStringLiteral("ops")).error().slug(),
                 QStringLiteral("insufficient-privilege"));
        QCOMPARE(f.services->roles().get(all, QStringLiteral("ops"))->permissions.size(), 2);

        RolePatch describe;
        describe.description = QStringLiteral("operations");
        QCOMPARE(f.services->roles().update(manager, QStringLiteral("ops"), describe)->description,
                 QStringLiteral("operations"));
        QVERIFY(f.services->roles().remove(all, QStringLiteral("ops")));
        QCOMPARE(f.services->roles().get(all, QStringLiteral("ops")).error().status(), 404);
    }

    void builtInRolesAreFixed()
    {
        ServiceFixture f;
        const Principal all = holder(QStringLiteral("a"), permission::all());
        RolePatch patch;
        patch.description = QStringLiteral("mine now");
        QCOMPARE(f.services->roles().update(all, QStringLiteral("admin"), patch).error().status(), 409);
        QCOMPARE(f.services->roles().remove(all, QStringLiteral("user")).error().status(), 409);
        const auto roles = f.services->roles().list(all);
        QVERIFY(std::any_of(roles->begin(), roles->end(),
                            [](const Role &r) { return r.name == QLatin1String("admin") && r.builtin; }));
    }

    // The cache that answers every request follows a change on this node at once.
    void permissionsFollowAChangeAtOnce()
    {
        ServiceFixture f;
        const Principal all = holder(QStringLiteral("a"), permission::all());
        QVERIFY(f.services->roles().create(all, role(QStringLiteral("aud"), {permission::AuditRead})));
        QCOMPARE(f.services->roles().permissionsFor({QStringLiteral("aud")}), QSet<QString>{permission::AuditRead});
        RolePatch more;
        more.permissions = QStringList{permission::AuditRead, permission::MetricsRead};
        QVERIFY(f.services->roles().update(all, QStringLiteral("aud"), more));
        QCOMPARE(f.services->roles().permissionsFor({QStringLiteral("aud")}),
                 (QSet<QString>{permission::AuditRead, permission::MetricsRead}));
        QVERIFY(f.services->roles().remove(all, QStringLiteral("aud")));
        QVERIFY(f.services->roles().permissionsFor({QStringLiteral("aud")}).isEmpty());
    }

    // Acting on an account needs every permission it holds.
    void actsOnlyOnAccountsThatHoldNoMore()
    {
        ServiceFixture f;
        const QString admin = f.user(QStringLiteral("ada"), {QStringLiteral("admin")});
        const QString plain = f.user(QStringLiteral("pat"));
        const Principal manager = holder(QStringLiteral("m"), {permission::UsersRead, permission::UsersWrite});
        const User adminUser = f.services->users().get(Principal::system(), admin).value();
        const User plainUser = f.services->users().get(Principal::system(), plain).value();
        QCOMPARE(f.services->roles().mayActOn(manager, adminUser).error().slug(),
                 QStringLiteral("insufficient-privilege"));
        QVERIFY(f.services->roles().mayActOn(manager, plainUser));
        QVERIFY(f.services->roles().mayActOn(holder(QStringLiteral("b"), permission::all()), adminUser));

        QList<FieldError> errors;
        f.services->roles().checkAssignable(manager, {QStringLiteral("admin")}, errors);
        QCOMPARE(errors.size(), 1);
        errors.clear();
        f.services->roles().checkAssignable(manager, {QStringLiteral("nope")}, errors);
        QCOMPARE(errors.size(), 1);
    }
};

QTEST_GUILESS_MAIN(TstRoleService)
#include "tst_role_service.moc"

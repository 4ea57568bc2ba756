#pragma once

#include "crypto/digest.h"
#include "manual_clock.h"
#include "services/services.h"
#include "store/migrations.h"
#include "test_database.h"

namespace keyward::test {

// Services on a fresh database (SQLite unless told) with a clock the test moves.
struct ServiceFixture {
    ManualClock clock;
    TestDatabase db;
    std::unique_ptr<Services> services;

    explicit ServiceFixture(const QString &alg = QStringLiteral("RS256"),
                            const QString &backend = QStringLiteral("sqlite"))
        : db(backend)
    {
        const QByteArray masterKey = crypto::randomBytes(32);
        if (!Services::migrate(*db.database(), masterKey).isEmpty())
            qFatal("migration failed");
        ServiceOptions o;
        o.argon2 = {256, 1, 1};
        o.tokens.issuer = QStringLiteral("http://keyward.test");
        o.jwtAlgorithm = alg;
        services = std::make_unique<Services>(db.database(), masterKey, o, clock);
        if (!services->start())
            qFatal("services did not start");
    }

    QString user(const QString &name, const QStringList &roles = {QStringLiteral("user")})
    {
        CreateUserRequest r;
        r.username = name;
        r.email = name + QStringLiteral("@example.com");
        r.password = name + QStringLiteral(" password");
        r.roles = roles;
        return services->users().create(Principal::system(), r).value().id;
    }

    Principal principalFor(const QString &name)
    {
        Principal p;
        auto tokens = services->auth().login(Principal::anonymous(), name, name + QStringLiteral(" password"));
        return services->auth().authenticate(tokens.value().accessToken.toLatin1(), p).value();
    }
};

} // namespace keyward::test

#pragma once

#include "test_server.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QProcess>

// Small pieces the HTTP tests share: building bodies, reading problems, independent TOTP codes.
namespace keyward::test {

inline QJsonObject obj(std::initializer_list<QPair<QString, QJsonValue>> members)
{
    QJsonObject o;
    for (const auto &[k, v] : members)
        o.insert(k, v);
    return o;
}

// The field errors of a problem as "field:code", sorted.
inline QStringList errorFields(const Reply &r)
{
    QStringList out;
    for (const QJsonValue &e : r.json().value(QStringLiteral("errors")).toArray())
        out << e.toObject().value(QStringLiteral("field")).toString() + QLatin1Char(':') +
                   e.toObject().value(QStringLiteral("code")).toString();
    out.sort();
    return out;
}

// The problem type's slug: "insufficient-privilege", "session-required", ...
inline QString problemSlug(const Reply &r)
{
    return r.json().value(QStringLiteral("type")).toString().section(QLatin1Char('/'), -1);
}

// A TOTP code from oathtool, an independent implementation, at the given Unix time.
inline QString oathtool(const QString &base32Secret, qint64 atSeconds)
{
    QProcess p;
    p.start(QStringLiteral("oathtool"),
            {QStringLiteral("--totp"), QStringLiteral("-b"), QStringLiteral("--now=@%1").arg(atSeconds), base32Secret});
    p.waitForFinished(10000);
    return QString::fromLatin1(p.readAllStandardOutput()).trimmed();
}

// POST /api/v1/auth/login as a client sends it.
inline Reply postLogin(TestServer &s, const QString &login, const QString &password)
{
    return s.post(QStringLiteral("/api/v1/auth/login"),
                  obj({{QStringLiteral("login"), login}, {QStringLiteral("password"), password}}));
}

// A custom role made by `token`; the answer's status.
inline int postRole(TestServer &s, const QByteArray &token, const QString &name, const QStringList &permissions)
{
    return s
        .post(QStringLiteral("/api/v1/roles"),
              obj({{QStringLiteral("name"), name},
                   {QStringLiteral("permissions"), QJsonArray::fromStringList(permissions)}}),
              token)
        .status;
}

// A new API key (personal through /me/api-keys, or service through /api-keys) made with `token`.
inline QByteArray newApiKey(TestServer &s, const QString &endpoint, const QByteArray &token, const QString &name,
                            const QStringList &scopes)
{
    return s
        .post(endpoint,
              obj({{QStringLiteral("name"), name}, {QStringLiteral("scopes"), QJsonArray::fromStringList(scopes)}}),
              token)
        .json()
        .value(QStringLiteral("key"))
        .toString()
        .toLatin1();
}

} // namespace keyward::test

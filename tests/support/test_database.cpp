#include "test_database.h"

#include "crypto/digest.h"

#include <QSqlQuery>
#include <QTest>
#include <QUrl>

namespace keyward::test {

QString TestDatabase::postgresAdminUrl()
{
    return qEnvironmentVariable("KEYWARD_TEST_POSTGRES_URL");
}

QStringList TestDatabase::backends()
{
    QStringList list{QStringLiteral("sqlite")};
    if (!postgresAdminUrl().isEmpty())
        list << QStringLiteral("postgresql");
    else if (qEnvironmentVariable("KEYWARD_TEST_REQUIRE_POSTGRES") == QLatin1String("1"))
        qFatal("KEYWARD_TEST_REQUIRE_POSTGRES=1 but KEYWARD_TEST_POSTGRES_URL is not set");
    return list;
}

void TestDatabase::addBackendRows()
{
    QTest::addColumn<QString>("backend");
    for (const QString &b : backends())
        QTest::newRow(qPrintable(b)) << b;
}

static bool adminExec(const QString &sql, QString *error)
{
    QString err;
    auto admin = Database::open(TestDatabase::postgresAdminUrl(), &err);
    if (!admin) {
        *error = err;
        return false;
    }
    QSqlQuery q(admin->connection());
    const bool ok = q.exec(sql);
    if (!ok)
        *error = q.lastError().text();
    return ok;
}

TestDatabase::TestDatabase(const QString &backend)
    : m_backend(backend)
{
    if (backend == QLatin1String("sqlite")) {
        m_url = QStringLiteral("sqlite://") + m_dir.filePath(QStringLiteral("keyward.db"));
    } else {
        m_pgName = QStringLiteral("kwtest_") + QString::fromLatin1(crypto::randomBytes(8).toHex());
        if (!adminExec(QStringLiteral("CREATE DATABASE ") + m_pgName, &m_error))
            return;
        QUrl url(postgresAdminUrl());
        url.setPath(QLatin1Char('/') + m_pgName);
        m_url = url.toString();
    }
    m_db = Database::open(m_url, &m_error);
}

TestDatabase::~TestDatabase()
{
    m_db.reset();
    if (!m_pgName.isEmpty()) {
        QString error;
        adminExec(QStringLiteral("DROP DATABASE IF EXISTS ") + m_pgName + QStringLiteral(" WITH (FORCE)"), &error);
    }
}

} // namespace keyward::test

#pragma once

#include "store/database.h"

#include <QStringList>
#include <QTemporaryDir>

#include <memory>

namespace keyward::test {

// A fresh, empty database for one test: a SQLite file in a temporary directory, or a new database
// on the PostgreSQL server named by KEYWARD_TEST_POSTGRES_URL (dropped afterwards).
class TestDatabase {
public:
    explicit TestDatabase(const QString &backend);
    ~TestDatabase();

    // The backends to run data-driven tests on: "sqlite", and "postgresql" when a server is given.
    // With KEYWARD_TEST_REQUIRE_POSTGRES=1 a missing server is a test failure, not a skip.
    static QStringList backends();
    // In a data function: a "backend" column and a row per backend.
    static void addBackendRows();
    static QString postgresAdminUrl();

    const std::shared_ptr<Database> &database() const { return m_db; }
    QString url() const { return m_url; }
    QString dataDir() const { return m_dir.path(); }
    QString error() const { return m_error; }

private:
    QTemporaryDir m_dir;
    QString m_backend;
    QString m_url;
    QString m_pgName;
    QString m_error;
    std::shared_ptr<Database> m_db;
};

} // namespace keyward::test

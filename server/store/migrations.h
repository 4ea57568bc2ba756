#pragma once

#include "database.h"

#include <QList>
#include <QString>

#include <functional>

namespace keyward {

struct Migration {
    int version = 0;
    QString name;
    QString sql;
    QString checksum; // SHA-256 hex of the file
};

struct MigrationStatus {
    int current = 0; // highest applied version
    int latest = 0;  // highest version this binary ships
    QString problem; // non-empty: the database cannot be used by this binary
    bool upToDate() const { return problem.isEmpty() && current == latest; }
};

// Numbered SQL files in resources/sql/<dialect>/NNNN_name.sql (the same numbering for both
// dialects), recorded in schema_migrations with a checksum. A database newer than the binary,
// or one whose applied migration was edited since, is refused with a clear message.
class Migrations {
public:
    explicit Migrations(Database &db);

    QList<Migration> available() const;
    MigrationStatus status();
    // Applies every pending migration in one transaction. Returns the error, or an empty string.
    // `beforeCommit`, when migrations were applied, runs last in that transaction, for the steps SQL
    // cannot take on its own (those that need the master key); its error undoes them all.
    QString migrate(int *appliedCount = nullptr, const std::function<QString()> &beforeCommit = {});

    // Splits a migration file into statements; trigger bodies (BEGIN ... END;) stay whole.
    static QStringList splitStatements(const QString &sql);

private:
    bool ensureTable(QString *error);

    Database &m_db;
};

} // namespace keyward

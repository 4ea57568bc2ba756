#pragma once

#include "core/principal.h"
#include "core/result.h"
#include "user_service.h"

#include <QJsonObject>

#include <functional>

class QIODevice;

namespace keyward {

class RoleService;

// Bulk import and export of users (API.md: `keyward-server import|export`, the console's Import
// and Export). Every user goes through UserService, so the rules, permissions and audit events are
// those of a single create; nothing here writes SQL.

enum class ImportFormat { Auto, Keyward, Keycloak, Kratos, Zitadel, Auth0, Csv };
enum class ExportFormat { Json, Csv };
// auto, keyward, keycloak, kratos, zitadel, auth0, csv
std::optional<ImportFormat> importFormatNamed(const QString &name);
QString importFormatName(ImportFormat format);
std::optional<ExportFormat> exportFormatNamed(const QString &name); // json, csv

// Called after each user (import) or page (export) with the work done and the work in all; false
// stops early, keeping what is done.
using TransferProgress = std::function<bool(qint64 done, qint64 total)>;

// The users of an import document, read but not yet checked or stored (import_formats.cpp):
//  - keyward: a JSON array of user objects as GET /api/v1/users returns them (or the export
//    writes them), plus an optional `password` or `password_hash`; server-made fields (id,
//    created_at, ...) are ignored.
//  - keycloak: a realm export; password credentials (PBKDF2, argon2, bcrypt) become password
//    hashes as they are, upgraded to argon2id at the user's next login.
//  - kratos, zitadel, auth0: a JSON array of users as Ory Kratos, Zitadel and Auth0 take them for
//    import, their PHC/MCF password hashes kept the same way.
//  - csv: a header row and a user a row, with an optional password_hash column.
// `auto` tells them apart: CSV unless the document starts as JSON, an object is a Keycloak realm,
// an array is told by the members of its first user.
struct ImportPlan {
    ImportFormat format = ImportFormat::Keyward; // as read: for `auto`, the format found
    QList<CreateUserRequest> users;
    QStringList ignoredRoles;      // Keycloak realm roles with no Keyward role of that name
    qint64 skippedCredentials = 0; // OTP and other credentials that are not passwords

    static Result<ImportPlan> read(const QByteArray &document, ImportFormat format, const QStringList &knownRoles);
    // The format `auto` takes `document` for: CSV unless it starts as JSON (after a UTF-8 byte order
    // mark); an object is a Keycloak realm; an array is told by its first user's members.
    static ImportFormat detect(const QByteArray &document);
};

struct ImportReport {
    struct Problem {
        qint64 index = 0; // position in the document, from 0
        QString username;
        QString message;
    };
    qint64 created = 0; // (would be, on a dry run)
    qint64 skipped = 0; // username or email already taken
    QList<Problem> errors;
    QStringList ignoredRoles;
    bool dryRun = false;
    bool cancelled = false;

    // The report of importing `plan`, before any user is.
    static ImportReport of(const ImportPlan &plan, bool dryRun);
    // Imports (or, on a dry run, checks) user `index` of `plan` and counts the outcome.
    void importUser(UserService &users, const Principal &actor, const ImportPlan &plan, qint64 index);
};

// Reads `document` and imports its users one by one; a user that fails does not stop the others.
Result<ImportReport> importUsers(UserService &users, RoleService &roles, const Principal &actor,
                                 const QByteArray &document, ImportFormat format, bool dryRun,
                                 const TransferProgress &progress = {});

// Writes the users who are not deleted, oldest first, a page at a time, so that an export of a
// million users holds one page in memory. JSON: an array of user objects (as the API shows them,
// never a password hash). CSV: one row a user, RFC 4180, with cells that a spreadsheet would run as
// a formula quoted with a leading apostrophe.
class UserExporter {
public:
    static constexpr int PageSize = 200;

    UserExporter(UserService &users, Principal actor, ExportFormat format);

    // The bytes of the next page; empty once everything is out.
    Result<QByteArray> nextPart();
    // Writes the next page to `out`; false once everything is written.
    Result<bool> writePage(QIODevice &out);
    qint64 total() const { return m_total; }
    qint64 written() const { return m_written; }

private:
    UserService &m_users;
    Principal m_actor;
    ExportFormat m_format;
    UserFilter m_filter;
    qint64 m_total = -1;
    qint64 m_written = 0;
    bool m_done = false;
};

// The whole export, with progress.
Result<qint64> exportUsers(UserService &users, const Principal &actor, ExportFormat format, QIODevice &out,
                           const TransferProgress &progress = {});

} // namespace keyward

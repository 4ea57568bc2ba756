#pragma once

#include "audit_service.h"
#include "core/principal.h"
#include "core/result.h"

namespace keyward {

class Clock;
class Database;

// Backups of the whole store (store/backup.h), each audited as `backup.created`, success or
// failure: the console's "last backup" is the newest successful one.
class BackupService {
public:
    BackupService(Database &db, const Clock &clock, AuditService &audit);

    struct Report {
        QString file;
        qint64 bytes = 0;
        qint64 tookMs = 0;
    };
    // What becomes of a file already at the backup's name: the command line refuses it (a slip of
    // the keyboard must not cost an older backup), the console replaces it once its user said so.
    // Never one of the database's own files.
    enum class Existing { Refuse, Replace };
    // Needs settings:manage: a backup holds every password hash and sealed secret.
    Result<Report> backUp(const Principal &actor, const QString &file, Existing existing);

private:
    Database &m_db;
    const Clock &m_clock;
    AuditService &m_audit;
};

} // namespace keyward

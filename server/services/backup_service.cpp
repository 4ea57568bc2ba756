#include "backup_service.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/permissions.h"
#include "store/backup.h"

#include <QFileInfo>

namespace keyward {

BackupService::BackupService(Database &db, const Clock &clock, AuditService &audit)
    : m_db(db)
    , m_clock(clock)
    , m_audit(audit)
{
}

Result<BackupService::Report> BackupService::backUp(const Principal &actor, const QString &file, Existing existing)
{
    const AuditEntry attempt{QStringLiteral("backup.created"), QStringLiteral("database"), m_db.kindName()};
    if (auto refusal = missing(actor, permission::SettingsManage))
        return m_audit.noteRefusal(actor, attempt, Result<Report>(*refusal));
    const QString path = QFileInfo(file).absoluteFilePath();
    const qint64 started = m_clock.nowMs();
    const auto written = backup::write(m_db, path, existing == Existing::Replace);
    const Report report{path, written ? *written : 0, m_clock.nowMs() - started};
    QJsonObject details{{QStringLiteral("file"), path}};
    if (written) {
        details.insert(QStringLiteral("bytes"), report.bytes);
        details.insert(QStringLiteral("took_ms"), report.tookMs);
    } else {
        details.insert(QStringLiteral("error"), written.error().detail());
    }
    const Status recorded =
        m_audit.record(actor, {attempt.action, attempt.targetType, attempt.targetId,
                               written ? QStringLiteral("success") : QStringLiteral("failure"), details});
    if (!written)
        return written.error();
    if (!recorded)
        return recorded.error();
    return report;
}

} // namespace keyward

#include "user_transfer.h"

#include "access_checks.h"
#include "core/field_reader.h"
#include "core/permissions.h"
#include "crypto/password_hasher.h"
#include "import_formats.h"
#include "role_service.h"
#include "user_json.h"

#include <QDateTime>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>

namespace keyward {

namespace {

QByteArray csvCell(const QJsonValue &v)
{
    QString text;
    if (v.isString()) {
        text = v.toString();
    } else if (v.isBool()) {
        text = v.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    } else if (v.isArray()) {
        QStringList items;
        for (const QJsonValue &item : v.toArray())
            items << item.toString();
        text = items.join(QLatin1Char(' '));
    } else if (v.isObject()) {
        text = QString::fromUtf8(QJsonDocument(v.toObject()).toJson(QJsonDocument::Compact));
    }
    // A cell starting like a formula is run by spreadsheets (CSV injection): make it text.
    if (import_formats::startsLikeFormula(text))
        text.prepend(QLatin1Char('\''));
    if (text.contains(QLatin1Char(',')) || text.contains(QLatin1Char('"')) || text.contains(QLatin1Char('\n')) ||
        text.contains(QLatin1Char('\r')))
        text = QLatin1Char('"') + text.replace(QLatin1Char('"'), QLatin1String("\"\"")) + QLatin1Char('"');
    return text.toUtf8();
}

const char *const CsvColumns[] = {"id",           "username",   "email",         "email_verified",
                                  "display_name", "status",     "roles",         "require_password_change",
                                  "mfa_enabled",  "created_at", "last_login_at", "password_changed_at",
                                  "attributes"};

} // namespace

namespace {

const std::pair<ImportFormat, const char *> ImportFormatNames[] = {
    {ImportFormat::Auto, "auto"},     {ImportFormat::Keyward, "keyward"}, {ImportFormat::Keycloak, "keycloak"},
    {ImportFormat::Kratos, "kratos"}, {ImportFormat::Zitadel, "zitadel"}, {ImportFormat::Auth0, "auth0"},
    {ImportFormat::Csv, "csv"}};

} // namespace

std::optional<ImportFormat> importFormatNamed(const QString &name)
{
    for (const auto &[format, text] : ImportFormatNames)
        if (name == QLatin1String(text))
            return format;
    return std::nullopt;
}

QString importFormatName(ImportFormat format)
{
    for (const auto &[known, text] : ImportFormatNames)
        if (known == format)
            return QLatin1String(text);
    return {};
}

std::optional<ExportFormat> exportFormatNamed(const QString &name)
{
    if (name == QLatin1String("json"))
        return ExportFormat::Json;
    if (name == QLatin1String("csv"))
        return ExportFormat::Csv;
    return std::nullopt;
}

ImportReport ImportReport::of(const ImportPlan &plan, bool dryRun)
{
    ImportReport report;
    report.dryRun = dryRun;
    report.ignoredRoles = plan.ignoredRoles;
    return report;
}

void ImportReport::importUser(UserService &users, const Principal &actor, const ImportPlan &plan, qint64 index)
{
    const CreateUserRequest &request = plan.users.at(index);
    const auto outcome = users.importUser(actor, request, dryRun);
    if (outcome) {
        ++created;
        return;
    }
    const ApiError &e = outcome.error();
    if (e.status() == 409) {
        ++skipped;
        return;
    }
    QStringList parts;
    for (const FieldError &f : e.fieldErrors())
        parts << f.field + QStringLiteral(": ") + f.message;
    errors.append({index, request.username, parts.isEmpty() ? e.detail() : parts.join(QStringLiteral("; "))});
}

Result<ImportReport> importUsers(UserService &users, RoleService &roles, const Principal &actor,
                                 const QByteArray &document, ImportFormat format, bool dryRun,
                                 const TransferProgress &progress)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e; // before reading: the document's size or shape is none of the caller's business then
    QStringList known;
    if (auto listed = roles.list(actor))
        for (const Role &role : *listed)
            known << role.name;
    auto plan = ImportPlan::read(document, format, known);
    if (!plan)
        return plan.error();
    ImportReport report = ImportReport::of(*plan, dryRun);
    const qint64 total = plan->users.size();
    for (qint64 i = 0; i < total; ++i) {
        report.importUser(users, actor, *plan, i);
        if (progress && !progress(i + 1, total)) {
            report.cancelled = i + 1 < total;
            break;
        }
    }
    return report;
}

UserExporter::UserExporter(UserService &users, Principal actor, ExportFormat format)
    : m_users(users)
    , m_actor(std::move(actor))
    , m_format(format)
{
    m_filter.limit = PageSize;
}

Result<bool> UserExporter::writePage(QIODevice &out)
{
    const auto part = nextPart();
    if (!part)
        return part.error();
    if (out.write(*part) != part->size())
        return ApiError(500, QStringLiteral("export-write-failed"), QStringLiteral("Export failed"),
                        QStringLiteral("Could not write the export: %1").arg(out.errorString()));
    return !m_done;
}

Result<QByteArray> UserExporter::nextPart()
{
    if (m_done)
        return QByteArray();
    auto page = m_users.list(m_actor, m_filter);
    if (!page)
        return page.error();
    QByteArray chunk;
    if (m_total < 0) {
        m_total = page->total;
        m_filter.countTotal = false;
        if (m_format == ExportFormat::Json) {
            chunk = "[";
        } else {
            QByteArrayList header;
            for (const char *column : CsvColumns)
                header << column;
            chunk = header.join(',') + "\r\n";
        }
    }
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    for (const User &u : page->items) {
        if (m_format == ExportFormat::Json) {
            chunk += (m_written == 0 ? "\n  " : ",\n  ") + userJsonBytes(u, now);
        } else {
            const QJsonObject o = userJson(u, now);
            QByteArrayList cells;
            for (const char *column : CsvColumns)
                cells << csvCell(o.value(QLatin1String(column)));
            chunk += cells.join(',') + "\r\n";
        }
        ++m_written;
    }
    m_filter.cursor = page->nextCursor;
    m_done = m_filter.cursor.isEmpty();
    if (m_done && m_format == ExportFormat::Json)
        chunk += "\n]\n";
    return chunk;
}

Result<qint64> exportUsers(UserService &users, const Principal &actor, ExportFormat format, QIODevice &out,
                           const TransferProgress &progress)
{
    UserExporter exporter(users, actor, format);
    for (;;) {
        auto more = exporter.writePage(out);
        if (!more)
            return more.error();
        if (progress && !progress(exporter.written(), exporter.total()))
            break;
        if (!*more)
            break;
    }
    return exporter.written();
}

} // namespace keyward

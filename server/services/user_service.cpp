#include "user_service.h"

#include <algorithm>

#include "recent_user_pages.h"
#include "recent_users.h"

#include "access_checks.h"
#include "core/clock.h"
#include "core/ids.h"
#include "core/permissions.h"
#include "crypto/digest.h"
#include "lockout_service.h"
#include "mailer.h"
#include "observe/metrics.h"
#include "role_service.h"
#include "settings_service.h"
#include "store/api_key_repository.h"
#include "store/one_time_token_repository.h"
#include "store/passkey_repository.h"
#include "store/session_repository.h"
#include "store/sql_error.h"
#include "store/user_repository.h"
#include "store/write_transaction.h"
#include "user_json.h"
#include "validation.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace keyward {

namespace {

const QString AdminRole = QStringLiteral("admin");

bool isActiveAdmin(const User &u)
{
    return u.isActive() && !u.isDeleted() && u.roles.contains(AdminRole);
}

QStringList identifiers(const User &u)
{
    return {u.username, u.email, u.email.section(QLatin1Char('@'), 0, 0), u.displayName};
}

ApiError notFoundUser()
{
    return ApiError::notFound(QStringLiteral("No user with this id."));
}

// Names of the fields a patch touches, for the audit trail (never their values: some are personal).
QJsonArray changedFields(const UserPatch &p)
{
    QJsonArray out;
    const std::pair<bool, const char *> fields[] = {{p.username.has_value(), "username"},
                                                    {p.email.has_value(), "email"},
                                                    {p.displayName.has_value(), "display_name"},
                                                    {p.status.has_value(), "status"},
                                                    {p.roles.has_value(), "roles"},
                                                    {p.requirePasswordChange.has_value(), "require_password_change"},
                                                    {p.emailVerified.has_value(), "email_verified"},
                                                    {p.attributes.has_value(), "attributes"}};
    for (const auto &[present, name] : fields)
        if (present)
            out.append(QLatin1String(name));
    return out;
}

} // namespace

UserService::UserService(Database &db, const Clock &clock, ChangeFeed &feed, RecentUsers &recent, AuditService &audit,
                         RoleService &roles, SettingsService &settings, LockoutService &lockout,
                         const crypto::PasswordHasher &hasher, Mailer &mailer, Counter &resetMailUnsent)
    : m_db(db)
    , m_clock(clock)
    , m_feed(feed)
    , m_recent(recent)
    , m_pages(std::make_unique<RecentUserPages>(feed))
    , m_audit(audit)
    , m_roles(roles)
    , m_hasher(hasher)
    , m_settings(settings)
    , m_lockout(lockout)
    , m_mailer(mailer)
    , m_resetMailUnsent(resetMailUnsent)
    , m_users(std::make_unique<UserRepository>(db))
    , m_sessions(std::make_unique<SessionRepository>(db))
    , m_apiKeys(std::make_unique<ApiKeyRepository>(db))
{
}

UserService::~UserService() = default;

PasswordPolicy UserService::policy()
{
    const RuntimeSettings s = m_settings.current();
    PasswordPolicy p;
    p.minLength = s.passwordMinLength;
    p.blocklist = s.passwordBlocklist;
    return p;
}

PasswordAssessment UserService::assessPassword(const QString &password, const QStringList &userIdentifiers)
{
    PasswordAssessment assessment;
    policy().check(password, userIdentifiers, assessment.problems);
    assessment.strength = PasswordPolicy::strength(password, userIdentifiers);
    return assessment;
}

void UserService::checkNewPassword(const User &user, const QString &password, const QString &field,
                                   QList<FieldError> &errors)
{
    const qsizetype before = errors.size();
    policy().check(password, identifiers(user), errors, field);
    if (errors.size() == before)
        checkReuse(user, password, field, errors);
}

void UserService::checkReuse(const User &user, const QString &password, const QString &field, QList<FieldError> &errors)
{
    const int history = m_settings.current().passwordHistory;
    if (history <= 0)
        return;
    auto hashes = m_users->recentHashes(user.id, history);
    if (!hashes)
        return;
    for (const QString &h : *hashes) {
        if (m_hasher.verify(password, h)) {
            errors.append(
                {field, QStringLiteral("reused"),
                 QStringLiteral("Choose a password you have not used for your last %1 passwords.").arg(history)});
            return;
        }
    }
}

Status UserService::storePassword(const Principal &actor, const QString &userId, const QString &password,
                                  bool requireChange, const QString &keepSession, const AuditEntry &event,
                                  Recovery recovery)
{
    const QString hash = m_hasher.hash(password);
    const int history = m_settings.current().passwordHistory;
    return writeTransaction(m_db, [&]() -> Status {
        // Another's account: asked again under the row lock, it may have gained a role since it was read.
        if (actor.id != userId)
            if (auto target = m_roles.actOn(actor, userId); !target)
                return target.error();
        const qint64 now = m_clock.nowMs();
        if (auto r = m_users->setPassword(userId, hash, requireChange, now, history); !r)
            return r;
        if (auto r = m_sessions->revokeAllOfUser(userId, event.action, now, keepSession); !r)
            return r.error();
        if (!keepSession.isEmpty())
            if (auto r = m_sessions->clearPasswordChangeOnly(keepSession); !r)
                return r;
        // Whoever held the account before recovery may hold keys to it, and links into it, too.
        if (recovery == Recovery::Yes) {
            if (auto r = m_apiKeys->revokeAllOf(userId, now); !r)
                return r.error();
            if (auto r = OneTimeTokenRepository(m_db).removeAllOfUser(userId); !r)
                return r;
            // A passkey registered by whoever held the account would sign them in again.
            if (auto r = PasskeyRepository(m_db).removeAllOf(userId); !r)
                return r;
        }
        return m_audit.append(actor, event);
    });
}

Result<UserRecord> UserService::findUser(const QString &id, bool includeDeleted)
{
    if (!isValidId(id))
        return notFoundUser();
    return m_users->find(id, includeDeleted);
}

Status UserService::guardLastAdmin(const User &before, const User *after)
{
    if (!isActiveAdmin(before) || (after && isActiveAdmin(*after)))
        return success();
    if (auto locked = m_users->lockAdministrators(); !locked)
        return locked;
    auto admins = m_users->countActiveAdmins();
    if (!admins)
        return admins.error();
    if (*admins <= 1)
        return ApiError::conflict(QStringLiteral("This is the last active administrator; make another user an "
                                                 "administrator first."));
    return success();
}

Result<User> UserService::create(const Principal &actor, const CreateUserRequest &r)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    QList<FieldError> errors = r.parseErrors;
    const QStringList roles = r.roles.value_or(QStringList{QStringLiteral("user")});
    m_roles.checkAssignable(actor, roles, errors);
    return m_audit.noteRefusal(actor, {QStringLiteral("user.create"), QStringLiteral("user"), QString()},
                               insertNew(actor, r, roles, errors, Arrival::Created));
}

Result<User> UserService::createFirstAdministrator(const Principal &actor, const QString &username,
                                                   const QString &email, const QString &password)
{
    CreateUserRequest request;
    request.username = username;
    request.email = email;
    request.password = password;
    request.roles = QStringList{QStringLiteral("admin")};
    request.emailVerified = true;
    return create(actor, request);
}

Result<User> UserService::importUser(const Principal &actor, const CreateUserRequest &r, bool dryRun)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    QList<FieldError> errors = r.parseErrors;
    const QStringList roles = r.roles.value_or(QStringList{QStringLiteral("user")});
    m_roles.checkAssignable(actor, roles, errors);
    return m_audit.noteRefusal(actor, {QStringLiteral("user.import"), QStringLiteral("user"), QString()},
                               insertNew(actor, r, roles, errors, dryRun ? Arrival::DryRun : Arrival::Imported));
}

Result<User> UserService::registerSelf(const Principal &client, const CreateUserRequest &r)
{
    if (!m_settings.current().registrationEnabled)
        return ApiError(403, QStringLiteral("registration-disabled"), QStringLiteral("Registration disabled"),
                        QStringLiteral("Self-registration is turned off; ask an administrator for an account."));
    QList<FieldError> errors = r.parseErrors;
    if (!r.password)
        errors.append(
            {QStringLiteral("password"), QStringLiteral("required"), QStringLiteral("This field is required.")});
    CreateUserRequest own = r;
    own.status = User::Status::Active;
    own.requirePasswordChange = false;
    own.emailVerified = false;
    own.attributes.clear();
    own.passwordHash.reset();
    return insertNew(client, own, {QStringLiteral("user")}, errors, Arrival::Registered);
}

Result<User> UserService::insertNew(const Principal &actor, const CreateUserRequest &r, const QStringList &roles,
                                    QList<FieldError> errors, Arrival arrival)
{
    validation::username(r.username, errors);
    validation::email(r.email, errors);
    validation::displayName(r.displayName, errors);
    validation::attributes(r.attributes, errors);
    if (r.password)
        policy().check(*r.password, {r.username, r.email, r.displayName}, errors);
    if (r.passwordHash && r.password)
        errors.append({QStringLiteral("password_hash"), QStringLiteral("conflict"),
                       QStringLiteral("Give either a password or a password hash, not both.")});
    else if (const QString refusal = r.passwordHash ? crypto::PasswordHasher::refusalOf(*r.passwordHash) : QString();
             !refusal.isEmpty())
        errors.append({QStringLiteral("password_hash"), QStringLiteral("unsupported"),
                       QStringLiteral("This hash cannot be imported: %1.").arg(refusal)});
    if (!errors.isEmpty())
        return ApiError::validation(errors);

    User u;
    u.createdAt = u.updatedAt = m_clock.nowMs();
    u.id = newId(u.createdAt);
    u.username = r.username;
    u.email = r.email;
    u.emailVerified = r.emailVerified;
    u.displayName = r.displayName;
    u.status = r.status;
    u.roles = roles;
    u.roles.removeDuplicates();
    u.roles.sort();
    u.requirePasswordChange = r.requirePasswordChange;
    u.attributes = r.attributes;
    if (arrival == Arrival::DryRun) {
        // The store's unique keys decide for real; here the same question is asked without writing.
        QList<FieldError> taken;
        for (const auto &[field, value] :
             {std::pair{QStringLiteral("username"), r.username}, std::pair{QStringLiteral("email"), r.email}}) {
            auto existing = m_users->findByLogin(value);
            if (existing)
                taken.append({field, QStringLiteral("taken"), QStringLiteral("This %1 is taken.").arg(field)});
            else if (existing.error().status() != 404)
                return existing.error();
        }
        if (!taken.isEmpty())
            return ApiError::conflict(QStringLiteral("A user with this username or email already exists."), taken);
        return u;
    }
    const QString hash = r.password ? m_hasher.hash(*r.password) : r.passwordHash.value_or(QString());
    const QString action = arrival == Arrival::Created      ? QStringLiteral("user.create")
                           : arrival == Arrival::Registered ? QStringLiteral("user.register")
                                                            : QStringLiteral("user.import");
    auto s = writeTransaction(m_db, [&]() -> Status {
        if (auto i = m_users->insert(u, hash); !i)
            return i;
        return m_audit.append(actor, {action,
                                      QStringLiteral("user"),
                                      u.id,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("username"), u.username},
                                       {QStringLiteral("roles"), QJsonArray::fromStringList(u.roles)}}});
    });
    if (!s)
        return s.error();
    if (arrival != Arrival::Imported) // an import of thousands must not mail them all
        sendVerification(u);
    return u;
}

Result<User> UserService::get(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::UsersRead))
        return *e;
    return m_recent.find(id);
}

Result<QHash<QString, QString>> UserService::usernames(const Principal &actor, const QStringList &ids)
{
    if (auto e = missing(actor, permission::UsersRead))
        return *e;
    if (ids.size() > 1000)
        return ApiError::validation(QStringLiteral("ids"), QStringLiteral("too_many"), QStringLiteral("At most 1000."));
    return m_users->usernames(ids);
}

std::optional<ApiError> UserService::refusedList(const Principal &actor, const UserFilter &filter)
{
    if (auto e = missing(actor, permission::UsersRead))
        return *e;
    QList<FieldError> errors;
    if (filter.limit < 1 || filter.limit > 200)
        errors.append({QStringLiteral("limit"), QStringLiteral("out_of_range"), QStringLiteral("Must be 1 to 200.")});
    if (!UserRepository::isValidSort(filter.sort))
        errors.append({QStringLiteral("sort"), QStringLiteral("invalid_value"),
                       QStringLiteral("One of created_at, username, last_login_at, optionally prefixed with '-'.")});
    errors += filter.parseErrors; // a status that names none
    if (filter.offset < 0 || (filter.offset > 0 && !filter.cursor.isEmpty()))
        errors.append({QStringLiteral("offset"), QStringLiteral("invalid_value"),
                       QStringLiteral("Must be zero or more, and not given with a cursor.")});
    if (filter.q.size() > 200)
        errors.append({QStringLiteral("q"), QStringLiteral("too_long"), QStringLiteral("At most 200 characters.")});
    else if (std::any_of(filter.q.cbegin(), filter.q.cend(),
                         [](QChar c) { return c.category() == QChar::Other_Control; }))
        errors.append({QStringLiteral("q"), QStringLiteral("invalid_characters"),
                       QStringLiteral("Control characters cannot be searched for.")});
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    return std::nullopt;
}

Result<UserPage> UserService::list(const Principal &actor, const UserFilter &filter)
{
    if (auto refused = refusedList(actor, filter))
        return *refused;
    return readPage(filter);
}

Result<QByteArray> UserService::listJson(const Principal &actor, const UserFilter &filter, qint64 nowMs)
{
    if (auto refused = refusedList(actor, filter))
        return *refused;
    if (auto known = m_pages->find(filter, nowMs))
        return *known;
    // Stamped before the read: a change committed meanwhile makes the page stale at once.
    const ChangeFeed::Stamp read = m_feed.stamp();
    auto page = readPage(filter);
    if (!page)
        return page.error();
    QByteArray json = userPageJson(*page, nowMs);
    m_pages->remember(filter, read, *page, json, nowMs);
    return json;
}

Result<UserPage> UserService::readPage(const UserFilter &filter)
{
    // The index walk finds the page's ids; the users themselves mostly come from memory.
    auto page = m_users->list(filter, UserRepository::Rows::Ids);
    if (!page)
        return page.error();
    QStringList ids;
    ids.reserve(page->items.size());
    for (const User &u : std::as_const(page->items))
        ids.append(u.id);
    auto users = m_recent.findAll(ids);
    if (!users)
        return users.error();
    // A user changed between the walk and this read no longer matches what the filter asked for.
    users->removeIf([&filter](const User &u) {
        return (!filter.includeDeleted && u.isDeleted()) || (filter.status && u.status != *filter.status);
    });
    page->items = std::move(*users);
    return page;
}

Result<User> UserService::applyPatch(const Principal &actor, const QString &id, const UserPatch &p,
                                     std::optional<qint64> ifMatch, const QString &action)
{
    QList<FieldError> errors = p.parseErrors;
    if (p.username)
        validation::username(*p.username, errors);
    if (p.email)
        validation::email(*p.email, errors);
    if (p.displayName)
        validation::displayName(*p.displayName, errors);
    if (p.attributes)
        validation::attributes(*p.attributes, errors);
    if (p.roles)
        m_roles.checkAssignable(actor, *p.roles, errors);
    if (!errors.isEmpty())
        return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), id},
                                   Result<User>(ApiError::validation(errors)));

    User after;
    QString previousEmail;
    auto s = writeTransaction(m_db, [&]() -> Status {
        auto found = m_roles.actOn(actor, id);
        if (!found)
            return found.error();
        const User before = *found;
        previousEmail = before.email;
        if (ifMatch && *ifMatch != before.version)
            return ApiError::preconditionFailed(
                QStringLiteral("The user was changed since you read it (ETag mismatch)."));
        after = before;
        if (p.username)
            after.username = *p.username;
        if (p.email && *p.email != before.email) {
            after.email = *p.email;
            after.emailVerified = false; // a new address is unproven
        }
        if (p.displayName)
            after.displayName = *p.displayName;
        if (p.status)
            after.status = *p.status;
        if (p.roles) {
            after.roles = *p.roles;
            after.roles.removeDuplicates();
            after.roles.sort();
        }
        if (p.requirePasswordChange)
            after.requirePasswordChange = *p.requirePasswordChange;
        if (p.emailVerified)
            after.emailVerified = *p.emailVerified;
        if (p.attributes)
            after.attributes = *p.attributes;
        // Taking roles away is also subject to the grant rule: no one removes what they could not give.
        if (p.roles) {
            QList<FieldError> removalErrors;
            QStringList removed;
            for (const QString &role : before.roles)
                if (!after.roles.contains(role))
                    removed << role;
            m_roles.checkAssignable(actor, removed, removalErrors);
            if (!removalErrors.isEmpty())
                return ApiError::validation(removalErrors);
        }
        if (auto g = guardLastAdmin(before, &after); !g)
            return g;
        after.updatedAt = m_clock.nowMs();
        if (auto u = m_users->update(after); !u)
            return u;
        if (p.roles && after.roles != before.roles)
            if (auto r = m_users->setRoles(after.id, after.roles); !r)
                return r;
        ++after.version;
        // A verification link sent to the old address must not verify the new one.
        if (after.email != before.email)
            if (auto r = OneTimeTokenRepository(m_db).removeForUser(after.id, QStringLiteral("verify_email")); !r)
                return r;
        // A disabled account must lose access at once, not when its tokens expire.
        if (before.isActive() && !after.isActive())
            if (auto r = m_sessions->revokeAllOfUser(after.id, QStringLiteral("disabled"), after.updatedAt); !r)
                return r.error();
        return m_audit.append(actor, {action,
                                      QStringLiteral("user"),
                                      after.id,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("fields"), changedFields(p)}}});
    });
    if (!s)
        return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), id}, Result<User>(s.error()));
    if (after.email != previousEmail) {
        User before = after;
        before.email = previousEmail;
        sendAddressChanged(before);
    }
    if (p.email && !after.emailVerified)
        sendVerification(after);
    return after;
}

Result<User> UserService::update(const Principal &actor, const QString &id, const UserPatch &patch,
                                 std::optional<qint64> ifMatch)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    const QString action = QStringLiteral("user.update");
    // The address (and whether it is proven) decides where recovery mail goes.
    if (patch.email || patch.emailVerified || patch.requirePasswordChange)
        if (auto self = notOnOneself(actor, id); !self)
            return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), id}, Result<User>(self.error()));
    return applyPatch(actor, id, patch, ifMatch, action);
}

Status UserService::remove(const Principal &actor, const QString &id, bool purge)
{
    if (auto e = missing(actor, permission::UsersDelete))
        return *e;
    const QString action = purge ? QStringLiteral("user.purge") : QStringLiteral("user.delete");
    auto done = writeTransaction(m_db, [&]() -> Status {
        auto found = m_roles.actOn(actor, id, purge);
        if (!found)
            return found.error();
        if (auto g = guardLastAdmin(*found, nullptr); !g)
            return g;
        const qint64 now = m_clock.nowMs();
        if (purge) {
            if (auto r = m_users->purge(id); !r)
                return r;
        } else {
            User u = *found;
            u.deletedAt = now;
            u.updatedAt = now;
            if (auto r = m_users->update(u); !r)
                return r;
            if (auto r = m_sessions->revokeAllOfUser(id, QStringLiteral("deleted"), now); !r)
                return r.error();
        }
        return m_audit.append(actor, {action,
                                      QStringLiteral("user"),
                                      id,
                                      QStringLiteral("success"),
                                      {{QStringLiteral("username"), found->username}}});
    });
    return m_audit.noteRefusal(actor, {action, QStringLiteral("user"), id}, done);
}

Result<User> UserService::restore(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::UsersDelete))
        return *e;
    User u;
    auto s = writeTransaction(m_db, [&]() -> Status {
        auto found = m_roles.actOn(actor, id, true);
        if (!found)
            return found.error();
        u = *found;
        if (!u.isDeleted())
            return ApiError::conflict(QStringLiteral("The user is not deleted."));
        u.deletedAt = 0;
        u.updatedAt = m_clock.nowMs();
        if (auto r = m_users->update(u); !r)
            return r;
        ++u.version;
        return m_audit.append(actor, {QStringLiteral("user.restore"), QStringLiteral("user"), id});
    });
    if (!s)
        return m_audit.noteRefusal(actor, {QStringLiteral("user.restore"), QStringLiteral("user"), id},
                                   Result<User>(s.error()));
    return u;
}

Status UserService::setPassword(const Principal &actor, const QString &id, const QString &newPassword,
                                bool requireChange)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    const AuditEntry attempt{QStringLiteral("user.password.set"), QStringLiteral("user"), id};
    auto found = findUser(id, false);
    if (!found)
        return found.error();
    // Checked before any hashing, so a refused reset costs nothing (and again when it is stored).
    Status allowed = notOnOneself(actor, id);
    if (allowed)
        allowed = m_roles.mayActOn(actor, found->user);
    if (!allowed)
        return m_audit.noteRefusal(actor, attempt, allowed);
    QList<FieldError> errors;
    checkNewPassword(found->user, newPassword, QStringLiteral("new_password"), errors);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    return m_audit.noteRefusal(actor, attempt,
                               storePassword(actor, id, newPassword, requireChange, {},
                                             {QStringLiteral("user.password.set"),
                                              QStringLiteral("user"),
                                              id,
                                              QStringLiteral("success"),
                                              {{QStringLiteral("require_password_change"), requireChange}}},
                                             Recovery::Yes));
}

Status UserService::unlock(const Principal &actor, const QString &id)
{
    if (auto e = missing(actor, permission::UsersWrite))
        return *e;
    auto done = writeTransaction(m_db, [&]() -> Status {
        // One's own lock is not one's own to lift: it would undo the count of one's own wrong passwords.
        if (auto self = notOnOneself(actor, id); !self)
            return self;
        if (auto found = m_roles.actOn(actor, id); !found)
            return found.error();
        if (auto r = m_lockout.unlock(id); !r)
            return r;
        return m_audit.append(actor, {QStringLiteral("user.unlock"), QStringLiteral("user"), id});
    });
    return m_audit.noteRefusal(actor, {QStringLiteral("user.unlock"), QStringLiteral("user"), id}, done);
}

Result<bool> UserService::disableDormant(const QString &id, int days)
{
    const Principal system = Principal::system();
    bool disabled = false;
    auto done = writeTransaction(m_db, [&]() -> Status {
        auto found = m_users->find(id);
        if (!found)
            return found.error().status() == 404 ? success() : Status(found.error());
        const User before = found->user;
        if (!before.isActive())
            return success(); // another node was first
        User after = before;
        after.status = User::Status::Disabled;
        after.updatedAt = m_clock.nowMs();
        if (!guardLastAdmin(before, &after))
            return success(); // the last administrator stays, however long away
        if (auto u = m_users->update(after); !u)
            return u.error().status() == 412 ? success() : u; // changed meanwhile: look again next time
        if (auto r = m_sessions->revokeAllOfUser(id, QStringLiteral("dormant"), after.updatedAt); !r)
            return r.error();
        disabled = true;
        return m_audit.append(system, {QStringLiteral("user.disable_dormant"),
                                       QStringLiteral("user"),
                                       id,
                                       QStringLiteral("success"),
                                       {{QStringLiteral("inactive_days"), days}}});
    });
    if (!done)
        return done.error();
    return disabled;
}

Result<User> UserService::me(const Principal &me)
{
    auto r = m_recent.find(me.id);
    if (r && r->isDeleted())
        return notFoundUser();
    return r;
}

Result<std::pair<QByteArray, QByteArray>> UserService::meJson(const Principal &me, qint64 nowMs)
{
    auto r = m_recent.rendered(me.id, nowMs);
    if (!r)
        return r.error();
    if (r->deleted)
        return notFoundUser();
    return std::pair(r->json, r->etag);
}

Result<User> UserService::updateMe(const Principal &me, const UserPatch &patch,
                                   const std::optional<QString> &currentPassword)
{
    const QString action = QStringLiteral("me.update");
    // The address is where password resets go: changing it is changing a credential.
    const Status allowed = patch.email ? m_lockout.reauthenticate(me, currentPassword, action) : requireSession(me);
    if (!allowed)
        return m_audit.noteRefusal(me, {action, QStringLiteral("user"), me.id}, Result<User>(allowed.error()));
    return applyPatch(me, me.id, patch, std::nullopt, action);
}

Status UserService::changeMyPassword(const Principal &me, const std::optional<QString> &currentPassword,
                                     const QString &newPassword)
{
    const QString action = QStringLiteral("me.password.change");
    auto found = m_users->find(me.id);
    if (!found)
        return found.error();
    // Every problem at once: a wrong current password and a too weak new one are both reported.
    // Whether the new one was used before is asked only after the current one is proven: else each
    // attempt would test two guesses at old passwords.
    QList<FieldError> errors;
    policy().check(newPassword, identifiers(found->user), errors, QStringLiteral("new_password"));
    if (auto confirmed = m_lockout.reauthenticate(me, currentPassword, action); !confirmed) {
        if (confirmed.error().status() != 422)
            return m_audit.noteRefusal(me, {action, QStringLiteral("user"), me.id}, confirmed);
        errors = confirmed.error().fieldErrors() + errors;
    } else if (errors.isEmpty()) {
        checkReuse(found->user, newPassword, QStringLiteral("new_password"), errors);
    }
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    return storePassword(me, me.id, newPassword, false, me.sessionId, {action, QStringLiteral("user"), me.id},
                         Recovery::No);
}

QString UserService::issueToken(const QString &purpose, const QString &userId, qint64 lifetimeMs, Status *status)
{
    const QString token = crypto::randomToken(32);
    *status = writeTransaction(m_db, [&]() -> Status {
        OneTimeTokenRepository tokens(m_db);
        // Only the newest link of a kind works.
        if (auto r = tokens.removeForUser(userId, purpose); !r)
            return r;
        const qint64 now = m_clock.nowMs();
        return tokens.insert(crypto::sha256(token.toLatin1()), purpose, userId, now, now + lifetimeMs);
    });
    return token;
}

void UserService::sendVerification(const User &user)
{
    if (m_settings.current().smtpHost.isEmpty())
        return;
    Status status = success();
    const QString token = issueToken(QStringLiteral("verify_email"), user.id, 24 * 3'600'000LL, &status);
    if (!status)
        return;
    const QString link = m_publicUrl + QStringLiteral("/verify-email?token=") + token;
    m_mailer.enqueue({user.email, QCoreApplication::translate("keyward::Mail", "Confirm your email address"),
                      QCoreApplication::translate("keyward::Mail",
                                                  "Hello %1,\n\nplease confirm that this is your email address by "
                                                  "opening this link within 24 hours:\n%2\n\nOr give this code to "
                                                  "the application: %3\n\nIf you did not ask for an account, ignore "
                                                  "this message.\n")
                          .arg(user.displayName.isEmpty() ? user.username : user.displayName, link, token)});
}

void UserService::sendAddressChanged(const User &before)
{
    if (m_settings.current().smtpHost.isEmpty() || before.email.isEmpty())
        return;
    m_mailer.enqueue(
        {before.email, QCoreApplication::translate("keyward::Mail", "Your email address was changed"),
         QCoreApplication::translate("keyward::Mail", "Hello %1,\n\nthe email address of your account %2 was changed, "
                                                      "so messages about it no longer come to this address.\n\nIf you "
                                                      "did not change it, contact your administrator at once: someone "
                                                      "else may be using your account.\n")
             .arg(before.displayName.isEmpty() ? before.username : before.displayName, before.username)});
}

void UserService::requestPasswordReset(const Principal &client, const QString &email)
{
    auto found = m_users->findByLogin(email);
    const bool known = found && found->user.email.compare(email, Qt::CaseInsensitive) == 0 && found->user.isActive();
    // Only an address the user proved: a newly set, unverified one may be an attacker's.
    const QString destination = !known                      ? QString()
                                : found->user.emailVerified ? found->user.email
                                                            : found->verifiedEmail;
    const bool eligible = !destination.isEmpty();
    (void)m_audit.record(
        client, {QStringLiteral("auth.password_reset.request"), QStringLiteral("user"),
                 known ? found->user.id : QString(), eligible ? QStringLiteral("success") : QStringLiteral("failure"),
                 eligible || !known ? QJsonObject()
                                    : QJsonObject{{QStringLiteral("reason"), QStringLiteral("no_verified_address")}}});
    if (m_settings.current().smtpHost.isEmpty()) {
        // Someone waits for a mail that cannot come: health says so. Counted for every address,
        // known or not, so that the public health status tells nothing about who has an account.
        m_resetMailUnsent.inc();
        return;
    }
    if (!eligible)
        return;
    Status status = success();
    const QString token = issueToken(QStringLiteral("password_reset"), found->user.id, 3'600'000LL, &status);
    if (!status)
        return;
    const QString link = m_publicUrl + QStringLiteral("/reset-password?token=") + token;
    m_mailer.enqueue({destination, QCoreApplication::translate("keyward::Mail", "Reset your password"),
                      QCoreApplication::translate("keyward::Mail",
                                                  "Someone asked to reset the password of the account %1.\n\nIf it "
                                                  "was you, open this link within an hour:\n%2\n\nOr give this code "
                                                  "to the application: %3\n\nIf it was not you, ignore this message; "
                                                  "your password stays as it is.\n")
                          .arg(found->user.username, link, token)});
}

Status UserService::confirmPasswordReset(const Principal &client, const QString &token, const QString &newPassword)
{
    const QByteArray hash = crypto::sha256(token.toLatin1());
    OneTimeTokenRepository tokens(m_db);
    auto userId = tokens.find(hash, QStringLiteral("password_reset"), m_clock.nowMs());
    const ApiError invalid =
        ApiError::validation(QStringLiteral("token"), QStringLiteral("invalid"),
                             QStringLiteral("The link is invalid, used or expired; ask for a new one."));
    if (!userId)
        return userId.error().status() == 404 ? invalid : userId.error();
    auto found = m_users->find(*userId);
    if (!found)
        return invalid;
    QList<FieldError> errors;
    checkNewPassword(found->user, newPassword, QStringLiteral("new_password"), errors);
    if (!errors.isEmpty())
        return ApiError::validation(errors);
    if (auto spent = writeTransaction(m_db, [&]() -> Status { return tokens.consume(hash, m_clock.nowMs()); }); !spent)
        return invalid;
    auto stored =
        storePassword(client.signedInAs(*userId, {}), *userId, newPassword, false, {},
                      {QStringLiteral("auth.password_reset"), QStringLiteral("user"), *userId}, Recovery::Yes);
    if (!stored)
        return stored;
    // Whoever reset by mail has proven the address: the password lockout ends with it. Wrong second
    // factors stay counted; only a completed login forgives them.
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = m_lockout.clear(LockoutService::subject(LockoutService::Secret::Password, *userId)); !r)
            return r;
        return m_users->setLockedUntil(*userId, 0);
    });
}

Status UserService::verifyEmail(const Principal &client, const QString &token)
{
    const QByteArray hash = crypto::sha256(token.toLatin1());
    OneTimeTokenRepository tokens(m_db);
    auto userId = tokens.find(hash, QStringLiteral("verify_email"), m_clock.nowMs());
    if (!userId)
        return userId.error().status() == 404
                   ? ApiError::validation(QStringLiteral("token"), QStringLiteral("invalid"),
                                          QStringLiteral("The link is invalid, used or expired."))
                   : userId.error();
    return writeTransaction(m_db, [&]() -> Status {
        if (auto r = tokens.consume(hash, m_clock.nowMs()); !r)
            return ApiError::validation(QStringLiteral("token"), QStringLiteral("invalid"),
                                        QStringLiteral("The link is invalid, used or expired."));
        if (auto r = m_users->markEmailVerified(*userId); !r)
            return r;
        return m_audit.append(client.signedInAs(*userId, {}),
                              {QStringLiteral("user.email_verified"), QStringLiteral("user"), *userId});
    });
}

} // namespace keyward

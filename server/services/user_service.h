#pragma once

#include "audit_service.h"
#include "core/field_reader.h"
#include "core/principal.h"
#include "core/result.h"
#include "core/user.h"
#include "crypto/password_hasher.h"
#include "password_policy.h"

#include <QHash>

#include <memory>
#include <optional>

namespace keyward {

class ApiKeyRepository;
class ChangeFeed;
class Clock;
class Counter;
class Database;
class LockoutService;
class Mailer;
class RecentUserPages;
class RecentUsers;
class RoleService;
class SessionRepository;
class SettingsService;
struct UserRecord;
class UserRepository;

struct CreateUserRequest {
    QString username;
    QString email;
    std::optional<QString> password;
    std::optional<QString> passwordHash; // imports only: a hash PasswordHasher verifies, stored as it is
    QString displayName;                 // null: none
    std::optional<QStringList> roles;
    User::Status status = User::Status::Active;
    bool requirePasswordChange = false;
    bool emailVerified = false;
    QMap<QString, QString> attributes;
    QList<FieldError> parseErrors;
};

// Fields absent from a PATCH stay as they are. displayName set to a null QString clears it.
struct UserPatch {
    std::optional<QString> username;
    std::optional<QString> email;
    std::optional<QString> displayName;
    std::optional<User::Status> status;
    std::optional<QStringList> roles;
    std::optional<bool> requirePasswordChange;
    std::optional<bool> emailVerified;
    std::optional<QMap<QString, QString>> attributes;
    QList<FieldError> parseErrors;
};

// The rules about users: validation, uniqueness, who may grant what and act on whom, the last
// administrator, sessions that must end when an account changes, and the audit event of every change.
// Acting on another account needs every permission it holds (RoleService::mayActOn); refusals are
// audited. Password hashing happens here; callers on an event loop run these methods on the hashing pool.
class UserService {
public:
    UserService(Database &db, const Clock &clock, ChangeFeed &feed, RecentUsers &recent, AuditService &audit,
                RoleService &roles, SettingsService &settings, LockoutService &lockout,
                const crypto::PasswordHasher &hasher, Mailer &mailer, Counter &resetMailUnsent);
    ~UserService();

    // The base of links in mails (the public URL); set before serving.
    void setPublicUrl(const QString &url) { m_publicUrl = url; }

    // Password reset: always "accepted" (the caller learns nothing about who exists); when the address
    // belongs to an active user, a single-use link valid for an hour goes out by mail, only ever to an
    // address the user proved: the current one when verified, else the one verified last.
    void requestPasswordReset(const Principal &client, const QString &email);
    // Sets the new password, ends every session, personal API key and any password lockout; the
    // token is spent.
    Status confirmPasswordReset(const Principal &client, const QString &token, const QString &newPassword);
    // Marks the address verified; the token (valid 24 hours, sent on registration and email changes) is spent.
    Status verifyEmail(const Principal &client, const QString &token);

    Result<User> create(const Principal &actor, const CreateUserRequest &request);
    // An administrator made by whoever runs the installation (the console's first-run wizard,
    // `keyward-server admin create`): the admin role, the address taken as verified. Not refused
    // when others exist: the command line also recovers an installation whose administrators are
    // all locked out.
    Result<User> createFirstAdministrator(const Principal &actor, const QString &username, const QString &email,
                                          const QString &password);
    // One user of an import: created like create() but audited as user.import and sent no mail.
    // A dry run checks everything, including that the username and email are free, and writes nothing.
    Result<User> importUser(const Principal &actor, const CreateUserRequest &request, bool dryRun);
    // Self-registration by an anonymous client: the `user` role, nothing else; 403 while closed.
    Result<User> registerSelf(const Principal &client, const CreateUserRequest &request);
    Result<User> get(const Principal &actor, const QString &id);
    Result<UserPage> list(const Principal &actor, const UserFilter &filter);
    // The same page as the REST API sends it (user_json.h), rendered at `nowMs`; a page asked for
    // again while no user changed comes from memory (RecentUserPages).
    Result<QByteArray> listJson(const Principal &actor, const UserFilter &filter, qint64 nowMs);
    // Usernames by id, for showing people rather than ids (audit events, sessions). Needs users:read.
    Result<QHash<QString, QString>> usernames(const Principal &actor, const QStringList &ids);
    // `ifMatch` is the version the caller last saw (If-Match); nullopt skips the check.
    Result<User> update(const Principal &actor, const QString &id, const UserPatch &patch,
                        std::optional<qint64> ifMatch = std::nullopt);
    Status remove(const Principal &actor, const QString &id, bool purge);
    Result<User> restore(const Principal &actor, const QString &id);
    // An administrator's reset: account recovery, so every session and personal API key ends.
    Status setPassword(const Principal &actor, const QString &id, const QString &newPassword, bool requireChange);
    // Ends a lockout and forgets the failed attempts that led to it.
    Status unlock(const Principal &actor, const QString &id);

    // Disables one account that has not signed in for `days` (the dormant-account policy), as actor
    // system; never the last active administrator. False when it was left alone.
    Result<bool> disableDormant(const QString &id, int days);

    // Self-service: the actor is the user, in a signed-in session (never an API key). Changing the
    // email address or the password needs the current password unless the session is fresh
    // (LockoutService::reauthenticate); an address change is announced to the old address.
    Result<User> me(const Principal &me);
    // The same as GET /me sends it (user_json.h), rendered at `nowMs`: JSON and ETag.
    Result<std::pair<QByteArray, QByteArray>> meJson(const Principal &me, qint64 nowMs);
    Result<User> updateMe(const Principal &me, const UserPatch &patch, const std::optional<QString> &currentPassword);
    Status changeMyPassword(const Principal &me, const std::optional<QString> &currentPassword,
                            const QString &newPassword);

    PasswordPolicy policy();
    // For POST /api/v1/password/strength: the strength estimate and whether the policy accepts it.
    PasswordAssessment assessPassword(const QString &password, const QStringList &userIdentifiers);

private:
    enum class Arrival { Created, Registered, Imported, DryRun };
    Result<User> insertNew(const Principal &actor, const CreateUserRequest &request, const QStringList &roles,
                           QList<FieldError> errors, Arrival arrival);
    Result<UserRecord> findUser(const QString &id, bool includeDeleted);
    // Policy check of a new password for an existing user, including the reuse history.
    void checkNewPassword(const User &user, const QString &password, const QString &field, QList<FieldError> &errors);
    // Whether it is one of the user's last passwords: only ever asked of someone who proved who they are.
    void checkReuse(const User &user, const QString &password, const QString &field, QList<FieldError> &errors);
    // Sends an email-verification link if mail is configured (on registration and address changes).
    void sendVerification(const User &user);
    // Tells the old address that the account's address changed, so a takeover does not go unnoticed.
    void sendAddressChanged(const User &before);
    QString issueToken(const QString &purpose, const QString &userId, qint64 lifetimeMs, Status *status);
    enum class Recovery { No, Yes };
    // Stores a new hash (keeping history as configured), revokes sessions except `keepSession` (and,
    // for account recovery, every personal API key), audits.
    Status storePassword(const Principal &actor, const QString &userId, const QString &password, bool requireChange,
                         const QString &keepSession, const AuditEntry &event, Recovery recovery);
    // 409 when `before` is an active admin and `after` no longer is, and no other active admin exists.
    // Inside the write transaction: it takes the administrators' lock first.
    Status guardLastAdmin(const User &before, const User *after);
    Result<User> applyPatch(const Principal &actor, const QString &id, const UserPatch &patch,
                            std::optional<qint64> ifMatch, const QString &action);
    // Why `actor` may not list with `filter`: the permission first, then the filter's errors.
    std::optional<ApiError> refusedList(const Principal &actor, const UserFilter &filter);
    Result<UserPage> readPage(const UserFilter &filter);

    Database &m_db;
    const Clock &m_clock;
    ChangeFeed &m_feed;
    RecentUsers &m_recent;
    std::unique_ptr<RecentUserPages> m_pages;
    AuditService &m_audit;
    RoleService &m_roles;
    const crypto::PasswordHasher &m_hasher;
    SettingsService &m_settings;
    LockoutService &m_lockout;
    Mailer &m_mailer;
    Counter &m_resetMailUnsent;
    QString m_publicUrl;
    std::unique_ptr<UserRepository> m_users;
    std::unique_ptr<SessionRepository> m_sessions;
    std::unique_ptr<ApiKeyRepository> m_apiKeys;
};

} // namespace keyward

#pragma once

#include <QJsonObject>
#include <QList>
#include <QString>

namespace keyward {

// One rejected field of a request: `field` is the JSON name, `code` a stable machine-readable reason.
struct FieldError {
    QString field;
    QString code;
    QString message;
};

// A failure a service reports to its caller; the HTTP layer renders it as RFC 9457 problem+json
// (HttpResponse::problem),
// the GUI shows title and detail. `detail` is meant for clients: never put internals in it.
class ApiError {
public:
    ApiError() = default;
    ApiError(int status, QString slug, QString title, QString detail = {});

    static ApiError validation(QList<FieldError> errors);
    static ApiError validation(const QString &field, const QString &code, const QString &message);
    static ApiError malformedJson(const QString &detail);
    static ApiError unsupportedMediaType(const QString &detail);
    static ApiError payloadTooLarge(const QString &detail);
    static ApiError unauthorized(const QString &detail = {});
    static ApiError invalidCredentials();
    static ApiError forbidden(const QString &detail = {});
    // The actor may not act on this account: it holds permissions the actor does not.
    static ApiError insufficientPrivilege(const QString &detail);
    // Only a signed-in session may do this; an API key may not.
    static ApiError sessionRequired();
    // The session signed in too long ago for this: send the current password again.
    static ApiError reauthenticationRequired();
    // A session given for a temporary password may only change it.
    static ApiError passwordChangeRequired();
    // One's own credentials change through self-service (/api/v1/me), not the admin API.
    static ApiError selfServiceRequired();
    static ApiError tooManyAttempts(int retryAfterSeconds);
    static ApiError notFound(const QString &detail = {});
    static ApiError methodNotAllowed(const QString &detail = {});
    static ApiError conflict(const QString &detail, QList<FieldError> errors = {});
    static ApiError preconditionFailed(const QString &detail);
    static ApiError serviceUnavailable(const QString &detail, int retryAfterSeconds);
    static ApiError internal();

    int status() const { return m_status; }
    const QString &slug() const { return m_slug; }
    const QString &title() const { return m_title; }
    const QString &detail() const { return m_detail; }
    const QList<FieldError> &fieldErrors() const { return m_fieldErrors; }
    // Extra members of the problem body, e.g. `mfa_token`.
    const QJsonObject &extensions() const { return m_extensions; }
    int retryAfterSeconds() const { return m_retryAfter; }

    ApiError &withExtension(const QString &name, const QJsonValue &value);
    ApiError &withRetryAfter(int seconds);

private:
    int m_status = 500;
    QString m_slug = QStringLiteral("internal");
    QString m_title;
    QString m_detail;
    QList<FieldError> m_fieldErrors;
    QJsonObject m_extensions;
    int m_retryAfter = 0;
};

} // namespace keyward

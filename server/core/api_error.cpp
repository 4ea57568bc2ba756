#include "api_error.h"

namespace keyward {

ApiError::ApiError(int status, QString slug, QString title, QString detail)
    : m_status(status)
    , m_slug(std::move(slug))
    , m_title(std::move(title))
    , m_detail(std::move(detail))
{
}

ApiError ApiError::validation(QList<FieldError> errors)
{
    ApiError e(422, QStringLiteral("validation-failed"), QStringLiteral("Validation failed"),
               QStringLiteral("One or more fields are invalid."));
    e.m_fieldErrors = std::move(errors);
    return e;
}

ApiError ApiError::validation(const QString &field, const QString &code, const QString &message)
{
    return validation({FieldError{field, code, message}});
}

ApiError ApiError::malformedJson(const QString &detail)
{
    return {400, QStringLiteral("malformed-json"), QStringLiteral("Malformed JSON"), detail};
}

ApiError ApiError::unsupportedMediaType(const QString &detail)
{
    return {415, QStringLiteral("unsupported-media-type"), QStringLiteral("Unsupported media type"), detail};
}

ApiError ApiError::payloadTooLarge(const QString &detail)
{
    return {413, QStringLiteral("payload-too-large"), QStringLiteral("Payload too large"), detail};
}

ApiError ApiError::unauthorized(const QString &detail)
{
    return {401, QStringLiteral("unauthorized"), QStringLiteral("Unauthorized"),
            detail.isEmpty() ? QStringLiteral("Valid credentials are required.") : detail};
}

ApiError ApiError::invalidCredentials()
{
    return {401, QStringLiteral("invalid-credentials"), QStringLiteral("Invalid credentials"),
            QStringLiteral("The login or password is incorrect.")};
}

ApiError ApiError::forbidden(const QString &detail)
{
    return {403, QStringLiteral("forbidden"), QStringLiteral("Forbidden"),
            detail.isEmpty() ? QStringLiteral("You do not have permission to do this.") : detail};
}

ApiError ApiError::insufficientPrivilege(const QString &detail)
{
    return {403, QStringLiteral("insufficient-privilege"), QStringLiteral("Insufficient privilege"), detail};
}

ApiError ApiError::sessionRequired()
{
    return {403, QStringLiteral("session-required"), QStringLiteral("Session required"),
            QStringLiteral("This needs a signed-in session (a bearer access token); API keys cannot do it.")};
}

ApiError ApiError::passwordChangeRequired()
{
    return {403, QStringLiteral("password-change-required"), QStringLiteral("Password change required"),
            QStringLiteral("Change your password at POST /api/v1/me/password first.")};
}

ApiError ApiError::reauthenticationRequired()
{
    return {403, QStringLiteral("reauthentication-required"), QStringLiteral("Re-authentication required"),
            QStringLiteral("Confirm with your current password in `current_password`, or sign in again: this session "
                           "signed in more than five minutes ago.")};
}

ApiError ApiError::selfServiceRequired()
{
    return {403, QStringLiteral("self-service-required"), QStringLiteral("Self-service required"),
            QStringLiteral("Change your own password, second factor, email, lockout or sessions under /api/v1/me, "
                           "which asks for your current password.")};
}

ApiError ApiError::tooManyAttempts(int retryAfterSeconds)
{
    return ApiError(429, QStringLiteral("too-many-attempts"), QStringLiteral("Too many attempts"),
                    QStringLiteral("Too many failed attempts; try again later."))
        .withRetryAfter(retryAfterSeconds);
}

ApiError ApiError::notFound(const QString &detail)
{
    return {404, QStringLiteral("not-found"), QStringLiteral("Not found"),
            detail.isEmpty() ? QStringLiteral("The resource does not exist.") : detail};
}

ApiError ApiError::methodNotAllowed(const QString &detail)
{
    return {405, QStringLiteral("method-not-allowed"), QStringLiteral("Method not allowed"), detail};
}

ApiError ApiError::conflict(const QString &detail, QList<FieldError> errors)
{
    ApiError e(409, QStringLiteral("conflict"), QStringLiteral("Conflict"), detail);
    e.m_fieldErrors = std::move(errors);
    return e;
}

ApiError ApiError::preconditionFailed(const QString &detail)
{
    return {412, QStringLiteral("precondition-failed"), QStringLiteral("Precondition failed"), detail};
}

ApiError ApiError::serviceUnavailable(const QString &detail, int retryAfterSeconds)
{
    ApiError e(503, QStringLiteral("service-unavailable"), QStringLiteral("Service unavailable"), detail);
    e.m_retryAfter = retryAfterSeconds;
    return e;
}

ApiError ApiError::internal()
{
    return {500, QStringLiteral("internal"), QStringLiteral("Internal error"),
            QStringLiteral("The server could not complete the request.")};
}

ApiError &ApiError::withExtension(const QString &name, const QJsonValue &value)
{
    m_extensions.insert(name, value);
    return *this;
}

ApiError &ApiError::withRetryAfter(int seconds)
{
    m_retryAfter = seconds;
    return *this;
}

} // namespace keyward

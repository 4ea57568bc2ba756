#include "http_message.h"

#include "core/api_error.h"
#include "core/logging.h"

#include <QJsonArray>
#include <QJsonObject>

namespace keyward {

QByteArray HttpRequest::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (k == name)
            return v;
    return {};
}

QByteArrayList HttpRequest::headerValues(QByteArrayView name) const
{
    QByteArrayList out;
    for (const auto &[k, v] : headers)
        if (k == name)
            out << v;
    return out;
}

void HttpResponse::setHeader(const QByteArray &name, const QByteArray &value)
{
    for (auto &[k, v] : headers) {
        if (k.compare(name, Qt::CaseInsensitive) == 0) {
            v = value;
            return;
        }
    }
    headers.emplaceBack(name, value);
}

QByteArray HttpResponse::header(QByteArrayView name) const
{
    for (const auto &[k, v] : headers)
        if (QByteArrayView(k).compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

HttpResponse HttpResponse::json(int status, const QJsonDocument &doc)
{
    return json(status, doc.toJson(QJsonDocument::Compact));
}

HttpResponse HttpResponse::json(int status, QByteArray json)
{
    HttpResponse r;
    r.status = status;
    r.body = std::move(json);
    r.headers.emplaceBack(QByteArrayLiteral("Content-Type"), QByteArrayLiteral("application/json; charset=utf-8"));
    return r;
}

Result<HttpResponse> HttpResponse::chunked(NextPart next)
{
    auto first = next();
    if (!first)
        return first.error();
    HttpResponse response;
    response.body = std::move(*first);
    if (response.body.isEmpty())
        return response;
    response.stream = [next = std::move(next)]() -> std::optional<QByteArray> {
        auto part = next();
        if (!part) {
            qCWarning(lcHttp).noquote() << "a streamed body was broken off:" << part.error().detail();
            return std::nullopt;
        }
        return std::move(*part);
    };
    return response;
}

HttpResponse HttpResponse::noContent()
{
    HttpResponse r;
    r.status = 204;
    return r;
}

namespace {

// The RFC 9457 members: type, title, status, detail, instance, plus the error's extensions and its
// field errors under `errors`. Absent parts are left out, not sent empty.
QJsonObject problemJson(const ApiError &error, const QString &instance, const QString &requestId)
{
    QJsonObject problem = error.extensions();
    problem.insert(QStringLiteral("type"), QString(QStringLiteral("https://keyward.dev/problems/") + error.slug()));
    problem.insert(QStringLiteral("title"), error.title());
    problem.insert(QStringLiteral("status"), error.status());
    if (!error.detail().isEmpty())
        problem.insert(QStringLiteral("detail"), error.detail());
    if (!instance.isEmpty())
        problem.insert(QStringLiteral("instance"), instance);
    if (!requestId.isEmpty())
        problem.insert(QStringLiteral("request_id"), requestId);
    if (!error.fieldErrors().isEmpty()) {
        QJsonArray errors;
        for (const FieldError &fe : error.fieldErrors())
            errors.append(QJsonObject{{QStringLiteral("field"), fe.field},
                                      {QStringLiteral("code"), fe.code},
                                      {QStringLiteral("message"), fe.message}});
        problem.insert(QStringLiteral("errors"), errors);
    }
    return problem;
}

} // namespace

HttpResponse HttpResponse::problem(const ApiError &error, const HttpRequest &request)
{
    HttpResponse r;
    r.status = error.status();
    r.problemType = error.slug();
    r.body = QJsonDocument(problemJson(error, request.path, request.requestId)).toJson(QJsonDocument::Compact);
    r.headers.emplaceBack("Content-Type", "application/problem+json; charset=utf-8");
    if (error.retryAfterSeconds() > 0)
        r.headers.emplaceBack("Retry-After", QByteArray::number(error.retryAfterSeconds()));
    if (error.status() == 401)
        r.headers.emplaceBack("WWW-Authenticate", "Bearer realm=\"keyward\"");
    return r;
}

QByteArray reasonPhrase(int status)
{
    switch (status) {
    case 200:
        return "OK";
    case 201:
        return "Created";
    case 202:
        return "Accepted";
    case 204:
        return "No Content";
    case 304:
        return "Not Modified";
    case 400:
        return "Bad Request";
    case 401:
        return "Unauthorized";
    case 403:
        return "Forbidden";
    case 404:
        return "Not Found";
    case 405:
        return "Method Not Allowed";
    case 408:
        return "Request Timeout";
    case 409:
        return "Conflict";
    case 411:
        return "Length Required";
    case 412:
        return "Precondition Failed";
    case 413:
        return "Content Too Large";
    case 415:
        return "Unsupported Media Type";
    case 422:
        return "Unprocessable Content";
    case 428:
        return "Precondition Required";
    case 429:
        return "Too Many Requests";
    case 431:
        return "Request Header Fields Too Large";
    case 500:
        return "Internal Server Error";
    case 501:
        return "Not Implemented";
    case 503:
        return "Service Unavailable";
    default:
        return "Unknown";
    }
}

} // namespace keyward

#pragma once

#include "core/result.h"

#include <QByteArray>
#include <QElapsedTimer>
#include <QHostAddress>
#include <QJsonDocument>
#include <QList>
#include <QPair>
#include <QString>
#include <QUrlQuery>

#include <functional>
#include <optional>

namespace keyward {

class ApiError;

// A request as the pipeline sees it, parsed by its Connection.
struct HttpRequest {
    QByteArray method; // upper case
    QString path;      // decoded
    QUrlQuery query;
    QByteArray rawQuery;                          // as sent: form-encoded parameters ('+' a space) are read from it
    QList<QPair<QByteArray, QByteArray>> headers; // names lower-cased
    QByteArray body;
    QHostAddress peer;   // the socket's other end
    QString peerText;    // written out, once per connection
    QHostAddress client; // the real client: `peer`, or what trusted proxies say it is
    bool keepAlive = true;
    bool http11 = true; // false for HTTP/1.0, which knows no chunked bodies

    QString requestId;
    QString traceId;
    QString route; // matched route template, for logs and metrics
    QElapsedTimer started;
    // Added to the response: rate-limit state, CORS (decided with the settings the request was read with).
    QList<QPair<QByteArray, QByteArray>> responseHeaders;

    QByteArray header(QByteArrayView name) const; // first value, or empty
    QByteArrayList headerValues(QByteArrayView name) const;
    QString queryValue(const QString &name) const { return query.queryItemValue(name, QUrl::FullyDecoded); }
};

struct HttpResponse {
    int status = 200;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;
    bool closeConnection = false;
    QString problemType; // the slug of a problem response ("forbidden", ...), for the audit of refusals
    // A body too large to hold: `body` is its first part and `stream` gives the next ones, called
    // on the connection's thread as the client takes them; an empty part ends the body, nullopt
    // breaks the connection off (the status line is long gone). Sent chunked.
    std::function<std::optional<QByteArray>()> stream;

    void setHeader(const QByteArray &name, const QByteArray &value);
    QByteArray header(QByteArrayView name) const;

    // A body made a part at a time as the client takes it: `next` answers the next part, empty once
    // the body is complete. The first part is asked for at once, so that its error (a refused
    // permission, the database) is still a problem response; a later one breaks the body off.
    using NextPart = std::function<Result<QByteArray>()>;
    static Result<HttpResponse> chunked(NextPart next);

    static HttpResponse json(int status, const QJsonDocument &doc);
    static HttpResponse json(int status, const QJsonObject &object) { return json(status, QJsonDocument(object)); }
    // A body already written as JSON (JsonWriter).
    static HttpResponse json(int status, QByteArray json);
    static HttpResponse noContent();
    // RFC 9457 problem+json for `error`, answering `request`.
    static HttpResponse problem(const ApiError &error, const HttpRequest &request);
};

QByteArray reasonPhrase(int status);

} // namespace keyward

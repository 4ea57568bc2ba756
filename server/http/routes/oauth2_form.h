#pragma once

#include "core/result.h"
#include "http/http_message.h"

#include <QHash>

// The parameters of the OAuth endpoints: a form body (RFC 6749 §3.2) or, for the authorization
// and logout endpoints, the query too; errors in the protocol's own form.
namespace keyward::routes {

using Form = QHash<QString, QString>;

// One form-encoded value: '+' is a space, then percent-decoding.
QString formDecoded(QByteArray raw);
// The body's parameters; a parameter sent twice, or a body of another type, is an invalid_request
// error (RFC 6749 §3.1: parameters must not be included more than once).
Result<Form> readForm(const HttpRequest &request);
// The query's parameters, with the same rule.
Result<Form> readQuery(const HttpRequest &request);

} // namespace keyward::routes

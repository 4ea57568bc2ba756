#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QString>
#include <QStringList>

namespace keyward::test {

// Checks real responses against resources/openapi.json: the status must be documented for the
// operation (successes explicitly), the media type must match, and a JSON body must satisfy the
// documented schema. Implements the JSON Schema keywords the document uses; an unknown keyword is
// itself reported, so the checker cannot silently pass a schema it does not understand.
class ApiContract {
public:
    static const ApiContract &instance();

    // Violations of one response, empty when it conforms. A path the document does not describe
    // (a deliberate 404 probe, say) has no contract to break.
    QStringList check(const QByteArray &method, const QString &pathAndQuery, int status, const QByteArray &contentType,
                      const QByteArray &body) const;

    // Violations of `value` against `schema` (a JSON Schema object of the document), at `where`.
    QStringList validate(const QJsonValue &value, const QJsonObject &schema, const QString &where) const;

private:
    ApiContract();
    QJsonObject resolve(QJsonObject object) const;

    QJsonObject m_doc;
};

} // namespace keyward::test

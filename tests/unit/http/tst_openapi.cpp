// The served OpenAPI document and the registered routes must describe the same API: every route
// documented, every documented operation registered, with matching credentials and bodies.
#include "http/http_server.h"
#include "http/router.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QTest>

using namespace keyward;

namespace {

QJsonObject loadDocument()
{
    QFile file(QStringLiteral(":/openapi.json"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    return QJsonDocument::fromJson(file.readAll()).object();
}

QString key(const QByteArray &method, const QString &path)
{
    return QString::fromLatin1(method) + QLatin1Char(' ') + path;
}

const QStringList HttpMethods{QStringLiteral("get"), QStringLiteral("put"), QStringLiteral("post"),
                              QStringLiteral("patch"), QStringLiteral("delete")};

// "METHOD /path" → operation object, for every operation in the document.
QHash<QString, QJsonObject> documentedOperations(const QJsonObject &doc)
{
    QHash<QString, QJsonObject> out;
    const QJsonObject paths = doc.value(QStringLiteral("paths")).toObject();
    for (auto it = paths.begin(); it != paths.end(); ++it) {
        const QJsonObject item = it.value().toObject();
        for (const QString &method : HttpMethods)
            if (item.contains(method))
                out.insert(key(method.toUpper().toLatin1(), it.key()), item.value(method).toObject());
    }
    return out;
}

// The security scheme names an operation accepts; "" stands for "anonymous allowed".
QSet<QString> acceptedSchemes(const QJsonObject &doc, const QJsonObject &operation)
{
    const QJsonArray requirements = operation.contains(QStringLiteral("security"))
                                        ? operation.value(QStringLiteral("security")).toArray()
                                        : doc.value(QStringLiteral("security")).toArray();
    QSet<QString> schemes;
    for (const QJsonValue &r : requirements) {
        const QStringList names = r.toObject().keys();
        if (names.isEmpty())
            schemes.insert(QString());
        for (const QString &n : names)
            schemes.insert(n);
    }
    return schemes;
}

QSet<QString> expectedSchemes(const RouteOptions &o)
{
    using Access = RouteOptions::Access;
    if (o.access == Access::Public)
        return {};
    QSet<QString> schemes{QStringLiteral("bearerAuth")};
    if (!o.sessionOnly)
        schemes.insert(QStringLiteral("apiKeyAuth"));
    if (o.access == Access::Optional)
        schemes.insert(QString());
    return schemes;
}

QString describe(const QSet<QString> &schemes)
{
    QStringList list(schemes.begin(), schemes.end());
    list.sort();
    return QLatin1Char('[') + list.join(QStringLiteral(", ")) + QLatin1Char(']');
}

} // namespace

class TstOpenApi : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        m_doc = loadDocument();
        QVERIFY2(!m_doc.isEmpty(), "resources/openapi.json is missing or not a JSON object");
        QCOMPARE(m_doc.value(QStringLiteral("openapi")).toString().left(4), QStringLiteral("3.1."));
    }

    void everyRouteIsDocumented()
    {
        const QHash<QString, QJsonObject> documented = documentedOperations(m_doc);
        QStringList missing;
        for (const Route &route : m_router.routes())
            if (!documented.contains(key(route.method, route.pattern)))
                missing << key(route.method, route.pattern);
        QVERIFY2(missing.isEmpty(),
                 qPrintable(QStringLiteral("routes missing from openapi.json: ") + missing.join(QStringLiteral(", "))));
    }

    void everyDocumentedOperationIsServed()
    {
        QSet<QString> registered;
        for (const Route &route : m_router.routes())
            registered.insert(key(route.method, route.pattern));
        QStringList phantom;
        for (const QString &operation : documentedOperations(m_doc).keys())
            if (!registered.contains(operation))
                phantom << operation;
        phantom.sort();
        QVERIFY2(phantom.isEmpty(),
                 qPrintable(QStringLiteral("documented but not registered: ") + phantom.join(QStringLiteral(", "))));
    }

    void credentialsMatchAccess()
    {
        for (const auto &[route, operation] : documentedRoutes()) {
            const QString name = key(route->method, route->pattern);
            const QSet<QString> actual = acceptedSchemes(m_doc, operation);
            const QSet<QString> expected = expectedSchemes(route->options);
            QVERIFY2(actual == expected, qPrintable(name + QStringLiteral(": documented ") + describe(actual) +
                                                    QStringLiteral(", served ") + describe(expected)));
        }
    }

    void requestBodiesMatch()
    {
        for (const auto &[route, operation] : documentedRoutes()) {
            const QString name = key(route->method, route->pattern);
            const QJsonObject body = operation.value(QStringLiteral("requestBody")).toObject();
            const bool takesForm = route->options.body == RouteOptions::Body::Form;
            const bool takesJson = route->options.body != RouteOptions::Body::None && !takesForm;
            QVERIFY2(body.isEmpty() != (takesJson || takesForm),
                     qPrintable(name + (takesJson || takesForm ? QStringLiteral(": body undocumented")
                                                               : QStringLiteral(": takes no body"))));
            if (takesForm)
                QVERIFY2(body.value(QStringLiteral("content"))
                             .toObject()
                             .contains(QStringLiteral("application/x-www-form-urlencoded")),
                         qPrintable(name));
            if (takesJson) {
                const bool required = route->options.body != RouteOptions::Body::OptionalJsonObject;
                QVERIFY2(body.value(QStringLiteral("required")).toBool() == required,
                         qPrintable(name + (required ? QStringLiteral(": body must be required")
                                                     : QStringLiteral(": body is optional"))));
                QVERIFY2(body.value(QStringLiteral("content")).toObject().contains(QStringLiteral("application/json")),
                         qPrintable(name));
            }
        }
    }

    // Every operation names its problems: a client must be able to look up what a status means.
    void everyOperationDocumentsErrors()
    {
        for (const auto &[name, operation] : documentedOperations(m_doc).asKeyValueRange()) {
            const QJsonObject responses = operation.value(QStringLiteral("responses")).toObject();
            QVERIFY2(responses.contains(QStringLiteral("default")), qPrintable(name));
            QVERIFY2(!operation.value(QStringLiteral("operationId")).toString().isEmpty(), qPrintable(name));
        }
    }

private:
    // Each registered route with its documented operation; undocumented ones are left to
    // everyRouteIsDocumented().
    QList<std::pair<const Route *, QJsonObject>> documentedRoutes() const
    {
        const QHash<QString, QJsonObject> documented = documentedOperations(m_doc);
        QList<std::pair<const Route *, QJsonObject>> out;
        for (const Route &route : m_router.routes())
            if (const QString name = key(route.method, route.pattern); documented.contains(name))
                out.append({&route, documented.value(name)});
        return out;
    }

    QJsonObject m_doc;
    const Router m_router = HttpServer::buildRouter();
};

QTEST_GUILESS_MAIN(TstOpenApi)
#include "tst_openapi.moc"

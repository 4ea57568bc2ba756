// The API's own description over the network: the OpenAPI document served byte for byte, and the
// /docs page rendered from it in a real headless Chromium.
#include "test_server.h"
#include "web_tools.h"

#include <QFile>
#include <QJsonObject>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

namespace {

QByteArray sourceDocument()
{
    QFile file(QStringLiteral(KEYWARD_SOURCE_DIR "/resources/openapi.json"));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

int operationCount(const QByteArray &document)
{
    int count = 0;
    const QJsonObject paths = QJsonDocument::fromJson(document).object().value(QStringLiteral("paths")).toObject();
    for (const QJsonValue &item : paths)
        count += static_cast<int>(item.toObject().size());
    return count;
}

} // namespace

class TstDocs : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void openapiIsServedAsIs()
    {
        TestServer s;
        QVERIFY2(s.ok(), qPrintable(s.error()));
        const Reply r = s.get(QStringLiteral("/api/v1/openapi.json"));
        QCOMPARE(r.status, 200);
        QCOMPARE(r.body, sourceDocument());
        QVERIFY(r.header("Content-Type").startsWith("application/json"));
        const QByteArray etag = r.header("ETag");
        QVERIFY(etag.startsWith('"'));

        // A client holding the current version gets an empty 304.
        const Reply again = s.request("GET", QStringLiteral("/api/v1/openapi.json"), {}, {}, {{"If-None-Match", etag}});
        QCOMPARE(again.status, 304);
        QVERIFY(again.body.isEmpty());
        QCOMPARE(again.header("ETag"), etag);
        // A list of tags, weak or not, and "*" match too.
        const Reply listed =
            s.request("GET", QStringLiteral("/api/v1/openapi.json"), {}, {}, {{"If-None-Match", "\"old\", W/" + etag}});
        QCOMPARE(listed.status, 304);
        QCOMPARE(s.request("GET", QStringLiteral("/docs"), {}, {}, {{"If-None-Match", "*"}}).status, 304);
        const Reply stale =
            s.request("GET", QStringLiteral("/api/v1/openapi.json"), {}, {}, {{"If-None-Match", "\"old\""}});
        QCOMPARE(stale.status, 200);
    }

    void docsPageIsSelfContainedUnderStrictCsp()
    {
        TestServer s;
        QVERIFY2(s.ok(), qPrintable(s.error()));
        const Reply r = s.get(QStringLiteral("/docs"));
        QCOMPARE(r.status, 200);
        QVERIFY(r.header("Content-Type").startsWith("text/html"));
        const QByteArray csp = r.header("Content-Security-Policy");
        QVERIFY2(csp.contains("default-src 'none'") && csp.contains("script-src 'sha256-") &&
                     csp.contains("style-src 'sha256-") && !csp.contains("unsafe-inline") && !csp.contains("http"),
                 csp.constData());
        QCOMPARE(r.header("X-Frame-Options"), QByteArray("DENY"));
        // Nothing is loaded from elsewhere: no external script, stylesheet or font.
        QVERIFY(!r.body.contains("src=\"") && !r.body.contains("href=\"http") && !r.body.contains("url("));
        QVERIFY(!r.body.contains("{{"));
    }

    // Debian's Chromium loads the page: no console error, the login operation listed with its fields.
    void docsPageRendersInChromium()
    {
        QVERIFY2(webToolInstalled(QStringLiteral("playwright-core")),
                 "run `npm ci --prefix tests/web` first (tests/run.sh does)");
        TestServer s;
        QVERIFY2(s.ok(), qPrintable(s.error()));
        const WebToolRun run =
            runWebTool(QStringLiteral("docs_page.mjs"), s.url(QStringLiteral("/")).toString(),
                       {{QStringLiteral("EXPECTED_OPERATIONS"), QString::number(operationCount(sourceDocument()))}});
        QVERIFY2(run.passed, run.output.constData());
        QVERIFY2(run.output.contains("0 console problems"), run.output.constData());
    }
};

QTEST_GUILESS_MAIN(TstDocs)
#include "tst_docs.moc"

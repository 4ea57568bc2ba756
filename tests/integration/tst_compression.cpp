// Responses gzipped for clients that accept it: a document, a JSON list, a streamed export, over
// the network and checked by inflating them with zlib; and left alone where it does not pay.
#include "http/compression.h"
#include "http/http_message.h"
#include "test_server.h"

#include <QTest>

#include <zlib.h>

using namespace keyward;
using namespace keyward::test;

namespace {

// The body a gzip stream holds, or nullopt when it is not one whole gzip stream.
std::optional<QByteArray> gunzip(const QByteArray &gzipped)
{
    z_stream s{};
    if (inflateInit2(&s, 15 + 16) != Z_OK)
        return std::nullopt;
    s.next_in = reinterpret_cast<Bytef *>(const_cast<char *>(gzipped.constData()));
    s.avail_in = static_cast<uInt>(gzipped.size());
    QByteArray out;
    int status = Z_OK;
    while (status == Z_OK) {
        char buffer[65536];
        s.next_out = reinterpret_cast<Bytef *>(buffer);
        s.avail_out = sizeof buffer;
        status = inflate(&s, Z_NO_FLUSH);
        out.append(buffer, qsizetype(sizeof buffer - s.avail_out));
    }
    const bool whole = status == Z_STREAM_END && s.avail_in == 0;
    inflateEnd(&s);
    return whole ? std::optional<QByteArray>(out) : std::nullopt;
}

} // namespace

class TstCompression : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void acceptEncodingIsRead()
    {
        QVERIFY(acceptsGzip("gzip"));
        QVERIFY(acceptsGzip("br, gzip;q=0.5, deflate"));
        QVERIFY(acceptsGzip("*"));
        QVERIFY(acceptsGzip("X-GZIP"));
        QVERIFY(!acceptsGzip(""));
        QVERIFY(!acceptsGzip("identity"));
        QVERIFY(!acceptsGzip("gzip;q=0"));
        QVERIFY(!acceptsGzip("gzip;q=0.0, *")); // refused by name, whatever the wildcard says
        QVERIFY(!acceptsGzip("*;q=0"));
        QVERIFY(!acceptsGzip("br, deflate"));
    }

    void gzippedWhereItPays()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        for (int i = 0; i < 40; ++i)
            s.createUser(QStringLiteral("zed%1").arg(i), QStringLiteral("zed secret password %1").arg(i), {});
        const QList<QPair<QByteArray, QByteArray>> gzip{{"Accept-Encoding", "gzip"}};
        const QList<QPair<QByteArray, QByteArray>> identity{{"Accept-Encoding", "identity"}};

        // A document and a list, whole.
        for (const QString &path : {QStringLiteral("/api/v1/openapi.json"), QStringLiteral("/api/v1/users?limit=40")}) {
            const Reply plain = s.request("GET", path, {}, admin, identity);
            const Reply packed = s.request("GET", path, {}, admin, gzip);
            QCOMPARE(plain.status, 200);
            QCOMPARE(packed.status, 200);
            QVERIFY(plain.header("Content-Encoding").isEmpty());
            QCOMPARE(packed.header("Content-Encoding"), QByteArray("gzip"));
            QVERIFY(packed.header("Vary").contains("Accept-Encoding"));
            QVERIFY(plain.header("Vary").contains("Accept-Encoding"));
            const auto inflated = gunzip(packed.body);
            QVERIFY2(inflated, qPrintable(path));
            if (path.contains(QLatin1String("openapi")))
                QCOMPARE(*inflated, plain.body);
            else
                QCOMPARE(QJsonDocument::fromJson(*inflated)[QStringLiteral("total")], QJsonValue(41));
            QVERIFY2(packed.body.size() * 3 < plain.body.size(),
                     qPrintable(QStringLiteral("%1 of %2 bytes").arg(packed.body.size()).arg(plain.body.size())));
        }

        // A streamed export, part by part: one gzip stream that holds the whole CSV.
        const Reply plainCsv = s.request("GET", QStringLiteral("/api/v1/users/export?format=csv"), {}, admin, identity);
        const Reply packedCsv = s.request("GET", QStringLiteral("/api/v1/users/export?format=csv"), {}, admin, gzip);
        QCOMPARE(packedCsv.header("Content-Encoding"), QByteArray("gzip"));
        const auto csv = gunzip(packedCsv.body);
        QVERIFY(csv);
        QCOMPARE(*csv, plainCsv.body);
        QCOMPARE(csv->count('\n'), 42); // the heading and 41 users

        // What POST answers stays as it is: logins and new keys carry secrets (BREACH).
        const Reply login =
            s.request("POST", QStringLiteral("/api/v1/auth/login"),
                      QJsonDocument(QJsonObject{{QStringLiteral("login"), QStringLiteral("zed1")},
                                                {QStringLiteral("password"), QStringLiteral("zed secret password 1")}}),
                      {}, gzip);
        QCOMPARE(login.status, 200);
        QVERIFY(login.body.size() >= MinCompressedBytes);
        QVERIFY(login.header("Content-Encoding").isEmpty());

        // Small answers stay as they are.
        const Reply live = s.request("GET", QStringLiteral("/health/live"), {}, {}, gzip);
        QVERIFY(live.header("Content-Encoding").isEmpty());
        QCOMPARE(live.status, 200);
    }
};

QTEST_GUILESS_MAIN(TstCompression)
#include "tst_compression.moc"

// The request parser on its own, with no socket: however the bytes are split, the same requests
// come out; paths are decoded one way or refused; Connection is read as a token list.
#include "http/request_reader.h"

#include <QTest>

using namespace keyward;

namespace {

struct Parsed {
    QList<HttpRequest> requests;
    std::optional<int> refusal;
};

Parsed parse(const QList<QByteArray> &reads)
{
    RequestReader reader({1 << 20, 64 << 10}, QHostAddress::LocalHost);
    Parsed parsed;
    for (const QByteArray &bytes : reads) {
        QByteArrayView data(bytes);
        while (!data.isEmpty() && !parsed.refusal) {
            switch (reader.read(data)) {
            case RequestReader::Outcome::Request:
                parsed.requests << reader.takeRequest();
                break;
            case RequestReader::Outcome::Refused:
                parsed.refusal = reader.refusal().status();
                break;
            case RequestReader::Outcome::NeedMore:
                break;
            }
        }
    }
    return parsed;
}

HttpRequest one(const QByteArray &head)
{
    const Parsed p = parse({head});
    if (p.refusal || p.requests.size() != 1)
        return {};
    return p.requests.first();
}

std::optional<int> refusalOf(const QByteArray &head)
{
    return parse({head}).refusal;
}

} // namespace

class TstRequestReader : public QObject {
    Q_OBJECT
private Q_SLOTS:
    // Three pipelined requests, one with a body, cut at every position into two reads, and fed
    // a byte at a time: always the same three requests.
    void everySplitReadsTheSame()
    {
        const QByteArray stream = "\r\nGET /a?x=1 HTTP/1.1\r\nHost: h\r\n\r\n"
                                  "POST /b HTTP/1.1\r\nHost: h\r\nContent-Length: 5\r\n\r\nhello"
                                  "\r\nGET /c HTTP/1.1\r\nHost: h\r\nConnection: close\r\n\r\n";
        const auto check = [](const Parsed &p, const QString &how) {
            QVERIFY2(!p.refusal, qPrintable(how));
            QCOMPARE(p.requests.size(), 3);
            QCOMPARE(p.requests[0].path, QStringLiteral("/a"));
            QCOMPARE(p.requests[0].queryValue(QStringLiteral("x")), QStringLiteral("1"));
            QCOMPARE(p.requests[1].body, QByteArray("hello"));
            QCOMPARE(p.requests[2].path, QStringLiteral("/c"));
            QVERIFY(p.requests[1].keepAlive);
            QVERIFY(!p.requests[2].keepAlive);
        };
        for (qsizetype cut = 0; cut <= stream.size(); ++cut)
            check(parse({stream.left(cut), stream.mid(cut)}), QStringLiteral("cut at %1").arg(cut));
        QList<QByteArray> bytes;
        for (const char c : stream)
            bytes << QByteArray(1, c);
        check(parse(bytes), QStringLiteral("byte by byte"));
    }

    void pathsAreDecodedOnce()
    {
        QCOMPARE(one("GET /api/v1/users/a%20b HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/api/v1/users/a b"));
        QCOMPARE(one("GET /%C3%A9t%C3%A9 HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/été"));
        QCOMPARE(one("GET /a%2525 HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/a%25"));
        QCOMPARE(one("GET / HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/"));
        QCOMPARE(one("GET /a/ HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/a/"));
        QCOMPARE(one("GET /a?b=%2F HTTP/1.1\r\nHost: h\r\n\r\n").queryValue(QStringLiteral("b")), QStringLiteral("/"));
        // Absolute-form: the path after the authority, read the same way.
        QCOMPARE(one("GET http://h:80/a%20b?c=d HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/a b"));
        QCOMPARE(one("GET https://h?c=d HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("/"));
        QCOMPARE(one("GET https://h?c=d HTTP/1.1\r\nHost: h\r\n\r\n").queryValue(QStringLiteral("c")),
                 QStringLiteral("d"));
        QCOMPARE(one("OPTIONS * HTTP/1.1\r\nHost: h\r\n\r\n").path, QStringLiteral("*"));
    }

    void ambiguousPathsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("target");
        for (const char *target : {"//a",       "/a//b",       "/a/./b",           "/a/../b", "/.",
                                   "/..",       "/a/%2e/b",    "/a/%2E%2e/b",      "/a%2fb",  "/a%5Cb",
                                   "/a\\b",     "/a%00",       "/a%0d%0a",         "/a%7F",   "/a%",
                                   "/a%4",      "/a%zz",       "/a%C3%28",         "/a%FF",   "/a#b",
                                   "http:///a", "http://h//a", "https://h/a/../b", "*?x"})
            QTest::newRow(target) << QByteArray(target);
    }
    void ambiguousPathsAreRefused()
    {
        QFETCH(QByteArray, target);
        QCOMPARE(refusalOf("GET " + target + " HTTP/1.1\r\nHost: h\r\n\r\n"), std::optional<int>(400));
    }

    void methodsKeywardDoesNotAnswerAreRefused()
    {
        for (const QByteArray method : {"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
            QCOMPARE(one(method + " /a HTTP/1.1\r\nHost: h\r\n\r\n").method, method);
        for (const QByteArray method : {"BREW", "get", "TRACE", "CONNECT", "PROPFIND"})
            QCOMPARE(refusalOf(method + " /a HTTP/1.1\r\nHost: h\r\n\r\n"), std::optional<int>(405));
    }

    void connectionIsATokenList_data()
    {
        QTest::addColumn<QByteArray>("head");
        QTest::addColumn<bool>("keepAlive");
        QTest::newRow("1.1") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\n") << true;
        QTest::newRow("1.1 close") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: Close\r\n") << false;
        QTest::newRow("1.1 list") << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: keep-alive , close\r\n")
                                  << false;
        QTest::newRow("1.1 two lines")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: close\r\nConnection: keep-alive\r\n") << false;
        QTest::newRow("1.1 closed is not close")
            << QByteArray("GET / HTTP/1.1\r\nHost: h\r\nConnection: x-closed\r\n") << true;
        QTest::newRow("1.0") << QByteArray("GET / HTTP/1.0\r\n") << false;
        QTest::newRow("1.0 keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: Keep-Alive\r\n") << true;
        QTest::newRow("1.0 not-keep-alive") << QByteArray("GET / HTTP/1.0\r\nConnection: not-keep-alive\r\n") << false;
    }
    void connectionIsATokenList()
    {
        QFETCH(QByteArray, head);
        QFETCH(bool, keepAlive);
        const Parsed p = parse({head + "\r\n"});
        QCOMPARE(p.requests.size(), 1);
        QCOMPARE(p.requests[0].keepAlive, keepAlive);
        QCOMPARE(p.requests[0].http11, head.contains("HTTP/1.1"));
    }

    void singleValuedHeadersAppearOnce()
    {
        for (const QByteArray name :
             {"Authorization", "X-API-Key", "Content-Type", "Origin", "If-Match", "Expect", "User-Agent"})
            QCOMPARE(refusalOf("GET / HTTP/1.1\r\nHost: h\r\n" + name + ": a\r\n" + name.toUpper() + ": b\r\n\r\n"),
                     std::optional<int>(400));
        // Headers that are lists may repeat.
        const HttpRequest r = one("GET / HTTP/1.1\r\nHost: h\r\nX-Forwarded-For: a\r\nX-Forwarded-For: b\r\n\r\n");
        QCOMPARE(r.headerValues("x-forwarded-for").size(), 2);
    }

    // If-None-Match is a list (RFC 9110 section 13.1.2): split over lines, it is read whole.
    void conditionalHeadersAreJoined()
    {
        const HttpRequest r =
            one("GET / HTTP/1.1\r\nHost: h\r\nIf-None-Match: \"1\"\r\nIf-Match: \"7\"\r\nif-none-match: \"2\"\r\n\r\n");
        QCOMPARE(r.headerValues("if-none-match"), QByteArrayList{"\"1\", \"2\""});
        QCOMPARE(r.header("if-match"), QByteArray("\"7\""));
    }

    // W3C Trace Context: two traceparent headers are none; the request starts a trace of its own.
    void twoTraceContextsAreNone()
    {
        const QByteArray trace = "traceparent: 00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01\r\n";
        QCOMPARE(one("GET / HTTP/1.1\r\nHost: h\r\n" + trace + "\r\n").headerValues("traceparent").size(), 1);
        const HttpRequest r = one("GET / HTTP/1.1\r\nHost: h\r\n" + trace + trace + trace + "\r\n");
        QVERIFY(r.method == "GET");
        QVERIFY(r.headerValues("traceparent").isEmpty());
    }

    // Only an HTTP/1.1 client is owed "100 Continue".
    void expectContinueIsForHttp11()
    {
        for (const QByteArray version : {"HTTP/1.1", "HTTP/1.0"}) {
            RequestReader reader({1 << 20, 64 << 10}, QHostAddress::LocalHost);
            const QByteArray bytes =
                "POST / " + version + "\r\nHost: h\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n";
            QByteArrayView head(bytes);
            QCOMPARE(reader.read(head), RequestReader::Outcome::NeedMore);
            QCOMPARE(reader.takeExpectContinue(), version == "HTTP/1.1");
        }
    }
};

QTEST_GUILESS_MAIN(TstRequestReader)
#include "tst_request_reader.moc"

// The connection's guarantees over a real socket to a real server: framing (limits before
// buffering, strict heads, keep-alive, HTTP/1.0), pipelining in order, back-pressure on clients that
// do not read, refusals in their turn, 100-continue, and the idle timeout whatever the client sends.
#include "observe/keyward_metrics.h"
#include "raw_http.h"
#include "services/services.h"
#include "test_server.h"

#include <QElapsedTimer>
#include <QJsonDocument>
#include <QNetworkReply>
#include <QProcess>
#include <QSignalSpy>
#include <QSslCertificate>
#include <QSslSocket>
#include <QTcpSocket>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;
using namespace keyward::test;

class TstConnection : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void bodyLimitBeforeReadingTheBody()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        // Announce 50 MB and send none of it: the answer must come from the headers alone.
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Content-Length: 50000000\r\n\r\n");
        const auto responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 413);
        QVERIFY(responses[0].contains("payload-too-large"));
        QVERIFY(responses[0].contains("Connection: close"));
        QVERIFY(responses[0].contains("X-Request-ID: "));
        QVERIFY(responses[0].contains("X-Content-Type-Options: nosniff"));
        QVERIFY(waitClosed(socket, 5000));
    }

    void headerLimit()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\nX-Big: " + QByteArray(70 * 1024, 'a') + "\r\n\r\n");
        const auto responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 431);
    }

    void chunkedBodiesNeedALength()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write(
            "POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        const auto responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 411);
    }

    void badContentLength()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("POST /api/v1/auth/login HTTP/1.1\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\nhello!");
        const auto responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 400);
    }

    void keepAliveAndHead()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        auto first = readResponses(socket, 1);
        QCOMPARE(first.size(), 1);
        QCOMPARE(statusOf(first[0]), 200);
        socket.write("HEAD /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.waitForReadyRead(5000);
        QTest::qWait(200);
        const QByteArray head = socket.readAll();
        QVERIFY(head.startsWith("HTTP/1.1 200"));
        QVERIFY(head.endsWith("\r\n\r\n")); // no body after the headers
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        // HTTP/1.0 without keep-alive is closed after its response.
        socket.write("GET /health/live HTTP/1.0\r\n\r\n");
        QCOMPARE(readResponses(socket, 1).size(), 1);
        QVERIFY(waitClosed(socket, 5000));
    }

    // HTTP/1.0 asks to be kept open explicitly, and is told it is.
    void http10KeepAlive()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("GET /health/live HTTP/1.0\r\nConnection: Keep-Alive\r\n\r\n");
        const auto kept = readResponses(socket, 1);
        QCOMPARE(kept.size(), 1);
        QVERIFY(kept[0].contains("\r\nConnection: keep-alive\r\n"));
        QTest::qWait(100);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
        socket.write("GET /health/live HTTP/1.0\r\n\r\n");
        QCOMPARE(readResponses(socket, 1).size(), 1);
        QVERIFY(waitClosed(socket, 5000));
    }

    // A streamed body (the user export) cannot be chunked for HTTP/1.0: it runs to the close.
    void streamedBodyToHttp10()
    {
        TestServer s;
        const QByteArray admin = s.adminToken();
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("GET /api/v1/users/export HTTP/1.0\r\nAuthorization: Bearer " + admin + "\r\n\r\n");
        QByteArray answer;
        QElapsedTimer t;
        t.start();
        while (socket.state() == QAbstractSocket::ConnectedState && t.elapsed() < 10000) {
            socket.waitForReadyRead(50);
            answer += socket.readAll();
        }
        answer += socket.readAll();
        QVERIFY(socket.state() != QAbstractSocket::ConnectedState);
        const qsizetype end = answer.indexOf("\r\n\r\n");
        QVERIFY2(answer.startsWith("HTTP/1.1 200 "), answer.left(200).constData());
        QVERIFY(!answer.left(end).toLower().contains("transfer-encoding"));
        QVERIFY(answer.left(end).contains("Connection: close"));
        QJsonParseError error;
        (void)QJsonDocument::fromJson(answer.mid(end + 4), &error);
        QCOMPARE(error.error, QJsonParseError::NoError);
        QVERIFY(answer.mid(end + 4).contains("\"admin\""));
    }

    // An HTTP/1.0 client's Expect is ignored (RFC 9110 section 10.1.1): it gets no 1xx, only its answer.
    void noInterimAnswerForHttp10()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        const QByteArray body = "{\"password\":\"correct horse battery staple\"}";
        socket.write("POST /api/v1/password/strength HTTP/1.0\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n");
        QVERIFY(readResponses(socket, 1, 1000).isEmpty());
        socket.write(body);
        const auto answer = readResponses(socket, 1);
        QCOMPARE(answer.size(), 1);
        QCOMPARE(statusOf(answer[0]), 200);
    }

    // A method Keyward does not know is a 405 that says which it does (RFC 9110 section 15.5.6), and
    // OPTIONS * asks the server as a whole.
    void unknownMethodsAndTheServerWideOptions()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("PROPFIND /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto refused = readResponses(socket, 1);
        QCOMPARE(statusOf(refused.value(0)), 405);
        QVERIFY(refused[0].contains("\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n"));
        QTcpSocket options;
        connectTo(options, s);
        options.write("OPTIONS * HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto answer = readResponses(options, 1);
        QCOMPARE(statusOf(answer.value(0)), 204);
        QVERIFY(answer[0].contains("\r\nAllow: GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS\r\n"));
    }

    // "Connection" is a list of tokens: "close" among them ends the requests, and nothing
    // pipelined after it is answered; a token that merely contains "close" does not.
    void connectionCloseEndsTheRequests()
    {
        TestServer s;
        const QByteArray next = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
        for (const QByteArray option : {"close", "keep-alive, Close", "TE,close"}) {
            QTcpSocket socket;
            connectTo(socket, s);
            socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: " + option + "\r\n\r\n" + next + next);
            const auto responses = readResponses(socket, 3, 2000);
            QCOMPARE(responses.size(), 1);
            QVERIFY(responses[0].contains("\r\nConnection: close\r\n"));
            QVERIFY(waitClosed(socket, 5000));
        }
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\nConnection: x-closed\r\n\r\n" + next);
        QCOMPARE(readResponses(socket, 2).size(), 2);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    // The empty line allowed before a request may arrive split, its CR in one read, its LF in the next.
    void emptyLineSplitAcrossReads()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write("\r");
        socket.flush();
        QTest::qWait(100);
        socket.write("\nGET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        QCOMPARE(statusOf(readResponses(socket, 1).value(0)), 200);
    }

    // A stream refused midway is answered in its turn: the requests before it get their
    // responses, then the refusal, then the connection closes.
    void aRefusalWaitsForTheRequestsAheadOfIt()
    {
        TestServer s;
        s.createUser(QStringLiteral("kim"), QStringLiteral("kim secret pw"), {});
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write(loginRequest("kim", "kim secret pw") + "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n" +
                     "GET /health/live HTTP/1.1\nHost: x\n\n");
        const auto responses = readResponses(socket, 4, 5000);
        QCOMPARE(responses.size(), 3);
        QVERIFY(responses[0].contains("access_token"));
        QCOMPARE(statusOf(responses[1]), 200);
        QCOMPARE(statusOf(responses[2]), 400);
        QVERIFY(waitClosed(socket, 5000));
    }

    // A client that waits for "100 Continue" behind a request still being worked on gets it once
    // that request is answered (never before its final response).
    void goAheadAfterTheRequestsAheadOfIt()
    {
        TestServer s;
        s.createUser(QStringLiteral("kim"), QStringLiteral("kim secret pw"), {});
        QTcpSocket socket;
        connectTo(socket, s);
        const QByteArray body = "{\"password\":\"correct horse battery staple\"}";
        socket.write(loginRequest("kim", "kim secret pw") +
                     "POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     "Expect: 100-continue\r\nContent-Length: " +
                     QByteArray::number(body.size()) + "\r\n\r\n");
        const auto first = readResponses(socket, 2, 5000);
        QCOMPARE(first.size(), 2);
        QVERIFY(first[0].contains("access_token"));
        QCOMPARE(statusOf(first[1]), 100);
        socket.write(body);
        QCOMPARE(statusOf(readResponses(socket, 1).value(0)), 200);
    }

    // Large bodies pipelined past what is parsed ahead (16 requests, 2 MiB) wait in the socket and
    // are all answered, in order.
    void largePipelinedBodiesAreAllAnswered()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        const QByteArray body = "{\"password\":\"" + QByteArray(300 << 10, 'a') + "\"}";
        for (int i = 0; i < 12; ++i)
            socket.write("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                         "Content-Length: " +
                         QByteArray::number(body.size()) + "\r\n\r\n" + body);
        socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto responses = readResponses(socket, 13, 20000);
        QCOMPARE(responses.size(), 13);
        for (int i = 0; i < 12; ++i)
            QCOMPARE(statusOf(responses[i]), 422);
        QCOMPARE(statusOf(responses[12]), 200);
    }

    // A client that sends requests and does not read the answers is not answered ahead without
    // bound: past a high-water mark of unsent bytes, Keyward waits. Once it reads, everything
    // comes, in order.
    void aClientThatDoesNotReadIsNotAnsweredAhead()
    {
        TestServer s;
        QTcpSocket socket;
        socket.setReadBufferSize(4096); // Qt stops reading the kernel's buffer: the window closes
        connectTo(socket, s);
        constexpr int Requests = 300; // about 55 MB of responses
        for (int i = 0; i < Requests; ++i)
            socket.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        QTest::qWait(1500);
        Counter &answered = s.services().metrics().httpRequests.with(
            {QStringLiteral("GET"), QStringLiteral("/api/v1/openapi.json"), QStringLiteral("200")});
        QVERIFY2(answered.value() < Requests / 2, qPrintable(QString::number(answered.value())));
        socket.setReadBufferSize(0);
        const auto responses = readResponses(socket, Requests, 60000);
        QCOMPARE(responses.size(), Requests);
        QVERIFY(
            std::all_of(responses.begin(), responses.end(), [](const QByteArray &r) { return statusOf(r) == 200; }));
        // Each whole and unmixed, though parts went straight to the kernel and parts waited in Qt.
        const auto body = [](const QByteArray &r) { return r.mid(r.indexOf("\r\n\r\n") + 4); };
        QVERIFY(std::all_of(responses.begin(), responses.end(),
                            [&](const QByteArray &r) { return body(r) == body(responses.front()); }));
        QVERIFY(QJsonDocument::fromJson(body(responses.front())).isObject());
    }

    // The same over TLS, where Qt encrypts at once whatever is written: what counts is what the
    // client has not taken, encrypted or not (it once grew without bound).
    void aTlsClientThatDoesNotReadIsNotAnsweredAhead()
    {
        QTemporaryDir dir;
        TestServer::Setup setup;
        setup.tls = selfSignedTls(dir);
        QVERIFY(setup.tls);
        TestServer s(setup);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        QSslSocket socket;
        socket.setReadBufferSize(4096);
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates(QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem"))));
        socket.setSslConfiguration(client);
        socket.connectToHostEncrypted(QStringLiteral("127.0.0.1"), s.port());
        QVERIFY2(socket.waitForEncrypted(10000), qPrintable(socket.errorString()));
        constexpr int Requests = 300;
        for (int i = 0; i < Requests; ++i)
            socket.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        QTest::qWait(1500);
        Counter &answered = s.services().metrics().httpRequests.with(
            {QStringLiteral("GET"), QStringLiteral("/api/v1/openapi.json"), QStringLiteral("200")});
        QVERIFY2(answered.value() < Requests / 2, qPrintable(QString::number(answered.value())));
        socket.setReadBufferSize(0);
        const auto responses = readResponses(socket, Requests, 60000);
        QCOMPARE(responses.size(), Requests);
    }

    // ... and a client that stopped reading altogether is cut off at the idle timeout, not later.
    void aClientThatStopsReadingIsCutOff()
    {
        TestServer::Setup setup;
        setup.limits.idleTimeoutMs = 500;
        TestServer s(setup);
        QTcpSocket socket;
        socket.setReadBufferSize(4096);
        connectTo(socket, s);
        for (int i = 0; i < 300; ++i)
            socket.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        socket.flush();
        QTRY_COMPARE_WITH_TIMEOUT(s.http().openConnections(), 1, 2000);
        QTRY_COMPARE_WITH_TIMEOUT(s.http().openConnections(), 0, 500 + 1500);
    }

    void idleConnectionsAreClosed()
    {
        TestServer::Setup setup;
        setup.limits.idleTimeoutMs = 300;
        TestServer s(setup);
        QTcpSocket idle;
        connectTo(idle, s);
        QVERIFY(waitClosed(idle, 5000));

        // A request started but never finished (slowloris) gets 408 and is closed.
        QTcpSocket slow;
        connectTo(slow, s);
        slow.write("GET /health/live HTTP/1.1\r\nHost: x\r\n");
        const auto responses = readResponses(slow, 1, 5000);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 408);
        QVERIFY(waitClosed(slow, 5000));
    }

    void responsesStayInOrderBehindSlowWork()
    {
        TestServer s;
        s.createUser(QStringLiteral("kim"), QStringLiteral("kim secret pw"), {});
        QTcpSocket socket;
        connectTo(socket, s);
        // The login runs on the hashing pool; the GET that follows on the same connection must
        // not overtake it.
        socket.write(loginRequest("kim", "kim secret pw"));
        socket.flush();
        QTest::qWait(5);
        socket.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto responses = readResponses(socket, 2);
        QCOMPARE(responses.size(), 2);
        QVERIFY(responses[0].contains("access_token"));
        QVERIFY(responses[1].contains("\"status\":\"ok\""));
    }

    // Requests pipelined in one write are each answered, in order, on the same connection.
    void pipelinedRequestsAreAnsweredInOrder()
    {
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        QByteArray burst;
        for (int i = 0; i < 40; ++i) // more than the 16 parsed ahead: the rest wait in the socket
            burst += i % 2 ? "GET /nope HTTP/1.1\r\nHost: x\r\n\r\n" : "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
        socket.write(burst);
        const auto responses = readResponses(socket, 40);
        QCOMPARE(responses.size(), 40);
        for (int i = 0; i < 40; ++i)
            QCOMPARE(statusOf(responses[i]), i % 2 ? 404 : 200);
        QCOMPARE(socket.state(), QAbstractSocket::ConnectedState);
    }

    // Heads that a proxy in front could read otherwise than Keyward are refused and the connection
    // closed: nothing after them is taken for another request.
    void ambiguousHeadsAreRefused_data()
    {
        QTest::addColumn<QByteArray>("request");
        QTest::addColumn<int>("status");
        const QByteArray smuggled = "GET /api/v1/users HTTP/1.1\r\nHost: x\r\n\r\n";
        const QByteArray body = QByteArray("{}") + smuggled;
        const QByteArray length = QByteArray::number(body.size());
        QTest::newRow("obs-fold Content-Length")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                          " Content-Length: " +
                          length + "\r\n\r\n" + body)
            << 400;
        QTest::newRow("space before colon")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Length : " + length +
                          "\r\n\r\n" + body)
            << 400;
        QTest::newRow("tab before colon") << QByteArray("GET /health/live HTTP/1.1\r\nHost\t: x\r\n\r\n") << 400;
        QTest::newRow("bare LF") << QByteArray("GET /health/live HTTP/1.1\nHost: x\n\n") << 400;
        QTest::newRow("bare LF after CRLF") << QByteArray("GET /health/live HTTP/1.1\r\nHost: x\n\r\n") << 400;
        QTest::newRow("bare CR") << QByteArray("GET /health/live HTTP/1.1\rHost: x\r\n\r\n") << 400;
        QTest::newRow("two Content-Length")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Length: 2\r\n"
                          "Content-Length: 2\r\n\r\n{}")
            << 400;
        QTest::newRow("Content-Length list")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Length: 2, 2\r\n\r\n{}")
            << 400;
        QTest::newRow("Content-Length sign")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Length: +2\r\n\r\n{}") << 400;
        QTest::newRow("chunked and length")
            << QByteArray("POST /api/v1/password/strength HTTP/1.1\r\nHost: x\r\nContent-Length: " + length +
                          "\r\nTransfer-Encoding: chunked\r\n\r\n" + body)
            << 411;
        QTest::newRow("no Host") << QByteArray("GET /health/live HTTP/1.1\r\n\r\n") << 400;
        QTest::newRow("two Host") << QByteArray("GET /health/live HTTP/1.1\r\nHost: a\r\nHost: b\r\n\r\n") << 400;
        static constexpr char withNul[] = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-A: a\0b\r\n\r\n";
        QTest::newRow("NUL in a value") << QByteArray(withNul, sizeof withNul - 1) << 400;
        QTest::newRow("double space") << QByteArray("GET  /health/live HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("space in target") << QByteArray("GET /health/ live HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("HTTP/2 line") << QByteArray("GET /health/live HTTP/2.0\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("no version") << QByteArray("GET /health/live\r\nHost: x\r\n\r\n") << 400;
        QTest::newRow("method not a token") << QByteArray("G(T /health/live HTTP/1.1\r\nHost: x\r\n\r\n") << 400;
    }
    void ambiguousHeadsAreRefused()
    {
        QFETCH(QByteArray, request);
        QFETCH(int, status);
        TestServer s;
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write(request);
        const auto responses = readResponses(socket, 2, 3000);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), status);
        QVERIFY(responses[0].contains("application/problem+json"));
        QVERIFY(waitClosed(socket, 5000));
    }

    // However a client behaves after its last complete request (a partial head, a trickle, a bare
    // LF head), it is closed within the idle timeout and a second; the slots come back.
    void everyConnectionEndsWithinTheIdleTimeout()
    {
        TestServer::Setup setup;
        setup.limits.idleTimeoutMs = 1000;
        setup.maxConnectionsPerAddress = 50;
        TestServer s(setup);
        const QByteArray request = "GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n";
        QList<QTcpSocket *> hogs;
        for (int i = 0; i < 50; ++i) {
            auto *hog = new QTcpSocket(this);
            connectTo(*hog, s);
            // A login (answered from the hashing pool, later) and the start of a next request that
            // never finishes: it is already there when the login's response goes out.
            hog->write(loginRequest("nobody" + QByteArray::number(i), "wrong") + "GET / HTTP/1.1\r\nX-Partial: ");
            hogs << hog;
        }
        for (QTcpSocket *hog : std::as_const(hogs))
            QCOMPARE(readResponses(*hog, 1).size(), 1);
        QElapsedTimer sinceLastResponse;
        sinceLastResponse.start();
        QTcpSocket trickle;
        QTcpSocket extra;
        connectTo(extra, s);
        QCOMPARE(statusOf(readResponses(extra, 1).value(0)), 503); // every slot is taken
        for (QTcpSocket *hog : std::as_const(hogs))
            QVERIFY2(waitClosed(*hog, 1000 + 1000 - int(qMin<qint64>(sinceLastResponse.elapsed(), 1000))),
                     "a connection outlived the idle timeout");
        qDeleteAll(hogs);
        QTest::qWait(200);
        QTcpSocket after;
        connectTo(after, s);
        after.write(request);
        QCOMPARE(statusOf(readResponses(after, 1).value(0)), 200);

        // A byte every 100 ms: the trickle does not hold the connection either.
        connectTo(trickle, s);
        QElapsedTimer opened;
        opened.start();
        const QByteArray slow = "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        for (int i = 0; trickle.state() == QAbstractSocket::ConnectedState && opened.elapsed() < 4000; ++i) {
            trickle.write(slow.mid(i % slow.size(), 1));
            trickle.waitForReadyRead(100);
            trickle.readAll();
        }
        QVERIFY(trickle.state() != QAbstractSocket::ConnectedState);
        QVERIFY(opened.elapsed() < 2000 + 500);
    }

    // A peer that leaves is let go at once, whatever it left unread: its slot is free again.
};

QTEST_GUILESS_MAIN(TstConnection)
#include "tst_connection.moc"

// The HTTP server's own guarantees, tested over raw sockets: connection caps, clients that vanish
// mid-request, a full hashing queue, TLS and its redirect listener, graceful drain.
#include "http/connection_caps.h"
#include "observe/keyward_metrics.h"
#include "raw_http.h"
#include "services/services.h"
#include "test_server.h"

#include <QDir>
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
#include <QThread>

using namespace keyward;
using namespace keyward::test;

class TstHttpServer : public QObject {
    Q_OBJECT

    // A task's nice value, from /proc/<pid>/stat (the fields after the command name's ")").
    static int niceOf(const QString &task)
    {
        QFile stat(task + QStringLiteral("/stat"));
        if (!stat.open(QIODevice::ReadOnly))
            return -100;
        const QByteArray line = stat.readAll();
        const QList<QByteArray> fields = line.mid(line.lastIndexOf(')') + 2).split(' ');
        return fields.size() > 16 ? fields[16].toInt() : -100; // field 19 of the whole line
    }

private Q_SLOTS:
    void perAddressConnectionCap()
    {
        TestServer::Setup setup;
        setup.maxConnectionsPerAddress = 3;
        TestServer s(setup);
        QList<QTcpSocket *> open;
        for (int i = 0; i < 3; ++i) {
            open << new QTcpSocket(this);
            connectTo(*open.last(), s);
        }
        QTRY_COMPARE(s.http().openConnections(), 3);
        QTcpSocket extra;
        connectTo(extra, s);
        const auto refused = readResponses(extra, 1);
        QCOMPARE(refused.size(), 1);
        QCOMPARE(statusOf(refused[0]), 503);
        // Closing one frees its place.
        delete open.takeFirst();
        QTRY_COMPARE(s.http().openConnections(), 2);
        QTcpSocket again;
        connectTo(again, s);
        again.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        const auto ok = readResponses(again, 1);
        QCOMPARE(ok.size(), 1);
        QCOMPARE(statusOf(ok[0]), 200);
        qDeleteAll(open);
    }

    void slotsAreReleasedWhenThePeerGoes()
    {
        TestServer::Setup setup;
        setup.maxConnectionsPerAddress = 2;
        TestServer s(setup);
        for (int round = 0; round < 3; ++round) {
            QList<QTcpSocket *> gone;
            for (int i = 0; i < 2; ++i) {
                auto *peer = new QTcpSocket(this);
                connectTo(*peer, s);
                // Refused at once (413); then more than the read buffer holds, then away.
                peer->write("POST /api/v1/auth/login HTTP/1.1\r\nHost: x\r\nContent-Length: 50000000\r\n\r\n");
                peer->write(QByteArray(1 << 20, 'x'));
                peer->flush();
                gone << peer;
            }
            QTest::qWait(100);
            qDeleteAll(gone); // closes them, unread responses and all
            QTcpSocket next;
            QElapsedTimer t;
            t.start();
            int status = 0;
            while (status != 200 && t.elapsed() < 3000) {
                next.abort();
                connectTo(next, s);
                next.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
                status = statusOf(readResponses(next, 1).value(0));
            }
            QCOMPARE(status, 200);
        }
    }

    // Far more pipelined requests than the server reads ahead (256 KiB) or queues (16): it stops
    // reading, answers, reads on, and every answer comes back once and in order.
    void pipelinedFloodIsAnsweredInOrder()
    {
        TestServer s;
        QTcpSocket client;
        connectTo(client, s);
        constexpr int Count = 10'000;
        QByteArray requests;
        for (int i = 0; i < Count; ++i)
            requests +=
                "GET /health/live HTTP/1.1\r\nHost: x\r\nX-Request-ID: flood-" + QByteArray::number(i) + "\r\n\r\n";
        QVERIFY(requests.size() > 2 * (256 << 10));
        client.write(requests);
        const QList<QByteArray> responses = readResponses(client, Count, 60000);
        QCOMPARE(responses.size(), Count);
        for (int i = 0; i < Count; ++i) {
            QCOMPARE(statusOf(responses[i]), 200);
            QVERIFY2(responses[i].contains(QByteArray("\r\nX-Request-ID: flood-" + QByteArray::number(i) + "\r\n")),
                     responses[i].constData());
        }
        QVERIFY(client.state() == QAbstractSocket::ConnectedState);
    }

    // Responses larger than the kernel takes at once, to a client that reads slowly: what waits is
    // sent as the client makes room, byte for byte, and the connection serves on afterwards.
    void slowReaderGetsLargeBodiesWhole()
    {
        TestServer s;
        QTcpSocket fast;
        connectTo(fast, s);
        fast.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        const QList<QByteArray> reference = readResponses(fast, 1);
        QCOMPARE(reference.size(), 1);
        const QByteArray body = reference[0].mid(reference[0].indexOf("\r\n\r\n") + 4);
        QVERIFY(body.size() > 100'000);

        QTcpSocket slow;
        slow.setSocketOption(QAbstractSocket::ReceiveBufferSizeSocketOption, 8192);
        slow.setReadBufferSize(16384);
        connectTo(slow, s);
        constexpr int Count = 40; // some 7.5 MB: more than both sockets' buffers hold
        for (int i = 0; i < Count; ++i)
            slow.write("GET /api/v1/openapi.json HTTP/1.1\r\nHost: x\r\n\r\n");
        slow.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        QByteArray received;
        QElapsedTimer t;
        t.start();
        while (!received.endsWith("{\"status\":\"ok\"}") && t.elapsed() < 60000) {
            slow.waitForReadyRead(100);
            received += slow.readAll();
            QThread::msleep(1);
        }
        qsizetype at = 0;
        for (int i = 0; i < Count; ++i) {
            const qsizetype head = received.indexOf("\r\n\r\n", at);
            QVERIFY2(head > 0, qPrintable(QString::number(i)));
            QCOMPARE(received.mid(head + 4, body.size()), body);
            at = head + 4 + body.size();
        }
        QVERIFY(received.mid(at).startsWith("HTTP/1.1 200 OK\r\n"));
    }

    void clientVanishesMidLogin()
    {
        TestServer s;
        const QString id = s.createUser(QStringLiteral("leo"), QStringLiteral("leo secret pw"), {});
        for (int i = 0; i < 20; ++i) {
            QTcpSocket socket;
            connectTo(socket, s);
            socket.write(loginRequest("leo", "leo secret pw"));
            socket.flush();
            socket.abort();
        }
        // Every abandoned login still completes on the pool, finds its connection gone, and leaks nothing.
        QTRY_COMPARE_WITH_TIMEOUT(s.http().openConnections(), 0, 10000);
        QTRY_COMPARE_WITH_TIMEOUT(s.services().sessions().listOfUser(Principal::system(), id).value().size(), 20,
                                  10000);
        QCOMPARE(s.post(QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("login"), QStringLiteral("leo")},
                         {QStringLiteral("password"), QStringLiteral("leo secret pw")}})
                     .status,
                 200);
    }

    void fullHashingQueueAnswers503()
    {
        TestServer::Setup setup;
        setup.hashWorkers = 1;
        setup.hashQueue = 0;
        setup.argon2 = {65536, 3, 1}; // slow enough that the logins below overlap
        TestServer s(setup);
        s.createUser(QStringLiteral("nick"), QStringLiteral("nick secret pw"), {});
        QList<QTcpSocket *> sockets;
        for (int i = 0; i < 4; ++i) {
            sockets << new QTcpSocket(this);
            connectTo(*sockets.last(), s);
            sockets.last()->write(loginRequest("nick", "nick secret pw"));
            sockets.last()->flush();
        }
        QMap<int, int> statuses;
        for (QTcpSocket *socket : std::as_const(sockets)) {
            const auto r = readResponses(*socket, 1, 20000);
            QCOMPARE(r.size(), 1);
            ++statuses[statusOf(r[0])];
            if (statusOf(r[0]) == 503)
                QVERIFY(r[0].contains("Retry-After: 1"));
        }
        qDeleteAll(sockets);
        QVERIFY2(statuses.value(200) >= 1 && statuses.value(503) >= 1,
                 qPrintable(QString::number(statuses.value(503))));
        QCOMPARE(statuses.value(200) + statuses.value(503), 4);
    }

    // Requests are handled below the priority of password hashing, so a flood of cheap requests
    // cannot starve sign-ins; the hashing threads, made before any request, keep the process's.
    void requestThreadsRunBelowHashing()
    {
        const int base = niceOf(QStringLiteral("/proc/self"));
        if (base > 16)
            QSKIP("this test runs at the lowest priority already");
        TestServer s;
        s.createUser(QStringLiteral("olga"), QStringLiteral("olga secret pw"), {});
        QCOMPARE(s.post(QStringLiteral("/api/v1/auth/login"),
                        {{QStringLiteral("login"), QStringLiteral("olga")},
                         {QStringLiteral("password"), QStringLiteral("olga secret pw")}})
                     .status,
                 200);
        QMap<QString, QList<int>> niceByName;
        const auto tasks = QDir(QStringLiteral("/proc/self/task")).entryInfoList(QDir::Dirs | QDir::NoDotAndDotDot);
        for (const QFileInfo &task : tasks) {
            QFile comm(task.filePath() + QStringLiteral("/comm"));
            QVERIFY(comm.open(QIODevice::ReadOnly));
            const QString name = QString::fromUtf8(comm.readAll().trimmed());
            if (name.startsWith(QStringLiteral("http-")) || name == QStringLiteral("hashing"))
                niceByName[name.left(5)] << niceOf(task.filePath());
        }
        QCOMPARE(niceByName.value(QStringLiteral("http-")), QList<int>({base + 3, base + 3}));
        QCOMPARE(niceByName.value(QStringLiteral("hashi")), QList<int>({base, base}));
    }

    void tlsWithHstsAndRedirect()
    {
        QTemporaryDir dir;
        const auto tls = selfSignedTls(dir);
        QVERIFY(tls);
        TestServer::Setup setup;
        setup.tls = tls;
        setup.httpRedirect = true;
        TestServer s(setup);
        QVERIFY2(s.ok(), qPrintable(s.error()));
        s.trust(QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem"))));

        // HTTPS, TLS 1.2 or later, HSTS.
        QNetworkAccessManager nam;
        QNetworkRequest req(s.url(QStringLiteral("/health/live")));
        QSslConfiguration client = QSslConfiguration::defaultConfiguration();
        client.setCaCertificates(QSslCertificate::fromPath(dir.filePath(QStringLiteral("cert.pem"))));
        req.setSslConfiguration(client);
        QNetworkReply *reply = nam.get(req);
        QSignalSpy done(reply, &QNetworkReply::finished);
        QVERIFY(done.wait(10000));
        QCOMPARE(reply->error(), QNetworkReply::NoError);
        QVERIFY(reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_2 ||
                reply->sslConfiguration().sessionProtocol() == QSsl::TlsV1_3);
        QVERIFY(reply->rawHeader("Strict-Transport-Security").startsWith("max-age="));
        delete reply;

        // Mozilla's intermediate profile: TLS 1.3, or TLS 1.2 with ECDHE and an AEAD cipher; no
        // CBC suite (LUCKY13), no static RSA, nothing older. Asked with an independent client.
        const auto handshake = [&](const QStringList &options) {
            QProcess peer;
            peer.start(QStringLiteral("openssl"), QStringList{QStringLiteral("s_client"), QStringLiteral("-connect"),
                                                              QStringLiteral("127.0.0.1:%1").arg(s.port())} +
                                                      options);
            peer.closeWriteChannel();
            peer.waitForFinished(15000);
            return peer.exitCode() == 0 && peer.readAllStandardOutput().contains("Cipher is ");
        };
        QVERIFY(handshake({QStringLiteral("-tls1_3")}));
        QVERIFY(handshake(
            {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-GCM-SHA256")}));
        QVERIFY(handshake(
            {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-CHACHA20-POLY1305")}));
        QVERIFY(!handshake(
            {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES128-SHA")}));
        QVERIFY(!handshake(
            {QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("ECDHE-ECDSA-AES256-SHA384")}));
        QVERIFY(
            !handshake({QStringLiteral("-tls1_2"), QStringLiteral("-cipher"), QStringLiteral("AES128-GCM-SHA256")}));
        QVERIFY(!handshake({QStringLiteral("-tls1_1"), QStringLiteral("-cipher"), QStringLiteral("ALL:@SECLEVEL=0")}));
        QCOMPARE(s.get(QStringLiteral("/health/ready")).status, 200);

        // Plain HTTP on the TLS port gets no answer.
        QTcpSocket plain;
        connectTo(plain, s);
        plain.write("GET /health/live HTTP/1.1\r\nHost: x\r\n\r\n");
        QVERIFY(readResponses(plain, 1, 2000).isEmpty());

        // The redirect listener sends everyone to the public HTTPS address, keeping the path; what the
        // client says its Host is does not matter (a bare CR in it once reached the Location header).
        const auto redirected = [&](const QByteArray &request) {
            QTcpSocket redirect;
            redirect.connectToHost(QHostAddress::LocalHost, s.http().redirectPort());
            redirect.waitForConnected(5000);
            redirect.write(request);
            // The redirect listener runs on the main event loop: wait while processing events.
            QByteArray moved;
            (void)QTest::qWaitFor([&] { return (moved += redirect.readAll()).contains("\r\n\r\n"); }, 5000);
            return moved;
        };
        const QByteArray moved = redirected("GET /api/v1/me?x=1 HTTP/1.1\r\nHost: evil.example\rX: y\r\n\r\n");
        QVERIFY(moved.startsWith("HTTP/1.1 308 "));
        QVERIFY2(moved.contains("\r\nLocation: https://keyward.test:8443/api/v1/me?x=1\r\n"), moved.constData());
        QVERIFY(!moved.contains("evil"));
        QVERIFY(redirected("GET http://evil.example/ HTTP/1.1\r\nHost: x\r\n\r\n").startsWith("HTTP/1.1 400 "));

        // Its connections count against the connection caps like any other.
        const int before = s.http().openConnections();
        auto *held = new QTcpSocket(this);
        held->connectToHost(QHostAddress::LocalHost, s.http().redirectPort());
        QVERIFY(held->waitForConnected(5000));
        QTRY_COMPARE(s.http().openConnections(), before + 1);
        delete held;
        QTRY_COMPARE(s.http().openConnections(), before);
    }

    void gracefulShutdownFinishesInFlightWork()
    {
        // Hashing slow enough (tens of ms) that the login is surely still in flight at shutdown;
        // with the fast test parameters it could finish first and the test would prove nothing.
        TestServer::Setup setup;
        setup.argon2 = {32768, 3, 1};
        TestServer s(setup);
        s.createUser(QStringLiteral("mia"), QStringLiteral("mia secret pw"), {});
        QTcpSocket socket;
        connectTo(socket, s);
        socket.write(loginRequest("mia", "mia secret pw"));
        socket.flush();
        // Shut down only once the login is in flight (a fixed 2 ms wait lost that race on a slow
        // machine); polled finely, since the workers need no event loop of this thread.
        QElapsedTimer waited;
        waited.start();
        while (s.services().metrics().httpInFlight.value() == 0 && waited.elapsed() < 5000)
            QThread::usleep(100);
        QVERIFY(s.services().metrics().httpInFlight.value() > 0);
        s.http().shutdown(5000);
        const auto responses = readResponses(socket, 1);
        QCOMPARE(responses.size(), 1);
        QCOMPARE(statusOf(responses[0]), 200);
        QVERIFY(responses[0].contains("Connection: close"));
        QVERIFY(s.services().isShuttingDown());
        QTcpSocket late;
        late.connectToHost(QHostAddress::LocalHost, s.port());
        QVERIFY(!late.waitForConnected(1000) || waitClosed(late, 2000));
    }
};

QTEST_GUILESS_MAIN(TstHttpServer)
#include "tst_http_server.moc"

// The plain transport over a real socket pair, driven by its poller in a real event loop: reads
// stop at the read limit and resume when taken, what the kernel does not take waits and is
// reported once taken, and a peer that leaves is reported; and peers as the caps count them.
#include "http/transport.h"

#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>

#include <sys/socket.h>
#include <unistd.h>

using namespace keyward;

namespace {

class Recorder final : public Transport::Events {
public:
    virtual ~Recorder() = default;
    int reads = 0;
    int writes = 0;
    int closes = 0;
    void readable() override { ++reads; }
    void written() override { ++writes; }
    void closed() override { ++closes; }
};

} // namespace

class TstTransport : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void readsUpToTheLimitThenResumes()
    {
        int fds[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        Poller poller;
        QVERIFY(poller.isValid());
        PlainTransport transport(fds[0], {}, poller);
        QVERIFY(transport.isOpen());
        Recorder events;
        transport.setEvents(&events);
        transport.setReadLimit(1000);
        const QByteArray sent(3000, 'x');
        QCOMPARE(::write(fds[1], sent.constData(), sent.size()), sent.size());
        QTRY_VERIFY(events.reads >= 1);
        QTest::qWait(50);
        QByteArray received = transport.takeInput();
        QCOMPARE(received.size(), 1000); // no more than the limit, however much waits
        QTRY_VERIFY(transport.hasInput());
        while (received.size() < sent.size()) {
            received += transport.takeInput();
            QTest::qWait(10);
        }
        QCOMPARE(received, sent);
        ::close(fds[1]);
        QTRY_COMPARE(events.closes, 1);
        QVERIFY(!transport.isOpen());
    }

    void whatWaitsIsSentAsThePeerReads()
    {
        int fds[2];
        QVERIFY(::socketpair(AF_UNIX, SOCK_STREAM, 0, fds) == 0);
        Poller poller;
        PlainTransport transport(fds[0], {}, poller);
        Recorder events;
        transport.setEvents(&events);
        QByteArray big(8 << 20, Qt::Uninitialized);
        for (qsizetype i = 0; i < big.size(); ++i)
            big[i] = char(i % 251);
        transport.write(big);
        QVERIFY(transport.unsent() > 0); // more than a socket buffer holds
        QCOMPARE(events.writes, 0);
        QByteArray received;
        char buffer[65536];
        while (received.size() < big.size()) {
            const ssize_t got = ::recv(fds[1], buffer, sizeof buffer, MSG_DONTWAIT);
            if (got > 0)
                received.append(buffer, got);
            QCoreApplication::processEvents();
        }
        QCOMPARE(received, big);
        QCOMPARE(transport.unsent(), 0);
        QVERIFY(events.writes >= 1);
        // A close with nothing waiting is at once, and said.
        QVERIFY(transport.close());
        QCOMPARE(events.closes, 1);
        ::close(fds[1]);
    }

    void ipv4MappedPeersAreIpv4()
    {
        QTcpServer server;
        if (!server.listen(QHostAddress::Any, 0)) // dual-stack where the machine has IPv6
            QSKIP("cannot listen");
        QTcpSocket client;
        client.connectToHost(QHostAddress::LocalHost, server.serverPort());
        QVERIFY(server.waitForNewConnection(5000));
        QTcpSocket *accepted = server.nextPendingConnection();
        QVERIFY(accepted);
        const QHostAddress peer = Transport::peerOf(accepted->socketDescriptor());
        QCOMPARE(peer.protocol(), QAbstractSocket::IPv4Protocol);
        QCOMPARE(peer, QHostAddress(QHostAddress::LocalHost));
    }
};

QTEST_GUILESS_MAIN(TstTransport)
#include "tst_transport.moc"

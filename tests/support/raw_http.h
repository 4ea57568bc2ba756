#pragma once

// Raw HTTP over sockets for the tests that check framing byte by byte: what a client sends and
// reads, with no client library smoothing it over.
#include "test_server.h"

#include <QByteArray>
#include <QList>
#include <QSslConfiguration>
#include <QTcpSocket>
#include <QTemporaryDir>

#include <optional>

namespace keyward::test {

// A POST /api/v1/auth/login request with a JSON body, and any extra header lines.
QByteArray loginRequest(const QByteArray &login, const QByteArray &password, const QByteArray &extraHeaders = {});
// Reads from the socket until `count` complete responses (by Content-Length) arrived or it closed.
QList<QByteArray> readResponses(QTcpSocket &s, int count, int timeoutMs = 10000);
int statusOf(const QByteArray &response);
// Whether the peer closed the connection within the time (reading and dropping what comes).
bool waitClosed(QTcpSocket &s, int timeoutMs);
// Connects to the test server's HTTP port, failing the test when it cannot.
void connectTo(QTcpSocket &socket, TestServer &server);
// A fresh P-256 certificate for 127.0.0.1 in `dir` (cert.pem, key.pem), as the server loads it.
std::optional<QSslConfiguration> selfSignedTls(const QTemporaryDir &dir);

} // namespace keyward::test

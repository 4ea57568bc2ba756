#pragma once

#include "http/http_server.h"
#include "services/services.h"
#include "test_database.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QUrl>

#include <memory>

namespace keyward::test {

struct Reply {
    int status = 0;
    QList<QPair<QByteArray, QByteArray>> headers;
    QByteArray body;

    QByteArray header(const QByteArray &name) const;
    QJsonObject json() const { return QJsonDocument::fromJson(body).object(); }
};

// Keyward's services and HTTP server on a fresh database, listening on 127.0.0.1 port 0, plus a
// blocking client. Argon2 runs with small parameters so tests stay fast; everything else is real.
class TestServer {
public:
    struct Setup {
        QString backend = QStringLiteral("sqlite");
        const Clock *clock = nullptr; // system clock when null
        int workers = 2;
        int hashWorkers = 2;
        int hashQueue = 64;
        Worker::Limits limits;
        int maxConnectionsPerAddress = 256;
        bool registration = false;
        QString jwtAlgorithm = QStringLiteral("RS256");
        crypto::Argon2Params argon2{256, 1, 1}; // small: tests stay fast
        std::optional<QSslConfiguration> tls;
        bool httpRedirect = false;
    };

    explicit TestServer(const Setup &setup);
    // A server on the current data row's `backend` column (TestDatabase::addBackendRows), or the test
    // fails at once; with `clock`, one the test moves.
    static std::unique_ptr<TestServer> onRowBackend(const Clock *clock = nullptr);
    TestServer()
        : TestServer(Setup{})
    {
    }
    ~TestServer();

    bool ok() const { return m_error.isEmpty(); }
    QString error() const { return m_error; }

    Services &services() { return *m_services; }
    HttpServer &http() { return *m_http; }
    quint16 port() const { return m_http->port(); }
    QUrl url(const QString &pathAndQuery) const;

    Reply request(const QByteArray &method, const QString &path, const QJsonDocument &body = {},
                  const QByteArray &bearer = {}, const QList<QPair<QByteArray, QByteArray>> &headers = {});
    // Trust this certificate for HTTPS requests (tests make their own throwaway CA).
    void trust(const QList<QSslCertificate> &certificates) { m_trusted = certificates; }
    // Sends `payload` as is (with Content-Type: application/json when not empty).
    Reply send(const QByteArray &method, const QString &path, const QByteArray &payload, const QByteArray &bearer = {},
               const QList<QPair<QByteArray, QByteArray>> &headers = {});
    Reply get(const QString &path, const QByteArray &bearer = {}) { return request("GET", path, {}, bearer); }
    Reply post(const QString &path, const QJsonObject &body, const QByteArray &bearer = {})
    {
        return request("POST", path, QJsonDocument(body), bearer);
    }

    // Creates a user through the service layer (actor: system) and returns its id.
    QString createUser(const QString &username, const QString &password, const QStringList &roles);
    // Logs in over HTTP and returns the token response.
    QJsonObject login(const QString &login, const QString &password);
    // Logs in over HTTP and returns just the access token.
    QByteArray accessToken(const QString &login, const QString &password);
    QByteArray adminToken(); // creates "admin" on first use

private:
    std::unique_ptr<TestDatabase> m_db;
    std::unique_ptr<Services> m_services;
    std::unique_ptr<HttpServer> m_http;
    QNetworkAccessManager m_nam;
    bool m_tls = false;
    QList<QSslCertificate> m_trusted;
    QByteArray m_adminToken;
    QString m_error;
    QStringList m_contractViolations; // checked against openapi.json when the server goes away
};

} // namespace keyward::test

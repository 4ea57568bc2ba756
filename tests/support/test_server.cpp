#include "test_server.h"

#include "api_contract.h"

#include "crypto/digest.h"
#include "store/migrations.h"

#include <QEventLoop>
#include <QNetworkReply>
#include <QTcpServer>
#include <QTest>
#include <QTimer>

namespace keyward::test {

QByteArray Reply::header(const QByteArray &name) const
{
    for (const auto &[k, v] : headers)
        if (k.compare(name, Qt::CaseInsensitive) == 0)
            return v;
    return {};
}

// A port nobody listens on right now, for listeners that cannot take port 0.
static quint16 freePort()
{
    QTcpServer probe;
    probe.listen(QHostAddress::LocalHost, 0);
    return probe.serverPort();
}

std::unique_ptr<TestServer> TestServer::onRowBackend(const Clock *clock)
{
    QFETCH(QString, backend);
    Setup setup;
    setup.backend = backend;
    setup.clock = clock;
    auto s = std::make_unique<TestServer>(setup);
    if (!s->ok())
        qFatal("server did not start: %s", qPrintable(s->error()));
    return s;
}

TestServer::TestServer(const Setup &setup)
    : m_db(std::make_unique<TestDatabase>(setup.backend))
{
    if (!m_db->database()) {
        m_error = m_db->error();
        return;
    }
    const QByteArray masterKey = crypto::randomBytes(32);
    if (const QString problem = Services::migrate(*m_db->database(), masterKey); !problem.isEmpty()) {
        m_error = problem;
        return;
    }
    ServiceOptions options;
    options.argon2 = setup.argon2;
    options.tokens.issuer = QStringLiteral("http://keyward.test");
    options.jwtAlgorithm = setup.jwtAlgorithm;
    options.settingsDefaults =
        QJsonObject{{QStringLiteral("registration"), QJsonObject{{QStringLiteral("enabled"), setup.registration}}}};
    m_services =
        std::make_unique<Services>(m_db->database(), masterKey, options, setup.clock ? *setup.clock : Clock::system());
    if (auto s = m_services->start(); !s) {
        m_error = s.error().detail();
        return;
    }
    HttpServer::Options http;
    http.address = QHostAddress::LocalHost;
    http.port = 0;
    http.workers = setup.workers;
    http.hashWorkers = setup.hashWorkers;
    http.hashQueue = setup.hashQueue;
    http.limits = setup.limits;
    http.maxConnectionsPerAddress = setup.maxConnectionsPerAddress;
    http.tls = setup.tls;
    if (setup.httpRedirect) {
        http.redirectAddress = QHostAddress::LocalHost;
        http.redirectPort = freePort();
        http.redirectTo = QStringLiteral("https://keyward.test:8443");
    }
    m_tls = setup.tls.has_value();
    m_http = std::make_unique<HttpServer>(*m_services, http);
    if (!m_http->start(&m_error))
        return;
}

TestServer::~TestServer()
{
    // Every response a test saw must match the OpenAPI document.
    if (!m_contractViolations.isEmpty() && QTest::currentTestFunction() && !QTest::currentTestFailed()) {
        m_contractViolations.removeDuplicates();
        QTest::qFail(qPrintable(QStringLiteral("responses differ from openapi.json:\n  ") +
                                m_contractViolations.join(QStringLiteral("\n  "))),
                     __FILE__, __LINE__);
    }
    if (m_http)
        m_http->shutdown(2000);
    m_http.reset();
    m_services.reset();
}

QUrl TestServer::url(const QString &pathAndQuery) const
{
    return QUrl(QStringLiteral("%1://127.0.0.1:%2%3")
                    .arg(m_tls ? QStringLiteral("https") : QStringLiteral("http"))
                    .arg(port())
                    .arg(pathAndQuery));
}

Reply TestServer::request(const QByteArray &method, const QString &path, const QJsonDocument &body,
                          const QByteArray &bearer, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    return send(method, path, body.isNull() ? QByteArray() : body.toJson(QJsonDocument::Compact), bearer, headers);
}

Reply TestServer::send(const QByteArray &method, const QString &path, const QByteArray &payload,
                       const QByteArray &bearer, const QList<QPair<QByteArray, QByteArray>> &headers)
{
    QNetworkRequest req(url(path));
    // Tests see redirects and cookies as the server sent them, and send cookies themselves.
    req.setAttribute(QNetworkRequest::RedirectPolicyAttribute, QNetworkRequest::ManualRedirectPolicy);
    req.setAttribute(QNetworkRequest::CookieLoadControlAttribute, QNetworkRequest::Manual);
    req.setAttribute(QNetworkRequest::CookieSaveControlAttribute, QNetworkRequest::Manual);
    if (m_tls) {
        QSslConfiguration ssl = QSslConfiguration::defaultConfiguration();
        ssl.setCaCertificates(m_trusted);
        req.setSslConfiguration(ssl);
    }
    if (!payload.isEmpty())
        req.setHeader(QNetworkRequest::ContentTypeHeader, QByteArrayLiteral("application/json"));
    if (!bearer.isEmpty())
        req.setRawHeader("Authorization", "Bearer " + bearer);
    for (const auto &[k, v] : headers)
        req.setRawHeader(k, v);
    QNetworkReply *reply = m_nam.sendCustomRequest(req, method, payload);
    QEventLoop loop;
    QObject::connect(reply, &QNetworkReply::finished, &loop, &QEventLoop::quit);
    QTimer::singleShot(30'000, &loop, &QEventLoop::quit);
    loop.exec();
    Reply r;
    r.status = reply->attribute(QNetworkRequest::HttpStatusCodeAttribute).toInt();
    r.headers = reply->rawHeaderPairs();
    r.body = reply->readAll();
    reply->deleteLater();
    // A test that asks for an encoding itself reads the encoded bytes (the client decodes only what
    // it asked for): the contract is checked on the plain bodies of the others.
    const bool encoded =
        std::any_of(headers.begin(), headers.end(),
                    [](const auto &h) { return h.first.compare("Accept-Encoding", Qt::CaseInsensitive) == 0; }) &&
        !r.header("Content-Encoding").isEmpty();
    if (r.status != 0 && !encoded)
        m_contractViolations += ApiContract::instance().check(method, path, r.status, r.header("Content-Type"), r.body);
    return r;
}

QString TestServer::createUser(const QString &username, const QString &password, const QStringList &roles)
{
    CreateUserRequest req;
    req.username = username;
    req.email = username + QStringLiteral("@example.com");
    req.password = password;
    req.roles = roles;
    auto user = m_services->users().create(Principal::system(), req);
    return user ? user->id : QString();
}

QJsonObject TestServer::login(const QString &login, const QString &password)
{
    return post(QStringLiteral("/api/v1/auth/login"),
                {{QStringLiteral("login"), login}, {QStringLiteral("password"), password}})
        .json();
}

QByteArray TestServer::accessToken(const QString &login, const QString &password)
{
    return this->login(login, password).value(QStringLiteral("access_token")).toString().toLatin1();
}

QByteArray TestServer::adminToken()
{
    if (m_adminToken.isEmpty()) {
        createUser(QStringLiteral("admin"), QStringLiteral("admin password 1"), {QStringLiteral("admin")});
        m_adminToken = accessToken(QStringLiteral("admin"), QStringLiteral("admin password 1"));
    }
    return m_adminToken;
}

} // namespace keyward::test

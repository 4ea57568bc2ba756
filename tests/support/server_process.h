#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QNetworkAccessManager>
#include <QObject>
#include <QProcess>
#include <QString>
#include <QStringList>

namespace keyward::test {

// A real keyward-server process serving on a free loopback port (`--listen 127.0.0.1:0`), as
// operators run it; terminated (SIGTERM, then SIGKILL after 15 s) when this goes.
class ServerProcess {
public:
    // `options` come before `serve`: --data-dir, --database, --master-key-file...
    explicit ServerProcess(const QStringList &options);
    ~ServerProcess();
    ServerProcess(const ServerProcess &) = delete;
    ServerProcess &operator=(const ServerProcess &) = delete;

    // http://127.0.0.1:PORT once it listens; empty when it did not start.
    QString url() const { return m_url; }
    QString log() const { return m_log; }
    // SIGKILL, as a crash or the OOM killer would: nothing is drained or flushed.
    void kill();

private:
    QProcess m_process;
    QString m_url;
    QString m_log;
};

// A loopback port nothing listens on now.
quint16 freePort();

// The path of the keyward-server binary under test.
QString serverBinary();

// Cheap password hashing for servers under test whose load is the database's, not argon2's.
extern const QStringList FastHashing;

struct CommandRun {
    int exitCode = -1; // -1: it crashed or did not finish
    QString out;
    QString err;
};
// One keyward-server command (FastHashing first), `input` on its stdin; waits up to 2 minutes.
CommandRun runServerCommand(const QStringList &args, const QByteArray &input = {});
// Creates the first administrator (NAME@example.com) of the installation the options `on` name;
// the exit code.
int createAdmin(const QStringList &on, const QString &name, const QByteArray &password);

// Signs `name` in at `url` and turns the rate limits off, for tests that write fast from one
// address; the access token, empty when either was refused.
QByteArray signInAndLiftRateLimits(const QString &url, const QString &name, const QString &password);

// Creates users (w00000, w00001, ...) a few at a time, for as long as it is let, and remembers each
// creation acknowledged (201): the writes a test then looks for.
class UserWriter : public QObject {
public:
    UserWriter(QString url, QByteArray token, int parallel = 4);
    void stop() { m_stopping = true; }
    bool idle() const { return m_inFlight == 0; }
    // Usernames whose 201 arrived, in order.
    QStringList acknowledged;
    int refused = 0; // any other answer, or none

private:
    void next();

    QNetworkAccessManager m_nam;
    QString m_url;
    QByteArray m_token;
    int m_sent = 0;
    int m_inFlight = 0;
    bool m_stopping = false;
};

struct Reply {
    int status = 0;
    QJsonObject json;
};

// One HTTP request with a JSON body (none when empty) and an optional credential: an access token,
// or an API key (kw_...); waits up to 10 s.
Reply call(const QByteArray &method, const QString &url, const QJsonObject &body = {},
           const QByteArray &credential = {});
// The same with any body and headers (a form, say).
Reply send(const QByteArray &method, const QString &url, const QByteArray &body,
           const QList<QPair<QByteArray, QByteArray>> &headers);

} // namespace keyward::test

#pragma once

#include <QByteArray>
#include <QJsonObject>
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

private:
    QProcess m_process;
    QString m_url;
    QString m_log;
};

// The path of the keyward-server binary under test.
QString serverBinary();

struct Reply {
    int status = 0;
    QJsonObject json;
};

// One HTTP request with a JSON body (none when empty) and an optional credential: an access token,
// or an API key (kw_...); waits up to 10 s.
Reply call(const QByteArray &method, const QString &url, const QJsonObject &body = {},
           const QByteArray &credential = {});

} // namespace keyward::test

#pragma once

#include <QObject>
#include <QString>

namespace keyward {

class Config;
class Services;

// What the console needs of the node it runs on: its services, its configuration and how it is
// doing. app/ answers it with the Node; the console never sees the node, its database or its server.
class ConsoleHost : public QObject {
    Q_OBJECT
public:
    enum class State { Stopped, Starting, Serving, Draining, Failed };

    using QObject::QObject;

    virtual Services &services() = 0;
    virtual const Config &config() const = 0;
    virtual State state() const = 0;
    // http(s)://address:port once serving; empty before.
    virtual QString url() const = 0;
    // "SQLite" or "PostgreSQL", and where it is, without any password.
    virtual QString databaseKind() const = 0;
    virtual QString databaseLocation() const = 0;

Q_SIGNALS:
    void stateChanged();
};

} // namespace keyward

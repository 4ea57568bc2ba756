#pragma once

#include <QByteArray>
#include <QJsonObject>
#include <QMap>
#include <QString>

namespace keyward::test {

// The browser and relying-party scripts of tests/web (Node, Playwright with Debian's Chromium),
// installed by `npm ci --prefix tests/web` (tests/run.sh does it).
struct WebToolRun {
    bool passed = false;
    QByteArray output; // what the script printed, stdout and stderr together
};

// Runs tests/web/`script` `argument` (the server's address) with `environment` added, while this
// thread's event loop keeps serving (the test's server answers from it).
WebToolRun runWebTool(const QString &script, const QString &argument, const QMap<QString, QString> &environment = {});

// A script's setup, as one environment variable carries it.
QString compactJson(const QJsonObject &setup);

// Whether `package` is installed under tests/web/node_modules.
bool webToolInstalled(const QString &package);

} // namespace keyward::test

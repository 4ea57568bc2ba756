#pragma once

#include "core/api_error.h"
#include "core/config.h"

#include <QWizard>

#include <functional>
#include <optional>

namespace keyward {

// The first start of the console: where the data lives, the listen address (tested free), the
// database (SQLite, or PostgreSQL tested live), where the master key is kept, the first
// administrator, and a summary before anything is written. Shown only when there is neither a
// configuration file nor a database yet.
class FirstRunWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { DataPage, ServerPage, DatabasePage, KeyPage, AdminPage, SummaryPage };

    struct Answers {
        QString dataDir;
        QString listen;
        QString databaseUrl; // empty: SQLite in the data directory
        bool keychain = true;
        QString username;
        QString email;
        QString password;
    };
    // Sets the installation up from the answers (configuration, database, administrator). An error
    // keeps the wizard open on the summary page, which shows it.
    using Finish = std::function<std::optional<ApiError>(const Answers &answers)>;

    // What the wizard checks before it takes an answer; app/ gives it the node's own checks.
    struct Probes {
        // Connects to a PostgreSQL URL: empty when it answered, else why not.
        std::function<QString(const QString &url)> database;
        // Asks the system keychain: empty when it answers, else why not.
        std::function<QString()> keychain;
        // Tries to listen on ADDRESS:PORT: empty when it could, else why not.
        std::function<QString(const QString &listen)> listen;
    };

    FirstRunWizard(const Config &defaults, Probes probes, Finish finish, QWidget *parent = nullptr);

    Answers answers() const;
    // Runs `finish` with the current answers, showing its error on the summary page.
    bool finish();

    // Whether this start is a first run: no configuration file, no database named, and no SQLite
    // database in the data directory.
    static bool isFirstRun(const Config &config);

private:
    Finish m_finish;
};

} // namespace keyward

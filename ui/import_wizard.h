#pragma once

#include "core/principal.h"
#include "services/user_transfer.h"

#include <QWizard>

#include <optional>

class QLabel;
class QLineEdit;
class QListWidget;
class QTableWidget;

namespace keyward {

class UserService;

// The console's import: pick a file and see the format found, the first users as they will be
// created, then every user checked (a dry run that lists each refusal) before Import. The import
// itself runs in the Users panel, with progress and Cancel.
class ImportWizard : public QWizard {
    Q_OBJECT
public:
    enum PageId { FilePage, PreviewPage, CheckPage };

    ImportWizard(UserService &users, Principal actor, QStringList knownRoles, QWidget *parent = nullptr);

    // Reads `path` and tells its format on the first page; false (and why, on the page) when it
    // cannot be imported at all.
    bool setFile(const QString &path);
    // The document chosen, read: set once the first page is complete.
    const std::optional<ImportPlan> &plan() const { return m_plan; }
    QString formatText() const;
    // The first users as the preview shows them: rows of cells.
    QList<QStringList> previewRows() const;
    // The dry run's summary and each refusal, as the last page lists them.
    QStringList checkResults() const;

    // How a user of a document will sign in at first: the kind of hash kept, a password, or none.
    static QString passwordKind(const CreateUserRequest &user);
    // Imports (or only checks) every user of `plan` on a worker thread, with progress and Cancel;
    // `notRun` gets how many users a cancel left out.
    static ImportReport run(QWidget *parent, UserService &users, const Principal &actor, const ImportPlan &plan,
                            bool dryRun, int &notRun);
    // What an import (or its check) did, line by line: the counts, the users a cancel left
    // (`notRun`), each refusal, the roles not assigned.
    static QStringList describe(const ImportReport &report, int notRun);

private:
    void preview();
    void check();

    UserService &m_users;
    Principal m_actor;
    QStringList m_knownRoles;
    std::optional<ImportPlan> m_plan;
    QLineEdit *m_path = nullptr;
    QLabel *m_found = nullptr;
    QTableWidget *m_preview = nullptr;
    QLabel *m_previewNote = nullptr;
    QListWidget *m_checked = nullptr;
};

} // namespace keyward

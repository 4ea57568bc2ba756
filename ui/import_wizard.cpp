#include "import_wizard.h"

#include "background_task.h"
#include "prompt.h"
#include "services/user_service.h"

#include <QFile>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTableWidget>
#include <QVBoxLayout>

namespace keyward {

namespace {

// Documents above this are refused before reading: an import holds the whole file in memory.
constexpr qint64 MaxImportBytes = 512LL * 1024 * 1024;
constexpr int PreviewRows = 20;

QString formatTitle(ImportFormat format)
{
    switch (format) {
    case ImportFormat::Keyward:
        return ImportWizard::tr("Keyward users (JSON)");
    case ImportFormat::Keycloak:
        return ImportWizard::tr("Keycloak realm export");
    case ImportFormat::Kratos:
        return ImportWizard::tr("Ory Kratos identities");
    case ImportFormat::Zitadel:
        return ImportWizard::tr("Zitadel users");
    case ImportFormat::Auth0:
        return ImportWizard::tr("Auth0 bulk import");
    case ImportFormat::Csv:
        return ImportWizard::tr("CSV");
    case ImportFormat::Auto:
        break;
    }
    return {};
}

// A page whose completeness the wizard decides.
class Page : public QWizardPage {
public:
    Page(const QString &title, const QString &subTitle, std::function<bool()> complete = {})
        : m_complete(std::move(complete))
    {
        setTitle(title);
        setSubTitle(subTitle);
    }
    bool isComplete() const override { return m_complete ? m_complete() : true; }
    void changed() { Q_EMIT completeChanged(); }

private:
    std::function<bool()> m_complete;
};

} // namespace

ImportWizard::ImportWizard(UserService &users, Principal actor, QStringList knownRoles, QWidget *parent)
    : QWizard(parent)
    , m_users(users)
    , m_actor(std::move(actor))
    , m_knownRoles(std::move(knownRoles))
{
    setWindowTitle(tr("Import users"));
    setOption(QWizard::NoBackButtonOnLastPage, false);
    setButtonText(QWizard::FinishButton, tr("&Import"));

    auto *file = new Page(tr("Choose a file"),
                          tr("Keyward or Keycloak exports, Ory Kratos, Zitadel or Auth0 users, or a CSV file: the "
                             "format is found from the file."),
                          [this] { return m_plan.has_value(); });
    m_path = new QLineEdit(file);
    m_path->setObjectName(QStringLiteral("importPath"));
    m_path->setAccessibleName(tr("File"));
    auto *browse = new QPushButton(tr("&Browse…"), file);
    m_found = new QLabel(file);
    m_found->setObjectName(QStringLiteral("importFound"));
    m_found->setWordWrap(true);
    m_found->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *pathRow = new QHBoxLayout;
    pathRow->addWidget(m_path, 1);
    pathRow->addWidget(browse);
    auto *fileLayout = new QVBoxLayout(file);
    fileLayout->addLayout(pathRow);
    fileLayout->addWidget(m_found);
    fileLayout->addStretch(1);
    connect(browse, &QPushButton::clicked, this, [this] {
        const QString path =
            Prompt::openFileName(this, tr("Import users"), tr("User files (*.json *.csv);;All files (*)"));
        if (!path.isEmpty())
            setFile(path);
    });
    connect(m_path, &QLineEdit::editingFinished, this, [this] {
        if (!m_path->text().isEmpty())
            setFile(m_path->text());
    });
    setPage(FilePage, file);

    auto *previewPage = new Page(tr("Preview"), tr("The first users of the file as they will be created."));
    m_preview = new QTableWidget(previewPage);
    m_preview->setObjectName(QStringLiteral("importPreview"));
    m_preview->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_preview->setColumnCount(6);
    m_preview->setHorizontalHeaderLabels(
        {tr("Username"), tr("Email"), tr("Display name"), tr("Status"), tr("Roles"), tr("First sign-in")});
    m_preview->horizontalHeader()->setStretchLastSection(true);
    m_preview->verticalHeader()->setVisible(false);
    m_previewNote = new QLabel(previewPage);
    auto *previewLayout = new QVBoxLayout(previewPage);
    previewLayout->addWidget(m_preview, 1);
    previewLayout->addWidget(m_previewNote);
    setPage(PreviewPage, previewPage);

    auto *checkPage = new Page(tr("Check"), tr("Every user checked against the rules, as the import will: nothing "
                                               "is written yet. Import creates those that pass."));
    m_checked = new QListWidget(checkPage);
    m_checked->setObjectName(QStringLiteral("importChecked"));
    auto *checkLayout = new QVBoxLayout(checkPage);
    checkLayout->addWidget(m_checked, 1);
    setPage(CheckPage, checkPage);

    connect(this, &QWizard::currentIdChanged, this, [this](int id) {
        if (id == PreviewPage)
            preview();
        else if (id == CheckPage)
            check();
    });
}

bool ImportWizard::setFile(const QString &path)
{
    m_plan.reset();
    m_path->setText(path);
    const auto done = [this](const QString &text) {
        m_found->setText(text);
        static_cast<Page *>(page(FilePage))->changed();
        return m_plan.has_value();
    };
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return done(tr("Cannot read %1: %2").arg(path, file.errorString()));
    if (file.size() > MaxImportBytes)
        return done(tr("%1 is larger than %2 MB.").arg(QFileInfo(path).fileName()).arg(MaxImportBytes >> 20));
    // Read and parsed on a worker thread (one step, so it always runs to its end): a file of a
    // million users takes seconds, and the window stays drawn meanwhile.
    std::optional<Result<ImportPlan>> read;
    BackgroundTask::run(this, tr("Reading %1…").arg(QFileInfo(path).fileName()), 1, [&](int) {
        read = ImportPlan::read(file.readAll(), ImportFormat::Auto, m_knownRoles);
        return QString();
    });
    auto &plan = *read;
    if (!plan) {
        QStringList why{plan.error().detail()};
        for (const FieldError &e : plan.error().fieldErrors())
            why << e.message;
        why.removeAll(QString());
        return done(tr("This file cannot be imported: %1").arg(why.join(QLatin1Char(' '))));
    }
    m_plan = std::move(*plan);
    return done(formatText());
}

QString ImportWizard::formatText() const
{
    if (!m_plan)
        return {};
    return tr("%1: %n user(s)", nullptr, int(m_plan->users.size())).arg(formatTitle(m_plan->format));
}

QString ImportWizard::passwordKind(const CreateUserRequest &user)
{
    if (user.password)
        return tr("password in the file");
    if (!user.passwordHash)
        return tr("none: by password reset");
    const QString &hash = *user.passwordHash;
    if (hash.startsWith(QLatin1String("$argon2")))
        return tr("argon2 hash");
    if (hash.startsWith(QLatin1String("$2")))
        return tr("bcrypt hash");
    if (hash.startsWith(QLatin1String("$pbkdf2")))
        return tr("PBKDF2 hash");
    if (hash.startsWith(QLatin1String("$scrypt")) || hash.startsWith(QLatin1String("$7$")))
        return tr("scrypt hash");
    return tr("unknown hash");
}

void ImportWizard::preview()
{
    const int rows = m_plan ? int(qMin<qsizetype>(PreviewRows, m_plan->users.size())) : 0;
    m_preview->setRowCount(rows);
    for (int r = 0; r < rows; ++r) {
        const CreateUserRequest &u = m_plan->users.at(r);
        const QStringList cells{u.username,
                                u.email,
                                u.displayName,
                                u.status == User::Status::Active ? tr("active") : tr("disabled"),
                                u.roles.value_or(QStringList{}).join(QStringLiteral(", ")),
                                passwordKind(u)};
        for (int c = 0; c < cells.size(); ++c)
            m_preview->setItem(r, c, new QTableWidgetItem(cells.at(c)));
    }
    m_preview->resizeColumnsToContents();
    m_previewNote->setText(m_plan && m_plan->users.size() > rows
                               ? tr("%1 of %2 users shown.").arg(rows).arg(m_plan->users.size())
                               : QString());
}

QList<QStringList> ImportWizard::previewRows() const
{
    QList<QStringList> rows;
    for (int r = 0; r < m_preview->rowCount(); ++r) {
        QStringList cells;
        for (int c = 0; c < m_preview->columnCount(); ++c)
            cells << (m_preview->item(r, c) ? m_preview->item(r, c)->text() : QString());
        rows << cells;
    }
    return rows;
}

void ImportWizard::check()
{
    m_checked->clear();
    if (!m_plan)
        return;
    int notRun = 0;
    const ImportReport report = run(this, m_users, m_actor, *m_plan, true, notRun);
    m_checked->addItems(describe(report, notRun));
}

ImportReport ImportWizard::run(QWidget *parent, UserService &users, const Principal &actor, const ImportPlan &plan,
                               bool dryRun, int &notRun)
{
    ImportReport report = ImportReport::of(plan, dryRun);
    const int count = int(plan.users.size());
    const QStringList done =
        BackgroundTask::run(parent, dryRun ? tr("Checking users…") : tr("Importing users…"), count, [&](int i) {
            report.importUser(users, actor, plan, i);
            return QString();
        });
    notRun = count - int(done.size());
    return report;
}

QStringList ImportWizard::describe(const ImportReport &report, int notRun)
{
    QStringList lines{(report.dryRun ? tr("Checked: %1 would be created, %2 already there, %3 refused")
                                     : tr("Imported: %1 created, %2 already there, %3 refused"))
                          .arg(report.created)
                          .arg(report.skipped)
                          .arg(report.errors.size())};
    if (notRun > 0)
        lines << (report.dryRun ? tr("Cancelled: %n user(s) not checked", nullptr, notRun)
                                : tr("Cancelled: %n user(s) not imported", nullptr, notRun));
    for (const ImportReport::Problem &problem : report.errors)
        lines << tr("User %1 (%2): %3").arg(problem.index + 1).arg(problem.username, problem.message);
    if (!report.ignoredRoles.isEmpty())
        lines << tr("Roles not in Keyward, not assigned: %1").arg(report.ignoredRoles.join(QStringLiteral(", ")));
    return lines;
}

QStringList ImportWizard::checkResults() const
{
    QStringList lines;
    for (int i = 0; i < m_checked->count(); ++i)
        lines << m_checked->item(i)->text();
    return lines;
}

} // namespace keyward

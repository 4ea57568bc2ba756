#include "first_run_wizard.h"

#include "background_task.h"
#include "core/private_files.h"
#include "form_row.h"
#include "message_banner.h"
#include "services/password_policy.h"
#include "strength_meter.h"

#include <QButtonGroup>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QUrl>
#include <QVBoxLayout>

namespace keyward {

namespace {

QLabel *explanation(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

class DataDirStep : public QWizardPage {
public:
    DataDirStep(const Config &defaults, QWidget *parent)
        : QWizardPage(parent)
        , m_dir(new QLineEdit(QDir::toNativeSeparators(defaults.dataDir()), this))
        , m_error(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("Welcome to Keyward"));
        setSubTitle(FirstRunWizard::tr("A few questions set up this installation. Everything can be changed later."));
        m_dir->setObjectName(QStringLiteral("dataDir"));
        auto *browse = new QPushButton(FirstRunWizard::tr("&Browse…"), this);
        connect(browse, &QPushButton::clicked, this, [this] {
            const QString dir =
                QFileDialog::getExistingDirectory(this, FirstRunWizard::tr("Data directory"), m_dir->text());
            if (!dir.isEmpty())
                m_dir->setText(QDir::toNativeSeparators(dir));
        });
        auto *row = new QHBoxLayout;
        row->addWidget(m_dir, 1);
        row->addWidget(browse);
        auto *label = new QLabel(FirstRunWizard::tr("&Data directory:"), this);
        label->setBuddy(m_dir);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(explanation(
            FirstRunWizard::tr("Keyward keeps its SQLite database, its key file (if not in the keychain) and its "
                               "backups here."),
            this));
        layout->addWidget(label);
        layout->addLayout(row);
        layout->addWidget(m_error);
        // Not a "mandatory" field: QWizard counts those complete only once changed, and the
        // suggested directory is a fine answer.
        registerField(QStringLiteral("dataDir"), m_dir);
        connect(m_dir, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }

    bool isComplete() const override { return !m_dir->text().trimmed().isEmpty(); }

    bool validatePage() override
    {
        const QString dir = QDir::fromNativeSeparators(m_dir->text().trimmed());
        if (!files::makePrivateDirectory(dir) || !QFileInfo(dir).isWritable()) {
            m_error->showError(FirstRunWizard::tr("Keyward cannot write to %1.").arg(dir));
            return false;
        }
        m_error->clear();
        return true;
    }

private:
    QLineEdit *m_dir;
    MessageBanner *m_error;
};

class ServerStep : public QWizardPage {
public:
    ServerStep(const Config &defaults, std::function<QString(const QString &)> probe, QWidget *parent)
        : QWizardPage(parent)
        , m_defaults(defaults)
        , m_probe(std::move(probe))
        , m_listen(new QLineEdit(defaults.value(QStringLiteral("listen")), this))
        , m_error(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("Where applications reach Keyward"));
        m_listen->setObjectName(QStringLiteral("listen"));
        m_error->setObjectName(QStringLiteral("listenError"));
        auto *form = new QFormLayout;
        form->addRow(FirstRunWizard::tr("&Listen address:"), m_listen);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(explanation(
            FirstRunWizard::tr("ADDRESS:PORT of the REST API. 127.0.0.1 serves this computer only; 0.0.0.0 serves "
                               "the network (put TLS or a reverse proxy in front)."),
            this));
        layout->addLayout(form);
        layout->addWidget(m_error);
        registerField(QStringLiteral("listen"), m_listen);
        connect(m_listen, &QLineEdit::textChanged, this, &QWizardPage::completeChanged);
    }

    bool isComplete() const override { return !m_listen->text().trimmed().isEmpty(); }

    bool validatePage() override
    {
        const QString listen = m_listen->text().trimmed();
        Config candidate = m_defaults;
        candidate.set(QStringLiteral("listen"), listen);
        for (const QString &problem : candidate.validate()) {
            if (problem.startsWith(QLatin1String("listen"))) {
                m_error->showError(FirstRunWizard::tr("Use ADDRESS:PORT, for example 127.0.0.1:8080."));
                return false;
            }
        }
        // Tested now, before anything is written: a taken port found only at start would leave an
        // installation that never starts.
        if (const QString refused = m_probe ? m_probe(listen) : QString(); !refused.isEmpty()) {
            m_error->showError(FirstRunWizard::tr("Keyward cannot listen on %1 (%2). Another program may use "
                                                  "this port: choose another one.")
                                   .arg(listen, refused));
            return false;
        }
        m_error->clear();
        return true;
    }

private:
    Config m_defaults;
    std::function<QString(const QString &)> m_probe;
    QLineEdit *m_listen;
    MessageBanner *m_error;
};

// What a PostgreSQL connection failure means for the person setting up, with the driver's words
// after it for the expert.
QString explainDatabaseError(const QString &error)
{
    const auto says = [&error](const char *text) { return error.contains(QLatin1String(text), Qt::CaseInsensitive); };
    QString meaning;
    if (says("connection refused"))
        meaning = FirstRunWizard::tr("Nothing answers at that host and port: is PostgreSQL running and listening "
                                     "there?");
    else if (says("password authentication failed") || says("no password supplied"))
        meaning = FirstRunWizard::tr("The server refused this user name and password.");
    else if (says("does not exist"))
        meaning = FirstRunWizard::tr("The user or database in the URL does not exist on that server.");
    else if (says("could not translate host name") || says("name or service not known"))
        meaning = FirstRunWizard::tr("The host name is unknown: check its spelling.");
    else if (says("timeout") || says("timed out"))
        meaning = FirstRunWizard::tr("The server did not answer in time: a firewall may be in the way.");
    else if (says("pg_hba.conf"))
        meaning = FirstRunWizard::tr("The server does not accept connections from this computer (pg_hba.conf).");
    else if (says("ssl"))
        meaning = FirstRunWizard::tr("The encrypted connection failed: check the server's TLS settings.");
    else
        meaning = FirstRunWizard::tr("Could not connect.");
    return FirstRunWizard::tr("%1 (%2)").arg(meaning, error.trimmed());
}

class DatabaseStep : public QWizardPage {
public:
    DatabaseStep(std::function<QString(const QString &)> probe, QWidget *parent)
        : QWizardPage(parent)
        , m_probe(std::move(probe))
        , m_sqlite(new QRadioButton(FirstRunWizard::tr("&SQLite in the data directory (no setup)"), this))
        , m_postgres(new QRadioButton(FirstRunWizard::tr("&PostgreSQL (several Keyward nodes share it)"), this))
        , m_url(new QLineEdit(this))
        , m_test(new QPushButton(FirstRunWizard::tr("&Test connection"), this))
        , m_result(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("Database"));
        m_sqlite->setChecked(true);
        m_sqlite->setObjectName(QStringLiteral("sqlite"));
        m_postgres->setObjectName(QStringLiteral("postgres"));
        m_url->setObjectName(QStringLiteral("databaseUrl"));
        m_test->setObjectName(QStringLiteral("testConnection"));
        m_result->setObjectName(QStringLiteral("databaseResult"));
        m_url->setPlaceholderText(QStringLiteral("postgresql://keyward:password@db.example.com:5432/keyward"));
        auto *row = new QHBoxLayout;
        row->addWidget(m_url, 1);
        row->addWidget(m_test);
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_sqlite);
        layout->addWidget(m_postgres);
        layout->addLayout(row);
        layout->addWidget(m_result);
        layout->addStretch();
        const auto update = [this] {
            m_url->setEnabled(m_postgres->isChecked());
            m_test->setEnabled(m_postgres->isChecked());
            Q_EMIT completeChanged();
        };
        connect(m_postgres, &QRadioButton::toggled, this, update);
        connect(m_url, &QLineEdit::textChanged, this, [this] {
            m_testedUrl.clear(); // a changed URL must be tested again
            m_result->clear();
            Q_EMIT completeChanged();
        });
        connect(m_test, &QPushButton::clicked, this, [this] { test(); });
        update();
    }

    // PostgreSQL counts only once this very URL has answered.
    bool isComplete() const override
    {
        return m_sqlite->isChecked() || (!m_testedUrl.isEmpty() && m_testedUrl == url());
    }

    QString url() const { return m_postgres->isChecked() ? m_url->text().trimmed() : QString(); }

    void test()
    {
        const QString candidate = m_url->text().trimmed();
        if (!candidate.startsWith(QLatin1String("postgresql://"))) {
            m_testedUrl.clear();
            m_result->showError(FirstRunWizard::tr("The URL must start with postgresql://"));
            Q_EMIT completeChanged();
            return;
        }
        QString error;
        BackgroundTask::run(this, FirstRunWizard::tr("Connecting to PostgreSQL…"), 1, [&](int) {
            error = m_probe(candidate);
            return error;
        });
        if (error.isEmpty()) {
            m_testedUrl = candidate;
            m_result->showNote(FirstRunWizard::tr("Connected. Keyward creates its tables there on start."));
        } else {
            m_testedUrl.clear();
            m_result->showError(explainDatabaseError(error));
        }
        Q_EMIT completeChanged();
    }

private:
    std::function<QString(const QString &)> m_probe;
    QRadioButton *m_sqlite;
    QRadioButton *m_postgres;
    QLineEdit *m_url;
    QPushButton *m_test;
    MessageBanner *m_result;
    QString m_testedUrl;
};

class KeyStep : public QWizardPage {
public:
    KeyStep(std::function<QString()> probe, QWidget *parent)
        : QWizardPage(parent)
        , m_probe(std::move(probe))
        , m_keychain(new QRadioButton(FirstRunWizard::tr("The system &keychain (recommended)"), this))
        , m_file(new QRadioButton(FirstRunWizard::tr("A &file in the data directory"), this))
        , m_note(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("Master key"));
        m_keychain->setObjectName(QStringLiteral("keychain"));
        m_file->setObjectName(QStringLiteral("keyFile"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(explanation(
            FirstRunWizard::tr("The master key seals secrets in the database (signing keys, TOTP secrets, the SMTP "
                               "password). Kept in the keychain, a copy of the data directory alone reveals "
                               "nothing."),
            this));
        layout->addWidget(m_keychain);
        layout->addWidget(m_file);
        layout->addWidget(m_note);
        layout->addStretch();
        m_keychain->setChecked(true);
    }

    void initializePage() override
    {
        const QString error = m_probe();
        const bool available = error.isEmpty();
        m_keychain->setEnabled(available);
        if (!available) {
            m_file->setChecked(true);
            m_note->showNote(FirstRunWizard::tr("No system keychain answers here: no Secret Service (such as GNOME "
                                                "Keyring or KWallet) is running in this session (%1). The key goes "
                                                "to a file in the data directory that only you can read; keep a "
                                                "copy of it somewhere safe.")
                                 .arg(error));
        }
    }

    bool keychain() const { return m_keychain->isChecked(); }

private:
    std::function<QString()> m_probe;
    QRadioButton *m_keychain;
    QRadioButton *m_file;
    MessageBanner *m_note;
};

class AdminStep : public QWizardPage {
public:
    explicit AdminStep(QWidget *parent)
        : QWizardPage(parent)
        , m_username(new QLineEdit(QStringLiteral("admin"), this))
        , m_email(new QLineEdit(this))
        , m_password(new QLineEdit(this))
        , m_confirm(new QLineEdit(this))
        , m_strength(new StrengthMeter(this))
        , m_passwordError(new MessageBanner(this))
        , m_confirmError(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("The first administrator"));
        setSubTitle(FirstRunWizard::tr("This account signs in to the API with every permission."));
        m_username->setObjectName(QStringLiteral("username"));
        m_email->setObjectName(QStringLiteral("email"));
        m_password->setObjectName(QStringLiteral("password"));
        m_confirm->setObjectName(QStringLiteral("confirm"));
        m_passwordError->setObjectName(QStringLiteral("passwordError"));
        m_confirmError->setObjectName(QStringLiteral("confirmError"));
        m_password->setEchoMode(QLineEdit::Password);
        m_confirm->setEchoMode(QLineEdit::Password);
        auto *passwordField = new QVBoxLayout;
        passwordField->addWidget(m_password);
        passwordField->addWidget(m_strength);
        passwordField->addWidget(m_passwordError);
        auto *confirmField = new QVBoxLayout;
        confirmField->addWidget(m_confirm);
        confirmField->addWidget(m_confirmError);
        auto *form = new QFormLayout;
        form->addRow(FirstRunWizard::tr("&User name:"), m_username);
        form->addRow(FirstRunWizard::tr("&Email:"), m_email);
        addFormRow(form, FirstRunWizard::tr("&Password:"), m_password, passwordField);
        addFormRow(form, FirstRunWizard::tr("&Repeat it:"), m_confirm, confirmField);
        auto *layout = new QVBoxLayout(this);
        layout->addLayout(form);
        for (QLineEdit *edit : {m_username, m_email, m_password, m_confirm})
            connect(edit, &QLineEdit::textChanged, this, [this] {
                m_strength->assess(m_password->text(), {m_username->text(), m_email->text()});
                checkAsTyped();
                Q_EMIT completeChanged();
            });
    }

    bool isComplete() const override
    {
        return !m_username->text().trimmed().isEmpty() && !m_email->text().trimmed().isEmpty() &&
               !m_password->text().isEmpty() && m_password->text() == m_confirm->text();
    }

    // The default policy, before anything is created: a weak first password is refused here.
    bool validatePage() override { return policyProblems().isEmpty(); }

    QString username() const { return m_username->text().trimmed(); }
    QString email() const { return m_email->text().trimmed(); }
    QString password() const { return m_password->text(); }

private:
    QStringList policyProblems() const
    {
        QList<FieldError> problems;
        PasswordPolicy().check(m_password->text(), {username(), email()}, problems);
        QStringList messages;
        for (const FieldError &e : problems)
            messages << e.message;
        return messages;
    }

    // Each error sits under its own field and goes as soon as it no longer holds.
    void checkAsTyped()
    {
        const QStringList problems = m_password->text().isEmpty() ? QStringList() : policyProblems();
        if (problems.isEmpty())
            m_passwordError->clear();
        else
            m_passwordError->showError(problems.join(QLatin1Char('\n')));
        if (!m_confirm->text().isEmpty() && m_confirm->text() != m_password->text())
            m_confirmError->showError(FirstRunWizard::tr("The two passwords differ."));
        else
            m_confirmError->clear();
    }

    QLineEdit *m_username;
    QLineEdit *m_email;
    QLineEdit *m_password;
    QLineEdit *m_confirm;
    StrengthMeter *m_strength;
    MessageBanner *m_passwordError;
    MessageBanner *m_confirmError;
};

// What will be created, before it is: the last chance to go back, and where to keep the master key.
class SummaryStep : public QWizardPage {
public:
    explicit SummaryStep(QWidget *parent)
        : QWizardPage(parent)
        , m_summary(new QLabel(this))
        , m_backup(new MessageBanner(this))
        , m_error(new MessageBanner(this))
    {
        setTitle(FirstRunWizard::tr("Ready to create"));
        setSubTitle(FirstRunWizard::tr("Check the answers: Back changes them, Create writes them."));
        m_summary->setObjectName(QStringLiteral("summary"));
        m_summary->setWordWrap(true);
        m_summary->setTextFormat(Qt::PlainText);
        m_summary->setTextInteractionFlags(Qt::TextSelectableByMouse);
        m_backup->setObjectName(QStringLiteral("backupReminder"));
        m_error->setObjectName(QStringLiteral("finishError"));
        auto *layout = new QVBoxLayout(this);
        layout->addWidget(m_summary);
        layout->addWidget(m_backup);
        layout->addWidget(m_error);
        layout->addStretch();
    }

    void initializePage() override
    {
        const FirstRunWizard::Answers a = static_cast<FirstRunWizard *>(wizard())->answers();
        m_error->clear();
        m_summary->setText(FirstRunWizard::tr("Data directory: %1\nListen address: %2\nDatabase: %3\nMaster key: %4\n"
                                              "Administrator: %5 <%6>")
                               .arg(QDir::toNativeSeparators(a.dataDir), a.listen,
                                    a.databaseUrl.isEmpty() ? FirstRunWizard::tr("SQLite in the data directory")
                                                            : QUrl(a.databaseUrl).toDisplayString(QUrl::RemovePassword),
                                    a.keychain ? FirstRunWizard::tr("the system keychain")
                                               : FirstRunWizard::tr("a file in the data directory"),
                                    a.username, a.email));
        m_backup->showNote(
            a.keychain ? FirstRunWizard::tr("Keep a copy of the master key apart from the database backups: it is the "
                                            "keychain entry \"master-key:%1\" of \"keyward\" (Passwords and Keys can "
                                            "show it). Without it, the sealed secrets of a restored database cannot be "
                                            "read.")
                             .arg(QDir(a.dataDir).absolutePath())
                       : FirstRunWizard::tr("Keep a copy of the master key file %1 apart from the database backups. "
                                            "Without it, the sealed secrets of a restored database cannot be read.")
                             .arg(QDir::toNativeSeparators(QDir(a.dataDir).filePath(QStringLiteral("master.key")))));
    }

    void showError(const QString &text) { m_error->showError(text); }
    void clearError() { m_error->clear(); }

    bool validatePage() override { return static_cast<FirstRunWizard *>(wizard())->finish(); }

private:
    QLabel *m_summary;
    MessageBanner *m_backup;
    MessageBanner *m_error;
};

} // namespace

FirstRunWizard::FirstRunWizard(const Config &defaults, Probes probes, Finish finish, QWidget *parent)
    : QWizard(parent)
    , m_finish(std::move(finish))
{
    setWindowTitle(tr("Set up Keyward"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/keyward.svg")));
    setWizardStyle(QWizard::ModernStyle);
    setPage(DataPage, new DataDirStep(defaults, this));
    setPage(ServerPage, new ServerStep(defaults, std::move(probes.listen), this));
    setPage(DatabasePage, new DatabaseStep(std::move(probes.database), this));
    setPage(KeyPage, new KeyStep(std::move(probes.keychain), this));
    setPage(AdminPage, new AdminStep(this));
    setPage(SummaryPage, new SummaryStep(this));
    setButtonText(QWizard::FinishButton, tr("&Create and start"));
    resize(640, 480);
}

FirstRunWizard::Answers FirstRunWizard::answers() const
{
    Answers a;
    a.dataDir = QDir::fromNativeSeparators(field(QStringLiteral("dataDir")).toString().trimmed());
    a.listen = field(QStringLiteral("listen")).toString().trimmed();
    a.databaseUrl = static_cast<DatabaseStep *>(page(DatabasePage))->url();
    a.keychain = static_cast<KeyStep *>(page(KeyPage))->keychain();
    const auto *admin = static_cast<AdminStep *>(page(AdminPage));
    a.username = admin->username();
    a.email = admin->email();
    a.password = admin->password();
    return a;
}

bool FirstRunWizard::finish()
{
    auto *summary = static_cast<SummaryStep *>(page(SummaryPage));
    summary->clearError();
    const std::optional<ApiError> error = m_finish(answers());
    if (!error)
        return true;
    QStringList messages;
    for (const FieldError &e : error->fieldErrors())
        messages << e.message;
    summary->showError(messages.isEmpty() ? describe(*error) : messages.join(QLatin1Char('\n')));
    return false;
}

bool FirstRunWizard::isFirstRun(const Config &config)
{
    return config.value(QStringLiteral("config")).isEmpty() && config.value(QStringLiteral("database")).isEmpty() &&
           !QFileInfo::exists(QDir(config.dataDir()).filePath(QStringLiteral("keyward.db")));
}

} // namespace keyward

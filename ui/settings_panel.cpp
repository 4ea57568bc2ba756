#include "settings_panel.h"

#include "background_task.h"
#include "console_preferences.h"
#include "duration_edit.h"
#include "form_row.h"
#include "message_banner.h"
#include "prompt.h"
#include "services/services.h"

#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QSpinBox>
#include <QTabWidget>
#include <QUrl>
#include <QUrlQuery>
#include <QVBoxLayout>

#include <algorithm>

namespace keyward {

namespace {

QString groupOf(const QString &key)
{
    return key.section(QLatin1Char('.'), 0, 0);
}

// Titles of groups and settings, translated; the dotted key is the fallback.
QString titleOf(const QString &key)
{
    static const QHash<QString, const char *> titles{
        {QStringLiteral("registration"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Registration")},
        {QStringLiteral("registration.enabled"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Anyone may register an account")},
        {QStringLiteral("password_policy"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Passwords")},
        {QStringLiteral("password_policy.min_length"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Minimum length")},
        {QStringLiteral("password_policy.history"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Recent passwords not reusable")},
        {QStringLiteral("password_policy.blocklist"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Refuse common passwords")},
        {QStringLiteral("lockout"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Lockout")},
        {QStringLiteral("lockout.threshold"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Failed logins before a lockout")},
        {QStringLiteral("lockout.base_seconds"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "First lockout")},
        {QStringLiteral("lockout.max_seconds"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Longest lockout")},
        {QStringLiteral("tokens"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Tokens")},
        {QStringLiteral("tokens.access_ttl"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Access token lifetime")},
        {QStringLiteral("tokens.refresh_idle_ttl"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Session idle timeout")},
        {QStringLiteral("tokens.refresh_absolute_ttl"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Session absolute lifetime")},
        {QStringLiteral("tokens.signing_key_rotation_days"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "New signing key after days (0: never)")},
        {QStringLiteral("rate_limits"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Rate limits")},
        {QStringLiteral("rate_limits.enabled"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Limit requests per client")},
        {QStringLiteral("rate_limits.auth_per_minute"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Logins per minute")},
        {QStringLiteral("rate_limits.read_per_minute"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Reads per minute")},
        {QStringLiteral("rate_limits.write_per_minute"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Writes per minute")},
        {QStringLiteral("cors"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Browser access (CORS)")},
        {QStringLiteral("cors.allowed_origins"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Allowed origins")},
        {QStringLiteral("passkeys"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Passkeys")},
        {QStringLiteral("passkeys.passwordless"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Sign in with a passkey alone")},
        {QStringLiteral("passkeys.offer_after_sign_in"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Offer a passkey after a password sign-in")},
        {QStringLiteral("passkeys.rp_id"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Relying party id (empty: the public URL's host)")},
        {QStringLiteral("passkeys.attestation"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Ask for attestation (who made the authenticator)")},
        {QStringLiteral("passkeys.origins"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Origins (empty: the public URL's)")},
        {QStringLiteral("smtp"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Mail (SMTP)")},
        {QStringLiteral("smtp.host"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Server")},
        {QStringLiteral("smtp.port"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Port")},
        {QStringLiteral("smtp.security"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Security")},
        {QStringLiteral("smtp.username"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "User name")},
        {QStringLiteral("smtp.password"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Password")},
        {QStringLiteral("smtp.sender"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Sender address")},
        {QStringLiteral("dormant_accounts"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Dormant accounts")},
        {QStringLiteral("dormant_accounts.disable_after_days"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Disable after days without login (0: never)")},
        {QStringLiteral("audit"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Audit log")},
        {QStringLiteral("audit.retention_days"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Keep events for days (0: forever)")},
        {QStringLiteral("network"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Network")},
        {QStringLiteral("network.trusted_proxies"), QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Trusted proxies")},
        {QStringLiteral("network.admin_allow_list"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Admin API allowed from")},
        {QStringLiteral("network.metrics_allow_list"),
         QT_TRANSLATE_NOOP("keyward::SettingsPanel", "Metrics allowed from")},
    };
    const char *title = titles.value(key);
    return title ? SettingsPanel::tr(title) : key;
}

QStringList splitList(const QString &text)
{
    QStringList items;
    for (const QString &part : text.split(QLatin1Char(','), Qt::SkipEmptyParts))
        if (const QString item = part.trimmed(); !item.isEmpty())
            items << item;
    return items;
}

// Wraps an editor with the line that shows its error.
QWidget *withError(QWidget *editor, MessageBanner *error, QWidget *parent)
{
    auto *box = new QWidget(parent);
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(editor);
    layout->addWidget(error);
    return box;
}

const QStringList InstallationKeys{QStringLiteral("listen"), QStringLiteral("tls-cert"), QStringLiteral("tls-key"),
                                   QStringLiteral("database"), QStringLiteral("log-level")};

} // namespace

SettingsPanel::SettingsPanel(Services &services, Principal actor, Config config, QString configFile, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
    , m_actor(std::move(actor))
    , m_config(std::move(config))
    , m_configFile(std::move(configFile))
    , m_message(new MessageBanner(this))
    , m_unsaved(new QLabel(this))
{
    m_unsaved->setObjectName(QStringLiteral("unsaved"));
    m_unsaved->hide();
    auto *tabs = new QTabWidget(this);
    tabs->addTab(buildPolicies(), tr("&Policies"));
    tabs->addTab(buildInstallation(), tr("This &installation"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_message);
    layout->addWidget(m_unsaved);
    layout->addWidget(tabs, 1);
    load();
}

QWidget *SettingsPanel::buildPolicies()
{
    auto *content = new QWidget;
    auto *column = new QVBoxLayout(content);
    QHash<QString, QFormLayout *> forms;
    for (const SettingInfo &s : SettingsService::catalogue()) {
        const QString group = groupOf(s.key);
        QFormLayout *form = forms.value(group);
        if (!form) {
            auto *box = new QGroupBox(titleOf(group), content);
            form = new QFormLayout(box);
            forms.insert(group, form);
            column->addWidget(box);
        }
        QWidget *editor = nullptr;
        QString label = titleOf(s.key);
        switch (s.kind) {
        case SettingInfo::Kind::Bool: {
            auto *check = new QCheckBox(label, content);
            connect(check, &QCheckBox::toggled, this, &SettingsPanel::markUnsaved);
            editor = check;
            label.clear();
            break;
        }
        case SettingInfo::Kind::Integer: {
            auto *spin = new SpinBox(content);
            spin->setRange(int(s.min), int(qMin<qint64>(s.max, std::numeric_limits<int>::max())));
            spin->setGroupSeparatorShown(true);
            connect(spin, &QSpinBox::valueChanged, this, &SettingsPanel::markUnsaved);
            editor = spin;
            break;
        }
        case SettingInfo::Kind::Seconds: {
            auto *duration = new DurationEdit(content);
            duration->setRange(s.min, s.max);
            connect(duration, &DurationEdit::changed, this, &SettingsPanel::markUnsaved);
            editor = duration;
            break;
        }
        case SettingInfo::Kind::Choice: {
            auto *combo = new ComboBox(content);
            combo->addItems(s.choices);
            connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPanel::markUnsaved);
            editor = combo;
            break;
        }
        case SettingInfo::Kind::String:
        case SettingInfo::Kind::Origins:
        case SettingInfo::Kind::Subnets: {
            auto *line = new QLineEdit(content);
            if (s.secret)
                line->setEchoMode(QLineEdit::Password);
            if (s.kind == SettingInfo::Kind::Origins)
                line->setPlaceholderText(tr("comma-separated, e.g. https://app.example.com"));
            if (s.kind == SettingInfo::Kind::Subnets)
                line->setPlaceholderText(tr("comma-separated addresses or ranges, e.g. 10.0.0.0/8"));
            connect(line, &QLineEdit::textChanged, this, &SettingsPanel::markUnsaved);
            editor = line;
            break;
        }
        }
        editor->setObjectName(s.key);
        editor->setAccessibleName(titleOf(s.key));
        m_editors.insert(s.key, editor);
        auto *error = new MessageBanner(content);
        m_errors.insert(s.key, error);
        QWidget *field = withError(editor, error, content);
        if (label.isEmpty())
            form->addRow(QString(), field);
        else
            addFormRow(form, label, editor, field);
        m_labels.insert(s.key, label.isEmpty() ? editor : form->labelForField(field));
        if (s.key == QLatin1String("smtp.sender")) {
            auto *test = new QPushButton(tr("Send a &test mail…"), content);
            connect(test, &QPushButton::clicked, this, &SettingsPanel::sendTestMail);
            form->addRow(QString(), test);
        }
        if (s.key == QLatin1String("tokens.signing_key_rotation_days")) {
            auto *rotate = new QPushButton(tr("R&otate the signing key now…"), content);
            rotate->setObjectName(QStringLiteral("rotateSigningKey"));
            connect(rotate, &QPushButton::clicked, this, &SettingsPanel::rotateSigningKey);
            form->addRow(QString(), rotate);
        }
    }
    column->addStretch();

    auto *scroll = new QScrollArea;
    scroll->setWidget(content);
    scroll->setWidgetResizable(true);
    auto *page = new QWidget;
    auto *save = new QPushButton(tr("&Save policies"), page);
    auto *revert = new QPushButton(tr("&Revert"), page);
    connect(save, &QPushButton::clicked, this, &SettingsPanel::savePolicies);
    connect(revert, &QPushButton::clicked, this, &SettingsPanel::discard);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(revert);
    buttons->addWidget(save);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(scroll, 1);
    layout->addLayout(buttons);
    return page;
}

QWidget *SettingsPanel::buildInstallation()
{
    auto *page = new QWidget;
    auto *form = new QFormLayout;
    const QHash<QString, QString> labels{
        {QStringLiteral("listen"), tr("Listen address")},
        {QStringLiteral("tls-cert"), tr("TLS certificate (PEM)")},
        {QStringLiteral("tls-key"), tr("TLS private key (PEM)")},
        {QStringLiteral("database"), tr("Database URL")},
        {QStringLiteral("log-level"), tr("Log level")},
    };
    for (const QString &key : InstallationKeys) {
        QWidget *editor;
        if (key == QLatin1String("log-level")) {
            auto *combo = new ComboBox(page);
            combo->addItems(
                {QStringLiteral("debug"), QStringLiteral("info"), QStringLiteral("warning"), QStringLiteral("error")});
            combo->setCurrentText(m_config.value(key));
            connect(combo, &QComboBox::currentIndexChanged, this, &SettingsPanel::markUnsaved);
            editor = combo;
        } else {
            auto *line = new QLineEdit(m_config.value(key), page);
            if (key == QLatin1String("database")) {
                line->setPlaceholderText(tr("empty: SQLite in the data directory"));
                // A PostgreSQL URL may carry its password: dots until someone edits it.
                if (const QUrl url(line->text());
                    !url.password().isEmpty() || QUrlQuery(url).hasQueryItem(QStringLiteral("password")))
                    line->setEchoMode(QLineEdit::PasswordEchoOnEdit);
            }
            connect(line, &QLineEdit::textChanged, this, &SettingsPanel::markUnsaved);
            editor = line;
        }
        editor->setObjectName(key);
        m_editors.insert(key, editor);
        auto *error = new MessageBanner(page);
        m_errors.insert(key, error);
        QWidget *field = withError(editor, error, page);
        addFormRow(form, labels.value(key), editor, field);
        m_labels.insert(key, form->labelForField(field));
    }
    m_language = new ComboBox(page);
    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("As the system"), QString());
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("Deutsch"), QStringLiteral("de"));
    m_language->addItem(QStringLiteral("Français"), QStringLiteral("fr"));
    m_language->setCurrentIndex(qMax(0, m_language->findData(ConsolePreferences::language())));
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsPanel::markUnsaved);
    form->addRow(tr("Console language"), m_language);
    m_tray = new QCheckBox(tr("Closing the window keeps Keyward serving in the system tray"), page);
    m_tray->setChecked(ConsolePreferences::closeToTray());
    connect(m_tray, &QCheckBox::toggled, this, &SettingsPanel::markUnsaved);
    form->addRow(QString(), m_tray);

    auto *note = new MessageBanner(page);
    note->showNote(tr("These options are read at start: saved to %1, they apply after a restart.").arg(m_configFile));
    auto *save = new QPushButton(tr("Save &installation"), page);
    connect(save, &QPushButton::clicked, this, &SettingsPanel::saveInstallation);
    auto *buttons = new QHBoxLayout;
    buttons->addStretch();
    buttons->addWidget(save);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(note);
    layout->addLayout(form);
    layout->addStretch();
    layout->addLayout(buttons);
    return page;
}

QWidget *SettingsPanel::editor(const QString &key) const
{
    return m_editors.value(key);
}

QString SettingsPanel::messageText(const QString &key) const
{
    const MessageBanner *banner = key.isEmpty() ? m_message : m_errors.value(key);
    return banner ? banner->shownText() : QString();
}

void SettingsPanel::load()
{
    auto settings = m_services.settings().get(m_actor);
    if (!settings) {
        m_message->showError(describe(settings.error()));
        return;
    }
    m_loaded = *settings;
    m_loading = true; // markUnsaved once, at the end
    for (const SettingInfo &s : SettingsService::catalogue()) {
        const QVariant v = m_loaded.value(s.key);
        QWidget *w = m_editors.value(s.key);
        if (auto *duration = qobject_cast<DurationEdit *>(w))
            duration->setSeconds(v.toLongLong());
        else if (auto *check = qobject_cast<QCheckBox *>(w))
            check->setChecked(v.toBool());
        else if (auto *spin = qobject_cast<QSpinBox *>(w))
            spin->setValue(v.toInt());
        else if (auto *combo = qobject_cast<QComboBox *>(w))
            combo->setCurrentText(v.toString());
        else if (auto *line = qobject_cast<QLineEdit *>(w))
            line->setText(v.typeId() == QMetaType::QStringList ? v.toStringList().join(QStringLiteral(", "))
                                                               : v.toString());
        m_errors.value(s.key)->clear();
    }
    m_loading = false;
    markUnsaved();
}

QVariant SettingsPanel::editedValue(const QString &key) const
{
    QWidget *w = m_editors.value(key);
    if (auto *duration = qobject_cast<DurationEdit *>(w))
        return duration->seconds();
    if (auto *check = qobject_cast<QCheckBox *>(w))
        return check->isChecked();
    if (auto *spin = qobject_cast<QSpinBox *>(w))
        return qint64(spin->value());
    if (auto *combo = qobject_cast<QComboBox *>(w))
        return combo->currentText();
    const QString text = static_cast<QLineEdit *>(w)->text().trimmed();
    if (m_loaded.value(key).typeId() == QMetaType::QStringList)
        return splitList(text);
    return text;
}

void SettingsPanel::savePolicies()
{
    SettingValues patch;
    for (const SettingInfo &s : SettingsService::catalogue()) {
        m_errors.value(s.key)->clear();
        const QVariant edited = editedValue(s.key);
        if (edited != m_loaded.value(s.key))
            patch.insert(s.key, edited);
    }
    if (patch.isEmpty()) {
        m_message->showNote(tr("Nothing changed."));
        return;
    }
    const auto turnedOff = [&patch](const char *key) {
        const QVariant v = patch.value(QString::fromLatin1(key));
        return v.typeId() == QMetaType::Bool && !v.toBool();
    };
    if ((turnedOff("rate_limits.enabled") || turnedOff("password_policy.blocklist")) &&
        !Prompt::confirm(this, tr("Turn off a protection"),
                         tr("This turns off a protection against password guessing or abuse for every client. "
                            "Save anyway?"),
                         tr("Turn off")))
        return;
    auto saved = m_services.settings().update(m_actor, patch);
    if (!saved) {
        for (const FieldError &e : saved.error().fieldErrors())
            if (MessageBanner *banner = m_errors.value(e.field))
                banner->showError(e.message);
        m_message->showError(describe(saved.error()));
        return;
    }
    load();
    m_message->showNote(tr("Policies saved; every node applies them within seconds."));
}

void SettingsPanel::saveInstallation()
{
    QMap<QString, QString> values;
    Config candidate = m_config;
    for (const QString &key : InstallationKeys) {
        const QString value = installationValue(key);
        values.insert(key, value);
        candidate.set(key, value);
        m_errors.value(key)->clear();
    }
    // The same checks as at start, so a saved file always starts.
    const QStringList problems = candidate.validate();
    if (!problems.isEmpty()) {
        m_message->showError(problems.join(QLatin1Char('\n')));
        return;
    }
    QString error;
    if (!Config::save(m_configFile, values, &error)) {
        m_message->showError(error);
        return;
    }
    ConsolePreferences::setLanguage(m_language->currentData().toString());
    ConsolePreferences::setCloseToTray(m_tray->isChecked());
    m_config = candidate;
    markUnsaved();
    m_message->showNote(tr("Saved to %1. Restart Keyward to apply the new options.").arg(m_configFile));
}

QString SettingsPanel::installationValue(const QString &key) const
{
    QWidget *w = m_editors.value(key);
    const auto *combo = qobject_cast<QComboBox *>(w);
    return combo ? combo->currentText() : static_cast<QLineEdit *>(w)->text().trimmed();
}

QStringList SettingsPanel::unsavedKeys() const
{
    QStringList keys;
    if (!m_loaded.isEmpty())
        for (const SettingInfo &s : SettingsService::catalogue())
            if (editedValue(s.key) != m_loaded.value(s.key))
                keys << s.key;
    for (const QString &key : InstallationKeys)
        if (installationValue(key) != m_config.value(key))
            keys << key;
    if (m_language->currentData().toString() != ConsolePreferences::language())
        keys << QStringLiteral("language");
    if (m_tray->isChecked() != ConsolePreferences::closeToTray())
        keys << QStringLiteral("tray");
    return keys;
}

void SettingsPanel::markUnsaved()
{
    if (m_loading)
        return;
    const QStringList keys = unsavedKeys();
    for (auto it = m_labels.cbegin(); it != m_labels.cend(); ++it) {
        const bool changed = keys.contains(it.key());
        QFont font = it.value()->font();
        font.setBold(changed);
        it.value()->setFont(font);
        it.value()->setToolTip(changed ? tr("Changed, not saved yet") : QString());
    }
    m_unsaved->setText(keys.isEmpty() ? QString() : tr("%Ln unsaved change(s)", nullptr, int(keys.size())));
    m_unsaved->setVisible(!keys.isEmpty());
}

void SettingsPanel::discard()
{
    load();
    m_loading = true;
    for (const QString &key : InstallationKeys) {
        QWidget *w = m_editors.value(key);
        if (auto *combo = qobject_cast<QComboBox *>(w))
            combo->setCurrentText(m_config.value(key));
        else
            static_cast<QLineEdit *>(w)->setText(m_config.value(key));
        m_errors.value(key)->clear();
    }
    m_language->setCurrentIndex(qMax(0, m_language->findData(ConsolePreferences::language())));
    m_tray->setChecked(ConsolePreferences::closeToTray());
    m_loading = false;
    markUnsaved();
}

bool SettingsPanel::settleUnsavedChanges()
{
    const QStringList keys = unsavedKeys();
    if (keys.isEmpty())
        return true;
    const auto choice = Prompt::ask(
        this, tr("Unsaved settings"),
        tr("%Ln setting(s) changed and not saved. Save them, or discard the changes?", nullptr, int(keys.size())),
        {tr("Save"), tr("Discard")});
    if (!choice)
        return false;
    if (*choice == 1) {
        discard();
        return true;
    }
    // Policies have dotted keys; the installation's options do not.
    const auto dotted = [](const QString &k) { return k.contains(u'.'); };
    if (std::any_of(keys.cbegin(), keys.cend(), dotted))
        savePolicies();
    if (!std::all_of(keys.cbegin(), keys.cend(), dotted))
        saveInstallation();
    return unsavedKeys().isEmpty();
}

void SettingsPanel::rotateSigningKey()
{
    if (!Prompt::confirm(this, tr("Rotate the signing key"),
                         tr("Make a new signing key for every node? Tokens signed before stay valid until they "
                            "expire; applications that cache the JWKS fetch it again for the new key id."),
                         tr("Rotate")))
        return;
    const auto kid = m_services.keys().rotate(m_actor);
    if (kid)
        m_message->showNote(tr("New signing key %1: every node signs with it from now on.").arg(*kid));
    else
        m_message->showError(tr("The signing key was not rotated: %1").arg(describe(kid.error())));
}

void SettingsPanel::sendTestMail()
{
    const auto to = Prompt::text(this, tr("Send a test mail"), tr("Send a test mail to:"));
    if (!to || to->trimmed().isEmpty())
        return;
    QString error;
    BackgroundTask::run(this, tr("Sending a test mail…"), 1, [&](int) {
        const Status sent = m_services.mailer().send(
            {to->trimmed(), tr("Keyward test mail"),
             tr("This is a test mail from Keyward. If you can read it, mail delivery works.")});
        error = sent ? QString() : describe(sent.error());
        return error;
    });
    if (error.isEmpty())
        m_message->showNote(tr("Test mail sent to %1.").arg(to->trimmed()));
    else
        m_message->showError(tr("The test mail could not be sent: %1").arg(error));
}

} // namespace keyward

#include "password_dialog.h"

#include "message_banner.h"
#include "strength_meter.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QDialogButtonBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>
#include <QVBoxLayout>

namespace keyward {

QString PasswordDialog::generate()
{
    static const QLatin1String alphabet("abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789");
    QString out;
    for (int i = 0; i < 20; ++i)
        out += alphabet.at(QRandomGenerator::system()->bounded(int(alphabet.size())));
    return out;
}

PasswordDialog::PasswordDialog(const QString &username, Save save, QWidget *parent)
    : QDialog(parent)
    , m_save(std::move(save))
    , m_password(new QLineEdit(generate(), this))
    , m_requireChange(new QCheckBox(tr("Must change it at the next login"), this))
    , m_strength(new StrengthMeter(this))
    , m_error(new MessageBanner(this))
{
    setWindowTitle(tr("Reset password of %1").arg(username));
    m_password->setObjectName(QStringLiteral("password"));
    m_requireChange->setChecked(true);
    auto *generateButton = new QPushButton(tr("&Generate"), this);
    auto *copyButton = new QPushButton(tr("&Copy"), this);
    connect(generateButton, &QPushButton::clicked, this, [this] { m_password->setText(generate()); });
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_password->text()); });
    connect(m_password, &QLineEdit::textChanged, this,
            [this, username](const QString &text) { m_strength->assess(text, {username}); });
    m_strength->assess(m_password->text(), {username});

    auto *label = new QLabel(tr("New &password (shown so that you can hand it over):"), this);
    label->setBuddy(m_password);
    auto *row = new QHBoxLayout;
    row->addWidget(m_password, 1);
    row->addWidget(generateButton);
    row->addWidget(copyButton);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    buttons->addButton(tr("&Set password"), QDialogButtonBox::AcceptRole);
    connect(buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(label);
    layout->addLayout(row);
    layout->addWidget(m_strength);
    layout->addWidget(m_requireChange);
    layout->addWidget(m_error);
    layout->addWidget(buttons);
    resize(480, sizeHint().height());
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::requireChange() const
{
    return m_requireChange->isChecked();
}

QString PasswordDialog::errorText() const
{
    return m_error->shownText();
}

void PasswordDialog::accept()
{
    m_error->clear();
    if (const auto error = m_save(password(), requireChange())) {
        QStringList messages;
        for (const FieldError &e : error->fieldErrors())
            messages << e.message;
        m_error->showError(messages.isEmpty() ? describe(*error) : messages.join(QLatin1Char('\n')));
        return;
    }
    QDialog::accept();
}

} // namespace keyward

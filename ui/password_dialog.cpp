#include "password_dialog.h"

#include "strength_meter.h"

#include <QApplication>
#include <QCheckBox>
#include <QClipboard>
#include <QHBoxLayout>
#include <QLineEdit>
#include <QPushButton>
#include <QRandomGenerator>

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
    : FormDialog([this, save = std::move(save)] { return save(password(), requireChange()); }, parent)
    , m_password(new QLineEdit(generate(), this))
    , m_requireChange(new QCheckBox(tr("Must change it at the next login"), this))
    , m_strength(new StrengthMeter(this))
{
    setWindowTitle(tr("Reset password of %1").arg(username));
    auto *generateButton = new QPushButton(tr("&Generate"), this);
    auto *copyButton = new QPushButton(tr("&Copy"), this);
    connect(generateButton, &QPushButton::clicked, this, [this] { m_password->setText(generate()); });
    connect(copyButton, &QPushButton::clicked, this,
            [this] { QApplication::clipboard()->setText(m_password->text()); });
    connect(m_password, &QLineEdit::textChanged, this,
            [this, username](const QString &text) { m_strength->assess(text, {username}); });
    m_strength->assess(m_password->text(), {username});
    m_password->setToolTip(tr("Shown in clear so that you can hand it over"));
    m_requireChange->setChecked(true);

    auto *row = new QWidget(this);
    auto *rowLayout = new QHBoxLayout(row);
    rowLayout->setContentsMargins(0, 0, 0, 0);
    rowLayout->addWidget(m_password, 1);
    rowLayout->addWidget(generateButton);
    rowLayout->addWidget(copyButton);
    m_password->setObjectName(QStringLiteral("password"));
    addField(tr("New &password"), row, QStringLiteral("new_password"));
    addRow(m_strength);
    addRow(m_requireChange);
    finishLayout(tr("&Set password"));
    resize(520, sizeHint().height());
}

QString PasswordDialog::password() const
{
    return m_password->text();
}

bool PasswordDialog::requireChange() const
{
    return m_requireChange->isChecked();
}

} // namespace keyward

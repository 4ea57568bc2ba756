#include "strength_meter.h"

#include "tone.h"

#include "services/password_policy.h"

#include <QHBoxLayout>
#include <QLabel>
#include <QProgressBar>

namespace keyward {

StrengthMeter::StrengthMeter(QWidget *parent)
    : QWidget(parent)
    , m_bar(new QProgressBar(this))
    , m_verdict(new QLabel(this))
{
    m_bar->setRange(0, 4);
    m_bar->setTextVisible(false);
    m_bar->setMaximumHeight(8);
    m_bar->setAccessibleName(tr("Password strength"));
    m_verdict->setWordWrap(true);
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_bar);
    layout->addWidget(m_verdict);
    assess({});
}

void StrengthMeter::assess(const QString &password, const QStringList &userIdentifiers)
{
    const PasswordStrength s = PasswordPolicy::strength(password, userIdentifiers);
    m_score = password.isEmpty() ? 0 : s.score;
    m_bar->setValue(m_score);
    static constexpr Tone tones[] = {Tone::Bad, Tone::Bad, Tone::Warning, Tone::Fair, Tone::Good};
    QPalette p = m_bar->palette();
    p.setColor(QPalette::Highlight, toneColour(tones[m_score], p));
    m_bar->setPalette(p);
    static const char *const words[] = {QT_TR_NOOP("Very weak"), QT_TR_NOOP("Weak"), QT_TR_NOOP("Fair"),
                                        QT_TR_NOOP("Good"), QT_TR_NOOP("Strong")};
    m_verdict->setText(password.isEmpty() ? QString() : tr(words[m_score]));
}

QString StrengthMeter::verdict() const
{
    return m_verdict->text();
}

} // namespace keyward

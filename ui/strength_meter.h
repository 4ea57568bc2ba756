#pragma once

#include <QWidget>

class QLabel;
class QProgressBar;

namespace keyward {

// How guessable a password is as it is typed (PasswordPolicy::strength, 0 to 4), with the
// estimator's warning: the same judgement the API's /password/strength gives.
class StrengthMeter : public QWidget {
    Q_OBJECT
public:
    explicit StrengthMeter(QWidget *parent = nullptr);

    void assess(const QString &password, const QStringList &userIdentifiers = {});
    int score() const { return m_score; }
    QString verdict() const;

private:
    QProgressBar *m_bar;
    QLabel *m_verdict;
    int m_score = 0;
};

} // namespace keyward

#include "password_policy.h"

#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QRegularExpression>

#include <cmath>

namespace keyward {

namespace {

// The bundled list, case-folded, with each entry's frequency rank. Loaded once, read-only after.
const QHash<QString, int> &commonPasswords()
{
    static const QHash<QString, int> table = [] {
        QHash<QString, int> t;
        QFile f(QStringLiteral(":/passwords/common-passwords.txt"));
        if (!f.open(QIODevice::ReadOnly))
            qFatal("the bundled password list is missing from the resources");
        int rank = 0;
        while (!f.atEnd()) {
            const QString line = QString::fromUtf8(f.readLine()).trimmed().toCaseFolded();
            if (!line.isEmpty() && !t.contains(line))
                t.insert(line, rank);
            ++rank;
        }
        return t;
    }();
    return table;
}

qsizetype codePoints(const QString &s)
{
    return s.toUcs4().size();
}

// Guess counts (log10) of the parts a cracker tries first: common passwords, identifiers,
// sequences, keyboard runs and repeats count as one cheap guess each, the rest as brute force.
double log10Guesses(const QString &password, const QStringList &identifiers)
{
    static const QStringList runs{QStringLiteral("abcdefghijklmnopqrstuvwxyz"),
                                  QStringLiteral("0123456789"),
                                  QStringLiteral("qwertyuiop"),
                                  QStringLiteral("asdfghjkl"),
                                  QStringLiteral("zxcvbnm"),
                                  QStringLiteral("qwertzuiop"),
                                  QStringLiteral("azertyuiop")};
    QString rest = password.toCaseFolded();
    double guesses = 0;
    // The user's own identifiers first: they are the most specific guesses.
    for (const QString &id : identifiers) {
        const QString f = id.toCaseFolded();
        if (f.size() >= 3 && rest.contains(f)) {
            rest.remove(f);
            guesses += 1;
        }
    }
    // Then the longest common password inside (at least 4 characters).
    for (qsizetype len = qMin<qsizetype>(rest.size(), 32); len >= 4; --len) {
        bool found = false;
        for (qsizetype i = 0; i + len <= rest.size() && !found; ++i) {
            const auto it = commonPasswords().constFind(rest.mid(i, len));
            if (it != commonPasswords().constEnd()) {
                guesses += std::log10(*it + 2.0);
                rest.remove(i, len);
                found = true;
            }
        }
        if (found)
            len = qMin<qsizetype>(rest.size(), 32) + 1;
    }
    for (const QString &run : runs) {
        for (qsizetype len = run.size(); len >= 4; --len) {
            for (qsizetype i = 0; i + len <= run.size(); ++i) {
                const QString piece = run.mid(i, len);
                QString reversed = piece;
                std::reverse(reversed.begin(), reversed.end());
                for (const QString &p : {piece, reversed}) {
                    if (rest.contains(p)) {
                        rest.remove(p);
                        guesses += 1.5;
                    }
                }
            }
        }
    }
    // Years (1900-2099) are among the first things tried after a word.
    static const QRegularExpression year(QStringLiteral("(19|20)\\d\\d"));
    for (auto m = year.match(rest); m.hasMatch(); m = year.match(rest)) {
        rest.remove(m.capturedStart(), m.capturedLength());
        guesses += 2.3;
    }
    // Runs of one repeated character cost little more than the character.
    QString compact;
    for (qsizetype i = 0; i < rest.size(); ++i)
        if (i < 2 || rest.at(i) != rest.at(i - 1) || rest.at(i) != rest.at(i - 2))
            compact.append(rest.at(i));
    // Brute force over what is left, in the alphabet those characters come from.
    int pool = 0;
    bool lower = false, upper = false, digit = false, other = false;
    // `rest` is case-folded: whether capitals are in play comes from the password itself.
    upper = std::any_of(password.begin(), password.end(), [](QChar c) { return c.isUpper(); });
    for (const QChar c : std::as_const(compact)) {
        lower = lower || c.isLower();
        digit = digit || c.isDigit();
        other = other || !c.isLetterOrNumber();
    }
    pool = (lower ? 26 : 0) + (upper ? 26 : 0) + (digit ? 10 : 0) + (other ? 33 : 0);
    guesses += static_cast<double>(codePoints(compact)) * std::log10(qMax(pool, 10));
    return guesses;
}

} // namespace

int PasswordPolicy::commonRank(const QString &password)
{
    return commonPasswords().value(password.toCaseFolded(), -1);
}

void PasswordPolicy::check(const QString &password, const QStringList &userIdentifiers, QList<FieldError> &errors,
                           const QString &field) const
{
    // Length as a person counts it (code points), not UTF-16 units.
    const qsizetype length = codePoints(password);
    if (length < minLength) {
        errors.append(
            {field, QStringLiteral("too_short"), QStringLiteral("Use at least %1 characters.").arg(minLength)});
        return;
    }
    if (length > maxLength) {
        errors.append({field, QStringLiteral("too_long"), QStringLiteral("Use at most %1 characters.").arg(maxLength)});
        return;
    }
    if (blocklist && commonRank(password) >= 0) {
        errors.append({field, QStringLiteral("common_password"),
                       QStringLiteral("This is one of the most common passwords; choose another.")});
        return;
    }
    const QString folded = password.toCaseFolded();
    for (const QString &id : userIdentifiers) {
        const QString f = id.toCaseFolded();
        if (f.isEmpty())
            continue;
        // The identifier itself, or the identifier with a few characters around it ("jdoe1234").
        if (folded == f || (f.size() >= 4 && folded.contains(f) && codePoints(folded) - codePoints(f) < minLength)) {
            errors.append({field, QStringLiteral("matches_identity"),
                           QStringLiteral("The password must not be built from your username, email or name.")});
            return;
        }
    }
}

PasswordStrength PasswordPolicy::strength(const QString &password, const QStringList &userIdentifiers)
{
    PasswordStrength s;
    const double g = log10Guesses(password, userIdentifiers);
    s.score = g < 3 ? 0 : g < 6 ? 1 : g < 8 ? 2 : g < 10 ? 3 : 4;
    const int rank = commonRank(password);
    if (rank >= 0) {
        s.score = qMin(s.score, rank < 1000 ? 0 : 1);
        s.warning = QStringLiteral("This is a very common password.");
    } else if (s.score < 3) {
        s.warning = QStringLiteral("This password would be guessed quickly.");
    }
    if (s.score < 3) {
        s.suggestions << QStringLiteral("Use a few unrelated words; length beats symbols.");
        if (codePoints(password) < 12)
            s.suggestions << QStringLiteral("Make it longer.");
        s.suggestions << QStringLiteral("Avoid names, dates, keyboard patterns and sequences.");
    }
    return s;
}

} // namespace keyward

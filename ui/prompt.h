#pragma once

#include <QString>
#include <QStringList>
#include <QVariant>

#include <functional>
#include <optional>

class QWidget;

namespace keyward {

class MessageBanner;

// The console's small questions (confirmations, a choice from a list, a file name). Tests queue the
// answers with setNextAnswers() instead of clicking a modal box; with none queued the user is asked.
class Prompt {
public:
    // "Yes" to a destructive action: the default button is the safe one.
    static bool confirm(QWidget *parent, const QString &title, const QString &text, const QString &actionText);
    // A question answered by one of `choices` (buttons; the first is the default) or Cancel
    // (nullopt): the index of the choice.
    static std::optional<int> ask(QWidget *parent, const QString &title, const QString &text,
                                  const QStringList &choices);
    // One of `items`, none of them chosen in advance; nullopt when cancelled.
    static std::optional<QString> choose(QWidget *parent, const QString &title, const QString &label,
                                         const QStringList &items);
    static std::optional<QString> text(QWidget *parent, const QString &title, const QString &label,
                                       const QString &suggestion = {});
    // A file to write; empty when cancelled.
    static QString saveFileName(QWidget *parent, const QString &title, const QString &suggestedName,
                                const QString &filter);

    // Asks where to export to, runs `write` for that path (it returns why it failed, or nothing)
    // and tells the outcome on `banner`.
    static void exportToChosenFile(QWidget *parent, MessageBanner &banner, const QString &title,
                                   const QString &suggestedName, const QString &filter,
                                   const std::function<QString(const QString &path)> &write);
    // A file to read; empty when cancelled.
    static QString openFileName(QWidget *parent, const QString &title, const QString &filter);

    // Answers for the next prompts, in order: a bool for confirm, an int (or a null QVariant for
    // "cancelled") for ask, a QString (or a null QVariant for
    // "cancelled") for choose, text, saveFileName and openFileName.
    static void setNextAnswers(const QVariantList &answers);
    static bool hasPendingAnswers();
};

} // namespace keyward

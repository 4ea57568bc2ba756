#include "prompt.h"

#include "message_banner.h"

#include <QCoreApplication>
#include <QFileDialog>
#include <QInputDialog>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>

namespace keyward {

namespace {

QVariantList &queued()
{
    static QVariantList answers; // GUI thread only
    return answers;
}

std::optional<QVariant> nextQueued()
{
    if (queued().isEmpty())
        return std::nullopt;
    return queued().takeFirst();
}

} // namespace

void Prompt::setNextAnswers(const QVariantList &answers)
{
    queued() = answers;
}

bool Prompt::hasPendingAnswers()
{
    return !queued().isEmpty();
}

bool Prompt::confirm(QWidget *parent, const QString &title, const QString &text, const QString &actionText)
{
    if (auto answer = nextQueued())
        return answer->toBool();
    QMessageBox box(QMessageBox::Warning, title, text, QMessageBox::NoButton, parent);
    QPushButton *action = box.addButton(actionText, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    box.exec();
    return box.clickedButton() == action;
}

std::optional<QString> Prompt::choose(QWidget *parent, const QString &title, const QString &label,
                                      const QStringList &items)
{
    if (auto answer = nextQueued())
        return answer->isNull() ? std::nullopt : std::optional<QString>(answer->toString());
    bool ok = false;
    const QString item = QInputDialog::getItem(parent, title, label, items, 0, false, &ok);
    return ok ? std::optional<QString>(item) : std::nullopt;
}

std::optional<QString> Prompt::text(QWidget *parent, const QString &title, const QString &label,
                                    const QString &suggestion)
{
    if (auto answer = nextQueued())
        return answer->isNull() ? std::nullopt : std::optional<QString>(answer->toString());
    bool ok = false;
    const QString text = QInputDialog::getText(parent, title, label, QLineEdit::Normal, suggestion, &ok);
    return ok ? std::optional<QString>(text) : std::nullopt;
}

QString Prompt::saveFileName(QWidget *parent, const QString &title, const QString &suggestedName, const QString &filter)
{
    if (auto answer = nextQueued())
        return answer->toString();
    const QString dir = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    return QFileDialog::getSaveFileName(parent, title, dir + QLatin1Char('/') + suggestedName, filter);
}

void Prompt::exportToChosenFile(QWidget *parent, MessageBanner &banner, const QString &title,
                                const QString &suggestedName, const QString &filter,
                                const std::function<QString(const QString &path)> &write)
{
    const QString path = saveFileName(parent, title, suggestedName, filter);
    if (path.isEmpty())
        return;
    if (const QString error = write(path); !error.isEmpty())
        banner.showError(QCoreApplication::translate("keyward::Prompt", "Export to %1 failed: %2").arg(path, error));
    else
        banner.showNote(QCoreApplication::translate("keyward::Prompt", "Exported to %1").arg(path));
}

QString Prompt::openFileName(QWidget *parent, const QString &title, const QString &filter)
{
    if (auto answer = nextQueued())
        return answer->toString();
    return QFileDialog::getOpenFileName(parent, title,
                                        QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation), filter);
}

} // namespace keyward

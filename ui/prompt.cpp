#include "prompt.h"

#include "title_fit.h"

#include "message_banner.h"

#include <QCoreApplication>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QStandardPaths>
#include <QVBoxLayout>

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
    box.setTextFormat(Qt::PlainText); // names in the text are users' own: never markup
    QPushButton *action = box.addButton(actionText, QMessageBox::DestructiveRole);
    QPushButton *cancel = box.addButton(QMessageBox::Cancel);
    box.setDefaultButton(cancel);
    fitTitle(box);
    box.exec();
    return box.clickedButton() == action;
}

std::optional<int> Prompt::ask(QWidget *parent, const QString &title, const QString &text, const QStringList &choices)
{
    if (auto answer = nextQueued())
        return answer->isNull() ? std::nullopt : std::optional<int>(answer->toInt());
    QMessageBox box(QMessageBox::Question, title, text, QMessageBox::NoButton, parent);
    box.setTextFormat(Qt::PlainText);
    QList<QAbstractButton *> buttons;
    for (const QString &choice : choices)
        buttons << box.addButton(choice, QMessageBox::AcceptRole);
    box.setEscapeButton(box.addButton(QMessageBox::Cancel));
    if (!buttons.isEmpty())
        box.setDefaultButton(qobject_cast<QPushButton *>(buttons.first()));
    fitTitle(box);
    box.exec();
    const qsizetype chosen = buttons.indexOf(box.clickedButton());
    return chosen < 0 ? std::nullopt : std::optional<int>(int(chosen));
}

std::optional<QString> Prompt::choose(QWidget *parent, const QString &title, const QString &label,
                                      const QStringList &items)
{
    if (auto answer = nextQueued())
        return answer->isNull() ? std::nullopt : std::optional<QString>(answer->toString());
    // Nothing is chosen in advance: Enter alone must not pick the first item (for a role, "admin").
    QDialog dialog(parent);
    dialog.setWindowTitle(title);
    auto *list = new QListWidget(&dialog);
    list->addItems(items);
    list->setCurrentRow(-1);
    auto *caption = new QLabel(label, &dialog);
    caption->setBuddy(list);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    QPushButton *ok = buttons->button(QDialogButtonBox::Ok);
    ok->setEnabled(false);
    QObject::connect(list, &QListWidget::itemSelectionChanged, ok,
                     [list, ok] { ok->setEnabled(!list->selectedItems().isEmpty()); });
    QObject::connect(list, &QListWidget::itemDoubleClicked, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(caption);
    layout->addWidget(list);
    layout->addWidget(buttons);
    fitTitle(dialog);
    if (dialog.exec() != QDialog::Accepted || list->selectedItems().isEmpty())
        return std::nullopt;
    return list->selectedItems().first()->text();
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

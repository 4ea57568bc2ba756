#include "users_panel.h"

#include "services/user_service.h"
#include "user_dialog.h"
#include "user_table_model.h"

#include <QCheckBox>
#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace keyward {

UsersPanel::UsersPanel(UserService &users, Principal actor, QWidget *parent)
    : QWidget(parent)
    , m_users(users)
    , m_actor(std::move(actor))
    , m_model(new UserTableModel(users, m_actor, this))
    , m_table(new QTableView(this))
    , m_search(new QLineEdit(this))
    , m_status(new QComboBox(this))
    , m_deleted(new QCheckBox(tr("Show &deleted"), this))
    , m_total(new QLabel(this))
    , m_error(new QLabel(this))
    , m_debounce(new QTimer(this))
{
    m_search->setPlaceholderText(tr("Search username, email or name"));
    m_search->setClearButtonEnabled(true);
    m_status->addItem(tr("All statuses"), QString());
    m_status->addItem(tr("Active"), QStringLiteral("active"));
    m_status->addItem(tr("Disabled"), QStringLiteral("disabled"));
    // Typing fires one query when the user pauses, not one per key.
    m_debounce->setSingleShot(true);
    m_debounce->setInterval(250);
    connect(m_search, &QLineEdit::textChanged, m_debounce, qOverload<>(&QTimer::start));
    connect(m_debounce, &QTimer::timeout, this, &UsersPanel::applyFilter);
    connect(m_status, &QComboBox::currentIndexChanged, this, &UsersPanel::applyFilter);
    connect(m_deleted, &QCheckBox::toggled, this, &UsersPanel::applyFilter);

    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_table->setSortingEnabled(true);
    m_table->horizontalHeader()->setSortIndicator(UserTableModel::Created, Qt::AscendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    m_table->verticalHeader()->hide();
    m_table->setAlternatingRowColors(true);
    connect(m_table, &QTableView::doubleClicked, this, &UsersPanel::editSelected);
    connect(m_model, &UserTableModel::failed, this, &UsersPanel::showResult);
    connect(m_model, &UserTableModel::totalChanged, this,
            [this](qint64 total) { m_total->setText(tr("%n user(s)", nullptr, static_cast<int>(total))); });

    m_error->setObjectName(QStringLiteral("errorBanner"));
    m_error->setWordWrap(true);
    QPalette palette = m_error->palette();
    palette.setColor(QPalette::WindowText, QColor(0xb3, 0x26, 0x1e));
    m_error->setPalette(palette);
    m_error->hide();

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(m_status);
    filters->addWidget(m_deleted);
    filters->addWidget(m_total);

    auto *actions = new QHBoxLayout;
    const auto button = [&](const QString &text, auto slot) {
        auto *b = new QPushButton(text, this);
        connect(b, &QPushButton::clicked, this, slot);
        actions->addWidget(b);
    };
    button(tr("&New user…"), &UsersPanel::newUser);
    button(tr("&Edit…"), &UsersPanel::editSelected);
    button(tr("D&isable"), [this] { setSelectedEnabled(false); });
    button(tr("En&able"), [this] { setSelectedEnabled(true); });
    button(tr("&Unlock"), &UsersPanel::unlockSelected);
    button(tr("&Delete…"), &UsersPanel::deleteSelected);
    actions->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_error);
    layout->addWidget(m_table, 1);
    m_model->reload();
}

QString UsersPanel::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void UsersPanel::applyFilter()
{
    UserFilter f;
    f.q = m_search->text().trimmed();
    f.status = m_status->currentData().toString();
    f.includeDeleted = m_deleted->isChecked();
    m_model->setFilter(f);
}

void UsersPanel::showResult(const QString &error)
{
    m_error->setText(error);
    m_error->setVisible(!error.isEmpty());
}

QStringList UsersPanel::selectedIds() const
{
    QStringList ids;
    for (const QModelIndex &index : m_table->selectionModel()->selectedRows())
        ids << index.data(UserTableModel::IdRole).toString();
    return ids;
}

const User *UsersPanel::currentUser() const
{
    return m_model->userAt(m_table->currentIndex().row());
}

namespace {

QString message(const ApiError &e)
{
    return e.detail().isEmpty() ? e.title() : e.detail();
}

} // namespace

void UsersPanel::newUser()
{
    UserDialog dialog(
        nullptr,
        [this](const UserDialog::Values &v) -> std::optional<ApiError> {
            CreateUserRequest req;
            req.username = v.username;
            req.email = v.email;
            req.displayName = v.displayName;
            if (!v.password.isEmpty())
                req.password = v.password;
            req.roles = v.roles;
            req.status = v.disabled ? QStringLiteral("disabled") : QStringLiteral("active");
            req.requirePasswordChange = v.requirePasswordChange;
            auto created = m_users.create(m_actor, req);
            return created ? std::nullopt : std::optional<ApiError>(created.error());
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        showResult({});
        m_model->reload();
    }
}

void UsersPanel::editSelected()
{
    const User *current = currentUser();
    if (!current)
        return;
    const User user = *current;
    UserDialog dialog(
        &user,
        [this, user](const UserDialog::Values &v) -> std::optional<ApiError> {
            UserPatch patch;
            patch.username = v.username;
            patch.email = v.email;
            patch.displayName = v.displayName.isEmpty() ? QString() : v.displayName;
            patch.roles = v.roles;
            patch.status = v.disabled ? QStringLiteral("disabled") : QStringLiteral("active");
            patch.requirePasswordChange = v.requirePasswordChange;
            // The version read when the dialog opened: a change made meanwhile elsewhere is not overwritten.
            auto updated = m_users.update(m_actor, user.id, patch, user.version);
            return updated ? std::nullopt : std::optional<ApiError>(updated.error());
        },
        this);
    if (dialog.exec() == QDialog::Accepted) {
        showResult({});
        m_model->reload();
    }
}

void UsersPanel::setSelectedEnabled(bool enabled)
{
    QStringList errors;
    for (const QString &id : selectedIds()) {
        UserPatch patch;
        patch.status = enabled ? QStringLiteral("active") : QStringLiteral("disabled");
        if (auto r = m_users.update(m_actor, id, patch, std::nullopt); !r)
            errors << message(r.error());
    }
    showResult(errors.join(QLatin1Char('\n')));
    m_model->reload();
}

void UsersPanel::unlockSelected()
{
    QStringList errors;
    for (const QString &id : selectedIds())
        if (auto r = m_users.unlock(m_actor, id); !r)
            errors << message(r.error());
    showResult(errors.join(QLatin1Char('\n')));
    m_model->reload();
}

void UsersPanel::deleteSelected()
{
    const QStringList ids = selectedIds();
    if (ids.isEmpty())
        return;
    const auto answer =
        QMessageBox::question(this, tr("Delete users"),
                              tr("Delete %n user(s)? They can no longer log in; an administrator can restore them.",
                                 nullptr, static_cast<int>(ids.size())));
    if (answer != QMessageBox::Yes)
        return;
    QStringList errors;
    for (const QString &id : ids)
        if (auto r = m_users.remove(m_actor, id, false); !r)
            errors << message(r.error());
    showResult(errors.join(QLatin1Char('\n')));
    m_model->reload();
}

} // namespace keyward

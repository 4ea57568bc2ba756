#pragma once

#include <QListWidget>

namespace keyward {

// A list of names with a checkbox each: roles of a user, permissions of a role, scopes of a key.
class CheckList : public QListWidget {
    Q_OBJECT
public:
    CheckList(const QStringList &names, const QStringList &checked, QWidget *parent = nullptr);

    QStringList checked() const;
    void setChecked(const QString &name, bool checked);
};

} // namespace keyward

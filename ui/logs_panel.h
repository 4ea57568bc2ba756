#pragma once

#include "observe/log_handler.h"

#include <QAbstractTableModel>
#include <QWidget>

#include <QHash>
#include <QSet>

#include <deque>
#include <functional>

class QCheckBox;
class QComboBox;
class QLineEdit;
class QSortFilterProxyModel;
class QTableView;
class QTimer;

namespace keyward {

class MessageBanner;

// The log records the console has seen, newest last, at most `capacity` of them. An access line
// (one per HTTP request) shows in columns: method, path, status, duration and user (by name once
// known); other records in Message.
class LogTableModel : public QAbstractTableModel {
    Q_OBJECT
public:
    enum Column { Time, Level, Category, Method, Path, Status, Duration, User, Message, ColumnCount };
    static constexpr int SeverityRole = Qt::UserRole + 1;

    explicit LogTableModel(int capacity, QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    // Appends a batch, dropping the oldest records beyond capacity.
    void append(const QList<logging::Record> &records);
    qint64 lastSeq() const { return m_records.empty() ? m_dropped : m_records.back().record.seq; }
    // The record as one line of text, the form of Copy and Export.
    QString line(int row) const;
    static int severity(const QString &level);

    // User ids seen in access lines not asked about yet (each is asked once: an API key's id has
    // no username); asking empties the list.
    QStringList takeUnknownUserIds();
    void addUsernames(const QHash<QString, QString> &names);

private:
    struct Row {
        logging::Record record;
        bool access = false;
        QString method;
        QString path;
        int status = 0;
        double durationMs = 0;
        QString userId;
        QString client;
    };
    static Row parsed(const logging::Record &record);
    QString userText(const Row &row) const;

    int m_capacity;
    qint64 m_dropped = 0;
    std::deque<Row> m_records;
    QHash<QString, QString> m_usernames;
    QStringList m_unknown;
    QSet<QString> m_asked;
};

// Logs: a live tail of the in-memory log ring with level and text filters, pause, copy and export.
// Records arrive in batches four times a second; rows have a fixed height so thousands a second stay
// cheap to show.
class LogsPanel : public QWidget {
    Q_OBJECT
public:
    // Usernames for user ids (an empty answer leaves the ids).
    using UsernameLookup = std::function<QHash<QString, QString>(const QStringList &ids)>;

    explicit LogsPanel(UsernameLookup usernames = {}, QWidget *parent = nullptr);

    LogTableModel &model() { return *m_model; }
    // The rows that pass the filters.
    int visibleRows() const;
    QLineEdit &textFilter() { return *m_text; }
    QComboBox &levelFilter() { return *m_level; }
    void setPaused(bool paused);
    // Writes the rows that pass the filters to `path`; returns the error, empty on success.
    QString exportTo(const QString &path) const;

public Q_SLOTS:
    void poll();
    void copySelection() const;
    void exportToFile();

private:
    void applyFilter();

    LogTableModel *m_model;
    QSortFilterProxyModel *m_filtered;
    QTableView *m_view;
    QComboBox *m_level;
    QLineEdit *m_text;
    QCheckBox *m_pause;
    MessageBanner *m_message;
    QTimer *m_poll;
    UsernameLookup m_usernames;
    bool m_following = true; // the view sits at the newest line and keeps there as lines come
};

} // namespace keyward

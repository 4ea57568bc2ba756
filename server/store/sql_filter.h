#pragma once

#include <QSqlQuery>
#include <QString>
#include <QVariantList>

namespace keyward {

// A WHERE clause assembled from optional conditions, with its bind values kept in order, so the
// same filter can be bound to a count and to a page query.
class SqlFilter {
public:
    // `condition` holds one '?' per value (or none, for a fixed condition).
    void add(const QString &condition, const QVariantList &values = {})
    {
        m_where += QStringLiteral(" AND ") + condition;
        m_binds += values;
    }
    // Adds every condition of `other`, with its values.
    void add(const SqlFilter &other)
    {
        m_where += other.m_where.mid(WhereTrue.size());
        m_binds += other.m_binds;
    }
    const QString &where() const { return m_where; }
    bool isEmpty() const { return m_where.size() == WhereTrue.size(); }
    void bind(QSqlQuery &query) const
    {
        for (const QVariant &v : m_binds)
            query.addBindValue(v);
    }

private:
    static constexpr QLatin1String WhereTrue{" WHERE 1 = 1"};
    QString m_where{WhereTrue};
    QVariantList m_binds;
};

} // namespace keyward

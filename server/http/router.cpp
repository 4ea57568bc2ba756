#include "router.h"

namespace keyward {

void Router::add(const QByteArray &method, const QString &pattern, RouteOptions options, Handler handler)
{
    Route r{method, pattern, options, std::move(handler), pattern.split(QLatin1Char('/'), Qt::SkipEmptyParts)};
    m_routes.append(std::move(r));
    // Literal segments win over parameters at the same position (/users/export before /users/{id}).
    std::stable_sort(m_routes.begin(), m_routes.end(), [](const Route &a, const Route &b) {
        const auto params = [](const Route &x) {
            return std::count_if(x.segments.begin(), x.segments.end(),
                                 [](const QString &s) { return s.startsWith(QLatin1Char('{')); });
        };
        return params(a) < params(b);
    });
}

Router::Match Router::match(const QByteArray &method, const QString &path) const
{
    const QStringList parts = path.split(QLatin1Char('/'), Qt::SkipEmptyParts);
    Match result;
    const QByteArray effective = method == "HEAD" ? QByteArray("GET") : method;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        QHash<QString, QString> params;
        bool ok = true;
        for (qsizetype i = 0; i < parts.size() && ok; ++i) {
            const QString &seg = r.segments.at(i);
            if (seg.startsWith(QLatin1Char('{')))
                params.insert(seg.mid(1, seg.size() - 2), parts.at(i));
            else
                ok = seg == parts.at(i);
        }
        if (!ok)
            continue;
        if (r.method == effective) {
            if (!result.route) {
                result.route = &r;
                result.params = params;
            }
        }
        if (!result.allowed.contains(r.method))
            result.allowed.append(r.method);
    }
    return result;
}

} // namespace keyward

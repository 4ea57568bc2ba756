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
    const QList<QStringView> parts = QStringView(path).split(QLatin1Char('/'), Qt::SkipEmptyParts);
    const QByteArrayView effective = method == "HEAD" ? QByteArrayView("GET") : QByteArrayView(method);
    const auto isParameter = [](const QString &segment) { return segment.startsWith(QLatin1Char('{')); };
    Match result;
    for (const Route &r : m_routes) {
        if (r.segments.size() != parts.size())
            continue;
        bool matches = true;
        for (qsizetype i = 0; i < parts.size() && matches; ++i)
            matches = isParameter(r.segments.at(i)) || r.segments.at(i) == parts.at(i);
        if (!matches)
            continue;
        if (r.method == effective) {
            result.route = &r;
            for (qsizetype i = 0; i < parts.size(); ++i)
                if (const QString &segment = r.segments.at(i); isParameter(segment))
                    result.params.insert(segment.mid(1, segment.size() - 2), parts.at(i).toString());
            // The other methods of this path are wanted only when none matches (a 405's Allow).
            result.allowed.clear();
            return result;
        }
        if (!result.allowed.contains(r.method))
            result.allowed.append(r.method);
    }
    return result;
}

} // namespace keyward

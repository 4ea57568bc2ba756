#include "oauth2_form.h"

#include "services/oauth_service.h"

#include <QUrl>

namespace keyward::routes {

namespace {

Result<Form> parse(const QByteArray &encoded)
{
    Form form;
    for (const QByteArray &pair : encoded.split('&')) {
        if (pair.isEmpty())
            continue;
        const qsizetype eq = pair.indexOf('=');
        const QString name = formDecoded(pair.left(eq));
        if (form.contains(name))
            return OAuthService::error(400, "invalid_request",
                                       QStringLiteral("'%1' was sent twice.").arg(name.left(40)));
        form.insert(name, eq < 0 ? QString() : formDecoded(pair.mid(eq + 1)));
    }
    return form;
}

} // namespace

QString formDecoded(QByteArray raw)
{
    raw.replace('+', ' ');
    return QUrl::fromPercentEncoding(raw);
}

Result<Form> readForm(const HttpRequest &request)
{
    const QByteArray type = request.header("content-type").split(';').value(0).trimmed().toLower();
    if (type != "application/x-www-form-urlencoded")
        return OAuthService::error(400, "invalid_request", QStringLiteral("Send application/x-www-form-urlencoded."));
    return parse(request.body);
}

Result<Form> readQuery(const HttpRequest &request)
{
    return parse(request.rawQuery);
}

} // namespace keyward::routes

#include "route_helpers.h"
#include "routes.h"

#include <QCryptographicHash>
#include <QFile>

namespace keyward::routes {

namespace {

QByteArray resource(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("resource %s is missing from the build", qPrintable(path));
    return file.readAll();
}

QByteArray sha256Source(const QByteArray &content)
{
    return "'sha256-" + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toBase64() + '\'';
}

// A document compiled into the binary, served with a strong ETag so browsers revalidate cheaply.
struct StaticDocument {
    QByteArray body;
    QByteArray contentType;
    QByteArray contentSecurityPolicy; // empty: the API's strict default
    QByteArray etag;

    StaticDocument(QByteArray content, QByteArray type, QByteArray csp = {})
        : body(std::move(content))
        , contentType(std::move(type))
        , contentSecurityPolicy(std::move(csp))
        , etag('"' + QCryptographicHash::hash(body, QCryptographicHash::Sha256).toHex().left(32) + '"')
    {
    }

    // RFC 9110 §13.1.2: a list of tags or "*", compared weakly.
    bool matches(const QByteArray &ifNoneMatch) const
    {
        for (QByteArray tag : ifNoneMatch.split(',')) {
            tag = tag.trimmed();
            if (tag.startsWith("W/"))
                tag = tag.mid(2);
            if (tag == "*" || tag == etag)
                return true;
        }
        return false;
    }

    HttpResponse serve(const RequestContext &ctx) const
    {
        HttpResponse r;
        if (matches(ctx.request.header("if-none-match")))
            r.status = 304;
        else
            r.body = body;
        r.setHeader("Content-Type", contentType);
        r.setHeader("ETag", etag);
        r.setHeader("Cache-Control", "public, max-age=300");
        if (!contentSecurityPolicy.isEmpty())
            r.setHeader("Content-Security-Policy", contentSecurityPolicy);
        return r;
    }
};

// The reference page is one self-contained document: its stylesheet and script are inlined and
// allowed by hash, so the CSP needs neither 'unsafe-inline' nor any other origin.
StaticDocument docsPage()
{
    const QByteArray style = resource(QStringLiteral(":/docs/docs.css"));
    const QByteArray script = resource(QStringLiteral(":/docs/docs.js"));
    QByteArray page = resource(QStringLiteral(":/docs/index.html"));
    page.replace("{{style}}", style).replace("{{script}}", script);
    const QByteArray csp = "default-src 'none'; script-src " + sha256Source(script) + "; style-src " +
                           sha256Source(style) +
                           "; connect-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; "
                           "frame-ancestors 'none'; require-trusted-types-for 'script'";
    return StaticDocument(page, "text/html; charset=utf-8", csp);
}

} // namespace

void registerDocs(Router &router)
{
    const RouteOptions open{RouteOptions::Access::Public};

    router.add("GET", QStringLiteral("/api/v1/openapi.json"), open, [](RequestContext &ctx) {
        static const StaticDocument openapi(resource(QStringLiteral(":/openapi.json")), "application/json");
        return openapi.serve(ctx);
    });

    router.add("GET", QStringLiteral("/docs"), open, [](RequestContext &ctx) {
        static const StaticDocument page = docsPage();
        return page.serve(ctx);
    });
}

} // namespace keyward::routes

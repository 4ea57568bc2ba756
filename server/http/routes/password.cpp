#include "route_helpers.h"
#include "routes.h"
#include "services/services.h"

#include <QJsonArray>

namespace keyward::routes {

namespace {

QJsonObject assessmentJson(const PasswordAssessment &a)
{
    QJsonArray problems;
    for (const FieldError &e : a.problems)
        problems.append(QJsonObject{{QStringLiteral("code"), e.code}, {QStringLiteral("message"), e.message}});
    return QJsonObject{{QStringLiteral("score"), a.strength.score},
                       {QStringLiteral("feedback"), QJsonObject{{QStringLiteral("warning"), a.strength.warning},
                                                                {QStringLiteral("suggestions"),
                                                                 QJsonArray::fromStringList(a.strength.suggestions)}}},
                       {QStringLiteral("acceptable"), a.acceptable()},
                       {QStringLiteral("errors"), problems}};
}

} // namespace

void registerPassword(Router &router)
{
    // Open to registration forms as well as signed-in users; it stores and logs nothing. Scoring
    // matches against 49,233 common passwords, so it runs on the hashing pool, not on a worker.
    router.add("POST", QStringLiteral("/api/v1/password/strength"),
               {RouteOptions::Access::Public, RouteOptions::Body::JsonObject, RouteOptions::Execution::HashingPool,
                RouteOptions::Limit::Auth},
               [](RequestContext &ctx) {
                   FieldReader r = bodyReader(ctx);
                   const QString password =
                       r.string(QStringLiteral("password"), FieldReader::Required).value_or(QString());
                   const QStringList inputs = r.stringList(QStringLiteral("user_inputs")).value_or(QStringList());
                   if (const auto errors = r.finish(); !errors.isEmpty())
                       return problem(ctx, ApiError::validation(errors));
                   // No password longer than the policy allows is worth scoring.
                   if (const int longest = PasswordPolicy().maxLength; password.size() > longest)
                       return problem(ctx, ApiError::validation(QStringLiteral("password"), QStringLiteral("too_long"),
                                                                QStringLiteral("At most %1 characters.").arg(longest)));
                   return HttpResponse::json(
                       200, assessmentJson(ctx.services.users().assessPassword(password, inputs.mid(0, 10))));
               });
}

} // namespace keyward::routes

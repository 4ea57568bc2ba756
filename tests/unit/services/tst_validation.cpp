#include "services/password_policy.h"
#include "services/validation.h"

#include <QTest>

using namespace keyward;

namespace {
bool accepted(void (*check)(const QString &, QList<FieldError> &), const QString &value)
{
    QList<FieldError> errors;
    check(value, errors);
    return errors.isEmpty();
}
bool emailOk(const QString &value)
{
    QList<FieldError> errors;
    validation::email(value, errors);
    return errors.isEmpty();
}
} // namespace

class TstValidation : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void usernames()
    {
        QVERIFY(accepted(validation::username, QStringLiteral("a.b-c_d9")));
        QVERIFY(accepted(validation::username, QString(64, QLatin1Char('x'))));
        QVERIFY(!accepted(validation::username, QStringLiteral("ab")));
        QVERIFY(!accepted(validation::username, QString(65, QLatin1Char('x'))));
        QVERIFY(!accepted(validation::username, QStringLiteral("with space")));
        QVERIFY(!accepted(validation::username, QStringLiteral("jürgen")));
    }

    void emails()
    {
        for (const char *ok : {"a@b.co", "first.last+tag@sub.example.org", "x@xn--bcher-kva.example", "用户@例子.广告"})
            QVERIFY2(emailOk(QString::fromUtf8(ok)), ok);
        for (const char *bad : {"", "plain", "@example.com", "a@", "a@localhost", "a@@b.co", "a b@c.de", ".a@b.co",
                                "a.@b.co", "a..b@c.de", "a@-b.co", "a@b-.co", "a@b..co", "a@b.co\n"})
            QVERIFY2(!emailOk(QString::fromUtf8(bad)), bad);
        QVERIFY(!emailOk(QString(65, QLatin1Char('a')) + QStringLiteral("@b.co")));
    }

    void attributesAndStatus()
    {
        QList<FieldError> errors;
        validation::attributes(
            {{QStringLiteral("dept"), QStringLiteral("ops")}, {QStringLiteral("ext:id"), QStringLiteral("7")}}, errors);
        QVERIFY(errors.isEmpty());
        validation::attributes({{QStringLiteral("bad key"), QStringLiteral("x")}}, errors);
        QCOMPARE(errors.size(), 1);
        QCOMPARE(validation::status(QStringLiteral("disabled"), errors), User::Status::Disabled);
        QVERIFY(!validation::status(QStringLiteral("Active"), errors));
        QCOMPARE(errors.size(), 2);
        QCOMPARE(errors.last().code, QStringLiteral("invalid_value"));
        errors.clear();
        QVERIFY(accepted(validation::roleName, QStringLiteral("help-desk.l2")));
        QVERIFY(!accepted(validation::roleName, QStringLiteral("Admins")));
    }

    void passwordPolicy()
    {
        const PasswordPolicy policy;
        const auto reasons = [&](const QString &pw) {
            QList<FieldError> errors;
            policy.check(pw, {QStringLiteral("jdoe"), QStringLiteral("jdoe@example.com")}, errors);
            return errors.isEmpty() ? QString() : errors.first().code;
        };
        QCOMPARE(reasons(QStringLiteral("seven77")), QStringLiteral("too_short"));
        QCOMPARE(reasons(QStringLiteral("😀😀😀😀😀😀😀😀")), QString()); // eight characters, sixteen UTF-16 units
        QCOMPARE(reasons(QStringLiteral("😀😀😀😀")), QStringLiteral("too_short"));
        QCOMPARE(reasons(QString(257, QLatin1Char('a'))), QStringLiteral("too_long"));
        QCOMPARE(reasons(QStringLiteral("JDOE@EXAMPLE.COM")), QStringLiteral("matches_identity"));
        QCOMPARE(reasons(QStringLiteral("no composition rules at all")), QString());
        // The bundled list of common passwords, case-insensitively.
        QCOMPARE(reasons(QStringLiteral("password")), QStringLiteral("common_password"));
        QCOMPARE(reasons(QStringLiteral("BASEBALL1")), QStringLiteral("common_password"));
        QCOMPARE(reasons(QStringLiteral("iloveyou")), QStringLiteral("common_password"));
        // Built from an identifier: rejected; merely containing one in a long passphrase: fine.
        QCOMPARE(reasons(QStringLiteral("jdoe1234")), QStringLiteral("matches_identity"));
        QCOMPARE(reasons(QStringLiteral("jdoe writes long passphrases")), QString());
        PasswordPolicy relaxed;
        relaxed.blocklist = false;
        QList<FieldError> errors;
        relaxed.check(QStringLiteral("password"), {}, errors);
        QVERIFY(errors.isEmpty());
        QVERIFY(PasswordPolicy::commonRank(QStringLiteral("123456")) == 0);
        QVERIFY(PasswordPolicy::commonRank(QStringLiteral("a sentence nobody uses")) < 0);
    }

    void strengthEstimate()
    {
        const auto score = [](const char *pw, const QStringList &ids = {}) {
            return PasswordPolicy::strength(QString::fromUtf8(pw), ids).score;
        };
        QCOMPARE(score("password"), 0);
        QCOMPARE(score("123456789"), 0);
        QVERIFY(score("qwertyuiop") <= 1);
        QVERIFY(score("aaaaaaaaaaaaaaaaaaaa") <= 1);
        QVERIFY(score("jdoe2024", {QStringLiteral("jdoe")}) <= 1);
        QVERIFY(score("correct horse battery staple") >= 3);
        QVERIFY(score("vX9#kq2!Lm@8zR") >= 3);
        QVERIFY(score("Summer2024") < score("glacier tuba violet orbit"));
        const PasswordStrength weak = PasswordPolicy::strength(QStringLiteral("letmein"));
        QVERIFY(!weak.warning.isEmpty());
        QVERIFY(!weak.suggestions.isEmpty());
        QVERIFY(PasswordPolicy::strength(QStringLiteral("glacier tuba violet orbit")).warning.isEmpty());
    }
};

QTEST_GUILESS_MAIN(TstValidation)
#include "tst_validation.moc"

// PasswordPolicy (NIST SP 800-63B): length, the bundled common-password list, the user's own
// identifiers, no composition rules; strength scores a person can act on.
#include "services/password_policy.h"

#include <QTest>

using namespace keyward;

namespace {

QStringList codes(const PasswordPolicy &policy, const QString &password, const QStringList &ids = {})
{
    QList<FieldError> errors;
    policy.check(password, ids, errors);
    QStringList out;
    for (const FieldError &e : errors)
        out << e.code;
    return out;
}

} // namespace

class TstPasswordPolicy : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rules()
    {
        PasswordPolicy policy;
        policy.minLength = 10;
        QVERIFY(codes(policy, QStringLiteral("correct horse battery")).isEmpty());
        QVERIFY(codes(policy, QStringLiteral("horse")).contains(QStringLiteral("too_short")));
        QVERIFY(codes(policy, QString(257, QLatin1Char('x'))).contains(QStringLiteral("too_long")));
        QVERIFY(!codes(policy, QStringLiteral("password123")).isEmpty());        // a common password
        QVERIFY(!codes(policy, QStringLiteral("PASSWORD123")).isEmpty());        // in any case
        QVERIFY(codes(policy, QStringLiteral("alllowercaseletters")).isEmpty()); // no composition rules
        QVERIFY(!codes(policy, QStringLiteral("margaret.hamilton"), {QStringLiteral("margaret.hamilton")}).isEmpty());
        policy.blocklist = false;
        QVERIFY(codes(policy, QStringLiteral("password123")).isEmpty());
        QCOMPARE(PasswordPolicy::commonRank(QStringLiteral("123456")), 0);
        QCOMPARE(PasswordPolicy::commonRank(QStringLiteral("a rather unusual phrase of mine")), -1);
    }

    void strength()
    {
        QCOMPARE(PasswordPolicy::strength(QStringLiteral("123456")).score, 0);
        QVERIFY(!PasswordPolicy::strength(QStringLiteral("123456")).warning.isEmpty());
        QVERIFY(PasswordPolicy::strength(QStringLiteral("correct horse battery staple 42")).score >= 3);
        QVERIFY(PasswordPolicy::strength(QStringLiteral("ada lovelace 1815"), {QStringLiteral("ada lovelace")}).score <
                PasswordPolicy::strength(QStringLiteral("ada lovelace 1815")).score);
    }
};

QTEST_GUILESS_MAIN(TstPasswordPolicy)
#include "tst_password_policy.moc"

// The master key in the system keychain, against a real Secret Service daemon (gnome-keyring under
// a private D-Bus session: tests/with-keyring.sh). Read back by secret-tool, another client.
#include "crypto/keychain.h"
#include "crypto/master_key.h"

#include <QDir>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward::crypto;

class TstKeychain : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void initTestCase()
    {
        const bool available = qEnvironmentVariable("KEYWARD_TEST_KEYCHAIN") == QLatin1String("1");
        if (!available && qEnvironmentVariable("KEYWARD_TEST_REQUIRE_KEYCHAIN") == QLatin1String("1"))
            QFAIL("KEYWARD_TEST_REQUIRE_KEYCHAIN=1 but no keychain daemon");
        if (!available)
            QSKIP("no keychain daemon: run under tests/with-keyring.sh (tests/run.sh does)");
    }

    void masterKeyLivesInTheKeychain()
    {
        QTemporaryDir dir;
        QString error;
        const auto first = loadMasterKey({}, dir.path(), true, true, &error);
        QVERIFY2(first, qPrintable(error));
        QCOMPARE(first->source, MasterKeySource::Keychain);
        QVERIFY(!QFile::exists(dir.filePath(QStringLiteral("master.key")))); // nothing on disk
        const auto again = loadMasterKey({}, dir.path(), true, true, &error);
        QCOMPARE(again->bytes, first->bytes);
        QCOMPARE(again->source, MasterKeySource::Keychain);

        QProcess lookup;
        lookup.start(QStringLiteral("secret-tool"),
                     {QStringLiteral("lookup"), QStringLiteral("server"), QStringLiteral("keyward"),
                      QStringLiteral("user"), QStringLiteral("master-key:") + QDir(dir.path()).absolutePath()});
        QVERIFY(lookup.waitForFinished(10000));
        const QByteArray stored = lookup.readAllStandardOutput().trimmed();
        // QtKeychain's schema (org.qt.keychain) keeps binary data base64-encoded; ours is the key in hex.
        QCOMPARE(QByteArray::fromHex(QByteArray::fromBase64(stored)), first->bytes);
    }

    void anExistingKeyFileIsNeverReplaced()
    {
        QTemporaryDir dir;
        QString error;
        const auto fileKey = loadMasterKey({}, dir.path(), false, true, &error); // an installation that used the file
        QVERIFY(fileKey && fileKey->source == MasterKeySource::DataDirFile);
        const auto later = loadMasterKey({}, dir.path(), true, true, &error); // switched to keychain afterwards
        QCOMPARE(later->bytes, fileKey->bytes);
        QCOMPARE(later->source, MasterKeySource::DataDirFile);
    }

    void plainReadAndWrite()
    {
        QString error;
        QByteArray data;
        QCOMPARE(Keychain::read(QStringLiteral("keyward-test"), QStringLiteral("absent"), &data, &error),
                 Keychain::Outcome::NotFound);
        QVERIFY2(Keychain::write(QStringLiteral("keyward-test"), QStringLiteral("k"), "v\x01", &error),
                 qPrintable(error));
        QCOMPARE(Keychain::read(QStringLiteral("keyward-test"), QStringLiteral("k"), &data, &error),
                 Keychain::Outcome::Found);
        QCOMPARE(data, QByteArray("v\x01"));
    }
};

QTEST_GUILESS_MAIN(TstKeychain)
#include "tst_keychain.moc"

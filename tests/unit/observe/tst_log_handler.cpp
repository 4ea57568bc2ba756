#include "core/logging.h"
#include "observe/log_handler.h"

#include <QDir>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTemporaryDir>
#include <QTest>

using namespace keyward;

// Logs at warning level: CTest sets QT_LOGGING_RULES to hide info lines, and environment rules win.
class TstLogHandler : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void rotatesBySizeAndKeepsAFewFiles()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.format = logging::Format::Json;
        o.file = dir.filePath(QStringLiteral("keyward.log"));
        o.maxBytes = 4096;
        o.keep = 2;
        QVERIFY(logging::install(o));
        for (int i = 0; i < 300; ++i)
            qCWarning(lcCore) << "line" << i << QString(40, QLatin1Char('x'));
        const QStringList files = QDir(dir.path()).entryList(QDir::Files, QDir::Name);
        QCOMPARE(files, (QStringList{QStringLiteral("keyward.log"), QStringLiteral("keyward.log.1"),
                                     QStringLiteral("keyward.log.2")}));
        for (const QString &f : files) {
            QFile file(dir.filePath(f));
            QVERIFY(file.size() <= 4096);
            QVERIFY(file.open(QIODevice::ReadOnly));
            const QJsonObject first = QJsonDocument::fromJson(file.readLine()).object();
            QCOMPARE(first.value(QStringLiteral("category")).toString(), QStringLiteral("keyward.core"));
            QCOMPARE(first.value(QStringLiteral("level")).toString(), QStringLiteral("warning"));
            QVERIFY(!first.value(QStringLiteral("time")).toString().isEmpty());
        }
        // The newest line is in the live file.
        QFile live(o.file);
        QVERIFY(live.open(QIODevice::ReadOnly));
        QVERIFY(live.readAll().contains("line 299"));
    }

    void reopensAfterTheFileWasMoved()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.file = dir.filePath(QStringLiteral("k.log"));
        QVERIFY(logging::install(o));
        qCWarning(lcCore) << "before";
        QVERIFY(QFile::rename(o.file, o.file + QStringLiteral(".moved")));
        logging::reopen();
        qCWarning(lcCore) << "after";
        QFile now(o.file);
        QVERIFY(now.open(QIODevice::ReadOnly));
        const QByteArray content = now.readAll();
        QVERIFY(content.contains("after") && !content.contains("before"));
    }

    void ringKeepsRecentRecordsBounded()
    {
        QTemporaryDir dir;
        logging::Options o;
        o.file = dir.filePath(QStringLiteral("ring.log"));
        QVERIFY(logging::install(o));
        const qint64 start = logging::recent().isEmpty() ? 0 : logging::recent().last().seq;
        qCWarning(lcHttp) << "marker one";
        const QList<logging::Record> one = logging::recent(start);
        QCOMPARE(one.size(), 1);
        QCOMPARE(one.first().level, QStringLiteral("warning"));
        QCOMPARE(one.first().category, QStringLiteral("keyward.http"));
        QCOMPARE(one.first().message, QStringLiteral("marker one"));
        for (int i = 0; i < 10'100; ++i)
            qCWarning(lcCore) << i;
        QCOMPARE(logging::recent().size(), 10'000);
        QCOMPARE(logging::recent().last().message, QStringLiteral("10099"));
    }
};

QTEST_GUILESS_MAIN(TstLogHandler)
#include "tst_log_handler.moc"

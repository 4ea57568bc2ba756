// Keyward's files are its owner's alone: directories 0700, files 0600, from the moment they exist.
#include "core/private_files.h"

#include <QFile>
#include <QTemporaryDir>
#include <QTest>

#include <sys/stat.h>

using namespace keyward::files;

namespace {

int modeOf(const QString &path)
{
    struct stat st {};
    if (::stat(QFile::encodeName(path).constData(), &st) != 0)
        return -1;
    return int(st.st_mode & 0777);
}

} // namespace

class TstPrivateFiles : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void directoriesAreCreated0700()
    {
        const mode_t old = ::umask(022);
        QTemporaryDir dir;
        const QString nested = dir.filePath(QStringLiteral("a/b/c"));
        QVERIFY(makePrivateDirectory(nested));
        QCOMPARE(modeOf(nested), 0700);
        QCOMPARE(modeOf(dir.filePath(QStringLiteral("a"))), 0700);
        QVERIFY(makePrivateDirectory(nested)); // already there: fine
        ::umask(old);
    }

    void filesAreMadeOwnerOnly()
    {
        QTemporaryDir dir;
        const QString fresh = dir.filePath(QStringLiteral("keyward.db"));
        QVERIFY(makePrivateFile(fresh));
        QVERIFY(QFile::exists(fresh));
        QCOMPARE(modeOf(fresh), 0600);
        // An existing file readable by others is tightened, and keeps its content.
        const QString open = dir.filePath(QStringLiteral("old.db"));
        QFile f(open);
        QVERIFY(f.open(QIODevice::WriteOnly));
        f.write("data");
        f.close();
        QVERIFY(::chmod(QFile::encodeName(open).constData(), 0644) == 0);
        QVERIFY(makePrivateFile(open));
        QCOMPARE(modeOf(open), 0600);
        QVERIFY(f.open(QIODevice::ReadOnly));
        QCOMPARE(f.readAll(), QByteArray("data"));
        QVERIFY(!makePrivateFile(dir.filePath(QStringLiteral("missing/dir/file"))));
    }
};

QTEST_GUILESS_MAIN(TstPrivateFiles)
#include "tst_private_files.moc"

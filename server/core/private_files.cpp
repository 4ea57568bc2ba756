#include "private_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace keyward::files {

bool makePrivateDirectory(const QString &path)
{
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    if (QFileInfo(absolute).isDir())
        return true; // an existing directory keeps the mode its owner chose
    // Made 0700, not chmod-ed after: nobody can enter it in between.
    return (makePrivateDirectory(QFileInfo(absolute).path()) &&
            QDir().mkdir(absolute, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner)) ||
           QFileInfo(absolute).isDir(); // someone else may have made it meanwhile
}

bool makePrivateFile(const QString &path)
{
    QFile file(path);
    // Created 0600 (not chmod-ed after), so nobody can open it in between; NewOnly leaves an
    // existing one alone, which is then tightened.
    if (!file.exists() && !file.open(QIODevice::WriteOnly | QIODevice::NewOnly, QFile::ReadOwner | QFile::WriteOwner) &&
        !file.exists())
        return false;
    file.close();
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

int lockDataDirectory(const QString &dataDir, bool exclusive)
{
    const QString path = QDir(dataDir).filePath(QStringLiteral("serve.lock"));
    if (!makePrivateDirectory(dataDir) || !makePrivateFile(path))
        return -1;
    const int fd = ::open(QFile::encodeName(path).constData(), O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return -1;
    if (::flock(fd, (exclusive ? LOCK_EX : LOCK_SH) | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

} // namespace keyward::files

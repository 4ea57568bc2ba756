#include "private_files.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>

namespace keyward::files {

bool makePrivateDirectory(const QString &path)
{
    const QString absolute = QDir::cleanPath(QDir(path).absolutePath());
    if (QFileInfo(absolute).isDir())
        return true; // an existing directory keeps the mode its owner chose
    if (!makePrivateDirectory(QFileInfo(absolute).path()) || !QDir().mkdir(absolute))
        return QFileInfo(absolute).isDir(); // someone else may have made it meanwhile
    return QFile::setPermissions(absolute, QFile::ReadOwner | QFile::WriteOwner | QFile::ExeOwner);
}

bool makePrivateFile(const QString &path)
{
    QFile file(path);
    if (!file.exists()) {
        if (!file.open(QIODevice::WriteOnly))
            return false;
        file.close();
    }
    return file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
}

} // namespace keyward::files

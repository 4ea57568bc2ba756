#include "master_key.h"

#include "digest.h"

#include <QDir>
#include <QFile>
#include <QSaveFile>

namespace keyward::crypto {

static std::optional<QByteArray> readKeyFile(const QString &path, QString *error)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("cannot read master key file %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    QByteArray content = f.read(1024);
    if (content.size() == 32)
        return content;
    const QByteArray trimmed = content.trimmed();
    if (trimmed.size() == 64) {
        auto r = QByteArray::fromHex(trimmed);
        if (r.size() == 32 && r.toHex() == trimmed.toLower())
            return r;
    }
    wipe(content);
    *error = QStringLiteral("master key file %1 must hold 32 bytes or 64 hex characters").arg(path);
    return std::nullopt;
}

std::optional<MasterKey> loadMasterKey(const QString &keyFile, const QString &dataDir, QString *error)
{
    if (!keyFile.isEmpty()) {
        auto bytes = readKeyFile(keyFile, error);
        if (!bytes)
            return std::nullopt;
        return MasterKey{*bytes, MasterKeySource::File, keyFile};
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("master.key"));
    if (QFile::exists(path)) {
        auto bytes = readKeyFile(path, error);
        if (!bytes)
            return std::nullopt;
        return MasterKey{*bytes, MasterKeySource::DataDirFile, path};
    }
    if (!QDir().mkpath(dataDir)) {
        *error = QStringLiteral("cannot create data directory %1").arg(dataDir);
        return std::nullopt;
    }
    QSaveFile f(path);
    const QByteArray key = randomBytes(32);
    // Restrict before writing: the key must never exist on disk with wider permissions.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(key.toHex()) != 64 || !f.commit()) {
        *error = QStringLiteral("cannot write master key file %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return MasterKey{key, MasterKeySource::DataDirFile, path};
}

} // namespace keyward::crypto

#include "master_key.h"

#include "core/logging.h"
#include "core/private_files.h"
#include "digest.h"
#include "keychain.h"

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

std::optional<MasterKey> loadMasterKey(const QString &keyFile, const QString &dataDir, bool useKeychain, bool mayCreate,
                                       QString *error)
{
    if (!keyFile.isEmpty()) {
        auto bytes = readKeyFile(keyFile, error);
        if (!bytes)
            return std::nullopt;
        return MasterKey{*bytes, MasterKeySource::File, keyFile};
    }
    const QString service = QStringLiteral("keyward");
    const QString entry = QStringLiteral("master-key:") + QDir(dataDir).absolutePath();
    bool keychainReachable = false;
    if (useKeychain) {
        QByteArray stored;
        QString keychainError;
        switch (Keychain::read(service, entry, &stored, &keychainError)) {
        case Keychain::Outcome::Found: {
            const QByteArray key = QByteArray::fromHex(stored);
            if (key.size() != 32) {
                *error = QStringLiteral("the keychain entry %1 does not hold a 256-bit key").arg(entry);
                return std::nullopt;
            }
            return MasterKey{key, MasterKeySource::Keychain, entry};
        }
        case Keychain::Outcome::NotFound:
            keychainReachable = true;
            break;
        case Keychain::Outcome::Unavailable:
            qCWarning(lcCrypto).noquote()
                << "system keychain unavailable (" << keychainError << "): using the key file in the data directory";
            break;
        }
    }
    const QString path = QDir(dataDir).filePath(QStringLiteral("master.key"));
    if (QFile::exists(path)) {
        auto bytes = readKeyFile(path, error);
        if (!bytes)
            return std::nullopt;
        return MasterKey{*bytes, MasterKeySource::DataDirFile, path};
    }
    if (!mayCreate) {
        *error = QStringLiteral("no master key: the database was set up with one that is neither at %1%2 nor "
                                "given with --master-key-file (KEYWARD_MASTER_KEY_FILE); a new key would open none "
                                "of its sealed data")
                     .arg(path, useKeychain ? QStringLiteral(" nor in the system keychain entry ") + entry : QString());
        return std::nullopt;
    }
    const QByteArray key = randomBytes(32);
    if (keychainReachable) {
        QString keychainError;
        if (Keychain::write(service, entry, key.toHex(), &keychainError))
            return MasterKey{key, MasterKeySource::Keychain, entry};
        qCWarning(lcCrypto).noquote() << "cannot store the master key in the keychain (" << keychainError
                                      << "): using a key file in the data directory";
    }
    if (!files::makePrivateDirectory(dataDir)) {
        *error = QStringLiteral("cannot create data directory %1").arg(dataDir);
        return std::nullopt;
    }
    QSaveFile f(path);
    // Restrict before writing: the key must never exist on disk with wider permissions.
    if (!f.open(QIODevice::WriteOnly) || !f.setPermissions(QFile::ReadOwner | QFile::WriteOwner) ||
        f.write(key.toHex()) != 64 || !f.commit()) {
        *error = QStringLiteral("cannot write master key file %1: %2").arg(path, f.errorString());
        return std::nullopt;
    }
    return MasterKey{key, MasterKeySource::DataDirFile, path};
}

} // namespace keyward::crypto

#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::crypto {

// Where the 256-bit master key came from; check-config and readiness report it.
enum class MasterKeySource { File, Keychain, DataDirFile };

struct MasterKey {
    QByteArray bytes;
    MasterKeySource source = MasterKeySource::DataDirFile;
    QString location;
};

// Loads the master key, in this order: `keyFile` when given (systemd credentials, Docker secrets; 32
// raw bytes or 64 hex characters); with `useKeychain`, the system keychain entry for this data
// directory; an existing `<dataDir>/master.key`; else, when `mayCreate`, a new key, stored in the
// keychain when asked and reachable, otherwise in `<dataDir>/master.key` (0600). A key is never
// silently replaced: an existing one always wins over creating another. A new key suits only a new
// database: for one that holds sealed data the caller passes mayCreate false, and a missing key is
// an error that says where to put it.
std::optional<MasterKey> loadMasterKey(const QString &keyFile, const QString &dataDir, bool useKeychain, bool mayCreate,
                                       QString *error);

} // namespace keyward::crypto

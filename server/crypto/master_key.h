#pragma once

#include <QByteArray>
#include <QString>

#include <optional>

namespace keyward::crypto {

// Where the 256-bit master key came from; check-config and readiness report it.
enum class MasterKeySource { File, DataDirFile };

struct MasterKey {
    QByteArray bytes;
    MasterKeySource source = MasterKeySource::DataDirFile;
    QString location;
};

// Loads the master key: from `keyFile` when given (systemd credentials, Docker secrets; 32 raw bytes
// or 64 hex characters), else from `<dataDir>/master.key`, created 0600 on first start.
// Returns nullopt and sets `error` when a key exists but cannot be used.
std::optional<MasterKey> loadMasterKey(const QString &keyFile, const QString &dataDir, QString *error);

} // namespace keyward::crypto

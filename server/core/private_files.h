#pragma once

#include <QString>

// Keyward's own files hold the user base: only the account Keyward runs as may read them.
namespace keyward::files {

// Creates `path` and missing parents; every directory created here is 0700. False when it cannot.
bool makePrivateDirectory(const QString &path);
// Creates `path` empty if missing, and makes it readable and writable by its owner only (0600).
bool makePrivateFile(const QString &path);

// The data directory's lock (the file "serve.lock" in it), held for as long as the descriptor is
// open, and let go by the kernel however the process ends: every node serving from the directory
// holds it shared, a restore exclusive, so a restore never swaps the database under a running node.
// The descriptor, or -1 when the lock is held the other way (or the file cannot be made).
int lockDataDirectory(const QString &dataDir, bool exclusive);

} // namespace keyward::files

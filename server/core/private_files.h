#pragma once

#include <QString>

// Keyward's own files hold the user base: only the account Keyward runs as may read them.
namespace keyward::files {

// Creates `path` and missing parents; every directory created here is 0700. False when it cannot.
bool makePrivateDirectory(const QString &path);
// Creates `path` empty if missing, and makes it readable and writable by its owner only (0600).
bool makePrivateFile(const QString &path);

} // namespace keyward::files

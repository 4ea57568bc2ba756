#pragma once

#include <QString>
#include <QVariant>

#include <optional>

namespace keyward {

// A keyset cursor of the users list: the sort it belongs to, the sort key and id of the row it
// starts from, and whether the page lies after that row or before it. Opaque to clients (base64url
// JSON), and read back as untrusted input.
struct UserCursor {
    QString sort;
    QVariant key; // text, or whole milliseconds
    QString id;
    bool before = false;

    QString encode() const;
    // nullopt for anything this did not make: not base64url JSON, missing or mistyped fields, or a
    // number that is not a whole millisecond time.
    static std::optional<UserCursor> decode(const QString &text);
};

} // namespace keyward

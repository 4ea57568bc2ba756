#pragma once

#include "core/field_reader.h"
#include "core/json_writer.h"
#include "core/user.h"
#include "user_service.h"

#include <QJsonObject>

namespace keyward {

// A user's JSON shape, read and written in this one place: the REST API's and the export file's.

// A user as the API shows it (never a hash or secret); a lock that has run out shows as none.
void writeUserJson(JsonWriter &out, const User &user, qint64 nowMs);
QByteArray userJsonBytes(const User &user, qint64 nowMs);
// Until when `user` rendered at `nowMs` stays as it is: a lock shown runs out (a kept rendering
// must then be made anew, though nothing was written).
qint64 userJsonValidUntil(const User &user, qint64 nowMs);
// A page of the users list: {"items", "next_cursor", "prev_cursor" (it pages both ways), "total",
// "total_exact" (a search is counted up to a bound)}.
QByteArray userPageJson(const UserPage &page, qint64 nowMs);
// The same, for composing with other QJson values (rarer responses, the CSV export).
QJsonObject userJson(const User &user, qint64 nowMs);
// A new user: self-registration reads its own fields, admins (and imports) all of them.
CreateUserRequest readCreateUserRequest(FieldReader &reader, bool adminFields);
// A change: fields absent stay as they are; display_name null clears it.
UserPatch readUserPatch(FieldReader &reader, bool adminFields);

} // namespace keyward

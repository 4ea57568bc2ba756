#pragma once

#include <QStringView>

// The readers of each import format behind ImportPlan::read (user_transfer.h): one function per
// format turns a document's user into a CreateUserRequest, password hashes kept as they are for
// PasswordHasher to verify at the first login and upgrade.
namespace keyward::import_formats {

// Whether a CSV cell starts like a spreadsheet formula: the export quotes such a cell with a
// leading apostrophe, and the CSV import takes that apostrophe off again.
bool startsLikeFormula(QStringView text);

} // namespace keyward::import_formats

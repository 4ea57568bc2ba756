#pragma once

#include <QString>
#include <QtGlobal>

namespace keyward::logging {

enum class Format { Json, Text };

// Routes every qDebug/qInfo/... through one handler writing to stderr: JSON lines (one object per
// record, for log shippers) or readable text (for terminals). `level` is debug|info|warning|error;
// QT_LOGGING_RULES still overrides per category.
void install(Format format, const QString &level);
// JSON when stderr is not a terminal, text when it is.
Format defaultFormat();

} // namespace keyward::logging

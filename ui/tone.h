#pragma once

#include <QColor>

class QPalette;

namespace keyward {

// The console's status colours, one place for all: good, a warning, bad. Each is picked for the
// palette in use, so it reads on a light desktop theme and on a dark one alike; nothing else in
// the console names a colour.
enum class Tone { Good, Fair, Warning, Bad };

// `tone` for text or marks drawn on `palette`'s window and base colours.
QColor toneColour(Tone tone, const QPalette &palette);
// Whether `palette` is a dark theme (light text on a dark window).
bool isDark(const QPalette &palette);

} // namespace keyward

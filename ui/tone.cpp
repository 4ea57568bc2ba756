#include "tone.h"

#include <QPalette>

namespace keyward {

bool isDark(const QPalette &palette)
{
    return palette.color(QPalette::Window).lightness() < palette.color(QPalette::WindowText).lightness();
}

QColor toneColour(Tone tone, const QPalette &palette)
{
    // Darker shades against a light window, lighter ones against a dark window: both keep a
    // contrast of at least 4.5:1 against the default Fusion and Adwaita backgrounds.
    const bool dark = isDark(palette);
    switch (tone) {
    case Tone::Good:
        return dark ? QColor(0x7e, 0xd3, 0x8f) : QColor(0x1f, 0x7a, 0x3a);
    case Tone::Fair:
        return dark ? QColor(0xc9, 0xd8, 0x6b) : QColor(0x4d, 0x6e, 0x1a);
    case Tone::Warning:
        return dark ? QColor(0xf2, 0xb5, 0x5c) : QColor(0x9a, 0x55, 0x00);
    case Tone::Bad:
        break;
    }
    return dark ? QColor(0xff, 0x8a, 0x80) : QColor(0xb3, 0x26, 0x1e);
}

} // namespace keyward

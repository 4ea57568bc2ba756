#pragma once

namespace keyward {

class Config;

namespace ui {

// Runs the desktop console on `config`: opens and serves the node, shows the main window, and
// drains the server when the window closes. Returns the process exit code. Needs a QApplication.
int runConsole(const Config &config);

} // namespace ui
} // namespace keyward

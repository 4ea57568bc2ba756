#pragma once

namespace keyward::exit_code {

// The exit codes of every Keyward command (API.md): the CLI's, and the node's when it cannot start.
enum : int { Success = 0, Failure = 1, Usage = 2, InvalidConfig = 3 };

} // namespace keyward::exit_code

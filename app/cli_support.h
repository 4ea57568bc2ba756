#pragma once

#include "core/api_error.h"

#include <QTextStream>

#include <optional>

class QCommandLineParser;

namespace keyward {
class Node;
}

namespace keyward::cli {

// What every command shares: the two streams, opening the node, reading a password, reporting a
// service's refusal.
QTextStream &out();
QTextStream &err();

// Opens `node` (master key, database, services); prints why not and returns the exit code.
int open(Node &node, bool migrate);

// The password from --password-stdin (one line) or --password-file (trailing newlines dropped):
// never from the command line, where other users see it. nullopt (reported) when unreadable.
std::optional<QString> readPassword(const QCommandLineParser &p);

// Prints a service's refusal with its field errors on stderr; returns exit_code::Failure.
int printError(const ApiError &error);

} // namespace keyward::cli

#pragma once
// The command-line face of the wharf binary. Runs without creating any widget.

class QCoreApplication;

namespace wharf::cli {

// True when argv names a subcommand (or --help/--version): main() then skips the GUI entirely.
[[nodiscard]] bool wantsCli(int argc, char *argv[]);
// `--verbose` is among the arguments (before any "--"): log every request (services/Logging).
[[nodiscard]] bool wantsVerbose(int argc, char *argv[]);
// Runs the command line held by `app`; returns the process exit code.
[[nodiscard]] int run(QCoreApplication &app);

} // namespace wharf::cli

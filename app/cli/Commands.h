#pragma once
// The CLI subcommands. Each takes its own arguments (after the subcommand name) and returns the
// process exit code; none of them creates a widget.

#include <QStringList>

namespace wharf::cli {

class CliContext;

int searchCommand(CliContext &context, const QStringList &arguments);
int reposCommand(CliContext &context, const QStringList &arguments); // SearchCommand.cpp
int tagsCommand(CliContext &context, const QStringList &arguments);
int inspectCommand(CliContext &context, const QStringList &arguments);
int loginCommand(CliContext &context, const QStringList &arguments);
int logoutCommand(CliContext &context, const QStringList &arguments);
// The local store (StoreCommands.cpp).
int pullCommand(CliContext &context, const QStringList &arguments);
int imagesCommand(CliContext &context, const QStringList &arguments);
int rmCommand(CliContext &context, const QStringList &arguments);
int gcCommand(CliContext &context, const QStringList &arguments);
int verifyCommand(CliContext &context, const QStringList &arguments);
int exportCommand(CliContext &context, const QStringList &arguments); // ExportCommand.cpp
int layersCommand(CliContext &context, const QStringList &arguments); // LayersCommand.cpp
int loadCommand(CliContext &context, const QStringList &arguments); // EngineCommands.cpp

} // namespace wharf::cli

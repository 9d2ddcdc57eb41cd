#include "cli/Cli.h"

#include <QCoreApplication>
#include <QTextStream>

#include <cstring>

namespace wharf::cli {

bool wantsCli(int argc, char *argv[])
{
    if (argc < 2)
        return false;
    const char *first = argv[1];
    return first[0] != '-' || std::strcmp(first, "--help") == 0 || std::strcmp(first, "-h") == 0
        || std::strcmp(first, "--version") == 0;
}

int run(QCoreApplication &app)
{
    Q_UNUSED(app);
    QTextStream(stderr) << "not implemented\n";
    return 2;
}

} // namespace wharf::cli

// wharf-hub-emulator: the test bed's Docker Hub web-API double as a program of its own, so
// scripts/demo can point Wharf's search at it (WHARF_HUB_URL) without network access.
//
//   wharf-hub-emulator --storage ROOT [--port N]     prints its base URL, runs until killed
#include "HubEmulator.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QFileInfo>
#include <QTextStream>

int main(int argc, char *argv[])
{
    QCoreApplication app(argc, argv);
    QCoreApplication::setApplicationName(QStringLiteral("wharf-hub-emulator"));
    QCommandLineParser parser;
    parser.setApplicationDescription(
        QStringLiteral("Serves Docker Hub's search and tag API for the repositories in a docker-registry storage root."));
    parser.addHelpOption();
    parser.addOption({QStringLiteral("storage"), QStringLiteral("The registry's filesystem storage root."), QStringLiteral("ROOT")});
    parser.addOption({QStringLiteral("port"), QStringLiteral("The port on 127.0.0.1 (0: any free one)."), QStringLiteral("N"),
                      QStringLiteral("0")});
    parser.process(app);

    QTextStream err(stderr);
    const QString storage = parser.value(QStringLiteral("storage"));
    if (storage.isEmpty() || !QFileInfo(storage).isDir()) {
        err << "wharf-hub-emulator: --storage must name a registry storage root\n";
        return 2;
    }
    bool ok = false;
    const uint port = parser.value(QStringLiteral("port")).toUInt(&ok);
    if (!ok || port > 65535) {
        err << "wharf-hub-emulator: --port must be 0..65535\n";
        return 2;
    }

    wharf::testbed::HubEmulator hub;
    hub.setStorageRoot(QFileInfo(storage).absoluteFilePath());
    QString error;
    if (!hub.listen(&error, quint16(port))) {
        err << "wharf-hub-emulator: " << error << '\n';
        return 1;
    }
    QTextStream(stdout) << hub.baseUrl().toString() << Qt::endl;
    return QCoreApplication::exec();
}

// Lists one layer blob the way the Layers pane does, for bench-layers.sh to time against GNU tar:
//
//   bench_layerlist file PATH DIGEST SIZE                    LayerArchiveReader over the file (hashed)
//   bench_layerlist store STORE DIGEST SIZE                  LayerListJob reading the store's blob
//   bench_layerlist registry HOST:PORT REPOSITORY DIGEST SIZE   LayerListJob streaming from a
//                                                            registry (loopback: plain HTTP)
//
// Prints "ENTRIES entries, COMPRESSED -> UNCOMPRESSED bytes, complete" and exits 0, or the error
// and exits 1. Every entry is held in memory until the end, as the pane holds them.

#include "archive/LayerArchiveReader.h"
#include "layers/LayerListJob.h"
#include "registry/RegistryClient.h"

#include <QCoreApplication>
#include <QFile>

#include <cstdio>

using namespace wharf;

namespace {

int report(const LayerListing &listing)
{
    if (!listing.complete) {
        std::fprintf(stderr, "bench_layerlist: %s: %s (after %lld entries)\n",
                     qPrintable(listing.error ? listing.error->codeName() : QStringLiteral("incomplete")),
                     qPrintable(listing.error ? listing.error->message() : QString()), qlonglong(listing.entries.size()));
        return 1;
    }
    std::printf("%lld entries, %lld -> %lld bytes, complete\n", qlonglong(listing.entries.size()), qlonglong(listing.compressedSize),
                qlonglong(listing.uncompressedSize));
    return 0;
}

int usage()
{
    std::fprintf(stderr, "usage: bench_layerlist file PATH DIGEST SIZE\n"
                         "       bench_layerlist store STORE DIGEST SIZE\n"
                         "       bench_layerlist registry HOST:PORT REPOSITORY DIGEST SIZE\n");
    return 2;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const QStringList args = app.arguments();
    if (args.size() == 5 && args.at(1) == u"file") {
        const auto digest = Digest::parse(args.at(3));
        if (!digest)
            return usage();
        QFile file(args.at(2));
        if (!file.open(QIODevice::ReadOnly)) {
            std::fprintf(stderr, "bench_layerlist: %s\n", qPrintable(file.errorString()));
            return 1;
        }
        LayerArchiveReader::DeviceSource source(file);
        return report(LayerArchiveReader::list(source, {*digest, args.at(4).toLongLong()}));
    }
    if (args.size() == 5 && args.at(1) == u"store") {
        Descriptor layer;
        const auto digest = Digest::parse(args.at(3));
        if (!digest)
            return usage();
        layer.digest = *digest;
        layer.size = args.at(4).toLongLong();
        RegistryClient client;
        auto *job = new LayerListJob(&client, QStringLiteral("127.0.0.1:1"), QStringLiteral("bench"), layer, args.at(2));
        int status = 1;
        QObject::connect(job, &Job::finished, &app, [&status, job, &app] {
            status = job->fromStore() ? report(job->listing()) : 1;
            if (!job->fromStore())
                std::fprintf(stderr, "bench_layerlist: the blob was not read from the store\n");
            app.quit();
        });
        job->start();
        app.exec();
        return status;
    }
    if (args.size() == 6 && args.at(1) == u"registry") {
        Descriptor layer;
        const auto digest = Digest::parse(args.at(4));
        if (!digest)
            return usage();
        layer.digest = *digest;
        layer.size = args.at(5).toLongLong();
        RegistryClient client;
        auto *job = new LayerListJob(&client, args.at(2), args.at(3), layer, QString());
        int status = 1;
        QObject::connect(job, &Job::finished, &app, [&status, job, &app] {
            status = report(job->listing());
            app.quit();
        });
        job->start();
        app.exec();
        return status;
    }
    return usage();
}

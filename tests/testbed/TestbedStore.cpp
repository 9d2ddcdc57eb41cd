#include "TestbedStore.h"

#include "archive/TarWriter.h"

#include <QBuffer>
#include <QCryptographicHash>
#include <QDateTime>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QTemporaryDir>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

Descriptor descriptorOf(const QJsonObject &object)
{
    auto parsed = Descriptor::fromJson(object);
    return parsed ? *parsed : Descriptor();
}

bool failWith(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

QString TestbedStore::sourceOf(const Digest &digest) const
{
    const QString inLayout = m_images.layoutPath() + u"/blobs/"_s + digest.algorithm() + u'/' + digest.encoded();
    if (QFile::exists(inLayout))
        return inLayout;
    // docker-registry's filesystem driver: blobs/<alg>/<first two hex>/<hex>/data
    const QString inRegistry = m_images.storageRoot() + u"/docker/registry/v2/blobs/"_s + digest.algorithm() + u'/'
        + digest.encoded().left(2) + u'/' + digest.encoded() + u"/data"_s;
    return QFile::exists(inRegistry) ? inRegistry : QString();
}

bool TestbedStore::copyBlob(const Descriptor &descriptor, QString *error) const
{
    if (!descriptor.digest.isValid())
        return failWith(error, u"invalid descriptor"_s);
    if (m_store.hasBlob(descriptor.digest, descriptor.size))
        return true;
    QFile source(sourceOf(descriptor.digest));
    if (!source.open(QIODevice::ReadOnly))
        return failWith(error, u"the test bed has no blob "_s + descriptor.digest.toString());
    return storeBlob(m_store, descriptor, source, error);
}

bool TestbedStore::storeBlob(const ImageStore &store, const Descriptor &descriptor, QIODevice &source, QString *error)
{
    auto ingest = store.beginIngest(descriptor);
    if (!ingest)
        return failWith(error, ingest.error().message());
    while (!source.atEnd())
        if (auto written = ingest->write(source.read(1 << 20)); !written)
            return failWith(error, written.error().message());
    if (auto committed = ingest->commit(); !committed)
        return failWith(error, committed.error().message());
    return true;
}

bool TestbedStore::storeBytes(const ImageStore &store, const Descriptor &descriptor, const QByteArray &bytes, QString *error)
{
    QByteArray copy = bytes;
    QBuffer buffer(&copy);
    buffer.open(QIODevice::ReadOnly);
    return storeBlob(store, descriptor, buffer, error);
}

bool TestbedStore::addImage(const QString &reference, const QString &repository, const QString &tag, const QString &platform,
                            QString *error) const
{
    const QJsonObject image = m_images.image(repository, tag, platform);
    if (image.isEmpty())
        return failWith(error, u"the test bed has no "_s + repository + u':' + tag);
    const Descriptor manifest = descriptorOf(image);
    if (!copyBlob(manifest, error) || !copyBlob(descriptorOf(image.value("config"_L1).toObject()), error))
        return false;
    for (const QJsonValue &layer : image.value("layers"_L1).toArray())
        if (!copyBlob(descriptorOf(layer.toObject()), error))
            return false;
    StoredImage stored;
    stored.reference = reference;
    auto parsedPlatform = Platform::parse(TestbedImages::platformString(image.value("platform"_L1).toObject()));
    if (!parsedPlatform)
        return failWith(error, parsedPlatform.error().message());
    stored.platform = *parsedPlatform;
    stored.manifest = manifest;
    const QString top = m_images.digest(repository, tag);
    if (top != manifest.digest.toString()) {
        // Keep the index too: gc keeps it as long as a platform from it is stored.
        Descriptor index;
        index.mediaType = m_images.mediaType(repository, tag);
        index.digest = *Digest::parse(top);
        index.size = m_images.tag(repository, tag).value("size"_L1).toInteger();
        if (!copyBlob(index, error))
            return false;
        stored.indexDigest = top;
    }
    if (auto added = m_store.addImage(stored); !added)
        return failWith(error, added.error().message());
    return true;
}

std::optional<StoredImage> TestbedStore::addRandomImage(const ImageStore &store, const QString &reference, int mebibytes, bool byDigest)
{
    QTemporaryDir work;
    const QString layerPath = work.filePath(u"layer.tar"_s);
    {
        auto writer = TarWriter::create(layerPath);
        if (!writer || !writer->beginFile(u"big.bin"_s, qint64(mebibytes) << 20))
            return std::nullopt;
        QByteArray chunk(1 << 20, Qt::Uninitialized);
        for (int i = 0; i < mebibytes; ++i) {
            QRandomGenerator::global()->fillRange(reinterpret_cast<quint32 *>(chunk.data()), chunk.size() / 4);
            if (!writer->writeData(chunk))
                return std::nullopt;
        }
        if (!writer->endFile() || !writer->finish())
            return std::nullopt;
    }
    QFile layerFile(layerPath);
    if (!layerFile.open(QIODevice::ReadOnly))
        return std::nullopt;
    QCryptographicHash hash(QCryptographicHash::Sha256);
    hash.addData(&layerFile);
    layerFile.seek(0);
    Descriptor layer;
    layer.mediaType = u"application/vnd.oci.image.layer.v1.tar"_s;
    layer.digest = *Digest::parse(QString(u"sha256:"_s + QString::fromLatin1(hash.result().toHex())));
    layer.size = layerFile.size();
    if (!storeBlob(store, layer, layerFile))
        return std::nullopt;
    const QByteArray config = QJsonDocument(QJsonObject{
        {u"architecture"_s, u"amd64"_s},
        {u"os"_s, u"linux"_s},
        {u"created"_s, u"2026-01-01T00:00:00Z"_s},
        {u"config"_s, QJsonObject{}},
        {u"rootfs"_s, QJsonObject{{u"type"_s, u"layers"_s}, {u"diff_ids"_s, QJsonArray{layer.digest.toString()}}}},
        {u"history"_s, QJsonArray{QJsonObject{{u"created_by"_s, u"COPY big.bin /"_s}}}},
    }).toJson(QJsonDocument::Compact);
    Descriptor configDescriptor;
    configDescriptor.mediaType = u"application/vnd.oci.image.config.v1+json"_s;
    configDescriptor.digest = Digest::sha256Of(config);
    configDescriptor.size = config.size();
    const QByteArray manifest = QJsonDocument(QJsonObject{
        {u"schemaVersion"_s, 2},
        {u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
        {u"config"_s, configDescriptor.toJson()},
        {u"layers"_s, QJsonArray{layer.toJson()}},
    }).toJson(QJsonDocument::Compact);
    Descriptor manifestDescriptor;
    manifestDescriptor.mediaType = u"application/vnd.oci.image.manifest.v1+json"_s;
    manifestDescriptor.digest = Digest::sha256Of(manifest);
    manifestDescriptor.size = manifest.size();
    if (!storeBytes(store, configDescriptor, config) || !storeBytes(store, manifestDescriptor, manifest))
        return std::nullopt;
    StoredImage image;
    image.reference = byDigest ? reference + u'@' + manifestDescriptor.digest.toString() : reference;
    image.platform = *Platform::parse(u"linux/amd64"_s);
    image.manifest = manifestDescriptor;
    image.pulledAt = QDateTime::currentDateTimeUtc();
    if (!store.addImage(image))
        return std::nullopt;
    return image;
}

} // namespace wharf::testbed

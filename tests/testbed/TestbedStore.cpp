#include "TestbedStore.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonObject>

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
    auto ingest = m_store.beginIngest(descriptor);
    if (!ingest)
        return failWith(error, ingest.error().message());
    while (!source.atEnd())
        if (auto written = ingest->write(source.read(64 * 1024)); !written)
            return failWith(error, written.error().message());
    if (auto committed = ingest->commit(); !committed)
        return failWith(error, committed.error().message());
    return true;
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

} // namespace wharf::testbed

// Fuzzes models/documents/DocumentParser: the bytes as a manifest or index served under each
// Content-Type a registry sends for one (and under none, which falls back to the document's own
// mediaType and shape), as a manifest fetched through a descriptor they match, as an image config,
// a lone descriptor and an oci-layout file.
//
// Checked on every input: the same bytes never parse as an image manifest under one Content-Type
// and as an index under another (CVE-2021-41190, which the parser exists to rule out), nor as a
// Docker schema 1 manifest and either of those; and what a signed schema 1 manifest's digest
// covers (its payload) is bounded by the bytes: a prefix of them and a tail written inside them.

#include "FuzzCheck.h"

#include "documents/DocumentParser.h"
#include "documents/MediaTypes.h"

#include <QByteArrayView>
#include <QStringList>

#include <cstddef>
#include <cstdint>
#include <variant>

using namespace wharf;

namespace {

void touch(const Descriptor &descriptor)
{
    (void)descriptor.toJson();
    (void)descriptor.isAttestation();
    (void)descriptor.attestedDigest().shortForm();
    if (descriptor.platform)
        (void)descriptor.platform->toString();
}

void touch(const ImageManifest &manifest)
{
    (void)manifest.isDocker();
    (void)manifest.isArtifact();
    (void)manifest.totalLayerSize();
    touch(manifest.config);
    for (const Descriptor &layer : manifest.layers)
        touch(layer);
}

void touch(const Schema1Manifest &manifest)
{
    touch(manifest.image);
    (void)manifest.config.nonEmptyHistoryCount();
    (void)manifest.name.size();
}

void touch(const ImageIndex &index)
{
    for (const Descriptor &manifest : index.platformManifests())
        touch(manifest);
    (void)index.attestations().size();
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));

    static const QStringList contentTypes = {
        QString(MediaTypes::OciManifest),
        QString(MediaTypes::OciIndex),
        QString(MediaTypes::DockerManifest),
        QString(MediaTypes::DockerManifestList),
        QString(MediaTypes::DockerSchema1Manifest),
        QString(MediaTypes::DockerSchema1Signed),
        QString(), // no Content-Type at all: the document decides
    };
    bool readAsManifest = false;
    bool readAsIndex = false;
    bool readAsSchema1 = false;
    for (const QString &contentType : contentTypes) {
        const Result<ManifestDocument> document = parseManifest(bytes, contentType);
        if (!document)
            continue;
        if (const auto *manifest = std::get_if<ImageManifest>(&*document)) {
            readAsManifest = true;
            touch(*manifest);
        } else if (const auto *schema1 = std::get_if<Schema1Manifest>(&*document)) {
            readAsSchema1 = true;
            touch(*schema1);
        } else {
            readAsIndex = true;
            touch(std::get<ImageIndex>(*document));
        }
        if (const Result<QByteArray> digested = digestedManifestBytes(bytes.toByteArray(), contentType))
            WHARF_FUZZ_CHECK(digested->size() <= 2 * bytes.size()); // a prefix, plus a tail written inside it
    }
    WHARF_FUZZ_CHECK(!(readAsManifest && readAsIndex));
    WHARF_FUZZ_CHECK(!(readAsSchema1 && (readAsManifest || readAsIndex)));

    Descriptor expected;
    expected.mediaType = QString(MediaTypes::OciManifest);
    expected.digest = Digest::sha256Of(bytes);
    expected.size = qint64(size);
    if (const Result<ManifestDocument> document = parseManifest(bytes, expected))
        WHARF_FUZZ_CHECK(!readAsIndex || !std::holds_alternative<ImageManifest>(*document));

    if (const Result<ImageConfig> config = parseConfig(bytes)) {
        (void)config->nonEmptyHistoryCount();
        (void)config->created.isValid();
        for (const Digest &diffId : config->diffIds)
            (void)diffId.toString();
    }
    if (const Result<Descriptor> descriptor = parseDescriptor(bytes))
        touch(*descriptor);
    if (const Result<QString> version = parseLayoutHeader(bytes))
        (void)version->size();
    return 0;
}

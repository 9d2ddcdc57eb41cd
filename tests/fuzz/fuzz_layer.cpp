// Fuzzes the layer listing (models/archive/LayerArchiveReader) and the merge that reads listings
// (models/layers/LayerStack, MergeState): the bytes are a layer blob (gzip, zstd or plain tar) read
// from memory against its own sha256 and size, so the digest check passes and the fuzzer reaches
// the tar. The listing, whole or cut short, is then stacked twice, so that the second copy's
// whiteouts, opaque folders and replacements act on the first; the stack's trees are built, its
// efficiency measured (every file of the first copy is wasted) and it is compared with the listing
// alone: every consumer of a listing in models/layers.
//
// Checked on every input: a listing is complete, or it carries the error that cut it short.

#include "FuzzCheck.h"

#include "archive/LayerArchiveReader.h"
#include "layers/FileTree.h"
#include "layers/ImageDiff.h"
#include "layers/ImageEfficiency.h"
#include "layers/LayerStack.h"

#include <QBuffer>
#include <QByteArray>

#include <cstddef>
#include <cstdint>

using namespace wharf;

namespace {

// The reader's own caps, with the decompression allowance cut from 1 GiB to 64 MiB: inflating a
// bomb up to a cap is correct behaviour, but at 1 GiB it would cost the fuzzer seconds per input.
LayerArchiveReader::Limits fuzzLimits()
{
    LayerArchiveReader::Limits limits;
    limits.expansion.maxBytes = qint64(64) << 20;
    limits.expansion.ratioFloor = qint64(64) << 20;
    return limits;
}

void touch(const FileTree &tree)
{
    (void)tree.depthFirst().size();
    (void)tree.count(FileMark::Deleted);
    (void)tree.root().totalSize;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    QBuffer blob;
    blob.setData(reinterpret_cast<const char *>(data), qsizetype(size));
    blob.open(QIODevice::ReadOnly);
    LayerArchiveReader::DeviceSource source(blob);
    LayerArchiveReader::Expected expected;
    expected.digest = Digest::sha256Of(blob.data());
    expected.size = qint64(size);

    const LayerListing listing = LayerArchiveReader::list(source, expected, fuzzLimits());
    WHARF_FUZZ_CHECK(listing.complete != listing.error.has_value());

    const LayerStack stack({listing, listing});
    touch(stack.layerTree(1));
    touch(stack.mergedTree(1));
    touch(stack.finalTree());
    (void)ImageEfficiency::measure(stack).offenders.size();
    (void)ImageDiff::compare(LayerStack({listing}), stack).files.size();
    return 0;
}

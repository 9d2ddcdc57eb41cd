// Fuzzes Digest::parse (models/core): the bytes, as UTF-8, as a digest string from a manifest, a
// header or a file name. A digest that parses is verified against the input's own bytes.
//
// Checked on every input: a parsed digest reads back as itself from its own toString().

#include "FuzzCheck.h"

#include "core/Digest.h"

#include <QByteArrayView>
#include <QString>

#include <cstddef>
#include <cstdint>

using namespace wharf;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    const Result<Digest> digest = Digest::parse(QString::fromUtf8(bytes));
    if (!digest)
        return 0;
    (void)digest->shortForm();
    const Result<Digest> again = Digest::parse(digest->toString());
    WHARF_FUZZ_CHECK(again && *again == *digest);
    (void)verifyBytes(bytes, *digest, qint64(size));
    return 0;
}

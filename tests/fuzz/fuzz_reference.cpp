// Fuzzes models/reference: the input is "REFERENCE" or "REFERENCE\nPATTERN" (a NUL splits like the
// newline). REFERENCE, as UTF-8, goes to ImageReference::parseDockerRef and parseNormalized and to
// Platform::parse; a platform that parses gets PlatformMatcher::only() ranked against a fixed set
// of index entries. PATTERN, when there is one, is a glob for familiarMatch() on each reference
// that parsed.
//
// Checked on every input: a normalised reference reads back as itself from its own toString(), and
// a platform runs a bounded number of others (arm64/v9.x, the longest line, lists about 25; a
// matcher built from an absurd variant such as v999999 must not list every level below it).

#include "FuzzCheck.h"

#include "reference/ImageReference.h"
#include "reference/Platform.h"
#include "reference/PlatformMatcher.h"

#include <QByteArrayView>
#include <QList>
#include <QString>

#include <cstddef>
#include <cstdint>
#include <optional>

using namespace wharf;
using namespace Qt::StringLiterals;

namespace {

constexpr qsizetype kMaxPreferenceOrder = 64;

// What a multi-platform index offers: the common Linux lines, arm variants, a Windows build and a
// buildkit attestation.
const QList<Platform> &candidates()
{
    static const QList<Platform> platforms = {
        {.os = u"linux"_s, .architecture = u"amd64"_s},
        {.os = u"linux"_s, .architecture = u"amd64"_s, .variant = u"v3"_s},
        {.os = u"linux"_s, .architecture = u"386"_s},
        {.os = u"linux"_s, .architecture = u"arm"_s, .variant = u"v5"_s},
        {.os = u"linux"_s, .architecture = u"arm"_s, .variant = u"v7"_s},
        {.os = u"linux"_s, .architecture = u"arm64"_s, .variant = u"v8"_s},
        {.os = u"linux"_s, .architecture = u"riscv64"_s},
        {.os = u"windows"_s, .architecture = u"amd64"_s, .osVersion = u"10.0.17763.5329"_s},
        {.os = u"unknown"_s, .architecture = u"unknown"_s},
    };
    return platforms;
}

void checkReference(const Result<ImageReference> &reference, const std::optional<QString> &pattern)
{
    if (!reference)
        return;
    (void)reference->familiarString();
    (void)reference->registryHost();
    (void)reference->hubNamespace();
    (void)reference->hubRepository();
    (void)reference->isLoopback();
    const Result<ImageReference> again = ImageReference::parseNormalized(reference->toString());
    WHARF_FUZZ_CHECK(again && *again == *reference);
    if (pattern)
        (void)reference->familiarMatch(*pattern);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const QByteArrayView bytes(data, qsizetype(size));
    qsizetype split = 0;
    while (split < bytes.size() && bytes[split] != '\n' && bytes[split] != '\0')
        ++split;
    const QString text = QString::fromUtf8(bytes.first(split));
    std::optional<QString> pattern;
    if (split < bytes.size())
        pattern = QString::fromUtf8(bytes.sliced(split + 1));

    checkReference(ImageReference::parseDockerRef(text), pattern);
    checkReference(ImageReference::parseNormalized(text), pattern);

    if (const Result<Platform> platform = Platform::parse(text)) {
        (void)platform->toString();
        (void)platform->normalized();
        const PlatformMatcher matcher = PlatformMatcher::only(*platform);
        WHARF_FUZZ_CHECK(matcher.preferenceOrder().size() <= kMaxPreferenceOrder);
        for (const Platform &candidate : candidates())
            (void)matcher.rank(candidate);
        (void)matcher.selectBest(candidates());
    }
    return 0;
}

#pragma once
// An OS/architecture pair as in an OCI index (os, architecture, variant, os.version, os.features),
// with containerd's parsing, normalisation and formatting. Matching lives in PlatformMatcher.

#include "core/Error.h"

#include <QJsonObject>
#include <QMetaType>
#include <QString>
#include <QStringList>

namespace wharf {

struct Platform
{
    QString os;
    QString architecture;
    QString variant;
    QString osVersion;
    QStringList osFeatures;

    // containerd's platforms.Parse: "os[(osversion[+feature…])]/arch[/variant]", or one part
    // (a known OS or a known arch, the rest from the host). Normalised the way Parse does it, which
    // is not quite normalized(): "linux/arm" keeps an empty variant and "linux/arm64/v8" keeps v8.
    [[nodiscard]] static Result<Platform> parse(QStringView specifier);
    // The descriptor "platform" object ({"architecture","os","variant","os.version","os.features"}).
    [[nodiscard]] static Platform fromJson(const QJsonObject &object);
    [[nodiscard]] QJsonObject toJson() const;
    // This machine's platform (containerd's DefaultSpec; arm variant from /proc/cpuinfo).
    [[nodiscard]] static Platform host();

    // containerd's Normalize: aarch64→arm64, x86_64→amd64, arm64/v8→arm64, arm→arm/v7, …
    [[nodiscard]] Platform normalized() const;
    // "os/arch[/variant]" (containerd's Format), without os.version.
    [[nodiscard]] QString toString() const;
    // buildkit attestation manifests use unknown/unknown so runtimes never pick them.
    [[nodiscard]] bool isUnknown() const;
    [[nodiscard]] bool isEmpty() const { return os.isEmpty() && architecture.isEmpty(); }

    friend bool operator==(const Platform &, const Platform &) = default;
};

} // namespace wharf

Q_DECLARE_METATYPE(wharf::Platform)

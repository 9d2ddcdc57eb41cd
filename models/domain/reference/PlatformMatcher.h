#pragma once
// Decides which entries of an image index a platform can run and which one to pull: containerd's
// Only (the platform plus what it can also run, best first) and OnlyStrict (the platform alone),
// with the Windows os.version compatibility rules.

#include "reference/Platform.h"

#include <QList>

namespace wharf {

class PlatformMatcher
{
public:
    // What `docker pull` uses: amd64 also runs 386, arm/vN runs arm/v(N-1)…v5, arm64 runs arm/v8…v5,
    // and amd64/vN and arm64/vX.Y run the lower levels of their line.
    [[nodiscard]] static PlatformMatcher only(const Platform &platform);
    // The platform alone, after normalisation (arm64 still equals arm64/v8).
    [[nodiscard]] static PlatformMatcher onlyStrict(const Platform &platform);

    [[nodiscard]] bool matches(const Platform &candidate) const { return rank(candidate) >= 0; }
    // Where the candidate sits in preferenceOrder(): 0 is best, -1 means it cannot run.
    [[nodiscard]] int rank(const Platform &candidate) const;
    // Index of the candidate to pull: lowest rank, then most OS features, then the first one (the
    // index's own order breaks ties, as containerd's stable sort does); -1 if none can run.
    [[nodiscard]] qsizetype selectBest(const QList<Platform> &candidates) const;
    // The accepted platforms, best first and normalised: "linux/arm64" gives linux/arm64,
    // linux/arm/v8, linux/arm/v7, linux/arm/v6, linux/arm/v5.
    [[nodiscard]] const QList<Platform> &preferenceOrder() const { return m_order; }

private:
    // major.minor.build of a Windows os.version; all zero when absent or unreadable, which matches
    // every candidate (containerd's windowsVersionMatcher).
    struct WindowsVersion
    {
        int major = 0;
        int minor = 0;
        int build = 0;

        [[nodiscard]] static WindowsVersion parse(const QString &osVersion);
        [[nodiscard]] bool isEmpty() const { return major == 0 && minor == 0 && build == 0; }
    };

    explicit PlatformMatcher(QList<Platform> order);
    [[nodiscard]] bool entryMatches(const Platform &entry, const Platform &candidate, const Platform &normalized) const;
    [[nodiscard]] bool windowsVersionMatches(const QString &candidateVersion) const;

    QList<Platform> m_order;
    WindowsVersion m_windowsHost;
};

} // namespace wharf

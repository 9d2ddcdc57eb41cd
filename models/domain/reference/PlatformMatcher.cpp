#include "reference/PlatformMatcher.h"

#include <algorithm>
#include <iterator>
#include <optional>

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// Windows builds that later hosts keep running (the stable ABI LTSC releases), oldest first.
constexpr int kLtsc2022 = 20348;
constexpr int kCompatibleLtscReleases[] = {kLtsc2022, 26100};

// The highest levels the architectures define: x86-64 micro-architecture levels v1…v4, 32-bit Arm
// v5…v8. containerd lists every level below the one asked for; a specifier such as
// linux/amd64/v999999 (from --platform, or from a hostile index) would make that a million
// candidates, so the lists start at the highest defined level instead — the levels in between
// do not exist, so no real image is ranked differently.
constexpr int kHighestAmd64Level = 4;
constexpr int kHighestArmVersion = 8;

// Every Windows image used to declare win32k and no host spec lists it; containerd disregards it.
constexpr QLatin1StringView kWin32kFeature("win32k");
constexpr QLatin1StringView kWindows("windows");

// strconv.Atoi for the non-negative numbers a variant can hold.
std::optional<int> toNumber(QStringView text)
{
    if (text.isEmpty() || text.size() > 6)
        return std::nullopt;
    int value = 0;
    for (QChar c : text) {
        if (c < u'0' || c > u'9')
            return std::nullopt;
        value = value * 10 + (c.unicode() - u'0');
    }
    return value;
}

QStringView withoutV(QStringView variant)
{
    return variant.startsWith(u'v') ? variant.mid(1) : variant;
}

Platform withArch(const Platform &base, const QString &architecture, const QString &variant)
{
    Platform p = base;
    p.architecture = architecture;
    p.variant = variant;
    return p;
}

// "v8", "v8.2", "v9.1": containerd writes the .0 minor without its suffix.
QString versionVariant(int major, int minor)
{
    QString variant = u'v' + QString::number(major);
    if (minor != 0)
        variant += u'.' + QString::number(minor);
    return variant;
}

// containerd's platformVector: the platform, then what it can also run, best first.
QList<Platform> platformVector(const Platform &platform)
{
    QList<Platform> vector{platform};
    const QString &arch = platform.architecture;

    if (arch == u"amd64") {
        // x86-64 micro-architecture levels: v3 also runs v2 and v1 (plain amd64), and all run 386.
        if (const auto level = toNumber(withoutV(platform.variant)); level && *level > 1) {
            for (int lower = std::min(*level - 1, kHighestAmd64Level); lower >= 1; --lower)
                vector.append(withArch(platform, arch, u'v' + QString::number(lower)));
        }
        vector.append(withArch(platform, u"386"_s, QString()));
    } else if (arch == u"arm") {
        if (const auto version = toNumber(withoutV(platform.variant)); version && *version > 5) {
            for (int lower = std::min(*version - 1, kHighestArmVersion); lower >= 5; --lower)
                vector.append(withArch(platform, arch, u'v' + QString::number(lower)));
        }
    } else if (arch == u"arm64") {
        const QString variant = platform.variant.isEmpty() ? u"v8"_s : platform.variant;
        const qsizetype dot = variant.indexOf(u'.');
        const QStringView majorPart = dot < 0 ? QStringView(variant) : QStringView(variant).left(dot);
        if (const auto parsedMajor = toNumber(withoutV(majorPart)); parsedMajor && *parsedMajor >= 8) {
            int major = *parsedMajor;
            int minor = 0;
            // Like containerd, only "vX.Y" with one-digit parts carries a minor version.
            if (variant.size() == 4 && dot >= 0)
                minor = toNumber(QStringView(variant).mid(dot + 1)).value_or(0);
            if (major == 9) {
                for (int lower = minor - 1; lower >= 0; --lower)
                    vector.append(withArch(platform, arch, versionVariant(9, lower)));
                // Armv9.0 branched from Armv8.5, so v9.x runs v8.(x+5), up to the last one, v8.9.
                minor = std::min(minor + 5, 9);
                major = 8;
                vector.append(withArch(platform, arch, versionVariant(8, minor)));
            }
            for (int lower = minor - 1; lower >= 0; --lower)
                vector.append(withArch(platform, arch, versionVariant(major, lower)));
        }
        // Every arm64 level runs 32-bit arm up to arm/v8, which is as high as arm goes.
        const bool armV8Capable = variant.startsWith(u"v8") || variant.startsWith(u"v9");
        vector.append(platformVector(withArch(platform, u"arm"_s, armV8Capable ? u"v8"_s : variant)));
    }
    return vector;
}

} // namespace

PlatformMatcher::PlatformMatcher(QList<Platform> order)
    : m_order(std::move(order))
{
    // NewMatcher normalises every entry, so arm64/v8 and arm64 are one platform, as are arm and arm/v7.
    for (Platform &entry : m_order)
        entry = entry.normalized();
    if (!m_order.isEmpty() && m_order.first().os == kWindows)
        m_windowsHost = WindowsVersion::parse(m_order.first().osVersion);
}

PlatformMatcher PlatformMatcher::only(const Platform &platform)
{
    return PlatformMatcher(platformVector(platform.normalized()));
}

PlatformMatcher PlatformMatcher::onlyStrict(const Platform &platform)
{
    return PlatformMatcher({platform.normalized()});
}

int PlatformMatcher::rank(const Platform &candidate) const
{
    // Attestation manifests say unknown/unknown precisely so that nothing ever runs them.
    if (candidate.isUnknown())
        return -1;
    const Platform normalized = candidate.normalized();
    for (qsizetype i = 0; i < m_order.size(); ++i) {
        if (entryMatches(m_order.at(i), candidate, normalized))
            return int(i);
    }
    return -1;
}

qsizetype PlatformMatcher::selectBest(const QList<Platform> &candidates) const
{
    qsizetype best = -1;
    int bestRank = -1;
    qsizetype bestFeatures = 0;
    for (qsizetype i = 0; i < candidates.size(); ++i) {
        const int r = rank(candidates.at(i));
        if (r < 0)
            continue;
        const qsizetype features = candidates.at(i).osFeatures.size();
        // Strict comparisons, so among equals the earlier entry of the index stays.
        if (best < 0 || r < bestRank || (r == bestRank && features > bestFeatures)) {
            best = i;
            bestRank = r;
            bestFeatures = features;
        }
    }
    return best;
}

bool PlatformMatcher::entryMatches(const Platform &entry, const Platform &candidate, const Platform &normalized) const
{
    if (entry.os != normalized.os || entry.architecture != normalized.architecture || entry.variant != normalized.variant)
        return false;
    const bool windows = entry.os == kWindows;
    if (windows && !windowsVersionMatches(candidate.osVersion))
        return false;
    // The candidate may only ask for OS features the entry has.
    for (const QString &feature : normalized.osFeatures) {
        if (windows && feature == kWin32kFeature)
            continue;
        if (!entry.osFeatures.contains(feature))
            return false;
    }
    return true;
}

PlatformMatcher::WindowsVersion PlatformMatcher::WindowsVersion::parse(const QString &osVersion)
{
    // getWindowsOSVersion: "major.minor.build[.revision]" with 8-, 8- and 16-bit parts.
    const QStringList parts = osVersion.split(u'.');
    if (parts.size() < 3)
        return {};
    bool majorOk = false;
    bool minorOk = false;
    bool buildOk = false;
    const uint major = parts.at(0).toUInt(&majorOk);
    const uint minor = parts.at(1).toUInt(&minorOk);
    const uint build = parts.at(2).toUInt(&buildOk);
    if (!majorOk || !minorOk || !buildOk || major > 0xff || minor > 0xff || build > 0xffff)
        return {};
    return {int(major), int(minor), int(build)};
}

bool PlatformMatcher::windowsVersionMatches(const QString &candidateVersion) const
{
    // An image or a host without os.version (HPC containers, specifiers without "(…)") goes anywhere.
    if (m_windowsHost.isEmpty() || candidateVersion.isEmpty())
        return true;
    const WindowsVersion container = WindowsVersion::parse(candidateVersion);
    const WindowsVersion &host = m_windowsHost;
    if (host.major != container.major || host.minor != container.minor)
        return false;
    // Before Windows Server 2022 the kernel ABI was not stable: only the same build runs.
    if (host.build < kLtsc2022)
        return host.build == container.build;
    // Since then a host runs containers from the newest LTSC release before it up to its own build.
    int oldestRunnable = kLtsc2022;
    for (auto it = std::rbegin(kCompatibleLtscReleases); it != std::rend(kCompatibleLtscReleases); ++it) {
        if (host.build > *it) {
            oldestRunnable = *it;
            break;
        }
    }
    return oldestRunnable <= container.build && container.build <= host.build;
}

} // namespace wharf

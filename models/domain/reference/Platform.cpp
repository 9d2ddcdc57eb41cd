#include "reference/Platform.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QRegularExpression>
#include <QSysInfo>
#include <QUrl>

#include <optional>
#include <tuple>
#include <utility>

#ifdef Q_OS_LINUX
#include <sys/utsname.h>
#endif

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Platform)
};

constexpr QLatin1StringView kUnknown("unknown");

// database.go, generated there from Go's syslist.go.
bool isKnownOS(QStringView os)
{
    static const QStringList known = {
        u"aix"_s, u"android"_s, u"darwin"_s, u"dragonfly"_s, u"freebsd"_s, u"hurd"_s, u"illumos"_s,
        u"ios"_s, u"js"_s, u"linux"_s, u"nacl"_s, u"netbsd"_s, u"openbsd"_s, u"plan9"_s, u"solaris"_s,
        u"windows"_s, u"zos"_s,
    };
    return known.contains(os);
}

bool isKnownArch(QStringView arch)
{
    static const QStringList known = {
        u"386"_s, u"amd64"_s, u"amd64p32"_s, u"arm"_s, u"armbe"_s, u"arm64"_s, u"arm64be"_s,
        u"ppc64"_s, u"ppc64le"_s, u"loong64"_s, u"mips"_s, u"mipsle"_s, u"mips64"_s, u"mips64le"_s,
        u"mips64p32"_s, u"mips64p32le"_s, u"ppc"_s, u"riscv"_s, u"riscv64"_s, u"s390"_s, u"s390x"_s,
        u"sparc"_s, u"sparc64"_s, u"wasm"_s,
    };
    return known.contains(arch);
}

// Go's GOOS for the running system.
QString goOS()
{
    if (QSysInfo::productType() == u"android")
        return u"android"_s;
    const QString kernel = QSysInfo::kernelType();
    if (kernel == u"winnt")
        return u"windows"_s;
    return kernel.toLower();
}

// Go's GOARCH for the CPU the system runs on. Qt names the CPU family; Go also encodes byte order.
QString goArch()
{
    const QString cpu = QSysInfo::currentCpuArchitecture();
    const bool little = QSysInfo::ByteOrder == QSysInfo::LittleEndian;
    if (cpu == u"x86_64")
        return u"amd64"_s;
    if (cpu == u"i386")
        return u"386"_s;
    if (cpu == u"arm64")
        return little ? u"arm64"_s : u"arm64be"_s;
    if (cpu == u"arm")
        return little ? u"arm"_s : u"armbe"_s;
    if (cpu == u"power64")
        return little ? u"ppc64le"_s : u"ppc64"_s;
    if (cpu == u"power")
        return u"ppc"_s;
    if (cpu == u"mips64")
        return little ? u"mips64le"_s : u"mips64"_s;
    if (cpu == u"mips")
        return little ? u"mipsle"_s : u"mips"_s;
    if (cpu == u"sparcv9")
        return u"sparc64"_s;
    if (cpu == u"loongarch64")
        return u"loong64"_s;
    return cpu; // riscv64, s390x, wasm, … already match
}

// The value of the first "key : value" line of /proc/cpuinfo, as containerd's getCPUInfo reads it.
std::optional<QString> cpuInfoField(QStringView key)
{
    QFile file(u"/proc/cpuinfo"_s);
    if (!file.open(QIODevice::ReadOnly | QIODevice::Text))
        return std::nullopt;
    // procfs reports a size of 0, so read until readLine comes back empty rather than trusting atEnd().
    for (QByteArray line = file.readLine(); !line.isEmpty(); line = file.readLine()) {
        const qsizetype colon = line.indexOf(':');
        if (colon < 0)
            continue;
        const QString name = QString::fromUtf8(line.left(colon)).trimmed();
        if (name.compare(key, Qt::CaseInsensitive) == 0)
            return QString::fromUtf8(line.mid(colon + 1)).trimmed();
    }
    return std::nullopt;
}

// containerd's getCPUVariantFromArch, for emulators whose /proc/cpuinfo has no "Cpu architecture".
QString variantFromMachine()
{
#ifdef Q_OS_LINUX
    utsname name{};
    if (uname(&name) != 0)
        return QString();
    const QString machine = QString::fromLatin1(name.machine).toLower();
    if (machine == u"aarch64")
        return u"8"_s;
    if (machine.startsWith(u"armv") && machine.size() >= 5) {
        const QChar level = machine.at(4);
        return (level >= u'3' && level <= u'8') ? QString(level) : QString(kUnknown);
    }
#endif
    return QString();
}

// containerd's cpuVariant()/getArmCPUVariant(): only meaningful on ARM.
QString armCpuVariant(const QString &arch)
{
    QString variant = cpuInfoField(u"Cpu architecture").value_or(QString());
    if (variant.isEmpty())
        variant = variantFromMachine();
    // Raspberry Pi ARMv6 boards report 7 because of a kernel quirk.
    if (arch == u"arm" && variant == u"7"
        && cpuInfoField(u"model name").value_or(QString()).toLower().startsWith(u"armv6-compatible"))
        variant = u"6"_s;

    variant = variant.toLower();
    if (variant == u"8" || variant == u"aarch64")
        return u"v8"_s;
    if (variant == u"7" || variant == u"7m" || variant == u"?(12)" || variant == u"?(13)" || variant == u"?(14)"
        || variant == u"?(15)" || variant == u"?(16)" || variant == u"?(17)")
        return u"v7"_s;
    if (variant == u"6" || variant == u"6tej")
        return u"v6"_s;
    if (variant == u"5" || variant == u"5t" || variant == u"5te" || variant == u"5tej")
        return u"v5"_s;
    if (variant == u"4" || variant == u"4t")
        return u"v4"_s;
    if (variant == u"3")
        return u"v3"_s;
    return QString(kUnknown);
}

// containerd's DefaultSpec, before normalisation; computed once, /proc/cpuinfo does not change.
const Platform &hostSpec()
{
    static const Platform spec = [] {
        Platform p;
        p.os = goOS();
        p.architecture = goArch();
        if (p.architecture == u"arm" || p.architecture == u"arm64")
            p.variant = armCpuVariant(p.architecture);
        return p;
    }();
    return spec;
}

QString normalizeOS(const QString &os)
{
    if (os.isEmpty())
        return hostSpec().os;
    const QString lower = os.toLower();
    return lower == u"macos" ? u"darwin"_s : lower;
}

std::pair<QString, QString> normalizeArch(const QString &arch, const QString &variant)
{
    QString a = arch.toLower();
    QString v = variant.toLower();
    if (a == u"i386") {
        a = u"386"_s;
        v.clear();
    } else if (a == u"x86_64" || a == u"x86-64" || a == u"amd64") {
        a = u"amd64"_s;
        if (v == u"v1")
            v.clear();
    } else if (a == u"aarch64" || a == u"arm64") {
        a = u"arm64"_s;
        if (v == u"8" || v == u"v8" || v == u"v8.0")
            v.clear();
        else if (v == u"9" || v == u"9.0" || v == u"v9.0")
            v = u"v9"_s;
    } else if (a == u"armhf") {
        a = u"arm"_s;
        v = u"v7"_s;
    } else if (a == u"armel") {
        a = u"arm"_s;
        v = u"v6"_s;
    } else if (a == u"arm") {
        if (v.isEmpty() || v == u"7")
            v = u"v7"_s;
        else if (v == u"5" || v == u"6" || v == u"8")
            v = u'v' + v;
    }
    return {a, v};
}

// url.PathUnescape for the percent-encoded characters an OS option may carry ('+', '(', ')', '/').
std::optional<QString> decodeOsOption(const QString &option)
{
    if (!option.contains(u'%'))
        return option;
    static const QRegularExpression badEscape(u"%(?![0-9A-Fa-f]{2})"_s);
    if (badEscape.match(option).hasMatch())
        return std::nullopt;
    return QUrl::fromPercentEncoding(option.toUtf8());
}

} // namespace

Result<Platform> Platform::parse(QStringView specifier)
{
    const QString text = specifier.toString();
    const auto invalid = [&text](const QString &why) {
        return fail(Error::Code::InvalidPlatform, Tr::tr("“%1” is not a valid platform: %2").arg(text.left(100), why));
    };
    if (text.contains(u'*'))
        return invalid(Tr::tr("wildcards are not supported"));

    // strings.SplitN(specifier, "/", 4): a fourth part means too many.
    QStringList parts;
    qsizetype from = 0;
    while (parts.size() < 3) {
        const qsizetype slash = text.indexOf(u'/', from);
        if (slash < 0)
            break;
        parts.append(text.mid(from, slash - from));
        from = slash + 1;
    }
    parts.append(text.mid(from));

    static const QRegularExpression osPattern(QRegularExpression::anchoredPattern(
        u"([A-Za-z0-9_-]+)(?:\\(([A-Za-z0-9_.%-]*)((?:\\+[A-Za-z0-9_.%-]+)*)\\))?"_s));
    static const QRegularExpression componentPattern(QRegularExpression::anchoredPattern(u"[A-Za-z0-9_.-]+"_s));

    Platform p;
    const QRegularExpressionMatch osMatch = osPattern.match(parts.first());
    if (!osMatch.hasMatch())
        return invalid(Tr::tr("expected os[(version)]/architecture[/variant], such as linux/arm64"));
    p.os = normalizeOS(osMatch.captured(1));
    const std::optional<QString> osVersion = decodeOsOption(osMatch.captured(2));
    if (!osVersion)
        return invalid(Tr::tr("the OS version is not correctly escaped"));
    p.osVersion = *osVersion;
    const QString features = osMatch.captured(3);
    if (!features.isEmpty()) {
        for (const QString &raw : features.mid(1).split(u'+')) {
            const std::optional<QString> feature = decodeOsOption(raw);
            if (!feature)
                return invalid(Tr::tr("an OS feature is not correctly escaped"));
            p.osFeatures.append(*feature);
        }
    }
    for (qsizetype i = 1; i < parts.size(); ++i) {
        if (!componentPattern.match(parts.at(i)).hasMatch())
            return invalid(Tr::tr("expected os[(version)]/architecture[/variant], such as linux/arm64"));
    }

    switch (parts.size()) {
    case 1:
        // One word: an OS takes the host's architecture, an architecture the host's OS.
        if (isKnownOS(p.os)) {
            p.architecture = hostSpec().architecture;
            if (p.architecture == u"arm" && hostSpec().variant != u"v7")
                p.variant = hostSpec().variant;
            return p;
        }
        std::tie(p.architecture, p.variant) = normalizeArch(parts.first(), QString());
        if (p.architecture == u"arm" && p.variant == u"v7")
            p.variant.clear();
        if (isKnownArch(p.architecture)) {
            p.os = hostSpec().os;
            return p;
        }
        return invalid(Tr::tr("unknown operating system or architecture"));
    case 2:
        std::tie(p.architecture, p.variant) = normalizeArch(parts.at(1), QString());
        // arm/v7 is the arm everyone means; containerd writes it without the variant.
        if (p.architecture == u"arm" && p.variant == u"v7")
            p.variant.clear();
        return p;
    case 3:
        std::tie(p.architecture, p.variant) = normalizeArch(parts.at(1), parts.at(2));
        if (p.architecture == u"arm64" && p.variant.isEmpty())
            p.variant = u"v8"_s;
        return p;
    default:
        return invalid(Tr::tr("too many parts; expected os/architecture[/variant]"));
    }
}

Platform Platform::fromJson(const QJsonObject &object)
{
    Platform p;
    p.architecture = object.value(u"architecture").toString();
    p.os = object.value(u"os").toString();
    p.variant = object.value(u"variant").toString();
    p.osVersion = object.value(u"os.version").toString();
    const QJsonArray features = object.value(u"os.features").toArray();
    for (const QJsonValue &feature : features)
        p.osFeatures.append(feature.toString());
    return p;
}

QJsonObject Platform::toJson() const
{
    // architecture and os are required by the image spec; the rest are omitted when empty.
    QJsonObject object{{u"architecture"_s, architecture}, {u"os"_s, os}};
    if (!variant.isEmpty())
        object.insert(u"variant"_s, variant);
    if (!osVersion.isEmpty())
        object.insert(u"os.version"_s, osVersion);
    if (!osFeatures.isEmpty())
        object.insert(u"os.features"_s, QJsonArray::fromStringList(osFeatures));
    return object;
}

Platform Platform::host()
{
    static const Platform normalizedHost = hostSpec().normalized();
    return normalizedHost;
}

Platform Platform::normalized() const
{
    Platform p = *this;
    p.os = normalizeOS(os);
    std::tie(p.architecture, p.variant) = normalizeArch(architecture, variant);
    p.osFeatures.sort();
    p.osFeatures.removeDuplicates();
    return p;
}

QString Platform::toString() const
{
    if (os.isEmpty())
        return QString(kUnknown);
    QString text = os;
    for (const QString *part : {&architecture, &variant}) {
        if (!part->isEmpty())
            text += u'/' + *part;
    }
    return text;
}

bool Platform::isUnknown() const
{
    return os == kUnknown || architecture == kUnknown;
}

} // namespace wharf

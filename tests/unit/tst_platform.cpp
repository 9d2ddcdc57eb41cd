// Platform and PlatformMatcher against containerd/platforms' own tables, read at run time from
// fixtures/vectors/platform_match_vectors.json, and against a real image index (hello-world, with
// its attestation manifests and Windows builds).

#include "reference/Platform.h"
#include "reference/PlatformMatcher.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;
using wharf::Platform;
using wharf::PlatformMatcher;

// QVERIFY2 evaluates its message even on success, and error() of a value is undefined.
#define VERIFY_RESULT(result) QVERIFY2(result, (result) ? "" : qPrintable((result).error().message()))

namespace {

QJsonObject readJson(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read %s", qPrintable(path));
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("%s: %s", qPrintable(path), qPrintable(error.errorString()));
    return document.object();
}

const QJsonObject &vectors()
{
    static const QJsonObject root = readJson(QStringLiteral(WHARF_FIXTURES_DIR "/vectors/platform_match_vectors.json"));
    return root;
}

QStringList strings(const QJsonValue &array)
{
    QStringList list;
    for (const QJsonValue &value : array.toArray())
        list.append(value.toString());
    return list;
}

// '' in the file's prose stands for the empty string.
QString unquote(const QString &text)
{
    const QString trimmed = text.trimmed();
    return trimmed == u"''" ? QString() : trimmed;
}

Platform parsed(const QString &specifier)
{
    const auto platform = Platform::parse(specifier);
    if (!platform)
        qWarning("%s", qPrintable(platform.error().message()));
    return platform.value_or(Platform());
}

} // namespace

class TestPlatform : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void vectorFile();

    void only_data();
    void only();
    void onlyStrict_data();
    void onlyStrict();
    void preferenceOrder_data();
    void preferenceOrder();
    void absurdVariantsStayCheap_data();
    void absurdVariantsStayCheap();
    void normalizeArch_data();
    void normalizeArch();
    void normalizeOS_data();
    void normalizeOS();
    void windowsCompat_data();
    void windowsCompat();

    void windowsEmptyVersionMatches();
    void windowsIgnoresWin32k();
    void parse_data();
    void parse();
    void parseRejects_data();
    void parseRejects();
    void formatAndJson();
    void isUnknown();
    void hostSanity();
    void selectBest_data();
    void selectBest();
    void helloWorldIndex_data();
    void helloWorldIndex();

private:
    static void addMatchRows(QLatin1StringView table);
};

void TestPlatform::vectorFile()
{
    QVERIFY2(!vectors().isEmpty(), WHARF_FIXTURES_DIR "/vectors/platform_match_vectors.json");
    QVERIFY(vectors().value(u"self_check").toString().contains(u"0 failures"));
}

// One row per (platform, candidate) pair of TestOnly / TestOnlyStrict.
void TestPlatform::addMatchRows(QLatin1StringView table)
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QString>("candidate");
    QTest::addColumn<bool>("matches");

    const QJsonArray rows = vectors().value(table).toArray();
    QVERIFY(rows.size() >= 13);
    for (const QJsonValue &value : rows) {
        const QJsonObject row = value.toObject();
        const QString platform = row.value(u"platform").toString();
        for (const bool expected : {true, false}) {
            const QStringList candidates = strings(row.value(expected ? u"match" : u"no_match"));
            QVERIFY(!candidates.isEmpty());
            for (const QString &candidate : candidates)
                QTest::addRow("%s %s %s", qPrintable(platform), expected ? "runs" : "does not run", qPrintable(candidate))
                    << platform << candidate << expected;
        }
    }
}

void TestPlatform::only_data()
{
    addMatchRows("Only"_L1);
}

void TestPlatform::only()
{
    QFETCH(QString, platform);
    QFETCH(QString, candidate);

    const auto wanted = Platform::parse(platform);
    VERIFY_RESULT(wanted);
    const auto offered = Platform::parse(candidate);
    VERIFY_RESULT(offered);
    const PlatformMatcher matcher = PlatformMatcher::only(*wanted);
    QTEST(matcher.matches(*offered), "matches");
    QCOMPARE(matcher.rank(*offered) >= 0, matcher.matches(*offered));
}

void TestPlatform::onlyStrict_data()
{
    addMatchRows("OnlyStrict"_L1);
}

void TestPlatform::onlyStrict()
{
    QFETCH(QString, platform);
    QFETCH(QString, candidate);

    const auto wanted = Platform::parse(platform);
    VERIFY_RESULT(wanted);
    const auto offered = Platform::parse(candidate);
    VERIFY_RESULT(offered);
    const PlatformMatcher matcher = PlatformMatcher::onlyStrict(*wanted);
    QTEST(matcher.matches(*offered), "matches");
    if (matcher.matches(*offered))
        QCOMPARE(matcher.rank(*offered), 0);
}

void TestPlatform::preferenceOrder_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QStringList>("expected");

    const QJsonObject examples = vectors().value(u"only_preference_order_examples").toObject();
    QVERIFY(!examples.isEmpty());
    for (auto it = examples.begin(); it != examples.end(); ++it)
        QTest::newRow(qPrintable(it.key())) << it.key() << strings(it.value());
}

void TestPlatform::absurdVariantsStayCheap_data()
{
    QTest::addColumn<QString>("platform");
    QTest::addColumn<QStringList>("expected");
    // Found by AFL++: containerd's rule listed every level below the variant, a million platforms
    // (1–2 s and ~250 MiB per matcher). Levels no architecture defines are skipped.
    QTest::addRow("amd64/v999999") << u"linux/amd64/v999999"_s
                                   << QStringList{u"linux/amd64/v999999"_s, u"linux/amd64/v4"_s, u"linux/amd64/v3"_s,
                                                  u"linux/amd64/v2"_s, u"linux/amd64"_s, u"linux/386"_s};
    QTest::addRow("arm/v999999") << u"linux/arm/v999999"_s
                                 << QStringList{u"linux/arm/v999999"_s, u"linux/arm/v8"_s, u"linux/arm/v7"_s,
                                                u"linux/arm/v6"_s, u"linux/arm/v5"_s};
    QTest::addRow("arm64/v999999") << u"linux/arm64/v999999"_s
                                   << QStringList{u"linux/arm64/v999999"_s, u"linux/arm/v8"_s, u"linux/arm/v7"_s,
                                                  u"linux/arm/v6"_s, u"linux/arm/v5"_s};
}

void TestPlatform::absurdVariantsStayCheap()
{
    QFETCH(QString, platform);
    QFETCH(QStringList, expected);
    const auto wanted = Platform::parse(platform);
    VERIFY_RESULT(wanted);
    QElapsedTimer clock;
    clock.start();
    const PlatformMatcher matcher = PlatformMatcher::only(*wanted);
    QStringList order;
    for (const Platform &p : matcher.preferenceOrder())
        order.append(p.toString());
    QCOMPARE(order, expected);
    QVERIFY(matcher.matches(parsed(u"linux/arm/v7"_s)) == platform.contains(u"arm"_s));
    QVERIFY2(clock.elapsed() < 100, qPrintable(QString::number(clock.elapsed())));
}

void TestPlatform::preferenceOrder()
{
    QFETCH(QString, platform);
    QFETCH(QStringList, expected);

    const auto wanted = Platform::parse(platform);
    VERIFY_RESULT(wanted);
    const PlatformMatcher matcher = PlatformMatcher::only(*wanted);
    QStringList order;
    for (const Platform &p : matcher.preferenceOrder())
        order.append(p.toString());
    QCOMPARE(order, expected);
    // rank() is the position in that order.
    for (qsizetype i = 0; i < expected.size(); ++i)
        QCOMPARE(matcher.rank(parsed(expected.at(i))), int(i));
}

// The file describes normalizeArch in prose ("aarch64|arm64": "arm64; variant 8|v8|v8.0 -> '' ; …");
// each "a|b -> x|y" rule and each fixed result becomes rows here.
void TestPlatform::normalizeArch_data()
{
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("expectedArchitecture");
    QTest::addColumn<QString>("expectedVariant");

    const QJsonObject table = vectors().value(u"normalizeArch").toObject();
    QVERIFY(table.size() >= 6);
    for (auto it = table.begin(); it != table.end(); ++it) {
        if (it.key() == u"os")
            continue; // normalizeOS_data
        const QStringList inputs = it.key().split(u'|');
        QString resultArch;
        std::optional<QString> fixedVariant;
        QList<std::pair<QString, QString>> rules;
        for (const QString &segment : it.value().toString().split(u';', Qt::SkipEmptyParts)) {
            const qsizetype arrow = segment.indexOf(u"->");
            if (arrow < 0) {
                // "386 (variant cleared)", "amd64", "arm/v7": the architecture it becomes.
                const QString spec = segment.trimmed().section(u' ', 0, 0);
                resultArch = spec.section(u'/', 0, 0);
                if (spec.contains(u'/'))
                    fixedVariant = spec.section(u'/', 1);
                else if (segment.contains(u"variant cleared"))
                    fixedVariant = QString();
                continue;
            }
            QString left = segment.left(arrow).trimmed();
            if (left.startsWith(u"variant "))
                left = left.mid(8);
            const QStringList from = left.split(u'|');
            const QStringList to = segment.mid(arrow + 2).split(u'|');
            QVERIFY2(to.size() == 1 || to.size() == from.size(), qPrintable(segment));
            for (qsizetype i = 0; i < from.size(); ++i)
                rules.append({unquote(from.at(i)), unquote(to.size() == 1 ? to.first() : to.at(i))});
        }
        if (resultArch.isEmpty()) {
            QCOMPARE(inputs.size(), 1); // "arm": rules only, the architecture stays
            resultArch = inputs.first();
        }
        const bool hasEmptyRule = std::any_of(rules.cbegin(), rules.cend(), [](const auto &r) { return r.first.isEmpty(); });
        for (const QString &input : inputs) {
            if (!hasEmptyRule)
                QTest::addRow("%s", qPrintable(input)) << input << QString() << resultArch << fixedVariant.value_or(QString());
            for (const auto &[from, to] : rules)
                QTest::addRow("%s/%s", qPrintable(input), qPrintable(from))
                    << input << from << resultArch << fixedVariant.value_or(to);
        }
    }
}

void TestPlatform::normalizeArch()
{
    QFETCH(QString, architecture);
    QFETCH(QString, variant);

    const Platform normalized = Platform{u"linux"_s, architecture, variant, {}, {}}.normalized();
    QTEST(normalized.architecture, "expectedArchitecture");
    QTEST(normalized.variant, "expectedVariant");
    QCOMPARE(normalized.normalized(), normalized);
}

void TestPlatform::normalizeOS_data()
{
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("expected");

    // "lower-cased; macos -> darwin; '' -> runtime.GOOS"
    const QString rules = vectors().value(u"normalizeArch").toObject().value(u"os").toString();
    QVERIFY(!rules.isEmpty());
    for (const QString &segment : rules.split(u';', Qt::SkipEmptyParts)) {
        const qsizetype arrow = segment.indexOf(u"->");
        if (arrow < 0) {
            QCOMPARE(segment.trimmed(), u"lower-cased"_s);
            QTest::newRow("lower-cased") << u"LiNuX"_s << u"linux"_s;
            continue;
        }
        const QString from = unquote(segment.left(arrow));
        QString to = unquote(segment.mid(arrow + 2));
        if (to == u"runtime.GOOS")
            to = Platform::host().os;
        QTest::addRow("%s", from.isEmpty() ? "(empty)" : qPrintable(from)) << from << to;
    }
}

void TestPlatform::normalizeOS()
{
    QFETCH(QString, os);
    const Platform platform{os, u"amd64"_s, {}, {}, {}};
    QTEST(platform.normalized().os, "expected");
}

void TestPlatform::windowsCompat_data()
{
    QTest::addColumn<int>("host");
    QTest::addColumn<int>("container");
    QTest::addColumn<bool>("runs");

    const QJsonArray cases = vectors().value(u"windows_host_container_compat").toObject().value(u"cases").toArray();
    QVERIFY(!cases.isEmpty());
    for (const QJsonValue &value : cases) {
        const QJsonObject row = value.toObject();
        const int host = row.value(u"host").toInt();
        const int container = row.value(u"ctr").toInt();
        QTest::addRow("host %d, container %d", host, container) << host << container << row.value(u"runs").toBool();
    }
}

void TestPlatform::windowsCompat()
{
    QFETCH(int, host);
    QFETCH(int, container);

    // As the host's own spec (major.minor.build) against an index entry's full os.version.
    const Platform hostPlatform{u"windows"_s, u"amd64"_s, {}, u"10.0.%1"_s.arg(host), {}};
    const Platform image{u"windows"_s, u"amd64"_s, {}, u"10.0.%1.1234"_s.arg(container), {}};
    QTEST(PlatformMatcher::onlyStrict(hostPlatform).matches(image), "runs");
    QTEST(PlatformMatcher::only(hostPlatform).matches(image), "runs");
    // A different major.minor never runs.
    const Platform otherKernel{u"windows"_s, u"amd64"_s, {}, u"6.3.%1"_s.arg(container), {}};
    QVERIFY(!PlatformMatcher::only(hostPlatform).matches(otherKernel));
}

void TestPlatform::windowsEmptyVersionMatches()
{
    const Platform versioned{u"windows"_s, u"amd64"_s, {}, u"10.0.17763"_s, {}};
    const Platform unversioned{u"windows"_s, u"amd64"_s, {}, {}, {}};
    QVERIFY(PlatformMatcher::only(versioned).matches(unversioned));
    QVERIFY(PlatformMatcher::only(unversioned).matches(versioned));
    QVERIFY(PlatformMatcher::only(unversioned).matches(unversioned));
    // An unreadable host version is no constraint either (containerd's empty windowsOSVersion).
    const Platform garbled{u"windows"_s, u"amd64"_s, {}, u"ten"_s, {}};
    QVERIFY(PlatformMatcher::only(garbled).matches(versioned));
    // os.version is only a Windows notion.
    const Platform linuxVersioned{u"linux"_s, u"amd64"_s, {}, u"5.15"_s, {}};
    QVERIFY(PlatformMatcher::only(Platform{u"linux"_s, u"amd64"_s, {}, u"6.1"_s, {}}).matches(linuxVersioned));
}

void TestPlatform::windowsIgnoresWin32k()
{
    const Platform host{u"windows"_s, u"amd64"_s, {}, u"10.0.20348"_s, {}};
    Platform image{u"windows"_s, u"amd64"_s, {}, u"10.0.20348.3453"_s, {u"win32k"_s}};
    QVERIFY(PlatformMatcher::only(host).matches(image));
    image.osFeatures.append(u"gpu"_s);
    QVERIFY(!PlatformMatcher::only(host).matches(image));
    // Elsewhere features are matched as they are.
    const Platform linuxImage{u"linux"_s, u"amd64"_s, {}, {}, {u"win32k"_s}};
    QVERIFY(!PlatformMatcher::only(Platform{u"linux"_s, u"amd64"_s, {}, {}, {}}).matches(linuxImage));
}

void TestPlatform::parse_data()
{
    QTest::addColumn<QString>("specifier");
    QTest::addColumn<QString>("os");
    QTest::addColumn<QString>("architecture");
    QTest::addColumn<QString>("variant");
    QTest::addColumn<QString>("osVersion");
    QTest::addColumn<QStringList>("osFeatures");

    const QString hostOS = Platform::host().os;
    const QString hostArch = Platform::host().architecture;
    // The file's parse_specifier_rules, spelled out.
    QTest::newRow("os/arch") << u"linux/amd64"_s << u"linux"_s << u"amd64"_s << QString() << QString() << QStringList();
    QTest::newRow("arm means arm/v7, written bare") << u"linux/arm"_s << u"linux"_s << u"arm"_s << QString()
                                                    << QString() << QStringList();
    QTest::newRow("arm/v7 stays") << u"linux/arm/v7"_s << u"linux"_s << u"arm"_s << u"v7"_s << QString() << QStringList();
    QTest::newRow("arm/7") << u"linux/arm/7"_s << u"linux"_s << u"arm"_s << u"v7"_s << QString() << QStringList();
    QTest::newRow("aarch64") << u"linux/aarch64"_s << u"linux"_s << u"arm64"_s << QString() << QString() << QStringList();
    QTest::newRow("arm64/v8 keeps v8") << u"linux/arm64/v8"_s << u"linux"_s << u"arm64"_s << u"v8"_s << QString()
                                       << QStringList();
    QTest::newRow("armhf") << u"linux/armhf"_s << u"linux"_s << u"arm"_s << QString() << QString() << QStringList();
    QTest::newRow("armel") << u"linux/armel"_s << u"linux"_s << u"arm"_s << u"v6"_s << QString() << QStringList();
    QTest::newRow("x86_64/v1") << u"linux/x86_64/v1"_s << u"linux"_s << u"amd64"_s << QString() << QString()
                               << QStringList();
    QTest::newRow("case") << u"Linux/AMD64"_s << u"linux"_s << u"amd64"_s << QString() << QString() << QStringList();
    QTest::newRow("macos") << u"macos/arm64"_s << u"darwin"_s << u"arm64"_s << QString() << QString() << QStringList();
    QTest::newRow("windows version") << u"windows(10.0.17763)/amd64"_s << u"windows"_s << u"amd64"_s << QString()
                                     << u"10.0.17763"_s << QStringList();
    QTest::newRow("windows features") << u"windows(10.0.17763+win32k+gpu)/amd64"_s << u"windows"_s << u"amd64"_s
                                      << QString() << u"10.0.17763"_s << QStringList{u"win32k"_s, u"gpu"_s};
    QTest::newRow("escaped option") << u"windows(10.0%2B1)/amd64"_s << u"windows"_s << u"amd64"_s << QString()
                                    << u"10.0+1"_s << QStringList();
    QTest::newRow("os only") << u"linux"_s << u"linux"_s << hostArch << QString() << QString() << QStringList();
    QTest::newRow("arch only") << u"riscv64"_s << hostOS << u"riscv64"_s << QString() << QString() << QStringList();
    QTest::newRow("x86_64 only") << u"x86_64"_s << hostOS << u"amd64"_s << QString() << QString() << QStringList();
}

void TestPlatform::parse()
{
    QFETCH(QString, specifier);

    const auto platform = Platform::parse(specifier);
    VERIFY_RESULT(platform);
    QTEST(platform->os, "os");
    QTEST(platform->architecture, "architecture");
    if (platform->architecture != u"arm" || specifier.contains(u'/')) // bare "linux" on arm takes the CPU's variant
        QTEST(platform->variant, "variant");
    QTEST(platform->osVersion, "osVersion");
    QTEST(platform->osFeatures, "osFeatures");
}

void TestPlatform::parseRejects_data()
{
    QTest::addColumn<QString>("specifier");

    QTest::newRow("empty") << QString();
    QTest::newRow("wildcard") << u"linux/*"_s;
    QTest::newRow("too many parts") << u"linux/arm64/v8/extra"_s;
    QTest::newRow("empty os") << u"/amd64"_s;
    QTest::newRow("empty arch") << u"linux/"_s;
    QTest::newRow("space") << u"linux/amd 64"_s;
    QTest::newRow("unknown word") << u"toaster"_s;
    QTest::newRow("bad escape") << u"windows(10.0%zz)/amd64"_s;
    QTest::newRow("unclosed options") << u"windows(10.0/amd64"_s;
}

void TestPlatform::parseRejects()
{
    QFETCH(QString, specifier);

    const auto platform = Platform::parse(specifier);
    QVERIFY(!platform);
    QCOMPARE(platform.error().code(), wharf::Error::Code::InvalidPlatform);
    QVERIFY(!platform.error().message().isEmpty());
}

void TestPlatform::formatAndJson()
{
    QCOMPARE(parsed(u"linux/arm64/v8"_s).toString(), u"linux/arm64/v8"_s);
    QCOMPARE(parsed(u"linux/arm64/v8"_s).normalized().toString(), u"linux/arm64"_s);
    QCOMPARE(parsed(u"linux/arm"_s).normalized().toString(), u"linux/arm/v7"_s);
    QCOMPARE(parsed(u"windows(10.0.17763)/amd64"_s).toString(), u"windows/amd64"_s);
    QCOMPARE(Platform().toString(), u"unknown"_s);

    const QJsonObject json = QJsonDocument::fromJson(R"({"architecture":"amd64","os":"windows",
        "os.version":"10.0.17763.7136","os.features":["win32k"],"variant":"v2"})").object();
    const Platform p = Platform::fromJson(json);
    QCOMPARE(p.architecture, u"amd64"_s);
    QCOMPARE(p.os, u"windows"_s);
    QCOMPARE(p.variant, u"v2"_s);
    QCOMPARE(p.osVersion, u"10.0.17763.7136"_s);
    QCOMPARE(p.osFeatures, QStringList{u"win32k"_s});
    QCOMPARE(p.toJson(), json);
    QCOMPARE(Platform::fromJson(p.toJson()), p);

    // Optional keys stay out of the JSON when empty; the two required ones are always there.
    const QJsonObject minimal = Platform{u"linux"_s, u"amd64"_s, {}, {}, {}}.toJson();
    QCOMPARE(minimal.keys(), (QStringList{u"architecture"_s, u"os"_s}));
    QCOMPARE(Platform().toJson().keys(), (QStringList{u"architecture"_s, u"os"_s}));
}

void TestPlatform::isUnknown()
{
    QVERIFY(Platform::fromJson(QJsonObject{{u"architecture"_s, u"unknown"_s}, {u"os"_s, u"unknown"_s}}).isUnknown());
    QVERIFY((Platform{u"unknown"_s, u"amd64"_s, {}, {}, {}}.isUnknown()));
    QVERIFY(!parsed(u"linux/amd64"_s).isUnknown());
    QVERIFY(!Platform().isUnknown());
    QVERIFY(Platform().isEmpty());
}

void TestPlatform::hostSanity()
{
    const Platform host = Platform::host();
    QVERIFY(!host.os.isEmpty());
    QVERIFY(!host.architecture.isEmpty());
    QCOMPARE(host.normalized(), host);
    QVERIFY(!host.isUnknown());
#ifdef Q_OS_LINUX
    QCOMPARE(host.os, u"linux"_s);
#endif
#if defined(Q_PROCESSOR_X86_64)
    QCOMPARE(host.architecture, u"amd64"_s);
    QVERIFY(host.variant.isEmpty()); // micro-architecture levels are never guessed
#elif defined(Q_PROCESSOR_ARM_64)
    QCOMPARE(host.architecture, u"arm64"_s);
#endif
    const QStringList knownArchitectures = {u"386"_s, u"amd64"_s, u"arm"_s, u"arm64"_s, u"ppc64le"_s, u"ppc64"_s,
                                            u"riscv64"_s, u"s390x"_s, u"mips64le"_s, u"loong64"_s};
    QVERIFY2(knownArchitectures.contains(host.architecture), qPrintable(host.architecture));
    QVERIFY(PlatformMatcher::only(host).matches(host));
    QCOMPARE(PlatformMatcher::only(host).rank(host), 0);
    QVERIFY(host.toString().startsWith(host.os + u'/'));
    // A bare OS resolves to this machine.
    QCOMPARE(parsed(host.os).architecture, host.architecture);
}

void TestPlatform::selectBest_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<QList<Platform>>("candidates");
    QTest::addColumn<qsizetype>("best");

    const Platform amd64{u"linux"_s, u"amd64"_s, {}, {}, {}};
    const Platform i386{u"linux"_s, u"386"_s, {}, {}, {}};
    const Platform arm64{u"linux"_s, u"arm64"_s, {}, {}, {}};
    const Platform arm64v8{u"linux"_s, u"arm64"_s, u"v8"_s, {}, {}};
    const Platform armV7{u"linux"_s, u"arm"_s, u"v7"_s, {}, {}};
    const Platform attestation{u"unknown"_s, u"unknown"_s, {}, {}, {}};

    QTest::newRow("nothing offered") << u"linux/amd64"_s << QList<Platform>{} << qsizetype(-1);
    QTest::newRow("first of equals") << u"linux/amd64"_s << QList<Platform>{i386, amd64, amd64} << qsizetype(1);
    QTest::newRow("spellings are equal") << u"linux/arm64"_s << QList<Platform>{armV7, arm64v8, arm64} << qsizetype(1);
    QTest::newRow("exact beats fallback") << u"linux/amd64"_s << QList<Platform>{i386, amd64} << qsizetype(1);
    QTest::newRow("fallback when alone") << u"linux/amd64"_s << QList<Platform>{arm64, i386} << qsizetype(1);
    QTest::newRow("attestations skipped") << u"linux/amd64"_s << QList<Platform>{attestation, amd64, attestation}
                                          << qsizetype(1);
    QTest::newRow("only attestations") << u"linux/amd64"_s << QList<Platform>{attestation, attestation} << qsizetype(-1);
    QTest::newRow("no platform at all") << u"linux/amd64"_s << QList<Platform>{Platform(), amd64} << qsizetype(1);
    QTest::newRow("arm64 runs arm") << u"linux/arm64"_s << QList<Platform>{amd64, armV7} << qsizetype(1);
    QTest::newRow("nothing runs") << u"linux/arm/v6"_s << QList<Platform>{amd64, armV7, arm64} << qsizetype(-1);
}

void TestPlatform::selectBest()
{
    QFETCH(QString, wanted);
    QFETCH(QList<Platform>, candidates);

    QTEST(PlatformMatcher::only(parsed(wanted)).selectBest(candidates), "best");
}

void TestPlatform::helloWorldIndex_data()
{
    QTest::addColumn<QString>("wanted");
    QTest::addColumn<qsizetype>("best");

    // Entry numbers in the recorded index; odd ones up to 19 are unknown/unknown attestations.
    QTest::newRow("amd64") << u"linux/amd64"_s << qsizetype(0);
    QTest::newRow("amd64/v3 falls back to amd64") << u"linux/amd64/v3"_s << qsizetype(0);
    QTest::newRow("386") << u"linux/386"_s << qsizetype(10);
    QTest::newRow("arm64") << u"linux/arm64"_s << qsizetype(8);
    QTest::newRow("arm64/v8") << u"linux/arm64/v8"_s << qsizetype(8);
    QTest::newRow("arm64/v9.2") << u"linux/arm64/v9.2"_s << qsizetype(8);
    QTest::newRow("arm") << u"linux/arm"_s << qsizetype(6);
    QTest::newRow("arm/v8 runs v7") << u"linux/arm/v8"_s << qsizetype(6);
    QTest::newRow("arm/v6") << u"linux/arm/v6"_s << qsizetype(4);
    QTest::newRow("arm/v5") << u"linux/arm/v5"_s << qsizetype(2);
    QTest::newRow("riscv64") << u"linux/riscv64"_s << qsizetype(16);
    QTest::newRow("mips64 is not mips64le") << u"linux/mips64"_s << qsizetype(-1);
    QTest::newRow("darwin") << u"darwin/arm64"_s << qsizetype(-1);
    QTest::newRow("windows, any build") << u"windows/amd64"_s << qsizetype(20);
    QTest::newRow("windows ltsc2025") << u"windows(10.0.26100)/amd64"_s << qsizetype(20);
    QTest::newRow("windows 11 runs ltsc2022") << u"windows(10.0.22621)/amd64"_s << qsizetype(21);
    QTest::newRow("windows ltsc2022") << u"windows(10.0.20348)/amd64"_s << qsizetype(21);
    QTest::newRow("windows ltsc2019") << u"windows(10.0.17763)/amd64"_s << qsizetype(22);
    QTest::newRow("windows 1903 runs none") << u"windows(10.0.18362)/amd64"_s << qsizetype(-1);
}

void TestPlatform::helloWorldIndex()
{
    QFETCH(QString, wanted);

    static const QJsonObject index =
        readJson(QStringLiteral(WHARF_FIXTURES_DIR "/registry/registry_oci_index_hello-world_latest_2025-01.json"));
    QList<Platform> candidates;
    for (const QJsonValue &manifest : index.value(u"manifests").toArray())
        candidates.append(Platform::fromJson(manifest.toObject().value(u"platform").toObject()));
    QCOMPARE(candidates.size(), 23);

    const PlatformMatcher matcher = PlatformMatcher::only(parsed(wanted));
    QTEST(matcher.selectBest(candidates), "best");
    for (qsizetype i = 1; i < 20; i += 2)
        QVERIFY(!matcher.matches(candidates.at(i)));
}

QTEST_GUILESS_MAIN(TestPlatform)
#include "tst_platform.moc"

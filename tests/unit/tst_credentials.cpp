// Registry credentials outside the keychain: Docker's config.json (keys, precedence, bounds),
// real docker-credential-* programs (tiny shell scripts put on PATH), and the chain that fails
// closed. The keychain itself is tests/integration/tst_keychain.cpp.

#include "credentials/ChainedCredentialSource.h"
#include "credentials/DockerIdCredentials.h"
#include "credentials/StaticCredentialSource.h"
#include "credentials/CredentialHelper.h"
#include "credentials/DockerConfig.h"
#include "credentials/DockerConfigCredentials.h"
#include "credentials/RegistryName.h"
#include "credentials/SessionCredentialSource.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonDocument>
#include <QJsonObject>
#include <QMutex>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <memory>

using namespace wharf;
using namespace std::chrono_literals;

using LookupResult = Result<std::optional<Credentials>>;

namespace {

// What a row expects to come out of a lookup.
enum class Expect { Nothing, Found, Helper, Failure };

// Collects what a callback receives. Declare it before the context object it is used with, so
// that the context dies first and a late answer can never reach a destroyed collector.
template <typename T>
struct Answers
{
    QList<T> received;
    QThread *thread = nullptr;
    auto callback()
    {
        return [this](T result) {
            thread = QThread::currentThread();
            received.append(std::move(result));
        };
    }
};

QByteArray base64(const char *text)
{
    return QByteArray(text).toBase64();
}

QString fromUtf8(const char *text)
{
    return QString::fromUtf8(text);
}

// Lets queued calls run, so that a second (forbidden) answer would show up.
void settle()
{
    for (int i = 0; i < 5; ++i)
        QCoreApplication::processEvents();
}

// A source that answers with a fixed result, from the event loop as the contract demands.
class FixedSource final : public CredentialSource
{
public:
    explicit FixedSource(LookupResult answer) : m_answer(std::move(answer)) {}

    void lookup(const QString &registry, QObject *context, Callback done) override
    {
        ++calls;
        registries.append(registry);
        deliverLater(context, std::move(done), m_answer);
    }

    int calls = 0;
    QStringList registries;

private:
    LookupResult m_answer;
};

} // namespace

Q_DECLARE_METATYPE(Expect)
Q_DECLARE_METATYPE(wharf::Credentials)

class tst_Credentials final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void dhiTakesTheDockerId();
    void initTestCase();

    void convertToHostname_data();
    void convertToHostname();
    void canonicalRegistry_data();
    void canonicalRegistry();
    void registryName_data();
    void registryName();
    void sessionSource();
    void dockerConfig_data();
    void dockerConfig();
    void missingFileIsEmptyConfig();
    void fileAtTheCapIsRead();
    void oversizedFileIsRefused();
    void directoryIsRefused();
    void defaultPathFollowsDockerConfig();

    void helperGet_data();
    void helperGet();
    void helperStore_data();
    void helperStore();
    void helperErase();
    void helperSaysNotFound();
    void helperTimesOut();
    void helperMissingIsNamed();
    void helperNameMustBePlain();
    void helperOutputIsCapped();
    void helperAnswersLaterEvenWhenMissing();
    void deletingHelperCancelsPending();

    void precedence_data();
    void precedence();
    void brokenConfigFailsClosed();
    void answersOnTheCallersThread();

    void chain_data();
    void chain();
    void chainWithNoSourcesAnswersLater();
    void chainStopsAtBrokenHelper();

    void debugOutputRedactsSecrets();

private:
    [[nodiscard]] QString writeConfig(const QByteArray &json);
    [[nodiscard]] QByteArray stateFile(const QString &name) const;
    void writeHelper(const QString &name, const QByteArray &body);

    QTemporaryDir m_bin;
    QTemporaryDir m_state;
    QTemporaryDir m_configs;
    int m_configCount = 0;
};

void tst_Credentials::initTestCase()
{
    QVERIFY(m_bin.isValid());
    QVERIFY(m_state.isValid());
    QVERIFY(m_configs.isValid());

    // Answers like a real helper, and records its arguments and stdin so tests can check that
    // secrets only ever travel on stdin.
    writeHelper(QStringLiteral("wharftest"), R"(state="$WHARF_HELPER_STATE"
action="$1"
printf '%s\n' "$*" > "$state/$action.args"
input=$(cat)
printf '%s' "$input" > "$state/$action.input"
case "$action" in
get)
    case "$input" in
    https://index.docker.io/v1/) printf '{"ServerURL":"%s","Username":"hub-user","Secret":"hub-secret"}\n' "$input" ;;
    token.example) printf '{"ServerURL":"%s","Username":"<token>","Secret":"refresh-token"}\n' "$input" ;;
    missing.example) echo "credentials not found in native keychain"; exit 1 ;;
    garbage.example) echo "this is not JSON" ;;
    failing.example) echo "the vault is sealed" >&2; exit 1 ;;
    *) printf '{"ServerURL":"%s","Username":"helper-user","Secret":"helper-secret"}\n' "$input" ;;
    esac ;;
store) ;;
erase)
    case "$input" in
    missing.example) echo "credentials not found in native keychain"; exit 1 ;;
    esac ;;
*) echo "unknown action $action" >&2; exit 2 ;;
esac
)");
    writeHelper(QStringLiteral("wharfother"),
                R"(cat > /dev/null; printf '{"Username":"other-user","Secret":"other-secret"}')");
    writeHelper(QStringLiteral("wharfnotfound"),
                R"(cat > /dev/null; echo "credentials not found in native keychain"; exit 1)");
    writeHelper(QStringLiteral("wharfhang"), "exec sleep 30");
    writeHelper(QStringLiteral("wharfbig"), "cat > /dev/null; head -c 400000 /dev/zero | tr '\\0' x");

    const QByteArray path = qgetenv("PATH");
    QVERIFY(qputenv("PATH", QFile::encodeName(m_bin.path()) + ':' + path));
    QVERIFY(qputenv("WHARF_HELPER_STATE", QFile::encodeName(m_state.path())));
}

void tst_Credentials::writeHelper(const QString &name, const QByteArray &body)
{
    QFile file(m_bin.filePath(QStringLiteral("docker-credential-") + name));
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("#!/bin/sh\n" + body + '\n');
    file.close();
    QVERIFY(file.setPermissions(QFileDevice::ReadOwner | QFileDevice::WriteOwner | QFileDevice::ExeOwner));
}

QString tst_Credentials::writeConfig(const QByteArray &json)
{
    const QString path = m_configs.filePath(QStringLiteral("config-%1.json").arg(++m_configCount));
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(json) != json.size())
        qFatal("cannot write %s", qPrintable(path));
    return path;
}

QByteArray tst_Credentials::stateFile(const QString &name) const
{
    QFile file(m_state.filePath(name));
    return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
}

void tst_Credentials::convertToHostname_data()
{
    QTest::addColumn<QString>("key");
    QTest::addColumn<QString>("expected");

    QTest::addRow("plain host") << QStringLiteral("registry.example.com") << QStringLiteral("registry.example.com");
    QTest::addRow("host and port") << QStringLiteral("host.example:5000") << QStringLiteral("host.example:5000");
    QTest::addRow("hub v1 address") << QStringLiteral("https://index.docker.io/v1/") << QStringLiteral("index.docker.io");
    QTest::addRow("https, port and path") << QStringLiteral("https://host.example:5000/v1/")
                                          << QStringLiteral("host.example:5000");
    QTest::addRow("http scheme") << QStringLiteral("http://host.example:5000") << QStringLiteral("host.example:5000");
    QTest::addRow("path without scheme") << QStringLiteral("host.example:5000/team/app")
                                         << QStringLiteral("host.example:5000");
    QTest::addRow("IPv6 literal") << QStringLiteral("https://[::1]:5000/v2/") << QStringLiteral("[::1]:5000");
    QTest::addRow("empty") << QString() << QString();
}

void tst_Credentials::convertToHostname()
{
    QFETCH(QString, key);
    QFETCH(QString, expected);
    QCOMPARE(DockerConfig::convertToHostname(key), expected);
}

void tst_Credentials::canonicalRegistry_data()
{
    QTest::addColumn<QString>("registry");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("serverAddress");

    const QString hubAddress = QStringLiteral("https://index.docker.io/v1/");
    QTest::addRow("docker.io") << QStringLiteral("docker.io") << QStringLiteral("docker.io") << hubAddress;
    QTest::addRow("index.docker.io") << QStringLiteral("index.docker.io") << QStringLiteral("docker.io") << hubAddress;
    QTest::addRow("registry-1.docker.io") << QStringLiteral("registry-1.docker.io") << QStringLiteral("docker.io")
                                          << hubAddress;
    QTest::addRow("other host keeps its port") << QStringLiteral("Host.Example:5000")
                                               << QStringLiteral("host.example:5000")
                                               << QStringLiteral("host.example:5000");
    QTest::addRow("lookalike is not the Hub") << QStringLiteral("docker.io.evil.example")
                                              << QStringLiteral("docker.io.evil.example")
                                              << QStringLiteral("docker.io.evil.example");
}

void tst_Credentials::registryName_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("expected");
    const QString hub = QStringLiteral("docker.io");
    QTest::addRow("docker.io") << QStringLiteral("docker.io") << hub;
    QTest::addRow("v1 address") << QStringLiteral("https://index.docker.io/v1/") << hub;
    QTest::addRow("web host") << QStringLiteral("hub.docker.com") << hub;
    QTest::addRow("web URL") << QStringLiteral("https://hub.docker.com/_/nginx") << hub;
    QTest::addRow("registry.hub") << QStringLiteral("registry.hub.docker.com") << hub;
    QTest::addRow("registry-1") << QStringLiteral(" Registry-1.Docker.IO ") << hub;
    QTest::addRow("scheme, port and path") << QStringLiteral("HTTP://Host.Example:5000/v2/x") << QStringLiteral("host.example:5000");
    QTest::addRow("path only") << QStringLiteral("ghcr.io/owner/image") << QStringLiteral("ghcr.io");
    QTest::addRow("loopback") << QStringLiteral("127.0.0.1:5000") << QStringLiteral("127.0.0.1:5000");
    QTest::addRow("lookalike") << QStringLiteral("docker.io.evil.example") << QStringLiteral("docker.io.evil.example");
    QTest::addRow("empty") << QStringLiteral("  ") << QString();
    QTest::addRow("no host at all") << QStringLiteral("not a registry!!/x") << QString();
    QTest::addRow("underscore") << QStringLiteral("my_registry:5000") << QString();
    QTest::addRow("hyphen at the edge") << QStringLiteral("-host.example") << QString();
    QTest::addRow("ipv6") << QStringLiteral("[::1]:5000") << QStringLiteral("[::1]:5000");
    QTest::addRow("localhost") << QStringLiteral("localhost:5000") << QStringLiteral("localhost:5000");
}

void tst_Credentials::registryName()
{
    QFETCH(QString, typed);
    QFETCH(QString, expected);
    QCOMPARE(normaliseRegistryName(typed), expected);
}

void tst_Credentials::sessionSource()
{
    SessionCredentialSource session;
    const Credentials bob{QStringLiteral("bob"), QStringLiteral("hunter2"), {}};
    session.remember(QStringLiteral("docker.io"), bob);
    QVERIFY(session.contains(QStringLiteral("docker.io")));

    QObject context;
    std::optional<Result<std::optional<Credentials>>> found, missing;
    session.lookup(QStringLiteral("docker.io"), &context, [&](Result<std::optional<Credentials>> r) { found = std::move(r); });
    session.lookup(QStringLiteral("ghcr.io"), &context, [&](Result<std::optional<Credentials>> r) { missing = std::move(r); });
    QVERIFY(!found && !missing); // never synchronous
    QTRY_VERIFY(found && missing);
    QVERIFY(*found && found->value() == bob);
    QVERIFY(*missing && !missing->value());

    // Written from another thread, read from this one.
    std::unique_ptr<QThread> writer(QThread::create([&] { session.remember(QStringLiteral("ghcr.io"), bob); }));
    writer->start();
    QVERIFY(writer->wait(10000));
    QVERIFY(session.contains(QStringLiteral("ghcr.io")));
    session.forget(QStringLiteral("docker.io"));
    QVERIFY(!session.contains(QStringLiteral("docker.io")));
}

void tst_Credentials::canonicalRegistry()
{
    QFETCH(QString, registry);
    QFETCH(QString, expected);
    QFETCH(QString, serverAddress);
    QCOMPARE(DockerConfig::canonicalRegistry(registry), expected);
    QCOMPARE(DockerConfig::serverAddressFor(registry), serverAddress);
}

void tst_Credentials::dockerConfig_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<QString>("username"); // or the helper's name for Expect::Helper
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("identityToken");
    QTest::addColumn<Error::Code>("code");

    const QString host = QStringLiteral("registry.example.com");
    const QString hub = QStringLiteral("docker.io");
    const QString withPort = QStringLiteral("host.example:5000");
    const auto code = Error::Code::Credentials;
    const auto entry = [](const QByteArray &key, const QByteArray &value) -> QByteArray {
        return R"({"auths":{")" + key + R"(":)" + value + "}}";
    };
    const QByteArray aliceAuth = R"({"auth":")" + base64("alice:pa:ss") + R"("})";

    // The three ways config.json holds a secret.
    QTest::addRow("auth is base64 user:password")
        << entry(host.toUtf8(), aliceAuth) << host << Expect::Found << QStringLiteral("alice")
        << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("username and password fields")
        << entry(host.toUtf8(), R"({"username":"bob","password":"hunter2"})") << host << Expect::Found
        << QStringLiteral("bob") << QStringLiteral("hunter2") << QString() << code;
    QTest::addRow("auth wins over the fields")
        << entry(host.toUtf8(), R"({"auth":")" + base64("alice:pa:ss") + R"(","username":"bob","password":"x"})")
        << host << Expect::Found << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("identitytoken with an auth user (ACR style)")
        << entry("myacr.azurecr.io", R"({"auth":")" + base64("00000000-0000-0000-0000-000000000000:")
                                         + R"(","identitytoken":"refresh-xyz"})")
        << QStringLiteral("myacr.azurecr.io") << Expect::Found
        << QStringLiteral("00000000-0000-0000-0000-000000000000") << QString() << QStringLiteral("refresh-xyz")
        << code;
    QTest::addRow("identitytoken alone")
        << entry(host.toUtf8(), R"({"identitytoken":"refresh-only"})") << host << Expect::Found << QString()
        << QString() << QStringLiteral("refresh-only") << code;
    QTest::addRow("password with NUL padding")
        << entry(host.toUtf8(), R"({"auth":")" + QByteArray("carol:pw\0\0", 10).toBase64() + R"("})") << host
        << Expect::Found << QStringLiteral("carol") << QStringLiteral("pw") << QString() << code;
    QTest::addRow("unicode credentials")
        << entry(host.toUtf8(), R"({"auth":")" + QByteArray("jörg:pässwörd").toBase64() + R"("})") << host
        << Expect::Found << fromUtf8("jörg") << fromUtf8("pässwörd") << QString() << code;

    // Docker Hub is filed under its v1 address, or one of its host names.
    for (const char *key : {"https://index.docker.io/v1/", "https://index.docker.io/v1", "index.docker.io",
                            "docker.io", "registry-1.docker.io", "http://index.docker.io/v1/"}) {
        QTest::addRow("hub key %s", key) << entry(key, aliceAuth) << hub << Expect::Found << QStringLiteral("alice")
                                         << QStringLiteral("pa:ss") << QString() << code;
    }
    QTest::addRow("hub asked for by an alias")
        << entry("https://index.docker.io/v1/", aliceAuth) << QStringLiteral("registry-1.docker.io") << Expect::Found
        << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("hub: Docker's own key wins over an alias")
        << QByteArray(R"({"auths":{"docker.io":{"username":"alias","password":"a"},)"
                      R"("https://index.docker.io/v1/":{"username":"canonical","password":"c"}}})")
        << hub << Expect::Found << QStringLiteral("canonical") << QStringLiteral("c") << QString() << code;
    QTest::addRow("hub credentials are not for another registry")
        << entry("https://index.docker.io/v1/", aliceAuth) << QStringLiteral("quay.io") << Expect::Nothing
        << QString() << QString() << QString() << code;

    // Other keys may carry a scheme and a path; the host and port must match exactly.
    QTest::addRow("https, port and v1 path")
        << entry("https://host.example:5000/v1/", aliceAuth) << withPort << Expect::Found << QStringLiteral("alice")
        << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("http scheme") << entry("http://host.example:5000", aliceAuth) << withPort << Expect::Found
                                 << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("path without scheme") << entry("host.example:5000/team", aliceAuth) << withPort << Expect::Found
                                         << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("exact key wins over a converted one")
        << QByteArray(R"({"auths":{"https://host.example:5000/v1/":{"username":"converted","password":"1"},)"
                      R"("host.example:5000":{"username":"exact","password":"2"}}})")
        << withPort << Expect::Found << QStringLiteral("exact") << QStringLiteral("2") << QString() << code;
    QTest::addRow("host names ignore case") << entry("Registry.Example.COM", aliceAuth) << host << Expect::Found
                                            << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString() << code;
    QTest::addRow("IPv6 literal") << entry("https://[::1]:5000/v1/", aliceAuth) << QStringLiteral("[::1]:5000")
                                  << Expect::Found << QStringLiteral("alice") << QStringLiteral("pa:ss") << QString()
                                  << code;
    QTest::addRow("port must match") << entry("host.example:5000", aliceAuth) << QStringLiteral("host.example")
                                     << Expect::Nothing << QString() << QString() << QString() << code;
    QTest::addRow("missing port must match") << entry("host.example", aliceAuth) << withPort << Expect::Nothing
                                             << QString() << QString() << QString() << code;
    QTest::addRow("no suffix match") << entry("quay.io.evil.example", aliceAuth) << QStringLiteral("quay.io")
                                     << Expect::Nothing << QString() << QString() << QString() << code;
    QTest::addRow("no match on a path") << entry("evil.example/quay.io", aliceAuth) << QStringLiteral("quay.io")
                                        << Expect::Nothing << QString() << QString() << QString() << code;
    QTest::addRow("empty entry (Docker Desktop marker)")
        << entry(host.toUtf8(), "{}") << host << Expect::Nothing << QString() << QString() << QString() << code;
    QTest::addRow("no auths at all") << QByteArray(R"({"experimental":"enabled"})") << host << Expect::Nothing
                                     << QString() << QString() << QString() << code;
    QTest::addRow("empty file") << QByteArray("  \n") << host << Expect::Nothing << QString() << QString()
                                << QString() << code;

    // Helpers.
    QTest::addRow("credHelpers entry") << QByteArray(R"({"credHelpers":{"registry.example.com":"ecr-login"}})")
                                       << host << Expect::Helper << QStringLiteral("ecr-login") << QString()
                                       << QString() << code;
    QTest::addRow("credHelpers key with scheme")
        << QByteArray(R"({"credHelpers":{"https://host.example:5000/v1/":"gcloud"}})") << withPort << Expect::Helper
        << QStringLiteral("gcloud") << QString() << QString() << code;
    QTest::addRow("credsStore for every registry")
        << QByteArray(R"({"credsStore":"secretservice"})") << host << Expect::Helper
        << QStringLiteral("secretservice") << QString() << QString() << code;
    QTest::addRow("credHelpers beats credsStore")
        << QByteArray(R"({"credHelpers":{"registry.example.com":"pass"},"credsStore":"secretservice"})") << host
        << Expect::Helper << QStringLiteral("pass") << QString() << QString() << code;
    QTest::addRow("credsStore beats auths")
        << QByteArray(R"({"credsStore":"secretservice","auths":{"registry.example.com":{"username":"u","password":"p"}}})")
        << host << Expect::Helper << QStringLiteral("secretservice") << QString() << QString() << code;
    QTest::addRow("credHelpers for another host leaves credsStore")
        << QByteArray(R"({"credHelpers":{"other.example":"pass"},"credsStore":"secretservice"})") << host
        << Expect::Helper << QStringLiteral("secretservice") << QString() << QString() << code;
    QTest::addRow("empty credHelpers entry opts out of credsStore")
        << QByteArray(R"({"credHelpers":{"registry.example.com":""},"credsStore":"secretservice",)"
                      R"("auths":{"registry.example.com":{"username":"u","password":"p"}}})")
        << host << Expect::Found << QStringLiteral("u") << QStringLiteral("p") << QString() << code;

    // Malformed files are errors, never "no credentials".
    QTest::addRow("not JSON") << QByteArray(R"({"auths":)") << host << Expect::Failure << QString() << QString()
                              << QString() << code;
    QTest::addRow("top level is an array") << QByteArray("[]") << host << Expect::Failure << QString() << QString()
                                           << QString() << code;
    QTest::addRow("auths is not an object") << QByteArray(R"({"auths":[]})") << host << Expect::Failure << QString()
                                            << QString() << QString() << code;
    QTest::addRow("entry is not an object") << entry(host.toUtf8(), R"("alice")") << host << Expect::Failure
                                            << QString() << QString() << QString() << code;
    QTest::addRow("auth is not base64") << entry(host.toUtf8(), R"({"auth":"%%%not base64"})") << host
                                        << Expect::Failure << QString() << QString() << QString() << code;
    QTest::addRow("auth has no colon") << entry(host.toUtf8(), R"({"auth":")" + base64("alice") + R"("})") << host
                                       << Expect::Failure << QString() << QString() << QString() << code;
    QTest::addRow("auth has no user") << entry(host.toUtf8(), R"({"auth":")" + base64(":secret") + R"("})") << host
                                      << Expect::Failure << QString() << QString() << QString() << code;
    QTest::addRow("username is not a string") << entry(host.toUtf8(), R"({"username":5,"password":"p"})") << host
                                              << Expect::Failure << QString() << QString() << QString() << code;
    QTest::addRow("credHelpers is not an object") << QByteArray(R"({"credHelpers":"pass"})") << host
                                                  << Expect::Failure << QString() << QString() << QString() << code;
    QTest::addRow("credHelpers value is not a string")
        << QByteArray(R"({"credHelpers":{"registry.example.com":true}})") << host << Expect::Failure << QString()
        << QString() << QString() << code;
    QTest::addRow("credsStore is not a string") << QByteArray(R"({"credsStore":{}})") << host << Expect::Failure
                                                << QString() << QString() << QString() << code;
    QTest::addRow("broken entry for another registry still fails")
        << QByteArray(R"({"auths":{"other.example":{"auth":"%%%"},"registry.example.com":{"username":"u"}}})") << host
        << Expect::Failure << QString() << QString() << QString() << code;
}

void tst_Credentials::dockerConfig()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, registry);
    QFETCH(Expect, expect);
    QFETCH(QString, username);
    QFETCH(QString, secret);
    QFETCH(QString, identityToken);
    QFETCH(Error::Code, code);

    const Result<DockerConfig> config = DockerConfig::load(writeConfig(json));
    if (expect == Expect::Failure) {
        QVERIFY(!config);
        QCOMPARE(config.error().code(), code);
        // The message names the file but never echoes its contents.
        QVERIFY(!config.error().message().contains(QStringLiteral("secret")));
        return;
    }
    QVERIFY2(config, config ? "" : qPrintable(config.error().message()));

    const DockerConfig::Route route = config->routeFor(registry);
    switch (expect) {
    case Expect::Nothing:
        QCOMPARE(route.kind, DockerConfig::Route::Kind::Nothing);
        break;
    case Expect::Helper:
        QCOMPARE(route.kind, DockerConfig::Route::Kind::Helper);
        QCOMPARE(route.helper, username);
        break;
    case Expect::Found:
        QCOMPARE(route.kind, DockerConfig::Route::Kind::Stored);
        QCOMPARE(route.credentials.username, username);
        QCOMPARE(route.credentials.secret, secret);
        QCOMPARE(route.credentials.identityToken, identityToken);
        break;
    case Expect::Failure:
        break;
    }
}

void tst_Credentials::missingFileIsEmptyConfig()
{
    const Result<DockerConfig> config = DockerConfig::load(m_configs.filePath(QStringLiteral("does-not-exist.json")));
    QVERIFY(config);
    QVERIFY(config->isEmpty());
    QCOMPARE(config->routeFor(QStringLiteral("docker.io")).kind, DockerConfig::Route::Kind::Nothing);
}

void tst_Credentials::fileAtTheCapIsRead()
{
    QByteArray json = R"({"auths":{"registry.example.com":{"username":"u","password":"p"}},"padding":")";
    json += QByteArray(DockerConfig::MaxFileSize - json.size() - 2, 'x') + "\"}";
    QCOMPARE(json.size(), DockerConfig::MaxFileSize);
    const Result<DockerConfig> config = DockerConfig::load(writeConfig(json));
    QVERIFY2(config, config ? "" : qPrintable(config.error().message()));
    QCOMPARE(config->routeFor(QStringLiteral("registry.example.com")).kind, DockerConfig::Route::Kind::Stored);
}

void tst_Credentials::oversizedFileIsRefused()
{
    QByteArray json = R"({"auths":{"registry.example.com":{"username":"u","password":"p"}},"padding":")";
    json += QByteArray(DockerConfig::MaxFileSize - json.size() - 1, 'x') + "\"}";
    QCOMPARE(json.size(), DockerConfig::MaxFileSize + 1);
    const Result<DockerConfig> config = DockerConfig::load(writeConfig(json));
    QVERIFY(!config);
    QCOMPARE(config.error().code(), Error::Code::TooLarge);
}

void tst_Credentials::directoryIsRefused()
{
    const Result<DockerConfig> config = DockerConfig::load(m_configs.path());
    QVERIFY(!config);
    QCOMPARE(config.error().code(), Error::Code::Io);
}

void tst_Credentials::defaultPathFollowsDockerConfig()
{
    const QByteArray saved = qgetenv("DOCKER_CONFIG");
    const bool wasSet = qEnvironmentVariableIsSet("DOCKER_CONFIG");
    const auto restore = qScopeGuard([&] {
        if (wasSet)
            qputenv("DOCKER_CONFIG", saved);
        else
            qunsetenv("DOCKER_CONFIG");
    });

    QVERIFY(qputenv("DOCKER_CONFIG", QFile::encodeName(m_configs.path())));
    QCOMPARE(DockerConfig::defaultPath(), m_configs.filePath(QStringLiteral("config.json")));
    QCOMPARE(DockerConfigCredentials().configPath(), m_configs.filePath(QStringLiteral("config.json")));
    QVERIFY(qunsetenv("DOCKER_CONFIG"));
    QCOMPARE(DockerConfig::defaultPath(), QDir::home().filePath(QStringLiteral(".docker/config.json")));
}

void tst_Credentials::helperGet_data()
{
    QTest::addColumn<QString>("serverUrl");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<QString>("username");
    QTest::addColumn<QString>("secret");
    QTest::addColumn<QString>("identityToken");

    QTest::addRow("hub") << QStringLiteral("https://index.docker.io/v1/") << Expect::Found
                         << QStringLiteral("hub-user") << QStringLiteral("hub-secret") << QString();
    QTest::addRow("host and port") << QStringLiteral("host.example:5000") << Expect::Found
                                   << QStringLiteral("helper-user") << QStringLiteral("helper-secret") << QString();
    QTest::addRow("<token> user means an identity token")
        << QStringLiteral("token.example") << Expect::Found << QString() << QString() << QStringLiteral("refresh-token");
    QTest::addRow("credentials not found") << QStringLiteral("missing.example") << Expect::Nothing << QString()
                                           << QString() << QString();
    QTest::addRow("answer is not JSON") << QStringLiteral("garbage.example") << Expect::Failure << QString()
                                        << QString() << QString();
    QTest::addRow("helper fails") << QStringLiteral("failing.example") << Expect::Failure << QString() << QString()
                                  << QString();
}

void tst_Credentials::helperGet()
{
    QFETCH(QString, serverUrl);
    QFETCH(Expect, expect);
    QFETCH(QString, username);
    QFETCH(QString, secret);
    QFETCH(QString, identityToken);

    Answers<LookupResult> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharftest"));
    QCOMPARE(helper.programName(), QStringLiteral("docker-credential-wharftest"));
    helper.get(serverUrl, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    settle();
    QCOMPARE(answers.received.size(), 1);

    // The protocol: the action is the only argument, the server URL arrives on stdin.
    QCOMPARE(stateFile(QStringLiteral("get.args")), QByteArray("get\n"));
    QCOMPARE(QString::fromUtf8(stateFile(QStringLiteral("get.input"))), serverUrl);

    const LookupResult &result = answers.received.first();
    switch (expect) {
    case Expect::Failure:
        QVERIFY(!result);
        QCOMPARE(result.error().code(), Error::Code::Credentials);
        QVERIFY(result.error().message().contains(helper.programName()));
        break;
    case Expect::Nothing:
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QVERIFY(!result->has_value());
        break;
    case Expect::Found:
    case Expect::Helper:
        QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
        QVERIFY(result->has_value());
        QCOMPARE((*result)->username, username);
        QCOMPARE((*result)->secret, secret);
        QCOMPARE((*result)->identityToken, identityToken);
        break;
    }
}

void tst_Credentials::helperStore_data()
{
    QTest::addColumn<Credentials>("credentials");
    QTest::addColumn<QString>("expectedUsername");
    QTest::addColumn<QString>("expectedSecret");

    const QString awkward = fromUtf8("p\"a\\ss wörd\n$(rm -rf /)");
    QTest::addRow("password") << Credentials{QStringLiteral("alice"), awkward, {}} << QStringLiteral("alice")
                              << awkward;
    QTest::addRow("identity token travels as <token>")
        << Credentials{QStringLiteral("alice"), {}, QStringLiteral("refresh-token")} << QStringLiteral("<token>")
        << QStringLiteral("refresh-token");
}

void tst_Credentials::helperStore()
{
    QFETCH(Credentials, credentials);
    QFETCH(QString, expectedUsername);
    QFETCH(QString, expectedSecret);

    Answers<Result<void>> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharftest"));
    helper.store(QStringLiteral("host.example:5000"), credentials, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY2(answers.received.first(),
             answers.received.first() ? "" : qPrintable(answers.received.first().error().message()));

    // The secret went on stdin, and only there.
    QCOMPARE(stateFile(QStringLiteral("store.args")), QByteArray("store\n"));
    const QJsonObject request = QJsonDocument::fromJson(stateFile(QStringLiteral("store.input"))).object();
    QCOMPARE(request.value(QLatin1StringView("ServerURL")).toString(), QStringLiteral("host.example:5000"));
    QCOMPARE(request.value(QLatin1StringView("Username")).toString(), expectedUsername);
    QCOMPARE(request.value(QLatin1StringView("Secret")).toString(), expectedSecret);
}

void tst_Credentials::helperErase()
{
    for (const QString &serverUrl : {QStringLiteral("host.example:5000"), QStringLiteral("missing.example")}) {
        Answers<Result<void>> answers;
        QObject context;
        CredentialHelper helper(QStringLiteral("wharftest"));
        helper.erase(serverUrl, &context, answers.callback());
        QTRY_COMPARE(answers.received.size(), 1);
        // Erasing what is not there is not an error.
        QVERIFY2(answers.received.first(),
                 answers.received.first() ? "" : qPrintable(answers.received.first().error().message()));
        QCOMPARE(stateFile(QStringLiteral("erase.args")), QByteArray("erase\n"));
        QCOMPARE(QString::fromUtf8(stateFile(QStringLiteral("erase.input"))), serverUrl);
    }
}

void tst_Credentials::helperSaysNotFound()
{
    Answers<LookupResult> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharfnotfound"));
    helper.get(QStringLiteral("host.example:5000"), &context, answers.callback());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(answers.received.first());
    QVERIFY(!answers.received.first()->has_value());
}

void tst_Credentials::helperTimesOut()
{
    Answers<LookupResult> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharfhang"));
    QCOMPARE(helper.timeout(), 10'000ms);
    helper.setTimeout(300ms);
    QElapsedTimer clock;
    clock.start();
    helper.get(QStringLiteral("host.example:5000"), &context, answers.callback());
    QTRY_COMPARE_WITH_TIMEOUT(answers.received.size(), 1, 10000);
    QVERIFY2(clock.elapsed() < 5000, "the timeout did not stop the helper");
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::Timeout);
    QVERIFY(answers.received.first().error().message().contains(QStringLiteral("docker-credential-wharfhang")));
    // The hung program is killed, not left behind.
    QTRY_VERIFY(helper.findChildren<QObject *>().isEmpty());
}

void tst_Credentials::helperMissingIsNamed()
{
    Answers<LookupResult> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharfabsent"));
    helper.get(QStringLiteral("host.example:5000"), &context, answers.callback());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
    QVERIFY(answers.received.first().error().message().contains(QStringLiteral("docker-credential-wharfabsent")));
}

void tst_Credentials::helperNameMustBePlain()
{
    // A name from config.json must not turn into a path to some other program.
    for (const QString &name : {QStringLiteral("../wharftest"), QStringLiteral("/bin/sh"), QString(),
                                QStringLiteral("wharf test")}) {
        Answers<LookupResult> answers;
        QObject context;
        CredentialHelper helper(name);
        helper.get(QStringLiteral("host.example:5000"), &context, answers.callback());
        QTRY_COMPARE(answers.received.size(), 1);
        QVERIFY(!answers.received.first());
        QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
    }
}

void tst_Credentials::helperOutputIsCapped()
{
    Answers<LookupResult> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharfbig"));
    helper.get(QStringLiteral("host.example:5000"), &context, answers.callback());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::TooLarge);
}

void tst_Credentials::helperAnswersLaterEvenWhenMissing()
{
    // Failures found before any program runs still arrive from the event loop.
    Answers<Result<void>> answers;
    QObject context;
    CredentialHelper helper(QStringLiteral("wharfabsent"));
    helper.erase(QStringLiteral("host.example:5000"), &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
}

void tst_Credentials::deletingHelperCancelsPending()
{
    Answers<LookupResult> answers;
    QObject context;
    auto helper = std::make_unique<CredentialHelper>(QStringLiteral("wharfhang"));
    helper->get(QStringLiteral("host.example:5000"), &context, answers.callback());
    QTest::qWait(100); // let the program start
    QElapsedTimer clock;
    clock.start();
    helper.reset();
    QVERIFY(clock.elapsed() < 2000);
    QTRY_COMPARE(answers.received.size(), 1);
    QCOMPARE(answers.received.first().error().code(), Error::Code::Cancelled);
    settle();
    QCOMPARE(answers.received.size(), 1);
}

void tst_Credentials::precedence_data()
{
    QTest::addColumn<QByteArray>("json");
    QTest::addColumn<QString>("registry");
    QTest::addColumn<Expect>("expect");
    QTest::addColumn<QString>("username");

    const QString host = QStringLiteral("host.example:5000");
    const QByteArray auths = R"("auths":{"host.example:5000":{"auth":")" + base64("file-user:file-secret") + R"("}})";

    QTest::addRow("credHelpers beats credsStore and auths")
        << R"({"credHelpers":{"host.example:5000":"wharftest"},"credsStore":"wharfother",)" + auths + "}" << host
        << Expect::Found << QStringLiteral("helper-user");
    QTest::addRow("credsStore beats auths") << R"({"credsStore":"wharfother",)" + auths + "}" << host << Expect::Found
                                            << QStringLiteral("other-user");
    QTest::addRow("credHelpers for another host leaves credsStore")
        << R"({"credHelpers":{"elsewhere.example":"wharftest"},"credsStore":"wharfother",)" + auths + "}" << host
        << Expect::Found << QStringLiteral("other-user");
    QTest::addRow("auths alone") << "{" + auths + "}" << host << Expect::Found << QStringLiteral("file-user");
    QTest::addRow("helper with nothing does not fall back to auths")
        << R"({"credsStore":"wharfnotfound",)" + auths + "}" << host << Expect::Nothing << QString();
    QTest::addRow("empty credHelpers entry skips credsStore")
        << R"({"credHelpers":{"host.example:5000":""},"credsStore":"wharfother",)" + auths + "}" << host
        << Expect::Found << QStringLiteral("file-user");
    QTest::addRow("credHelpers key with scheme")
        << QByteArray(R"({"credHelpers":{"https://host.example:5000/v1/":"wharftest"}})") << host << Expect::Found
        << QStringLiteral("helper-user");
    QTest::addRow("hub helper is asked for the v1 address")
        << QByteArray(R"({"credsStore":"wharftest"})") << QStringLiteral("docker.io") << Expect::Found
        << QStringLiteral("hub-user");
    // CVE-2021-41092: a configured helper that cannot be run is an error, not anonymous access
    // and not the file's (or another registry's) credentials.
    QTest::addRow("missing credsStore helper fails closed")
        << R"({"credsStore":"wharfabsent",)" + auths + "}" << host << Expect::Failure << QString();
    QTest::addRow("missing credHelpers helper fails closed")
        << R"({"credHelpers":{"host.example:5000":"wharfabsent"},)" + auths + "}" << host << Expect::Failure
        << QString();
    QTest::addRow("nothing configured") << QByteArray(R"({"credHelpers":{"elsewhere.example":"wharftest"}})") << host
                                        << Expect::Nothing << QString();
}

void tst_Credentials::precedence()
{
    QFETCH(QByteArray, json);
    QFETCH(QString, registry);
    QFETCH(Expect, expect);
    QFETCH(QString, username);

    Answers<LookupResult> answers;
    QObject context;
    DockerConfigCredentials source(writeConfig(json));
    source.lookup(registry, &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    settle();
    QCOMPARE(answers.received.size(), 1);

    const LookupResult &result = answers.received.first();
    if (expect == Expect::Failure) {
        QVERIFY(!result);
        QCOMPARE(result.error().code(), Error::Code::Credentials);
        return;
    }
    QVERIFY2(result, result ? "" : qPrintable(result.error().message()));
    if (expect == Expect::Nothing) {
        QVERIFY(!result->has_value());
        return;
    }
    QVERIFY(result->has_value());
    QCOMPARE((*result)->username, username);
}

void tst_Credentials::brokenConfigFailsClosed()
{
    Answers<LookupResult> answers;
    QObject context;
    DockerConfigCredentials source(writeConfig(R"({"auths":{"host.example:5000":)"));
    source.lookup(QStringLiteral("host.example:5000"), &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
}

void tst_Credentials::answersOnTheCallersThread()
{
    // A lookup started on another thread runs its helper on the source's thread and answers on
    // the caller's.
    DockerConfigCredentials source(writeConfig(R"({"credsStore":"wharftest"})"));
    QThread worker;
    worker.start();
    const auto stop = qScopeGuard([&] {
        worker.quit();
        worker.wait();
    });

    QMutex mutex;
    QThread *answeredOn = nullptr;
    QString username;
    {
        auto *context = new QObject;
        context->moveToThread(&worker);
        connect(&worker, &QThread::finished, context, &QObject::deleteLater);
        QMetaObject::invokeMethod(context, [&, context] {
            source.lookup(QStringLiteral("host.example:5000"), context, [&](LookupResult result) {
                const QMutexLocker lock(&mutex);
                answeredOn = QThread::currentThread();
                username = result && *result ? (*result)->username : QStringLiteral("<failed>");
            });
        });
    }
    QTRY_VERIFY([&] {
        const QMutexLocker lock(&mutex);
        return answeredOn != nullptr;
    }());
    const QMutexLocker lock(&mutex);
    QCOMPARE(answeredOn, &worker);
    QCOMPARE(username, QStringLiteral("helper-user"));
}

void tst_Credentials::chain_data()
{
    // Each source's answer: "-" nothing, "" empty credentials, "!" an error, else a user name.
    QTest::addColumn<QStringList>("answers");
    QTest::addColumn<QString>("expected"); // "-" nothing, "!" the error, else the user name
    QTest::addColumn<QList<int>>("calls");

    const QString none = QStringLiteral("-");
    const QString error = QStringLiteral("!");
    const QString alice = QStringLiteral("alice");
    const QString bob = QStringLiteral("bob");
    QTest::addRow("first with credentials wins") << QStringList{alice, bob} << alice << QList<int>{1, 0};
    QTest::addRow("nothing moves on") << QStringList{none, bob} << bob << QList<int>{1, 1};
    QTest::addRow("empty credentials move on") << QStringList{QString(), bob} << bob << QList<int>{1, 1};
    QTest::addRow("an error stops the chain") << QStringList{error, bob} << error << QList<int>{1, 0};
    QTest::addRow("an error after nothing stops the chain")
        << QStringList{none, error, bob} << error << QList<int>{1, 1, 0};
    QTest::addRow("credentials before an error") << QStringList{alice, error} << alice << QList<int>{1, 0};
    QTest::addRow("nobody has any") << QStringList{none, QString()} << none << QList<int>{1, 1};
}

void tst_Credentials::chain()
{
    QFETCH(QStringList, answers);
    QFETCH(QString, expected);
    QFETCH(QList<int>, calls);

    std::vector<std::unique_ptr<FixedSource>> owned;
    std::vector<CredentialSource *> sources;
    for (const QString &answer : answers) {
        LookupResult result = std::nullopt;
        if (answer == QLatin1StringView("!"))
            result = fail(Error::Code::Credentials, QStringLiteral("the helper is broken"));
        else if (answer.isEmpty())
            result = std::optional(Credentials{});
        else if (answer != QLatin1StringView("-"))
            result = std::optional(Credentials{answer, QStringLiteral("secret"), {}});
        owned.push_back(std::make_unique<FixedSource>(std::move(result)));
        sources.push_back(owned.back().get());
    }

    Answers<LookupResult> received;
    QObject context;
    ChainedCredentialSource chain(sources);
    QCOMPARE(chain.sources().size(), sources.size());
    chain.lookup(QStringLiteral("host.example:5000"), &context, received.callback());
    QVERIFY(received.received.isEmpty());
    QTRY_COMPARE(received.received.size(), 1);
    settle();
    QCOMPARE(received.received.size(), 1);

    for (std::size_t i = 0; i < owned.size(); ++i) {
        QCOMPARE(owned[i]->calls, calls[qsizetype(i)]);
        // Every source is asked about the same registry, never another one.
        for (const QString &registry : std::as_const(owned[i]->registries))
            QCOMPARE(registry, QStringLiteral("host.example:5000"));
    }

    const LookupResult &result = received.received.first();
    if (expected == QLatin1StringView("!")) {
        QVERIFY(!result);
        QCOMPARE(result.error().code(), Error::Code::Credentials);
    } else if (expected == QLatin1StringView("-")) {
        QVERIFY(result);
        QVERIFY(!result->has_value());
    } else {
        QVERIFY(result);
        QVERIFY(result->has_value());
        QCOMPARE((*result)->username, expected);
    }
}

void tst_Credentials::chainWithNoSourcesAnswersLater()
{
    Answers<LookupResult> answers;
    QObject context;
    ChainedCredentialSource chain({});
    chain.lookup(QStringLiteral("docker.io"), &context, answers.callback());
    QVERIFY(answers.received.isEmpty());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(answers.received.first());
    QVERIFY(!answers.received.first()->has_value());
}

void tst_Credentials::chainStopsAtBrokenHelper()
{
    // CVE-2021-41092 end to end: Docker's config names a helper that is not installed; the next
    // source would have credentials, but they must not be used.
    DockerConfigCredentials docker(writeConfig(R"({"credsStore":"wharfabsent"})"));
    FixedSource fallback(std::optional(Credentials{QStringLiteral("fallback"), QStringLiteral("secret"), {}}));
    ChainedCredentialSource chain({&docker, &fallback});

    Answers<LookupResult> answers;
    QObject context;
    chain.lookup(QStringLiteral("private.example"), &context, answers.callback());
    QTRY_COMPARE(answers.received.size(), 1);
    QVERIFY(!answers.received.first());
    QCOMPARE(answers.received.first().error().code(), Error::Code::Credentials);
    QVERIFY(answers.received.first().error().message().contains(QStringLiteral("docker-credential-wharfabsent")));
    QCOMPARE(fallback.calls, 0);
}

void tst_Credentials::debugOutputRedactsSecrets()
{
    QString text;
    QDebug(&text) << Credentials{QStringLiteral("alice"), QStringLiteral("hunter2"), QStringLiteral("refresh-xyz")};
    QVERIFY(!text.contains(QStringLiteral("hunter2")));
    QVERIFY(!text.contains(QStringLiteral("refresh-xyz")));
    QVERIFY(text.contains(QStringLiteral("redacted")));
}

// dhi.io (Docker Hardened Images) is signed in to with the Docker ID: without its own login, the
// docker.io one is used; its own wins; no other registry gets docker.io's.
void tst_Credentials::dhiTakesTheDockerId()
{
    const Credentials dockerId{QStringLiteral("alice"), QStringLiteral("dckr_pat_x"), {}};
    StaticCredentialSource hubOnly(QStringLiteral("docker.io"), dockerId);
    DockerIdCredentials source(&hubOnly);
    QObject context;
    const auto ask = [&](const QString &registry) {
        std::optional<Result<std::optional<Credentials>>> answer;
        source.lookup(registry, &context, [&](Result<std::optional<Credentials>> r) { answer = std::move(r); });
        QTest::qWaitFor([&] { return answer.has_value(); }, 5000);
        return answer.value_or(Result<std::optional<Credentials>>(wharf::unexpected(Error(Error::Code::Cancelled, {}))));
    };
    auto dhi = ask(QStringLiteral("dhi.io"));
    QVERIFY(dhi && *dhi);
    QCOMPARE(**dhi, dockerId);
    auto other = ask(QStringLiteral("ghcr.io"));
    QVERIFY(other && !*other);

    const Credentials own{QStringLiteral("bob"), QStringLiteral("secret"), {}};
    StaticCredentialSource dhiOwn(QStringLiteral("dhi.io"), own);
    DockerIdCredentials withOwn(&dhiOwn);
    std::optional<Result<std::optional<Credentials>>> answer;
    withOwn.lookup(QStringLiteral("dhi.io"), &context, [&](Result<std::optional<Credentials>> r) { answer = std::move(r); });
    QTRY_VERIFY(answer.has_value());
    QVERIFY(*answer && **answer);
    QCOMPARE(***answer, own);
}

QTEST_GUILESS_MAIN(tst_Credentials)
#include "tst_credentials.moc"

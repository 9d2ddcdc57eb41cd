#include "credentials/DockerConfig.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QUrl>

namespace wharf {

namespace {

const QString HubAddress = QStringLiteral("https://index.docker.io/v1/");
const QString HubDomain = QStringLiteral("docker.io");

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::DockerConfig)
};

wharf::unexpected<Error> malformed(const QString &origin, const QString &what)
{
    //: %1 is the config file, %2 says what is wrong with it
    return fail(Error::Code::Credentials,
                Tr::tr("the Docker configuration %1 is not valid (%2); fix it so that Wharf does not sign in with "
                   "the wrong credentials")
                    .arg(origin, what));
}

// Docker's decodeAuth: base64 of "user:password"; the password may itself contain colons.
Result<Credentials> decodeAuth(const QString &auth, const QString &origin, const QString &key)
{
    const auto decoded = QByteArray::fromBase64Encoding(auth.toLatin1(), QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return malformed(origin, Tr::tr("the \"auth\" value for %1 is not base64").arg(key));
    const QString text = QString::fromUtf8(*decoded);
    const qsizetype colon = text.indexOf(QLatin1Char(':'));
    if (colon <= 0)
        return malformed(origin, Tr::tr("the \"auth\" value for %1 is not \"user:password\"").arg(key));
    Credentials credentials;
    credentials.username = text.left(colon);
    credentials.secret = text.mid(colon + 1);
    while (credentials.secret.endsWith(QChar(u'\0')))
        credentials.secret.chop(1);
    return credentials;
}

Result<Credentials> parseAuthEntry(const QJsonValue &value, const QString &origin, const QString &key)
{
    if (!value.isObject())
        return malformed(origin, Tr::tr("the entry for %1 is not an object").arg(key));
    const QJsonObject entry = value.toObject();
    const auto text = [&](QLatin1StringView field) -> Result<QString> {
        const QJsonValue v = entry.value(field);
        if (v.isUndefined() || v.isNull())
            return QString();
        if (!v.isString())
            return malformed(origin, Tr::tr("\"%1\" for %2 is not a string").arg(field, key));
        return v.toString();
    };

    Credentials credentials;
    const auto auth = text(QLatin1StringView("auth"));
    const auto username = text(QLatin1StringView("username"));
    const auto password = text(QLatin1StringView("password"));
    const auto identityToken = text(QLatin1StringView("identitytoken"));
    for (const auto *field : {&auth, &username, &password, &identityToken}) {
        if (!*field)
            return wharf::unexpected(field->error());
    }
    // As in Docker, a non-empty "auth" wins over the separate username/password fields.
    if (!auth->isEmpty()) {
        auto decoded = decodeAuth(*auth, origin, key);
        if (!decoded)
            return wharf::unexpected(decoded.error());
        credentials = std::move(*decoded);
    } else {
        credentials.username = *username;
        credentials.secret = *password;
    }
    credentials.identityToken = *identityToken;
    return credentials;
}

} // namespace

QString DockerConfig::defaultPath()
{
    const QString dir = qEnvironmentVariable("DOCKER_CONFIG");
    if (!dir.isEmpty())
        return QDir(dir).filePath(QStringLiteral("config.json"));
    return QDir::home().filePath(QStringLiteral(".docker/config.json"));
}

Result<DockerConfig> DockerConfig::load(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists())
        return DockerConfig();
    if (!info.isFile())
        return fail(Error::Code::Io, Tr::tr("the Docker configuration %1 is not a regular file").arg(path));

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return fail(Error::Code::Io,
                    Tr::tr("could not read the Docker configuration %1 (%2)").arg(path, file.errorString()));
    // Read one byte past the cap rather than trusting size(): the file may grow while we read.
    const QByteArray bytes = file.read(MaxFileSize + 1);
    if (bytes.size() > MaxFileSize)
        return fail(Error::Code::TooLarge,
                    Tr::tr("the Docker configuration %1 is larger than %2 bytes; Wharf does not read it")
                        .arg(path)
                        .arg(MaxFileSize));
    return parse(bytes, path);
}

Result<DockerConfig> DockerConfig::parse(QByteArrayView json, const QString &origin)
{
    const QString where = origin.isEmpty() ? QStringLiteral("config.json") : origin;
    const QByteArray bytes = json.toByteArray();
    // Docker reads an empty file as an empty configuration.
    if (bytes.trimmed().isEmpty())
        return DockerConfig();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    // The parser's message and offset only; the text itself may hold secrets.
    if (parseError.error != QJsonParseError::NoError)
        return malformed(where, Tr::tr("%1 at offset %2").arg(parseError.errorString()).arg(parseError.offset));
    if (!document.isObject())
        return malformed(where, Tr::tr("the top level is not an object"));
    const QJsonObject root = document.object();

    DockerConfig config;
    const QJsonValue auths = root.value(QLatin1StringView("auths"));
    if (!auths.isUndefined() && !auths.isNull()) {
        if (!auths.isObject())
            return malformed(where, Tr::tr("\"auths\" is not an object"));
        const QJsonObject entries = auths.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            auto credentials = parseAuthEntry(it.value(), where, it.key());
            if (!credentials)
                return wharf::unexpected(credentials.error());
            config.m_auths.append({it.key(), std::move(*credentials)});
        }
    }

    const QJsonValue helpers = root.value(QLatin1StringView("credHelpers"));
    if (!helpers.isUndefined() && !helpers.isNull()) {
        if (!helpers.isObject())
            return malformed(where, Tr::tr("\"credHelpers\" is not an object"));
        const QJsonObject entries = helpers.toObject();
        for (auto it = entries.begin(); it != entries.end(); ++it) {
            if (!it.value().isString())
                return malformed(where, Tr::tr("the credential helper for %1 is not a string").arg(it.key()));
            config.m_credHelpers.append({it.key(), it.value().toString()});
        }
    }

    const QJsonValue store = root.value(QLatin1StringView("credsStore"));
    if (!store.isUndefined() && !store.isNull()) {
        if (!store.isString())
            return malformed(where, Tr::tr("\"credsStore\" is not a string"));
        config.m_credsStore = store.toString();
    }
    return config;
}

template <typename T>
const T *DockerConfig::find(const Keyed<T> &entries, const QString &registry)
{
    const QString canonical = canonicalRegistry(registry);
    if (canonical.isEmpty())
        return nullptr;
    // The key Docker itself would have written wins; otherwise, like Docker's fileStore.Get, any
    // key that reduces to the same host (a scheme, a path, a Hub alias). Hosts must match
    // exactly: "quay.io.evil.com" is not "quay.io".
    const QString address = serverAddressFor(canonical);
    for (const auto &[key, value] : entries) {
        if (key == address)
            return &value;
    }
    for (const auto &[key, value] : entries) {
        if (canonicalRegistry(convertToHostname(key)) == canonical)
            return &value;
    }
    return nullptr;
}

DockerConfig::Route DockerConfig::routeFor(const QString &registry) const
{
    Route route;
    // Docker: an explicit credHelpers entry, even an empty one (which opts this registry out of
    // credsStore), decides before credsStore does.
    const QString *helper = find(m_credHelpers, registry);
    if (helper && !helper->isEmpty()) {
        route.kind = Route::Kind::Helper;
        route.helper = *helper;
        return route;
    }
    if (!helper && !m_credsStore.isEmpty()) {
        route.kind = Route::Kind::Helper;
        route.helper = m_credsStore;
        return route;
    }
    if (const Credentials *stored = find(m_auths, registry); stored && !stored->isEmpty()) {
        route.kind = Route::Kind::Stored;
        route.credentials = *stored;
    }
    return route;
}

QString DockerConfig::convertToHostname(QStringView key)
{
    const QString text = key.trimmed().toString();
    if (text.contains(QLatin1StringView("://"))) {
        const QUrl url(text, QUrl::StrictMode);
        if (url.isValid() && !url.host().isEmpty()) {
            QString host = url.host();
            if (host.contains(QLatin1Char(':'))) // an IPv6 literal keeps its brackets
                host = QLatin1Char('[') + host + QLatin1Char(']');
            return url.port() == -1 ? host : host + QLatin1Char(':') + QString::number(url.port());
        }
    }
    const qsizetype slash = text.indexOf(QLatin1Char('/'));
    return slash < 0 ? text : text.left(slash);
}

QString DockerConfig::canonicalRegistry(QStringView registry)
{
    const QString host = registry.trimmed().toString().toLower();
    if (host == HubDomain || host == QLatin1StringView("index.docker.io")
        || host == QLatin1StringView("registry-1.docker.io"))
        return HubDomain;
    return host;
}

QString DockerConfig::serverAddressFor(const QString &registry)
{
    const QString canonical = canonicalRegistry(registry);
    return canonical == HubDomain ? HubAddress : canonical;
}

} // namespace wharf

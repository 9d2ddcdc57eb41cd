#pragma once
// Docker's client configuration ($DOCKER_CONFIG/config.json, else ~/.docker/config.json), read
// for the credentials it names: inline `auths` entries, per-registry `credHelpers` and the
// default `credsStore`. Matching and precedence follow the Docker CLI so that Wharf signs in
// exactly where `docker pull` would, and nowhere else.

#include "core/Error.h"
#include "credentials/Credentials.h"

#include <QByteArrayView>
#include <QList>
#include <QString>
#include <QStringView>

#include <utility>

namespace wharf {

class DockerConfig
{
public:
    // Docker's own loader has no cap; a credential file has no business being larger than this.
    static constexpr qint64 MaxFileSize = 1024 * 1024;

    // Where Docker would take one registry's credentials from.
    struct Route
    {
        enum class Kind {
            Nothing, // nothing configured: anonymous access
            Stored,  // an `auths` entry in the file itself
            Helper,  // ask docker-credential-<helper>
        };
        Kind kind = Kind::Nothing;
        Credentials credentials; // Kind::Stored
        QString helper;          // Kind::Helper: the <name> of docker-credential-<name>
    };

    DockerConfig() = default;

    // $DOCKER_CONFIG/config.json when DOCKER_CONFIG is set, else ~/.docker/config.json.
    [[nodiscard]] static QString defaultPath();
    // A missing file is an empty configuration, as for Docker. An unreadable, oversized or
    // malformed file is an error: guessing would mean signing in with the wrong credentials.
    [[nodiscard]] static Result<DockerConfig> load(const QString &path);
    // `origin` names the file in error messages.
    [[nodiscard]] static Result<DockerConfig> parse(QByteArrayView json, const QString &origin = {});

    // Docker's precedence: credHelpers[registry] > credsStore > auths[registry]. The chosen
    // mechanism is authoritative: a helper that has nothing does not fall back to `auths`.
    [[nodiscard]] Route routeFor(const QString &registry) const;

    [[nodiscard]] const QString &credsStore() const { return m_credsStore; }
    [[nodiscard]] bool isEmpty() const { return m_auths.isEmpty() && m_credHelpers.isEmpty() && m_credsStore.isEmpty(); }

    // The Docker CLI's ConvertToHostname: drops a scheme and any path, "https://host:5000/v1/"
    // becomes "host:5000", "host/path" becomes "host".
    [[nodiscard]] static QString convertToHostname(QStringView key);
    // Lower-cases, and folds Docker Hub's aliases (index.docker.io, registry-1.docker.io) into
    // "docker.io", the form Wharf's references use.
    [[nodiscard]] static QString canonicalRegistry(QStringView registry);
    // The server address Docker files credentials under and passes to credential helpers:
    // "https://index.docker.io/v1/" for Docker Hub, otherwise host[:port].
    [[nodiscard]] static QString serverAddressFor(const QString &registry);

private:
    template <typename T>
    using Keyed = QList<std::pair<QString, T>>; // config keys in file order of QJsonObject (sorted)

    template <typename T>
    [[nodiscard]] static const T *find(const Keyed<T> &entries, const QString &registry);

    Keyed<Credentials> m_auths;
    Keyed<QString> m_credHelpers;
    QString m_credsStore;
};

} // namespace wharf

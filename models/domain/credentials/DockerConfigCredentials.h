#pragma once
// The credentials Docker's own tools would use for a registry: the config.json entry, or the
// credential helper that config.json names for it, with Docker's precedence (DockerConfig).
// The file is read again on every lookup, so a `docker login` in a terminal is seen at once.

#include "credentials/CredentialSource.h"

#include <QHash>
#include <QObject>
#include <QString>

#include <chrono>

namespace wharf {

class CredentialHelper;

class DockerConfigCredentials final : public QObject, public CredentialSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DockerConfigCredentials)
public:
    // Reads DockerConfig::defaultPath() at each lookup.
    explicit DockerConfigCredentials(QObject *parent = nullptr);
    explicit DockerConfigCredentials(QString configPath, QObject *parent = nullptr);

    // The file this source reads; follows $DOCKER_CONFIG unless a path was given.
    [[nodiscard]] QString configPath() const;
    [[nodiscard]] std::chrono::milliseconds helperTimeout() const { return m_helperTimeout; }
    void setHelperTimeout(std::chrono::milliseconds timeout);

    // A broken config.json or a failing helper is an error (fail closed), never "no credentials".
    void lookup(const QString &registry, QObject *context, Callback done) override;

private:
    [[nodiscard]] CredentialHelper *helper(const QString &name);

    QString m_configPath;
    std::chrono::milliseconds m_helperTimeout;
    QHash<QString, CredentialHelper *> m_helpers;
};

} // namespace wharf

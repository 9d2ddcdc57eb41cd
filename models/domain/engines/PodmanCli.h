#pragma once
// Podman where no API service runs: the same questions EngineApi asks, put to the `podman`
// program (`podman load` reading the archive on its standard input as it is produced, `podman
// image inspect`, `podman images`, `podman rmi`, `podman version`), with the answers read into the
// same shapes. Synchronous, like EngineClient; cancel kills the program (a `podman load` cut short
// stores nothing). Output is capped like the API's answers.

#include "core/Error.h"
#include "engines/EngineApi.h"

#include <QByteArray>
#include <QStringList>

#include <atomic>
#include <functional>

class QIODevice;

namespace wharf {

class PodmanCli
{
public:
    PodmanCli(EngineEndpoint endpoint, const std::atomic_bool *cancel);

    [[nodiscard]] Result<EngineVersion> version();
    [[nodiscard]] Result<QList<EngineImage>> images();
    [[nodiscard]] Result<EngineImage> inspect(const QString &name);
    [[nodiscard]] Result<QList<EngineHistoryStep>> history(const QString &name);
    [[nodiscard]] Result<void> remove(const QString &name, bool force);
    [[nodiscard]] Result<QStringList> load(const std::function<Result<void>(QIODevice &)> &writeArchive, std::atomic<qint64> *sent);

private:
    struct Output
    {
        int exitCode = -1;
        QByteArray out;
        QByteArray err;
    };
    Result<Output> run(const QStringList &arguments, const std::function<Result<void>(QIODevice &)> &input = {},
                       std::atomic<qint64> *sent = nullptr);
    [[nodiscard]] Error failed(const Output &output, const QString &what) const;

    EngineEndpoint m_endpoint;
    const std::atomic_bool *m_cancel;
};

} // namespace wharf

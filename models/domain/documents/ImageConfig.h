#pragma once
// The image configuration blob (Docker or OCI): the platform it was built for, how a container
// starts (entrypoint, environment, ports, …), the uncompressed layer digests and the build history.
// Everything in it is untrusted text for display: never a host path, never a command to run
// (CVE-2022-23648).

#include "core/Digest.h"
#include "core/Error.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMap>
#include <QString>
#include <QStringList>

namespace wharf {

struct ImageConfig
{
    // One step of the build ("history" in config.md), oldest first.
    struct HistoryEntry
    {
        QDateTime created; // invalid when absent or not RFC 3339
        QString createdBy;
        QString author;
        QString comment;
        bool emptyLayer = false;

        friend bool operator==(const HistoryEntry &, const HistoryEntry &) = default;
    };

    // The "config" object: the defaults a container starts with.
    struct RunConfig
    {
        QString user;
        QStringList env; // "NAME=value"
        QStringList entrypoint;
        QStringList cmd;
        QString workingDir;
        QMap<QString, QString> labels;
        QStringList exposedPorts; // "80/tcp"
        QStringList volumes;
        QString stopSignal;
        bool argsEscaped = false;

        friend bool operator==(const RunConfig &, const RunConfig &) = default;
    };

    QString architecture;
    QString os;
    QString variant;
    QString osVersion;
    QStringList osFeatures;
    QDateTime created;
    QString author;
    RunConfig config;
    QList<Digest> diffIds; // rootfs.diff_ids: digests of the uncompressed layer tars
    QList<HistoryEntry> history;

    // Types are checked as strictly as the image-spec config schema (os is a string, every Env
    // entry has '=', Volumes is an object, history is a list, rootfs.type is "layers", …).
    // Errors: MalformedDocument, InvalidDigest or UnsupportedDigest (a diff_id).
    [[nodiscard]] static Result<ImageConfig> fromJson(const QJsonObject &object);

    // Steps that produced a layer: what manifest.layers should count.
    [[nodiscard]] qsizetype nonEmptyHistoryCount() const;

    friend bool operator==(const ImageConfig &, const ImageConfig &) = default;
};

} // namespace wharf

#include "documents/ImageConfig.h"

#include "documents/JsonFields.h"

#include <QCoreApplication>
#include <QJsonArray>

namespace wharf {

using namespace Qt::StringLiterals;
using JsonFields::Presence;

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Documents)
};

// Config timestamps are Go's RFC 3339 with up to nanoseconds; a bad one is shown blank rather than
// refusing an image over a cosmetic field.
QDateTime parseTimestamp(const QString &text)
{
    return text.isEmpty() ? QDateTime() : QDateTime::fromString(text, Qt::ISODateWithMs);
}

Result<ImageConfig::RunConfig> readRunConfig(const QJsonObject &object)
{
    const QString path = u"config"_s;
    ImageConfig::RunConfig run;

    auto user = JsonFields::readString(object, "User"_L1, path);
    auto workingDir = JsonFields::readString(object, "WorkingDir"_L1, path);
    auto stopSignal = JsonFields::readString(object, "StopSignal"_L1, path);
    for (const auto *field : {&user, &workingDir, &stopSignal})
        if (!*field)
            return wharf::unexpected(field->error());
    run.user = *user;
    run.workingDir = *workingDir;
    run.stopSignal = *stopSignal;

    auto env = JsonFields::readStringArray(object, "Env"_L1, path);
    auto entrypoint = JsonFields::readStringArray(object, "Entrypoint"_L1, path);
    auto cmd = JsonFields::readStringArray(object, "Cmd"_L1, path);
    for (const auto *field : {&env, &entrypoint, &cmd})
        if (!*field)
            return wharf::unexpected(field->error());
    for (qsizetype i = 0; i < env->size(); ++i)
        if (!env->at(i).contains(u'='))
            return JsonFields::malformed(Tr::tr("“%1” is not a NAME=value pair")
                                             .arg(JsonFields::elementPath(u"config.Env"_s, i)));
    run.env = *env;
    run.entrypoint = *entrypoint;
    run.cmd = *cmd;

    auto labels = JsonFields::readStringMap(object, "Labels"_L1, path);
    if (!labels)
        return wharf::unexpected(labels.error());
    run.labels = *labels;

    auto ports = JsonFields::readObjectKeys(object, "ExposedPorts"_L1, path);
    auto volumes = JsonFields::readObjectKeys(object, "Volumes"_L1, path);
    for (const auto *field : {&ports, &volumes})
        if (!*field)
            return wharf::unexpected(field->error());
    run.exposedPorts = *ports;
    run.volumes = *volumes;

    auto argsEscaped = JsonFields::readBool(object, "ArgsEscaped"_L1, path);
    if (!argsEscaped)
        return wharf::unexpected(argsEscaped.error());
    run.argsEscaped = *argsEscaped;
    return run;
}

Result<ImageConfig::HistoryEntry> readHistoryEntry(const QJsonObject &object, const QString &path)
{
    ImageConfig::HistoryEntry entry;
    auto created = JsonFields::readString(object, "created"_L1, path);
    auto createdBy = JsonFields::readString(object, "created_by"_L1, path);
    auto author = JsonFields::readString(object, "author"_L1, path);
    auto comment = JsonFields::readString(object, "comment"_L1, path);
    for (const auto *field : {&created, &createdBy, &author, &comment})
        if (!*field)
            return wharf::unexpected(field->error());
    auto emptyLayer = JsonFields::readBool(object, "empty_layer"_L1, path);
    if (!emptyLayer)
        return wharf::unexpected(emptyLayer.error());
    entry.created = parseTimestamp(*created);
    entry.createdBy = *createdBy;
    entry.author = *author;
    entry.comment = *comment;
    entry.emptyLayer = *emptyLayer;
    return entry;
}

} // namespace

Result<ImageConfig> ImageConfig::fromJson(const QJsonObject &object)
{
    ImageConfig c;
    const QString top;

    auto architecture = JsonFields::readString(object, "architecture"_L1, top, Presence::Required);
    auto os = JsonFields::readString(object, "os"_L1, top, Presence::Required);
    auto variant = JsonFields::readString(object, "variant"_L1, top);
    auto osVersion = JsonFields::readString(object, "os.version"_L1, top);
    auto created = JsonFields::readString(object, "created"_L1, top);
    auto author = JsonFields::readString(object, "author"_L1, top);
    for (const auto *field : {&architecture, &os, &variant, &osVersion, &created, &author})
        if (!*field)
            return wharf::unexpected(field->error());
    c.architecture = *architecture;
    c.os = *os;
    c.variant = *variant;
    c.osVersion = *osVersion;
    c.created = parseTimestamp(*created);
    c.author = *author;

    auto osFeatures = JsonFields::readStringArray(object, "os.features"_L1, top);
    if (!osFeatures)
        return wharf::unexpected(osFeatures.error());
    c.osFeatures = *osFeatures;

    auto runObject = JsonFields::readObject(object, "config"_L1, top);
    if (!runObject)
        return wharf::unexpected(runObject.error());
    auto run = readRunConfig(*runObject);
    if (!run)
        return wharf::unexpected(run.error());
    c.config = *run;

    auto history = JsonFields::readArray(object, "history"_L1, top);
    if (!history)
        return wharf::unexpected(history.error());
    c.history.reserve(history->size());
    for (qsizetype i = 0; i < history->size(); ++i) {
        const QString path = JsonFields::elementPath(u"history"_s, i);
        if (!history->at(i).isObject())
            return JsonFields::malformed(Tr::tr("“%1” must be an object").arg(path));
        auto entry = readHistoryEntry(history->at(i).toObject(), path);
        if (!entry)
            return wharf::unexpected(entry.error());
        c.history.append(*entry);
    }

    auto rootfs = JsonFields::readObject(object, "rootfs"_L1, top, Presence::Required);
    if (!rootfs)
        return wharf::unexpected(rootfs.error());
    auto rootfsType = JsonFields::readString(*rootfs, "type"_L1, u"rootfs"_s, Presence::Required);
    if (!rootfsType)
        return wharf::unexpected(rootfsType.error());
    // config.md: any other value MUST be an error, since the layers could not be applied.
    if (*rootfsType != "layers"_L1)
        return JsonFields::malformed(Tr::tr("“rootfs.type” must be “layers”, not “%1”").arg(rootfsType->left(40)));
    auto diffIds = JsonFields::readStringArray(*rootfs, "diff_ids"_L1, u"rootfs"_s, Presence::Required);
    if (!diffIds)
        return wharf::unexpected(diffIds.error());

    // Last, so that a structurally broken config is reported as such before an unverifiable digest.
    c.diffIds.reserve(diffIds->size());
    for (qsizetype i = 0; i < diffIds->size(); ++i) {
        auto digest = Digest::parse(diffIds->at(i));
        if (!digest)
            return wharf::unexpected(digest.error().withContext(JsonFields::elementPath(u"rootfs.diff_ids"_s, i)));
        c.diffIds.append(*digest);
    }
    return c;
}

qsizetype ImageConfig::nonEmptyHistoryCount() const
{
    qsizetype count = 0;
    for (const HistoryEntry &entry : history)
        if (!entry.emptyLayer)
            ++count;
    return count;
}

} // namespace wharf

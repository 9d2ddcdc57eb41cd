#include "engines/EngineImageReader.h"

#include "documents/DocumentParser.h"

#include <QCoreApplication>
#include <QHash>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::EngineImageReader)
};

constexpr qint64 kMaxConfig = 16 * 1024 * 1024;

// The response body as the outer archive's source; two buffers in turn (Source's contract).
class BodySource final : public LayerArchiveReader::Source
{
public:
    BodySource(EngineResponseStream &stream, std::atomic<qint64> *bytesRead) : m_stream(stream), m_bytesRead(bytesRead) {}
    Result<QByteArrayView> read() override
    {
        auto piece = m_stream.read();
        if (!piece)
            return wharf::unexpected(piece.error());
        QByteArray &buffer = m_buffers[m_next];
        m_next ^= 1;
        buffer = std::move(*piece);
        if (m_bytesRead)
            m_bytesRead->fetch_add(buffer.size(), std::memory_order_relaxed);
        return QByteArrayView(buffer);
    }

private:
    EngineResponseStream &m_stream;
    std::atomic<qint64> *m_bytesRead;
    QByteArray m_buffers[2];
    int m_next = 0;
};

// One entry of the outer archive as an inner layer's source, hashed on the way.
class EntrySource final : public LayerArchiveReader::Source
{
public:
    EntrySource(LayerArchiveReader &outer, const Digest &anyDigest) : m_outer(outer), m_hash(anyDigest) {}
    Result<QByteArrayView> read() override
    {
        auto data = m_outer.readData();
        if (!data)
            return wharf::unexpected(data.error());
        QByteArray &buffer = m_buffers[m_next];
        m_next ^= 1;
        buffer = data->toByteArray();
        m_hash.addData(buffer);
        return QByteArrayView(buffer);
    }
    [[nodiscard]] QString digest() const { return m_hash.computed().toString(); }

private:
    LayerArchiveReader &m_outer;
    DigestVerifier m_hash; // OpenSSL's SHA-256; only its computed() digest is used
    QByteArray m_buffers[2];
    int m_next = 0;
};

bool isLayerName(const QString &path)
{
    return path.endsWith(QLatin1StringView("/layer.tar")) || path.endsWith(QLatin1StringView(".tar"))
        || path.startsWith(QLatin1StringView("blobs/sha256/"));
}

} // namespace

Result<EngineImageContents> EngineImageReader::read(const EngineEndpoint &endpoint, const QString &name, const Options &options)
{
    const QString engine = EngineLocator::kindName(endpoint.kind);
    if (endpoint.transport != EngineEndpoint::Transport::UnixSocket)
        //: %1 is Podman
        return fail(Error::Code::Unsupported, Tr::tr("reading an image's files from %1 needs its API service (podman system service)").arg(engine));
    EngineApi api(endpoint, options.cancel);
    auto facts = api.inspect(name);
    if (!facts)
        return wharf::unexpected(facts.error());
    const auto id = Digest::parse(facts->id);
    if (!id)
        return fail(Error::Code::MalformedDocument, Tr::tr("%1 gave %2 an image ID that is not a digest").arg(engine, name));
    QHash<QString, int> wanted; // diff ID → first position
    for (int i = 0; i < facts->diffIds.size(); ++i)
        if (!wanted.contains(facts->diffIds.at(i)))
            wanted.insert(facts->diffIds.at(i), i);

    EngineClient client(endpoint, options.cancel);
    // By ID: what is read is what was inspected, even if the name moves meanwhile.
    auto stream = client.openGet(QStringLiteral("/images/") + id->toString() + QStringLiteral("/get"));
    if (!stream)
        return wharf::unexpected(stream.error());
    if ((*stream)->status() != 200)
        //: %1 Docker or Podman, %2 an image name, %3 an HTTP status
        return fail(Error::Code::ServerError, Tr::tr("%1 would not export %2 (HTTP %3)").arg(engine, name).arg((*stream)->status()));

    BodySource body(**stream, options.bytesRead);
    // The outer archive's bytes are not a blob with a digest of their own: each part is checked
    // here instead (layers against the diff IDs, the config against the image ID).
    LayerArchiveReader outer(body, LayerReadExpected{*id, -1, true}, options.limits);
    outer.setCancelFlag(options.cancel);
    EngineImageContents contents;
    contents.facts = *facts;
    QHash<QString, LayerListing> listed;
    const QString configHex = id->encoded();
    for (;;) {
        auto entry = outer.next();
        if (!entry)
            return wharf::unexpected(entry.error().withContext(Tr::tr("reading %1's export of %2").arg(engine, name)));
        if (!*entry)
            break;
        const LayerEntry &e = **entry;
        if (e.type != LayerEntry::Type::File)
            continue;
        if (e.path == configHex + QStringLiteral(".json") || e.path == QStringLiteral("blobs/sha256/") + configHex) {
            if (e.size > kMaxConfig)
                return fail(Error::Code::TooLarge, Tr::tr("the config in %1's export is larger than %2 bytes").arg(engine).arg(kMaxConfig));
            QByteArray bytes;
            for (;;) {
                auto data = outer.readData();
                if (!data)
                    return wharf::unexpected(data.error());
                if (data->isEmpty())
                    break;
                bytes += *data;
            }
            if (Digest::sha256Of(bytes) != *id)
                return fail(Error::Code::DigestMismatch, Tr::tr("the config in %1's export does not hash to the image ID %2").arg(engine, id->toString()));
            contents.configBytes = bytes;
            continue;
        }
        if (!isLayerName(e.path) || wanted.size() == listed.size())
            continue;
        EntrySource source(outer, *id);
        LayerListing listing = LayerArchiveReader::list(source, LayerReadExpected{*id, e.size, true}, options.limits, options.cancel);
        if (listing.error && listing.error->code() == Error::Code::Cancelled)
            return wharf::unexpected(*listing.error);
        const QString digest = source.digest();
        if (!wanted.contains(digest) || listed.contains(digest))
            continue; // not one of this image's layers (a manifest blob, a legacy file)
        if (!listing.complete)
            return wharf::unexpected((listing.error ? *listing.error : Error(Error::Code::MalformedDocument, QString()))
                                         .withContext(Tr::tr("layer %1 of %2").arg(digest, name)));
        listing.layer = *Digest::parse(digest);
        listed.insert(digest, std::move(listing));
    }
    if (contents.configBytes.isEmpty())
        return fail(Error::Code::MalformedDocument, Tr::tr("%1's export of %2 has no config").arg(engine, name));
    auto config = parseConfig(contents.configBytes);
    if (!config)
        return wharf::unexpected(config.error());
    contents.config = *config;
    for (const QString &diffId : std::as_const(facts->diffIds)) {
        if (!listed.contains(diffId))
            //: %1 Docker or Podman, %2 an image name, %3 a layer's diff ID
            return fail(Error::Code::MalformedDocument, Tr::tr("%1's export of %2 lacks the layer %3").arg(engine, name, diffId));
        contents.layers.append(listed.value(diffId));
    }
    return contents;
}

} // namespace wharf

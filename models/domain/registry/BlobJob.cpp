#include "registry/BlobJob.h"

#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

#include <QCoreApplication>

namespace wharf {

BlobJob::BlobJob(RegistryClient *client, QString registry, QString repository, Descriptor descriptor, QIODevice *sink,
                 qint64 offset, qint64 maxBytes, QObject *parent)
    : Job(parent), m_client(client), m_registry(std::move(registry)), m_repository(std::move(repository)),
      m_descriptor(std::move(descriptor)), m_sink(sink), m_offset(offset), m_maxBytes(maxBytes)
{
}

std::optional<BlobJob::ContentRange> BlobJob::parseContentRange(QByteArrayView header)
{
    QByteArrayView h = header.trimmed();
    if (!h.startsWith("bytes "))
        return std::nullopt;
    h = h.sliced(6);
    const qsizetype dash = h.indexOf('-');
    const qsizetype slash = h.indexOf('/');
    if (dash <= 0 || slash <= dash + 1 || slash == h.size() - 1)
        return std::nullopt;
    const auto number = [](QByteArrayView v, bool *ok) {
        for (char c : v)
            if (c < '0' || c > '9') {
                *ok = false;
                return qint64(-1);
            }
        return v.toLongLong(ok);
    };
    bool ok1 = true, ok2 = true, ok3 = true;
    const qint64 start = number(h.sliced(0, dash), &ok1);
    const qint64 end = number(h.sliced(dash + 1, slash - dash - 1), &ok2);
    const QByteArrayView totalText = h.sliced(slash + 1);
    const qint64 total = totalText == "*" ? -1 : number(totalText, &ok3);
    if (!ok1 || !ok2 || !ok3 || end < start || (total >= 0 && end >= total))
        return std::nullopt;
    return ContentRange{start, end, total};
}

void BlobJob::run()
{
    if (!m_client) {
        fail(Error(Error::Code::Cancelled, tr("the registry client is gone")));
        return;
    }
    if (!m_descriptor.digest.isValid()) {
        fail(Error(Error::Code::InvalidDigest, tr("the blob has no valid digest")));
        return;
    }
    if (!m_sink && m_descriptor.size > m_maxBytes) {
        fail(Error(Error::Code::TooLarge, tr("blob %1 is %2 bytes, more than the %3 Wharf reads into memory")
                                              .arg(m_descriptor.digest.toString()).arg(m_descriptor.size).arg(m_maxBytes)));
        return;
    }
    // A small blob read into memory is an image config: the client's DocumentCache may have it.
    DocumentCache *cache = m_sink ? nullptr : m_client->documentCache();
    if (cache && m_descriptor.size <= DocumentCache::kMaxDocumentBytes) {
        if (const auto cached = cache->find(m_descriptor.digest); cached && cached->bytes.size() == m_descriptor.size) {
            m_data = cached->bytes;
            emitResult();
            return;
        }
    }
    RegistryRequest::Spec spec;
    spec.registry = m_registry;
    spec.repository = m_repository;
    QUrl url = m_client->baseUrl(m_registry);
    url.setPath(u"/v2/" + m_repository + u"/blobs/" + m_descriptor.digest.toString());
    spec.url = url;
    spec.sink = m_sink;
    spec.maxBodyBytes = m_sink ? -1 : m_maxBytes;
    spec.what = tr("blob %1").arg(m_descriptor.digest.toString());
    // The digest covers the stored bytes: no transfer encoding may change them.
    spec.headers = {{"Accept-Encoding", "identity"}};
    if (m_offset > 0) {
        spec.headers.append({"Range", "bytes=" + QByteArray::number(m_offset) + '-'});
        const qint64 offset = m_offset;
        const qint64 size = m_descriptor.size;
        spec.validateSuccess = [this, offset, size](const net::HttpResponse &response) -> std::optional<Error> {
            // A plain 200 means the server ignored Range: only starting over can help.
            m_rangeIgnored = response.status == 200;
            const auto range = parseContentRange(response.header("Content-Range"));
            if (response.status != 206 || !range || range->start != offset || (size > 0 && range->total >= 0 && range->total != size)
                || (size > 0 && range->end != size - 1))
                return Error(Error::Code::ServerError,
                             QCoreApplication::translate("wharf::BlobJob", "the registry did not resume the download at byte %1")
                                 .arg(offset),
                             true);
            return std::nullopt;
        };
    }
    auto *reply = new RegistryRequest(m_client, std::move(spec), this);
    m_request = reply;
    connect(reply, &RegistryRequest::progress, this, [this](qint64 received, qint64 total) {
        m_received = received;
        Q_EMIT progress(m_offset + received, total >= 0 ? m_offset + total : m_descriptor.size);
    });
    connect(reply, &Job::finished, this, [this, reply] { onResponse(reply); });
    reply->start();
}

void BlobJob::abort()
{
    if (m_request)
        m_request->cancel();
}

void BlobJob::onResponse(RegistryRequest *reply)
{
    if (isFinished())
        return;
    if (reply->error()) {
        fail(*reply->error());
        return;
    }
    m_received = reply->response().bodyBytes;
    if (!m_sink) {
        m_data = reply->response().body;
        if (auto ok = verifyBytes(m_data, m_descriptor.digest, m_descriptor.size); !ok) {
            m_data.clear();
            fail(ok.error().withContext(tr("blob from %1/%2").arg(m_registry, m_repository)));
            return;
        }
        if (DocumentCache *cache = m_client->documentCache())
            cache->insert(m_descriptor.digest, m_data, m_descriptor.mediaType);
    }
    emitResult();
}

} // namespace wharf

#include "registry/BlobJob.h"

#include "registry/DocumentCache.h"
#include "registry/RegistryClient.h"
#include "registry/RegistryRequest.h"

#include <QCoreApplication>
#include <QIODevice>

#include <algorithm>

namespace wharf {

// What a resumed download writes through: the body of a 206 passes whole; of a 200 — the whole
// blob, from a server that ignored Range — the first `offset` bytes, which the sink already has,
// are dropped. Either way the sink receives the blob from `offset` on.
class RangeSink final : public QIODevice
{
public:
    RangeSink(QIODevice *target, QObject *parent) : QIODevice(parent), m_target(target) { open(QIODevice::WriteOnly); }

    // A new response starts: drop its first `bytes` bytes.
    void skipFirst(qint64 bytes)
    {
        m_skip = bytes;
        m_passed = 0;
    }
    [[nodiscard]] qint64 passed() const { return m_passed; } // bytes of this response written to the target
    [[nodiscard]] bool isSequential() const override { return true; }

protected:
    qint64 readData(char *, qint64) override { return -1; }
    qint64 writeData(const char *data, qint64 size) override
    {
        const qint64 dropped = std::min(size, m_skip);
        m_skip -= dropped;
        if (dropped < size) {
            const qint64 n = m_target->write(data + dropped, size - dropped);
            if (n != size - dropped) {
                setErrorString(m_target->errorString());
                return -1;
            }
            m_passed += n;
        }
        return size;
    }

private:
    QIODevice *m_target;
    qint64 m_skip = 0;
    qint64 m_passed = 0;
};

BlobJob::BlobJob(RegistryClient *client, QString registry, QString repository, Descriptor descriptor, QIODevice *sink, qint64 offset,
                 qint64 maxBytes, QObject *parent)
    : Job(parent),
      m_client(client),
      m_registry(std::move(registry)),
      m_repository(std::move(repository)),
      m_descriptor(std::move(descriptor)),
      m_sink(sink),
      m_offset(offset),
      m_maxBytes(maxBytes)
{}

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
        fail(Error(Error::Code::TooLarge,
                   tr("blob %1 is %2 bytes, more than the %3 Wharf reads into memory")
                       .arg(m_descriptor.digest.toString())
                       .arg(m_descriptor.size)
                       .arg(m_maxBytes)));
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
    if (m_sink && m_offset > 0)
        m_rangeSink = new RangeSink(m_sink, this);
    spec.sink = m_rangeSink ? m_rangeSink : m_sink;
    spec.maxBodyBytes = m_sink ? -1 : m_maxBytes;
    spec.what = tr("blob %1").arg(m_descriptor.digest.toString());
    // The digest covers the stored bytes: no transfer encoding may change them.
    spec.headers = {{"Accept-Encoding", "identity"}};
    if (m_offset > 0) {
        spec.headers.append({"Range", "bytes=" + QByteArray::number(m_offset) + '-'});
        const qint64 offset = m_offset;
        const qint64 size = m_descriptor.size;
        spec.validateSuccess = [this, offset, size](const net::HttpResponse &response) -> std::optional<Error> {
            // A plain 200 means the server ignored Range: the whole blob comes, and what the sink
            // already has is skipped rather than asked for again (the digest covers it all).
            if (response.status == 200) {
                if (m_rangeSink)
                    m_rangeSink->skipFirst(offset);
                return std::nullopt;
            }
            if (m_rangeSink)
                m_rangeSink->skipFirst(0);
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
        m_received = m_rangeSink ? m_rangeSink->passed() : received;
        Q_EMIT progress(m_offset + m_received, m_descriptor.size > 0 || total < 0 ? m_descriptor.size : m_offset + total);
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
    m_received = m_rangeSink ? m_rangeSink->passed() : reply->response().bodyBytes;
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

#pragma once
// Fetches one blob by digest. Into memory (configs; capped, verified against digest and size), or
// streamed into a sink from an offset with Range (layers; the sink's owner hashes and commits).
// A ranged request must come back 206 with exactly the Content-Range asked for, or nothing is
// written; a 200 (a server or CDN that ignores Range) is the whole blob, and its first `offset`
// bytes — already in the sink — are skipped, so the sink only ever sees the blob from `offset` on.

#include "core/Job.h"
#include "documents/Descriptor.h"

#include <QPointer>

namespace wharf {

class RegistryClient;
class RegistryRequest;

class BlobJob final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobJob)
public:
    // sink == nullptr: into memory, at most maxBytes.
    BlobJob(RegistryClient *client, QString registry, QString repository, Descriptor descriptor, QIODevice *sink, qint64 offset,
            qint64 maxBytes, QObject *parent = nullptr);

    [[nodiscard]] const QByteArray &data() const { return m_data; }
    [[nodiscard]] const Descriptor &descriptor() const { return m_descriptor; }
    // Bytes of the blob written to the sink (or read into memory) by this job, after `offset`.
    [[nodiscard]] qint64 bytesReceived() const { return m_received; }

    // Parses "bytes START-END/TOTAL" strictly; nullopt when malformed.
    struct ContentRange
    {
        qint64 start;
        qint64 end;
        qint64 total;
    };
    [[nodiscard]] static std::optional<ContentRange> parseContentRange(QByteArrayView header);

Q_SIGNALS:
    void progress(qint64 received, qint64 total);

protected:
    void run() override;
    void abort() override;

private:
    void onResponse(RegistryRequest *reply);

    QPointer<RegistryClient> m_client;
    QString m_registry;
    QString m_repository;
    Descriptor m_descriptor;
    QIODevice *m_sink;
    qint64 m_offset;
    qint64 m_maxBytes;
    QByteArray m_data;
    qint64 m_received = 0;
    class RangeSink *m_rangeSink = nullptr; // between the exchange and m_sink when resuming
    QPointer<RegistryRequest> m_request;
};

} // namespace wharf

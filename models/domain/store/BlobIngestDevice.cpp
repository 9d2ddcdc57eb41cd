#include "store/BlobIngestDevice.h"

#include "store/BlobIngest.h"

namespace wharf {

BlobIngestDevice::BlobIngestDevice(BlobIngest *ingest, QObject *parent) : QIODevice(parent), m_ingest(ingest)
{
    // Unbuffered: every byte reaches the ingest (and its hash) when write() returns.
    open(QIODevice::WriteOnly | QIODevice::Unbuffered);
}

qint64 BlobIngestDevice::pos() const
{
    return m_ingest ? m_ingest->offset() : 0;
}

qint64 BlobIngestDevice::readData(char *, qint64)
{
    return -1;
}

qint64 BlobIngestDevice::writeData(const char *data, qint64 size)
{
    if (!m_ingest)
        return -1;
    if (auto written = m_ingest->write(QByteArrayView(data, size)); !written) {
        m_error = written.error();
        setErrorString(written.error().message());
        return -1;
    }
    return size;
}

} // namespace wharf

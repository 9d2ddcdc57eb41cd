#pragma once
// A write-only QIODevice over a BlobIngest, for code that streams into a `QIODevice *sink` (the
// registry client's BlobJob). Every write goes straight through BlobIngest::write(), so it is hashed
// and size-checked; a refused write returns -1 and the reason is in ingestError().

#include "core/Error.h"

#include <QIODevice>

#include <optional>

namespace wharf {

class BlobIngest;

class BlobIngestDevice final : public QIODevice
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(BlobIngestDevice)
public:
    // `ingest` must outlive the device; the device does not commit, release or discard it.
    explicit BlobIngestDevice(BlobIngest *ingest, QObject *parent = nullptr);

    [[nodiscard]] bool isSequential() const override { return true; }
    [[nodiscard]] qint64 pos() const override;
    // The typed error behind the last failed write, if any.
    [[nodiscard]] const std::optional<Error> &ingestError() const { return m_error; }

protected:
    qint64 readData(char *data, qint64 maxSize) override;
    qint64 writeData(const char *data, qint64 size) override;

private:
    BlobIngest *m_ingest;
    std::optional<Error> m_error;
};

} // namespace wharf

#pragma once
// A content digest ("sha256:<64 hex>"), validated before it is ever used in a path, URL or tar
// name (CVE-2024-3727). Only algorithms Wharf can verify parse successfully; grammar-valid but
// unknown algorithms are reported as UnsupportedDigest so callers never trust such content.

#include "core/Error.h"

#include <QByteArrayView>
#include <QString>

#include <memory>

namespace wharf {

class Digest
{
public:
    Digest() = default;

    // Strict: algorithm must be sha256, sha384 or sha512 with lowercase hex of the right length.
    [[nodiscard]] static Result<Digest> parse(QStringView text);
    [[nodiscard]] static Digest sha256Of(QByteArrayView bytes);

    [[nodiscard]] bool isValid() const { return !m_algorithm.isEmpty(); }
    [[nodiscard]] const QString &algorithm() const { return m_algorithm; }
    [[nodiscard]] const QString &encoded() const { return m_encoded; }
    [[nodiscard]] QString toString() const;
    // "sha256:0123456789ab" style, for display only.
    [[nodiscard]] QString shortForm(int hexChars = 12) const;

    friend bool operator==(const Digest &a, const Digest &b) = default;

private:
    Digest(QString algorithm, QString encoded) : m_algorithm(std::move(algorithm)), m_encoded(std::move(encoded)) {}

    QString m_algorithm;
    QString m_encoded;
};

// Hashes bytes as they stream past and counts them; `verify` checks size first, then digest.
// OpenSSL's SHA-2 (SHA-NI/AVX2 where the CPU has them) runs about ten times faster than
// QCryptographicHash's portable code, and every pulled byte passes through here.
class DigestVerifier
{
public:
    explicit DigestVerifier(const Digest &expected, qint64 expectedSize = -1);
    ~DigestVerifier();
    DigestVerifier(DigestVerifier &&) noexcept;
    DigestVerifier &operator=(DigestVerifier &&) noexcept;
    Q_DISABLE_COPY(DigestVerifier)

    void addData(QByteArrayView bytes);
    [[nodiscard]] qint64 bytesSeen() const { return m_seen; }
    [[nodiscard]] Digest computed() const;
    [[nodiscard]] Result<void> verify() const;

private:
    struct Context;
    Digest m_expected;
    qint64 m_expectedSize;
    qint64 m_seen = 0;
    std::unique_ptr<Context> m_context;
    mutable Digest m_result; // computed once, at the end
};

// Frees what the hashing library keeps for the calling thread (OpenSSL's per-thread state). Call it
// on a worker thread as it finishes (QThread::finished, direct): left to the thread's own exit, it
// races with the process's exit, and LeakSanitizer sees the state of a thread that was still
// winding down when main() returned.
void releaseThreadHashingState();

// Checks bytes already in memory (manifests, configs) against a digest and optional size.
[[nodiscard]] Result<void> verifyBytes(QByteArrayView bytes, const Digest &expected, qint64 expectedSize = -1);

// In the namespace, so argument-dependent lookup finds it wherever QHash was first seen.
inline size_t qHash(const Digest &d, size_t seed = 0) { return qHash(d.toString(), seed); }

} // namespace wharf

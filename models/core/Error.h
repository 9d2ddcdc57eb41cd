#pragma once
// A typed failure: what went wrong (a code tests can assert on), one sentence for the user, and
// whether trying again may help. Every fallible operation in models/ reports one of these.

#include "core/Expected.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace wharf {

class Error
{
    Q_GADGET
public:
    enum class Code {
        InvalidReference, // not a valid image reference (rejected before any network)
        InvalidDigest, // digest string fails the grammar or the algorithm's encoding
        InvalidPlatform, // not an os/arch[/variant] specifier
        UnsupportedDigest, // grammar-valid but an algorithm Wharf cannot verify
        MalformedDocument, // JSON that is not a valid manifest/index/config/response
        UnsupportedMediaType, // a media type Wharf does not handle here
        MediaTypeMismatch, // the document contradicts its Content-Type or descriptor
        DigestMismatch, // bytes do not hash to the expected digest
        SizeMismatch, // bytes are not the expected length
        TooLarge, // a bounded read went over its cap
        NotFound, // unknown repository, tag, manifest or blob
        Unauthorized, // credentials missing or rejected
        Denied, // authenticated, but not allowed
        RateLimited, // 429 after the retries
        ServerError, // 5xx after the retries, or an unexpected status
        Network, // connection refused/reset, DNS, TLS
        Timeout, // no progress within the transfer timeout
        InsecureRefused, // plain HTTP to a registry not marked insecure
        RedirectRefused, // too many hops, or a hop Wharf will not follow
        LinkExpired, // a CDN refused its signed download link (expired), fresh links too
        NoMatchingPlatform, // nothing in the index matches the requested platform
        Credentials, // keychain / credential helper / config.json failure
        Io, // local file system
        Cancelled, // the user (or owner) cancelled
        Unsupported, // the registry does not offer this operation
        EngineUnavailable, // no container engine (Docker, Podman) answers where Wharf looked for it
        EngineRefused, // the container engine refused a request (an archive to load, an image to remove)
    };
    Q_ENUM(Code)

    Error() = default;
    Error(Code code, QString message, bool retryable = false) : m_code(code), m_message(std::move(message)), m_retryable(retryable) {}

    [[nodiscard]] Code code() const { return m_code; }
    [[nodiscard]] const QString &message() const { return m_message; }
    [[nodiscard]] bool isRetryable() const { return m_retryable; }
    [[nodiscard]] static QString codeName(Code code);
    [[nodiscard]] QString codeName() const { return codeName(m_code); }

    // Adds context in front of the message ("fetching the manifest: …").
    [[nodiscard]] Error withContext(const QString &context) const;

private:
    Code m_code = Code::Network;
    QString m_message;
    bool m_retryable = false;
};

template <typename T> using Result = expected<T, Error>;

// Convenience for `return fail(Error::Code::X, tr("…"));` inside functions returning Result<T>.
[[nodiscard]] inline unexpected<Error> fail(Error::Code code, QString message, bool retryable = false)
{
    return unexpected<Error>(Error(code, std::move(message), retryable));
}

} // namespace wharf

Q_DECLARE_METATYPE(wharf::Error)

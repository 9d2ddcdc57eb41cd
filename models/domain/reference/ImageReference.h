#pragma once
// An image reference ("[domain/]path[:tag][@digest]") parsed with distribution/reference's grammar
// and Docker's normalisation (nginx → docker.io/library/nginx), plus what the registry and Hub
// clients need from it: the API host, the Hub namespace/repository and whether it is on loopback.

#include "core/Error.h"

#include <QMetaType>
#include <QObject>
#include <QString>

namespace wharf {

class ImageReference
{
    Q_GADGET
public:
    // Why a string was rejected, one value per distinct error of distribution/reference and
    // go-digest, so callers and tests can tell the cases apart without reading messages. Every
    // failure is reported as Error::Code::InvalidReference; parse functions fill this in alongside.
    enum class Failure {
        None,
        NameEmpty,             // ErrNameEmpty: nothing to parse
        InvalidFormat,         // ErrReferenceInvalidFormat: does not fit the grammar
        NameContainsUppercase, // ErrNameContainsUppercase: would parse if lowercased
        NameTooLong,           // ErrNameTooLong: path over 255 characters
        NameNotCanonical,      // ErrNameNotCanonical: parseFullyQualified given a short form
        TagInvalid,            // ErrTagInvalidFormat: withTag given a bad tag
        DigestInvalid,         // go-digest ErrDigestInvalidFormat/ErrDigestInvalidLength (one error in
                               // go-digest 1.0), and ErrDigestInvalidFormat from withDigest
        DigestUnsupported,     // go-digest ErrDigestUnsupported: an algorithm Wharf cannot verify
        HexIdentifier,         // a bare 64-hex image ID where a repository name is needed
    };
    Q_ENUM(Failure)

    // distribution/reference's RepositoryNameTotalLengthMax, applied to path().
    static constexpr qsizetype kMaxPathLength = 255;

    ImageReference() = default;

    // Go's reference.Parse: the grammar exactly, no normalisation ("nginx" has no domain, and
    // "localhost:5000" is the name "localhost" with tag "5000").
    [[nodiscard]] static Result<ImageReference> parse(QStringView text, Failure *failure = nullptr);
    // ParseNormalizedNamed: what `docker pull` accepts. Adds docker.io and library/, keeps tag and digest.
    [[nodiscard]] static Result<ImageReference> parseNormalized(QStringView text, Failure *failure = nullptr);
    // ParseDockerRef: parseNormalized, then a tag next to a digest is dropped (the digest decides what
    // is pulled) and a bare name gets :latest.
    [[nodiscard]] static Result<ImageReference> parseDockerRef(QStringView text, Failure *failure = nullptr);
    // ParseAnyReference: a 64-hex ID or a digest becomes a digest-only reference, anything else goes
    // through parseNormalized.
    [[nodiscard]] static Result<ImageReference> parseAny(QStringView text, Failure *failure = nullptr);
    // ParseNamed: parseNormalized, but only the fully qualified form is accepted ("docker.io/library/x").
    [[nodiscard]] static Result<ImageReference> parseFullyQualified(QStringView text, Failure *failure = nullptr);
    // WithName: a repository name alone (no tag, no digest, no normalisation).
    [[nodiscard]] static Result<ImageReference> fromName(QStringView name, Failure *failure = nullptr);

    // Replace the tag or the digest, keeping everything else. withDigest checks the grammar only, as
    // Go's WithDigest does: run digest() through Digest::parse before trusting it.
    [[nodiscard]] Result<ImageReference> withTag(QStringView tag, Failure *failure = nullptr) const;
    [[nodiscard]] Result<ImageReference> withDigest(QStringView digest, Failure *failure = nullptr) const;
    // The repository alone (Go's TrimNamed), for repository-wide calls such as tag listing.
    [[nodiscard]] ImageReference repository() const;

    [[nodiscard]] bool isValid() const { return !m_path.isEmpty() || !m_digest.isEmpty(); }
    // From parseAny given an ID or a digest: there is no repository to pull it from.
    [[nodiscard]] bool isDigestOnly() const { return m_path.isEmpty() && !m_digest.isEmpty(); }

    [[nodiscard]] const QString &domain() const { return m_domain; }
    [[nodiscard]] const QString &path() const { return m_path; }
    // domain/path, or path when there is no domain.
    [[nodiscard]] QString name() const;
    [[nodiscard]] const QString &tag() const { return m_tag; }
    // As written; parse* have checked it with Digest::parse, withDigest only with the grammar.
    [[nodiscard]] const QString &digest() const { return m_digest; }
    [[nodiscard]] bool hasTag() const { return !m_tag.isEmpty(); }
    [[nodiscard]] bool hasDigest() const { return !m_digest.isEmpty(); }

    // name[:tag][@digest], or the digest of a digest-only reference.
    [[nodiscard]] QString toString() const;
    // The short form Docker shows: without docker.io/, and without library/ for official images.
    [[nodiscard]] QString familiarName() const;
    [[nodiscard]] QString familiarString() const;
    // Go's FamiliarMatch: a path.Match glob ('*', '?', '[…]', '\\') against familiarString(), then
    // against familiarName(). A malformed pattern matches nothing.
    [[nodiscard]] bool familiarMatch(QStringView pattern) const;

    // The network helpers below expect a normalised reference (parseNormalized/parseDockerRef); a
    // strictly parsed "library/nginx" has the domain "library".
    [[nodiscard]] bool isDockerHub() const;
    // The host:port to send registry API calls to: Docker Hub's registry for docker.io.
    [[nodiscard]] QString registryHost() const;
    // For Hub web-API calls: the first path element and the rest; official images are "library".
    [[nodiscard]] QString hubNamespace() const;
    [[nodiscard]] QString hubRepository() const;
    // localhost, 127.0.0.0/8 or ::1: registries Wharf may reach over plain HTTP without being told.
    [[nodiscard]] bool isLoopback() const;

    friend bool operator==(const ImageReference &, const ImageReference &) = default;

private:
    // The parsers proper: each fills `out` and returns Failure::None, or returns the reason. The public
    // functions turn a reason into an Error that quotes what the user typed.
    static Failure parseStrict(const QString &input, ImageReference &out);
    static Failure parseNormalizedInto(const QString &input, ImageReference &out);
    static Failure nameInto(const QString &name, ImageReference &out);
    static Result<ImageReference> finish(Failure reason, ImageReference ref, QStringView input, Failure *failure);

    QString m_domain;
    QString m_path;
    QString m_tag;
    QString m_digest;
};

} // namespace wharf

Q_DECLARE_METATYPE(wharf::ImageReference)

#pragma once
// The image reference grammar of distribution/reference (regexp.go), assembled from the same pieces
// and compiled once. ImageReference parses with these; they are public so the grammar itself can be
// tested against upstream's regexp tables, and so other code never writes its own near-copy.

#include <QRegularExpression>

namespace wharf {

class ReferenceGrammar
{
public:
    ReferenceGrammar() = delete;

    // Every pattern is anchored with \A…\z rather than ^…$: PCRE's $ also matches before a final
    // newline, which would let "nginx\n" through.

    // domainAndPort: a DNS name or a bracketed IPv6 address, then an optional :port.
    [[nodiscard]] static const QRegularExpression &anchoredDomain();
    // [domainAndPort/]remoteName; captures 1 = domain (may be empty), 2 = path.
    [[nodiscard]] static const QRegularExpression &anchoredName();
    // name[:tag][@digest]; captures 1 = name, 2 = tag, 3 = digest.
    [[nodiscard]] static const QRegularExpression &reference();
    [[nodiscard]] static const QRegularExpression &anchoredTag();
    // The reference grammar's digest (any algorithm, ≥ 32 hex); Digest::parse decides if it is usable.
    [[nodiscard]] static const QRegularExpression &anchoredDigest();
    // 64 lowercase hex: an image ID, which Docker refuses to read as a repository name.
    [[nodiscard]] static const QRegularExpression &anchoredIdentifier();
};

} // namespace wharf

#include "reference/ImageReference.h"

#include "core/Digest.h"
#include "net/HostRules.h"
#include "reference/ReferenceGrammar.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <optional>
#include <utility>
#include <vector>

using namespace Qt::StringLiterals;

namespace wharf {

namespace {

// normalize.go's constants.
constexpr QLatin1StringView kDefaultDomain("docker.io");
constexpr QLatin1StringView kLegacyDefaultDomain("index.docker.io");
constexpr QLatin1StringView kOfficialRepoPrefix("library/");
constexpr QLatin1StringView kOfficialNamespace("library");
constexpr QLatin1StringView kDefaultTag("latest");
constexpr QLatin1StringView kLocalhost("localhost");
// containerd's DefaultHost: Docker Hub's registry API does not live at docker.io itself.
constexpr QLatin1StringView kDockerHubRegistryHost("registry-1.docker.io");

// A pasted wall of text is not a reference; refusing it up front keeps the regex work bounded.
// Far above the longest valid reference (a 253-character host, a 255-character path, a 128-character
// tag and a sha512 digest).
constexpr qsizetype kMaxInputLength = 4096;

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::ImageReference)
};

QString reasonText(ImageReference::Failure reason)
{
    // Go's texts, so a message can be searched for alongside Docker's.
    switch (reason) {
    case ImageReference::Failure::None:
        break;
    case ImageReference::Failure::NameEmpty:
        return Tr::tr("repository name must have at least one component");
    case ImageReference::Failure::InvalidFormat:
        return Tr::tr("invalid reference format");
    case ImageReference::Failure::NameContainsUppercase:
        return Tr::tr("repository name must be lowercase");
    case ImageReference::Failure::NameTooLong:
        return Tr::tr("repository name must not be more than 255 characters");
    case ImageReference::Failure::NameNotCanonical:
        return Tr::tr("repository name must be canonical");
    case ImageReference::Failure::TagInvalid:
        return Tr::tr("invalid tag format");
    case ImageReference::Failure::DigestInvalid:
        return Tr::tr("invalid checksum digest format");
    case ImageReference::Failure::DigestUnsupported:
        return Tr::tr("unsupported digest algorithm");
    case ImageReference::Failure::HexIdentifier:
        return Tr::tr("cannot specify 64-byte hexadecimal strings");
    }
    return QString();
}

// Go's path.Match on one character class starting at pattern[0] == '['. Returns whether `c` is in
// the class and how much of the pattern the class took, or nothing for a malformed class.
std::optional<std::pair<bool, qsizetype>> matchClass(QStringView pattern, QChar c)
{
    qsizetype i = 1;
    bool negated = false;
    if (i < pattern.size() && pattern[i] == u'^') {
        negated = true;
        ++i;
    }
    // getEsc: one possibly escaped character that is not a range dash or the closing bracket.
    const auto takeChar = [&](QChar &out) {
        if (i >= pattern.size() || pattern[i] == u'-' || pattern[i] == u']')
            return false;
        if (pattern[i] == u'\\' && ++i >= pattern.size())
            return false;
        out = pattern[i++];
        return i < pattern.size();
    };
    bool matched = false;
    for (int ranges = 0;; ++ranges) {
        if (i < pattern.size() && pattern[i] == u']' && ranges > 0)
            return std::pair{matched != negated, i + 1};
        QChar lo;
        if (!takeChar(lo))
            return std::nullopt;
        QChar hi = lo;
        if (pattern[i] == u'-') {
            ++i;
            if (!takeChar(hi))
                return std::nullopt;
        }
        if (lo <= c && c <= hi)
            matched = true;
    }
}

// One element of a glob: '*', '?', a character class (its text, '[' … ']'), or a literal.
struct GlobToken
{
    enum class Kind { Star, AnyChar, Class, Literal } kind = Kind::Literal;
    QStringView text; // the class, brackets included
    QChar literal;
};

// The pattern as tokens; nothing for a malformed one (an unclosed class, a trailing backslash).
std::optional<QList<GlobToken>> globTokens(QStringView pattern)
{
    QList<GlobToken> tokens;
    while (!pattern.isEmpty()) {
        GlobToken token;
        qsizetype length = 1;
        switch (pattern.front().unicode()) {
        case u'*':
            token.kind = GlobToken::Kind::Star;
            break;
        case u'?':
            token.kind = GlobToken::Kind::AnyChar;
            break;
        case u'[': {
            // A class's extent does not depend on the character it is matched against.
            const auto cls = matchClass(pattern, QChar(u'a'));
            if (!cls)
                return std::nullopt;
            token.kind = GlobToken::Kind::Class;
            length = cls->second;
            token.text = pattern.first(length);
            break;
        }
        case u'\\':
            if (pattern.size() < 2)
                return std::nullopt;
            token.literal = pattern[1];
            length = 2;
            break;
        default:
            token.literal = pattern.front();
        }
        if (token.kind != GlobToken::Kind::Star || tokens.isEmpty() || tokens.last().kind != GlobToken::Kind::Star)
            tokens.append(token); // "**" is just '*'
        pattern = pattern.mid(length);
    }
    return tokens;
}

// Go's path.Match: '*' and '?' never cross a '/', "**" is just '*'. Run as a set of states over
// the tokens, one step per character: O(pattern × name), where backtracking was exponential in
// the number of stars (a 60-character name and 9 stars ran past a minute).
bool globMatch(QStringView pattern, QStringView name)
{
    const auto tokens = globTokens(pattern);
    if (!tokens)
        return false;
    const qsizetype n = tokens->size();
    std::vector<char> current(size_t(n + 1), 0);
    std::vector<char> next(size_t(n + 1), 0);
    // A star may match nothing: reaching it also reaches what follows it.
    const auto close = [&](std::vector<char> &states) {
        for (qsizetype i = 0; i < n; ++i)
            if (states[size_t(i)] && tokens->at(i).kind == GlobToken::Kind::Star)
                states[size_t(i + 1)] = 1;
    };
    current[0] = 1;
    close(current);
    for (const QChar c : name) {
        std::fill(next.begin(), next.end(), 0);
        bool alive = false;
        for (qsizetype i = 0; i < n; ++i) {
            if (!current[size_t(i)])
                continue;
            const GlobToken &token = tokens->at(i);
            bool advance = false;
            switch (token.kind) {
            case GlobToken::Kind::Star:
                if (c != u'/')
                    next[size_t(i)] = alive = true;
                break;
            case GlobToken::Kind::AnyChar:
                advance = c != u'/';
                break;
            case GlobToken::Kind::Class:
                advance = matchClass(token.text, c).value_or(std::pair{false, qsizetype(0)}).first;
                break;
            case GlobToken::Kind::Literal:
                advance = c == token.literal;
                break;
            }
            if (advance)
                next[size_t(i + 1)] = alive = true;
        }
        if (!alive)
            return false;
        close(next);
        current.swap(next);
    }
    return current[size_t(n)] != 0;
}

} // namespace

Result<ImageReference> ImageReference::finish(Failure reason, ImageReference ref, QStringView input, Failure *failure)
{
    if (failure)
        *failure = reason;
    if (reason == Failure::None)
        return ref;
    QString shown = input.left(200).toString();
    if (input.size() > shown.size())
        shown += u'…';
    return fail(Error::Code::InvalidReference,
                Tr::tr("“%1” is not a valid image reference: %2").arg(shown, reasonText(reason)));
}

ImageReference::Failure ImageReference::nameInto(const QString &name, ImageReference &out)
{
    const QRegularExpressionMatch match = ReferenceGrammar::anchoredName().match(name);
    if (!match.hasMatch())
        return Failure::InvalidFormat;
    out.m_domain = match.captured(1);
    out.m_path = match.captured(2);
    // Only the path counts (upstream changed this from the whole name in 2023).
    if (out.m_path.size() > kMaxPathLength)
        return Failure::NameTooLong;
    return Failure::None;
}

ImageReference::Failure ImageReference::parseStrict(const QString &input, ImageReference &out)
{
    if (input.isEmpty())
        return Failure::NameEmpty;
    if (input.size() > kMaxInputLength)
        return Failure::InvalidFormat;
    const QRegularExpression &grammar = ReferenceGrammar::reference();
    const QRegularExpressionMatch match = grammar.match(input);
    if (!match.hasMatch())
        return grammar.match(input.toLower()).hasMatch() ? Failure::NameContainsUppercase : Failure::InvalidFormat;

    ImageReference ref;
    if (const Failure nameFailure = nameInto(match.captured(1), ref); nameFailure != Failure::None)
        return nameFailure;
    ref.m_tag = match.captured(2);
    ref.m_digest = match.captured(3);
    // Where Go asks go-digest, Wharf asks the Digest it will verify content with: a reference never
    // carries a digest that the pull could not check.
    if (ref.hasDigest()) {
        const Result<Digest> digest = Digest::parse(ref.m_digest);
        if (!digest)
            return digest.error().code() == Error::Code::UnsupportedDigest ? Failure::DigestUnsupported
                                                                          : Failure::DigestInvalid;
    }
    out = std::move(ref);
    return Failure::None;
}

ImageReference::Failure ImageReference::parseNormalizedInto(const QString &input, ImageReference &out)
{
    if (ReferenceGrammar::anchoredIdentifier().match(input).hasMatch())
        return Failure::HexIdentifier;

    // splitDockerDomain. Without a '/' the input is always a Docker Hub name, so "localhost:5000"
    // is docker.io/library/localhost with tag 5000 (upstream's FIXME, kept for compatibility).
    QString domain;
    QString remainder;
    const qsizetype slash = input.indexOf(u'/');
    if (slash < 0) {
        domain = kDefaultDomain;
        remainder = input;
    } else {
        const QString first = input.left(slash);
        const bool looksLikeHost = first == kLocalhost || first.contains(u'.') || first.contains(u':')
                                   || first.toLower() != first;
        if (first == kLegacyDefaultDomain) {
            domain = kDefaultDomain;
            remainder = input.mid(slash + 1);
        } else if (looksLikeHost) {
            domain = first;
            remainder = input.mid(slash + 1);
        } else {
            domain = kDefaultDomain;
            remainder = input;
        }
    }
    if (domain == kDefaultDomain && !remainder.contains(u'/'))
        remainder = kOfficialRepoPrefix + remainder;

    const qsizetype tagSeparator = remainder.indexOf(u':');
    const QString remote = tagSeparator < 0 ? remainder : remainder.left(tagSeparator);
    if (remote.toLower() != remote)
        return Failure::NameContainsUppercase;

    return parseStrict(domain + u'/' + remainder, out);
}

Result<ImageReference> ImageReference::parse(QStringView text, Failure *failure)
{
    ImageReference ref;
    const Failure reason = parseStrict(text.toString(), ref);
    return finish(reason, std::move(ref), text, failure);
}

Result<ImageReference> ImageReference::parseNormalized(QStringView text, Failure *failure)
{
    ImageReference ref;
    const Failure reason = parseNormalizedInto(text.toString(), ref);
    return finish(reason, std::move(ref), text, failure);
}

Result<ImageReference> ImageReference::parseDockerRef(QStringView text, Failure *failure)
{
    ImageReference ref;
    const Failure reason = parseNormalizedInto(text.toString(), ref);
    if (reason == Failure::None) {
        if (ref.hasDigest())
            ref.m_tag.clear();
        else if (!ref.hasTag())
            ref.m_tag = kDefaultTag;
    }
    return finish(reason, std::move(ref), text, failure);
}

Result<ImageReference> ImageReference::parseAny(QStringView text, Failure *failure)
{
    const QString input = text.toString();
    ImageReference ref;
    if (ReferenceGrammar::anchoredIdentifier().match(input).hasMatch()) {
        ref.m_digest = u"sha256:"_s + input;
        return finish(Failure::None, std::move(ref), text, failure);
    }
    if (Digest::parse(input)) {
        ref.m_digest = input;
        return finish(Failure::None, std::move(ref), text, failure);
    }
    const Failure reason = parseNormalizedInto(input, ref);
    return finish(reason, std::move(ref), text, failure);
}

Result<ImageReference> ImageReference::parseFullyQualified(QStringView text, Failure *failure)
{
    const QString input = text.toString();
    ImageReference ref;
    Failure reason = parseNormalizedInto(input, ref);
    if (reason == Failure::None && ref.toString() != input)
        reason = Failure::NameNotCanonical;
    return finish(reason, std::move(ref), text, failure);
}

Result<ImageReference> ImageReference::fromName(QStringView name, Failure *failure)
{
    ImageReference ref;
    const Failure reason = nameInto(name.toString(), ref);
    return finish(reason, std::move(ref), name, failure);
}

Result<ImageReference> ImageReference::withTag(QStringView tag, Failure *failure) const
{
    const QString combined = name() + u':' + tag;
    if (isDigestOnly() || !isValid())
        return finish(Failure::InvalidFormat, {}, combined, failure);
    if (!ReferenceGrammar::anchoredTag().match(tag.toString()).hasMatch())
        return finish(Failure::TagInvalid, {}, combined, failure);
    ImageReference ref = *this;
    ref.m_tag = tag.toString();
    return finish(Failure::None, std::move(ref), combined, failure);
}

Result<ImageReference> ImageReference::withDigest(QStringView digest, Failure *failure) const
{
    const QString combined = name() + u'@' + digest;
    if (isDigestOnly() || !isValid())
        return finish(Failure::InvalidFormat, {}, combined, failure);
    if (!ReferenceGrammar::anchoredDigest().match(digest.toString()).hasMatch())
        return finish(Failure::DigestInvalid, {}, combined, failure);
    ImageReference ref = *this;
    ref.m_digest = digest.toString();
    return finish(Failure::None, std::move(ref), combined, failure);
}

ImageReference ImageReference::repository() const
{
    ImageReference ref;
    ref.m_domain = m_domain;
    ref.m_path = m_path;
    return ref;
}

QString ImageReference::name() const
{
    return m_domain.isEmpty() ? m_path : m_domain + u'/' + m_path;
}

QString ImageReference::toString() const
{
    if (isDigestOnly())
        return m_digest;
    QString text = name();
    if (hasTag())
        text += u':' + m_tag;
    if (hasDigest())
        text += u'@' + m_digest;
    return text;
}

QString ImageReference::familiarName() const
{
    if (m_domain != kDefaultDomain)
        return name();
    // Only a direct child of library/ is an official image; library/foo/bar keeps its prefix.
    if (m_path.startsWith(kOfficialRepoPrefix)) {
        const QStringView rest = QStringView(m_path).mid(kOfficialRepoPrefix.size());
        if (!rest.contains(u'/'))
            return rest.toString();
    }
    return m_path;
}

QString ImageReference::familiarString() const
{
    if (isDigestOnly())
        return m_digest;
    QString text = familiarName();
    if (hasTag())
        text += u':' + m_tag;
    if (hasDigest())
        text += u'@' + m_digest;
    return text;
}

bool ImageReference::familiarMatch(QStringView pattern) const
{
    if (globMatch(pattern, familiarString()))
        return true;
    return !isDigestOnly() && globMatch(pattern, familiarName());
}

bool ImageReference::isDockerHub() const
{
    return m_domain == kDefaultDomain || m_domain == kLegacyDefaultDomain;
}

QString ImageReference::registryHost() const
{
    return isDockerHub() ? QString(kDockerHubRegistryHost) : m_domain;
}

QString ImageReference::hubNamespace() const
{
    if (m_path.isEmpty())
        return QString();
    const qsizetype slash = m_path.indexOf(u'/');
    return slash < 0 ? QString(kOfficialNamespace) : m_path.left(slash);
}

QString ImageReference::hubRepository() const
{
    const qsizetype slash = m_path.indexOf(u'/');
    return slash < 0 ? m_path : m_path.mid(slash + 1);
}

bool ImageReference::isLoopback() const
{
    return net::isLoopbackHost(m_domain);
}

} // namespace wharf

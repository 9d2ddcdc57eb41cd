#include "core/Digest.h"

#include <QCoreApplication>
#include <QRegularExpression>

#include <openssl/crypto.h>
#include <openssl/evp.h>

namespace wharf {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::Digest)
};

struct Algorithm {
    QLatin1StringView name;
    int hexLength;
};

constexpr Algorithm kAlgorithms[] = {
    {QLatin1StringView("sha256"), 64},
    {QLatin1StringView("sha384"), 96},
    {QLatin1StringView("sha512"), 128},
};

const Algorithm *findAlgorithm(QStringView name)
{
    for (const auto &a : kAlgorithms)
        if (name == a.name)
            return &a;
    return nullptr;
}

bool isLowerHex(QStringView s)
{
    for (QChar c : s)
        if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f')))
            return false;
    return true;
}

} // namespace

Result<Digest> Digest::parse(QStringView text)
{
    // image-spec descriptor.md: algorithm-component [a-z0-9]+ joined by [+._-]; encoded [a-zA-Z0-9=_-]+
    static const QRegularExpression grammar(
        QRegularExpression::anchoredPattern(QStringLiteral("[a-z0-9]+(?:[+._-][a-z0-9]+)*:[a-zA-Z0-9=_-]+")));
    const QString owned = text.toString();
    if (!grammar.match(owned).hasMatch())
        return fail(Error::Code::InvalidDigest, Tr::tr("“%1” is not a valid digest").arg(owned.left(100)));

    const qsizetype colon = text.indexOf(u':');
    const QStringView algorithm = text.left(colon);
    const QStringView encoded = text.mid(colon + 1);
    const Algorithm *known = findAlgorithm(algorithm);
    if (!known)
        return fail(Error::Code::UnsupportedDigest,
                    Tr::tr("unsupported digest algorithm “%1”").arg(algorithm.toString().left(40)));
    if (encoded.size() != known->hexLength || !isLowerHex(encoded))
        return fail(Error::Code::InvalidDigest, Tr::tr("“%1” is not a valid %2 digest")
                                                    .arg(owned.left(140), algorithm.toString()));
    return Digest(algorithm.toString(), encoded.toString());
}

Digest Digest::sha256Of(QByteArrayView bytes)
{
    Digest sha256(QStringLiteral("sha256"), QString(64, u'0'));
    DigestVerifier hasher(sha256);
    hasher.addData(bytes);
    return hasher.computed();
}

QString Digest::toString() const
{
    return isValid() ? m_algorithm + u':' + m_encoded : QString();
}

QString Digest::shortForm(int hexChars) const
{
    return isValid() ? m_algorithm + u':' + m_encoded.left(hexChars) : QString();
}


struct DigestVerifier::Context
{
    EVP_MD_CTX *ctx = EVP_MD_CTX_new();
    ~Context() { EVP_MD_CTX_free(ctx); }
};

namespace {

const EVP_MD *evpFor(const QString &algorithm)
{
    if (algorithm == QLatin1StringView("sha384"))
        return EVP_sha384();
    if (algorithm == QLatin1StringView("sha512"))
        return EVP_sha512();
    return EVP_sha256();
}

} // namespace

DigestVerifier::DigestVerifier(const Digest &expected, qint64 expectedSize)
    : m_expected(expected), m_expectedSize(expectedSize), m_context(std::make_unique<Context>())
{
    EVP_DigestInit_ex(m_context->ctx, evpFor(expected.algorithm()), nullptr);
}

DigestVerifier::~DigestVerifier() = default;
DigestVerifier::DigestVerifier(DigestVerifier &&) noexcept = default;
DigestVerifier &DigestVerifier::operator=(DigestVerifier &&) noexcept = default;

void DigestVerifier::addData(QByteArrayView bytes)
{
    EVP_DigestUpdate(m_context->ctx, bytes.data(), size_t(bytes.size()));
    m_seen += bytes.size();
}

Digest DigestVerifier::computed() const
{
    if (!m_result.isValid()) {
        unsigned char out[EVP_MAX_MD_SIZE];
        unsigned int length = 0;
        EVP_DigestFinal_ex(m_context->ctx, out, &length);
        const QByteArray hex = QByteArray(reinterpret_cast<const char *>(out), int(length)).toHex();
        const QString algorithm = m_expected.isValid() ? m_expected.algorithm() : QStringLiteral("sha256");
        m_result = Digest::parse(QString(algorithm + u':' + QString::fromLatin1(hex))).value_or(Digest());
    }
    return m_result;
}

Result<void> DigestVerifier::verify() const
{
    if (!m_expected.isValid())
        return fail(Error::Code::InvalidDigest, Tr::tr("there is no valid digest to verify the content against"));
    if (m_expectedSize >= 0 && m_seen != m_expectedSize)
        return fail(Error::Code::SizeMismatch, Tr::tr("expected %1 bytes for %2 but received %3")
                                                   .arg(m_expectedSize).arg(m_expected.toString()).arg(m_seen));
    const Digest got = computed();
    if (got != m_expected)
        return fail(Error::Code::DigestMismatch,
                    Tr::tr("content does not match its digest: expected %1, got %2").arg(m_expected.toString(), got.toString()));
    return {};
}

Result<void> verifyBytes(QByteArrayView bytes, const Digest &expected, qint64 expectedSize)
{
    DigestVerifier verifier(expected, expectedSize);
    verifier.addData(bytes);
    return verifier.verify();
}

void releaseThreadHashingState()
{
    OPENSSL_thread_stop();
}

} // namespace wharf

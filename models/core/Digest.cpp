#include "core/Digest.h"

#include <QCoreApplication>
#include <QRegularExpression>

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
    QCryptographicHash::Algorithm hash;
};

constexpr Algorithm kAlgorithms[] = {
    {QLatin1StringView("sha256"), 64, QCryptographicHash::Sha256},
    {QLatin1StringView("sha384"), 96, QCryptographicHash::Sha384},
    {QLatin1StringView("sha512"), 128, QCryptographicHash::Sha512},
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
    return Digest(QStringLiteral("sha256"),
                  QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex()));
}

QString Digest::toString() const
{
    return isValid() ? m_algorithm + u':' + m_encoded : QString();
}

QString Digest::shortForm(int hexChars) const
{
    return isValid() ? m_algorithm + u':' + m_encoded.left(hexChars) : QString();
}

QCryptographicHash::Algorithm Digest::hashAlgorithm() const
{
    const Algorithm *known = findAlgorithm(m_algorithm);
    return known ? known->hash : QCryptographicHash::Sha256;
}

DigestVerifier::DigestVerifier(const Digest &expected, qint64 expectedSize)
    : m_expected(expected), m_expectedSize(expectedSize), m_hash(expected.hashAlgorithm())
{
}

void DigestVerifier::addData(QByteArrayView bytes)
{
    m_hash.addData(bytes);
    m_seen += bytes.size();
}

Digest DigestVerifier::computed() const
{
    auto parsed = Digest::parse(QString(m_expected.algorithm() + u':' + QString::fromLatin1(m_hash.resultView().toByteArray().toHex())));
    return parsed ? *parsed : Digest();
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

} // namespace wharf

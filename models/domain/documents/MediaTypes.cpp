#include "documents/MediaTypes.h"

#include <QRegularExpression>

#include <initializer_list>

namespace wharf::MediaTypes {

namespace {

bool isOneOf(QAnyStringView mediaType, std::initializer_list<QLatin1StringView> candidates)
{
    for (QLatin1StringView candidate : candidates)
        if (mediaType == candidate)
            return true;
    return false;
}

} // namespace

bool isIndex(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerManifestList, OciIndex});
}

bool isManifest(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerManifest, OciManifest});
}

bool isSchema1(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerSchema1Manifest, DockerSchema1Signed});
}

bool isImageConfig(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerConfig, OciConfig});
}

bool isLayer(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerLayerGzip, DockerLayerTar, DockerForeignLayerGzip, DockerForeignLayerTar,
                               OciLayerTar, OciLayerGzip, OciLayerZstd, OciNondistributableLayerTar,
                               OciNondistributableLayerGzip, OciNondistributableLayerZstd});
}

bool isNonDistributableLayer(QAnyStringView mediaType)
{
    return isOneOf(mediaType, {DockerForeignLayerGzip, DockerForeignLayerTar, OciNondistributableLayerTar,
                               OciNondistributableLayerGzip, OciNondistributableLayerZstd});
}

bool isWellFormed(QAnyStringView mediaType)
{
    // anchoredPattern gives \A…\z: a plain `$` would also accept a trailing newline.
    static const QRegularExpression pattern(QRegularExpression::anchoredPattern(
        QStringLiteral("[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}")));
    return pattern.match(mediaType.toString()).hasMatch();
}

QString stripParameters(QStringView contentType)
{
    const qsizetype semicolon = contentType.indexOf(u';');
    const QStringView bare = semicolon < 0 ? contentType : contentType.left(semicolon);
    return bare.trimmed().toString().toLower();
}

} // namespace wharf::MediaTypes

#include "Schema1Image.h"

#include "RegistryProcess.h"
#include "TestSupport.h"
#include "TestbedImages.h"

namespace wharf::testbed {

using namespace Qt::StringLiterals;

namespace {

QString header(const QByteArray &headers, const QByteArray &name)
{
    for (const QByteArray &line : headers.split('\n')) {
        const qsizetype colon = line.indexOf(':');
        if (colon > 0 && line.left(colon).trimmed().toLower() == name.toLower())
            return QString::fromLatin1(line.mid(colon + 1).trimmed());
    }
    return {};
}

bool failed(QString *error, const QString &message)
{
    if (error)
        *error = message;
    return false;
}

} // namespace

std::optional<Schema1Image> Schema1Image::push(const TestbedImages &images, const RegistryProcess &registry,
                                               const QString &repositoryAndTag, QString *error)
{
    Schema1Image image;
    image.reference = registry.hostPort() + u'/' + repositoryAndTag;
    image.layers = images.layerDigests(u"single"_s, u"1.0"_s);
    const ProgramRun copied = runProgram(u"skopeo"_s,
                                         {u"--insecure-policy"_s, u"copy"_s, u"--quiet"_s, u"--dest-tls-verify=false"_s, u"--format"_s,
                                          u"v2s1"_s, u"oci:"_s + images.layoutPath() + u":single"_s, u"docker://"_s + image.reference});
    if (copied.exitCode != 0) {
        failed(error, u"skopeo copy --format v2s1 failed: %1\n%2"_s.arg(QString::fromUtf8(copied.err), registry.logText().right(2000)));
        return std::nullopt;
    }
    // What the registry says of it, read with curl rather than with the code under test.
    const QString url = registry.baseUrl().toString() + u"/v2/"_s + repositoryAndTag.section(u':', 0, 0) + u"/manifests/"_s
        + repositoryAndTag.section(u':', 1);
    const ProgramRun head = runProgram(u"curl"_s, {u"-fsS"_s, u"-I"_s, url});
    image.digest = header(head.out, "Docker-Content-Digest");
    image.mediaType = header(head.out, "Content-Type");
    if (head.exitCode != 0 || !image.digest.startsWith(u"sha256:"_s)) {
        failed(error, u"HEAD %1 answered no digest: %2"_s.arg(url, QString::fromUtf8(head.out + head.err)));
        return std::nullopt;
    }
    return image;
}

} // namespace wharf::testbed

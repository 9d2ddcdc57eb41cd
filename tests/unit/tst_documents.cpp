// OCI/Docker documents: descriptors, manifests, indexes, configs, the history merge, and the
// manifest dispatch rules (Content-Type, media-type confusion, size cap). Driven by the fixture
// files in shared/fixtures: image-spec schema vectors and doc examples, containers/image manifest
// fixtures, byte-exact registry captures, go-containerregistry layouts and digest strings.

#include "core/Digest.h"
#include "core/Error.h"
#include "documents/Descriptor.h"
#include "documents/DocumentParser.h"
#include "documents/ImageConfig.h"
#include "documents/ImageHistory.h"
#include "documents/ImageIndex.h"
#include "documents/ImageManifest.h"
#include "documents/MediaTypes.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>
#include <QTest>

using namespace Qt::StringLiterals;
using namespace wharf;

namespace {

const QString kOk = u"ok"_s;

QString fixturePath(const QString &relative)
{
    return QStringLiteral(WHARF_FIXTURES_DIR) + u'/' + relative;
}

QByteArray readFixture(const QString &relative)
{
    QFile file(fixturePath(relative));
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read fixture %s", qPrintable(file.fileName()));
    return file.readAll();
}

QJsonValue readFixtureJson(const QString &relative)
{
    QJsonParseError error;
    const QJsonDocument document = QJsonDocument::fromJson(readFixture(relative), &error);
    if (error.error != QJsonParseError::NoError)
        qFatal("fixture %s is not JSON", qPrintable(relative));
    return document.isArray() ? QJsonValue(document.array()) : QJsonValue(document.object());
}

QString codeName(Error::Code code)
{
    return Error::codeName(code);
}

// "ok" (or, for manifests, the effective media type) on success, else the error code's name.
// Tests compare these, never message text; the message is only printed when a row fails.
template <typename T> QString outcome(const Result<T> &result)
{
    return result ? kOk : codeName(result.error().code());
}

QString outcome(const Result<ManifestDocument> &result)
{
    if (!result)
        return codeName(result.error().code());
    return std::visit([](const auto &document) { return document.mediaType; }, *result);
}

template <typename T> QByteArray detail(const Result<T> &result)
{
    return result ? QByteArray("(no error)") : result.error().message().toUtf8();
}

#define COMPARE_OUTCOME(result, expected)                                                                                                  \
    do {                                                                                                                                   \
        const auto &r_ = (result);                                                                                                         \
        const QString got_ = outcome(r_);                                                                                                  \
        if (got_ != (expected))                                                                                                            \
            qWarning("message: %s", detail(r_).constData());                                                                               \
        QCOMPARE(got_, (expected));                                                                                                        \
    } while (false)

QByteArray toBytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

QJsonObject toObject(const QByteArray &bytes)
{
    return QJsonDocument::fromJson(bytes).object();
}

// Sets (or, with an undefined value, removes) the member at a dotted path, creating objects on the way.
QJsonObject withMember(QJsonObject object, QStringView path, const QJsonValue &value)
{
    const qsizetype dot = path.indexOf(u'.');
    const QString head = (dot < 0 ? path : path.left(dot)).toString();
    if (dot < 0) {
        if (value.isUndefined())
            object.remove(head);
        else
            object.insert(head, value);
        return object;
    }
    object.insert(head, withMember(object.value(head).toObject(), path.mid(dot + 1), value));
    return object;
}

QByteArray withMember(const QByteArray &bytes, QStringView path, const QJsonValue &value)
{
    return toBytes(withMember(toObject(bytes), path, value));
}

// The digests named anywhere in a vector, to tell "valid" vectors Wharf can verify from those it cannot.
void collectDigests(const QJsonValue &value, QStringList &out)
{
    if (value.isObject()) {
        const QJsonObject object = value.toObject();
        for (auto it = object.begin(); it != object.end(); ++it) {
            if (it.key() == "digest"_L1 && it.value().isString())
                out.append(it.value().toString());
            collectDigests(it.value(), out);
        }
    } else if (value.isArray()) {
        for (const QJsonValue &element : value.toArray())
            collectDigests(element, out);
    }
}

bool namesUnverifiableDigest(const QByteArray &bytes)
{
    QStringList digests;
    collectDigests(QJsonDocument::fromJson(bytes).object(), digests);
    static const QSet<QString> verifiable{u"sha256"_s, u"sha384"_s, u"sha512"_s};
    for (const QString &digest : digests)
        if (!verifiable.contains(digest.section(u':', 0, 0)))
            return true;
    return false;
}

// Which parser the vector belongs to, from its file name (image-spec's spec_test convention).
enum class Kind {
    Descriptor,
    Manifest,
    Config,
    LayoutHeader
};

QString parseAs(Kind kind, const QByteArray &bytes, const QString &contentType, QByteArray *message)
{
    auto finish = [message](const auto &result) {
        *message = detail(result);
        return outcome(result);
    };
    switch (kind) {
    case Kind::Descriptor:
        return finish(parseDescriptor(bytes));
    case Kind::Manifest:
        return finish(parseManifest(bytes, QStringView(contentType)));
    case Kind::Config:
        return finish(parseConfig(bytes));
    case Kind::LayoutHeader:
        return finish(parseLayoutHeader(bytes));
    }
    return QString();
}

QByteArray padTo(QByteArray bytes, qsizetype size)
{
    bytes.append(QByteArray(size - bytes.size(), ' '));
    return bytes;
}

const QString kSchema1 = MediaTypes::DockerSchema1Manifest;
const QString kSchema1Signed = MediaTypes::DockerSchema1Signed;

QByteArray readTestData(const QString &relative)
{
    QFile file(QStringLiteral(WHARF_SOURCE_DIR) + u"/tests/unit/data/"_s + relative);
    if (!file.open(QIODevice::ReadOnly))
        qFatal("cannot read test data %s", qPrintable(file.fileName()));
    return file.readAll();
}

QString base64Url(const QByteArray &bytes)
{
    return QString::fromLatin1(bytes.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

// Docker schema 1, built the way Docker wrote it: steps given base first, written top-most first,
// each step's v1Compatibility naming the one below as its parent (unless it names its own).
QString schema1Id(qsizetype step)
{
    return Digest::sha256Of(QByteArray(QByteArray("image ") + QByteArray::number(step))).encoded();
}

QString schema1BlobSum(qsizetype step)
{
    return Digest::sha256Of(QByteArray(QByteArray("layer ") + QByteArray::number(step))).toString();
}

QJsonObject schema1Step(const QString &command, bool throwaway)
{
    QJsonObject step{{u"created"_s, u"2015-08-20T18:04:45.123456789Z"_s},
                     {u"container_config"_s, QJsonObject{{u"Cmd"_s, QJsonArray{u"/bin/sh"_s, u"-c"_s, command}}}}};
    if (throwaway)
        step.insert(u"throwaway"_s, true);
    return step;
}

QJsonObject schema1Document(QList<QJsonObject> stepsBaseFirst, QStringList blobSums = {})
{
    QJsonArray fsLayers;
    QJsonArray history;
    for (qsizetype i = stepsBaseFirst.size() - 1; i >= 0; --i) {
        QJsonObject &step = stepsBaseFirst[i];
        if (!step.contains(u"id"_s))
            step.insert(u"id"_s, schema1Id(i));
        if (i > 0 && !step.contains(u"parent"_s))
            step.insert(u"parent"_s, schema1Id(i - 1));
        fsLayers.append(QJsonObject{{u"blobSum"_s, i < blobSums.size() ? blobSums.at(i) : schema1BlobSum(i)}});
        history.append(QJsonObject{{u"v1Compatibility"_s, QString::fromUtf8(QJsonDocument(step).toJson(QJsonDocument::Compact))}});
    }
    return QJsonObject{{u"schemaVersion"_s, 1},         {u"name"_s, u"library/old"_s}, {u"tag"_s, u"1.0"_s},
                       {u"architecture"_s, u"amd64"_s}, {u"fsLayers"_s, fsLayers},     {u"history"_s, history}};
}

// A small image: ENV (throwaway), ADD (a layer), RUN (a layer), CMD (throwaway, with the config).
QJsonObject schema1Image()
{
    QJsonObject top = schema1Step(u"#(nop) CMD [\"sh\"]"_s, true);
    top.insert(u"os"_s, u"linux"_s);
    top.insert(u"architecture"_s, u"amd64"_s);
    top.insert(u"config"_s,
               QJsonObject{{u"Env"_s, QJsonArray{u"PATH=/usr/bin:/bin"_s}},
                           {u"Cmd"_s, QJsonArray{u"sh"_s}},
                           {u"Volumes"_s, QJsonValue()},
                           {u"Labels"_s, QJsonObject{{u"k"_s, u"v"_s}}}});
    return schema1Document({schema1Step(u"#(nop) ENV A=1"_s, true), schema1Step(u"#(nop) ADD file:abc in /"_s, false),
                            schema1Step(u"apt-get install -y curl"_s, false), top});
}

// libtrust's PrettySignature layout: the document up to the last non-space before its closing
// brace, the signatures, then what was cut off (the protected header's formatLength/formatTail).
QByteArray signSchema1(const QByteArray &document, const QJsonObject &headerOverride = {}, int signatures = 1)
{
    qsizetype end = document.lastIndexOf('}');
    while (end > 0 && QChar::isSpace(uchar(document.at(end - 1))))
        --end;
    QJsonObject header{{u"formatLength"_s, end}, {u"formatTail"_s, base64Url(document.mid(end))}, {u"time"_s, u"2016-01-01T00:00:00Z"_s}};
    for (auto it = headerOverride.begin(); it != headerOverride.end(); ++it)
        header.insert(it.key(), it.value()); // null stands for "absent", as Go reads it
    QJsonArray list;
    for (int i = 0; i < signatures; ++i) {
        const QJsonObject h = i == 0 ? header : QJsonObject{{u"formatLength"_s, end}, {u"formatTail"_s, base64Url(document.mid(end))}};
        list.append(QJsonObject{{u"header"_s, QJsonObject{{u"alg"_s, u"ES256"_s}}},
                                {u"signature"_s, u"c2lnbmF0dXJl"_s},
                                {u"protected"_s, base64Url(QJsonDocument(h).toJson(QJsonDocument::Compact))}});
    }
    return document.left(end) + ",\n   \"signatures\": " + QJsonDocument(list).toJson(QJsonDocument::Compact) + document.mid(end);
}

Descriptor layerDescriptor(int i)
{
    Descriptor d;
    d.mediaType = MediaTypes::DockerLayerGzip;
    d.digest = Digest::sha256Of(QByteArray(QByteArray("layer ") + QByteArray::number(i)));
    d.size = 1000 + i;
    return d;
}

} // namespace

class tst_Documents : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void stripParameters_data();
    void stripParameters();
    void predicates();

    void schemaVectors_data();
    void schemaVectors();
    void docExamples_data();
    void docExamples();
    void containersImageFixtures_data();
    void containersImageFixtures();
    void undeclaredType_data();
    void undeclaredType();
    void ambiguousDocuments_data();
    void ambiguousDocuments();
    void contentTypeConfusion_data();
    void contentTypeConfusion();
    void malformedDocuments_data();
    void malformedDocuments();
    void sizeCaps();

    void byteExactFixtures_data();
    void byteExactFixtures();
    void helloWorldIndex();
    void olderHelloWorldIndex();
    void dockerManifestListChain();
    void ociManifestChain();
    void descriptorMediaTypeWins_data();
    void descriptorMediaTypeWins();

    void descriptorFields_data();
    void descriptorFields();
    void descriptorAttestation();
    void descriptorRoundTrip();
    void configFields_data();
    void configFields();
    void configValues();

    void httpdHistoryMerge();
    void helloWorldHistoryMerge();
    void historyFallback();

    void digestStrings_data();
    void digestStrings();

    void schema1SignedByRegistry();
    void schema1Everything();
    void schema1Layers();
    void schema1Malformed_data();
    void schema1Malformed();
    void schema1Signatures_data();
    void schema1Signatures();
    void schema1AbsurdCounts();
};

// ---------------------------------------------------------------------------------------------
// Media types

void tst_Documents::stripParameters_data()
{
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    const QString oci = MediaTypes::OciManifest;
    QTest::addRow("bare") << oci << oci;
    QTest::addRow("charset") << oci + u"; charset=utf-8"_s << oci;
    QTest::addRow("no space") << oci + u";charset=\"utf-8\""_s << oci;
    QTest::addRow("whitespace") << u"  "_s + oci + u"  ;  q=1"_s << oci;
    QTest::addRow("upper case") << u"Application/VND.OCI.Image.Manifest.v1+JSON"_s << oci;
    QTest::addRow("empty") << QString() << QString();
    QTest::addRow("only parameters") << u"; charset=utf-8"_s << QString();
}

void tst_Documents::stripParameters()
{
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QCOMPARE(MediaTypes::stripParameters(contentType), expected);
}

void tst_Documents::predicates()
{
    QVERIFY(MediaTypes::isIndex(MediaTypes::OciIndex));
    QVERIFY(MediaTypes::isIndex(MediaTypes::DockerManifestList));
    QVERIFY(!MediaTypes::isIndex(MediaTypes::OciManifest));
    QVERIFY(MediaTypes::isManifest(MediaTypes::OciManifest));
    QVERIFY(MediaTypes::isManifest(MediaTypes::DockerManifest));
    QVERIFY(!MediaTypes::isManifest(MediaTypes::DockerSchema1Signed));
    QVERIFY(MediaTypes::isSchema1(MediaTypes::DockerSchema1Signed));
    QVERIFY(MediaTypes::isSchema1(MediaTypes::DockerSchema1Manifest));
    QVERIFY(!MediaTypes::isSchema1(MediaTypes::DockerManifest));
    // Comparisons inside documents are exact; only headers are normalised.
    QVERIFY(!MediaTypes::isIndex(u"Application/vnd.oci.image.index.v1+json"_s));

    for (QLatin1StringView layer :
         {MediaTypes::DockerLayerGzip, MediaTypes::DockerLayerTar, MediaTypes::DockerForeignLayerGzip, MediaTypes::DockerForeignLayerTar,
          MediaTypes::OciLayerTar, MediaTypes::OciLayerGzip, MediaTypes::OciLayerZstd, MediaTypes::OciNondistributableLayerTar,
          MediaTypes::OciNondistributableLayerGzip, MediaTypes::OciNondistributableLayerZstd})
        QVERIFY2(MediaTypes::isLayer(layer), layer.data());
    for (QLatin1StringView other :
         {MediaTypes::InToto, MediaTypes::OciEmpty, MediaTypes::OciConfig, MediaTypes::DockerConfig, MediaTypes::OciManifest})
        QVERIFY2(!MediaTypes::isLayer(other), other.data());
    QVERIFY(!MediaTypes::isLayer(u"application/vnd.oci.image.layer.v1.tar+gzip+encrypted"_s));
    QVERIFY(MediaTypes::isNonDistributableLayer(MediaTypes::DockerForeignLayerGzip));
    QVERIFY(!MediaTypes::isNonDistributableLayer(MediaTypes::OciLayerGzip));
    QVERIFY(MediaTypes::isImageConfig(MediaTypes::OciConfig));
    QVERIFY(MediaTypes::isImageConfig(MediaTypes::DockerConfig));
    QVERIFY(!MediaTypes::isImageConfig(MediaTypes::OciEmpty));

    QVERIFY(MediaTypes::isWellFormed(MediaTypes::InToto));
    QVERIFY(!MediaTypes::isWellFormed(u"application"_s));
    QVERIFY(!MediaTypes::isWellFormed(u"text/plain\n"_s));
    QVERIFY(!MediaTypes::isWellFormed(QString()));
}

// ---------------------------------------------------------------------------------------------
// image-spec schema vectors: every file, with the verdict from _index.json.
//
// Mapping from the schema's valid/invalid to Wharf's outcome:
//  * valid, and every digest uses an algorithm Wharf can verify (sha256/384/512) → success;
//  * valid, but some digest uses an unregistered algorithm (sha256+b64, multihash+base58, …) →
//    UnsupportedDigest: schema-valid, but content Wharf cannot verify is never trusted;
//  * invalid because a digest breaks the grammar or its algorithm's encoding → InvalidDigest;
//  * any other invalid vector (shape, types, media-type pattern, base64, invalid JSON) →
//    MalformedDocument.

void tst_Documents::schemaVectors_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");
    QTest::addColumn<QString>("recordedDigest");

    // The vectors whose invalidity is in a digest string (see the mapping above).
    const QSet<QString> invalidDigestVectors{u"descriptor-12"_s, u"descriptor-13"_s, u"descriptor-14"_s,
                                             u"descriptor-15"_s, u"descriptor-26"_s, u"manifest-09"_s};

    const QJsonArray index = readFixtureJson(u"oci/image-spec-schema-tests/_index.json"_s).toArray();
    const QStringList onDisk = QDir(fixturePath(u"oci/image-spec-schema-tests"_s)).entryList({u"*.json"_s}, QDir::Files);
    QCOMPARE(index.size(), onDisk.size() - 1); // every vector is listed (minus _index.json itself)
    for (const QJsonValue &value : index) {
        const QJsonObject entry = value.toObject();
        const QString file = entry.value("file"_L1).toString();
        const QString relative = u"oci/image-spec-schema-tests/"_s + file;
        const bool valid = entry.value("expect"_L1).toString() == "valid"_L1;
        QString contentType = entry.value("validated_as"_L1).toString();

        Kind kind = Kind::Descriptor;
        if (file.startsWith("descriptor-"_L1))
            kind = Kind::Descriptor;
        else if (file.startsWith("manifest-"_L1) || file.startsWith("index-"_L1))
            kind = Kind::Manifest;
        else if (file.startsWith("config-"_L1) || file.startsWith("compat-config-"_L1))
            kind = Kind::Config;
        else if (file.startsWith("layout-"_L1))
            kind = Kind::LayoutHeader;
        else if (file.startsWith("compat-index-"_L1) || file.startsWith("compat-manifest-"_L1))
            kind = Kind::Manifest; // Docker bytes; no Content-Type, so their own mediaType decides
        else
            QFAIL(qPrintable(u"unclassified vector "_s + file));

        QString expected;
        if (valid)
            expected = namesUnverifiableDigest(readFixture(relative)) ? codeName(Error::Code::UnsupportedDigest) : kOk;
        else if (invalidDigestVectors.contains(file.left(file.indexOf(u'-', file.indexOf(u'-') + 1))))
            expected = codeName(Error::Code::InvalidDigest);
        else
            expected = codeName(Error::Code::MalformedDocument);
        if (kind == Kind::Manifest && expected == kOk)
            expected = contentType.isEmpty() ? toObject(readFixture(relative)).value("mediaType"_L1).toString() : contentType;

        QTest::addRow("%s", qPrintable(file)) << relative << int(kind) << contentType << expected
                                              << entry.value("exact_bytes_digest"_L1).toString();
    }
}

void tst_Documents::schemaVectors()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    QFETCH(QString, recordedDigest);

    const QByteArray bytes = readFixture(file);
    QByteArray message;
    const QString got = parseAs(Kind(kind), bytes, contentType, &message);
    if (got != expected)
        qWarning("message: %s", message.constData());
    QCOMPARE(got, expected);

    // The compat vectors are real Docker Hub bytes: they hash to the digest recorded upstream.
    if (!recordedDigest.isEmpty()) {
        auto digest = Digest::parse(recordedDigest);
        QVERIFY(digest);
        QVERIFY(verifyBytes(bytes, *digest, bytes.size()));
    }
}

// ---------------------------------------------------------------------------------------------
// image-spec documentation examples: all valid.

void tst_Documents::docExamples_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<int>("kind");
    QTest::addColumn<QString>("contentType");

    const QJsonArray index = readFixtureJson(u"oci/image-spec-doc-examples/_index.json"_s).toArray();
    const QStringList onDisk = QDir(fixturePath(u"oci/image-spec-doc-examples"_s)).entryList({u"*.json"_s}, QDir::Files);
    QCOMPARE(index.size(), onDisk.size() - 1); // every example is listed (minus _index.json itself)

    for (const QJsonValue &value : index) {
        const QJsonObject entry = value.toObject();
        const QString file = entry.value("file"_L1).toString();
        const QString mediaType = entry.value("mediatype"_L1).toString();
        QCOMPARE(entry.value("expect"_L1).toString(), u"valid"_s);
        Kind kind = Kind::Descriptor;
        if (mediaType == MediaTypes::OciDescriptor)
            kind = Kind::Descriptor;
        else if (mediaType == MediaTypes::OciManifest || mediaType == MediaTypes::OciIndex)
            kind = Kind::Manifest;
        else if (mediaType == MediaTypes::OciConfig)
            kind = Kind::Config;
        else if (mediaType == MediaTypes::OciLayoutHeader)
            kind = Kind::LayoutHeader;
        else
            QFAIL(qPrintable(u"unknown example media type "_s + mediaType));
        QTest::addRow("%s", qPrintable(file)) << u"oci/image-spec-doc-examples/"_s + file << int(kind) << mediaType;
    }
}

void tst_Documents::docExamples()
{
    QFETCH(QString, file);
    QFETCH(int, kind);
    QFETCH(QString, contentType);

    QByteArray message;
    const QString got = parseAs(Kind(kind), readFixture(file), contentType, &message);
    const QString expected = Kind(kind) == Kind::Manifest ? contentType : kOk;
    if (got != expected)
        qWarning("message: %s", message.constData());
    QCOMPARE(got, expected);
}

// ---------------------------------------------------------------------------------------------
// containers/image manifest fixtures: every file classified. Fifteen of them are upstream symlinks
// that were copied as their link text ("../../internal/manifest/testdata/…"), so they are not JSON
// and are classified as such; the cases they stood for are rebuilt from real fixtures in
// undeclaredType() and ambiguousDocuments().

void tst_Documents::containersImageFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QString mismatch = codeName(Error::Code::MediaTypeMismatch);
    const QString unsupported = codeName(Error::Code::UnsupportedMediaType);
    const QString digestMismatch = codeName(Error::Code::DigestMismatch);
    const QString oci = MediaTypes::OciManifest;
    const QString docker = MediaTypes::DockerManifest;
    const QString ociIndex = MediaTypes::OciIndex;
    const QString list = MediaTypes::DockerManifestList;
    const QString schema1 = MediaTypes::DockerSchema1Manifest;
    const QString signedSchema1 = MediaTypes::DockerSchema1Signed;

    struct Case
    {
        const char *file;
        QString contentType;
        QString expected;
    };
    const QList<Case> cases = {
        // Real documents. An empty Content-Type means "use the document's own mediaType or shape".
        {"ociv1.encrypted.manifest.json", QString(), oci},
        {"ociv1.encrypted.manifest.json", oci, oci},
        {"ociv1.encrypted.manifest.json", ociIndex, mismatch},
        // Its `data` fields are not the blobs their digests name: refused as lying about content.
        {"ociv1.everything.json", QString(), digestMismatch},
        {"ociv1.everything.json", oci, digestMismatch},
        {"ociv1.everything.json", docker, mismatch},
        // No mediaType field: the shape (an OCI config) decides; as an index it is ambiguous.
        {"ociv1.invalid.mediatype.manifest.json", QString(), oci},
        {"ociv1.invalid.mediatype.manifest.json", oci, oci},
        {"ociv1.invalid.mediatype.manifest.json", ociIndex, mismatch},
        {"ociv1.invalid.mediatype.manifest.json", list, mismatch},
        {"ociv1.nondistributable.gzip.manifest.json", QString(), oci},
        {"ociv1.nondistributable.gzip.manifest.json", oci, oci},
        {"ociv1.nondistributable.manifest.json", QString(), oci},
        {"ociv1.nondistributable.manifest.json", oci, oci},
        {"ociv1.nondistributable.zstd.manifest.json", QString(), oci},
        {"ociv1.nondistributable.zstd.manifest.json", oci, oci},
        {"ociv1.uncompressed.manifest.json", QString(), oci},
        {"ociv1.uncompressed.manifest.json", oci, oci},
        {"ociv1.zstd.manifest.json", QString(), oci},
        {"ociv1.zstd.manifest.json", oci, oci},
        {"ociv1.zstd.manifest.json", docker, mismatch},
        // Unsigned schema 1: read (as Docker and c/image read it), under whichever schema 1 type.
        {"v2s1.everything.json", QString(), schema1},
        {"v2s1.everything.json", MediaTypes::DockerSchema1Signed, signedSchema1},
        {"v2s1.everything.json", MediaTypes::DockerSchema1Manifest, schema1},
        {"v2s1.everything.json", u"application/json"_s, schema1},
        {"v2s1.everything.json", oci, mismatch}, // fsLayers/history in a "manifest"
        {"v2s1.everything.json", list, mismatch},
        {"v2s2.everything.json", QString(), docker},
        {"v2s2.everything.json", docker, docker},
        {"v2s2.everything.json", oci, mismatch},
        {"v2s2.everything.json", list, mismatch},
        {"v2s2.nondistributable.gzip.manifest.json", QString(), docker},
        {"v2s2.nondistributable.gzip.manifest.json", docker, docker},
        {"v2s2.nondistributable.manifest.json", QString(), docker},
        {"v2s2.nondistributable.manifest.json", docker, docker},
        {"v2s2.uncompressed.manifest.json", QString(), docker},
        {"v2s2.uncompressed.manifest.json", docker, docker},
        // Symlink stubs (not JSON whatever they are served as).
        {"non-json.manifest.json", QString(), malformed},
        {"ociv1.artifact.json", oci, malformed},
        {"ociv1.image.index.json", ociIndex, malformed},
        {"ociv1.manifest.json", oci, malformed},
        {"ociv1nomime.artifact.json", QString(), malformed},
        {"ociv1nomime.image.index.json", QString(), malformed},
        {"ociv1nomime.manifest.json", QString(), malformed},
        {"schema2-to-schema1-by-docker.json", MediaTypes::DockerSchema1Signed, malformed},
        {"unknown-version.manifest.json", QString(), malformed},
        {"v2list.manifest.json", list, malformed},
        {"v2s1-invalid-signatures.manifest.json", MediaTypes::DockerSchema1Signed, malformed},
        {"v2s1-unsigned.manifest.json", MediaTypes::DockerSchema1Manifest, malformed},
        {"v2s1.manifest.json", MediaTypes::DockerSchema1Signed, malformed},
        {"v2s2.manifest.json", docker, malformed},
        {"v2s2nomime.manifest.json", QString(), malformed},
    };

    const QString dir = u"oci/containers-image-manifest-fixtures/"_s;
    QSet<QString> classified;
    for (const Case &c : cases) {
        const QString file = QString::fromLatin1(c.file);
        classified.insert(file);
        QTest::addRow("%s as %s", c.file, c.contentType.isEmpty() ? "(none)" : qPrintable(c.contentType))
            << dir + file << c.contentType << c.expected;
    }
    const QStringList onDisk = QDir(fixturePath(dir)).entryList({u"*.json"_s}, QDir::Files);
    for (const QString &file : onDisk)
        QVERIFY2(classified.contains(file), qPrintable(u"not classified: "_s + file));
}

void tst_Documents::containersImageFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);

    const QByteArray bytes = readFixture(file);
    // A stub row must stay a stub: if the fixture is ever repaired, reclassify it here.
    if (expected == codeName(Error::Code::MalformedDocument))
        QVERIFY(bytes.startsWith("../../internal/manifest/testdata/"));
    COMPARE_OUTCOME(parseManifest(bytes, QStringView(contentType)), expected);
}

// The "*nomime*" cases: no Content-Type worth the name, no mediaType field; the shape decides
// only when exactly one kind fits (c/image GuessMIMEType).
void tst_Documents::undeclaredType_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    const QJsonValue undefined(QJsonValue::Undefined);
    const QByteArray ociManifest =
        withMember(readFixture(u"oci/containers-image-manifest-fixtures/ociv1.uncompressed.manifest.json"_s), u"mediaType", undefined);
    const QByteArray artifact =
        withMember(readFixture(
                       u"oci/image-spec-schema-tests/manifest-10-valid-valid-manifest-for-an-artifact-with-a-dedicated-config.json"_s),
                   u"mediaType", undefined);
    const QByteArray dockerManifest =
        withMember(readFixture(u"oci/containers-image-manifest-fixtures/v2s2.uncompressed.manifest.json"_s), u"mediaType", undefined);
    const QByteArray index =
        withMember(readFixture(u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s), u"mediaType", undefined);
    const QByteArray schema1 = readFixture(u"oci/containers-image-manifest-fixtures/v2s1.everything.json"_s);

    for (const QString &contentType : {QString(), u"application/json"_s, u"application/octet-stream"_s, u"text/plain; charset=utf-8"_s}) {
        const QByteArray served = contentType.isEmpty() ? QByteArray("none") : contentType.toLatin1();
        QTest::addRow("ociv1nomime.manifest, %s", served.constData()) << ociManifest << contentType << QString(MediaTypes::OciManifest);
        QTest::addRow("ociv1nomime.artifact, %s", served.constData()) << artifact << contentType << QString(MediaTypes::OciManifest);
        QTest::addRow("v2s2nomime.manifest, %s", served.constData())
            << dockerManifest << contentType << QString(MediaTypes::DockerManifest);
        QTest::addRow("ociv1nomime.image.index, %s", served.constData()) << index << contentType << QString(MediaTypes::OciIndex);
        QTest::addRow("schema1 shape, %s", served.constData()) << schema1 << contentType << QString(MediaTypes::DockerSchema1Manifest);
    }
    QTest::addRow("unknown-version") << QByteArray(R"({"schemaVersion": 99999, "name": "mitr/noversion-nonsense:latest"})") << QString()
                                     << codeName(Error::Code::UnsupportedMediaType);
    QTest::addRow("unknown-version served as a manifest")
        << QByteArray(R"({"schemaVersion": 99999, "name": "mitr/noversion-nonsense:latest"})") << QString(MediaTypes::OciManifest)
        << codeName(Error::Code::MalformedDocument);
    QTest::addRow("both shapes") << toBytes(withMember(toObject(ociManifest), u"manifests", QJsonArray())) << QString()
                                 << codeName(Error::Code::MediaTypeMismatch);
    QTest::addRow("empty object") << QByteArray("{}") << QString() << codeName(Error::Code::UnsupportedMediaType);
}

void tst_Documents::undeclaredType()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseManifest(bytes, QStringView(contentType)), expected);
}

// c/image's testValidManifestWithExtraFieldsIsRejected: a valid document plus one member that only
// the other kind has is refused, whatever the case of the member name.
void tst_Documents::ambiguousDocuments_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");

    struct Base
    {
        const char *name;
        QString file;
        QString contentType;
        QStringList foreign;
    };
    const QStringList forManifests{u"manifests"_s, u"fsLayers"_s, u"history"_s};
    const QStringList forIndexes{u"config"_s, u"layers"_s, u"fsLayers"_s, u"history"_s};
    const QList<Base> bases = {
        {"v2s2", u"oci/containers-image-manifest-fixtures/v2s2.everything.json"_s, MediaTypes::DockerManifest, forManifests},
        {"ociv1", u"oci/containers-image-manifest-fixtures/ociv1.zstd.manifest.json"_s, MediaTypes::OciManifest, forManifests},
        {"hello-world manifest", u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s, MediaTypes::OciManifest, forManifests},
        {"hello-world index", u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s, MediaTypes::OciIndex, forIndexes},
        {"v2list", u"registry/registry_docker_manifest_list_hello-world_latest_2023-06.json"_s, MediaTypes::DockerManifestList, forIndexes},
        {"v2s1",
         u"oci/containers-image-manifest-fixtures/v2s1.everything.json"_s,
         MediaTypes::DockerSchema1Manifest,
         {u"config"_s, u"layers"_s, u"manifests"_s}},
    };
    for (const Base &base : bases) {
        const QJsonObject object = toObject(readFixture(base.file));
        QVERIFY(parseManifest(readFixture(base.file), QStringView(base.contentType)));
        for (const QString &field : base.foreign) {
            QString title = field;
            title[0] = title[0].toUpper();
            for (const QString &spelling : {field, field.toUpper(), title}) {
                const QJsonValue value =
                    spelling.compare("config"_L1, Qt::CaseInsensitive) == 0 ? QJsonValue(QJsonObject()) : QJsonValue(QJsonArray());
                const QByteArray bytes = toBytes(withMember(object, spelling, value));
                QTest::addRow("%s + %s", base.name, qPrintable(spelling)) << bytes << base.contentType;
                QTest::addRow("%s + %s, no Content-Type", base.name, qPrintable(spelling)) << bytes << QString();
            }
        }
    }
}

void tst_Documents::ambiguousDocuments()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    COMPARE_OUTCOME(parseManifest(bytes, QStringView(contentType)), codeName(Error::Code::MediaTypeMismatch));
}

// CVE-2021-41190: the Content-Type decides, and the document may not contradict it.
void tst_Documents::contentTypeConfusion_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    const QByteArray index = readFixture(u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s);
    const QByteArray list = readFixture(u"registry/registry_docker_manifest_list_hello-world_latest_2023-06.json"_s);
    const QByteArray ociManifest = readFixture(u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
    const QByteArray dockerManifest = readFixture(u"registry/registry_docker_v2s2_manifest_hello-world_amd64_2023-06.json"_s);
    const QJsonValue undefined(QJsonValue::Undefined);
    const QString mismatch = codeName(Error::Code::MediaTypeMismatch);
    const QString unsupported = codeName(Error::Code::UnsupportedMediaType);
    const QString malformed = codeName(Error::Code::MalformedDocument);

    QTest::addRow("OCI index served as OCI manifest") << index << QString(MediaTypes::OciManifest) << mismatch;
    QTest::addRow("OCI index served as Docker manifest") << index << QString(MediaTypes::DockerManifest) << mismatch;
    QTest::addRow("OCI index served as Docker list") << index << QString(MediaTypes::DockerManifestList) << mismatch;
    QTest::addRow("Docker list served as Docker manifest") << list << QString(MediaTypes::DockerManifest) << mismatch;
    QTest::addRow("Docker list served as OCI index") << list << QString(MediaTypes::OciIndex) << mismatch;
    QTest::addRow("OCI manifest served as OCI index") << ociManifest << QString(MediaTypes::OciIndex) << mismatch;
    QTest::addRow("OCI manifest served as Docker manifest") << ociManifest << QString(MediaTypes::DockerManifest) << mismatch;
    QTest::addRow("Docker manifest served as Docker list") << dockerManifest << QString(MediaTypes::DockerManifestList) << mismatch;
    QTest::addRow("undeclared index served as a manifest")
        << withMember(index, u"mediaType", undefined) << QString(MediaTypes::OciManifest) << mismatch;
    QTest::addRow("undeclared manifest served as an index")
        << withMember(ociManifest, u"mediaType", undefined) << QString(MediaTypes::OciIndex) << mismatch;
    QTest::addRow("manifest declaring the index type")
        << withMember(ociManifest, u"mediaType", QString(MediaTypes::OciIndex)) << QString(MediaTypes::OciManifest) << mismatch;
    QTest::addRow("manifest declaring the index type, generic Content-Type")
        << withMember(ociManifest, u"mediaType", QString(MediaTypes::OciIndex)) << u"application/json"_s << mismatch;
    QTest::addRow("second mediaType in another case")
        << withMember(ociManifest, u"MediaType", QString(MediaTypes::OciIndex)) << QString(MediaTypes::OciManifest) << malformed;

    QTest::addRow("parameters are ignored") << ociManifest << QString(MediaTypes::OciManifest) + u"; charset=utf-8"_s
                                            << QString(MediaTypes::OciManifest);
    QTest::addRow("case and spaces are ignored")
        << index << u" Application/VND.oci.image.index.v1+json ;q=1"_s << QString(MediaTypes::OciIndex);
    QTest::addRow("generic Content-Type, declared manifest")
        << ociManifest << u"application/octet-stream"_s << QString(MediaTypes::OciManifest);
    QTest::addRow("generic Content-Type, declared list") << list << u"application/json"_s << QString(MediaTypes::DockerManifestList);
    QTest::addRow("HTML") << ociManifest << u"text/html; charset=utf-8"_s << unsupported;
    QTest::addRow("served as a config") << ociManifest << QString(MediaTypes::OciConfig) << unsupported;
    QTest::addRow("served as schema 1") << ociManifest << QString(MediaTypes::DockerSchema1Signed) << mismatch;
    QTest::addRow("undeclared, served as schema 1")
        << withMember(ociManifest, u"mediaType", undefined) << QString(MediaTypes::DockerSchema1Manifest) << mismatch;
    QTest::addRow("undeclared index, served as schema 1")
        << withMember(index, u"mediaType", undefined) << QString(MediaTypes::DockerSchema1Signed) << mismatch;
    QTest::addRow("declares a config type") << withMember(ociManifest, u"mediaType", QString(MediaTypes::OciConfig)) << QString()
                                            << unsupported;
    QTest::addRow("declares a malformed type") << withMember(ociManifest, u"mediaType", u"manifest"_s) << QString() << malformed;
    QTest::addRow("mediaType is a number") << withMember(ociManifest, u"mediaType", 2) << QString() << malformed;
}

void tst_Documents::contentTypeConfusion()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseManifest(bytes, QStringView(contentType)), expected);
}

void tst_Documents::malformedDocuments_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("contentType");
    QTest::addColumn<QString>("expected");

    const QString oci = MediaTypes::OciManifest;
    const QString ociIndex = MediaTypes::OciIndex;
    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QByteArray manifest = readFixture(u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
    const QByteArray index = readFixture(u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s);
    const QJsonValue undefined(QJsonValue::Undefined);

    QTest::addRow("empty") << QByteArray() << oci << malformed;
    QTest::addRow("null") << QByteArray("null") << oci << malformed;
    QTest::addRow("array") << QByteArray("[]") << oci << malformed;
    QTest::addRow("string") << QByteArray("\"manifest\"") << oci << malformed;
    QTest::addRow("number") << QByteArray("2") << oci << malformed;
    QTest::addRow("trailing garbage") << QByteArray(manifest + " x") << oci << malformed;
    QTest::addRow("two documents") << QByteArray(manifest + manifest) << oci << malformed;
    QTest::addRow("trailing whitespace is fine") << QByteArray(manifest + "\n\t \n") << oci << oci;
    QTest::addRow("truncated") << manifest.left(manifest.size() - 2) << oci << malformed;
    QTest::addRow("invalid UTF-8") << QByteArray(R"({"schemaVersion":2,"mediaType":"a)") + "\xff\xfe" + "\"}" << oci << malformed;
    QTest::addRow("deep nesting") << QByteArray(R"({"x":)") + QByteArray(100000, '[') + QByteArray(100000, ']') + "}" << oci << malformed;

    // Duplicate member names (CVE-2014-8179 class): the scanner, not QJsonDocument, catches them.
    QByteArray duplicateTop = manifest;
    duplicateTop.insert(1, R"("mediaType":"application/vnd.oci.image.index.v1+json",)");
    QTest::addRow("duplicate mediaType") << duplicateTop << oci << malformed;
    QByteArray sameValueTwice = manifest;
    sameValueTwice.insert(1, R"("schemaVersion":2,)");
    QTest::addRow("duplicate schemaVersion, same value") << sameValueTwice << oci << malformed;
    QByteArray duplicateNested = manifest;
    duplicateNested.replace(R"("size": 2436)",
                            R"("size": 2436, "digest": "sha256:0000000000000000000000000000000000000000000000000000000000000000")");
    QVERIFY(duplicateNested != manifest);
    QTest::addRow("duplicate digest in a layer") << duplicateNested << oci << malformed;
    QByteArray escapedDuplicate = manifest;
    escapedDuplicate.replace(R"("size": 2436)",
                             R"("size": 2436, "\u0064igest": "sha256:0000000000000000000000000000000000000000000000000000000000000000")");
    QTest::addRow("duplicate digest spelled with an escape") << escapedDuplicate << oci << malformed;
    QTest::addRow("same name in sibling objects is fine")
        << QByteArray(R"({"schemaVersion":2,"mediaType":"application/vnd.oci.image.index.v1+json","manifests":[],)"
                      R"("annotations":{"a":"{\"a\":1,\"a\":2}","b\\\"":"x","b\"":"y"}})")
        << ociIndex << ociIndex;
    QTest::addRow("duplicate annotation with escaped quote")
        << QByteArray(R"({"schemaVersion":2,"manifests":[],"annotations":{"b\"":"x","b\u0022":"y"}})") << ociIndex << malformed;

    QTest::addRow("schemaVersion missing") << withMember(manifest, u"schemaVersion", undefined) << oci << malformed;
    QTest::addRow("schemaVersion 1") << withMember(manifest, u"schemaVersion", 1) << oci << malformed;
    QTest::addRow("schemaVersion 3") << withMember(manifest, u"schemaVersion", 3) << oci << malformed;
    QTest::addRow("schemaVersion \"2\"") << withMember(manifest, u"schemaVersion", u"2"_s) << oci << malformed;
    QTest::addRow("schemaVersion 2.5") << withMember(manifest, u"schemaVersion", 2.5) << oci << malformed;
    QTest::addRow("config missing") << withMember(manifest, u"config", undefined) << oci << malformed;
    QTest::addRow("config is a list") << withMember(manifest, u"config", QJsonArray()) << oci << malformed;
    QTest::addRow("layers missing") << withMember(manifest, u"layers", undefined) << oci << malformed;
    QTest::addRow("layers is an object") << withMember(manifest, u"layers", QJsonObject()) << oci << malformed;
    QTest::addRow("a layer is a string") << withMember(manifest, u"layers", QJsonArray{u"sha256:00"_s}) << oci << malformed;
    QTest::addRow("image without layers") << withMember(manifest, u"layers", QJsonArray()) << oci << malformed;
    QTest::addRow("artifact without layers") << withMember(withMember(manifest, u"layers", QJsonArray()), u"artifactType",
                                                           u"application/vnd.example+type"_s)
                                             << oci << oci;
    QTest::addRow("annotations with a number") << withMember(manifest, u"annotations.count", 3) << oci << malformed;
    QTest::addRow("subject is a string") << withMember(manifest, u"subject", u"sha256:00"_s) << oci << malformed;
    QTest::addRow("artifactType malformed") << withMember(manifest, u"artifactType", u"sbom"_s) << oci << malformed;
    QTest::addRow("index without manifests") << withMember(index, u"manifests", undefined) << ociIndex << malformed;
    QTest::addRow("index with zero manifests") << withMember(index, u"manifests", QJsonArray()) << ociIndex << ociIndex;
    QTest::addRow("index entry is a number") << withMember(index, u"manifests", QJsonArray{1}) << ociIndex << malformed;
}

void tst_Documents::malformedDocuments()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, contentType);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseManifest(bytes, QStringView(contentType)), expected);
}

void tst_Documents::sizeCaps()
{
    const QByteArray manifest = readFixture(u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
    const QByteArray config = readFixture(u"registry/registry_oci_config_hello-world_amd64_2025-01.json"_s);
    const QString tooLarge = codeName(Error::Code::TooLarge);

    QCOMPARE(kMaxManifestSize, qsizetype(4 * 1024 * 1024));
    const QByteArray atCap = padTo(manifest, kMaxManifestSize);
    COMPARE_OUTCOME(parseManifest(atCap, QString(MediaTypes::OciManifest)), QString(MediaTypes::OciManifest));
    const QByteArray overCap = padTo(manifest, kMaxManifestSize + 1);
    COMPARE_OUTCOME(parseManifest(overCap, QString(MediaTypes::OciManifest)), tooLarge);
    // The cap comes before anything else: not even garbage is looked at.
    COMPARE_OUTCOME(parseManifest(QByteArray(kMaxManifestSize + 1, 'x'), QStringView()), tooLarge);

    Descriptor descriptor;
    descriptor.mediaType = MediaTypes::OciManifest;
    descriptor.digest = Digest::sha256Of(overCap);
    descriptor.size = overCap.size();
    COMPARE_OUTCOME(parseManifest(overCap, descriptor), tooLarge);

    COMPARE_OUTCOME(parseConfig(padTo(config, kMaxConfigSize)), kOk);
    COMPARE_OUTCOME(parseConfig(padTo(config, kMaxConfigSize + 1)), tooLarge);
    COMPARE_OUTCOME(parseDescriptor(QByteArray(kMaxManifestSize + 1, ' ')), tooLarge);
}

// ---------------------------------------------------------------------------------------------
// Byte-exact registry captures.

void tst_Documents::byteExactFixtures_data()
{
    QTest::addColumn<QString>("file");
    QTest::addColumn<QString>("prefix");
    QTest::addColumn<QString>("suffix");

    // SOURCES.md names each byte-exact file's sha256, in full or as "first…last".
    const QString sources = QString::fromUtf8(readFixture(u"SOURCES.md"_s));
    static const QRegularExpression recorded(u"byte-exact\\*\\*: sha256(?: =)? `([0-9a-f]+)(?:…([0-9a-f]+))?`"_s);
    int rows = 0;
    for (const QString &line : sources.split(u'\n')) {
        const QRegularExpressionMatch match = recorded.match(line);
        if (!match.hasMatch())
            continue;
        static const QRegularExpression fileName(u"^\\| `([^`]+\\.json)`"_s);
        const QString file = fileName.match(line).captured(1);
        QVERIFY2(!file.isEmpty(), qPrintable(line));
        QTest::addRow("%s", qPrintable(file)) << u"registry/"_s + file << match.captured(1) << match.captured(2);
        ++rows;
    }
    QCOMPARE(rows, 6);
}

void tst_Documents::byteExactFixtures()
{
    QFETCH(QString, file);
    QFETCH(QString, prefix);
    QFETCH(QString, suffix);

    const QByteArray bytes = readFixture(file);
    const QString hex = Digest::sha256Of(bytes).encoded();
    QVERIFY2(hex.startsWith(prefix), qPrintable(hex));
    QVERIFY2(hex.endsWith(suffix), qPrintable(hex));
    if (suffix.isEmpty())
        QCOMPARE(hex.size(), prefix.size());

    // Every capture parses as what it is (a config is recognised by having no schemaVersion).
    const QJsonObject object = toObject(bytes);
    if (object.contains("schemaVersion"_L1))
        COMPARE_OUTCOME(parseManifest(bytes, QStringView()), object.value("mediaType"_L1).toString());
    else
        COMPARE_OUTCOME(parseConfig(bytes), kOk);
}

void tst_Documents::helloWorldIndex()
{
    const QByteArray bytes = readFixture(u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s);
    QCOMPARE(Digest::sha256Of(bytes).toString(), u"sha256:424f1f86cdf501deb591ace8d14d2f40272617b51b374915a87a2886b2025ece"_s);

    auto parsed = parseManifest(bytes, u"application/vnd.oci.image.index.v1+json");
    QVERIFY2(parsed, detail(parsed).constData());
    QVERIFY(std::holds_alternative<ImageIndex>(*parsed));
    const ImageIndex &index = std::get<ImageIndex>(*parsed);
    QCOMPARE(index.mediaType, QString(MediaTypes::OciIndex));
    QCOMPARE(index.schemaVersion, 2);

    // The capture holds 23 entries: 10 linux images each followed by its attestation, then 3
    // Windows images. (The reference notes say "9 + 9 + 3"; the bytes say otherwise.)
    QCOMPARE(index.manifests.size(), 23);
    const QList<Descriptor> platforms = index.platformManifests();
    const QList<Descriptor> attestations = index.attestations();
    QCOMPARE(platforms.size(), 13);
    QCOMPARE(attestations.size(), 10);

    int linuxImages = 0;
    int windowsImages = 0;
    for (const Descriptor &d : platforms) {
        QVERIFY(d.platform);
        QVERIFY(!d.platform->isUnknown());
        if (d.platform->os == "linux"_L1) {
            ++linuxImages;
            QCOMPARE(d.mediaType, QString(MediaTypes::OciManifest));
        } else if (d.platform->os == "windows"_L1) {
            ++windowsImages;
            // One OCI index mixing OCI (linux) and Docker (windows) manifests.
            QCOMPARE(d.mediaType, QString(MediaTypes::DockerManifest));
            QVERIFY(d.platform->osVersion.startsWith("10.0."_L1));
        }
    }
    QCOMPARE(linuxImages, 10);
    QCOMPARE(windowsImages, 3);

    // Each attestation follows, and points at, the image it describes.
    for (qsizetype i = 0; i < index.manifests.size(); ++i) {
        const Descriptor &d = index.manifests.at(i);
        if (!d.isAttestation())
            continue;
        QVERIFY(i > 0);
        QCOMPARE(d.platform->os, u"unknown"_s);
        QCOMPARE(d.annotations.value(u"vnd.docker.reference.type"_s), u"attestation-manifest"_s);
        QVERIFY(d.attestedDigest().isValid());
        QCOMPARE(d.attestedDigest(), index.manifests.at(i - 1).digest);
    }
    const Descriptor &amd64 = platforms.first();
    QCOMPARE(amd64.platform->architecture, u"amd64"_s);
    QCOMPARE(amd64.digest.toString(), u"sha256:03b62250a3cb1abd125271d393fc08bf0cc713391eda6b57c02d1ef85efcc25c"_s);
    QCOMPARE(amd64.size, 1035);
    QCOMPARE(amd64.annotations.value(u"org.opencontainers.image.source"_s),
             u"https://github.com/docker-library/hello-world.git#a71acd2dfb8c21c8e42a8f926ce37c1ffbf8eae7:amd64/hello-world"_s);
    QVERIFY(!amd64.attestedDigest().isValid());
}

void tst_Documents::olderHelloWorldIndex()
{
    // Pretty-printed by its author, so not byte-exact, but a real 2024 index: 9 linux images with
    // attestations and 2 Windows images.
    const QByteArray bytes = readFixture(u"registry/registry_oci_index_hello-world_latest_2024-01_pretty.json"_s);
    auto parsed = parseManifest(bytes, QString(MediaTypes::OciIndex));
    QVERIFY2(parsed, detail(parsed).constData());
    const ImageIndex &index = std::get<ImageIndex>(*parsed);
    QCOMPARE(index.manifests.size(), 20);
    QCOMPARE(index.platformManifests().size(), 11);
    QCOMPARE(index.attestations().size(), 9);
}

void tst_Documents::dockerManifestListChain()
{
    // The recorded 2023 pull: the list by tag (digest from the Docker-Content-Digest header), the
    // amd64 manifest by digest, then its config blob.
    const QJsonObject exchanges = readFixtureJson(u"registry/registry_http_exchanges_recorded.json"_s).toObject();
    const QJsonObject pull = exchanges.value("exchanges_2023-06-04"_L1).toObject();
    const QJsonObject bodies = pull.value("body_files"_L1).toObject();
    QString listDigest;
    for (const QJsonValue &exchange : pull.value("sequence"_L1).toArray()) {
        if (exchange.toObject().value("body"_L1).toString() != "helloworldManifestV2"_L1)
            continue;
        for (const QJsonValue &header : exchange.toObject().value("headers"_L1).toArray())
            if (header.toArray().at(0).toString() == "Docker-Content-Digest"_L1)
                listDigest = header.toArray().at(1).toString();
    }
    QVERIFY(!listDigest.isEmpty());

    const QByteArray listBytes = readFixture(u"registry/"_s + bodies.value("helloworldManifestV2"_L1).toString());
    QCOMPARE(Digest::sha256Of(listBytes).toString(), listDigest);
    auto parsedList = parseManifest(listBytes, u"application/vnd.docker.distribution.manifest.list.v2+json");
    QVERIFY2(parsedList, detail(parsedList).constData());
    const ImageIndex &list = std::get<ImageIndex>(*parsedList);
    QCOMPARE(list.mediaType, QString(MediaTypes::DockerManifestList));
    QCOMPARE(list.manifests.size(), 11);
    QCOMPARE(list.platformManifests().size(), 11);
    QVERIFY(list.attestations().isEmpty());
    QCOMPARE(list.manifests.at(1).platform->variant, u"v5"_s);
    QCOMPARE(list.manifests.at(9).platform->osVersion, u"10.0.20348.1726"_s);

    const Descriptor &amd64 = list.manifests.first();
    QCOMPARE(amd64.platform->toString(), u"linux/amd64"_s);
    const QByteArray manifestBytes = readFixture(u"registry/"_s + bodies.value("imageManifestAmd64V2"_L1).toString());
    auto parsedManifest = parseManifest(manifestBytes, amd64);
    QVERIFY2(parsedManifest, detail(parsedManifest).constData());
    const ImageManifest &manifest = std::get<ImageManifest>(*parsedManifest);
    QVERIFY(manifest.isDocker());
    QVERIFY(!manifest.isArtifact());
    QCOMPARE(manifest.config.mediaType, QString(MediaTypes::DockerConfig));
    QCOMPARE(manifest.layers.size(), 1);
    QCOMPARE(manifest.layers.first().mediaType, QString(MediaTypes::DockerLayerGzip));
    QCOMPARE(manifest.totalLayerSize(), 2457);

    const QByteArray configBytes = readFixture(u"registry/"_s + bodies.value("imageConfigAmd64"_L1).toString());
    QVERIFY(verifyBytes(configBytes, manifest.config.digest, manifest.config.size));
    auto config = parseConfig(configBytes);
    QVERIFY2(config, detail(config).constData());
    QCOMPARE(config->architecture, u"amd64"_s);
    QCOMPARE(config->os, u"linux"_s);
    QCOMPARE(config->config.cmd, QStringList{u"/hello"_s});
    QVERIFY(config->config.entrypoint.isEmpty()); // null
    QVERIFY(config->config.labels.isEmpty()); // null
    QCOMPARE(config->diffIds.size(), 1);
    QCOMPARE(config->history.size(), 2);

    // One byte changed: the same descriptor refuses it.
    QByteArray tampered = manifestBytes;
    tampered[tampered.indexOf("1470")] = '2';
    COMPARE_OUTCOME(parseManifest(tampered, amd64), codeName(Error::Code::DigestMismatch));
    COMPARE_OUTCOME(parseManifest(QByteArray(manifestBytes + ' '), amd64), codeName(Error::Code::SizeMismatch));
    Descriptor noDigest = amd64;
    noDigest.digest = Digest();
    COMPARE_OUTCOME(parseManifest(manifestBytes, noDigest), codeName(Error::Code::InvalidDigest));
}

void tst_Documents::ociManifestChain()
{
    const QByteArray indexBytes = readFixture(u"registry/registry_oci_index_hello-world_latest_2025-01.json"_s);
    const ImageIndex index = std::get<ImageIndex>(*parseManifest(indexBytes, QString(MediaTypes::OciIndex)));
    const QByteArray manifestBytes = readFixture(u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
    auto parsed = parseManifest(manifestBytes, index.platformManifests().first());
    QVERIFY2(parsed, detail(parsed).constData());
    const ImageManifest &manifest = std::get<ImageManifest>(*parsed);
    QCOMPARE(manifest.mediaType, QString(MediaTypes::OciManifest));
    QVERIFY(!manifest.isDocker());
    QCOMPARE(manifest.annotations.value(u"org.opencontainers.image.base.name"_s), u"scratch"_s);
    QCOMPARE(manifest.layers.first().mediaType, QString(MediaTypes::OciLayerGzip));
    QCOMPARE(manifest.totalLayerSize(), 2436);

    const QByteArray configBytes = readFixture(u"registry/registry_oci_config_hello-world_amd64_2025-01.json"_s);
    QVERIFY(verifyBytes(configBytes, manifest.config.digest, manifest.config.size));
    auto config = parseConfig(configBytes);
    QVERIFY2(config, detail(config).constData());
    QCOMPARE(config->config.env, QStringList{u"PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"_s});
    QCOMPARE(config->config.workingDir, u"/"_s);
    QCOMPARE(config->history.first().comment, u"buildkit.dockerfile.v0"_s);
    QCOMPARE(config->created, QDateTime(QDate(2025, 1, 21), QTime(23, 32, 32), Qt::UTC));
}

// go-containerregistry's test_index layout. Fetched through its index.json descriptors, the
// descriptor's media type is the expected one. Wharf's policy for ref 1 (descriptor: OCI manifest;
// blob's own mediaType: Docker schema 2, digest matching) is strict: a document that contradicts the
// type it was referenced as is refused (CVE-2021-41190), rather than used with a warning as
// media-types.md allows. Ref 2 is referenced as a descriptor, not a manifest: refused, as gcr's GC
// refuses unknown types.
void tst_Documents::descriptorMediaTypeWins_data()
{
    QTest::addColumn<QString>("refName");
    QTest::addColumn<QString>("expected");
    QTest::addRow("1") << u"1"_s << codeName(Error::Code::MediaTypeMismatch);
    QTest::addRow("2") << u"2"_s << codeName(Error::Code::UnsupportedMediaType);
    QTest::addRow("3") << u"3"_s << QString(MediaTypes::OciIndex);
    QTest::addRow("4") << u"4"_s << QString(MediaTypes::DockerManifestList);
}

void tst_Documents::descriptorMediaTypeWins()
{
    QFETCH(QString, refName);
    QFETCH(QString, expected);

    const QString layout = u"oci/gcr-oci-layouts/test_index/"_s;
    COMPARE_OUTCOME(parseLayoutHeader(readFixture(layout + u"oci-layout"_s)), kOk);
    auto parsed = parseManifest(readFixture(layout + u"index.json"_s), QString(MediaTypes::OciIndex));
    QVERIFY2(parsed, detail(parsed).constData());
    const ImageIndex &index = std::get<ImageIndex>(*parsed);
    QCOMPARE(index.manifests.size(), 4);
    for (const Descriptor &d : index.manifests) {
        if (d.annotations.value(u"org.opencontainers.image.ref.name"_s) != refName)
            continue;
        const QByteArray blob = readFixture(layout + u"blobs/sha256/"_s + d.digest.encoded());
        COMPARE_OUTCOME(parseManifest(blob, d), expected);
        return;
    }
    QFAIL("ref not found");
}

// ---------------------------------------------------------------------------------------------
// Descriptor details beyond the schema vectors.

void tst_Documents::descriptorFields_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const QByteArray base = R"({"mediaType":"text/plain","size":1,)"
                            R"("digest":"sha256:ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb"})"; // "a"
    const QString ok = kOk;
    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QJsonValue undefined(QJsonValue::Undefined);

    QTest::addRow("base") << base << ok;
    QTest::addRow("size 1.5") << withMember(base, u"size", 1.5) << malformed;
    QTest::addRow("size true") << withMember(base, u"size", true) << malformed;
    QTest::addRow("size null") << withMember(base, u"size", QJsonValue()) << malformed;
    QTest::addRow("size 2^63") << QByteArray(base).replace(R"("size":1)", R"("size":9223372036854775808)") << malformed;
    QTest::addRow("size 2^63-1") << QByteArray(base).replace(R"("size":1)", R"("size":9223372036854775807)") << ok;
    QTest::addRow("size -1") << withMember(base, u"size", -1) << malformed;
    QTest::addRow("mediaType with a newline") << withMember(base, u"mediaType", u"text/plain\n"_s) << malformed;
    QTest::addRow("mediaType with parameters") << withMember(base, u"mediaType", u"text/plain; charset=utf-8"_s) << malformed;
    QTest::addRow("mediaType null") << withMember(base, u"mediaType", QJsonValue()) << malformed;
    QTest::addRow("digest null") << withMember(base, u"digest", QJsonValue()) << malformed;
    QTest::addRow("digest a number") << withMember(base, u"digest", 256) << malformed;
    QTest::addRow("digest with a path") << withMember(base, u"digest", u"sha256:../../etc/passwd"_s)
                                        << codeName(Error::Code::InvalidDigest);
    QTest::addRow("urls a string") << withMember(base, u"urls", u"https://example.com/a"_s) << malformed;
    QTest::addRow("urls with a number") << withMember(base, u"urls", QJsonArray{1}) << malformed;
    QTest::addRow("urls relative") << withMember(base, u"urls", QJsonArray{u"blobs/a"_s}) << malformed;
    QTest::addRow("urls absolute") << withMember(base, u"urls", QJsonArray{u"https://example.com/a"_s}) << ok;
    QTest::addRow("annotations a list") << withMember(base, u"annotations", QJsonArray()) << malformed;
    QTest::addRow("annotation a number") << withMember(base, u"annotations.a", 1) << malformed;
    QTest::addRow("annotations null") << withMember(base, u"annotations", QJsonValue()) << ok;
    QTest::addRow("platform a string") << withMember(base, u"platform", u"linux/amd64"_s) << malformed;
    QTest::addRow("platform os a number") << withMember(withMember(base, u"platform.os", 1), u"platform.architecture", u"amd64"_s)
                                          << malformed;
    QTest::addRow("platform without os") << withMember(base, u"platform.architecture", u"amd64"_s) << malformed;
    QTest::addRow("data matches") << withMember(base, u"data", u"YQ=="_s) << ok;
    QTest::addRow("data unpadded") << withMember(base, u"data", u"YQ"_s) << malformed;
    QTest::addRow("data padding in the middle") << withMember(base, u"data", u"YQ==YQ=="_s) << malformed;
    QTest::addRow("data with a space") << withMember(base, u"data", u"Y Q=="_s) << malformed;
    QTest::addRow("data url-safe alphabet") << withMember(base, u"data", u"-_8="_s) << malformed;
    QTest::addRow("data a number") << withMember(base, u"data", 1) << malformed;
    QTest::addRow("data wrong size") << withMember(base, u"data", u"YWI="_s) << codeName(Error::Code::SizeMismatch);
    QTest::addRow("data wrong content") << withMember(base, u"data", u"Yg=="_s) << codeName(Error::Code::DigestMismatch);
    QTest::addRow("data, empty blob") << QByteArray(
        R"({"mediaType":"application/vnd.oci.empty.v1+json","size":0,"data":"",)"
        R"("digest":"sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"})")
                                      << ok;
    QTest::addRow("data with an unverifiable digest")
        << withMember(withMember(base, u"data", u"YQ=="_s), u"digest", u"sha256+b64:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564"_s)
        << codeName(Error::Code::UnsupportedDigest);
    QTest::addRow("unknown fields are ignored") << withMember(base, u"x-wharf", QJsonObject{{u"a"_s, 1}}) << ok;
    QTest::addRow("artifactType empty") << withMember(base, u"artifactType", QString()) << malformed;
    QTest::addRow("not an object") << QByteArray("[]") << malformed;
}

void tst_Documents::descriptorFields()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseDescriptor(bytes), expected);
}

void tst_Documents::descriptorAttestation()
{
    const QJsonObject base{{u"mediaType"_s, QString(MediaTypes::OciManifest)},
                           {u"size"_s, 566},
                           {u"digest"_s, u"sha256:28d150a085778a307404359779e0b9b3c670597b4286cba4c66f052edbb1ecaa"_s}};
    const QString target = u"sha256:03b62250a3cb1abd125271d393fc08bf0cc713391eda6b57c02d1ef85efcc25c"_s;

    auto plain = Descriptor::fromJson(base);
    QVERIFY(plain);
    QVERIFY(!plain->isAttestation());
    QVERIFY(!plain->platform);

    QJsonObject byAnnotation = base;
    byAnnotation.insert(u"annotations"_s,
                        QJsonObject{{u"vnd.docker.reference.type"_s, u"attestation-manifest"_s},
                                    {u"vnd.docker.reference.digest"_s, target}});
    auto annotated = Descriptor::fromJson(byAnnotation);
    QVERIFY(annotated);
    QVERIFY(annotated->isAttestation());
    QCOMPARE(annotated->attestedDigest().toString(), target);

    QJsonObject byPlatform = base;
    byPlatform.insert(u"platform"_s, QJsonObject{{u"os"_s, u"unknown"_s}, {u"architecture"_s, u"unknown"_s}});
    auto unknown = Descriptor::fromJson(byPlatform);
    QVERIFY(unknown);
    QVERIFY(unknown->isAttestation());
    QVERIFY(!unknown->attestedDigest().isValid());

    QJsonObject badTarget = byAnnotation;
    badTarget.insert(u"annotations"_s,
                     QJsonObject{{u"vnd.docker.reference.type"_s, u"attestation-manifest"_s},
                                 {u"vnd.docker.reference.digest"_s, u"sha256:../../x"_s}});
    auto bad = Descriptor::fromJson(badTarget);
    QVERIFY(bad);
    QVERIFY(!bad->attestedDigest().isValid());

    QJsonObject runnable = base;
    runnable.insert(u"platform"_s,
                    QJsonObject{{u"os"_s, u"linux"_s},
                                {u"architecture"_s, u"arm64"_s},
                                {u"variant"_s, u"v8"_s},
                                {u"os.features"_s, QJsonArray{u"x"_s}}});
    auto arm = Descriptor::fromJson(runnable);
    QVERIFY(arm);
    QVERIFY(!arm->isAttestation());
    QVERIFY(arm->platform);
    QCOMPARE(arm->platform->architecture, u"arm64"_s);

    QJsonObject badFeatures = runnable;
    badFeatures.insert(u"platform"_s,
                       QJsonObject{{u"os"_s, u"windows"_s}, {u"architecture"_s, u"amd64"_s}, {u"os.features"_s, u"win32k"_s}});
    QCOMPARE(outcome(Descriptor::fromJson(badFeatures)), codeName(Error::Code::MalformedDocument));
}

void tst_Documents::descriptorRoundTrip()
{
    const QJsonObject json{
        {u"mediaType"_s, u"text/plain"_s},
        {u"size"_s, 34},
        {u"digest"_s, u"sha256:2690af59371e9eca9453dc29882643f46e5ca47ec2862bd517b5e17351325153"_s},
        {u"data"_s, u"aHR0cHM6Ly9naXRodWIuY29tL29wZW5jb250YWluZXJzCg=="_s},
        {u"urls"_s, QJsonArray{u"https://example.com/a"_s}},
        {u"artifactType"_s, u"application/vnd.example.sbom.v1"_s},
        {u"annotations"_s, QJsonObject{{u"k"_s, u"v"_s}}},
        {u"platform"_s, QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, u"amd64"_s}}},
    };
    auto parsed = Descriptor::fromJson(json);
    QVERIFY2(parsed, detail(parsed).constData());
    QVERIFY(parsed->data == QByteArray("https://github.com/opencontainers\n"));
    auto again = Descriptor::fromJson(parsed->toJson());
    QVERIFY2(again, detail(again).constData());
    QVERIFY(*again == *parsed);
}

// ---------------------------------------------------------------------------------------------
// Config details beyond the schema vectors (starting from the minimal valid vector).

void tst_Documents::configFields_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const QByteArray base = readFixture(u"oci/image-spec-schema-tests/config-08-valid-valid-config-with-only-required-fields.json"_s);
    const QString ok = kOk;
    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QJsonValue undefined(QJsonValue::Undefined);
    const QJsonValue null;

    QTest::addRow("base") << base << ok;
    QTest::addRow("Docker nulls") << toBytes(
        withMember(withMember(withMember(withMember(withMember(toObject(base), u"config.Env", null), u"config.Labels", null),
                                         u"config.Volumes", null),
                              u"config.Entrypoint", null),
                   u"config.Cmd", null))
                                  << ok;
    QTest::addRow("config null") << withMember(base, u"config", null) << ok;
    QTest::addRow("architecture missing") << withMember(base, u"architecture", undefined) << malformed;
    QTest::addRow("architecture null") << withMember(base, u"architecture", null) << malformed;
    QTest::addRow("os missing") << withMember(base, u"os", undefined) << malformed;
    QJsonObject features = toObject(base); // "os.features" has a dot in its name: no withMember()
    features.insert(u"os.features"_s, u"x"_s);
    QTest::addRow("os.features a string") << toBytes(features) << malformed;
    features.insert(u"os.features"_s, QJsonArray{u"win32k"_s});
    QTest::addRow("os.features a list") << toBytes(features) << ok;
    QTest::addRow("created a number") << withMember(base, u"created", 1) << malformed;
    QTest::addRow("author a list") << withMember(base, u"author", QJsonArray()) << malformed;
    QTest::addRow("config a list") << withMember(base, u"config", QJsonArray()) << malformed;
    QTest::addRow("Env entry without =") << withMember(base, u"config.Env", QJsonArray{u"PATH"_s}) << malformed;
    QTest::addRow("Env entry with empty value") << withMember(base, u"config.Env", QJsonArray{u"EMPTY="_s}) << ok;
    QTest::addRow("Entrypoint a string") << withMember(base, u"config.Entrypoint", u"/bin/sh"_s) << malformed;
    QTest::addRow("Cmd with a number") << withMember(base, u"config.Cmd", QJsonArray{1}) << malformed;
    QTest::addRow("Labels with a number") << withMember(base, u"config.Labels.a", 1) << malformed;
    QTest::addRow("ExposedPorts a list") << withMember(base, u"config.ExposedPorts", QJsonArray{u"80/tcp"_s}) << malformed;
    QTest::addRow("ExposedPorts value a string")
        << withMember(base, u"config.ExposedPorts", QJsonObject{{u"80/tcp"_s, u"x"_s}}) << malformed;
    QTest::addRow("StopSignal a number") << withMember(base, u"config.StopSignal", 9) << malformed;
    QTest::addRow("ArgsEscaped a string") << withMember(base, u"config.ArgsEscaped", u"true"_s) << malformed;
    QTest::addRow("WorkingDir a number") << withMember(base, u"config.WorkingDir", 1) << malformed;
    QTest::addRow("rootfs missing") << withMember(base, u"rootfs", undefined) << malformed;
    QTest::addRow("rootfs.type other") << withMember(base, u"rootfs.type", u"layers+zfs"_s) << malformed;
    QTest::addRow("rootfs.type missing") << withMember(base, u"rootfs.type", undefined) << malformed;
    QTest::addRow("diff_ids missing") << withMember(base, u"rootfs.diff_ids", undefined) << malformed;
    QTest::addRow("diff_ids empty") << withMember(base, u"rootfs.diff_ids", QJsonArray()) << ok;
    QTest::addRow("diff_id invalid") << withMember(base, u"rootfs.diff_ids", QJsonArray{u"sha256:1234"_s})
                                     << codeName(Error::Code::InvalidDigest);
    QTest::addRow("diff_id unverifiable") << withMember(base, u"rootfs.diff_ids",
                                                        QJsonArray{u"sha256+b64:LCa0a2j_xo_5m0U8HTBBNBNCLXBkg7-g-YpeiGJm564"_s})
                                          << codeName(Error::Code::UnsupportedDigest);
    QTest::addRow("history entry a string") << withMember(base, u"history", QJsonArray{u"RUN x"_s}) << malformed;
    QTest::addRow("history created_by a number")
        << withMember(base, u"history", QJsonArray{QJsonObject{{u"created_by"_s, 1}}}) << malformed;
    QTest::addRow("history empty_layer a string")
        << withMember(base, u"history", QJsonArray{QJsonObject{{u"empty_layer"_s, u"true"_s}}}) << malformed;
    QTest::addRow("history null") << withMember(base, u"history", null) << ok;
    QTest::addRow("not an object") << QByteArray("[]") << malformed;
    QTest::addRow("not JSON") << QByteArray("{") << malformed;
}

void tst_Documents::configFields()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseConfig(bytes), expected);
}

void tst_Documents::configValues()
{
    auto parsed = parseConfig(readFixture(u"oci/image-spec-schema-tests/config-07-valid-valid-config-with-optional-fields.json"_s));
    QVERIFY2(parsed, detail(parsed).constData());
    const ImageConfig &c = *parsed;
    QCOMPARE(c.architecture, u"arm64"_s);
    QCOMPARE(c.variant, u"v8"_s);
    QCOMPARE(c.os, u"linux"_s);
    QCOMPARE(c.author, u"Alyssa P. Hacker <alyspdev@example.com>"_s);
    // 22:22:56.015925234 in the document; QDateTime rounds to milliseconds.
    QCOMPARE(c.created, QDateTime(QDate(2015, 10, 31), QTime(22, 22, 56, 16), Qt::UTC));
    QCOMPARE(c.config.user, u"1:1"_s);
    QCOMPARE(c.config.exposedPorts, QStringList{u"8080/tcp"_s});
    QCOMPARE(c.config.env.size(), 3);
    QCOMPARE(c.config.entrypoint, QStringList{u"/bin/sh"_s});
    QCOMPARE(c.config.cmd.size(), 3);
    QCOMPARE(c.config.volumes, (QStringList{u"/var/job-result-data"_s, u"/var/log/my-app-logs"_s}));
    QCOMPARE(c.config.stopSignal, u"SIGKILL"_s);
    QCOMPARE(c.config.workingDir, u"/home/alice"_s);
    QCOMPARE(c.config.labels.value(u"com.example.project.git.commit"_s), u"45a939b2999782a3f005621a8d0f29aa387e1d6b"_s);
    QCOMPARE(c.diffIds.size(), 2);
    QCOMPARE(c.history.size(), 2);
    QVERIFY(!c.history.at(0).emptyLayer);
    QVERIFY(c.history.at(1).emptyLayer);
    QCOMPARE(c.nonEmptyHistoryCount(), 1);

    auto httpd = parseConfig(readFixture(u"registry/registry_docker_config_httpd_2.4.23.json"_s));
    QVERIFY2(httpd, detail(httpd).constData());
    QVERIFY(httpd->config.argsEscaped);
    QCOMPARE(httpd->config.exposedPorts, QStringList{u"80/tcp"_s});
    QVERIFY(httpd->config.env.contains(
        u"HTTPD_BZ2_URL=https://www.apache.org/dyn/closer.cgi?action=download&filename=httpd/httpd-2.4.23.tar.bz2"_s));
}

// ---------------------------------------------------------------------------------------------
// History merge (hub-and-registry-api.md §1.9).

void tst_Documents::httpdHistoryMerge()
{
    auto config = parseConfig(readFixture(u"registry/registry_docker_config_httpd_2.4.23.json"_s));
    QVERIFY2(config, detail(config).constData());
    // There is no matching httpd manifest among the fixtures; five layers stand in for it.
    ImageManifest manifest;
    manifest.mediaType = MediaTypes::DockerManifest;
    for (int i = 0; i < 5; ++i)
        manifest.layers.append(layerDescriptor(i));

    // 15 history entries (the reference notes say 16; the capture has 15), 5 of them layers.
    QCOMPARE(config->history.size(), 15);
    QCOMPARE(config->nonEmptyHistoryCount(), 5);

    const ImageHistory history = mergeHistory(manifest, *config);
    QVERIFY(history.instructionsMatchLayers);
    QVERIFY(history.diffIdsMatchLayers);
    QCOMPARE(history.rows.size(), 15);

    QList<qsizetype> layerRows;
    qsizetype cursor = 0;
    for (qsizetype i = 0; i < history.rows.size(); ++i) {
        const HistoryRow &row = history.rows.at(i);
        QCOMPARE(row.createdBy, config->history.at(i).createdBy);
        QCOMPARE(row.emptyLayer, config->history.at(i).emptyLayer);
        QCOMPARE(row.layer.has_value(), !row.emptyLayer);
        QCOMPARE(row.diffId.has_value(), !row.emptyLayer);
        if (row.layer) {
            QCOMPARE(*row.layer, manifest.layers.at(cursor));
            QCOMPARE(*row.diffId, config->diffIds.at(cursor));
            ++cursor;
            layerRows.append(i);
        }
    }
    QCOMPARE(cursor, 5);
    QCOMPARE(layerRows, (QList<qsizetype>{0, 4, 6, 11, 12}));
    QCOMPARE(history.rows.at(1).instruction(), u"CMD [\"/bin/bash\"]"_s);
    QCOMPARE(history.rows.at(4).instruction(), history.rows.at(4).createdBy); // RUN steps keep their shell form
    QCOMPARE(history.rows.at(14).created, QDateTime(QDate(2016, 9, 23), QTime(23, 20, 45, 790), Qt::UTC));
}

void tst_Documents::helloWorldHistoryMerge()
{
    const QByteArray manifestBytes = readFixture(u"registry/registry_oci_manifest_hello-world_amd64_2025-01.json"_s);
    const auto manifest = std::get<ImageManifest>(*parseManifest(manifestBytes, QString(MediaTypes::OciManifest)));
    auto config = parseConfig(readFixture(u"registry/registry_oci_config_hello-world_amd64_2025-01.json"_s));
    QVERIFY(config);
    const ImageHistory history = mergeHistory(manifest, *config);
    QVERIFY(history.instructionsMatchLayers);
    QCOMPARE(history.rows.size(), 2);
    QCOMPARE(history.rows.at(0).instruction(), u"COPY hello / # buildkit"_s);
    QCOMPARE(history.rows.at(0).comment, u"buildkit.dockerfile.v0"_s);
    QCOMPARE(history.rows.at(0).layer->digest, manifest.layers.first().digest);
    QCOMPARE(history.rows.at(0).diffId->toString(), u"sha256:63a41026379f4391a306242eb0b9f26dc3550d863b7fdbb97d899f6eb89efe72"_s);
    QVERIFY(history.rows.at(1).emptyLayer);
    QVERIFY(!history.rows.at(1).layer);
    QCOMPARE(history.rows.at(1).instruction(), u"CMD [\"/hello\"]"_s);
}

void tst_Documents::historyFallback()
{
    auto config = parseConfig(readFixture(u"registry/registry_docker_config_httpd_2.4.23.json"_s));
    QVERIFY(config);

    // Four layers against five layer-producing steps: instructions cannot be placed.
    ImageManifest manifest;
    for (int i = 0; i < 4; ++i)
        manifest.layers.append(layerDescriptor(i));
    ImageHistory history = mergeHistory(manifest, *config);
    QVERIFY(!history.instructionsMatchLayers);
    QVERIFY(!history.diffIdsMatchLayers);
    QCOMPARE(history.rows.size(), 4);
    for (qsizetype i = 0; i < 4; ++i) {
        QCOMPARE(*history.rows.at(i).layer, manifest.layers.at(i));
        QVERIFY(history.rows.at(i).createdBy.isEmpty());
        QVERIFY(!history.rows.at(i).diffId);
    }

    // No history at all, diff_ids right: layers with their diff_ids, no instructions.
    ImageConfig noHistory = *config;
    noHistory.history.clear();
    manifest.layers.append(layerDescriptor(4));
    history = mergeHistory(manifest, noHistory);
    QVERIFY(!history.instructionsMatchLayers);
    QVERIFY(history.diffIdsMatchLayers);
    QCOMPARE(history.rows.size(), 5);
    QCOMPARE(*history.rows.at(4).diffId, config->diffIds.at(4));

    // History right, diff_ids short: instructions placed, no diff_ids.
    ImageConfig shortDiffIds = *config;
    shortDiffIds.diffIds.removeLast();
    history = mergeHistory(manifest, shortDiffIds);
    QVERIFY(history.instructionsMatchLayers);
    QVERIFY(!history.diffIdsMatchLayers);
    QCOMPARE(history.rows.size(), 15);
    QVERIFY(history.rows.at(0).layer);
    QVERIFY(!history.rows.at(0).diffId);

    // Nothing at all: nothing to disagree about.
    history = mergeHistory(ImageManifest(), ImageConfig());
    QVERIFY(history.instructionsMatchLayers);
    QVERIFY(history.rows.isEmpty());
}

// ---------------------------------------------------------------------------------------------
// Digest strings: go-digest's TestParseDigest table and the authored adversarial list.

void tst_Documents::digestStrings_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("expected");

    const QJsonObject vectors = readFixtureJson(u"oci/digest-strings/digest-strings.json"_s).toObject();
    // go-digest error → Wharf code. Length and format errors are both InvalidDigest.
    const QHash<QString, QString> upstream{
        {u"ErrDigestInvalidFormat"_s, codeName(Error::Code::InvalidDigest)},
        {u"ErrDigestInvalidLength"_s, codeName(Error::Code::InvalidDigest)},
        {u"ErrDigestUnsupported"_s, codeName(Error::Code::UnsupportedDigest)},
    };
    int row = 0;
    for (const QJsonValue &value : vectors.value("upstream_go_digest"_L1).toObject().value("cases"_L1).toArray()) {
        const QJsonObject c = value.toObject();
        const QString expect = c.value("expect"_L1).toString();
        // "valid (only if sha384 supported …)": Wharf supports sha384.
        const QString expected = expect.startsWith("valid"_L1) ? kOk : upstream.value(expect);
        QVERIFY2(!expected.isEmpty(), qPrintable(expect));
        QTest::addRow("upstream %d", row++) << c.value("input"_L1).toString() << expected;
    }
    row = 0;
    for (const QJsonValue &value : vectors.value("adversarial_authored"_L1).toObject().value("cases"_L1).toArray()) {
        const QJsonObject c = value.toObject();
        QVERIFY(c.value("expect"_L1).toString().startsWith("reject"_L1));
        // All of them break the grammar or the sha256 encoding: never "merely unsupported".
        QTest::addRow("adversarial %d", row++) << c.value("input"_L1).toString() << codeName(Error::Code::InvalidDigest);
    }
}

void tst_Documents::digestStrings()
{
    QFETCH(QString, input);
    QFETCH(QString, expected);
    const auto parsed = Digest::parse(input);
    COMPARE_OUTCOME(parsed, expected);
    if (parsed)
        QCOMPARE(parsed->toString(), input);
}

// ---------------------------------------------------------------------------------------------
// Docker schema 1

// Two GETs of one manifest from docker-registry 2.8.2 (pushed by skopeo 1.9.3 --format v2s1):
// the registry signs it again on every GET, so the bytes differ, and Docker-Content-Digest names
// neither: it is the digest of the signed payload (data/schema1/README.md).
void tst_Documents::schema1SignedByRegistry()
{
    const Digest served = *Digest::parse(u"sha256:e5f33b81061a6468fcebfaf9cf203f37b99bd353de43fc46655e473eaae30758");
    const QByteArray first = readTestData(u"schema1/registry-2.8-get1.json"_s);
    const QByteArray second = readTestData(u"schema1/registry-2.8-get2.json"_s);
    QVERIFY(first != second);
    QVERIFY(Digest::sha256Of(first) != served);

    for (const QByteArray &bytes : {first, second}) {
        const auto digested = digestedManifestBytes(bytes, kSchema1Signed);
        QVERIFY2(digested, detail(digested).constData());
        QCOMPARE(Digest::sha256Of(*digested), served);
        QVERIFY(!digested->contains("signatures"));
        // So does a generic Content-Type (the shape says schema 1), with parameters or not.
        QCOMPARE(*digestedManifestBytes(bytes, u"application/json; charset=utf-8"), *digested);
        QCOMPARE(*digestedManifestBytes(bytes, kSchema1), *digested);
        // Other types hash the bytes as they are (and the parser refuses them).
        QCOMPARE(*digestedManifestBytes(bytes, QString(MediaTypes::OciManifest)), bytes);

        // Fetched by digest through a descriptor: verified over the payload too.
        Descriptor expected;
        expected.mediaType = kSchema1Signed;
        expected.digest = served;
        expected.size = digested->size();
        const auto byDescriptor = parseManifest(bytes, expected);
        QVERIFY2(byDescriptor, detail(byDescriptor).constData());

        const auto document = parseManifest(bytes, kSchema1Signed);
        QVERIFY2(document, detail(document).constData());
        const auto *schema1 = std::get_if<Schema1Manifest>(&*document);
        QVERIFY(schema1);
        QCOMPARE(schema1->mediaType, kSchema1Signed);
        QCOMPARE(schema1->name, u"s1"_s);
        QCOMPARE(schema1->tag, u"latest"_s);
        // fsLayers: [throwaway CMD, ADD hi, throwaway ENV]; one layer is left, base first.
        QVERIFY(schema1->image.isSchema1());
        QVERIFY(!schema1->image.isArtifact());
        QCOMPARE(schema1->image.layers.size(), 1);
        QCOMPARE(schema1->image.layers.at(0).digest.toString(),
                 u"sha256:098038a3ed88e0c6afad10d1b63f87923d3c32fab0e0df8b808e8cbe10f4da40"_s);
        QCOMPARE(schema1->image.layers.at(0).size, -1);
        QCOMPARE(schema1->image.layers.at(0).mediaType, QString(MediaTypes::DockerLayerGzip));
        QCOMPARE(schema1->image.totalLayerSize(), -1);
        QVERIFY(!schema1->image.config.digest.isValid());
        QCOMPARE(schema1->config.os, u"linux"_s);
        QCOMPARE(schema1->config.architecture, u"amd64"_s);
        QCOMPARE(schema1->config.config.cmd, QStringList{u"/bin/sh"_s});
        QVERIFY(schema1->config.diffIds.isEmpty());
        QCOMPARE(schema1->config.history.size(), 3);
        QCOMPARE(schema1->config.history.at(0).createdBy, u"ENV x"_s);
        QVERIFY(schema1->config.history.at(0).emptyLayer);
        QCOMPARE(schema1->config.history.at(1).createdBy, u"ADD hi"_s);
        QVERIFY(!schema1->config.history.at(1).emptyLayer);
        QCOMPARE(schema1->config.history.at(1).created.toUTC().toString(u"yyyy-MM-ddThh:mm:ss"_s), u"2026-12-06T13:55:46"_s);
        QVERIFY(schema1->config.history.at(2).emptyLayer);

        // What the Image pane shows: the steps line up with the layers, without diff_ids.
        const ImageHistory history = mergeHistory(schema1->image, schema1->config);
        QVERIFY(history.instructionsMatchLayers);
        QVERIFY(!history.diffIdsMatchLayers);
        QCOMPARE(history.rows.size(), 3);
        QVERIFY(!history.rows.at(0).layer);
        QCOMPARE(history.rows.at(1).layer->digest, schema1->image.layers.at(0).digest);
        QVERIFY(!history.rows.at(2).layer);
    }
}

// c/image's v2s1.everything.json: unsigned, one step, and that one thrown away.
void tst_Documents::schema1Everything()
{
    const QByteArray bytes = readFixture(u"oci/containers-image-manifest-fixtures/v2s1.everything.json"_s);
    QCOMPARE(*digestedManifestBytes(bytes, kSchema1Signed), bytes); // no signatures
    const auto document = parseManifest(bytes, kSchema1);
    QVERIFY2(document, detail(document).constData());
    const auto &schema1 = std::get<Schema1Manifest>(*document);
    QCOMPARE(schema1.name, u"registry.example/foo"_s);
    QCOMPARE(schema1.tag, u"notlatest"_s);
    QVERIFY(schema1.image.layers.isEmpty());
    QCOMPARE(schema1.image.totalLayerSize(), 0);
    QCOMPARE(schema1.config.architecture, u"a"_s);
    QCOMPARE(schema1.config.os, u"linux"_s); // not said: schema 1 predates Windows images
    QCOMPARE(schema1.config.author, u"author"_s);
    QCOMPARE(schema1.config.history.size(), 1);
    const ImageConfig::HistoryEntry &step = schema1.config.history.first();
    QCOMPARE(step.createdBy, u"cmd"_s);
    QCOMPARE(step.author, u"author"_s);
    QCOMPARE(step.comment, u"comment"_s);
    QCOMPARE(step.created.toUTC(), QDateTime(QDate(1970, 1, 1), QTime(0, 0, 1), Qt::UTC));
    QVERIFY(step.emptyLayer);
}

void tst_Documents::schema1Layers()
{
    const QByteArray unsignedBytes = QJsonDocument(schema1Image()).toJson(QJsonDocument::Indented);
    const QByteArray signedBytes = signSchema1(unsignedBytes);
    QCOMPARE(*digestedManifestBytes(signedBytes, kSchema1Signed), unsignedBytes);

    for (const auto &[bytes, type] : {std::pair(unsignedBytes, kSchema1), std::pair(signedBytes, kSchema1Signed)}) {
        const auto document = parseManifest(bytes, type);
        QVERIFY2(document, detail(document).constData());
        const auto &schema1 = std::get<Schema1Manifest>(*document);
        QCOMPARE(schema1.mediaType, type);
        // Base first, the thrown-away ENV and CMD left out.
        QCOMPARE(schema1.image.layers.size(), 2);
        QCOMPARE(schema1.image.layers.at(0).digest.toString(), schema1BlobSum(1));
        QCOMPARE(schema1.image.layers.at(1).digest.toString(), schema1BlobSum(2));
        QCOMPARE(schema1.config.history.size(), 4);
        QCOMPARE(schema1.config.history.at(0).createdBy, u"/bin/sh -c #(nop) ENV A=1"_s);
        QCOMPARE(schema1.config.history.at(2).createdBy, u"/bin/sh -c apt-get install -y curl"_s);
        QCOMPARE(schema1.config.nonEmptyHistoryCount(), 2);
        QCOMPARE(schema1.config.config.env, QStringList{u"PATH=/usr/bin:/bin"_s});
        QCOMPARE(schema1.config.config.labels.value(u"k"_s), u"v"_s);
        QVERIFY(schema1.config.created.isValid());
        const ImageHistory history = mergeHistory(schema1.image, schema1.config);
        QVERIFY(history.instructionsMatchLayers);
        QCOMPARE(history.rows.at(1).instruction(), u"ADD file:abc in /"_s);
        QCOMPARE(history.rows.at(1).layer->digest, schema1.image.layers.at(0).digest);
        QCOMPARE(history.rows.at(2).layer->digest, schema1.image.layers.at(1).digest);
    }

    // The manifest's own architecture wins over the step's (which old pushes may lack).
    QJsonObject other = schema1Image();
    other.insert(u"architecture"_s, u"arm64"_s);
    auto document = parseManifest(QJsonDocument(other).toJson(), kSchema1);
    QVERIFY(document);
    QCOMPARE(std::get<Schema1Manifest>(*document).config.architecture, u"arm64"_s);

    // A step Docker pushed twice in a row is one step (moby's fixManifestLayers).
    QList<QJsonObject> steps{schema1Step(u"ADD base"_s, false), schema1Step(u"RUN make"_s, false), schema1Step(u"RUN make"_s, false)};
    steps[0].insert(u"os"_s, u"linux"_s);
    steps[2].insert(u"id"_s, schema1Id(1));
    steps[2].insert(u"parent"_s, schema1Id(0));
    steps[2].insert(u"architecture"_s, u"amd64"_s);
    document = parseManifest(QJsonDocument(schema1Document(steps)).toJson(), kSchema1);
    QVERIFY2(document, detail(document).constData());
    QCOMPARE(std::get<Schema1Manifest>(*document).image.layers.size(), 2);
    QCOMPARE(std::get<Schema1Manifest>(*document).config.history.size(), 2);
}

void tst_Documents::schema1Malformed_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QString mismatch = codeName(Error::Code::MediaTypeMismatch);
    const QJsonObject image = schema1Image();
    const auto bytesOf = [](const QJsonObject &object) { return QJsonDocument(object).toJson(QJsonDocument::Compact); };
    const auto withHistory = [&](int index, const QJsonValue &v1) {
        QJsonArray history = image[u"history"_s].toArray();
        history[index] = QJsonObject{{u"v1Compatibility"_s, v1}};
        QJsonObject changed = image;
        changed.insert(u"history"_s, history);
        return bytesOf(changed);
    };
    const auto withStep = [&](int index, const QString &member, const QJsonValue &value) {
        QJsonObject step = QJsonDocument::fromJson(image[u"history"_s][index][u"v1Compatibility"_s].toString().toUtf8()).object();
        if (value.isUndefined())
            step.remove(member);
        else
            step.insert(member, value);
        return withHistory(index, QString::fromUtf8(QJsonDocument(step).toJson(QJsonDocument::Compact)));
    };
    const QJsonValue undefined(QJsonValue::Undefined);

    QTest::addRow("valid") << bytesOf(image) << kSchema1;
    QTest::addRow("schemaVersion 2") << withMember(bytesOf(image), u"schemaVersion", 2) << malformed;
    QTest::addRow("schemaVersion a string") << withMember(bytesOf(image), u"schemaVersion", u"1"_s) << malformed;
    QTest::addRow("no schemaVersion") << withMember(bytesOf(image), u"schemaVersion", undefined) << malformed;
    QTest::addRow("no fsLayers") << withMember(bytesOf(image), u"fsLayers", undefined) << malformed;
    QTest::addRow("no history") << withMember(bytesOf(image), u"history", undefined) << malformed;
    QTest::addRow("fsLayers an object") << withMember(bytesOf(image), u"fsLayers", QJsonObject()) << malformed;
    QTest::addRow("both empty") << bytesOf(schema1Document({})) << malformed;
    QTest::addRow("one layer short") << withMember(bytesOf(image), u"fsLayers", QJsonArray{QJsonObject{{u"blobSum"_s, schema1BlobSum(0)}}})
                                     << malformed;
    QTest::addRow("fsLayers entry a string") << withMember(bytesOf(image), u"fsLayers", QJsonArray{u"a"_s, u"b"_s, u"c"_s, u"d"_s})
                                             << malformed;
    QTest::addRow("blobSum missing") << withMember(bytesOf(image), u"fsLayers",
                                                   QJsonArray{QJsonObject(), QJsonObject(), QJsonObject(), QJsonObject()})
                                     << malformed;
    QTest::addRow("blobSum not a digest") << bytesOf(schema1Document({schema1Step(u"x"_s, false)}, {u"sha256:xyz"_s}))
                                          << codeName(Error::Code::InvalidDigest);
    QTest::addRow("blobSum unverifiable") << bytesOf(
        schema1Document({schema1Step(u"x"_s, false)}, {u"md5:d41d8cd98f00b204e9800998ecf8427e"_s}))
                                          << codeName(Error::Code::UnsupportedDigest);
    QTest::addRow("v1Compatibility an object") << withHistory(1, QJsonObject{{u"id"_s, schema1Id(2)}}) << malformed;
    QTest::addRow("v1Compatibility not JSON") << withHistory(1, u"{\"id\": "_s) << malformed;
    QTest::addRow("v1Compatibility a list") << withHistory(1, u"[]"_s) << malformed;
    QTest::addRow("v1Compatibility names a field twice")
        << withHistory(3, u"{\"id\":\"%1\",\"id\":\"%2\"}"_s.arg(schema1Id(0), schema1Id(1))) << malformed;
    QTest::addRow("no id") << withStep(1, u"id"_s, undefined) << malformed;
    QTest::addRow("id not hex") << withStep(1, u"id"_s, u"../../etc"_s) << malformed;
    QTest::addRow("id upper case") << withStep(1, u"id"_s, schema1Id(2).toUpper()) << malformed;
    QTest::addRow("broken parent chain") << withStep(1, u"parent"_s, schema1Id(9)) << malformed;
    QTest::addRow("parent a number") << withStep(1, u"parent"_s, 3) << malformed;
    QTest::addRow("base names a parent") << withStep(3, u"parent"_s, schema1Id(9)) << malformed;
    QTest::addRow("an id twice, apart") << withStep(0, u"id"_s, schema1Id(1)) << malformed;
    QTest::addRow("throwaway a string") << withStep(2, u"throwaway"_s, u"yes"_s) << malformed;
    QTest::addRow("Cmd a string") << withStep(2, u"container_config"_s, QJsonObject{{u"Cmd"_s, u"make"_s}}) << malformed;
    QTest::addRow("created a number") << withStep(2, u"created"_s, 5) << malformed;
    QTest::addRow("config Env without =") << withStep(0, u"config"_s, QJsonObject{{u"Env"_s, QJsonArray{u"PATH"_s}}}) << malformed;
    QTest::addRow("os a number") << withStep(0, u"os"_s, 1) << malformed;
    QTest::addRow("a config member") << withMember(bytesOf(image), u"config", QJsonObject()) << mismatch;
    QTest::addRow("a layers member") << withMember(bytesOf(image), u"layers", QJsonArray()) << mismatch;
    QTest::addRow("a manifests member") << withMember(bytesOf(image), u"Manifests", QJsonArray()) << mismatch;
    QTest::addRow("FSLayers beside fsLayers") << withMember(bytesOf(image), u"FSLayers", QJsonArray()) << malformed;
    QTest::addRow("declares an OCI type") << withMember(bytesOf(image), u"mediaType", QString(MediaTypes::OciManifest)) << mismatch;
}

void tst_Documents::schema1Malformed()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseManifest(bytes, kSchema1), expected);
    // Signed, the same verdict: the payload is what is read.
    const QString signedExpected = expected == kSchema1 ? kSchema1Signed : expected;
    COMPARE_OUTCOME(parseManifest(signSchema1(bytes), kSchema1Signed), signedExpected);
}

// The JWS envelope around a signed manifest: every way it can be broken is one typed error, and
// the digest covers exactly the rebuilt payload.
void tst_Documents::schema1Signatures_data()
{
    QTest::addColumn<QByteArray>("bytes");
    QTest::addColumn<QString>("expected");

    const QString malformed = codeName(Error::Code::MalformedDocument);
    const QByteArray document = QJsonDocument(schema1Image()).toJson(QJsonDocument::Indented);
    const QByteArray compact = QJsonDocument(schema1Image()).toJson(QJsonDocument::Compact);
    const QString ok = kSchema1Signed;

    QTest::addRow("pretty, tail \"\\n}\"") << signSchema1(document) << ok;
    QTest::addRow("compact, tail \"}\"") << signSchema1(compact) << ok;
    QTest::addRow("two signatures") << signSchema1(document, {}, 2) << ok;
    QTest::addRow("signatures an object") << withMember(document, u"signatures", QJsonObject()) << malformed;
    QTest::addRow("no signature") << withMember(document, u"signatures", QJsonArray()) << malformed;
    QTest::addRow("signature a string") << withMember(document, u"signatures", QJsonArray{u"x"_s}) << malformed;
    QTest::addRow("no protected header") << withMember(document, u"signatures", QJsonArray{QJsonObject{{u"signature"_s, u"x"_s}}})
                                         << malformed;
    QTest::addRow("protected not base64url") << withMember(document, u"signatures", QJsonArray{QJsonObject{{u"protected"_s, u"!!!"_s}}})
                                             << malformed;
    QTest::addRow("protected not JSON") << withMember(document, u"signatures",
                                                      QJsonArray{QJsonObject{{u"protected"_s, base64Url("{\"formatLength\":")}}})
                                        << malformed;
    QTest::addRow("no formatLength") << signSchema1(document, {{u"formatLength"_s, QJsonValue()}}) << malformed;
    QTest::addRow("negative formatLength") << signSchema1(document, {{u"formatLength"_s, -1}}) << malformed;
    QTest::addRow("fractional formatLength") << signSchema1(document, {{u"formatLength"_s, 1.5}}) << malformed;
    QTest::addRow("formatLength past the end") << signSchema1(document, {{u"formatLength"_s, 1 << 30}}) << malformed;
    QTest::addRow("no formatTail") << signSchema1(document, {{u"formatTail"_s, QJsonValue()}}) << malformed;
    QTest::addRow("formatTail not base64url") << signSchema1(document, {{u"formatTail"_s, u"*"_s}}) << malformed;
    QTest::addRow("signatures disagree") << signSchema1(document, {{u"formatLength"_s, 10}}, 2) << malformed;
    // The payload is cut mid-document: not JSON.
    QTest::addRow("payload cut short") << signSchema1(document, {{u"formatLength"_s, 20}, {u"formatTail"_s, base64Url("}")}}) << malformed;
    // A signature over the whole document, its own signatures included.
    QByteArray selfSigned;
    qsizetype length = 0;
    for (int round = 0; round < 4; ++round) {
        const QJsonObject header{{u"formatLength"_s, length}, {u"formatTail"_s, base64Url("}")}};
        selfSigned = compact.chopped(1) + ",\"signatures\":[{\"protected\":\""
            + base64Url(QJsonDocument(header).toJson(QJsonDocument::Compact)).toLatin1() + "\"}]}";
        length = selfSigned.size() - 1;
    }
    QCOMPARE(*digestedManifestBytes(selfSigned, kSchema1Signed), selfSigned);
    QTest::addRow("payload keeps the signatures") << selfSigned << malformed;
}

void tst_Documents::schema1Signatures()
{
    QFETCH(QByteArray, bytes);
    QFETCH(QString, expected);
    COMPARE_OUTCOME(parseManifest(bytes, kSchema1Signed), expected);
    const auto digested = digestedManifestBytes(bytes, kSchema1Signed);
    if (expected == kSchema1Signed) {
        QVERIFY(digested);
        QCOMPARE(*digested,
                 QJsonDocument(schema1Image()).toJson(digested->contains('\n') ? QJsonDocument::Indented : QJsonDocument::Compact));
    }
}

// Counts the format allows but no real image has: bounded by the 4 MiB cap and refused or read
// in time linear in the size.
void tst_Documents::schema1AbsurdCounts()
{
    QList<QJsonObject> steps;
    for (int i = 0; i < 3000; ++i)
        steps.append(schema1Step(u"RUN step %1"_s.arg(i), i % 3 == 0));
    steps.last().insert(u"architecture"_s, u"amd64"_s);
    QElapsedTimer clock;
    clock.start();
    const QByteArray many = QJsonDocument(schema1Document(steps)).toJson(QJsonDocument::Compact);
    const auto document = parseManifest(signSchema1(many), kSchema1Signed);
    QVERIFY2(document, detail(document).constData());
    QCOMPARE(std::get<Schema1Manifest>(*document).image.layers.size(), 2000);
    QCOMPARE(std::get<Schema1Manifest>(*document).config.history.size(), 3000);
    QCOMPARE(std::get<Schema1Manifest>(*document).image.layers.first().digest.toString(), schema1BlobSum(1));
    QVERIFY2(clock.elapsed() < 5000, qPrintable(QString::number(clock.elapsed())));

    // 40,000 layers against four steps: refused on the counts.
    QJsonObject lopsided = schema1Image();
    QJsonArray fsLayers;
    for (int i = 0; i < 40'000; ++i)
        fsLayers.append(QJsonObject{{u"blobSum"_s, schema1BlobSum(0)}});
    lopsided.insert(u"fsLayers"_s, fsLayers);
    const QByteArray lopsidedBytes = QJsonDocument(lopsided).toJson(QJsonDocument::Compact);
    QVERIFY(lopsidedBytes.size() < kMaxManifestSize);
    COMPARE_OUTCOME(parseManifest(lopsidedBytes, kSchema1), codeName(Error::Code::MalformedDocument));

    // More steps than fit in 4 MiB: too large, signed or not.
    steps.clear();
    for (int i = 0; i < 20'000; ++i)
        steps.append(schema1Step(u"RUN step %1"_s.arg(i), false));
    const QByteArray huge = QJsonDocument(schema1Document(steps)).toJson(QJsonDocument::Compact);
    QVERIFY(huge.size() > kMaxManifestSize);
    COMPARE_OUTCOME(parseManifest(huge, kSchema1), codeName(Error::Code::TooLarge));
    COMPARE_OUTCOME(parseManifest(signSchema1(huge), kSchema1Signed), codeName(Error::Code::TooLarge));
    QCOMPARE(digestedManifestBytes(signSchema1(huge), kSchema1Signed).error().code(), Error::Code::TooLarge);
}

QTEST_GUILESS_MAIN(tst_Documents)
#include "tst_documents.moc"

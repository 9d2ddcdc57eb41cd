#include "BlobCdn.h"

#include <QCryptographicHash>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QMessageAuthenticationCode>
#include <QPointer>
#include <QRandomGenerator>
#include <QRegularExpression>
#include <QTcpSocket>
#include <QTimeZone>
#include <QUrlQuery>

#include <algorithm>
#include <optional>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;

// S3 SigV4 query authentication, as Cloudflare R2 signs Docker Hub's blob links.
constexpr QByteArrayView kAlgorithm = "AWS4-HMAC-SHA256";
constexpr QByteArrayView kScopeTail = "/auto/s3/aws4_request";
const QString kSignatureKey = u"X-Amz-Signature"_s;
const QStringList kRequiredKeys{u"X-Amz-Algorithm"_s, u"X-Amz-Credential"_s,    u"X-Amz-Date"_s,
                                u"X-Amz-Expires"_s,   u"X-Amz-SignedHeaders"_s, kSignatureKey};

// RFC 3986 encoding as SigV4 wants it: unreserved characters as they are, everything else %XX.
QByteArray uriEncode(const QString &text, QByteArrayView keep = {})
{
    return text.toUtf8().toPercentEncoding(keep.toByteArray());
}

// Sorted key=value pairs, both encoded, without the signature itself.
QByteArray canonicalQuery(QList<std::pair<QString, QString>> items)
{
    items.removeIf([](const auto &item) { return item.first == kSignatureKey; });
    std::ranges::sort(items);
    QByteArrayList pairs;
    for (const auto &[key, value] : items)
        pairs.append(uriEncode(key) + '=' + uriEncode(value));
    return pairs.join('&');
}

QByteArray hmac(QByteArrayView key, QByteArrayView message)
{
    return QMessageAuthenticationCode::hash(message.toByteArray(), key.toByteArray(), QCryptographicHash::Sha256);
}

QByteArray amzDate(const QDateTime &moment)
{
    return moment.toUTC().toString(u"yyyyMMdd'T'HHmmss'Z'"_s).toLatin1();
}

// What S3 sends with a refusal: <Error><Code>…</Code><Message>…</Message>…</Error>.
QByteArray s3Error(QByteArrayView code, QByteArrayView message, QByteArrayView extra = {})
{
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code.toByteArray() + "</Code><Message>" + message.toByteArray()
        + "</Message>" + extra.toByteArray() + "</Error>";
}

// The blob a request names: .../blobs/sha256:<hex> (the registry's form) or
// .../blobs/sha256/<2>/<hex>/data (the storage path Docker Hub's CDN links use).
QString digestInPath(const QString &path)
{
    static const QRegularExpression storagePath(u"/blobs/sha256/[0-9a-f]{2}/([0-9a-f]{64})/data$"_s);
    if (const QRegularExpressionMatch m = storagePath.match(path); m.hasMatch())
        return u"sha256:"_s + m.captured(1);
    const qsizetype at = path.lastIndexOf(u"/blobs/"_s);
    return at < 0 ? QString() : path.mid(at + 7);
}

struct ByteRange
{
    qint64 start;
    qint64 end;
}; // inclusive

// One `bytes=N-` or `bytes=N-M`; nullopt for anything else (which is then ignored, RFC 9110 §14.2).
std::optional<ByteRange> parseRange(const QByteArray &header, qint64 size, bool *unsatisfiable)
{
    static const QRegularExpression pattern(u"^bytes=(\\d+)-(\\d*)$"_s);
    const QRegularExpressionMatch m = pattern.match(QString::fromLatin1(header.trimmed()));
    if (!m.hasMatch())
        return std::nullopt;
    const qint64 start = m.captured(1).toLongLong();
    qint64 end = m.captured(2).isEmpty() ? size - 1 : m.captured(2).toLongLong();
    if (start >= size || end < start) {
        *unsatisfiable = true;
        return std::nullopt;
    }
    end = std::min(end, size - 1);
    return ByteRange{start, end};
}

// Streams a slice of a file into a response, a chunk at a time as the client's socket drains.
class FileStream final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(FileStream)
public:
    // `cutAfter` >= 0: stop after that many bytes, closing the connection or (`stall`) keeping it open.
    FileStream(HttpResponder &responder, const QString &path, qint64 start, qint64 length, qint64 *served, qint64 cutAfter = -1,
               bool stall = false)
        : QObject(&responder),
          m_responder(&responder),
          m_file(path),
          m_remaining(length),
          m_served(served),
          m_cutAt(cutAfter >= 0 && cutAfter < length ? length - cutAfter : -1),
          m_stall(stall)
    {
        // HttpServer keeps the connection's socket beside its responders.
        if (QObject *connection = responder.parent())
            m_socket = connection->findChild<QTcpSocket *>(QString(), Qt::FindDirectChildrenOnly);
        if (m_socket)
            connect(m_socket, &QTcpSocket::bytesWritten, this, &FileStream::pump);
        connect(&responder, &HttpResponder::connectionClosed, this, &QObject::deleteLater);
        if (!m_file.open(QIODevice::ReadOnly) || !m_file.seek(start))
            m_remaining = 0; // finish() closes the connection: the client sees a short body
    }

    void pump()
    {
        if (!m_responder)
            return;
        while (m_remaining > 0 && m_remaining != m_cutAt) {
            if (m_socket && m_socket->bytesToWrite() > kHighWater)
                return;
            qint64 want = std::min(kChunk, m_remaining);
            if (m_cutAt >= 0)
                want = std::min(want, m_remaining - m_cutAt);
            const QByteArray chunk = m_file.read(want);
            if (chunk.isEmpty())
                break;
            m_responder->writeBody(chunk);
            m_remaining -= chunk.size();
            *m_served += chunk.size();
        }
        if (m_socket)
            m_socket->disconnect(this);
        if (m_remaining > 0 && m_remaining == m_cutAt) {
            if (m_stall)
                return; // silent until the client hangs up (connectionClosed deletes this)
            m_responder->closeConnection();
            deleteLater();
            return;
        }
        m_responder->finish();
        deleteLater();
    }

private:
    QPointer<HttpResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_remaining;
    qint64 *m_served;
    qint64 m_cutAt; // m_remaining at which the body stops; -1: never
    bool m_stall;
};

} // namespace

BlobCdn::BlobCdn(QString storageRoot, QObject *parent) : QObject(parent), m_root(std::move(storageRoot)), m_http(new HttpServer(this))
{
    const quint64 secret[2] = {QRandomGenerator::global()->generate64(), QRandomGenerator::global()->generate64()};
    m_secret = QByteArray(reinterpret_cast<const char *>(secret), sizeof secret).toHex();
    m_http->setHandler([this](const HttpRequest &request, HttpResponder &responder) { handle(request, responder); });
    connect(m_http, &HttpServer::requestReceived, this, &BlobCdn::requestReceived);
}

bool BlobCdn::listen(QString *error)
{
    return m_http->listen(error);
}

QUrl BlobCdn::baseUrl() const
{
    return m_http->baseUrl();
}

QString BlobCdn::hostPort() const
{
    return u"127.0.0.1:%1"_s.arg(m_http->port());
}

void BlobCdn::clearRequests()
{
    m_http->clearRequests();
    m_statuses.clear();
    m_bytesServed = 0;
}

void BlobCdn::cutNextBodies(qint64 afterBytes, int count, bool stall)
{
    m_cutAfter = afterBytes;
    m_cutsLeft = count;
    m_cutStalls = stall;
}

QString BlobCdn::blobFile(const QString &storageRoot, QStringView digest)
{
    static const QRegularExpression sha256(u"^sha256:([0-9a-f]{64})$"_s);
    const QRegularExpressionMatch m = sha256.match(digest.toString());
    if (!m.hasMatch())
        return {};
    const QString hex = m.captured(1);
    return QDir(storageRoot).filePath(u"docker/registry/v2/blobs/sha256/"_s + hex.left(2) + u'/' + hex + u"/data"_s);
}

QByteArray BlobCdn::signature(const QByteArray &host, const QString &path, const QByteArray &query, const QByteArray &date) const
{
    const QByteArray canonicalRequest = "GET\n" + uriEncode(path, "/") + '\n' + query + "\nhost:" + host + "\n\nhost\nUNSIGNED-PAYLOAD";
    const QByteArray day = date.left(8);
    const QByteArray stringToSign = kAlgorithm.toByteArray() + '\n' + date + '\n' + day + kScopeTail.toByteArray() + '\n'
        + QCryptographicHash::hash(canonicalRequest, QCryptographicHash::Sha256).toHex();
    const QByteArray key = hmac(hmac(hmac(hmac(QByteArray("AWS4" + m_secret), day), "auto"), "s3"), "aws4_request");
    return hmac(key, stringToSign).toHex();
}

QUrl BlobCdn::signedLink(QStringView digest, const QDateTime &signedAt) const
{
    if (blobFile(m_root, digest).isEmpty())
        return {};
    const QString hex = digest.sliced(7).toString();
    const QString path = u"/registry-v2/docker/registry/v2/blobs/sha256/"_s + hex.left(2) + u'/' + hex + u"/data"_s;
    const QByteArray date = amzDate(signedAt);
    const QList<std::pair<QString, QString>> items{
        {u"X-Amz-Algorithm"_s, QString::fromLatin1(kAlgorithm)},
        {u"X-Amz-Credential"_s, u"wharf-testbed/"_s + QString::fromLatin1(date.left(8) + kScopeTail.toByteArray())},
        {u"X-Amz-Date"_s, QString::fromLatin1(date)},
        {u"X-Amz-Expires"_s, QString::number(m_lifetimeSeconds)},
        {u"X-Amz-SignedHeaders"_s, u"host"_s},
    };
    const QByteArray query = canonicalQuery(items);
    const QByteArray signatureHex = signature(hostPort().toLatin1(), path, query, date);
    return QUrl::fromEncoded(baseUrl().toEncoded() + uriEncode(path, "/") + '?' + query + "&X-Amz-Signature=" + signatureHex);
}

QByteArray BlobCdn::signatureProblem(const HttpRequest &request) const
{
    const QUrlQuery query = request.query();
    for (const QString &key : kRequiredKeys) {
        if (!query.hasQueryItem(key))
            return s3Error("AccessDenied",
                           "Query-string authentication version 4 requires the X-Amz-Algorithm, "
                           "X-Amz-Credential, X-Amz-Signature, X-Amz-Date, X-Amz-SignedHeaders, and "
                           "X-Amz-Expires parameters.");
    }
    const QByteArray date = query.queryItemValue(u"X-Amz-Date"_s, QUrl::FullyDecoded).toLatin1();
    const QByteArray expected =
        signature(request.header("Host"), request.path(), canonicalQuery(query.queryItems(QUrl::FullyDecoded)), date);
    if (query.queryItemValue(kSignatureKey, QUrl::FullyDecoded).toLatin1() != expected)
        return s3Error("SignatureDoesNotMatch",
                       "The request signature we calculated does not match the signature you "
                       "provided. Check your secret access key and signing method.");
    const QDateTime signedAt = QDateTime::fromString(QString::fromLatin1(date), u"yyyyMMdd'T'HHmmss'Z'"_s);
    const qint64 lifetime = query.queryItemValue(u"X-Amz-Expires"_s).toLongLong();
    QDateTime expires = signedAt;
    expires.setTimeZone(QTimeZone::utc());
    expires = expires.addSecs(lifetime);
    const QDateTime now = QDateTime::currentDateTimeUtc();
    if (!signedAt.isValid() || now > expires)
        return s3Error("AccessDenied", "Request has expired",
                       QByteArray("<X-Amz-Expires>" + QByteArray::number(lifetime) + "</X-Amz-Expires><Expires>"
                                  + expires.toString(Qt::ISODate).toLatin1() + "</Expires><ServerTime>"
                                  + now.toString(Qt::ISODate).toLatin1() + "</ServerTime>"));
    return {};
}

void BlobCdn::respond(HttpResponder &responder, int status, const QByteArray &body, const HttpHeaders &headers)
{
    m_statuses.append(status);
    responder.respond(status, body, headers);
}

void BlobCdn::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.method != "GET" && request.method != "HEAD") {
        respond(responder, 405, "GET or HEAD\n", {{"Content-Type", "text/plain"}, {"Allow", "GET, HEAD"}});
        return;
    }
    const HttpHeaders xml{{"Content-Type", "application/xml"}};
    if (m_refuseAuthorization && request.hasHeader("Authorization")) {
        respond(responder, 400, s3Error("InvalidRequest", "Missing x-amz-content-sha256"), xml);
        return;
    }
    if (m_requireSigned) {
        if (const QByteArray problem = signatureProblem(request); !problem.isEmpty()) {
            respond(responder, 403, problem, xml);
            return;
        }
    }
    const QString digest = digestInPath(request.path());
    const QString file = blobFile(m_root, digest);
    const qint64 size = file.isEmpty() ? -1 : QFileInfo(file).size();
    if (file.isEmpty() || !QFileInfo(file).isFile()) {
        respond(responder, 404, "no such blob\n", {{"Content-Type", "text/plain"}});
        return;
    }

    HttpHeaders headers{{"Content-Type", "application/octet-stream"},
                        {"Accept-Ranges", "bytes"},
                        {"Docker-Content-Digest", digest.toLatin1()}};
    qint64 start = 0;
    qint64 length = size;
    int status = 200;
    if (request.hasHeader("Range") && !m_ignoreRange) {
        bool unsatisfiable = false;
        const auto range = parseRange(request.header("Range"), size, &unsatisfiable);
        if (unsatisfiable) {
            respond(responder, 416, {}, {{"Content-Range", "bytes */" + QByteArray::number(size)}});
            return;
        }
        if (range) {
            status = 206;
            start = range->start;
            length = range->end - range->start + 1;
            headers.append(
                {"Content-Range",
                 "bytes " + QByteArray::number(range->start) + '-' + QByteArray::number(range->end) + '/' + QByteArray::number(size)});
        }
    }
    m_statuses.append(status);
    responder.writeHead(status, headers, length);
    if (request.method == "HEAD") {
        responder.finish();
        return;
    }
    qint64 cutAfter = -1;
    if (m_cutsLeft > 0 && length > m_cutAfter) { // bodies too short to cut do not count
        --m_cutsLeft;
        cutAfter = m_cutAfter;
    }
    auto *stream = new FileStream(responder, file, start, length, &m_bytesServed, cutAfter, m_cutStalls);
    stream->pump();
}

} // namespace wharf::testbed

#include "BlobCdn.moc"

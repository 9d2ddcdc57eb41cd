#include "BlobCdn.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QPointer>
#include <QRegularExpression>
#include <QTcpSocket>

#include <optional>

using namespace Qt::StringLiterals;

namespace wharf::testbed {

namespace {

constexpr qint64 kChunk = 64 * 1024;
constexpr qint64 kHighWater = 1024 * 1024;

struct ByteRange { qint64 start; qint64 end; }; // inclusive

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
    FileStream(HttpResponder &responder, const QString &path, qint64 start, qint64 length, qint64 *served)
        : QObject(&responder), m_responder(&responder), m_file(path), m_remaining(length), m_served(served)
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
        while (m_remaining > 0) {
            if (m_socket && m_socket->bytesToWrite() > kHighWater)
                return;
            const QByteArray chunk = m_file.read(std::min(kChunk, m_remaining));
            if (chunk.isEmpty())
                break;
            m_responder->writeBody(chunk);
            m_remaining -= chunk.size();
            *m_served += chunk.size();
        }
        if (m_socket)
            m_socket->disconnect(this);
        m_responder->finish();
        deleteLater();
    }

private:
    QPointer<HttpResponder> m_responder;
    QPointer<QTcpSocket> m_socket;
    QFile m_file;
    qint64 m_remaining;
    qint64 *m_served;
};

} // namespace

BlobCdn::BlobCdn(QString storageRoot, QObject *parent)
    : QObject(parent), m_root(std::move(storageRoot)), m_http(new HttpServer(this))
{
    m_http->setHandler([this](const HttpRequest &request, HttpResponder &responder) { handle(request, responder); });
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

QString BlobCdn::blobFile(const QString &storageRoot, QStringView digest)
{
    static const QRegularExpression sha256(u"^sha256:([0-9a-f]{64})$"_s);
    const QRegularExpressionMatch m = sha256.match(digest.toString());
    if (!m.hasMatch())
        return {};
    const QString hex = m.captured(1);
    return QDir(storageRoot).filePath(u"docker/registry/v2/blobs/sha256/"_s + hex.left(2) + u'/' + hex + u"/data"_s);
}

void BlobCdn::handle(const HttpRequest &request, HttpResponder &responder)
{
    if (request.method != "GET" && request.method != "HEAD") {
        responder.respond(405, "GET or HEAD\n", {{"Content-Type", "text/plain"}, {"Allow", "GET, HEAD"}});
        return;
    }
    const QString path = request.path();
    const qsizetype at = path.lastIndexOf(u"/blobs/"_s);
    const QString digest = at < 0 ? QString() : path.mid(at + 7);
    const QString file = blobFile(m_root, digest);
    const qint64 size = file.isEmpty() ? -1 : QFileInfo(file).size();
    if (file.isEmpty() || !QFileInfo(file).isFile()) {
        responder.respond(404, "no such blob\n", {{"Content-Type", "text/plain"}});
        return;
    }

    HttpHeaders headers{{"Content-Type", "application/octet-stream"},
                        {"Accept-Ranges", "bytes"},
                        {"Docker-Content-Digest", digest.toLatin1()}};
    qint64 start = 0;
    qint64 length = size;
    int status = 200;
    if (request.hasHeader("Range")) {
        bool unsatisfiable = false;
        const auto range = parseRange(request.header("Range"), size, &unsatisfiable);
        if (unsatisfiable) {
            responder.respond(416, {}, {{"Content-Range", "bytes */" + QByteArray::number(size)}});
            return;
        }
        if (range) {
            status = 206;
            start = range->start;
            length = range->end - range->start + 1;
            headers.append({"Content-Range", "bytes " + QByteArray::number(range->start) + '-'
                                                 + QByteArray::number(range->end) + '/' + QByteArray::number(size)});
        }
    }
    responder.writeHead(status, headers, length);
    if (request.method == "HEAD") {
        responder.finish();
        return;
    }
    auto *stream = new FileStream(responder, file, start, length, &m_bytesServed);
    stream->pump();
}

} // namespace wharf::testbed

#include "BlobCdn.moc"

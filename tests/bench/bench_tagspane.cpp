// The Tags pane at 10,000 tags, in the real window (issue 4's performance figures): how long from
// the tags response leaving the server to the first page painted in the Tags pane, how long a
// filter keystroke takes over 10,000 rows until the view is repainted, and how long loading all
// 10,000 takes when a person scrolls to the end. Both ways the window lists tags are measured:
//
//   * Docker Hub: the tags API, 100 tags a page with every detail, the next page fetched when the
//     view is scrolled to its end (fetchMore);
//   * any other registry: tags/list, all 10,000 names in one response, details fetched for the
//     rows on screen.
//
// Two loopback servers on their own thread stand in for Hub and the registry (prepared pages, so
// serving costs the window's thread nothing); the window is driven as a person would: search,
// pick the repository, scroll, type into the filter box. Every figure is taken from a timestamp
// the server takes just before it writes the response — so "response → painted" includes the
// loopback transfer — to the moment the window's repaint that showed it has returned.
// A benchmark, not a test: it prints figures against the targets and PASS/FAIL, and exits 1 on a
// FAIL only with --strict.
//
//   bench_tagspane [--rounds N] [--strict]          (QT_QPA_PLATFORM=offscreen, or under xvfb-run)
//   BENCH_DEBUG=1 prints every key: its time, the GUI thread's share of it, the repaints it caused.
#include "BenchSupport.h"

#include "HttpServer.h"
#include "MainWindow.h"
#include "SearchPane.h"
#include "StatePanel.h"
#include "TagsPane.h"
#include "hub/HubClient.h"
#include "itemmodels/SearchModel.h"
#include "itemmodels/TagListModel.h"
#include "pull/PullEngine.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include <QAbstractItemModel>
#include <QApplication>
#include <QCheckBox>
#include <QCryptographicHash>
#include <QDateTime>
#include <QHash>
#include <QHeaderView>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLineEdit>
#include <QListView>
#include <QMutex>
#include <QMutexLocker>
#include <QScrollBar>
#include <QSemaphore>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QThread>

#include <cstdio>
#include <memory>

using namespace wharf;
using namespace wharf::bench;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTags = 10'000;
constexpr int kHubPageSize = TagListModel::kHubPageSize;
constexpr double kFirstPageTargetMs = 300;
constexpr double kKeystrokeTargetMs = 30;
const QStringList kRepositories{u"bench/tags-a"_s, u"bench/tags-b"_s};

QString tagName(int i)
{
    // 10 majors × 100 minors × 10 patches, every 7th a flavour: what big official images look like.
    return u"%1.%2.%3"_s.arg(i / 1000).arg(i / 10 % 100).arg(i % 10) + (i % 7 == 0 ? u"-alpine"_s : QString());
}

QString digestOf(const QByteArray &bytes)
{
    return u"sha256:"_s + QString::fromLatin1(QCryptographicHash::hash(bytes, QCryptographicHash::Sha256).toHex());
}

QJsonObject hubTag(int i)
{
    // Every tenth tag is the same image as the one before it, so some rows have aliases.
    const QString digest = digestOf(tagName(i % 10 == 9 ? i - 1 : i).toUtf8());
    const QString when = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(qint64(i) * 600).toString(Qt::ISODate);
    QJsonArray images;
    for (const char *arch : {"amd64", "arm64"})
        images.append(QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, QString::fromLatin1(arch)},
                                  {u"digest"_s, digestOf(digest.toUtf8() + arch)}, {u"size"_s, 30'000'000 + i},
                                  {u"status"_s, u"active"_s}});
    return QJsonObject{{u"name"_s, tagName(i)}, {u"digest"_s, digest},
                       {u"media_type"_s, u"application/vnd.oci.image.index.v1+json"_s},
                       {u"full_size"_s, 30'000'000 + i}, {u"last_updated"_s, when}, {u"tag_last_pushed"_s, when},
                       {u"images"_s, images}};
}

// Hub's API and a registry's, on loopback, on a thread of their own. Responses are prepared
// before the first request; sent() says when the response to a path (with its page) went out.
class TagServers final : public QThread
{
    Q_DISABLE_COPY_MOVE(TagServers)
public:
    TagServers() = default;
    ~TagServers() override
    {
        quit();
        wait();
    }

    bool startServers()
    {
        start();
        m_ready.acquire();
        return m_hubPort != 0 && m_registryPort != 0;
    }
    [[nodiscard]] QString hubUrl() const { return u"http://127.0.0.1:%1"_s.arg(m_hubPort); }
    [[nodiscard]] QString registryHost() const { return u"127.0.0.1:%1"_s.arg(m_registryPort); }

    // When the response to `key` ("hub bench/tags-a 3", "registry bench/tags-a") was written.
    [[nodiscard]] std::optional<Clock::time_point> sent(const QString &key) const
    {
        const QMutexLocker lock(&m_mutex);
        const auto it = m_sent.constFind(key);
        return it == m_sent.cend() ? std::nullopt : std::optional(*it);
    }
    void forget()
    {
        const QMutexLocker lock(&m_mutex);
        m_sent.clear();
    }

protected:
    void run() override
    {
        HttpServer hub;
        HttpServer registry;
        if (!hub.listen() || !registry.listen()) {
            m_ready.release();
            return;
        }
        m_hubPort = hub.port();
        m_registryPort = registry.port();
        prepare(hub.baseUrl());
        hub.setHandler([this](const HttpRequest &request, HttpResponder &r) { answerHub(request, r); });
        registry.setHandler([this](const HttpRequest &request, HttpResponder &r) { answerRegistry(request, r); });
        m_ready.release();
        exec();
    }

private:
    static constexpr auto kJson = "application/json";

    void prepare(const QUrl &hubBase)
    {
        QJsonArray results;
        for (const QString &repository : kRepositories)
            results.append(QJsonObject{{u"repo_name"_s, repository}, {u"short_description"_s, u"10,000 tags"_s},
                                       {u"star_count"_s, 1}, {u"pull_count"_s, 1000}, {u"is_official"_s, false}});
        m_search = QJsonDocument(QJsonObject{{u"count"_s, results.size()}, {u"next"_s, QJsonValue::Null},
                                             {u"previous"_s, QJsonValue::Null}, {u"results"_s, results}})
                       .toJson(QJsonDocument::Compact);
        QJsonArray names;
        for (int i = 0; i < kTags; ++i)
            names.append(tagName(i));
        for (const QString &repository : kRepositories) {
            const QString path = u"/v2/repositories/"_s + repository + u"/tags/"_s;
            QList<QByteArray> pages;
            for (int first = 0, page = 1; first < kTags; first += kHubPageSize, ++page) {
                QJsonArray tags;
                for (int i = first; i < std::min(kTags, first + kHubPageSize); ++i)
                    tags.append(hubTag(i));
                QUrl next = hubBase;
                next.setPath(path);
                next.setQuery(u"page=%1&page_size=%2"_s.arg(page + 1).arg(kHubPageSize));
                pages.append(QJsonDocument(QJsonObject{{u"count"_s, kTags},
                                                       {u"next"_s, first + kHubPageSize < kTags ? QJsonValue(next.toString())
                                                                                                : QJsonValue::Null},
                                                       {u"previous"_s, QJsonValue::Null}, {u"results"_s, tags}})
                                 .toJson(QJsonDocument::Compact));
            }
            m_hubPages.insert(path, pages);
            m_details.insert(u"/v2/repositories/"_s + repository + u'/',
                             QJsonDocument(QJsonObject{{u"name"_s, repository.section(u'/', 1)},
                                                       {u"namespace"_s, repository.section(u'/', 0, 0)},
                                                       {u"description"_s, u"10,000 tags"_s},
                                                       {u"full_description"_s, u"# Many tags\n\nA benchmark repository."_s},
                                                       {u"star_count"_s, 1}, {u"pull_count"_s, 1000},
                                                       {u"last_updated"_s, u"2024-03-01T00:00:00Z"_s}})
                                 .toJson(QJsonDocument::Compact));
            m_tagLists.insert(u"/v2/"_s + repository + u"/tags/list"_s,
                              QJsonDocument(QJsonObject{{u"name"_s, repository}, {u"tags"_s, names}}).toJson(QJsonDocument::Compact));
        }
        QJsonArray repositories;
        for (const QString &repository : kRepositories)
            repositories.append(repository);
        m_catalog = QJsonDocument(QJsonObject{{u"repositories"_s, repositories}}).toJson(QJsonDocument::Compact);
        // Every tag is the same two-platform index, so the rows on screen get their details.
        QJsonArray manifests;
        for (const char *arch : {"amd64", "arm64"})
            manifests.append(QJsonObject{{u"mediaType"_s, u"application/vnd.oci.image.manifest.v1+json"_s},
                                         {u"digest"_s, digestOf(QByteArray("manifest-") + arch)}, {u"size"_s, 1234},
                                         {u"platform"_s, QJsonObject{{u"os"_s, u"linux"_s},
                                                                     {u"architecture"_s, QString::fromLatin1(arch)}}}});
        m_index = QJsonDocument(QJsonObject{{u"schemaVersion"_s, 2},
                                            {u"mediaType"_s, u"application/vnd.oci.image.index.v1+json"_s},
                                            {u"manifests"_s, manifests}})
                      .toJson(QJsonDocument::Compact);
    }

    void stamp(const QString &key)
    {
        const QMutexLocker lock(&m_mutex);
        m_sent.insert(key, Clock::now());
    }

    void answerHub(const HttpRequest &request, HttpResponder &r)
    {
        const QString path = request.path();
        if (path == u"/v2/search/repositories/")
            return r.respond(200, m_search, {{"Content-Type", kJson}});
        if (const auto it = m_details.constFind(path); it != m_details.cend())
            return r.respond(200, *it, {{"Content-Type", kJson}});
        if (const auto it = m_hubPages.constFind(path); it != m_hubPages.cend()) {
            const int page = std::max(1, request.query().queryItemValue(u"page"_s).toInt());
            if (page > it->size())
                return r.respond(404, R"({"detail":"Invalid page."})", {{"Content-Type", kJson}});
            stamp(u"hub "_s + path.section(u'/', 3, 4) + u' ' + QString::number(page));
            return r.respond(200, it->at(page - 1), {{"Content-Type", kJson}});
        }
        r.respond(404, R"({"detail":"Not found."})", {{"Content-Type", kJson}});
    }

    void answerRegistry(const HttpRequest &request, HttpResponder &r)
    {
        const QString path = request.path();
        if (path == u"/v2/")
            return r.respond(200, "{}", {{"Content-Type", kJson}});
        if (path == u"/v2/_catalog")
            return r.respond(200, m_catalog, {{"Content-Type", kJson}});
        if (const auto it = m_tagLists.constFind(path); it != m_tagLists.cend()) {
            stamp(u"registry "_s + path.section(u'/', 2, 3));
            return r.respond(200, *it, {{"Content-Type", kJson}});
        }
        if (path.contains(u"/manifests/"))
            return r.respond(200, m_index,
                             {{"Content-Type", "application/vnd.oci.image.index.v1+json"},
                              {"Docker-Content-Digest", digestOf(m_index).toLatin1()}});
        r.respond(404, R"({"errors":[{"code":"NAME_UNKNOWN","message":"repository name not known to registry"}]})",
                  {{"Content-Type", kJson}});
    }

    QSemaphore m_ready;
    quint16 m_hubPort = 0;
    quint16 m_registryPort = 0;
    QByteArray m_search;
    QByteArray m_catalog;
    QByteArray m_index;
    QHash<QString, QList<QByteArray>> m_hubPages;
    QHash<QString, QByteArray> m_details;
    QHash<QString, QByteArray> m_tagLists;
    mutable QMutex m_mutex;
    QHash<QString, Clock::time_point> m_sent;
};

struct Options
{
    int rounds = 7;
    bool strict = false;
};

class TagsPaneBench
{
public:
    TagsPaneBench(MainWindow &window, TagServers &servers, const Options &options)
        : m_window(window),
          m_servers(servers),
          m_options(options),
          m_view(window.tagsPane()->view()),
          m_frame(m_view->viewport()),
          m_repaints(&window, m_view->viewport())
    {
    }

    // Each a section of the output; false when something did not happen at all.
    bool hubFirstPage();
    bool hubScrollToEnd();
    bool keystrokes(const char *title);
    bool sortByHeader();
    bool registryFirstPage();

    [[nodiscard]] bool allPassed() const { return m_allPassed; }

private:
    bool pickRepository(const QString &repository);
    bool rowsPainted(int minimumRows, int timeoutMs = 10'000);
    void verdict(bool pass) { m_allPassed = m_allPassed && pass; }
    [[nodiscard]] int rows() const { return m_view->model()->rowCount(); }
    [[nodiscard]] bool showingRows() const
    {
        return rows() > 0 && m_window.tagsPane()->statePanel()->kind() == StatePanel::Kind::Content;
    }

    MainWindow &m_window;
    TagServers &m_servers;
    Options m_options;
    QTableView *m_view;
    FrameWatcher m_frame;
    WindowRepaints m_repaints;
    bool m_allPassed = true;
};

bool TagsPaneBench::pickRepository(const QString &repository)
{
    QListView *results = m_window.searchPane()->resultsView();
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        const QModelIndex index = results->model()->index(row, 0);
        if (index.data(SearchModel::ReferenceRole).toString().endsWith(u'/' + repository)) {
            results->setCurrentIndex(index);
            return true;
        }
    }
    std::fprintf(stderr, "bench_tagspane: %s is not among the search results\n", qPrintable(repository));
    return false;
}

bool TagsPaneBench::rowsPainted(int minimumRows, int timeoutMs)
{
    m_frame.arm([this, minimumRows] { return showingRows() && rows() >= minimumRows; });
    if (m_frame.waitForFrame(timeoutMs))
        return true;
    std::fprintf(stderr, "bench_tagspane: no frame with %d rows within %d ms (%d rows, %s)\n", minimumRows, timeoutMs,
                 rows(), qPrintable(m_window.tagModel()->errorMessage()));
    return false;
}

bool TagsPaneBench::hubFirstPage()
{
    std::printf("\nDocker Hub: tags API, %d tags a page, %d in all\n", kHubPageSize, kTags);
    QTest::keyClicks(m_window.searchPane()->queryEdit(), u"tags"_s);
    QTest::keyClick(m_window.searchPane()->queryEdit(), Qt::Key_Return);
    if (!waitUntil([this] { return m_window.searchModel()->rowCount() == kRepositories.size(); }, 10'000)) {
        std::fprintf(stderr, "bench_tagspane: the Hub search gave no results\n");
        return false;
    }
    QList<double> toRows, toFrame;
    for (int round = 0; round < m_options.rounds; ++round) {
        const QString repository = kRepositories.at(round % 2);
        m_servers.forget();
        std::optional<Clock::time_point> inserted;
        const QMetaObject::Connection c = QObject::connect(m_view->model(), &QAbstractItemModel::rowsInserted, m_view,
                                                          [&inserted] { if (!inserted) inserted = Clock::now(); });
        if (!pickRepository(repository))
            return false;
        const bool painted = rowsPainted(1);
        QObject::disconnect(c);
        const auto sent = m_servers.sent(u"hub "_s + repository + u" 1"_s);
        if (!painted || !sent || !inserted)
            return false;
        toRows.append(msBetween(*sent, *inserted));
        toFrame.append(msBetween(*sent, m_frame.frameDone()));
    }
    note("Tags view (viewport)", u"%1x%2"_s.arg(m_view->viewport()->width()).arg(m_view->viewport()->height()));
    note("rounds (repository picked, first page shown)", QString::number(toFrame.size()));
    note("response -> rows in the view's model, median", u"%1 ms"_s.arg(median(toRows), 0, 'f', 1));
    verdict(report("first page: response -> painted, median", median(toFrame), kFirstPageTargetMs, false));
    verdict(report("first page: response -> painted, max", maximum(toFrame), kFirstPageTargetMs, false));
    return true;
}

bool TagsPaneBench::hubScrollToEnd()
{
    // A person dragging the scroll bar to the end, again as each page lands, until all are there.
    const QString repository = m_window.tagModel()->repository().path();
    if (rows() >= kTags) {
        // Not this pane's doing: another view over the same model asked for every page as each
        // landed (the window then pulls all 100 pages at once, and the Tags pane's first frame
        // waits behind them). Say so, with how long the pages took.
        const auto first = m_servers.sent(u"hub "_s + repository + u" 1"_s);
        const auto last = m_servers.sent(u"hub "_s + repository + u' ' + QString::number(kTags / kHubPageSize));
        note("all tags loaded before any scrolling", u"yes: another view fetched every page"_s);
        if (first && last)
            note("  first page -> last page sent", u"%1 ms"_s.arg(msBetween(*first, *last), 0, 'f', 0));
        return true;
    }
    QScrollBar *bar = m_view->verticalScrollBar();
    QList<double> pages;
    const Clock::time_point started = Clock::now();
    for (int page = 2; rows() < kTags; ++page) {
        const int before = rows();
        m_frame.arm([this, before] { return rows() > before; });
        bar->setValue(bar->maximum());
        if (!m_frame.waitForFrame(10'000)) {
            std::fprintf(stderr, "bench_tagspane: scrolling to the end loaded nothing after %d rows\n", before);
            return false;
        }
        if (const auto sent = m_servers.sent(u"hub "_s + repository + u' ' + QString::number(page)))
            pages.append(msBetween(*sent, m_frame.frameDone()));
    }
    const double all = msBetween(started, Clock::now());
    note("all tags by scrolling to the end", u"%1 ms"_s.arg(all, 0, 'f', 0));
    note("  pages fetched (one request each)", QString::number(pages.size() + 1));
    note("  next page: response -> painted, median", u"%1 ms"_s.arg(median(pages), 0, 'f', 1));
    note("  next page: response -> painted, max", u"%1 ms"_s.arg(maximum(pages), 0, 'f', 1));
    return rows() == kTags;
}

bool TagsPaneBench::keystrokes(const char *title)
{
    // Typing into the filter box, each key one measured step: the key event, the proxy's filter
    // over all rows, the view's relayout, and the repaint that shows the result.
    struct Key
    {
        int key;
        char text;
    };
    const auto typed = [](const char *text) {
        QList<Key> keys;
        for (const char *c = text; *c; ++c)
            keys.append({0, *c});
        return keys;
    };
    const auto backspaces = [](int n) { return QList<Key>(n, Key{Qt::Key_Backspace, 0}); };
    const QList<Key> substring = typed("1.25") + backspaces(2) + typed("9") + backspaces(3) + typed("alpine") + backspaces(6);
    const QList<Key> regex = typed("^9\\.[0-4]") + backspaces(9);

    QLineEdit *filter = m_window.tagsPane()->filterEdit();
    QCheckBox *regexBox = m_window.tagsPane()->findChild<QCheckBox *>();
    filter->setFocus();
    QList<double> substringMs, regexMs, filterOnlyMs;
    int fewest = rows();
    struct
    {
        double ms = 0, runMs = 0, waitMs = 0;
        QString text;
    } worst;
    for (int round = 0; round < 3; ++round) {
        for (const bool isRegex : {false, true}) {
            regexBox->setChecked(isRegex);
            for (const Key &key : isRegex ? regex : substring) {
                m_repaints.settle();
                m_repaints.restart();
                const ThreadTimes before = ThreadTimes::now();
                const Clock::time_point pressed = Clock::now();
                if (key.key)
                    QTest::keyClick(filter, Qt::Key(key.key));
                else
                    QTest::keyClick(filter, key.text);
                filterOnlyMs.append(msBetween(pressed, Clock::now()));
                const ThreadTimes filtered = ThreadTimes::now() - before;
                m_repaints.settle();
                const WindowRepaints::Repaint *shown = m_repaints.firstShowing();
                if (!shown) {
                    std::fprintf(stderr, "bench_tagspane: no repaint after typing into the filter (\"%s\")\n",
                                 qPrintable(filter->text()));
                    return false;
                }
                const double ms = msBetween(pressed, shown->done);
                const ThreadTimes spent = shown->threadAtDone - before;
                (isRegex ? regexMs : substringMs).append(ms);
                if (ms > worst.ms)
                    worst = {ms, spent.runMs, spent.waitMs, filter->text()};
                if (qEnvironmentVariableIsSet("BENCH_DEBUG")) {
                    int viewRepaints = 0;
                    for (const WindowRepaints::Repaint &r : m_repaints.repaints())
                        viewRepaints += r.paintedInterest ? 1 : 0;
                    std::printf("    key -> \"%s\": shown %.1f ms (ran %.1f, waited %.1f; key+filter %.1f ms: ran %.1f, "
                                "waited %.1f); %lld repaints over %.1f ms, %d of the view; %d rows\n",
                                qPrintable(filter->text()), ms, spent.runMs, spent.waitMs, filterOnlyMs.last(),
                                filtered.runMs, filtered.waitMs,
                                qlonglong(m_repaints.repaints().size()),
                                msBetween(pressed, m_repaints.repaints().last().done), viewRepaints, rows());
                }
                fewest = std::min(fewest, rows());
            }
        }
    }
    regexBox->setChecked(false);
    if (!filter->text().isEmpty() || rows() != kTags) {
        std::fprintf(stderr, "bench_tagspane: the filter did not come back to all rows (%d)\n", rows());
        return false;
    }
    const QList<double> all = substringMs + regexMs;
    std::printf("\n%s: filter keystrokes over %d rows (%lld keys: \"1.25\", \"1.9\", \"alpine\" and back; regex "
                "\"^9\\.[0-4]\" and back; x3)\n",
                title, kTags, qlonglong(all.size()));
    note("  of which key event + proxy filter, median", u"%1 ms"_s.arg(median(filterOnlyMs), 0, 'f', 1));
    note("  substring keystroke -> painted, median / max",
         u"%1 / %2 ms"_s.arg(median(substringMs), 0, 'f', 1).arg(maximum(substringMs), 0, 'f', 1));
    note("  regex keystroke -> painted, median / max",
         u"%1 / %2 ms"_s.arg(median(regexMs), 0, 'f', 1).arg(maximum(regexMs), 0, 'f', 1));
    note("  fewest rows shown", QString::number(fewest));
    note("  slowest: key -> painted / GUI thread ran / waited",
         u"%1 / %2 / %3 ms"_s.arg(worst.ms, 0, 'f', 1).arg(worst.runMs, 0, 'f', 1).arg(worst.waitMs, 0, 'f', 1));
    note("  slowest key made the filter", u"\"%1\""_s.arg(worst.text));
    verdict(report("filter keystroke -> painted, median", median(all), kKeystrokeTargetMs, true));
    verdict(report("filter keystroke -> painted, max", maximum(all), kKeystrokeTargetMs, true));
    return true;
}

bool TagsPaneBench::sortByHeader()
{
    // Not a target of the issue; shown because it is the other thing a person does to 10,000 rows.
    QHeaderView *header = m_view->horizontalHeader();
    QList<double> ms;
    for (const int column : {2, 3, 0}) {
        m_repaints.settle();
        m_repaints.restart();
        const Clock::time_point clicked = Clock::now();
        QTest::mouseClick(header->viewport(), Qt::LeftButton, {},
                          QPoint(header->sectionViewportPosition(column) + header->sectionSize(column) / 2,
                                 header->height() / 2));
        m_repaints.settle();
        const WindowRepaints::Repaint *shown = m_repaints.firstShowing();
        if (!shown)
            return false;
        ms.append(msBetween(clicked, shown->done));
    }
    note("sort by a header click -> painted (size, pushed, tag)",
         u"%1 / %2 / %3 ms"_s.arg(ms[0], 0, 'f', 1).arg(ms[1], 0, 'f', 1).arg(ms[2], 0, 'f', 1));
    return true;
}

bool TagsPaneBench::registryFirstPage()
{
    std::printf("\nRegistry: tags/list, all %d names in one response, details for the rows on screen\n", kTags);
    SearchPane *search = m_window.searchPane();
    search->queryEdit()->clear();
    search->setRegistries({m_servers.registryHost()});
    search->setRegistry(m_servers.registryHost());
    if (!waitUntil([this] { return m_window.searchModel()->rowCount() == kRepositories.size(); }, 10'000)) {
        std::fprintf(stderr, "bench_tagspane: the catalog gave no results\n");
        return false;
    }
    QList<double> toRows, toFrame;
    for (int round = 0; round < m_options.rounds; ++round) {
        const QString repository = kRepositories.at(round % 2);
        m_servers.forget();
        std::optional<Clock::time_point> inserted;
        const QMetaObject::Connection c = QObject::connect(m_view->model(), &QAbstractItemModel::rowsInserted, m_view,
                                                          [&inserted] { if (!inserted) inserted = Clock::now(); });
        if (!pickRepository(repository))
            return false;
        const bool painted = rowsPainted(kTags);
        QObject::disconnect(c);
        const auto sent = m_servers.sent(u"registry "_s + repository);
        if (!painted || !sent || !inserted)
            return false;
        toRows.append(msBetween(*sent, *inserted));
        toFrame.append(msBetween(*sent, m_frame.frameDone()));
    }
    note("rounds (repository picked, first page shown)", QString::number(toFrame.size()));
    note("response -> rows in the view's model, median", u"%1 ms"_s.arg(median(toRows), 0, 'f', 1));
    verdict(report("all 10,000 rows: response -> painted, median", median(toFrame), kFirstPageTargetMs, false));
    verdict(report("all 10,000 rows: response -> painted, max", maximum(toFrame), kFirstPageTargetMs, false));
    // The rows on screen ask for their manifests; let those land before typing.
    waitUntil([this] { return m_window.tagModel()->detailRequestsInFlight() == 0; }, 5000);
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    std::setvbuf(stdout, nullptr, _IOLBF, 0); // lines stay whole next to Qt's warnings on stderr
    Options options;
    for (int i = 1; i < argc; ++i) {
        const QByteArray arg = argv[i];
        if (arg == "--rounds" && i + 1 < argc) {
            options.rounds = std::max(1, QByteArray(argv[++i]).toInt());
        } else if (arg == "--strict") {
            options.strict = true;
        } else if (arg == "-h" || arg == "--help") {
            std::printf("usage: bench_tagspane [--rounds N] [--strict]\n");
            return 0;
        } else if (!arg.startsWith("-platform") && !arg.startsWith("-")) {
            std::fprintf(stderr, "bench_tagspane: unknown argument %s (see --help)\n", argv[i]);
            return 2;
        }
    }

    QTemporaryDir home;
    if (!home.isValid())
        return 1;
    usePrivateHome(home.path());

    QApplication app(argc, argv);
    TagServers servers;
    if (!servers.startServers()) {
        std::fprintf(stderr, "bench_tagspane: cannot listen on loopback\n");
        return 1;
    }
    // Anything the window would ask docker.io's registry for (a selected tag) stays on loopback.
    qputenv("WHARF_DOCKERHUB_REGISTRY_URL", u"http://%1"_s.arg(servers.registryHost()).toUtf8());
    auto store = ImageStore::open(home.filePath(u"store"_s));
    if (!store) {
        std::fprintf(stderr, "bench_tagspane: %s\n", qPrintable(store.error().message()));
        return 1;
    }
    RegistryClient registry;
    HubClient hub(registry.network());
    hub.setBaseUrl(QUrl(servers.hubUrl()));
    PullEngine engine(*store, {});
    MainWindow::Services services;
    services.registry = &registry;
    services.hub = &hub;
    services.store = *store;
    services.engine = &engine;

    MainWindow window(services);
    window.resize(1280, 800);
    window.show();
    if (!QTest::qWaitForWindowExposed(&window)) {
        std::fprintf(stderr, "bench_tagspane: the window was never exposed\n");
        return 1;
    }
    std::printf("bench_tagspane: Qt %s, platform %s, window %dx%d; %d CPUs, load average %s\n", qVersion(),
                qPrintable(QGuiApplication::platformName()), window.width(), window.height(), QThread::idealThreadCount(),
                loadAverage().constData());

    TagsPaneBench bench(window, servers, options);
    const bool ran = bench.hubFirstPage() && bench.hubScrollToEnd() && bench.keystrokes("Docker Hub")
        && bench.sortByHeader() && bench.registryFirstPage() && bench.keystrokes("Registry");
    std::printf("\nload average at end: %s\n", loadAverage().constData());
    if (!ran) {
        std::printf("bench_tagspane: ERROR (see above)\n");
        return 1;
    }
    std::printf("bench_tagspane: %s\n", bench.allPassed() ? "PASS" : "FAIL");
    return !bench.allPassed() && options.strict ? 1 : 0;
}

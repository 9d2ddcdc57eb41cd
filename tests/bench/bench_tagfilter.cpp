// The Tags pane at 10,000 tags, for the figures issue 4 asks the README to quote: how long a filter
// keystroke takes over 10,000 rows (TagFilterProxyModel sorted by semantic version), and how long
// a Docker Hub page of 100 tags takes from the server's response to rows in the proxy (loopback
// transfer, JSON parsing, insertion and sorting). A loopback HttpServer serves Hub-shaped pages,
// so the model is filled through its real code path. Prints medians; an executable, not a test.
//
//   cmake --build <build> -t bench_tagfilter && <build>/tests/bench/bench_tagfilter [rounds]
#include "itemmodels/TagFilterProxyModel.h"
#include "itemmodels/TagListModel.h"

#include "hub/HubClient.h"
#include "hub/HubTypes.h"

#include "HttpServer.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTimer>

#include <algorithm>
#include <cstdio>

using namespace wharf;
using namespace wharf::testbed;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTags = 10'000;
constexpr int kPageSize = TagListModel::kHubPageSize;

QJsonObject tagJson(int i)
{
    const QString name = u"%1.%2.%3"_s.arg(i / 1000).arg(i / 10 % 100).arg(i % 10)
        + (i % 7 == 0 ? u"-alpine"_s : QString());
    const QString digest = u"sha256:"_s
        + QString::fromLatin1(QCryptographicHash::hash(name.toUtf8(), QCryptographicHash::Sha256).toHex());
    const QString when = QDateTime(QDate(2024, 1, 1), QTime(0, 0), Qt::UTC).addSecs(i * 60).toString(Qt::ISODate);
    QJsonArray images;
    for (const char *arch : {"amd64", "arm64"})
        images.append(QJsonObject{{u"os"_s, u"linux"_s}, {u"architecture"_s, QString::fromLatin1(arch)},
                                  {u"digest"_s, digest}, {u"size"_s, 1000 + i}, {u"status"_s, u"active"_s}});
    return QJsonObject{{u"name"_s, name}, {u"digest"_s, digest}, {u"full_size"_s, 2000 + i},
                       {u"last_updated"_s, when}, {u"tag_last_pushed"_s, when}, {u"images"_s, images}};
}

double median(QList<double> values)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values.size() % 2 ? values[values.size() / 2] : (values[values.size() / 2 - 1] + values[values.size() / 2]) / 2;
}

bool waitUntil(const std::function<bool()> &done, int timeoutMs)
{
    QElapsedTimer timer;
    timer.start();
    while (!done()) {
        if (timer.elapsed() > timeoutMs)
            return false;
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    return true;
}

} // namespace

int main(int argc, char **argv)
{
    QCoreApplication app(argc, argv);
    const int rounds = argc > 1 ? std::max(1, QByteArray(argv[1]).toInt()) : 15;

    QList<QByteArray> pages;
    for (int first = 0; first < kTags; first += kPageSize) {
        QJsonArray results;
        for (int i = first; i < std::min(kTags, first + kPageSize); ++i)
            results.append(tagJson(i));
        pages.append(QJsonDocument(QJsonObject{{u"count"_s, kTags}, {u"results"_s, results}}).toJson(QJsonDocument::Compact));
    }

    HttpServer server;
    QElapsedTimer sinceResponse;
    server.setHandler([&](const HttpRequest &request, HttpResponder &r) {
        const int page = std::max(1, request.query().queryItemValue(u"page"_s).toInt());
        QJsonObject body = QJsonDocument::fromJson(pages.value(page - 1)).object();
        QUrl next = server.baseUrl();
        next.setPath(request.path());
        next.setQuery(u"page=%1&page_size=%2"_s.arg(page + 1).arg(kPageSize));
        body.insert(u"next"_s, page < pages.size() ? QJsonValue(next.toString()) : QJsonValue::Null);
        const QByteArray bytes = QJsonDocument(body).toJson(QJsonDocument::Compact);
        sinceResponse.start();
        r.respond(200, bytes, {{"Content-Type", "application/json"}});
    });
    if (!server.listen()) {
        std::fprintf(stderr, "bench_tagfilter: cannot listen on loopback\n");
        return 1;
    }

    HubClient hub;
    hub.setBaseUrl(server.baseUrl());
    TagListModel model(&hub, nullptr);
    TagFilterProxyModel proxy;
    proxy.setSourceModel(&model);
    proxy.setSortKey(TagFilterProxyModel::SortKey::SemanticVersion);

    // First page: from the moment the server answers to the rows being in the sorted proxy.
    QList<double> firstPage;
    QList<double> insertion; // the model's and the proxy's share: rowsAboutToBeInserted -> proxy rowsInserted
    double lastInsertMs = 0;
    QElapsedTimer sinceInsert;
    QObject::connect(&model, &QAbstractItemModel::rowsAboutToBeInserted, &model, [&] { sinceInsert.start(); });
    QObject::connect(&proxy, &QAbstractItemModel::rowsInserted, &proxy, [&] {
        lastInsertMs = double(sinceResponse.nsecsElapsed()) / 1e6;
        insertion.append(double(sinceInsert.nsecsElapsed()) / 1e6);
    });
    const ImageReference repository = *ImageReference::parseNormalized(u"library/big"_s);
    for (int round = 0; round < rounds; ++round) {
        lastInsertMs = -1;
        round == 0 ? model.setRepository(repository) : model.reload();
        if (!waitUntil([&] { return model.state() != TagListModel::State::Loading; }, 10'000) || model.rowCount() != kPageSize) {
            std::fprintf(stderr, "bench_tagfilter: the first page did not arrive (%s)\n", qPrintable(model.errorMessage()));
            return 1;
        }
        firstPage.append(lastInsertMs);
    }

    QList<double> parsing;
    for (int round = 0; round < rounds; ++round) {
        QElapsedTimer t;
        t.start();
        const QJsonObject json = QJsonDocument::fromJson(pages.first()).object();
        const bool ok = hub::parseTagsPage(json).has_value();
        parsing.append(double(t.nsecsElapsed()) / 1e6);
        if (!ok)
            return 1;
    }

    // Every page, as a view scrolling to the end would fetch them.
    QElapsedTimer all;
    all.start();
    while (model.canFetchMore({}) || model.isBusy()) {
        model.fetchMore({});
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    const double allMs = double(all.nsecsElapsed()) / 1e6;
    if (model.rowCount() != kTags) {
        std::fprintf(stderr, "bench_tagfilter: %d rows instead of %d\n", model.rowCount(), kTags);
        return 1;
    }

    // Keystrokes: typing a version, deleting it, then a regex, each one setFilterText call.
    const QStringList typed{u"1"_s, u"1."_s, u"1.2"_s, u"1.2."_s, u"1.2.3"_s, u"1.2."_s, u"1.2"_s, u"1."_s, u"1"_s, u""_s,
                            u"a"_s, u"al"_s, u"alp"_s, u"alpi"_s, u""_s};
    const QStringList regex{u"^"_s, u"^9"_s, u"^9\\."_s, u"^9\\.[0-4]"_s, u"^9\\.[0-4]."_s, u"^9\\.[0-4].*alpine$"_s, u""_s};
    QList<double> substringMs;
    QList<double> regexMs;
    int visibleAfterRegex = 0;
    for (int round = 0; round < rounds; ++round) {
        proxy.setRegexMode(false);
        for (const QString &text : typed) {
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(text);
            substringMs.append(double(t.nsecsElapsed()) / 1e6);
        }
        proxy.setRegexMode(true);
        for (const QString &text : regex) {
            QElapsedTimer t;
            t.start();
            proxy.setFilterText(text);
            regexMs.append(double(t.nsecsElapsed()) / 1e6);
            if (text.endsWith(u'$'))
                visibleAfterRegex = proxy.rowCount();
        }
    }

    std::printf("bench_tagfilter: %d tags, %d rounds, proxy sorted by semantic version\n", kTags, rounds);
    std::printf("  first page (%d tags): response -> rows in proxy   median %.2f ms  (max %.2f ms)\n", kPageSize,
                median(firstPage), *std::max_element(firstPage.cbegin(), firstPage.cend()));
    std::printf("    of which JSON parsing                           median %.2f ms\n", median(parsing));
    std::printf("    of which insertion into model and sorted proxy  median %.2f ms\n", median(insertion.mid(0, rounds)));
    std::printf("  all %d pages through fetchMore                    %.0f ms\n", int(pages.size()), allMs);
    std::printf("  filter keystroke, substring (%lld)                 median %.2f ms  (max %.2f ms)\n",
                qlonglong(substringMs.size()), median(substringMs), *std::max_element(substringMs.cbegin(), substringMs.cend()));
    std::printf("  filter keystroke, regex (%lld)                     median %.2f ms  (max %.2f ms; %d rows match the last)\n",
                qlonglong(regexMs.size()), median(regexMs), *std::max_element(regexMs.cbegin(), regexMs.cend()),
                visibleAfterRegex);
    return 0;
}

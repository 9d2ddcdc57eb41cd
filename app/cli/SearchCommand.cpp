// wharf search QUERY [--registry HOST] [--limit N] [--json]
// Docker Hub's search API, or for any other registry its catalog filtered locally.

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "hub/HubClient.h"
#include "hub/HubPaging.h"
#include "hub/HubTypes.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "services/SearchSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QJsonDocument>

#include <memory>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::search)
};

int searchHub(CliContext &cx, const QString &query, int limit, bool json)
{
    QList<HubSearchResult> results;
    HubPaging paging;
    qint64 total = 0;
    std::unique_ptr<HubRequest> job(cx.hub().search(query, std::min(limit, int(HubClient::kMaxPageSize))));
    while (job) {
        cx.wait(job.get());
        if (job->error())
            return cx.fail(*job->error());
        auto page = hub::parseSearchPage(job->json());
        if (!page)
            return cx.fail(page.error());
        total = page->count;
        qsizetype admitted = 0;
        for (const HubSearchResult &r : std::as_const(page->results)) {
            if (results.size() < limit && paging.admit(search::resultKey(r))) {
                results.append(r);
                ++admitted;
            }
        }
        const QUrl next = paging.next(job->url(), page->next, page->results.size(), admitted);
        if (results.size() >= limit || !next.isValid())
            job.reset();
        else
            job.reset(cx.hub().page(next, Tr::tr("search “%1”").arg(query)));
    }
    if (paging.wentInCircles() && results.size() < limit)
        cx.err() << "wharf: " << paging.circleNote(HubPaging::Rows::Results) << Qt::endl;

    if (json) {
        cx.out() << QJsonDocument(hubSearchJson(query, total, results)).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const HubSearchResult &r : std::as_const(results)) {
        QStringList badges;
        if (r.official)
            badges << Tr::tr("official");
        if (r.verified)
            badges << Tr::tr("verified");
        rows.append({r.name, QString::number(r.stars), humanCount(r.pulls), badges.join(u','),
                     r.description.left(70)});
    }
    if (rows.isEmpty()) {
        cx.out() << Tr::tr("No repositories match “%1”.").arg(query) << '\n';
        return kExitOk;
    }
    cx.out() << table({Tr::tr("NAME"), Tr::tr("STARS"), Tr::tr("PULLS"), Tr::tr("BADGES"), Tr::tr("DESCRIPTION")}, rows);
    return kExitOk;
}

int searchCatalog(CliContext &cx, const QString &registry, const QString &query, int limit, bool json)
{
    std::unique_ptr<PagedListJob> job(cx.registry().catalog(registry));
    cx.wait(job.get());
    if (job->error())
        return cx.fail(*job->error());
    const QList<HubSearchResult> matches = search::catalogMatches(job->names(), query, limit);
    if (json) {
        cx.out() << QJsonDocument(catalogSearchJson(registry, query, matches)).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    if (matches.isEmpty()) {
        cx.out() << Tr::tr("No repositories in %1 match “%2”.").arg(registry, query) << '\n';
        return kExitOk;
    }
    for (const HubSearchResult &match : matches)
        cx.out() << registry << '/' << match.name << '\n';
    return kExitOk;
}

} // namespace

int searchCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Search Docker Hub, or another registry's catalog."));
    parser.addPositionalArgument(QStringLiteral("query"), Tr::tr("Text to search for."));
    parser.addOption({QStringLiteral("registry"), Tr::tr("Search this registry's catalog instead of Docker Hub."), Tr::tr("host")});
    parser.addOption({QStringLiteral("limit"), Tr::tr("Show at most N results (default 25)."), QStringLiteral("N"), QStringLiteral("25")});
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("search"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return cx.usage(Tr::tr("usage: wharf search QUERY [--registry HOST] [--limit N] [--json]"));
    const auto limit = cx.limit(parser, 10'000);
    if (!limit)
        return kExitUsage;
    const QString registry = parser.value(QStringLiteral("registry")).trimmed().toLower();
    const QString query = positional.first().trimmed();
    const bool json = parser.isSet(QStringLiteral("json"));
    return search::isDockerHub(registry) ? searchHub(cx, query, *limit, json) : searchCatalog(cx, registry, query, *limit, json);
}

} // namespace wharf::cli

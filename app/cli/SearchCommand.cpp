// wharf search QUERY [--os OS] [--arch ARCH] [--badge BADGE] [--sort pulls|updated] [--limit N] [--json]
// wharf search QUERY --registry HOST [--limit N] [--json]
// Docker Hub's search API (v4: by platform, badge and order), or for any other registry its
// catalog filtered locally.

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "services/SearchSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>

#include <memory>

using namespace Qt::StringLiterals;

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::search)
};

// Every result of a Docker Hub listing up to `limit`, page after page as HubListing finds them.
Result<QList<HubSearchResult>> collect(CliContext &cx, search::HubListing &listing, int limit)
{
    QList<HubSearchResult> results;
    std::unique_ptr<HubRequest> job(listing.first(cx.hub()));
    while (job) {
        cx.wait(job.get());
        if (job->error())
            return wharf::unexpected(*job->error());
        auto fresh = listing.take(*job);
        if (!fresh)
            return wharf::unexpected(fresh.error());
        for (HubSearchResult &r : *fresh) {
            if (results.size() < limit)
                results.append(std::move(r));
        }
        job.reset(results.size() >= limit ? nullptr : listing.next(cx.hub()));
    }
    return results;
}

int searchHub(CliContext &cx, const HubSearchQuery &hubQuery, int limit, bool json)
{
    const QString &query = hubQuery.text;
    search::HubListing listing = search::HubListing::search(hubQuery, std::min(limit, int(HubClient::kMaxPageSize)));
    auto collected = collect(cx, listing, limit);
    if (!collected)
        return cx.fail(collected.error());
    const QList<HubSearchResult> &results = *collected;
    const qint64 total = listing.total();
    // A list that went in circles matters only when it ended before --limit did.
    if (!listing.note().isEmpty() && (!listing.wentInCircles() || results.size() < limit))
        cx.err() << "wharf: " << listing.note() << Qt::endl;

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
        if (r.openSource)
            badges << Tr::tr("open source");
        if (r.hardened)
            badges << Tr::tr("hardened");
        const QString name = r.hardened && r.kind == QLatin1StringView("dhi") ? search::hubResultReference(r) : r.name;
        rows.append({name, QString::number(r.stars), r.pullsText.isEmpty() ? humanCount(r.pulls) : r.pullsText, badges.join(u','),
                     r.architectures.join(u','), r.description.left(60)});
    }
    if (rows.isEmpty()) {
        cx.out() << Tr::tr("No repositories match “%1”.").arg(query) << '\n';
        return kExitOk;
    }
    cx.out() << table({Tr::tr("NAME"), Tr::tr("STARS"), Tr::tr("PULLS"), Tr::tr("BADGES"), Tr::tr("ARCHITECTURES"), Tr::tr("DESCRIPTION")},
                      rows);
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

int reposCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("List a Docker Hub namespace's repositories: by default your own, private ones "
                                            "included, once signed in (wharf login docker.io)."));
    parser.addPositionalArgument(QStringLiteral("namespace"), Tr::tr("A Docker Hub user or organisation (default: the one signed in)."));
    parser.addOption({QStringLiteral("filter"), Tr::tr("Only names containing TEXT."), Tr::tr("text")});
    parser.addOption({QStringLiteral("sort"), Tr::tr("name, updated or pulls (default: updated)."), Tr::tr("order")});
    parser.addOption(
        {QStringLiteral("limit"), Tr::tr("Show at most N repositories (default 100)."), QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("repos"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() > 1)
        return cx.usage(Tr::tr("usage: wharf repos [NAMESPACE] [--filter TEXT] [--sort name|updated|pulls] [--limit N] [--json]"));
    const auto limit = cx.limit(parser, 10'000);
    if (!limit)
        return kExitUsage;
    const QString sort = parser.value(QStringLiteral("sort")).trimmed().toLower();
    const QString ordering = sort == u"name" ? QStringLiteral("name")
        : sort == u"pulls"                   ? QStringLiteral("-pull_count")
                                             : QStringLiteral("-last_updated");
    if (!sort.isEmpty() && sort != u"name" && sort != u"pulls" && sort != u"updated")
        return cx.usage(Tr::tr("--sort takes name, updated or pulls"));
    QString namespaceName = positional.value(0).trimmed().toLower();
    if (namespaceName.isEmpty()) {
        // Whoever docker.io's saved login signs in as.
        QEventLoop loop;
        bool answered = false;
        cx.hub().withBearer(&loop, [&loop, &answered](const QByteArray &) {
            answered = true;
            loop.quit();
        });
        if (!answered)
            loop.exec();
        namespaceName = cx.hub().signedInAs();
        if (namespaceName.isEmpty())
            return cx.usage(Tr::tr("not signed in to Docker Hub: name a namespace, or sign in first with “wharf login docker.io”"));
    }
    search::HubListing listing = search::HubListing::repositories(namespaceName, parser.value(QStringLiteral("filter")), ordering,
                                                                  std::min(*limit, int(HubClient::kMaxPageSize)));
    auto collected = collect(cx, listing, *limit);
    if (!collected)
        return cx.fail(collected.error());
    const QList<HubSearchResult> &results = *collected;
    const qint64 total = listing.total();
    if (parser.isSet(QStringLiteral("json"))) {
        cx.out() << QJsonDocument(hubSearchJson(namespaceName, total, results)).toJson(QJsonDocument::Indented);
        return kExitOk;
    }
    if (results.isEmpty()) {
        cx.out() << Tr::tr("%1 has no repositories you can see.").arg(namespaceName) << '\n';
        return kExitOk;
    }
    QList<QStringList> rows;
    for (const HubSearchResult &r : std::as_const(results))
        rows.append({r.name, r.isPrivate ? Tr::tr("private") : Tr::tr("public"), QString::number(r.stars), humanCount(r.pulls),
                     humanDate(r.updated), r.description.left(60)});
    cx.out() << table({Tr::tr("NAME"), Tr::tr("VISIBILITY"), Tr::tr("STARS"), Tr::tr("PULLS"), Tr::tr("UPDATED"), Tr::tr("DESCRIPTION")},
                      rows);
    return kExitOk;
}

int searchCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(Tr::tr("Search Docker Hub, or another registry's catalog."));
    parser.addPositionalArgument(QStringLiteral("query"), Tr::tr("Text to search for."));
    parser.addOption({QStringLiteral("registry"), Tr::tr("Search this registry's catalog instead of Docker Hub."), Tr::tr("host")});
    parser.addOption(
        {QStringLiteral("os"), Tr::tr("Docker Hub only: images for this operating system (linux, windows); repeatable."), Tr::tr("os")});
    parser.addOption(
        {QStringLiteral("arch"),
         Tr::tr("Docker Hub only: images for this architecture (amd64, arm64, arm, 386, ppc64le, s390x, riscv64); repeatable."),
         Tr::tr("arch")});
    parser.addOption(
        {QStringLiteral("badge"), Tr::tr("Docker Hub only: official, verified, open-source or hardened; repeatable."), Tr::tr("badge")});
    parser.addOption({QStringLiteral("sort"), Tr::tr("Docker Hub only: pulls or updated (default: best match)."), Tr::tr("order")});
    parser.addOption({QStringLiteral("limit"), Tr::tr("Show at most N results (default 25)."), QStringLiteral("N"), QStringLiteral("25")});
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("search"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1 || positional.first().trimmed().isEmpty())
        return cx.usage(Tr::tr("usage: wharf search QUERY [--os OS] [--arch ARCH] [--badge BADGE] [--sort pulls|updated] "
                               "[--registry HOST] [--limit N] [--json]"));
    const auto limit = cx.limit(parser, 10'000);
    if (!limit)
        return kExitUsage;
    const QString registry = parser.value(QStringLiteral("registry")).trimmed().toLower();
    const QString query = positional.first().trimmed();
    const bool json = parser.isSet(QStringLiteral("json"));
    if (!search::isDockerHub(registry)) {
        for (const char *hubOnly : {"os", "arch", "badge", "sort"}) {
            if (parser.isSet(QString::fromLatin1(hubOnly)))
                return cx.usage(Tr::tr("--%1 filters Docker Hub's search; a registry's catalog has no platforms or badges")
                                    .arg(QString::fromLatin1(hubOnly)));
        }
        return searchCatalog(cx, registry, query, *limit, json);
    }
    HubSearchQuery hubQuery;
    hubQuery.text = query;
    const auto values = [&parser](const char *name) {
        QStringList out;
        for (const QString &value : parser.values(QString::fromLatin1(name)))
            for (const QString &part : value.split(u',', Qt::SkipEmptyParts))
                out.append(part.trimmed().toLower());
        return out;
    };
    hubQuery.operatingSystems = values("os");
    hubQuery.architectures = values("arch");
    for (const QString &badge : values("badge")) {
        const QString hubBadge = badge == u"verified"           ? QStringLiteral("verified_publisher")
            : badge == u"open-source" || badge == u"opensource" ? QStringLiteral("open_source")
                                                                : badge;
        if (!QStringList{u"official"_s, u"verified_publisher"_s, u"open_source"_s, u"hardened"_s}.contains(hubBadge))
            return cx.usage(Tr::tr("unknown badge “%1” (official, verified, open-source or hardened)").arg(badge));
        hubQuery.badges.append(hubBadge);
    }
    const QString sort = parser.value(QStringLiteral("sort")).trimmed().toLower();
    if (sort == u"pulls")
        hubQuery.order = HubSearchQuery::Order::MostPulled;
    else if (sort == u"updated")
        hubQuery.order = HubSearchQuery::Order::RecentlyUpdated;
    else if (!sort.isEmpty() && sort != u"match")
        return cx.usage(Tr::tr("--sort takes pulls, updated or match"));
    return searchHub(cx, hubQuery, *limit, json);
}

} // namespace wharf::cli

// wharf tags REPO [--limit N] [--platforms] [--json]
// Every name from the registry's tags/list, sorted as a whole; on Docker Hub with the sizes, dates
// and platforms the Hub's tag pages give (services/TagLister, as the Tags pane). --platforms reads
// the details of the tags shown that have none (other registries, or Hub tags past what the Hub
// describes without signing in) from the registry, as the Tags pane does (services/TagSource).

#include "cli/CliContext.h"
#include "cli/Commands.h"
#include "cli/Format.h"
#include "cli/JsonShapes.h"
#include "hub/HubClient.h"
#include "hub/HubTypes.h"
#include "reference/ImageReference.h"
#include "reference/TagOrder.h"
#include "registry/PagedListJob.h"
#include "registry/RegistryClient.h"
#include "services/TagLister.h"
#include "services/TagSource.h"

#include <QCommandLineParser>
#include <QCoreApplication>
#include <QEventLoop>
#include <QJsonDocument>

#include <climits>
#include <memory>

namespace wharf::cli {

namespace {

// lupdate files these strings under the context named here.
struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(wharf::cli::tags)
};

// `leftOut`: tags known but not shown (--limit); -1 when how many more exist is unknown (Hub pages
// not fetched). `note`: why the list ended early, if it did.
int printTags(CliContext &cx, const ImageReference &repo, const QString &source, const QList<TagInfo> &tags, qsizetype leftOut,
              const QString &note, bool json)
{
    const bool more = leftOut != 0;
    const auto printNote = [&cx, &note] {
        if (note.isEmpty())
            return;
        cx.out().flush();
        cx.err() << "wharf: " << note << Qt::endl;
    };
    if (json) {
        cx.out() << QJsonDocument(tagsJson(repo, source, tags, leftOut)).toJson(QJsonDocument::Indented);
        printNote();
        return kExitOk;
    }
    if (tags.isEmpty()) {
        cx.out() << Tr::tr("%1 has no tags.").arg(repo.familiarName()) << '\n';
        printNote();
        return kExitOk;
    }
    QList<QStringList> rows;
    bool anyDetails = false;
    for (const TagInfo &t : tags) {
        const QStringList platforms = t.platformNames();
        anyDetails = anyDetails || t.detailsKnown || !t.digest.isEmpty();
        rows.append({t.name, t.digest.isEmpty() ? QStringLiteral("-") : t.digest.left(19), humanBytes(t.size), humanDate(t.lastPushed),
                     platforms.join(QStringLiteral(", "))});
    }
    if (anyDetails) {
        cx.out() << table({Tr::tr("TAG"), Tr::tr("DIGEST"), Tr::tr("SIZE"), Tr::tr("PUSHED"), Tr::tr("PLATFORMS")}, rows);
    } else {
        for (const TagInfo &t : tags)
            cx.out() << t.name << '\n';
    }
    if (more) {
        cx.out().flush();
        if (leftOut > 0)
            cx.err() << Tr::tr("(%n more tag(s) not shown; raise --limit to see them)", nullptr, int(std::min<qsizetype>(leftOut, INT_MAX)))
                     << Qt::endl;
        else
            cx.err() << Tr::tr("(more tags exist; raise --limit to see them)") << Qt::endl;
    }
    printNote();
    return kExitOk;
}

// The details of every tag that has none yet (TagSource, as the Tags pane reads them), four at a time.
std::optional<Error> fillDetails(CliContext &cx, const ImageReference &repo, QList<TagInfo> &tags)
{
    QEventLoop loop;
    qsizetype next = 0;
    int running = 0;
    std::optional<Error> failure;
    std::function<void()> launch = [&] {
        while (running < 4 && next < tags.size() && !failure) {
            const qsizetype i = next++;
            if (tags[i].detailsKnown)
                continue; // Docker Hub described it already
            auto *job = new TagDetailsJob(&cx.registry(), repo.domain(), repo.path(), tags[i].name);
            ++running;
            QObject::connect(job, &Job::finished, &loop, [&, i, job] {
                --running;
                if (job->error())
                    failure = *job->error();
                else
                    tags[i] = job->result();
                launch();
                if (running == 0)
                    loop.quit();
            });
            job->start();
        }
    };
    launch();
    if (running > 0)
        loop.exec();
    return failure;
}

int listTags(CliContext &cx, const ImageReference &repo, int limit, bool withPlatforms, bool json)
{
    TagLister lister(&cx.registry(), &cx.hub(), repo);
    lister.setAutoDelete(false);
    QHash<QString, TagInfo> described;
    QObject::connect(&lister, &TagLister::detailsArrived, &lister, [&described](const QList<TagInfo> &tags) {
        for (const TagInfo &tag : tags)
            described.insert(tag.name, tag);
    });
    cx.wait(&lister);
    if (lister.error())
        return cx.fail(*lister.error());
    // The whole list first: names come in no promised order, so the newest versions can be
    // anywhere in it, and --limit must cut the sorted list, not whatever came first.
    QStringList names = lister.names();
    TagOrder::sortNewestFirst(names);
    const qsizetype leftOut = std::max<qsizetype>(0, names.size() - limit);
    names.resize(std::min<qsizetype>(names.size(), limit));
    QList<TagInfo> tags;
    bool missing = false;
    for (const QString &name : std::as_const(names)) {
        tags.append(described.value(name, TagInfo{name, {}, {}, {}, -1, {}, false}));
        missing = missing || !tags.last().detailsKnown;
    }
    if (withPlatforms && missing)
        if (auto failure = fillDetails(cx, repo, tags))
            return cx.fail(*failure);
    QStringList notes;
    if (!lister.listNote().isEmpty())
        notes.append(lister.listNote());
    // "Sign in for more" only when it matters here: some tags shown lack what the Hub would tell.
    const bool signIn = lister.hubDetails() == TagLister::HubDetails::SignInForMore;
    if (!lister.hubNote().isEmpty() && (!signIn || (missing && !withPlatforms)))
        notes.append(lister.hubNote());
    return printTags(cx, repo, repo.isDockerHub() ? QStringLiteral("hub") : QStringLiteral("registry"), tags, leftOut, notes.join(u' '),
                     json);
}

} // namespace

int tagsCommand(CliContext &cx, const QStringList &arguments)
{
    QCommandLineParser parser;
    parser.setApplicationDescription(
        Tr::tr("List a repository's tags: latest first, then versions newest first (1.10 above 1.9, a release above "
               "its pre-releases), then other names by name. On Docker Hub each tag also shows its size, push "
               "time and platforms, as far as Docker Hub describes them (signed in, all of them)."));
    parser.addPositionalArgument(QStringLiteral("repository"), Tr::tr("nginx, ghcr.io/owner/name, localhost:5000/app, …"));
    parser.addOption({QStringLiteral("limit"), Tr::tr("List at most N tags (default 100)."), QStringLiteral("N"), QStringLiteral("100")});
    parser.addOption(
        {QStringLiteral("platforms"),
         Tr::tr("Also read the platforms of tags Docker Hub does not describe, or of every tag elsewhere, from the registry.")});
    parser.addOption({QStringLiteral("json"), Tr::tr("Print JSON.")});
    if (const auto done = cx.parse(parser, QStringLiteral("tags"), arguments))
        return *done;
    const QStringList positional = parser.positionalArguments();
    if (positional.size() != 1)
        return cx.usage(Tr::tr("usage: wharf tags REPO [--limit N] [--platforms] [--json]"));
    const auto limit = cx.limit(parser, 1'000'000);
    if (!limit)
        return kExitUsage;
    auto repo = ImageReference::parseNormalized(positional.first());
    if (!repo)
        return cx.fail(repo.error());
    if (repo->hasTag() || repo->hasDigest())
        return cx.usage(
            Tr::tr("“%1” names an image; give the repository alone (e.g. %2)").arg(positional.first(), repo->repository().familiarName()));
    const bool json = parser.isSet(QStringLiteral("json"));
    return listTags(cx, *repo, *limit, parser.isSet(QStringLiteral("platforms")), json);
}

} // namespace wharf::cli

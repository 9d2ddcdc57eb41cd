#pragma once
// Docker Hub's web API (search, repository details, tags, a namespace's repositories), which the
// registry protocol lacks. Requests are HubRequest jobs whose JSON the pure parsers in HubTypes.h
// turn into records; the next page always comes from the response's `next` (search v4, which pages
// by offset, gets one made from the offset and total), never from counting.
//
// Routes, current first: each endpoint is asked at its documented 2025 route
// (/v2/namespaces/{ns}/repositories/{repo}[/tags[/{tag}]], /api/search/v4) and, only when that is
// gone (404 or 410) or answers with something that is not the documented shape, at its legacy
// route (/v2/repositories/…/, /v2/search/repositories/). A legacy route that answered where the
// current one failed is used first for the rest of the run (isLegacy()).
//
// Signing in: with a credential source, the credential saved for docker.io (user name and
// password, personal access token or organisation access token) also signs in to the Hub API
// through POST /v2/auth/token, and every request then carries that bearer (never to another host)
// until the token's `exp`. A credential the Hub refuses is reported once (signInFailed) and the
// requests go on anonymously. Docker Hub answers deep anonymous tag pages with "pagination offset
// too large for anonymous requests"; such a page fails as Unauthorized with hitAnonymousPagingLimit().
// The Hub API's own rate limit (X-RateLimit-*, per minute) is kept in apiLimit().

#include "core/Job.h"
#include "net/HttpExchange.h"
#include "net/RetryPolicy.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QObject>
#include <QPointer>
#include <QSet>
#include <QStringList>
#include <QUrl>

#include <functional>
#include <optional>

class QNetworkAccessManager;

namespace wharf {

class CredentialSource;
class HubClient;

// The endpoints that have a current and a legacy route.
enum class HubRoute {
    Search,
    Repository,
    Tags,
    Tag,
    Repositories
};

// A search as /api/search/v4 takes it. The legacy search knows none of the filters.
struct HubSearchQuery
{
    enum class Order {
        BestMatch, // the Hub's relevance order
        MostPulled, // pull_count, descending
        RecentlyUpdated, // updated_at, descending
    };

    QString text;
    QStringList operatingSystems; // "linux", "windows"
    QStringList architectures; // as the Hub names them: "amd64", "arm64", "arm", "386", "ppc64le", "s390x", "riscv64"
    QStringList badges; // "official", "verified_publisher", "open_source", "hardened"
    Order order = Order::BestMatch;

    [[nodiscard]] bool isFiltered() const { return !operatingSystems.isEmpty() || !architectures.isEmpty() || !badges.isEmpty(); }
    friend bool operator==(const HubSearchQuery &, const HubSearchQuery &) = default;
};

// The Hub API's rate limit as its last answer stated it (X-RateLimit-Limit per minute).
struct HubApiLimit
{
    int limit = -1;
    int remaining = -1;
    QDateTime reset;
    [[nodiscard]] bool isKnown() const { return limit >= 0; }
};

class HubRequest final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubRequest)
public:
    // The routes to try, in order; `route` names the endpoint for remembering a fallback.
    HubRequest(HubClient *client, QList<QUrl> routes, std::optional<HubRoute> route, QString what, QObject *parent = nullptr);

    [[nodiscard]] const QJsonObject &json() const { return m_json; }
    // The URL that answered (after a fallback, the legacy one).
    [[nodiscard]] const QUrl &url() const { return m_url; }
    [[nodiscard]] bool usedLegacyRoute() const { return m_routeIndex > 0; }
    // Failed because the Hub pages this deep only for signed-in callers.
    [[nodiscard]] bool hitAnonymousPagingLimit() const { return m_anonymousLimit; }

    // A check of a 200's JSON; a failed check is treated like a route that is gone.
    using Validator = std::function<std::optional<Error>(const QJsonObject &json, const QUrl &url)>;
    void setValidator(Validator validator) { m_validate = std::move(validator); }

protected:
    void run() override;
    void abort() override;

private:
    void send(const QByteArray &bearer);
    void onFinished(net::HttpExchange *exchange);
    [[nodiscard]] bool tryNextRoute();

    QPointer<HubClient> m_client;
    QList<QUrl> m_routes;
    std::optional<HubRoute> m_route;
    qsizetype m_routeIndex = 0;
    QString m_what;
    QUrl m_url;
    QJsonObject m_json;
    Validator m_validate;
    QPointer<net::HttpExchange> m_exchange;
    bool m_signedIn = false;
    bool m_anonymousLimit = false;
};

class HubClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubClient)
public:
    static constexpr int kMaxPageSize = 100; // Hub refuses more

    // `network` may be shared with the registry client; one is created when null.
    explicit HubClient(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);
    ~HubClient() override;

    // https://hub.docker.com unless WHARF_HUB_URL or setBaseUrl says otherwise (tests, mirrors).
    [[nodiscard]] const QUrl &baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    void setRetryPolicy(const net::RetryPolicy &policy) { m_retry = policy; }
    [[nodiscard]] const net::RetryPolicy &retryPolicy() const { return m_retry; }

    // Unstarted jobs; parse their json() with hub::parseSearchPage / parseRepository /
    // parseTagsPage / parseTag / parseRepositoriesPage.
    [[nodiscard]] HubRequest *search(const HubSearchQuery &query, int from = 0, int size = 25);
    // The first `size` results for `text`, unfiltered.
    [[nodiscard]] HubRequest *search(const QString &text, int size = 25);
    [[nodiscard]] HubRequest *repository(const QString &namespaceName, const QString &repository);
    [[nodiscard]] HubRequest *tags(const QString &namespaceName, const QString &repository, int pageSize = kMaxPageSize);
    [[nodiscard]] HubRequest *tag(const QString &namespaceName, const QString &repository, const QString &tag);
    // A namespace's repositories (the signed-in user's own include private ones); `nameFilter`
    // matches part of the name; `ordering` is one of name, -name, last_updated, -last_updated,
    // pull_count, -pull_count (empty: the Hub's order).
    [[nodiscard]] HubRequest *repositories(const QString &namespaceName, const QString &nameFilter = {}, const QString &ordering = {},
                                           int pageSize = kMaxPageSize);
    // A `next` (or `previous`) URL from an earlier page.
    [[nodiscard]] HubRequest *page(const QUrl &url, const QString &what);

    // Whether `route` answers at its legacy path for the rest of this run.
    [[nodiscard]] bool isLegacy(HubRoute route) const { return m_legacy.contains(route); }
    void rememberLegacy(HubRoute route) { m_legacy.insert(route); }

    // Where docker.io's credential comes from; null: always anonymous. Not owned.
    void setCredentialSource(CredentialSource *source);
    // Forget the token and any refused credential (after a login or logout).
    void forgetSignIn();
    // The user name signed in as, once a sign-in succeeded; empty when anonymous.
    [[nodiscard]] const QString &signedInAs() const { return m_user; }
    // Signs in now if there is a credential (otherwise calls back at once): `done` gets the
    // bearer to send, empty when anonymous. Used by every request before it is sent.
    void withBearer(QObject *context, std::function<void(const QByteArray &bearer)> done);

    [[nodiscard]] const HubApiLimit &apiLimit() const { return m_apiLimit; }
    void noteResponse(const net::HttpResponse &response);

Q_SIGNALS:
    void signedIn(const QString &user);
    void signInFailed(const wharf::Error &error);
    void apiLimitChanged();

private:
    friend class HubRequest;
    [[nodiscard]] QUrl endpoint(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;
    [[nodiscard]] QList<QUrl> routes(HubRoute route, QUrl current, QUrl legacy) const;
    void finishSignIn(const QByteArray &bearer);

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    net::RetryPolicy m_retry = net::RetryPolicy::fromEnvironment();
    QSet<HubRoute> m_legacy;
    HubApiLimit m_apiLimit;

    CredentialSource *m_credentials = nullptr;
    QByteArray m_bearer;
    QDateTime m_bearerExpires;
    QString m_user;
    QString m_refusedUser; // a credential the Hub refused: not asked again until forgetSignIn()
    QString m_refusedSecretHash;
    bool m_signingIn = false;
    QList<std::pair<QPointer<QObject>, std::function<void(const QByteArray &)>>> m_waiting;
};

} // namespace wharf

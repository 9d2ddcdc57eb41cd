#pragma once
// Docker Hub's web API (search, repository details, tags), which the registry protocol lacks.
// Requests are HubRequest jobs whose JSON the pure parsers in HubTypes.h turn into records;
// the next page always comes from the response's `next`, never from counting.

#include "core/Job.h"
#include "net/HttpExchange.h"
#include "net/RetryPolicy.h"

#include <QJsonObject>
#include <QObject>
#include <QPointer>
#include <QUrl>

class QNetworkAccessManager;

namespace wharf {

class HubClient;

class HubRequest final : public Job
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubRequest)
public:
    HubRequest(HubClient *client, QUrl url, QString what, QObject *parent = nullptr);

    [[nodiscard]] const QJsonObject &json() const { return m_json; }
    [[nodiscard]] const QUrl &url() const { return m_url; }

protected:
    void run() override;
    void abort() override;

private:
    void onFinished(net::HttpExchange *exchange);

    QPointer<HubClient> m_client;
    QUrl m_url;
    QString m_what;
    QJsonObject m_json;
    QPointer<net::HttpExchange> m_exchange;
};

class HubClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HubClient)
public:
    static constexpr int kMaxPageSize = 100; // Hub refuses more

    // `network` may be shared with the registry client; one is created when null.
    explicit HubClient(QNetworkAccessManager *network = nullptr, QObject *parent = nullptr);

    // https://hub.docker.com unless WHARF_HUB_URL or setBaseUrl says otherwise (tests, mirrors).
    [[nodiscard]] const QUrl &baseUrl() const { return m_baseUrl; }
    void setBaseUrl(const QUrl &url) { m_baseUrl = url; }
    [[nodiscard]] QNetworkAccessManager *network() const { return m_network; }
    void setRetryPolicy(const net::RetryPolicy &policy) { m_retry = policy; }
    [[nodiscard]] const net::RetryPolicy &retryPolicy() const { return m_retry; }

    // Unstarted jobs; parse their json() with hub::parseSearchPage / parseRepository / parseTagsPage / parseTag.
    [[nodiscard]] HubRequest *search(const QString &query, int pageSize = 25);
    [[nodiscard]] HubRequest *repository(const QString &namespaceName, const QString &repository);
    [[nodiscard]] HubRequest *tags(const QString &namespaceName, const QString &repository, int pageSize = kMaxPageSize);
    [[nodiscard]] HubRequest *tag(const QString &namespaceName, const QString &repository, const QString &tag);
    // A `next` (or `previous`) URL from an earlier page.
    [[nodiscard]] HubRequest *page(const QUrl &url, const QString &what);

private:
    [[nodiscard]] QUrl endpoint(const QString &path, const QList<std::pair<QString, QString>> &query = {}) const;

    QNetworkAccessManager *m_network;
    QUrl m_baseUrl;
    net::RetryPolicy m_retry = net::RetryPolicy::fromEnvironment();
};

} // namespace wharf

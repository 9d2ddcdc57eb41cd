#pragma once
// Which hosts Wharf may talk to in plain HTTP, and what counts as "the same origin" when deciding
// whether credentials may travel with a request (they never cross origins, CVE-2023-45289).

#include <QString>
#include <QUrl>

namespace wharf::net {

// localhost, 127.0.0.0/8 and ::1 (with or without a port, IPv6 in brackets or not).
[[nodiscard]] bool isLoopbackHost(const QString &hostOrHostPort);
// scheme, host and effective port all equal.
[[nodiscard]] bool sameOrigin(const QUrl &a, const QUrl &b);
// "host" or "host:port" of a URL, with the port only when it is explicit.
[[nodiscard]] QString hostPort(const QUrl &url);
// Query strings of signed URLs are secrets too: keep them out of messages and logs.
[[nodiscard]] QString redactedUrl(const QUrl &url);
// For --verbose: the URL with the values of query parameters known to be harmless (paging and
// search: query, page, page_size, n, last, ordering, name, from, size, scope, service) and every
// other value (signatures, tokens) replaced by "…"; no user info, no fragment.
[[nodiscard]] QString loggableUrl(const QUrl &url);

} // namespace wharf::net

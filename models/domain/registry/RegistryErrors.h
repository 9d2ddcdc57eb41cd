#pragma once
// The one place where registry answers become typed errors (go-containerregistry's
// transport.Error): HTTP status plus the distribution error body {"errors":[{code,message}]}.

#include "core/Error.h"
#include "net/HttpExchange.h"

namespace wharf {

struct RegistryErrorContext
{
    QString registry; // "docker.io", "127.0.0.1:5000"
    QString repository; // "library/nginx"; empty for registry-wide calls
    QString what; // e.g. "manifest latest", "blob sha256:…", "tag list"
    bool hadCredentials = false;
};

[[nodiscard]] Error registryError(const net::HttpResponse &response, const RegistryErrorContext &context);

// The answer of where the registry redirected a request (a CDN), once `attempts` links from the
// registry have been tried. It names that host and never the link (a signed URL is a secret); a
// refused signed link (401, 403: S3's AccessDenied "Request has expired", SignatureDoesNotMatch)
// is LinkExpired and not retryable any more — never "access to the repository is denied".
[[nodiscard]] Error redirectTargetError(const net::HttpResponse &response, const RegistryErrorContext &context, int attempts);

// The first "code" of a distribution error body, e.g. "MANIFEST_UNKNOWN" (empty if none).
[[nodiscard]] QString registryErrorCode(const QByteArray &body);

} // namespace wharf

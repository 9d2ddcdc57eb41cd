#pragma once
// What Wharf presents to a registry for one host: a user name with a password or access token,
// or an OAuth refresh token ("identity token", Docker's `identitytoken`) that the token flow
// exchanges for short-lived bearer tokens. Values only ever travel between credential stores and
// the registry's auth flow; the QDebug output below redacts them so that a stray qDebug() cannot
// leak a secret into a log (CVE-2021-45449, containerd/cri#960).

#include <QDebug>
#include <QString>

namespace wharf {

struct Credentials
{
    QString username;
    QString secret;        // password or personal access token
    QString identityToken; // OAuth2 refresh token; when set, `secret` is normally empty

    [[nodiscard]] bool isEmpty() const
    {
        return username.isEmpty() && secret.isEmpty() && identityToken.isEmpty();
    }

    friend bool operator==(const Credentials &, const Credentials &) = default;
};

// Shows which parts are present, never their values (the user name is not a secret, but it is
// personal data and is never needed to debug a flow).
inline QDebug operator<<(QDebug debug, const Credentials &credentials)
{
    const QDebugStateSaver saver(debug);
    debug.nospace() << "Credentials(username=" << (credentials.username.isEmpty() ? "<none>" : "<set>")
                    << ", secret=" << (credentials.secret.isEmpty() ? "<none>" : "<redacted>")
                    << ", identityToken=" << (credentials.identityToken.isEmpty() ? "<none>" : "<redacted>")
                    << ')';
    return debug;
}

} // namespace wharf

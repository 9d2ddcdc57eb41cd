#pragma once
// The one spelling of a registry that credentials are filed under: what a user types at
// `wharf login` or in the login dialog ("https://index.docker.io/v1/", "hub.docker.com",
// "HTTPS://Host:5000/x") becomes the reference domain credential sources are asked for
// ("docker.io", "host:5000"), so a login is found again however it was written.

#include <QString>

namespace wharf {

// Empty if `text` names no host, or not one a registry can have ("not a registry!!/x").
[[nodiscard]] QString normaliseRegistryName(QString text);

} // namespace wharf

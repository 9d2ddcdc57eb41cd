#pragma once
// The JSON shapes several commands print alike (`inspect`, `layers`, `images`): one place, so the
// same object reads the same in every command's --json output.

#include "documents/Descriptor.h"
#include "reference/Platform.h"

#include <QJsonObject>
#include <QJsonValue>
#include <QString>

namespace wharf {
struct FetchedManifest;
}

namespace wharf::cli {

// null for an empty string, the string otherwise
[[nodiscard]] QJsonValue orNull(const QString &s);
// {"os", "architecture", "variant", "os.version"}, absent parts as null
[[nodiscard]] QJsonObject platformJson(const Platform &p);
// {"digest", "mediaType", "size"}
[[nodiscard]] QJsonObject descriptorJson(const Descriptor &d);
[[nodiscard]] QJsonObject manifestJson(const FetchedManifest &m);

} // namespace wharf::cli

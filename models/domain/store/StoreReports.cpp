#include "store/StoreReports.h"

namespace wharf {

QString VerifyProblem::kindName(Kind kind)
{
    switch (kind) {
    case Kind::Corrupt: return QStringLiteral("corrupt");
    case Kind::SizeMismatch: return QStringLiteral("size-mismatch");
    case Kind::Missing: return QStringLiteral("missing");
    case Kind::Misnamed: return QStringLiteral("misnamed");
    case Kind::Foreign: return QStringLiteral("foreign");
    case Kind::BadIndexEntry: return QStringLiteral("bad-index-entry");
    case Kind::UnreadableManifest: return QStringLiteral("unreadable-manifest");
    }
    return QString();
}

} // namespace wharf

#include "services/Logging.h"

#include <QLoggingCategory>

namespace wharf::logging {

bool verboseRequested()
{
    const QByteArray value = qgetenv("WHARF_VERBOSE");
    return !value.isEmpty() && value != "0";
}

void enableVerbose()
{
    QLoggingCategory::setFilterRules(QStringLiteral("wharf.*.debug=true"));
    qSetMessagePattern(QStringLiteral("wharf: %{category}: %{message}"));
}

} // namespace wharf::logging

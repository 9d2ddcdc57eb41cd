#include "core/Error.h"

#include <QMetaEnum>

namespace wharf {

QString Error::codeName(Code code)
{
    return QString::fromLatin1(QMetaEnum::fromType<Code>().valueToKey(static_cast<int>(code)));
}

Error Error::withContext(const QString &context) const
{
    return Error(m_code, context + QStringLiteral(": ") + m_message, m_retryable);
}

} // namespace wharf

#pragma once
// Text helpers shared by the CLI commands: sizes, counts, dates and column layout.

#include <QDateTime>
#include <QList>
#include <QString>
#include <QStringList>

namespace wharf::cli {

[[nodiscard]] QString humanBytes(qint64 bytes);
[[nodiscard]] QString humanCount(qint64 count);
[[nodiscard]] QString humanDate(const QDateTime &when);
// Columns padded to their widest cell; the last column is never padded.
[[nodiscard]] QString table(const QStringList &header, const QList<QStringList> &rows);

} // namespace wharf::cli

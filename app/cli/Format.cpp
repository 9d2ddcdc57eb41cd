#include "cli/Format.h"

#include <QLocale>

namespace wharf::cli {

QString humanBytes(qint64 bytes)
{
    if (bytes < 0)
        return QStringLiteral("-");
    return QLocale::c().formattedDataSize(bytes, 1, QLocale::DataSizeIecFormat); // KiB, MiB: as the window shows them
}

QString humanCount(qint64 count)
{
    static const char *const suffixes[] = {"", "K", "M", "B", "T"};
    double value = double(count);
    int i = 0;
    while (value >= 1000.0 && i < 4) {
        value /= 1000.0;
        ++i;
    }
    return i == 0 ? QString::number(count) : QString::number(value, 'f', value < 10 ? 1 : 0) + QLatin1StringView(suffixes[i]);
}

QString humanDate(const QDateTime &when)
{
    return when.isValid() ? when.toUTC().toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QStringLiteral("-");
}

QString table(const QStringList &header, const QList<QStringList> &rows)
{
    QList<qsizetype> widths(header.size(), 0);
    const auto measure = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size() && i < widths.size(); ++i)
            widths[i] = std::max(widths[i], row[i].size());
    };
    measure(header);
    for (const QStringList &row : rows)
        measure(row);
    QString out;
    const auto emit_ = [&](const QStringList &row) {
        for (qsizetype i = 0; i < row.size(); ++i) {
            const bool last = i + 1 == row.size();
            out += last ? row[i] : row[i].leftJustified(widths[i]) + QStringLiteral("  ");
        }
        out += u'\n';
    };
    emit_(header);
    for (const QStringList &row : rows)
        emit_(row);
    return out;
}

} // namespace wharf::cli

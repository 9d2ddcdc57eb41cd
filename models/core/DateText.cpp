// Dates as the window writes them (see the header).
#include "core/DateText.h"

namespace wharf {

QString DateText::withFullYear(QString format)
{
    // "yy" standing alone (not part of "yyyy") becomes "yyyy"; quoted literals are left alone.
    QString out;
    out.reserve(format.size() + 2);
    bool quoted = false;
    for (qsizetype i = 0; i < format.size();) {
        const QChar c = format.at(i);
        if (c == u'\'') {
            quoted = !quoted;
            out += c;
            ++i;
            continue;
        }
        if (!quoted && c == u'y') {
            qsizetype run = 0;
            while (i + run < format.size() && format.at(i + run) == u'y')
                ++run;
            out += run == 2 ? QStringLiteral("yyyy") : QString(run, u'y');
            i += run;
            continue;
        }
        out += c;
        ++i;
    }
    return out;
}

QString DateText::dateTime(const QDateTime &when, const QLocale &locale)
{
    if (!when.isValid())
        return {};
    return locale.toString(when.toLocalTime(), withFullYear(locale.dateTimeFormat(QLocale::ShortFormat)));
}

QString DateText::date(const QDate &day, const QLocale &locale)
{
    if (!day.isValid())
        return {};
    return locale.toString(day, withFullYear(locale.dateFormat(QLocale::ShortFormat)));
}

QString DateText::relative(const QDateTime &when, const QDateTime &now)
{
    if (!when.isValid())
        return {};
    const qint64 seconds = when.secsTo(now);
    if (seconds < 60)
        return tr("just now");
    const qint64 minutes = seconds / 60;
    if (minutes < 60)
        return tr("%n minute(s) ago", nullptr, int(minutes));
    const qint64 hours = minutes / 60;
    if (hours < 24)
        return tr("%n hour(s) ago", nullptr, int(hours));
    const qint64 days = hours / 24;
    if (days < 31)
        return tr("%n day(s) ago", nullptr, int(days));
    if (days < 365)
        return tr("%n month(s) ago", nullptr, int(days / 30));
    return tr("%n year(s) ago", nullptr, int(days / 365));
}

} // namespace wharf

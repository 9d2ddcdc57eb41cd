#pragma once
// How every date the window shows is written: the locale's own order and separators, but always
// with a four-digit year (QLocale's short formats give two digits in many locales, Korean among
// them: "26. 12. 6."), and "3 days ago" for a recent moment with real plural forms. Views and item
// models format through these, never through QLocale::ShortFormat directly.

#include <QCoreApplication>
#include <QDateTime>
#include <QLocale>
#include <QString>

namespace wharf {

class DateText
{
    Q_DECLARE_TR_FUNCTIONS(wharf::DateText)
public:
    // Date and time in local time, short style with a four-digit year ("12/6/2026 4:05 PM",
    // "2026. 12. 6. 오후 4:05"). Empty for an invalid moment.
    [[nodiscard]] static QString dateTime(const QDateTime &when, const QLocale &locale = QLocale());
    // The date alone, same rules.
    [[nodiscard]] static QString date(const QDate &day, const QLocale &locale = QLocale());
    // "just now", "5 minutes ago", "3 days ago", "2 months ago", "4 years ago"; a moment in the
    // future (clock skew) is "just now". Empty for an invalid moment.
    [[nodiscard]] static QString relative(const QDateTime &when, const QDateTime &now = QDateTime::currentDateTimeUtc());

    // `format` (a QLocale date or date-time format) with a two-digit year widened to four.
    [[nodiscard]] static QString withFullYear(QString format);
};

} // namespace wharf

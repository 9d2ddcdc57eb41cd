#include "Localization.h"

#include <QCoreApplication>
#include <QLibraryInfo>
#include <QSettings>
#include <QTranslator>

#include <optional>

namespace wharf {

namespace {

// An explicit choice, or nullopt when `value` leaves the decision to the next source.
std::optional<QLocale> chosen(const QString &value)
{
    const QString name = value.trimmed();
    if (name.isEmpty() || name.compare(QLatin1StringView("system"), Qt::CaseInsensitive) == 0)
        return std::nullopt;
    return QLocale(name);
}

} // namespace

Localization::Localization(QObject *parent)
    : QObject(parent), m_wharf(new QTranslator(this)), m_qt(new QTranslator(this))
{
}

Localization::~Localization()
{
    uninstall();
}

QLocale Localization::preferredLocale()
{
    if (const auto fromEnvironment = chosen(qEnvironmentVariable(EnvironmentVariable.data())))
        return *fromEnvironment;
    if (const auto fromSettings = chosen(QSettings().value(SettingKey).toString()))
        return *fromSettings;
    return QLocale::system();
}

bool Localization::install(const QLocale &locale)
{
    uninstall();
    // load() walks the locale's UI languages in order (ko_KR, ko, …), so "ko_KR" finds wharf_ko.qm.
    // A language Wharf has no catalog for (and the C locale of LANG=C) gets English, whose
    // catalog holds the plural forms ("1 pull", "2 pulls") the source text only writes as "pull(s)".
    const bool found = m_wharf->load(locale, QStringLiteral("wharf"), QStringLiteral("_"), CatalogDirectory);
    if (!found
        && !m_wharf->load(QLocale(QLocale::English, QLocale::UnitedStates), QStringLiteral("wharf"), QStringLiteral("_"),
                          CatalogDirectory))
        return false;
    QCoreApplication::installTranslator(m_wharf);
    // Qt's strings in the language Wharf's catalog matched, not the first one qtbase happens to
    // have: a French system with no Wharf French must not get French --help headings around English.
    const QLocale matched(m_wharf->language());
    if (m_qt->load(matched, QStringLiteral("qtbase"), QStringLiteral("_"),
                   QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
        QCoreApplication::installTranslator(m_qt);
    m_installed = true;
    return found;
}

void Localization::uninstall()
{
    if (!m_installed)
        return;
    QCoreApplication::removeTranslator(m_qt);
    QCoreApplication::removeTranslator(m_wharf);
    m_installed = false;
}

QString Localization::language() const
{
    return m_installed ? m_wharf->language() : QString();
}

} // namespace wharf

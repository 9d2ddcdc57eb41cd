#include "Preferences.h"

#include "Localization.h"

#include <QDir>
#include <QLocale>
#include <QRegularExpression>

namespace wharf {

QSettings Preferences::settings()
{
    return QSettings(QStringLiteral("Wharf"), QStringLiteral("wharf"));
}

Preferences Preferences::load()
{
    const QSettings s = settings();
    Preferences p;
    const QString language = s.value(Localization::SettingKey).toString().trimmed();
    p.language = language.isEmpty() ? QString(SystemLanguage) : language;
    p.registries = s.value(RegistriesKey).toStringList();
    return p;
}

void Preferences::save() const
{
    QSettings s = settings();
    s.setValue(Localization::SettingKey, language.isEmpty() ? QString(SystemLanguage) : language);
    s.setValue(RegistriesKey, registries);
}

QStringList Preferences::availableLanguages()
{
    QStringList languages;
    const QDir catalogs(Localization::CatalogDirectory);
    for (const QString &file : catalogs.entryList({QStringLiteral("wharf_*.qm")}, QDir::Files, QDir::Name))
        languages << file.mid(6, file.size() - 6 - 3); // wharf_ko.qm → ko
    if (!languages.contains(u"en"))
        languages.prepend(QStringLiteral("en")); // the source language needs no catalog
    return languages;
}

QString Preferences::languageName(const QString &language)
{
    const QLocale locale(language);
    // QLocale names "en" after its default territory ("American English"); "C" is untranslated.
    if (locale.language() == QLocale::English || locale.language() == QLocale::C)
        return QStringLiteral("English");
    QString name = locale.nativeLanguageName();
    if (name.isEmpty())
        return language;
    name[0] = name[0].toUpper();
    return name;
}

QStringList Preferences::parseRegistries(const QString &text)
{
    static const QRegularExpression separators(QStringLiteral("[\\s,;]+"));
    QStringList registries;
    for (const QString &part : text.split(separators, Qt::SkipEmptyParts)) {
        if (!registries.contains(part))
            registries << part;
    }
    return registries;
}

} // namespace wharf

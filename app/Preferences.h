#pragma once
// What a person chooses in Settings, kept in QSettings: the language of the interface
// (Localization::SettingKey, read once at start-up) and the registries the Search pane offers
// besides Docker Hub (searched through their catalogs).

#include <QList>
#include <QSettings>
#include <QString>
#include <QStringList>

namespace wharf {

struct Preferences
{
    static constexpr QLatin1StringView SystemLanguage{"system"};
    static constexpr QLatin1StringView RegistriesKey{"registries/list"};

    QString language = SystemLanguage; // "system" or a catalog's language ("en", "ko")
    QStringList registries;            // host[:port], in the order shown

    // Wharf's settings store (organisation "Wharf", application "wharf"), as main() names it.
    [[nodiscard]] static QSettings settings();
    [[nodiscard]] static Preferences load();
    void save() const;

    // The languages Wharf has a catalog for (embedded under :/i18n), e.g. {"en", "ko"}.
    [[nodiscard]] static QStringList availableLanguages();
    // A language as its speakers write it: "English", "한국어".
    [[nodiscard]] static QString languageName(const QString &language);
    // "localhost:5000, ghcr.io" or one per line → {"localhost:5000", "ghcr.io"}, without duplicates.
    [[nodiscard]] static QStringList parseRegistries(const QString &text);

    friend bool operator==(const Preferences &, const Preferences &) = default;
};

} // namespace wharf

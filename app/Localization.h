#pragma once
// Wharf's language: chooses it (WHARF_LANG, then the ui/language setting, then the system's) and
// installs the matching catalogs on the application, Wharf's own (compiled from translations/ and
// embedded under :/i18n) and Qt's qtbase (QCommandLineParser's --help, dialog buttons). The CLI
// and the GUI install it the same way; the catalogs stay installed while this object lives.

#include <QLocale>
#include <QObject>
#include <QString>

class QTranslator;

namespace wharf {

class Localization final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(Localization)
public:
    static constexpr QLatin1StringView EnvironmentVariable{"WHARF_LANG"};
    static constexpr QLatin1StringView SettingKey{"ui/language"};
    static constexpr QLatin1StringView CatalogDirectory{":/i18n"};

    explicit Localization(QObject *parent = nullptr);
    ~Localization() override;

    // The language asked for: WHARF_LANG, else the ui/language setting, else the system locale.
    // Values are locale names ("ko", "ko_KR", "en"); empty or "system" means "no preference here".
    // Only the language of messages follows this; number and date formats keep the system's.
    [[nodiscard]] static QLocale preferredLocale();

    // Installs the catalogs for `locale` in place of any this object installed before. Returns
    // false when Wharf has no catalog for it: English's is installed then (the source language,
    // with its plural forms), and Qt's own text stays English too.
    bool install(const QLocale &locale);
    void uninstall();

    // The language of the installed Wharf catalog ("ko"), empty when none is installed.
    [[nodiscard]] QString language() const;

private:
    QTranslator *m_wharf;
    QTranslator *m_qt;
    bool m_installed = false;
};

} // namespace wharf

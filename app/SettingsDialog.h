#pragma once
// Settings: the language of the interface (the system's, or one Wharf has a translation for;
// it takes effect the next time Wharf starts, like every Qt application that loads its catalogs
// at start-up) and the registries the Search pane offers besides Docker Hub. OK stores them
// (Preferences::save); the window applies what can change at once.

#include "Preferences.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QPlainTextEdit;

namespace wharf {

class SettingsDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SettingsDialog)
public:
    explicit SettingsDialog(const Preferences &preferences, QWidget *parent = nullptr);

    // What the dialog shows now.
    [[nodiscard]] Preferences preferences() const;

    [[nodiscard]] QComboBox *languageBox() const { return m_language; }
    [[nodiscard]] QPlainTextEdit *registriesEdit() const { return m_registries; }

    // Stores the choices before closing.
    void accept() override;

Q_SIGNALS:
    // After OK: what was stored, and whether the language differs from the one at start-up.
    void preferencesSaved(const wharf::Preferences &preferences, bool languageChanged);

private:
    void updateLanguageNote();

    Preferences m_initial;
    QComboBox *m_language;
    QLabel *m_languageNote;
    QPlainTextEdit *m_registries;
};

} // namespace wharf

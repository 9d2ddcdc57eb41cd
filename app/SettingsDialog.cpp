#include "SettingsDialog.h"

#include "Localization.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QPlainTextEdit>
#include <QVBoxLayout>

namespace wharf {

SettingsDialog::SettingsDialog(const Preferences &preferences, QWidget *parent)
    : QDialog(parent),
      m_initial(preferences),
      m_language(new QComboBox(this)),
      m_languageNote(new QLabel(this)),
      m_registries(new QPlainTextEdit(this))
{
    setWindowTitle(tr("Settings"));
    setObjectName(QStringLiteral("settingsDialog"));

    m_language->setObjectName(QStringLiteral("language"));
    m_language->addItem(tr("System default (%1)").arg(Preferences::languageName(QLocale::system().name())),
                        QString(Preferences::SystemLanguage));
    for (const QString &language : Preferences::availableLanguages())
        m_language->addItem(Preferences::languageName(language), language);
    int current = m_language->findData(preferences.language);
    if (current < 0) {
        // A language set by hand that Wharf has no catalog for: keep it selectable as it is.
        m_language->addItem(preferences.language, preferences.language);
        current = m_language->count() - 1;
    }
    m_language->setCurrentIndex(current);
    m_languageNote->setObjectName(QStringLiteral("languageNote"));
    m_languageNote->setWordWrap(true);

    m_registries->setObjectName(QStringLiteral("registries"));
    m_registries->setPlaceholderText(tr("localhost:5000\nregistry.example.com"));
    m_registries->setPlainText(preferences.registries.join(u'\n'));
    m_registries->setTabChangesFocus(true);
    m_registries->setMaximumHeight(fontMetrics().lineSpacing() * 6);
    auto *registriesNote = new QLabel(tr("One host[:port] per line. Searching one of them lists its catalog."), this);
    registriesNote->setWordWrap(true);

    auto *form = new QFormLayout;
    form->addRow(tr("&Language:"), m_language);
    form->addRow(QString(), m_languageNote);
    form->addRow(tr("&Registries to search:"), m_registries);
    form->addRow(QString(), registriesNote);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    auto *layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(buttons);

    connect(buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &SettingsDialog::reject);
    connect(m_language, &QComboBox::currentIndexChanged, this, &SettingsDialog::updateLanguageNote);
    updateLanguageNote();
    setMinimumWidth(fontMetrics().averageCharWidth() * 70);
}

Preferences SettingsDialog::preferences() const
{
    Preferences p;
    p.language = m_language->currentData().toString();
    p.registries = Preferences::parseRegistries(m_registries->toPlainText());
    return p;
}

void SettingsDialog::accept()
{
    const Preferences chosen = preferences();
    chosen.save();
    Q_EMIT preferencesSaved(chosen, chosen.language != m_initial.language);
    QDialog::accept();
}

void SettingsDialog::updateLanguageNote()
{
    QString note;
    if (m_language->currentData().toString() != m_initial.language)
        note = tr("The new language is used the next time Wharf starts.");
    const QString fromEnvironment = qEnvironmentVariable(Localization::EnvironmentVariable.data());
    if (!fromEnvironment.trimmed().isEmpty()) {
        if (!note.isEmpty())
            note += u' ';
        note += tr("%1=%2 is set and takes precedence over this choice.")
                    .arg(QString(Localization::EnvironmentVariable), fromEnvironment);
    }
    m_languageNote->setText(note);
    m_languageNote->setVisible(!note.isEmpty());
}

} // namespace wharf

// Keeps translations/ in step with the code. lupdate's view of the sources listed in
// translations/sources.lst must match translations/wharf_ko.ts message for message: nothing
// missing, nothing stale, every Korean message finished and carrying the same %N placeholders;
// wharf_en.ts must hold exactly the plural (%n) messages. The compiled catalogs must load through
// Localization (as the wharf binary loads them) and translate known strings.
//
// When this fails: run scripts/update-translations, translate what the failure lists in
// translations/wharf_ko.ts (Qt Linguist or any editor), and run the test again.

#include "Localization.h"

#include <QCoreApplication>
#include <QDir>
#include <QDirIterator>
#include <QFile>
#include <QFileInfo>
#include <QHash>
#include <QLibraryInfo>
#include <QProcess>
#include <QRegularExpression>
#include <QSet>
#include <QSettings>
#include <QTemporaryDir>
#include <QTest>
#include <QXmlStreamReader>

#include <algorithm>

using namespace Qt::StringLiterals;
using wharf::Localization;

namespace {

const QString kSourceDir = QStringLiteral(WHARF_SOURCE_DIR);
const QString kKoreanCatalog = QStringLiteral("translations/wharf_ko.ts");
const QString kEnglishCatalog = QStringLiteral("translations/wharf_en.ts");
const QString kSourceList = QStringLiteral("translations/sources.lst");

// Files whose tr() helper uses a context that lupdate does not assign to their messages (see
// runtimeContextsMatchLupdate). Known, and reported to their owners; remove a file once fixed.

struct Message
{
    QString context;
    QString source;
    QString comment; // lupdate's disambiguation: part of the message's identity
    bool numerus = false;
    QString type; // "", "unfinished", "obsolete" or "vanished"
    QStringList translations; // one per plural form; one for ordinary messages
    QString file; // relative to the source tree; only in lupdate's fresh output
    int line = 0;

    [[nodiscard]] QString key() const { return context + u'\x1f' + source + u'\x1f' + comment; }
    [[nodiscard]] QString describe() const
    {
        QString text = u"  ["_s + context + u"] \""_s + QString(source).replace(u'\n', u"\\n"_s) + u'"';
        if (!comment.isEmpty())
            text += u" (disambiguation: "_s + comment + u')';
        if (!file.isEmpty())
            text += u"  — "_s + file + u':' + QString::number(line);
        return text;
    }
};

struct Catalog
{
    QString language;
    QList<Message> messages;
    QString error;

    [[nodiscard]] QHash<QString, const Message *> byKey() const
    {
        QHash<QString, const Message *> index;
        for (const Message &m : messages)
            index.insert(m.key(), &m);
        return index;
    }
};

// Reads a Qt Linguist .ts file. Locations are resolved against `tsDirectory` and stored relative
// to the source tree.
Catalog readCatalog(const QString &path)
{
    Catalog catalog;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        catalog.error = path + u": "_s + file.errorString();
        return catalog;
    }
    const QDir tsDirectory = QFileInfo(path).absoluteDir();
    const QDir sourceDir(kSourceDir);
    QXmlStreamReader xml(&file);
    QString context;
    Message message;
    while (!xml.atEnd()) {
        xml.readNext();
        if (xml.isStartElement()) {
            const auto name = xml.name();
            if (name == "TS"_L1) {
                catalog.language = xml.attributes().value("language"_L1).toString();
            } else if (name == "name"_L1) {
                context = xml.readElementText();
            } else if (name == "message"_L1) {
                message = Message{};
                message.context = context;
                message.numerus = xml.attributes().value("numerus"_L1) == "yes"_L1;
            } else if (name == "location"_L1) {
                const QString where = xml.attributes().value("filename"_L1).toString();
                if (!where.isEmpty() && message.file.isEmpty()) {
                    message.file = sourceDir.relativeFilePath(QDir::cleanPath(tsDirectory.absoluteFilePath(where)));
                    message.line = xml.attributes().value("line"_L1).toInt();
                }
            } else if (name == "source"_L1) {
                message.source = xml.readElementText();
            } else if (name == "comment"_L1) {
                message.comment = xml.readElementText();
            } else if (name == "translation"_L1) {
                message.type = xml.attributes().value("type"_L1).toString();
                if (!message.numerus)
                    message.translations.append(xml.readElementText());
            } else if (name == "numerusform"_L1) {
                message.translations.append(xml.readElementText());
            }
        } else if (xml.isEndElement() && xml.name() == "message"_L1) {
            catalog.messages.append(message);
        }
    }
    if (xml.hasError())
        catalog.error = path + u": line "_s + QString::number(xml.lineNumber()) + u": "_s + xml.errorString();
    return catalog;
}

// Every file lupdate scans: the folders in translations/sources.lst, recursively.
QStringList scannedFiles()
{
    QStringList files;
    QFile list(kSourceDir + u'/' + kSourceList);
    if (!list.open(QIODevice::ReadOnly | QIODevice::Text))
        return files;
    const QDir sourceDir(kSourceDir);
    for (const QByteArray &raw : list.readAll().split('\n')) {
        const QString folder = QString::fromUtf8(raw).trimmed();
        if (folder.isEmpty())
            continue;
        QDirIterator it(sourceDir.absoluteFilePath(folder), {u"*.cpp"_s, u"*.h"_s}, QDir::Files,
                        QDirIterator::Subdirectories);
        while (it.hasNext())
            files.append(sourceDir.relativeFilePath(it.next()));
    }
    files.sort();
    return files;
}

QString readText(const QString &relativePath)
{
    QFile file(kSourceDir + u'/' + relativePath);
    return file.open(QIODevice::ReadOnly) ? QString::fromUtf8(file.readAll()) : QString();
}

// %1…%99 and %n, %L1 counted as %1: what QString::arg() and tr()'s plural substitution fill in.
QStringList placeholders(const QString &text)
{
    static const QRegularExpression pattern(u"%L?(\\d{1,2}|n)"_s);
    QStringList found;
    for (const QRegularExpressionMatch &match : pattern.globalMatch(text))
        found.append(u'%' + match.captured(1));
    std::sort(found.begin(), found.end());
    return found;
}

QString listed(const QList<const Message *> &messages)
{
    QStringList lines;
    for (const Message *m : messages)
        lines.append(m->describe());
    return lines.join(u'\n');
}

// QTest cuts a failure message at 1024 bytes, so the full list goes to the log and the failure
// message only says what to do.
void logList(const QString &list)
{
    if (!list.isEmpty())
        qInfo().noquote() << u"\n"_s + list;
}

} // namespace

class TranslationsTest final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanup();

    void koreanCatalogHasEverySourceMessage();
    void koreanCatalogHasNoStaleMessages();
    void everyKoreanMessageIsTranslated();
    void translationsKeepPlaceholders_data();
    void translationsKeepPlaceholders();
    void englishCatalogHoldsThePluralMessages();
    void koreanFollowsTheGlossary();
    void runtimeContextsMatchLupdate_data();
    void runtimeContextsMatchLupdate();

    void compiledCatalogTranslates_data();
    void compiledCatalogTranslates();
    void languageWithoutCatalogStaysEnglish();
    void preferredLocale_data();
    void preferredLocale();

private:
    // Runs lupdate over the tree like scripts/update-translations does, into a new .ts.
    Catalog extract(const QString &name, const QStringList &extraArguments);

    QTemporaryDir m_work;
    Catalog m_fresh; // every message in the source, as lupdate sees it
    Catalog m_freshPlurals; // only the %n ones
    Catalog m_korean;
    Catalog m_english;
};

Catalog TranslationsTest::extract(const QString &name, const QStringList &extraArguments)
{
    const QString output = m_work.filePath(name);
    QProcess lupdate;
    lupdate.setWorkingDirectory(kSourceDir);
    // Locations (unlike in the committed files) so that failures can say where a string lives.
    lupdate.start(QStringLiteral(WHARF_LUPDATE),
                  QStringList{u"-silent"_s, u"-no-obsolete"_s, u"-locations"_s, u"absolute"_s,
                              u"-source-language"_s, u"en"_s, u'@' + kSourceList}
                      + extraArguments + QStringList{u"-ts"_s, output});
    Catalog catalog;
    if (!lupdate.waitForFinished(120'000) || lupdate.exitStatus() != QProcess::NormalExit || lupdate.exitCode() != 0) {
        catalog.error = u"lupdate failed: "_s + lupdate.errorString() + u'\n'
            + QString::fromLocal8Bit(lupdate.readAllStandardError());
        return catalog;
    }
    return readCatalog(output);
}

void TranslationsTest::initTestCase()
{
    QVERIFY(m_work.isValid());
    QVERIFY2(QFileInfo(QStringLiteral(WHARF_LUPDATE)).isExecutable(), WHARF_LUPDATE " is not executable");
    m_fresh = extract(u"fresh.ts"_s, {});
    QVERIFY2(m_fresh.error.isEmpty(), qPrintable(m_fresh.error));
    QVERIFY2(!m_fresh.messages.isEmpty(), "lupdate found no messages at all; is translations/sources.lst right?");
    m_freshPlurals = extract(u"fresh_plurals.ts"_s, {u"-pluralonly"_s});
    QVERIFY2(m_freshPlurals.error.isEmpty(), qPrintable(m_freshPlurals.error));
    m_korean = readCatalog(kSourceDir + u'/' + kKoreanCatalog);
    QVERIFY2(m_korean.error.isEmpty(), qPrintable(m_korean.error));
    QCOMPARE(m_korean.language, u"ko"_s);
    m_english = readCatalog(kSourceDir + u'/' + kEnglishCatalog);
    QVERIFY2(m_english.error.isEmpty(), qPrintable(m_english.error));

    // The ui/language setting is read through QSettings: keep it away from the real user's.
    QSettings::setPath(QSettings::NativeFormat, QSettings::UserScope, m_work.filePath(u"config"_s));
    qunsetenv(Localization::EnvironmentVariable.data());
    QCoreApplication::setOrganizationName(u"Wharf"_s);
    QCoreApplication::setApplicationName(u"wharf"_s);
}

void TranslationsTest::cleanup()
{
    qunsetenv(Localization::EnvironmentVariable.data());
    QSettings().remove(Localization::SettingKey);
}

void TranslationsTest::koreanCatalogHasEverySourceMessage()
{
    const auto korean = m_korean.byKey();
    QList<const Message *> missing;
    for (const Message &m : std::as_const(m_fresh.messages))
        if (!korean.contains(m.key()))
            missing.append(&m);
    logList(listed(missing));
    QVERIFY2(missing.isEmpty(),
             qPrintable(QString::number(missing.size()) + u" message(s) in the source (listed above) are not in "_s
                        + kKoreanCatalog + u". Run scripts/update-translations, then translate them."_s));
}

void TranslationsTest::koreanCatalogHasNoStaleMessages()
{
    const auto fresh = m_fresh.byKey();
    QList<const Message *> stale;
    for (const Message &m : std::as_const(m_korean.messages))
        if (!fresh.contains(m.key()) || m.type == "obsolete"_L1 || m.type == "vanished"_L1)
            stale.append(&m);
    logList(listed(stale));
    QVERIFY2(stale.isEmpty(),
             qPrintable(QString::number(stale.size()) + u" message(s) in "_s + kKoreanCatalog
                        + u" (listed above) are no longer in the source. Run scripts/update-translations to drop "
                          u"them; copy a translation over first where the text only moved."_s));
}

void TranslationsTest::everyKoreanMessageIsTranslated()
{
    const auto fresh = m_fresh.byKey();
    QList<const Message *> open;
    for (const Message &m : std::as_const(m_korean.messages)) {
        const bool empty = m.translations.isEmpty()
            || std::any_of(m.translations.cbegin(), m.translations.cend(),
                           [](const QString &t) { return t.trimmed().isEmpty(); });
        if (m.type == "unfinished"_L1 || empty)
            open.append(fresh.value(m.key(), &m)); // the fresh copy knows file and line
    }
    logList(listed(open));
    QVERIFY2(open.isEmpty(),
             qPrintable(QString::number(open.size()) + u" Korean message(s) (listed above) are unfinished or empty in "_s
                        + kKoreanCatalog + u"; translate them."_s));
}

void TranslationsTest::translationsKeepPlaceholders_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("translation");
    for (const Message &m : std::as_const(m_korean.messages)) {
        for (qsizetype form = 0; form < m.translations.size(); ++form) {
            if (m.translations[form].isEmpty())
                continue; // everyKoreanMessageIsTranslated reports those
            const QString tag = m.context + u": "_s + m.source.left(60).replace(u'\n', u' ')
                + (m.numerus ? u" [form "_s + QString::number(form) + u']' : QString());
            QTest::addRow("%s", qPrintable(tag)) << m.source << m.translations[form];
        }
    }
}

void TranslationsTest::translationsKeepPlaceholders()
{
    QFETCH(QString, source);
    QFETCH(QString, translation);
    const QString inTranslation = placeholders(translation).join(u' ');
    const QString inSource = placeholders(source).join(u' ');
    QVERIFY2(inTranslation == inSource,
             qPrintable(u"the translation has ["_s + inTranslation + u"] where the source has ["_s + inSource
                        + u"]: "_s + translation));
}

void TranslationsTest::englishCatalogHoldsThePluralMessages()
{
    const auto english = m_english.byKey();
    const auto fresh = m_freshPlurals.byKey();
    QList<const Message *> missing;
    QList<const Message *> stale;
    QList<const Message *> open;
    for (const Message &m : std::as_const(m_freshPlurals.messages))
        if (!english.contains(m.key()))
            missing.append(&m);
    for (const Message &m : std::as_const(m_english.messages)) {
        if (!fresh.contains(m.key()))
            stale.append(&m);
        else if (m.type == "unfinished"_L1 || m.translations.contains(QString()))
            open.append(fresh.value(m.key()));
    }
    logList(listed(missing + stale));
    QVERIFY2(missing.isEmpty() && stale.isEmpty(),
             qPrintable(kEnglishCatalog + u" is out of date (see above); run scripts/update-translations."_s));
    logList(listed(open));
    QVERIFY2(open.isEmpty(),
             qPrintable(kEnglishCatalog + u": give the English singular and plural forms of the messages above."_s));
}

// A file whose tr() is a helper around QCoreApplication::translate("Context", text) looks its
// strings up under "Context" at run time, but lupdate files them under the enclosing class or
// namespace it sees. Where the two differ the Korean text exists but never shows.
// translations/GLOSSARY.md fixes one Korean form per term; its "Not" column lists forms that must
// appear in no Korean translation.
void TranslationsTest::koreanFollowsTheGlossary()
{
    QFile glossary(kSourceDir + u"/translations/GLOSSARY.md"_s);
    QVERIFY2(glossary.open(QIODevice::ReadOnly | QIODevice::Text), qPrintable(glossary.fileName()));
    QList<std::pair<QString, QString>> avoid; // (form not to use, the term's English)
    const QStringList lines = QString::fromUtf8(glossary.readAll()).split(u'\n');
    for (const QString &line : lines) {
        const QStringList cells = line.split(u'|');
        // | English | Korean | Not | Note |  →  "", English, Korean, Not, Note, ""
        if (cells.size() < 6 || cells.at(1).trimmed() == u"English" || cells.at(1).trimmed().startsWith(u"---"))
            continue;
        for (const QString &form : cells.at(3).split(u',', Qt::SkipEmptyParts))
            if (!form.trimmed().isEmpty())
                avoid.append({form.trimmed(), cells.at(1).trimmed()});
    }
    QVERIFY2(avoid.size() >= 10, "GLOSSARY.md's table was not read");
    // An English form counts only as a word of its own: not in a flag, a command or a quoted value.
    const auto uses = [](const QString &translation, const QString &form) {
        if (form.front().unicode() >= 0x80)
            return translation.contains(form);
        static const QString edge = u"[-A-Za-z_/.:“”\"]"_s;
        return translation.contains(
            QRegularExpression(u"(?<!"_s + edge + u')' + QRegularExpression::escape(form) + u"(?!"_s + edge + u')'));
    };
    QStringList found;
    for (const Message &m : std::as_const(m_korean.messages))
        for (const QString &translation : m.translations)
            for (const auto &[form, term] : avoid)
                if (uses(translation, form))
                    found.append(u"%1: “%2” uses “%3” (write %4 as GLOSSARY.md says)"_s.arg(m.context, translation, form, term));
    logList(found.join(u'\n'));
    QVERIFY2(found.isEmpty(), qPrintable(QString::number(found.size()) + u" Korean translation(s) (listed above) break the glossary"_s));
}

void TranslationsTest::runtimeContextsMatchLupdate_data()
{
    QTest::addColumn<QString>("helperContext");
    QTest::addColumn<QStringList>("misfiled");

    static const QRegularExpression helper(uR"re(QCoreApplication::translate\(\s*"([^"]+)"\s*,\s*[A-Za-z_]\w*\s*[,)])re"_s);
    // Classes whose own tr() (Q_OBJECT and friends) a call inside them resolves to, helper or not.
    static const QRegularExpression trClass(
        uR"re(\b(?:class|struct)\s+(\w+)(?:\s+final)?\s*(?::[^;{]*)?\{\s*(?:Q_OBJECT|Q_GADGET|Q_DECLARE_TR_FUNCTIONS))re"_s);

    QHash<QString, QString> helperContexts;
    QSet<QString> classesWithTr;
    for (const QString &file : scannedFiles()) {
        const QString text = readText(file);
        if (const QRegularExpressionMatch match = helper.match(text); match.hasMatch())
            helperContexts.insert(file, match.captured(1));
        for (const QRegularExpressionMatch &match : trClass.globalMatch(text))
            classesWithTr.insert(match.captured(1));
    }
    QHash<QString, QStringList> misfiled;
    for (const Message &m : std::as_const(m_fresh.messages)) {
        const auto context = helperContexts.constFind(m.file);
        if (context == helperContexts.cend() || m.context == *context)
            continue;
        if (classesWithTr.contains(m.context.section(u"::"_s, -1)))
            continue;
        misfiled[m.file].append(u"  lupdate: ["_s + m.context + u"] vs run time: ["_s + *context + u"] \""_s
                                + m.source.left(80).replace(u'\n', u' ') + u"\"  — line "_s + QString::number(m.line));
    }
    QStringList files = helperContexts.keys();
    files.sort();
    for (const QString &file : std::as_const(files))
        QTest::addRow("%s", qPrintable(file)) << helperContexts.value(file) << misfiled.value(file);
    if (files.isEmpty()) // no file-local tr() helper anywhere: nothing can be misfiled
        QTest::addRow("no tr() helpers") << QString() << QStringList();
}

void TranslationsTest::runtimeContextsMatchLupdate()
{
    QFETCH(QString, helperContext);
    QFETCH(QStringList, misfiled);
    logList(misfiled.join(u'\n'));
    QVERIFY2(misfiled.isEmpty(),
             qPrintable(QString::number(misfiled.size()) + u" string(s) of this file (listed above) are filed by lupdate "
                                                           u"under another context than its tr() helper's \""_s
                        + helperContext
                        + u"\", so they stay English at run time. Call QCoreApplication::translate(\"…\", \"literal\") "
                          u"directly, or use a class with Q_DECLARE_TR_FUNCTIONS and call Class::tr(\"…\")."_s));
}

void TranslationsTest::compiledCatalogTranslates_data()
{
    QTest::addColumn<QString>("context");
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("korean");
    QTest::addRow("Job") << u"wharf::Job"_s << u"cancelled"_s << u"취소됨"_s;
    QTest::addRow("CLI") << u"wharf::cli"_s << u"unknown command “%1”"_s << u"알 수 없는 명령 “%1”"_s;
    // Qt's own catalog, for QCommandLineParser's --help in `wharf COMMAND --help`.
    QTest::addRow("qtbase") << u"QCommandLineParser"_s << u"Displays help on commandline options."_s
                            << u"명령행 옵션 도움말을 표시합니다."_s;
}

void TranslationsTest::compiledCatalogTranslates()
{
    QFETCH(QString, context);
    QFETCH(QString, source);
    QFETCH(QString, korean);
    if (context.startsWith("Q"_L1)
        && !QFile::exists(QLibraryInfo::path(QLibraryInfo::TranslationsPath) + u"/qtbase_ko.qm"_s))
        QSKIP("qtbase_ko.qm is not installed (Debian: qt6-translations-l10n)");
    Localization localization;
    QVERIFY(localization.install(QLocale(QLocale::Korean, QLocale::SouthKorea)));
    QCOMPARE(localization.language(), u"ko"_s);
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), korean);
    localization.uninstall();
    QCOMPARE(QCoreApplication::translate(context.toUtf8().constData(), source.toUtf8().constData()), source);
}

void TranslationsTest::languageWithoutCatalogStaysEnglish()
{
    // Swahili: Qt may well ship it, Wharf does not; Qt's text must not switch language alone. And
    // LANG=C (the C locale, no language at all). Both get Wharf's English catalog: real plural
    // forms, never "2 pull(s)".
    for (const QLocale &locale : {QLocale(QLocale::Swahili), QLocale::c()}) {
        Localization localization;
        QVERIFY(!localization.install(locale));
        QCOMPARE(localization.language(), u"en"_s);
        QCOMPARE(QCoreApplication::translate("wharf::Job", "cancelled"), u"cancelled"_s);
        QCOMPARE(QCoreApplication::translate("QCommandLineParser", "Displays help on commandline options."),
                 u"Displays help on commandline options."_s);
        QCOMPARE(QCoreApplication::translate("wharf::RepositoryPane", "%1 pull(s)", nullptr, 2), u"%1 pulls"_s);
        QCOMPARE(QCoreApplication::translate("wharf::RepositoryPane", "%1 pull(s)", nullptr, 1), u"%1 pull"_s);
    }
}

void TranslationsTest::preferredLocale_data()
{
    QTest::addColumn<QString>("environment"); // WHARF_LANG; null: unset
    QTest::addColumn<QString>("setting"); // ui/language; null: absent
    QTest::addColumn<QString>("expected"); // a locale name, or "system"
    QTest::addRow("nothing set") << QString() << QString() << u"system"_s;
    QTest::addRow("setting") << QString() << u"ko_KR"_s << u"ko_KR"_s;
    QTest::addRow("setting says system") << QString() << u"system"_s << u"system"_s;
    QTest::addRow("environment") << u"ko"_s << QString() << u"ko_KR"_s;
    QTest::addRow("environment beats setting") << u"en"_s << u"ko"_s << u"en_US"_s;
    QTest::addRow("empty environment defers") << u""_s << u"ko"_s << u"ko_KR"_s;
    QTest::addRow("environment says system") << u"system"_s << u"ko"_s << u"ko_KR"_s;
}

void TranslationsTest::preferredLocale()
{
    QFETCH(QString, environment);
    QFETCH(QString, setting);
    QFETCH(QString, expected);
    if (!environment.isNull())
        qputenv(Localization::EnvironmentVariable.data(), environment.toUtf8());
    if (!setting.isNull())
        QSettings().setValue(Localization::SettingKey, setting);
    const QLocale wanted = expected == "system"_L1 ? QLocale::system() : QLocale(expected);
    QCOMPARE(Localization::preferredLocale().name(), wanted.name());
}

QTEST_GUILESS_MAIN(TranslationsTest)
#include "tst_translations.moc"

#pragma once
// What the window tests share: Docker Hub on loopback (DockerHubBed: the real registry behind the
// fault proxy, the Hub emulator), a fresh store, clients and pull engine per test, a desktop whose
// dialogs and file manager only record what they were asked, and the steps a person takes to reach
// an image (search, pick the repository, the tag, the platform). A test class inherits it next to
// QObject and calls startBed(), resetForTest() and tearDownTest() from its initTestCase(), init()
// and cleanup().

#include "Localization.h"
#include "MainWindow.h"
#include "hub/HubClient.h"
#include "pull/PullEngine.h"
#include "registry/RegistryClient.h"
#include "store/ImageStore.h"

#include "DockerHubBed.h"

#include <QByteArray>
#include <QComboBox>
#include <QTemporaryDir>

#include <memory>
#include <optional>

namespace wharf::testbed {

inline constexpr int kTimeout = 20'000;

// Saves a grab of `window` as <build>/screenshots/<name>.png, for review (not compared).
void screenshot(QWidget *window, const QString &name);

// A port on 127.0.0.1 that nothing listens on: connections to it are refused.
quint16 closedPort();

// The window fits a 1280×800 screen: its minimum size, and it never forced itself wider.
void checkFitsSmallScreen(const QWidget &window, const char *when, int shownWidth = 1280);

// Opens `target`'s context menu at `pos` as a right click would, and picks the action named
// `actionName` from it with the keyboard; false when no menu opened or it had no such action
// (enabled). The menu is closed either way.
bool pickFromContextMenu(QWidget *target, const QPoint &pos, const QString &actionName);

// Picks `text` from a combo box's list with the mouse: opens the popup, clicks the row.
void pickFromList(QComboBox *box, const QString &text);

// Sets an environment variable for one scope.
class ScopedEnv
{
public:
    ScopedEnv(const char *name, const QByteArray &value);
    ~ScopedEnv();
    Q_DISABLE_COPY_MOVE(ScopedEnv)

private:
    const char *m_name;
    bool m_had;
    QByteArray m_old;
};

class WindowBed
{
public:
    WindowBed() = default;
    Q_DISABLE_COPY_MOVE(WindowBed)

protected:
    // Once per test binary: the servers, test-mode settings, the application's names.
    void startBed();
    // Before each test: no settings, no proxy rules, an empty store, new clients and engine.
    void resetForTest();
    void tearDownTest();

    [[nodiscard]] MainWindow::Services services() const;
    // A window whose desktop hooks record instead of opening dialogs or file managers.
    void useFakeDesktop(MainWindow &window);
    // Types "multi" into Search and picks the repository; waits for its tags.
    void pickMulti(MainWindow &window);
    void pickMultiLatest(MainWindow &window);
    // Pulls multi:latest for linux/arm64 with the Pull button and waits for it under Local images.
    void pullArm64(MainWindow &window);
    // Searches `name`, picks the repository and the tag; waits for the image and its history.
    void pickImage(MainWindow &window, const QString &name, const QString &tag);
    // Clicks a history row of the Image pane.
    void clickHistoryLayer(MainWindow &window, int layer);
    [[nodiscard]] QString layerDigestOfCurrentImage(MainWindow &window) const;

    // Everything the window and the pull engine send to "docker.io" goes through the proxy, which
    // adds Docker Hub's rate-limit headers, stalls a layer or fails a manifest when a test asks.
    DockerHubBed m_bed;
    QTemporaryDir m_settingsDir;
    Localization m_localization; // English, as a person sees it: "1 layer", "2 layers"
    const TestbedImages &m_images = m_bed.images();
    FaultProxy *m_proxy = nullptr;
    HubEmulator *m_hub = nullptr;
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<RegistryClient> m_client;
    std::unique_ptr<HubClient> m_hubClient;
    std::optional<ImageStore> m_store;
    std::unique_ptr<PullEngine> m_engine;

    // What the fake desktop was asked, and what it answers.
    MainWindow::ExportTarget m_exportTarget;
    QString m_suggestedExportName;
    QStringList m_revealed;
    QString m_extractFolder;
    QStringList m_extractAsked;
};

} // namespace wharf::testbed

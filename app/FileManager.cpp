#include "FileManager.h"

#include <QDesktopServices>
#include <QFileInfo>
#include <QUrl>

#ifdef WHARF_HAVE_DBUS
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusMessage>
#endif

namespace wharf::FileManager {

namespace {

#ifdef WHARF_HAVE_DBUS
bool showItemsOverDBus(const QString &path)
{
    const QString service = QStringLiteral("org.freedesktop.FileManager1");
    QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusConnectionInterface *busInterface = bus.isConnected() ? bus.interface() : nullptr;
    if (!busInterface)
        return false;
    // Nautilus, Dolphin and the others are started by the bus on demand: activatable is enough.
    if (!busInterface->isServiceRegistered(service).value()
        && !busInterface->activatableServiceNames().value().contains(service))
        return false;
    QDBusMessage call = QDBusMessage::createMethodCall(service, QStringLiteral("/org/freedesktop/FileManager1"), service,
                                                       QStringLiteral("ShowItems"));
    call << QStringList{QUrl::fromLocalFile(path).toString()} << QString();
    // Fire and forget: the file manager comes up on its own time and the window must not wait.
    return bus.send(call);
}
#endif

} // namespace

bool reveal(const QString &path)
{
    const QFileInfo info(path);
#ifdef WHARF_HAVE_DBUS
    if (info.exists() && showItemsOverDBus(info.absoluteFilePath()))
        return true;
#endif
    return QDesktopServices::openUrl(QUrl::fromLocalFile(info.isDir() ? info.absoluteFilePath() : info.absolutePath()));
}

} // namespace wharf::FileManager

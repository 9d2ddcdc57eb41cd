#include "credentials/KeychainStore.h"

#include "credentials/DockerConfig.h"

#include <QCoreApplication>
#include <QFile>
#include <QFutureWatcher>
#include <QtConcurrent/QtConcurrentRun>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QMetaObject>
#include <QPointer>
#include <QThread>

#include <qt6keychain/keychain.h>

#include <utility>

// QtKeychain talks to the keychain over the session bus on the same platforms on which it links
// QtDBus (its CMake package adds Qt6::DBus there), so the bus can be asked directly.
#if defined(Q_OS_UNIX) && !defined(Q_OS_DARWIN) && !defined(Q_OS_ANDROID)
#include <QDBusConnection>
#include <QDBusConnectionInterface>
#include <QDBusReply>
#define WHARF_KEYCHAIN_OVER_DBUS 1
#endif

namespace wharf {

namespace {

const QString UsernameField = QStringLiteral("username");
const QString SecretField = QStringLiteral("secret");
const QString IdentityTokenField = QStringLiteral("identitytoken");

#ifdef WHARF_KEYCHAIN_OVER_DBUS
const QStringList &secretServices()
{
    static const QStringList services = {QStringLiteral("org.freedesktop.secrets"), QStringLiteral("org.kde.kwalletd6"),
                                         QStringLiteral("org.kde.kwalletd5"), QStringLiteral("org.kde.kwalletd")};
    return services;
}

// What program owns a secrets service on the bus, as a person knows it. Only the owner's process
// name (/proc/PID/comm) is read; unknown programs are named after the protocol.
QString keeperName(QDBusConnectionInterface *bus, const QString &service)
{
    if (service.startsWith(u"org.kde.kwalletd"))
        return QStringLiteral("KWallet");
    const QDBusReply<uint> pid = bus->servicePid(service);
    QString program;
    if (pid.isValid()) {
        QFile comm(QStringLiteral("/proc/%1/comm").arg(pid.value()));
        if (comm.open(QIODevice::ReadOnly))
            program = QString::fromUtf8(comm.readLine(64)).trimmed();
    }
    if (program.startsWith(u"gnome-keyring"))
        return QStringLiteral("GNOME Keyring");
    if (program.startsWith(u"keepassxc", Qt::CaseInsensitive))
        return QStringLiteral("KeePassXC");
    if (program.startsWith(u"kwalletd") || program.startsWith(u"ksecretd"))
        return QStringLiteral("KWallet");
    return QStringLiteral("Secret Service");
}
#endif

// Whether anything on the session bus can hold secrets. With libsecret, QtKeychain reports a
// missing bus or a missing Secret Service only as OtherError with a (translated) GLib message,
// which cannot be told apart from other failures; the bus itself can say. Blocking: D-Bus calls.
KeychainStore::Availability probeKeychain()
{
#ifdef WHARF_KEYCHAIN_OVER_DBUS
    const QDBusConnection bus = QDBusConnection::sessionBus();
    QDBusConnectionInterface *busInterface = bus.isConnected() ? bus.interface() : nullptr;
    if (!busInterface)
        return {};
    for (const QString &service : secretServices()) {
        if (busInterface->isServiceRegistered(service).value())
            return {true, keeperName(busInterface, service)};
    }
    const QDBusReply<QStringList> activatable = busInterface->call(QStringLiteral("ListActivatableNames"));
    if (activatable.isValid()) {
        for (const QString &service : secretServices()) {
            if (activatable.value().contains(service))
                return {true, service.startsWith(u"org.kde.kwalletd") ? QStringLiteral("KWallet") : QString()};
        }
    }
    return {};
#elif defined(Q_OS_DARWIN)
    return {true, QStringLiteral("macOS Keychain")};
#elif defined(Q_OS_WIN)
    return {true, QStringLiteral("Windows Credential Manager")};
#else
    return {true, QString()};
#endif
}

bool keychainReachable()
{
    return probeKeychain().available;
}

Result<std::optional<Credentials>> decodeEntry(const QByteArray &bytes, const QString &registry)
{
    const auto notWharfs = [&] {
        // Never the parser's message or the text: both could carry part of a secret.
        return fail(Error::Code::Credentials,
                    QCoreApplication::translate("wharf::KeychainStore",
                                                "the keychain entry for %1 is not one Wharf can read; remove it "
                                                "and sign in again")
                        .arg(registry));
    };
    if (bytes.size() > KeychainStore::MaxEntrySize)
        return notWharfs();
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(bytes, &parseError);
    if (parseError.error != QJsonParseError::NoError || !document.isObject())
        return notWharfs();
    const QJsonObject object = document.object();
    Credentials credentials;
    for (const auto &[field, target] : {std::pair{&UsernameField, &credentials.username},
                                        std::pair{&SecretField, &credentials.secret},
                                        std::pair{&IdentityTokenField, &credentials.identityToken}}) {
        const QJsonValue value = object.value(*field);
        if (value.isUndefined() || value.isNull())
            continue;
        if (!value.isString())
            return notWharfs();
        *target = value.toString();
    }
    if (credentials.isEmpty())
        return std::nullopt;
    return credentials;
}

QByteArray encodeEntry(const Credentials &credentials)
{
    const QJsonObject object{
        {UsernameField, credentials.username},
        {SecretField, credentials.secret},
        {IdentityTokenField, credentials.identityToken},
    };
    return QJsonDocument(object).toJson(QJsonDocument::Compact);
}

} // namespace

KeychainStore::KeychainStore(QObject *parent)
    : QObject(parent)
{
}

KeychainStore::~KeychainStore()
{
    // The jobs carry on and delete themselves; only their callers need an answer now.
    const auto pending = std::exchange(m_pending, {});
    for (auto it = pending.cbegin(); it != pending.cend(); ++it) {
        it.key()->disconnect(this);
        it.value()(Error(Error::Code::Cancelled, tr("the keychain request was cancelled")));
    }
}

KeychainStore::Availability KeychainStore::availability()
{
    return probeKeychain();
}

void KeychainStore::checkAvailability(QObject *context, AvailabilityCallback done)
{
    // A watcher owned by `context`: if the context goes first, the answer is dropped with it.
    auto *watcher = new QFutureWatcher<Availability>(context);
    QObject::connect(watcher, &QFutureWatcherBase::finished, context, [watcher, done = std::move(done)] {
        done(watcher->result());
        watcher->deleteLater();
    });
    watcher->setFuture(QtConcurrent::run(&probeKeychain));
}

QString KeychainStore::keyFor(const QString &registry)
{
    return QStringLiteral("registry:") + DockerConfig::canonicalRegistry(registry);
}

void KeychainStore::lookup(const QString &registry, QObject *context, Callback done)
{
    onThisThread([this, registry, context = QPointer(context), done = std::move(done)] {
        auto *job = new QKeychain::ReadPasswordJob(QString(Service));
        job->setKey(keyFor(registry));
        runJob(
            job,
            [this, registry, context, done](QKeychain::Job &finished) {
                Result<std::optional<Credentials>> result = std::nullopt;
                if (finished.error() == QKeychain::EntryNotFound || isUnavailable(finished))
                    result = std::nullopt; // no keychain (a server, CI, SSH): nothing from here, no error
                else if (finished.error() != QKeychain::NoError)
                    result = wharf::unexpected(failure(finished, registry));
                else
                    result = decodeEntry(static_cast<QKeychain::ReadPasswordJob &>(finished).binaryData(), registry);
                deliverLater(context.data(), done, std::move(result));
            },
            [context, done](const Error &error) {
                deliverLater(context.data(), done, Result<std::optional<Credentials>>(wharf::unexpected(error)));
            });
    });
}

void KeychainStore::store(const QString &registry, const Credentials &credentials, QObject *context,
                          DoneCallback done)
{
    onThisThread([this, registry, credentials, context = QPointer(context), done = std::move(done)] {
        if (credentials.isEmpty()) {
            deliverLater(context.data(), done,
                         Result<void>(fail(Error::Code::Credentials,
                                           tr("there are no credentials to store for %1").arg(registry))));
            return;
        }
        auto *job = new QKeychain::WritePasswordJob(QString(Service));
        job->setKey(keyFor(registry));
        job->setBinaryData(encodeEntry(credentials));
        runJob(
            job,
            [this, registry, context, done](QKeychain::Job &finished) {
                Result<void> result;
                if (finished.error() != QKeychain::NoError)
                    result = wharf::unexpected(failure(finished, registry));
                deliverLater(context.data(), done, std::move(result));
            },
            [context, done](const Error &error) {
                deliverLater(context.data(), done, Result<void>(wharf::unexpected(error)));
            });
    });
}

void KeychainStore::erase(const QString &registry, QObject *context, DoneCallback done)
{
    onThisThread([this, registry, context = QPointer(context), done = std::move(done)] {
        auto *job = new QKeychain::DeletePasswordJob(QString(Service));
        job->setKey(keyFor(registry));
        runJob(
            job,
            [this, registry, context, done](QKeychain::Job &finished) {
                Result<void> result;
                // Nothing to erase is what the caller wanted anyway.
                if (finished.error() != QKeychain::NoError && finished.error() != QKeychain::EntryNotFound)
                    result = wharf::unexpected(failure(finished, registry));
                deliverLater(context.data(), done, std::move(result));
            },
            [context, done](const Error &error) {
                deliverLater(context.data(), done, Result<void>(wharf::unexpected(error)));
            });
    });
}

void KeychainStore::onThisThread(std::function<void()> work)
{
    if (QThread::currentThread() == thread())
        work();
    else
        QMetaObject::invokeMethod(this, std::move(work), Qt::QueuedConnection);
}

void KeychainStore::runJob(QKeychain::Job *job, std::function<void(QKeychain::Job &)> finished,
                           std::function<void(const Error &)> abandoned)
{
    // Never a plain file, even where QtKeychain could fall back to one (QSettings).
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    m_pending.insert(job, std::move(abandoned));
    connect(job, &QKeychain::Job::finished, this, [this, finished = std::move(finished)](QKeychain::Job *ended) {
        m_pending.remove(ended);
        finished(*ended);
    });
    job->start();
}

bool KeychainStore::isUnavailable(const QKeychain::Job &job)
{
    switch (job.error()) {
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        return true;
    case QKeychain::OtherError:
        return !keychainReachable();
    default:
        return false;
    }
}

Error KeychainStore::failure(const QKeychain::Job &job, const QString &registry) const
{
    // errorString() comes from the keychain service and names no secret.
    const QString detail = job.errorString();
    switch (job.error()) {
    case QKeychain::AccessDenied:
    case QKeychain::AccessDeniedByUser:
        return Error(Error::Code::Credentials,
                     tr("the system keychain refused access to the credentials for %1 (%2); unlock it and try again")
                         .arg(registry, detail));
    case QKeychain::CouldNotDeleteEntry:
        return Error(Error::Code::Credentials,
                     tr("could not remove the credentials for %1 from the system keychain (%2)").arg(registry, detail));
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
        break;
    case QKeychain::NoError:
    case QKeychain::EntryNotFound:
    case QKeychain::OtherError:
        if (keychainReachable())
            return Error(Error::Code::Credentials,
                         tr("the system keychain failed on the credentials for %1 (%2)").arg(registry, detail));
        break;
    }
    return Error(Error::Code::Credentials,
                 tr("no system keychain is available (%1); Wharf does not store secrets in plain files").arg(detail));
}

} // namespace wharf

#pragma once
// Pulls images into the store off the caller's thread. Owns the pull thread, where each PullJob
// resolves, plans and finishes, and the worker threads, where BlobFetchers download, hash and write
// layers. The caller's thread (the GUI's) only ever sees queued, throttled signals.

#include "pull/BlobFetcher.h"
#include "pull/PullTypes.h"
#include "store/ImageStore.h"

#include <QList>
#include <QObject>

class QThread;

namespace wharf {

class PullHandle;

class PullEngine final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullEngine)
public:
    struct Options {
        int workers = 4;                 // layer downloads at once, across all pulls
        RegistryClient::Settings client; // credentials, insecure registries, retries, timeouts, documents
        int maxResumes = 8;              // broken transfers of one blob resumed before giving up
        // Runs the download threads (hashing, writing, and the network threads they start) this
        // much nicer than the caller's (Linux: per-thread nice). A pull keeps a 2-CPU machine
        // busy; the window's engine uses kInteractiveNice so its GUI thread still gets a CPU as
        // soon as it wakes. 0 for the command line, where the pull is the only thing that counts.
        int workerNice = 0;
    };
    static constexpr int kInteractiveNice = 5;

    PullEngine(ImageStore store, Options options, QObject *parent = nullptr);
    // Stops the threads; pulls still running end cancelled, their partial layers kept.
    ~PullEngine() override;

    // Starts a pull; the handle (a child of this engine, on the caller's thread) reports on it.
    [[nodiscard]] PullHandle *pull(const PullRequest &request);

    [[nodiscard]] const ImageStore &store() const { return m_store; }

private:
    ImageStore m_store;
    Options m_options;
    QThread *m_pullThread;
    QList<QThread *> m_workerThreads;
    QList<BlobFetcher *> m_fetchers;
};

} // namespace wharf

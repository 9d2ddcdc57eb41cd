#pragma once
// The container engines this machine can reach, for the window: where each is (EngineLocator,
// found the way `docker` and `podman` find theirs) and whether it answers (EngineVersionJob on the
// thread pool). "Pull to: Wharf store · Docker · Podman" offers an engine that answers and says
// why one does not; Local images lists what an answering engine holds.
//
// refresh() looks again (the environment and the sockets may have changed since the window
// opened); changed(kind) follows each answer. Nothing here blocks the GUI thread: the lookup reads
// environment variables and at most a context file, the question to the engine runs on the pool.

#include "core/Error.h"
#include "engines/EngineApi.h"
#include "engines/EngineEndpoint.h"

#include <QObject>
#include <QPointer>

#include <array>
#include <optional>

namespace wharf {

class EngineVersionJob;

class EngineTargets final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(EngineTargets)
public:
    enum class State {
        Unknown,  // not asked yet
        Checking, // asked, no answer yet
        Ready,    // answers: endpoint() and version() are valid
        Unavailable // not found or not answering: error() says why in one line
    };
    Q_ENUM(State)

    // `environment`: what the lookup reads (tests point it at their engines; the default is the
    // process's own).
    explicit EngineTargets(EngineLocator::Environment environment = {}, QObject *parent = nullptr);
    ~EngineTargets() override;

    static constexpr std::array<EngineKind, 2> kinds{EngineKind::Docker, EngineKind::Podman};

    // Looks for both engines again and asks each whether it answers.
    void refresh();
    // The same for one engine.
    void refresh(EngineKind kind);

    [[nodiscard]] State state(EngineKind kind) const { return slot(kind).state; }
    [[nodiscard]] bool isReady(EngineKind kind) const { return state(kind) == State::Ready; }
    // Where the engine is (also while it does not answer, for messages); nullopt when not found.
    [[nodiscard]] std::optional<EngineEndpoint> endpoint(EngineKind kind) const;
    [[nodiscard]] const EngineVersion &version(EngineKind kind) const { return slot(kind).version; }
    [[nodiscard]] const std::optional<Error> &error(EngineKind kind) const { return slot(kind).error; }
    // One line for a tooltip: "Docker Engine - Community 20.10.24 at unix:///run/docker.sock", or why not.
    [[nodiscard]] QString description(EngineKind kind) const;

Q_SIGNALS:
    void changed(wharf::EngineKind kind);

private:
    struct Slot
    {
        State state = State::Unknown;
        std::optional<EngineEndpoint> endpoint;
        EngineVersion version;
        std::optional<Error> error;
        QPointer<EngineVersionJob> job;
    };
    [[nodiscard]] Slot &slot(EngineKind kind) { return m_slots.at(static_cast<size_t>(kind)); }
    [[nodiscard]] const Slot &slot(EngineKind kind) const { return m_slots.at(static_cast<size_t>(kind)); }

    EngineLocator::Environment m_environment;
    std::array<Slot, 2> m_slots;
};

} // namespace wharf

#pragma once
// Docker Hub's pull-rate meter for the status bar: "Docker Hub pulls: 76 of 100 left", where the
// numbers come from the registry's ratelimit-* headers (the window asks with a HEAD on a manifest,
// which costs no pull, and again after each pull). It says so honestly when the registry reports
// no limit, when it has not been asked yet, when it could not be reached (offline) and when the
// answer was an error. A click asks again (refreshRequested()).

#include "core/Error.h"
#include "registry/RateLimit.h"

#include <QDateTime>
#include <QToolButton>

namespace wharf {

class RateLimitIndicator final : public QToolButton
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(RateLimitIndicator)
public:
    enum class State {
        Unknown,    // not asked yet
        Checking,   // a check is under way (a value known before stays shown)
        Known,      // limit and remaining as the registry sent them
        NotLimited, // the registry answered without rate-limit headers
        Offline,    // the registry could not be reached
        Failed,     // it answered with an error
    };
    Q_ENUM(State)

    explicit RateLimitIndicator(QWidget *parent = nullptr);

    void setChecking();
    void setLimit(const RateLimit &limit, const QDateTime &when = QDateTime::currentDateTime());
    void setNotLimited();
    void setFailure(const Error &error);

    [[nodiscard]] State state() const { return m_state; }
    [[nodiscard]] const RateLimit &limit() const { return m_limit; }

Q_SIGNALS:
    void refreshRequested();

private:
    void showLimit();

    State m_state = State::Unknown;
    RateLimit m_limit;
    QDateTime m_checkedAt;
};

} // namespace wharf

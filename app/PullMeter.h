#pragma once
// The status bar's Docker Hub pull meter and what drives it: HubRateLimitProbe reads the limit
// (a free HEAD on the image on show, see there), RateLimitIndicator shows it, asked on first show,
// on a click, and after each pull from Docker Hub — and then the status bar is told what the pulls
// cost (the remaining pulls before them against after them), or that the Hub does not limit them.

#include "registry/RateLimit.h"

#include <QObject>
#include <QString>

namespace wharf {

class HubRateLimitProbe;
class RateLimitIndicator;
class RegistryClient;

class PullMeter final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(PullMeter)
public:
    // `client` is not owned (null: nothing to ask); the indicator is the window's.
    PullMeter(RegistryClient *client, RateLimitIndicator *indicator, QObject *parent);

    void refresh();
    // The Docker Hub image on show ("library/nginx", a tag or digest).
    void setImage(const QString &repository, const QString &reference);
    void pullStarted();
    void pullEnded(const QString &reference);

Q_SIGNALS:
    void statusMessage(const QString &message);

private:
    void onLimit(const RateLimit &limit);
    void onNotLimited();

    HubRateLimitProbe *m_probe;
    RateLimitIndicator *m_indicator;
    int m_pullsUnderWay = 0;
    int m_remainingBefore = -1; // the meter's remaining pulls when the first of them started
    QString m_costOf; // the pull whose cost the next reading tells
};

} // namespace wharf

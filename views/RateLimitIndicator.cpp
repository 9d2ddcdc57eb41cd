#include "RateLimitIndicator.h"

#include "Icons.h"
#include "StatePanel.h"

#include <QLocale>

#include <algorithm>
#include <limits>

namespace wharf {

namespace {

// "6 h", "30 min", "90 s": the window the registry counts pulls in (Docker Hub's is 21600 s).
QString windowText(int seconds)
{
    const QLocale locale;
    if (seconds > 0 && seconds % 3600 == 0)
        //: hours, abbreviated
        return RateLimitIndicator::tr("%1 h").arg(locale.toString(seconds / 3600));
    if (seconds > 0 && seconds % 60 == 0)
        //: minutes, abbreviated
        return RateLimitIndicator::tr("%1 min").arg(locale.toString(seconds / 60));
    //: seconds, abbreviated
    return RateLimitIndicator::tr("%1 s").arg(locale.toString(seconds));
}

} // namespace

RateLimitIndicator::RateLimitIndicator(QWidget *parent)
    : QToolButton(parent)
{
    setObjectName(QStringLiteral("rateLimit"));
    setAutoRaise(true);
    setIcon(Icons::icon(Icons::Name::RateLimit));
    setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    setText(tr("Docker Hub pulls: not checked yet"));
    setToolTip(tr("Click to ask Docker Hub how many pulls are left."));
    connect(this, &QToolButton::clicked, this, &RateLimitIndicator::refreshRequested);
}

void RateLimitIndicator::setChecking()
{
    if (m_state == State::Known) {
        // Keep the last numbers in view while asking again.
        setToolTip(tr("Checking Docker Hub’s pull limit…"));
        return;
    }
    m_state = State::Checking;
    setStyleSheet(QString());
    setText(tr("Docker Hub pulls: checking…"));
    setToolTip(tr("Checking Docker Hub’s pull limit…"));
}

void RateLimitIndicator::setLimit(const RateLimit &limit, const QDateTime &when)
{
    if (!limit.isKnown()) {
        setNotLimited();
        return;
    }
    m_state = State::Known;
    m_limit = limit;
    m_checkedAt = when;
    showLimit();
}

void RateLimitIndicator::showLimit()
{
    const QLocale locale;
    if (m_limit.limit >= 0 && m_limit.remaining >= 0)
        setText(tr("Docker Hub pulls: %1 of %2 left").arg(locale.toString(m_limit.remaining), locale.toString(m_limit.limit)));
    else if (m_limit.remaining >= 0)
        setText(tr("Docker Hub pulls: %1 left").arg(locale.toString(m_limit.remaining)));
    else
        setText(tr("Docker Hub pulls: limit %1").arg(locale.toString(m_limit.limit)));
    // Running out is worth a glance; the text already says it.
    const bool low = m_limit.remaining >= 0 && m_limit.limit > 0 && m_limit.remaining * 10 < m_limit.limit;
    setStyleSheet(low ? QStringLiteral("color: #b3261e;") : QString());

    QStringList lines;
    if (m_limit.limit >= 0 && m_limit.windowSeconds > 0)
        lines << tr("Docker Hub allows %Ln pull(s) every %1.", nullptr, int(std::min<qint64>(m_limit.limit, std::numeric_limits<int>::max())))
                     .arg(windowText(m_limit.windowSeconds));
    if (!m_limit.source.isEmpty())
        lines << tr("Counted for: %1").arg(m_limit.source);
    lines << tr("Checked %1. Click to check again.").arg(locale.toString(m_checkedAt.time(), QLocale::ShortFormat));
    setToolTip(lines.join(u'\n'));
}

void RateLimitIndicator::setNotLimited()
{
    m_state = State::NotLimited;
    m_limit = {};
    setStyleSheet(QString());
    setText(tr("Docker Hub pulls: no limit reported"));
    setToolTip(tr("Docker Hub sent no rate-limit headers: this address or account is not limited (or a paid plan "
                  "applies). Click to check again."));
}

void RateLimitIndicator::setFailure(const Error &error)
{
    m_limit = {};
    setStyleSheet(QString());
    if (StatePanel::isOffline(error)) {
        m_state = State::Offline;
        setText(tr("Docker Hub pulls: unknown (offline)"));
    } else {
        m_state = State::Failed;
        setText(tr("Docker Hub pulls: unknown"));
    }
    setToolTip(tr("The pull limit could not be checked: %1\nClick to try again.").arg(error.message()));
}

} // namespace wharf

#include "core/clock.h"

#include <QTimeZone>

namespace sanad {

QDateTime Clock::now() const
{
    return QDateTime::fromMSecsSinceEpoch(nowMs(), QTimeZone::utc());
}

Clock &Clock::system()
{
    static SystemClock clock;
    return clock;
}

qint64 SystemClock::nowMs() const
{
    return QDateTime::currentMSecsSinceEpoch();
}

ManualClock::ManualClock(qint64 startMs)
    : m_ms(startMs >= 0 ? startMs : QDateTime::currentMSecsSinceEpoch())
{
}

qint64 ManualClock::nowMs() const
{
    return m_ms.load();
}

void ManualClock::advance(qint64 ms)
{
    m_ms.fetch_add(ms);
}

void ManualClock::set(qint64 ms)
{
    m_ms.store(ms);
}

} // namespace sanad

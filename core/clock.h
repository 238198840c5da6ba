#pragma once

#include <QDateTime>

#include <atomic>

namespace sanad {

// The time every rule and timer reads, so that tests can move it instead of sleeping.
// Implementations are thread-safe.
class Clock
{
public:
    virtual ~Clock() = default;
    virtual qint64 nowMs() const = 0;
    QDateTime now() const;

    // The process-wide real clock.
    static Clock &system();
};

class SystemClock final : public Clock
{
public:
    qint64 nowMs() const override;
};

// A clock that only moves when told to; starts at the given time (default: the real now).
class ManualClock final : public Clock
{
public:
    explicit ManualClock(qint64 startMs = -1);
    qint64 nowMs() const override;
    void advance(qint64 ms);
    void set(qint64 ms);

private:
    std::atomic<qint64> m_ms;
};

} // namespace sanad

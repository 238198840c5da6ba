#pragma once

#include <QObject>
#include <QRandomGenerator>
#include <QStringList>
#include <QTimer>

namespace sanad {
class Clock;
}

namespace sanad::server {

class CallIntake;
class Database;
class QueueRouter;
struct CallReport;

// The demo's telephone network (--simulate-calls RATE): rings calls through the same
// CallIntake path as CtiService (not over the network). Callers are the demo's featured story
// numbers first, in order, then random customers, and about one call in five from an unknown
// number (some withheld). Numbers arrive in the forms people and PBXs use (+968 9123 4567,
// 0096891234567, 91234567). A call not answered within 60-120 s is ABANDONED; an answered call
// the agent did not end is ENDED after 10 minutes. Lives on the main thread; the intake runs on
// the database's workers.
class CallSimulator final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CallSimulator)

public:
    CallSimulator(Database &database, CallIntake &intake, QueueRouter &router, const Clock &clock,
                  double callsPerMinute, QObject *parent = nullptr);
    ~CallSimulator() override;

    void start(const QStringList &featuredPhones, const QStringList &otherPhones);

private:
    struct SimulatedCall
    {
        QString callId;
        qint64 abandonAtMs = 0;
        qint64 connectedSeenAtMs = 0;
    };

    void placeCall();
    void checkCalls();
    void scheduleNext();
    void report(const CallReport &report);
    QString nextCaller();
    QString spokenForm(const QString &e164);

    Database &m_database;
    CallIntake &m_intake;
    QueueRouter &m_router;
    const Clock &m_clock;
    const double m_callsPerMinute;
    QRandomGenerator m_random;
    QTimer m_callTimer;
    QTimer m_checkTimer;
    QStringList m_featured;
    QStringList m_others;
    int m_placed = 0;
    QList<SimulatedCall> m_calls;
};

} // namespace sanad::server

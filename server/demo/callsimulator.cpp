#include "server/demo/callsimulator.h"

#include "core/clock.h"
#include "server/logcategories.h"
#include "server/queue/queuerouter.h"
#include "server/service/callintake.h"
#include "server/storage/database.h"
#include "server/storage/storageerror.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kMinWaitMs = 60 * 1000;
constexpr qint64 kMaxWaitMs = 120 * 1000;
constexpr qint64 kLongestCallMs = 10 * 60 * 1000;

} // namespace

CallSimulator::CallSimulator(Database &database, CallIntake &intake, QueueRouter &router, const Clock &clock,
                             double callsPerMinute, QObject *parent)
    : QObject(parent)
    , m_database(database)
    , m_intake(intake)
    , m_router(router)
    , m_clock(clock)
    , m_callsPerMinute(callsPerMinute)
    , m_random(QRandomGenerator::securelySeeded())
{
    m_callTimer.setSingleShot(true);
    connect(&m_callTimer, &QTimer::timeout, this, &CallSimulator::placeCall);
    m_checkTimer.setInterval(1000);
    connect(&m_checkTimer, &QTimer::timeout, this, &CallSimulator::checkCalls);
}

CallSimulator::~CallSimulator() = default;

void CallSimulator::start(const QStringList &featuredPhones, const QStringList &otherPhones)
{
    m_featured = featuredPhones;
    m_others = otherPhones;
    qCInfo(lcDemo) << "simulating" << m_callsPerMinute << "calls per minute from" << m_featured.size() << "featured and"
                   << m_others.size() << "other numbers";
    m_checkTimer.start();
    // The first call comes soon, so a newcomer sees one within seconds of going available.
    m_callTimer.start(5000);
}

void CallSimulator::scheduleNext()
{
    const double meanMs = 60000.0 / m_callsPerMinute;
    const double jitter = 0.7 + 0.6 * m_random.generateDouble(); // 70% .. 130% of the mean
    m_callTimer.start(std::max(100, int(meanMs * jitter)));
}

QString CallSimulator::spokenForm(const QString &e164)
{
    if (!e164.startsWith("+968"_L1) || e164.size() != 12)
        return e164;
    const QString national = e164.mid(4);
    switch (m_random.bounded(4)) {
    case 0:
        return u"+968 "_s + national.left(4) + u' ' + national.mid(4);
    case 1:
        return u"00968"_s + national;
    case 2:
        return national;
    default:
        return e164;
    }
}

QString CallSimulator::nextCaller()
{
    if (m_placed < m_featured.size())
        return spokenForm(m_featured.at(m_placed));
    const int dice = int(m_random.bounded(15));
    if (m_others.isEmpty() || dice < 3) {
        if (dice == 0)
            return QString(); // withheld
        // An unknown Omani mobile number (79xxxxxx).
        return u"+96879"_s + QString::number(m_random.bounded(100000, 999999));
    }
    return spokenForm(m_others.at(int(m_random.bounded(qsizetype(m_others.size())))));
}

void CallSimulator::placeCall()
{
    CallReport offered;
    offered.callId = u"sim-"_s + newUuid();
    offered.kind = CallEventKind::Offered;
    offered.callerNumber = nextCaller();
    offered.dialedNumber = u"1444"_s;
    ++m_placed;
    const qint64 now = m_clock.nowMs();
    m_calls.append(
        SimulatedCall { offered.callId, now + kMinWaitMs + qint64(m_random.bounded(kMaxWaitMs - kMinWaitMs)), 0 });
    report(offered);
    scheduleNext();
}

void CallSimulator::checkCalls()
{
    const qint64 now = m_clock.nowMs();
    for (auto it = m_calls.begin(); it != m_calls.end();) {
        const QueueRouter::CallPhase phase = m_router.callPhase(it->callId);
        CallReport event;
        event.callId = it->callId;
        if ((phase == QueueRouter::CallPhase::Waiting || phase == QueueRouter::CallPhase::Offered)
            && now >= it->abandonAtMs) {
            event.kind = CallEventKind::Abandoned; // the caller gave up waiting
        } else if (phase == QueueRouter::CallPhase::Connected) {
            if (it->connectedSeenAtMs == 0)
                it->connectedSeenAtMs = now;
            else if (now - it->connectedSeenAtMs >= kLongestCallMs)
                event.kind = CallEventKind::Ended;
        } else if (phase == QueueRouter::CallPhase::Finished) {
            it = m_calls.erase(it);
            continue;
        }
        // Unknown: the OFFERED is still on its way to the router.
        if (event.kind != CallEventKind::Unspecified) {
            report(event);
            it = m_calls.erase(it);
            continue;
        }
        ++it;
    }
}

void CallSimulator::report(const CallReport &report)
{
    m_database.post([&intake = m_intake, report] {
        try {
            bool accepted = false;
            const grpc::Status status = intake.report(report, &accepted);
            if (!status.ok())
                qCWarning(lcDemo) << "a simulated call event was refused:" << status.error_message().c_str();
        } catch (const StorageError &error) {
            qCWarning(lcDemo).noquote() << "a simulated call event was not stored:" << error.message();
        }
    });
}

} // namespace sanad::server

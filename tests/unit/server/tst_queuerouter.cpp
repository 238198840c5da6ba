#include "core/clock.h"
#include "server/queue/queuerouter.h"

#include <QTest>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

namespace {

class Recorder final : public RouterListener
{
public:
    void routerEvent(const RouterEvent &event) override { events.append(event); }

    QList<RouterEvent> of(const QString &agentId, RouterEvent::Kind kind) const
    {
        QList<RouterEvent> found;
        for (const RouterEvent &event : events) {
            if (event.agentId == agentId && event.kind == kind && event.connectionId != 0)
                found.append(event);
        }
        return found;
    }

    QList<RouterEvent> events;
};

IncomingCall call(const QString &id, qint64 at, const QString &number = u"+96891234567"_s)
{
    return IncomingCall { id, number, number, u"general"_s, Channel::Voice, at, {} };
}

IncomingCall callback(const QString &taskId, qint64 at, const QString &number = u"+96891111111"_s)
{
    IncomingCall c = call(u"callback-%1-0"_s.arg(taskId), at, number);
    c.callback = CallbackOffer { taskId, 1, u"abandoned"_s, QString(), at - 120000, 0 };
    return c;
}

} // namespace

class TestQueueRouter : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void connectStartsOnBreak();
    void longestIdleAgentGetsTheCall();
    void equalTimesGoByWhoWasAvailableFirst();
    void timeoutReoffersAndSetsBreak();
    void acceptEndAndWrapUp();
    void abandonedRevokes();
    void repeatsAndLateEventsAreHarmless();
    void disconnectHandsTheOfferOn();
    void presenceRules();
    void callsGoBeforeCallbacks();
    void withdrawnCallbackLeavesTheQueue();
    void requiredWrapUpKeepsTheAgentUntilRecorded();
    void optionalWrapUpEndsWithTheRecordOrF9();

private:
    void connectAvailable(const QString &agent, quint64 connection)
    {
        m_router->agentConnected(agent, agent.toUpper(), connection);
        QCOMPARE(m_router->setPresence(agent, QString(), AgentState::Available).outcome,
                 QueueRouter::PresenceResult::Outcome::Ok);
    }

    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<QueueRouter> m_router;
    std::unique_ptr<Recorder> m_recorder;
};

void TestQueueRouter::init()
{
    m_clock = std::make_unique<ManualClock>(1000000);
    m_router = std::make_unique<QueueRouter>(*m_clock, 15000);
    m_recorder = std::make_unique<Recorder>();
    m_router->setListener(m_recorder.get());
}

void TestQueueRouter::connectStartsOnBreak()
{
    m_router->agentConnected(u"a"_s, u"A"_s, 7);
    QCOMPARE(m_recorder->events.size(), 1);
    const RouterEvent first = m_recorder->events.constFirst();
    QCOMPARE(first.kind, RouterEvent::Kind::PresenceChanged);
    QCOMPARE(first.state, AgentState::Break);
    QCOMPARE(first.connectionId, quint64(7));
    // On break, a call waits.
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Waiting);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Available).state, AgentState::Available);
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Offered);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
}

void TestQueueRouter::longestIdleAgentGetsTheCall()
{
    connectAvailable(u"b"_s, 2); // available first: idle longest
    m_clock->advance(1000);
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Offered).size(), 1);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 0);
    // The next call goes to the other agent: b holds an offer already.
    m_router->callOffered(call(u"c2"_s, m_clock->nowMs()));
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
    const ContactOffer offer = m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).constFirst().offer;
    QCOMPARE(offer.callId, u"c2"_s);
    QCOMPARE(offer.expiresAtMs, m_clock->nowMs() + 15000);
    // A third call waits for someone.
    m_router->callOffered(call(u"c3"_s, m_clock->nowMs()));
    QCOMPARE(m_router->callPhase(u"c3"_s), QueueRouter::CallPhase::Waiting);
    QCOMPARE(m_router->waitingCount(), 3);
}

void TestQueueRouter::equalTimesGoByWhoWasAvailableFirst()
{
    // A clock that does not move (a test clock, or two agents in the same millisecond).
    connectAvailable(u"zz"_s, 1);
    connectAvailable(u"aa"_s, 2);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_recorder->of(u"zz"_s, RouterEvent::Kind::Offered).size(), 1);
    QCOMPARE(m_recorder->of(u"aa"_s, RouterEvent::Kind::Offered).size(), 0);
}

void TestQueueRouter::timeoutReoffersAndSetsBreak()
{
    connectAvailable(u"a"_s, 1);
    m_clock->advance(10);
    connectAvailable(u"b"_s, 2);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
    m_clock->advance(14999);
    m_router->tick();
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Offered).size(), 0); // not yet
    m_clock->advance(1);
    m_router->tick();
    const QList<RouterEvent> revoked = m_recorder->of(u"a"_s, RouterEvent::Kind::Revoked);
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.constFirst().revokeReason, RevokeReason::Timeout);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Break);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::PresenceChanged).constLast().reason, u"missed_offer"_s);
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Offered).size(), 1);
    // Nobody is left after b also misses it: the call waits, keeping its place.
    m_clock->advance(15000);
    m_router->tick();
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Waiting);
    QCOMPARE(m_router->agentState(u"b"_s), AgentState::Break);
}

void TestQueueRouter::acceptEndAndWrapUp()
{
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_router->accept(u"someone-else"_s, u"c1"_s).outcome, QueueRouter::AcceptResult::Outcome::NotOffered);
    const QueueRouter::AcceptResult accepted = m_router->accept(u"a"_s, u"c1"_s);
    QCOMPARE(accepted.outcome, QueueRouter::AcceptResult::Outcome::Accepted);
    QCOMPARE(accepted.state, AgentState::OnContact);
    QCOMPARE(accepted.call->agentName, u"A"_s);
    QCOMPARE(m_router->accept(u"a"_s, u"c1"_s).outcome, QueueRouter::AcceptResult::Outcome::AlreadyAccepted);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Break).outcome,
             QueueRouter::PresenceResult::Outcome::OnContact);
    // The offer no longer times out.
    m_clock->advance(60000);
    m_router->tick();
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::OnContact);

    m_router->callEnded(u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::WrapUp);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Ended).size(), 1);
    QCOMPARE(m_router->endContact(u"a"_s, u"c1"_s).outcome, QueueRouter::EndResult::Outcome::AlreadyEnded);
    // Wrap-up holds offers back until the agent is available again.
    m_router->callOffered(call(u"c2"_s, m_clock->nowMs()));
    QCOMPARE(m_router->callPhase(u"c2"_s), QueueRouter::CallPhase::Waiting);
    m_router->setPresence(u"a"_s, QString(), AgentState::Available);
    QCOMPARE(m_router->callPhase(u"c2"_s), QueueRouter::CallPhase::Offered);

    // ANSWERED from the PBX counts as accepting.
    const std::optional<ConnectedCall> answered = m_router->callAnswered(u"c2"_s);
    QVERIFY(answered);
    QCOMPARE(answered->agentId, u"a"_s);
    QCOMPARE(m_router->endContact(u"a"_s, u"c2"_s).outcome, QueueRouter::EndResult::Outcome::Ended);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::WrapUp);
}

void TestQueueRouter::abandonedRevokes()
{
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    m_router->callAbandoned(u"c1"_s);
    const QList<RouterEvent> revoked = m_recorder->of(u"a"_s, RouterEvent::Kind::Revoked);
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.constFirst().revokeReason, RevokeReason::Abandoned);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Available); // not the agent's fault
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Finished);
    QCOMPARE(m_router->waitingCount(), 0);
}

void TestQueueRouter::repeatsAndLateEventsAreHarmless()
{
    connectAvailable(u"a"_s, 1);
    QVERIFY(m_router->callOffered(call(u"c1"_s, m_clock->nowMs())));
    QVERIFY(!m_router->callOffered(call(u"c1"_s, m_clock->nowMs())));
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
    m_router->callAbandoned(u"c1"_s);
    m_router->callAbandoned(u"c1"_s);
    m_router->callEnded(u"c1"_s);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Revoked).size(), 1);
    // Events of a call the router never saw, then its late OFFERED: it does not ring.
    m_router->callEnded(u"c2"_s);
    QVERIFY(!m_router->callOffered(call(u"c2"_s, m_clock->nowMs())));
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
}

void TestQueueRouter::disconnectHandsTheOfferOn()
{
    connectAvailable(u"a"_s, 1);
    m_clock->advance(10);
    connectAvailable(u"b"_s, 2);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Offered).size(), 1);
    m_router->agentDisconnected(u"a"_s, 99); // an old stream: ignored
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Available);
    m_router->agentDisconnected(u"a"_s, 1);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Offline);
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Offered).size(), 1);
    QCOMPARE(m_router->activeCallEnqueuedAt(u"+96891234567"_s), m_clock->nowMs());
}

void TestQueueRouter::presenceRules()
{
    QCOMPARE(m_router->setPresence(u"a"_s, u"A"_s, AgentState::OnContact).outcome,
             QueueRouter::PresenceResult::Outcome::NotAllowed);
    QCOMPARE(m_router->setPresence(u"a"_s, u"A"_s, AgentState::WrapUp).outcome,
             QueueRouter::PresenceResult::Outcome::NotAllowed);
    // Without a stream the state is kept, but nothing is offered.
    QCOMPARE(m_router->setPresence(u"a"_s, u"A"_s, AgentState::Available).state, AgentState::Available);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Waiting);
    m_router->agentConnected(u"a"_s, u"A"_s, 5);
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Offered);
    // Going on break with an offer hands it back.
    m_router->setPresence(u"a"_s, QString(), AgentState::Break);
    QCOMPARE(m_router->callPhase(u"c1"_s), QueueRouter::CallPhase::Waiting);
    QCOMPARE(m_recorder->of(u"a"_s, RouterEvent::Kind::Revoked).size(), 1);
}

void TestQueueRouter::callsGoBeforeCallbacks()
{
    // A callback waited first, but a caller on the line comes first.
    m_router->callOffered(callback(u"t1"_s, m_clock->nowMs()));
    m_clock->advance(1000);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    connectAvailable(u"a"_s, 1);
    QList<RouterEvent> offers = m_recorder->of(u"a"_s, RouterEvent::Kind::Offered);
    QCOMPARE(offers.size(), 1);
    QCOMPARE(offers.constFirst().offer.callId, u"c1"_s);
    QVERIFY(!offers.constFirst().offer.callback.isCallback());
    // The next free agent gets the callback, with what to tell the customer.
    connectAvailable(u"b"_s, 2);
    offers = m_recorder->of(u"b"_s, RouterEvent::Kind::Offered);
    QCOMPARE(offers.size(), 1);
    QCOMPARE(offers.constFirst().offer.callback.id, u"t1"_s);
    QCOMPARE(offers.constFirst().offer.callback.reason, u"abandoned"_s);
    QCOMPARE(offers.constFirst().offer.normalizedNumber, u"+96891111111"_s);
    // A caller who rings while the callback is being offered takes it over.
    m_router->callOffered(call(u"c2"_s, m_clock->nowMs(), u"+96894444444"_s));
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Revoked).size(), 1);
    QCOMPARE(m_router->callPhase(u"c2"_s), QueueRouter::CallPhase::Offered);
    QCOMPARE(m_recorder->of(u"b"_s, RouterEvent::Kind::Offered).constLast().offer.callId, u"c2"_s);
    QCOMPARE(m_router->callPhase(u"callback-t1-0"_s), QueueRouter::CallPhase::Waiting);
    // The callback waits for the next free agent.
    connectAvailable(u"c"_s, 3);
    QCOMPARE(m_recorder->of(u"c"_s, RouterEvent::Kind::Offered).constFirst().offer.callback.id, u"t1"_s);
    // Taken like a call: the contact carries the task, so the server records an outbound call.
    const QueueRouter::AcceptResult accepted = m_router->accept(u"c"_s, u"callback-t1-0"_s);
    QCOMPARE(accepted.outcome, QueueRouter::AcceptResult::Outcome::Accepted);
    QCOMPARE(accepted.call->callback.id, u"t1"_s);
}

void TestQueueRouter::withdrawnCallbackLeavesTheQueue()
{
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(callback(u"t1"_s, m_clock->nowMs()));
    m_router->callOffered(callback(u"t2"_s, m_clock->nowMs(), u"+96892222222"_s));
    QCOMPARE(m_router->callPhase(u"callback-t1-0"_s), QueueRouter::CallPhase::Offered);
    // The customer got through by ringing again: the offer goes, and the next task is offered.
    m_router->withdrawCallback(u"t1"_s);
    QCOMPARE(m_router->callPhase(u"callback-t1-0"_s), QueueRouter::CallPhase::Finished);
    const QList<RouterEvent> revoked = m_recorder->of(u"a"_s, RouterEvent::Kind::Revoked);
    QCOMPARE(revoked.size(), 1);
    QCOMPARE(revoked.constFirst().revokeReason, RevokeReason::Taken);
    QCOMPARE(m_router->callPhase(u"callback-t2-0"_s), QueueRouter::CallPhase::Offered);
    // Offering the same attempt again changes nothing.
    QVERIFY(!m_router->callOffered(callback(u"t1"_s, m_clock->nowMs())));
    m_router->withdrawCallback(u"t2"_s);
    QCOMPARE(m_router->waitingCount(), 0);
}

void TestQueueRouter::requiredWrapUpKeepsTheAgentUntilRecorded()
{
    m_router->setWrapUpRequired([](const QString &queue) { return queue == u"general"_s; });
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QVERIFY(m_router->accept(u"a"_s, u"c1"_s).call.has_value());
    m_router->callEnded(u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::WrapUp);
    const QueueRouter::PresenceResult refused = m_router->setPresence(u"a"_s, QString(), AgentState::Available);
    QCOMPARE(refused.outcome, QueueRouter::PresenceResult::Outcome::WrapUpRequired);
    QCOMPARE(refused.wrapUpCallId, u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::WrapUp);
    // A break is allowed, but back from it the wrap-up is still owed.
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Break).outcome,
             QueueRouter::PresenceResult::Outcome::Ok);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Available).outcome,
             QueueRouter::PresenceResult::Outcome::WrapUpRequired);
    // The wrap-up of another call changes nothing; this call's makes the break end only by choice.
    m_router->wrapUpRecorded(u"a"_s, u"other"_s);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Available).outcome,
             QueueRouter::PresenceResult::Outcome::WrapUpRequired);
    m_router->wrapUpRecorded(u"a"_s, u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Break);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Available).state, AgentState::Available);

    // Recorded while still in wrap-up: available at once, and a waiting call is offered.
    m_router->callOffered(call(u"c2"_s, m_clock->nowMs()));
    QVERIFY(m_router->accept(u"a"_s, u"c2"_s).call.has_value());
    m_router->callEnded(u"c2"_s);
    m_router->callOffered(call(u"c3"_s, m_clock->nowMs(), u"+96893333333"_s));
    QCOMPARE(m_router->callPhase(u"c3"_s), QueueRouter::CallPhase::Waiting);
    m_router->wrapUpRecorded(u"a"_s, u"c2"_s);
    QCOMPARE(m_router->callPhase(u"c3"_s), QueueRouter::CallPhase::Offered);
    const RouterEvent presence = m_recorder->of(u"a"_s, RouterEvent::Kind::PresenceChanged).constLast();
    QCOMPARE(presence.state, AgentState::Available);
    QCOMPARE(presence.reason, u"wrap_up_recorded"_s);
}

void TestQueueRouter::optionalWrapUpEndsWithTheRecordOrF9()
{
    m_router->setWrapUpRequired([](const QString &) { return false; });
    connectAvailable(u"a"_s, 1);
    m_router->callOffered(call(u"c1"_s, m_clock->nowMs()));
    QVERIFY(m_router->accept(u"a"_s, u"c1"_s).call.has_value());
    m_router->callEnded(u"c1"_s);
    m_router->wrapUpRecorded(u"a"_s, u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::Available);
    // The same wrap-up pushed again later does not disturb the next contact.
    m_router->callOffered(call(u"c2"_s, m_clock->nowMs()));
    QVERIFY(m_router->accept(u"a"_s, u"c2"_s).call.has_value());
    m_router->wrapUpRecorded(u"a"_s, u"c1"_s);
    QCOMPARE(m_router->agentState(u"a"_s), AgentState::OnContact);
    m_router->callEnded(u"c2"_s);
    QCOMPARE(m_router->setPresence(u"a"_s, QString(), AgentState::Available).outcome,
             QueueRouter::PresenceResult::Outcome::Ok); // F9 skips an optional wrap-up
}

QTEST_GUILESS_MAIN(TestQueueRouter)
#include "tst_queuerouter.moc"

#include "grpctestclient.h"
#include "sanad/v1/supervisor.grpc.pb.h"
#include "serverprocess.h"

#include <QTemporaryFile>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000; // generous: a busy 2-core machine
constexpr qint64 kMinuteMs = 60 * 1000;

// The newest offer on the stream (ChangesAvailable and presence events come between).
v1::ContactOffered lastOffer(const AgentStreamReader &stream)
{
    const QList<v1::AgentEvent> events = stream.events();
    for (auto it = events.crbegin(); it != events.crend(); ++it) {
        if (it->has_contact_offered())
            return it->contact_offered();
    }
    return {};
}

} // namespace

// No lost callers (issue 4, docs/cases.md): a caller who hangs up while waiting is offered to an
// agent like a call after the policy's delay, with the reason; a caller on the line comes first;
// a caller who gets through by ringing again is not called back; an attempt that does not reach
// the customer rings again after the retry time, and the last one gives up. The policy here
// requires a wrap-up: the agent becomes available only when it is recorded. Runs on the test
// clock; the functions run in order and share the server.
class TestCallbacks : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void abandonedCallerRingsAfterTheDelay();
    void unreachedCallbackRingsAgainThenGivesUp();
    void callersOnTheLineComeFirst();
    void callerWhoRingsAgainIsNotCalledBack();
    void wrapUpOfACallerNotOnFile();

private:
    // Accepts the call, ends it, and checks the required wrap-up keeps the agent from F9.
    void takeAndEnd(const QString &token, AgentStreamReader &stream, const QString &callId);
    // Records the callback attempt (when callbackId is set) and the wrap-up in one push.
    void wrapUp(const QString &token, const QString &callId, const std::string &customerId,
                const std::string &callbackId = {}, qint64 callbackVersion = 0, bool reached = false);
    v1::CallbackTask lastStateOf(const std::string &callbackId);
    static QString callbackCall(const v1::ContactOffered &offer);

    ServerProcess m_server;
    QTemporaryFile m_policy;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_agent1, m_agent2, m_cti, m_admin;
    std::unique_ptr<AgentStreamReader> m_stream1, m_stream2;
    std::string m_customerA, m_customerB, m_customerC;
    int m_next = 0;
};

void TestCallbacks::initTestCase()
{
    for (const auto &[username, role] : { std::pair { u"agent1"_s, u"agent"_s }, std::pair { u"agent2"_s, u"agent"_s },
                                          std::pair { u"pbx"_s, u"cti"_s }, std::pair { u"boss"_s, u"admin"_s } }) {
        const CommandResult r
            = m_server.run({ u"add-user"_s, u"--username"_s, username, u"--role"_s, role }, "a-long-password\n");
        QVERIFY2(r.exitCode == 0, qPrintable(r.standardError));
    }
    QTemporaryFile csv;
    QVERIFY(csv.open());
    csv.write(u"name,phone\nعائشة البلوشية,91000001\nخالد الرواحي,91000002\nنورة الحارثية,91000003\n"_s.toUtf8());
    csv.close();
    const CommandResult imported = m_server.run({ u"import-customers"_s, csv.fileName() });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.standardError));

    QVERIFY(m_policy.open());
    m_policy.write(R"({"wrap_up": {"default": "required"},
                       "callbacks": {"delay_minutes": 2, "retry_minutes": 30, "max_attempts": 2}})");
    m_policy.close();
    QVERIFY(m_server.start({ u"--test-clock"_s, u"--policy"_s, m_policy.fileName() }));
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent1 = m_client->login(u"agent1"_s, u"a-long-password"_s);
    m_agent2 = m_client->login(u"agent2"_s, u"a-long-password"_s);
    m_cti = m_client->login(u"pbx"_s, u"a-long-password"_s);
    m_admin = m_client->login(u"boss"_s, u"a-long-password"_s);
    QVERIFY(!m_agent1.isEmpty() && !m_agent2.isEmpty() && !m_cti.isEmpty() && !m_admin.isEmpty());
    for (auto [phone, id] : { std::pair { u"91000001"_s, &m_customerA }, std::pair { u"91000002"_s, &m_customerB },
                              std::pair { u"91000003"_s, &m_customerC } }) {
        v1::CallerContext context;
        QVERIFY(m_client->lookup(m_agent1, phone, &context).ok());
        *id = context.customer().id();
    }
    m_stream1 = std::make_unique<AgentStreamReader>(*m_client, m_agent1);
    QTRY_VERIFY_WITH_TIMEOUT(m_stream1->eventCount() >= 1, kWaitMs);
    QVERIFY(m_client->setPresence(m_agent1, v1::AGENT_STATE_AVAILABLE).ok());
}

QString TestCallbacks::callbackCall(const v1::ContactOffered &offer)
{
    return QString::fromStdString(offer.call_id());
}

void TestCallbacks::takeAndEnd(const QString &token, AgentStreamReader &stream, const QString &callId)
{
    v1::AcceptContactRequest accept;
    accept.set_call_id(callId.toStdString());
    v1::AcceptContactResponse accepted;
    QVERIFY(m_client->agent().AcceptContact(GrpcTestClient::context(token).get(), accept, &accepted).ok());
    v1::EndContactRequest end;
    end.set_call_id(callId.toStdString());
    v1::EndContactResponse ended;
    QVERIFY(m_client->agent().EndContact(GrpcTestClient::context(token).get(), end, &ended).ok());
    QCOMPARE(ended.state(), v1::AGENT_STATE_WRAP_UP);
    QTRY_COMPARE_WITH_TIMEOUT(stream.lastPresence(), v1::AGENT_STATE_WRAP_UP, kWaitMs);
    // This queue requires the wrap-up: F9 is refused with what to do.
    const grpc::Status refused = m_client->setPresence(token, v1::AGENT_STATE_AVAILABLE);
    QCOMPARE(refused.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY2(QString::fromStdString(refused.error_message()).contains(u"wrap-up"_s), refused.error_message().c_str());
}

void TestCallbacks::wrapUp(const QString &token, const QString &callId, const std::string &customerId,
                           const std::string &callbackId, qint64 callbackVersion, bool reached)
{
    QList<v1::Mutation> mutations;
    if (!callbackId.empty()) {
        v1::Mutation attempt;
        attempt.set_mutation_id("cb-" + std::to_string(++m_next));
        attempt.set_base_version(callbackVersion);
        attempt.mutable_record_callback_attempt()->set_callback_id(callbackId);
        attempt.mutable_record_callback_attempt()->set_reached(reached);
        attempt.mutable_record_callback_attempt()->set_outcome(reached ? "spoke to her" : "no answer");
        mutations << attempt;
    }
    v1::Mutation wrap;
    wrap.set_mutation_id("cb-" + std::to_string(++m_next));
    wrap.mutable_record_wrap_up()->set_wrap_up_id("wrap-" + std::to_string(m_next));
    wrap.mutable_record_wrap_up()->set_customer_id(customerId);
    wrap.mutable_record_wrap_up()->set_call_id(callId.toStdString());
    wrap.mutable_record_wrap_up()->set_disposition(reached || callbackId.empty() ? "information_given" : "follow_up");
    wrap.mutable_record_wrap_up()->set_mood(v1::CALLER_MOOD_NEUTRAL);
    mutations << wrap;
    v1::PushResponse pushed;
    QVERIFY(m_client->push(token, mutations, &pushed).ok());
    for (const v1::MutationResult &result : pushed.results())
        QVERIFY2(result.outcome() == v1::MUTATION_OUTCOME_APPLIED, result.detail().c_str());
}

v1::CallbackTask TestCallbacks::lastStateOf(const std::string &callbackId)
{
    v1::PullRequest pull;
    pull.set_limit(5000);
    v1::PullResponse changes;
    if (!m_client->sync().Pull(GrpcTestClient::context(m_agent1).get(), pull, &changes).ok())
        return {};
    v1::CallbackTask last;
    for (const v1::Change &change : changes.changes()) {
        if (change.has_callback_task() && change.callback_task().id() == callbackId)
            last = change.callback_task();
    }
    return last;
}

void TestCallbacks::abandonedCallerRingsAfterTheDelay()
{
    QVERIFY(m_client->reportCall(m_cti, u"ab-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"91000001"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(u"ab-1"_s), 1, kWaitMs);
    QVERIFY(m_client->reportCall(m_cti, u"ab-1"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->revokesOf(u"ab-1"_s, v1::REVOKE_REASON_ABANDONED), 1, kWaitMs);

    // Many ring again by themselves: nothing is offered before the policy's two minutes.
    QVERIFY(m_client->advanceClock(m_admin, kMinuteMs).ok());
    QCOMPARE(m_stream1->offersOf(QString()), 1);
    QVERIFY(m_client->advanceClock(m_admin, kMinuteMs + 1000).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(QString()), 2, kWaitMs);
    const v1::ContactOffered offer = lastOffer(*m_stream1);
    QVERIFY(offer.has_callback());
    QCOMPARE(offer.callback().reason(), "abandoned");
    QCOMPARE(offer.caller_number(), "+96891000001");
    QCOMPARE(offer.callback().attempts(), 0);
    QVERIFY(offer.callback().version() >= 1);

    // Taken like a call; the caller's history shows the outbound call, by this agent.
    takeAndEnd(m_agent1, *m_stream1, callbackCall(offer));
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent1, u"91000001"_s, &context).ok());
    QVERIFY(context.history_size() >= 1);
    QCOMPARE(context.history(0).direction(), v1::DIRECTION_OUTBOUND);
    QCOMPARE(context.history(0).channel(), v1::CHANNEL_VOICE);
    // Not reached: the wrap-up makes the agent available by itself.
    wrapUp(m_agent1, callbackCall(offer), m_customerA, offer.callback().id(), offer.callback().version(), false);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE, kWaitMs);
    QCOMPARE(m_stream1->lastPresenceReason(), u"wrap_up_recorded"_s);
    const v1::CallbackTask task = lastStateOf(offer.callback().id());
    QCOMPARE(task.status(), v1::CALLBACK_STATUS_OPEN);
    QCOMPARE(task.attempts(), 1);
    QCOMPARE(task.outcome(), "no answer");
}

void TestCallbacks::unreachedCallbackRingsAgainThenGivesUp()
{
    const int before = m_stream1->offersOf(QString());
    QVERIFY(m_client->advanceClock(m_admin, 29 * kMinuteMs).ok());
    QCOMPARE(m_stream1->offersOf(QString()), before); // not before the retry time
    QVERIFY(m_client->advanceClock(m_admin, 2 * kMinuteMs).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(QString()), before + 1, kWaitMs);
    const v1::ContactOffered offer = lastOffer(*m_stream1);
    QVERIFY(offer.has_callback());
    QCOMPARE(offer.callback().attempts(), 1);
    QVERIFY(offer.call_id().ends_with("-1")); // a new call for the new attempt
    takeAndEnd(m_agent1, *m_stream1, callbackCall(offer));
    wrapUp(m_agent1, callbackCall(offer), m_customerA, offer.callback().id(), offer.callback().version(), false);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE, kWaitMs);
    // The policy's last attempt: given up, never offered again.
    const v1::CallbackTask task = lastStateOf(offer.callback().id());
    QCOMPARE(task.status(), v1::CALLBACK_STATUS_GAVE_UP);
    QCOMPARE(task.attempts(), 2);
    QVERIFY(m_client->advanceClock(m_admin, 60 * kMinuteMs).ok());
    QCOMPARE(m_stream1->offersOf(QString()), before + 1);
    // A caller nobody reached is the lead's to decide: on the follow-up list, with the number.
    auto supervisor = v1::SupervisorService::NewStub(m_client->channel());
    v1::FollowUpList list;
    QVERIFY(supervisor->GetFollowUpList(GrpcTestClient::context(m_admin).get(), {}, &list).ok());
    const v1::FollowUpItem *unreached = nullptr;
    for (const v1::FollowUpItem &item : list.items())
        if (item.reason() == v1::FOLLOW_UP_REASON_UNREACHED_CALLBACK && item.callback().id() == task.id())
            unreached = &item;
    QVERIFY(unreached);
    QCOMPARE(unreached->customer_name(), "عائشة البلوشية");
    QCOMPARE(unreached->callback().phone(), "+96891000001");
    QCOMPARE(unreached->count(), 2);
}

void TestCallbacks::callersOnTheLineComeFirst()
{
    // Customer B hangs up while agent1 is on a break; the callback falls due.
    QVERIFY(m_client->setPresence(m_agent1, v1::AGENT_STATE_BREAK).ok());
    QVERIFY(m_client->reportCall(m_cti, u"ab-2"_s, v1::CALL_EVENT_KIND_OFFERED, u"91000002"_s).ok());
    QVERIFY(m_client->reportCall(m_cti, u"ab-2"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QVERIFY(m_client->advanceClock(m_admin, 3 * kMinuteMs).ok());
    // A caller rings now: when agent1 comes back, the caller on the line is offered first.
    QVERIFY(m_client->reportCall(m_cti, u"in-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"99887766"_s).ok());
    const int before = m_stream1->offersOf(QString());
    QVERIFY(m_client->setPresence(m_agent1, v1::AGENT_STATE_AVAILABLE).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(QString()), before + 1, kWaitMs);
    QCOMPARE(m_stream1->offersOf(u"in-1"_s), 1);
    QVERIFY(!m_stream1->offer(u"in-1"_s).has_callback());
    takeAndEnd(m_agent1, *m_stream1, u"in-1"_s);
    // The wrap-up of a caller who is not on file names the call instead of a customer.
    wrapUp(m_agent1, u"in-1"_s, std::string());
    // Then the callback.
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(QString()), before + 2, kWaitMs);
    const v1::ContactOffered offer = lastOffer(*m_stream1);
    QVERIFY(offer.has_callback());
    QCOMPARE(offer.caller_number(), "+96891000002");
    takeAndEnd(m_agent1, *m_stream1, callbackCall(offer));
    wrapUp(m_agent1, callbackCall(offer), m_customerB, offer.callback().id(), offer.callback().version(), true);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE, kWaitMs);
    const v1::CallbackTask task = lastStateOf(offer.callback().id());
    QCOMPARE(task.status(), v1::CALLBACK_STATUS_REACHED); // recovered
    QCOMPARE(task.outcome(), "spoke to her");
}

void TestCallbacks::callerWhoRingsAgainIsNotCalledBack()
{
    // Customer C hangs up; her callback is offered to agent1...
    QVERIFY(m_client->reportCall(m_cti, u"ab-3"_s, v1::CALL_EVENT_KIND_OFFERED, u"91000003"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(u"ab-3"_s), 1, kWaitMs);
    QVERIFY(m_client->reportCall(m_cti, u"ab-3"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->revokesOf(u"ab-3"_s, v1::REVOKE_REASON_ABANDONED), 1, kWaitMs);
    const int before = m_stream1->offersOf(QString());
    QVERIFY(m_client->advanceClock(m_admin, 3 * kMinuteMs).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(QString()), before + 1, kWaitMs);
    const v1::ContactOffered offer = lastOffer(*m_stream1);
    QVERIFY(offer.has_callback());
    QCOMPARE(offer.caller_number(), "+96891000003");
    // ...while she rings again herself, and agent2 answers her.
    m_stream2 = std::make_unique<AgentStreamReader>(*m_client, m_agent2);
    QTRY_VERIFY_WITH_TIMEOUT(m_stream2->eventCount() >= 1, kWaitMs);
    QVERIFY(m_client->setPresence(m_agent2, v1::AGENT_STATE_AVAILABLE).ok());
    QVERIFY(m_client->reportCall(m_cti, u"in-3"_s, v1::CALL_EVENT_KIND_OFFERED, u"91000003"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->offersOf(u"in-3"_s), 1, kWaitMs);
    takeAndEnd(m_agent2, *m_stream2, u"in-3"_s);
    // Nobody is left to call back: agent1's offer goes, and the task is closed as reached.
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->revokesOf(callbackCall(offer), v1::REVOKE_REASON_TAKEN), 1, kWaitMs);
    const v1::CallbackTask task = lastStateOf(offer.callback().id());
    QCOMPARE(task.status(), v1::CALLBACK_STATUS_REACHED);
    QCOMPARE(task.outcome(), "called again and was answered");
    QCOMPARE(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE);
}

void TestCallbacks::wrapUpOfACallerNotOnFile()
{
    // A wrap-up with neither customer nor call has nothing to belong to.
    v1::Mutation bad;
    bad.set_mutation_id("cb-bad");
    bad.mutable_record_wrap_up()->set_disposition("wrong_number");
    bad.mutable_record_wrap_up()->set_mood(v1::CALLER_MOOD_NEUTRAL);
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent2, { bad }, &pushed).ok());
    QCOMPARE(pushed.results(0).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(pushed.results(0).detail()).contains(u"call_id"_s),
             pushed.results(0).detail().c_str());
    // agent2 still owes the wrap-up of in-3; it makes her available.
    QVERIFY(m_stream2);
    wrapUp(m_agent2, u"in-3"_s, m_customerC);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->lastPresence(), v1::AGENT_STATE_AVAILABLE, kWaitMs);
    // The wrap-up reaches the change feed even without a customer (in-1's, above).
    v1::PullRequest pull;
    pull.set_limit(5000);
    v1::PullResponse changes;
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent1).get(), pull, &changes).ok());
    bool found = false;
    for (const v1::Change &change : changes.changes())
        found = found || (change.has_wrap_up() && change.wrap_up().call_id() == "in-1");
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestCallbacks)
#include "tst_callbacks.moc"

#include "grpctestclient.h"
#include "serverprocess.h"

#include "sanad/v1/supervisor.grpc.pb.h"

#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kHour = 3600LL * 1000;
constexpr qint64 kDay = 24 * kHour;
} // namespace

// The case lifecycle through the real server (docs/cases.md): confirmation rules, referrals and
// their SLA on the test clock, incidents, callbacks for abandoned calls, wrap-ups and the lead's
// follow-up list.
class TestLifecycle : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void confirmationRulesRejectAndConflict();
    void followUpListIsForLeads();
    void burstPipeBecomesOneEscalatedIncident();
    void overdueReferralRaisesPriority();
    void awaitingConfirmationTooLongReachesTheLead();
    void abandonedCallBecomesCallbackAndIsRecovered();
    void wrapUpWithDissatisfiedCaller();
    void repeatContactsAreLinkedAndReachTheLead();

private:
    v1::Case caseOf(const std::string &phone, const std::string &caseId);
    QList<v1::FollowUpItem> followUps(); // copied: a range-for must not walk a temporary's member

    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    std::unique_ptr<v1::SupervisorService::Stub> m_supervisor;
    QString m_agent, m_lead, m_admin, m_cti;
};

v1::Case TestLifecycle::caseOf(const std::string &phone, const std::string &caseId)
{
    v1::CallerContext context;
    const grpc::Status status = m_client->lookup(m_agent, QString::fromStdString(phone), &context);
    if (!status.ok())
        qWarning() << "lookup:" << status.error_message().c_str();
    for (const v1::Case &c : context.cases()) {
        if (c.id() == caseId)
            return c;
    }
    return {};
}

QList<v1::FollowUpItem> TestLifecycle::followUps()
{
    v1::FollowUpList list;
    const grpc::Status status
        = m_supervisor->GetFollowUpList(GrpcTestClient::context(m_lead).get(), v1::GetFollowUpListRequest(), &list);
    if (!status.ok())
        qWarning() << "follow-up list:" << status.error_message().c_str();
    return QList<v1::FollowUpItem>(list.items().begin(), list.items().end());
}

void TestLifecycle::initTestCase()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.addUser(u"lead1"_s, u"lead"_s, u"lead-password"_s));
    QVERIFY(m_server.addUser(u"admin1"_s, u"admin"_s, u"admin-password"_s));
    QVERIFY(m_server.addUser(u"pbx"_s, u"cti"_s, u"pbx-password"_s));
    // The test clock moves days ahead: logins must outlast it.
    QVERIFY(m_server.start({ u"--test-clock"_s, u"--token-ttl"_s, u"100000000"_s }));
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_supervisor = v1::SupervisorService::NewStub(m_client->channel());
    m_agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    m_lead = m_client->login(u"lead1"_s, u"lead-password"_s);
    m_admin = m_client->login(u"admin1"_s, u"admin-password"_s);
    m_cti = m_client->login(u"pbx"_s, u"pbx-password"_s);
    QVERIFY(!m_agent.isEmpty() && !m_lead.isEmpty() && !m_admin.isEmpty() && !m_cti.isEmpty());
}

void TestLifecycle::confirmationRulesRejectAndConflict()
{
    const std::string phone = "+96891000001";
    const std::string caseId = m_client->createCase(m_agent, m_client->createCustomer(m_agent, phone), "bank.card");

    // Resolved without the customer's confirmation is refused, and says what to do instead.
    v1::Mutation resolve = GrpcTestClient::newMutation(1);
    resolve.mutable_change_case_status()->set_case_id(caseId);
    resolve.mutable_change_case_status()->set_status(v1::CASE_STATUS_RESOLVED);
    v1::MutationResult r = m_client->pushOne(m_agent, resolve);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"awaiting confirmation"_s), r.detail().c_str());

    // So the case waits for the customer.
    v1::Mutation awaiting = GrpcTestClient::newMutation(1);
    awaiting.mutable_change_case_status()->set_case_id(caseId);
    awaiting.mutable_change_case_status()->set_status(v1::CASE_STATUS_AWAITING_CONFIRMATION);
    r = m_client->pushOne(m_agent, awaiting);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(r.new_version(), 2);
    v1::Case record = caseOf(phone, caseId);
    QCOMPARE(record.status(), v1::CASE_STATUS_AWAITING_CONFIRMATION);
    QVERIFY(record.has_awaiting_confirmation_since());
    QVERIFY(!record.customer_confirmed());

    // A confirmation made on the old version conflicts; on the current one it resolves the case.
    v1::Mutation stale = GrpcTestClient::newMutation(1);
    stale.mutable_confirm_resolution()->set_case_id(caseId);
    r = m_client->pushOne(m_agent, stale);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_CONFLICT);
    QCOMPARE(r.new_version(), 2);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"Reload"_s), r.detail().c_str());
    v1::Mutation confirm = GrpcTestClient::newMutation(2);
    confirm.mutable_confirm_resolution()->set_case_id(caseId);
    confirm.mutable_confirm_resolution()->set_how("callback");
    r = m_client->pushOne(m_agent, confirm);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    record = caseOf(phone, caseId);
    QCOMPARE(record.status(), v1::CASE_STATUS_RESOLVED);
    QVERIFY(record.customer_confirmed());
    QVERIFY(!record.has_awaiting_confirmation_since());

    // Confirming a case that does not await confirmation is refused.
    v1::Mutation again = GrpcTestClient::newMutation(3);
    again.mutable_confirm_resolution()->set_case_id(caseId);
    r = m_client->pushOne(m_agent, again);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"not awaiting confirmation"_s), r.detail().c_str());

    // A reopen is counted (it turns a first-contact resolution into a non-FCR).
    v1::Mutation reopen = GrpcTestClient::newMutation(3);
    reopen.mutable_change_case_status()->set_case_id(caseId);
    reopen.mutable_change_case_status()->set_status(v1::CASE_STATUS_REOPENED);
    QCOMPARE(m_client->pushOne(m_agent, reopen).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(caseOf(phone, caseId).reopen_count(), 1);

    // A referral needs an owner.
    v1::Mutation refer = GrpcTestClient::newMutation(4);
    refer.mutable_refer_case()->set_case_id(caseId);
    r = m_client->pushOne(m_agent, refer);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"owner"_s), r.detail().c_str());
}

void TestLifecycle::followUpListIsForLeads()
{
    v1::FollowUpList list;
    grpc::Status status
        = m_supervisor->GetFollowUpList(GrpcTestClient::context(m_agent).get(), v1::GetFollowUpListRequest(), &list);
    QCOMPARE(status.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    status
        = m_supervisor->GetFollowUpList(GrpcTestClient::context(QString()).get(), v1::GetFollowUpListRequest(), &list);
    QCOMPARE(status.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    status = m_supervisor->GetFollowUpList(GrpcTestClient::context(m_admin).get(), v1::GetFollowUpListRequest(), &list);
    QVERIFY2(status.ok(), status.error_message().c_str());
}

void TestLifecycle::burstPipeBecomesOneEscalatedIncident()
{
    // Five callers report a burst pipe at the same place (written a little differently each time).
    const std::vector<std::string> places = { "Al Khuwair, Way 3021", "al khuwair, way 3021", "Al Khuwair,  Way 3021",
                                              "AL KHUWAIR, WAY 3021", "Al Khuwair, Way 3021" };
    std::vector<std::string> phones, cases;
    for (int i = 0; i < 5; ++i) {
        phones.push_back("+9689200000" + std::to_string(i));
        cases.push_back(m_client->createCase(m_agent, m_client->createCustomer(m_agent, phones.back()),
                                             "water.burst_pipe", places[i]));
    }
    // The first report is the incident; the others are linked to it.
    v1::Case parent = caseOf(phones[0], cases[0]);
    QCOMPARE(parent.incident_reports(), 5);
    QVERIFY(parent.escalated());
    // Normal, raised by each of four further reports: high, then urgent, and urgent stays.
    QCOMPARE(parent.priority(), v1::PRIORITY_URGENT);
    for (int i = 1; i < 5; ++i)
        QCOMPARE(caseOf(phones[i], cases[i]).incident_id(), cases[0]);

    // After the second report it was high, not yet escalated: check on a second incident.
    const std::string a = m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96893000001"),
                                               "water.burst_pipe", "Ruwi, Street 9");
    m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96893000002"), "water.burst_pipe",
                         "Ruwi, Street 9");
    const v1::Case two = caseOf("+96893000001", a);
    QCOMPARE(two.incident_reports(), 2);
    QCOMPARE(two.priority(), v1::PRIORITY_HIGH);
    QVERIFY(!two.escalated());

    // The lead sees the escalated incident on the follow-up list, with its report count.
    bool found = false;
    for (const v1::FollowUpItem &item : followUps()) {
        if (item.reason() == v1::FOLLOW_UP_REASON_ESCALATED_INCIDENT) {
            QCOMPARE(item.case_record().id(), cases[0]);
            QCOMPARE(item.count(), 5);
            QCOMPARE(item.customer_name(), "Caller " + parent.customer_id());
            found = true;
        }
    }
    QVERIFY(found);
}

void TestLifecycle::overdueReferralRaisesPriority()
{
    const std::string phone = "+96891000002";
    const std::string caseId = m_client->createCase(m_agent, m_client->createCustomer(m_agent, phone), "bank.card");
    v1::Mutation refer = GrpcTestClient::newMutation(1);
    refer.mutable_refer_case()->set_case_id(caseId);
    refer.mutable_refer_case()->set_owner("Aisha Al-Harthy");
    v1::MutationResult r = m_client->pushOne(m_agent, refer);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    v1::Case record = caseOf(phone, caseId);
    QCOMPARE(record.status(), v1::CASE_STATUS_REFERRED);
    QCOMPARE(record.priority(), v1::PRIORITY_NORMAL);
    QCOMPARE(record.referrals_size(), 1);
    const v1::Referral referral = record.referrals(0);
    QCOMPARE(referral.owner(), "Aisha Al-Harthy");
    QCOMPARE(referral.department(), "Card services"); // the category's department
    // bank.card at normal priority: 72 hours (the default policy).
    QCOMPARE(referral.due_at().seconds() - referral.created_at().seconds(), 72 * 3600);

    const auto overdueItems = [this, &caseId] {
        int n = 0;
        for (const v1::FollowUpItem &item : followUps())
            n += item.reason() == v1::FOLLOW_UP_REASON_OVERDUE_REFERRAL && item.case_record().id() == caseId;
        return n;
    };
    QCOMPARE(overdueItems(), 0);
    QVERIFY(m_client->advanceClock(m_admin, 71 * kHour).ok());
    QCOMPARE(caseOf(phone, caseId).priority(), v1::PRIORITY_NORMAL);
    QCOMPARE(overdueItems(), 0);

    // Two hours later it is overdue: the priority goes up once, and the lead sees it.
    QVERIFY(m_client->advanceClock(m_admin, 2 * kHour).ok());
    record = caseOf(phone, caseId);
    QCOMPARE(record.priority(), v1::PRIORITY_HIGH);
    QCOMPARE(overdueItems(), 1);
    QVERIFY(m_client->advanceClock(m_admin, 1 * kHour).ok());
    QCOMPARE(caseOf(phone, caseId).priority(), v1::PRIORITY_HIGH);
    for (const v1::FollowUpItem &item : followUps()) {
        if (item.reason() == v1::FOLLOW_UP_REASON_OVERDUE_REFERRAL && item.case_record().id() == caseId) {
            QCOMPARE(item.referral().owner(), "Aisha Al-Harthy");
            QCOMPARE(item.since().seconds(), referral.due_at().seconds());
        }
    }
}

void TestLifecycle::awaitingConfirmationTooLongReachesTheLead()
{
    const std::string phone = "+96891000003";
    const std::string caseId
        = m_client->createCase(m_agent, m_client->createCustomer(m_agent, phone), "telecom.internet");
    v1::Mutation awaiting = GrpcTestClient::newMutation(1);
    awaiting.mutable_change_case_status()->set_case_id(caseId);
    awaiting.mutable_change_case_status()->set_status(v1::CASE_STATUS_AWAITING_CONFIRMATION);
    QCOMPARE(m_client->pushOne(m_agent, awaiting).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    const auto listed = [this, &caseId] {
        for (const v1::FollowUpItem &item : followUps()) {
            if (item.reason() == v1::FOLLOW_UP_REASON_AWAITING_CONFIRMATION && item.case_record().id() == caseId)
                return true;
        }
        return false;
    };
    QVERIFY(!listed());
    QVERIFY(m_client->advanceClock(m_admin, 2 * kDay).ok());
    QVERIFY(!listed());
    QVERIFY(m_client->advanceClock(m_admin, 1 * kDay + kHour).ok()); // past the default 3 days
    QVERIFY(listed());
}

void TestLifecycle::abandonedCallBecomesCallbackAndIsRecovered()
{
    const std::string phone = "+96891000004";
    const std::string customerId = m_client->createCustomer(m_agent, phone);
    QVERIFY(m_client->reportCall(m_cti, u"call-ab-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"91000004"_s).ok());
    QVERIFY(m_client->reportCall(m_cti, u"call-ab-1"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    // A withheld number leaves nobody to call back.
    QVERIFY(m_client->reportCall(m_cti, u"call-ab-2"_s, v1::CALL_EVENT_KIND_OFFERED).ok());
    QVERIFY(m_client->reportCall(m_cti, u"call-ab-2"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());

    // The callback task reaches the desktops through the change feed.
    v1::PullRequest pull;
    pull.set_limit(5000);
    v1::PullResponse changes;
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), pull, &changes).ok());
    QList<v1::CallbackTask> tasks;
    for (const v1::Change &change : changes.changes()) {
        if (change.has_callback_task())
            tasks.append(change.callback_task());
    }
    QCOMPARE(tasks.size(), 1);
    const v1::CallbackTask task = tasks.constFirst();
    QCOMPARE(task.abandoned_call_id(), "call-ab-1");
    QCOMPARE(task.customer_id(), customerId);
    QCOMPARE(task.phone(), phone);
    QCOMPARE(task.queue(), "general");
    QCOMPARE(task.status(), v1::CALLBACK_STATUS_OPEN);

    // A first attempt does not reach the customer; a second, made on a stale version, conflicts;
    // the third reaches them: recovered.
    v1::Mutation first = GrpcTestClient::newMutation(1);
    first.mutable_record_callback_attempt()->set_callback_id(task.id());
    first.mutable_record_callback_attempt()->set_outcome("no answer");
    v1::MutationResult r = m_client->pushOne(m_agent, first);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(r.new_version(), 2);
    v1::Mutation stale = GrpcTestClient::newMutation(1);
    stale.mutable_record_callback_attempt()->set_callback_id(task.id());
    stale.mutable_record_callback_attempt()->set_reached(true);
    QCOMPARE(m_client->pushOne(m_agent, stale).outcome(), v1::MUTATION_OUTCOME_CONFLICT);
    v1::Mutation reached = GrpcTestClient::newMutation(2);
    reached.mutable_record_callback_attempt()->set_callback_id(task.id());
    reached.mutable_record_callback_attempt()->set_reached(true);
    reached.mutable_record_callback_attempt()->set_outcome("spoke to the customer");
    QCOMPARE(m_client->pushOne(m_agent, reached).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    v1::Mutation after = GrpcTestClient::newMutation(3);
    after.mutable_record_callback_attempt()->set_callback_id(task.id());
    r = m_client->pushOne(m_agent, after);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"already reached"_s), r.detail().c_str());

    pull.set_cursor(changes.next_cursor());
    v1::PullResponse later;
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), pull, &later).ok());
    v1::CallbackTask last;
    for (const v1::Change &change : later.changes()) {
        if (change.has_callback_task())
            last = change.callback_task();
    }
    QCOMPARE(last.status(), v1::CALLBACK_STATUS_REACHED);
    QCOMPARE(last.attempts(), 2);
}

void TestLifecycle::wrapUpWithDissatisfiedCaller()
{
    const std::string phone = "+96891000005";
    const std::string customerId = m_client->createCustomer(m_agent, phone);
    const std::string caseId = m_client->createCase(m_agent, customerId, "billing.dispute");
    v1::Mutation bad = GrpcTestClient::newMutation();
    bad.mutable_record_wrap_up()->set_customer_id(customerId);
    bad.mutable_record_wrap_up()->set_disposition("sorted");
    v1::MutationResult r = m_client->pushOne(m_agent, bad);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(r.detail()).contains(u"information_given"_s), r.detail().c_str());

    v1::Mutation wrap = GrpcTestClient::newMutation();
    wrap.mutable_record_wrap_up()->set_customer_id(customerId);
    wrap.mutable_record_wrap_up()->set_case_id(caseId);
    wrap.mutable_record_wrap_up()->set_disposition("complaint_logged");
    wrap.mutable_record_wrap_up()->set_notes("Bill twice the usual; promised a review.");
    wrap.mutable_record_wrap_up()->set_mood(v1::CALLER_MOOD_DISSATISFIED);
    wrap.mutable_record_wrap_up()->set_after_call_work_seconds(45);
    QCOMPARE(m_client->pushOne(m_agent, wrap).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    bool found = false;
    for (const v1::FollowUpItem &item : followUps())
        found |= item.reason() == v1::FOLLOW_UP_REASON_DISSATISFIED_CALLER && item.case_record().id() == caseId;
    QVERIFY(found);
    // The wrap-up is in the case's history as a note.
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent, QString::fromStdString(phone), &context).ok());
    bool noted = false;
    for (const v1::Interaction &i : context.history())
        noted |= i.note() && QString::fromStdString(i.summary()).contains(u"complaint_logged"_s);
    QVERIFY(noted);
}

void TestLifecycle::repeatContactsAreLinkedAndReachTheLead()
{
    const std::string phone = "+96891000006";
    const std::string customerId = m_client->createCustomer(m_agent, phone);
    const std::string caseId = m_client->createCase(m_agent, customerId, "telecom.internet");
    const auto contact = [this, &customerId](const std::string &onCase) {
        v1::Mutation m = GrpcTestClient::newMutation();
        m.mutable_add_interaction()->set_customer_id(customerId);
        m.mutable_add_interaction()->set_case_id(onCase);
        m.mutable_add_interaction()->set_channel(v1::CHANNEL_VOICE);
        return m_client->pushOne(m_agent, m);
    };
    // The first contact on the case is no repeat.
    QCOMPARE(contact(caseId).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(caseOf(phone, caseId).repeat_contacts(), 0);
    // An hour later the customer calls again and the agent picks no case: it is linked to the
    // open case and counted.
    QVERIFY(m_client->advanceClock(m_admin, kHour).ok());
    const v1::MutationResult again = contact(std::string());
    QCOMPARE(again.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(caseOf(phone, caseId).repeat_contacts(), 1);
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent, QString::fromStdString(phone), &context).ok());
    for (const v1::Interaction &i : context.history()) {
        if (i.id() == again.entity_id())
            QCOMPARE(i.case_id(), caseId);
    }
    // A new case of the same category from the same customer counts too.
    m_client->createCase(m_agent, customerId, "telecom.internet");
    QCOMPARE(caseOf(phone, caseId).repeat_contacts(), 2);
    bool found = false;
    for (const v1::FollowUpItem &item : followUps()) {
        if (item.reason() == v1::FOLLOW_UP_REASON_REPEAT_CALLER && item.case_record().id() == caseId) {
            QCOMPARE(item.count(), 2);
            found = true;
        }
    }
    QVERIFY(found);
}

QTEST_GUILESS_MAIN(TestLifecycle)
#include "tst_lifecycle.moc"

#include "grpctestclient.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QTemporaryFile>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {

constexpr int kWaitMs = 30000; // generous: a busy 2-core machine

google::protobuf::Timestamp daysAgo(double days)
{
    google::protobuf::Timestamp t;
    t.set_seconds(QDateTime::currentSecsSinceEpoch() - qint64(days * 86400));
    return t;
}

} // namespace

// The main path of the product: a call is reported, queued, offered to an agent's stream, and
// the agent's screen-pop finds the caller's history. Runs with --test-clock so that the 15 s
// offer timeout is reached by moving the clock, not by sleeping. The functions run in order
// and share the server.
class TestCalls : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyPhoneFormFindsTheSameCustomer();
    void offerReachesTheAgentAndTheScreenPopHasTheHistory();
    void duplicateOfferedDoesNotRingTwice();
    void reofferAfterTimeoutToTheNextAgent();
    void acceptRecordsTheContact();
    void endedPutsTheAgentInWrapUp();
    void strangeCallerIdsStillQueue();
    void badEventsAreRefused();
    void secondConnectEndsTheFirst();
    void searchAndCustomerContext();
    void droppedStreamHandsTheOfferOn();

private:
    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_agent1;
    QString m_agent2;
    QString m_cti;
    QString m_admin;
    std::string m_customerId;
    std::string m_caseNumber;
    std::unique_ptr<AgentStreamReader> m_stream1;
    std::unique_ptr<AgentStreamReader> m_stream2;
};

void TestCalls::initTestCase()
{
    const auto addUser = [this](const QString &username, const QString &role, const QString &displayName) {
        const CommandResult r = m_server.run(
            { u"add-user"_s, u"--username"_s, username, u"--role"_s, role, u"--display-name"_s, displayName },
            "a-long-password\n");
        return r.exitCode == 0;
    };
    QVERIFY(addUser(u"agent1"_s, u"agent"_s, u"مريم الهنائي"_s));
    QVERIFY(addUser(u"agent2"_s, u"agent"_s, u"سالم الكندي"_s));
    QVERIFY(addUser(u"pbx"_s, u"cti"_s, u"PBX"_s));
    QVERIFY(addUser(u"boss"_s, u"admin"_s, u"Admin"_s));

    QTemporaryFile csv;
    QVERIFY(csv.open());
    csv.write(u"name,phone,city\n\"البلوشي، أحمد\",+968 9123 4567,مسقط\nSalma Al Harthy,92345678,Sohar\n"_s.toUtf8());
    csv.close();
    const CommandResult imported = m_server.run({ u"import-customers"_s, csv.fileName() });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.standardError));

    QVERIFY(m_server.start({ u"--test-clock"_s }));
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent1 = m_client->login(u"agent1"_s, u"a-long-password"_s);
    m_agent2 = m_client->login(u"agent2"_s, u"a-long-password"_s);
    m_cti = m_client->login(u"pbx"_s, u"a-long-password"_s);
    m_admin = m_client->login(u"boss"_s, u"a-long-password"_s);
    QVERIFY(!m_agent1.isEmpty() && !m_agent2.isEmpty() && !m_cti.isEmpty() && !m_admin.isEmpty());

    // A history for the first customer: a case, three contacts (two this week) and a note.
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent1, u"+96891234567"_s, &context).ok());
    QVERIFY(context.known());
    m_customerId = context.customer().id();
    QList<v1::Mutation> mutations;
    v1::Mutation createCase;
    createCase.set_mutation_id("calls-m1");
    createCase.mutable_create_case()->set_case_id("case-water");
    createCase.mutable_create_case()->set_customer_id(m_customerId);
    createCase.mutable_create_case()->set_category("water.supply_cut");
    createCase.mutable_create_case()->set_summary("No water since yesterday");
    mutations << createCase;
    int n = 2;
    for (auto [channel, days, onCase] :
         { std::tuple { v1::CHANNEL_VOICE, 1.0, true }, std::tuple { v1::CHANNEL_SMS, 2.0, true },
           std::tuple { v1::CHANNEL_EMAIL, 30.0, false } }) {
        v1::Mutation contact;
        contact.set_mutation_id("calls-m" + std::to_string(n++));
        contact.mutable_add_interaction()->set_customer_id(m_customerId);
        if (onCase)
            contact.mutable_add_interaction()->set_case_id("case-water");
        contact.mutable_add_interaction()->set_channel(channel);
        *contact.mutable_add_interaction()->mutable_occurred_at() = daysAgo(days);
        mutations << contact;
    }
    v1::Mutation note;
    note.set_mutation_id("calls-m9");
    note.mutable_add_note()->set_case_id("case-water");
    note.mutable_add_note()->set_text("Referred to the network team");
    mutations << note;
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent1, mutations, &pushed).ok());
    for (const v1::MutationResult &result : pushed.results())
        QVERIFY2(result.outcome() == v1::MUTATION_OUTCOME_APPLIED, result.detail().c_str());
}

void TestCalls::everyPhoneFormFindsTheSameCustomer()
{
    const QStringList forms = { u"+968 9123 4567"_s,
                                u"0096891234567"_s,
                                u"91234567"_s,
                                u"٩١٢٣٤٥٦٧"_s,
                                u"۹۱۲۳۴۵۶۷"_s,
                                u"9123-4567"_s,
                                u"+968-9123-4567"_s,
                                u"(+968) 9123 4567"_s,
                                u"\u200F+968 9123 4567"_s,
                                u"\u2066+968 9123 4567\u2069"_s,
                                u"\u200E٠٠٩٦٨٩١٢٣٤٥٦٧"_s };
    for (const QString &form : forms) {
        v1::CallerContext context;
        const grpc::Status status = m_client->lookup(m_agent1, form, &context);
        QVERIFY2(status.ok(), qPrintable(form + u": "_s + QString::fromStdString(status.error_message())));
        QVERIFY2(context.known(), qPrintable(form));
        QCOMPARE(context.customer().id(), m_customerId);
        QCOMPARE(context.normalized_number(), "+96891234567");
        QVERIFY(context.number_valid());
    }
    for (const QString &junk : { u""_s, u"   "_s, u"abc"_s, u"---"_s, u"9123abc"_s, u"رقم"_s }) {
        v1::CallerContext context;
        const grpc::Status status = m_client->lookup(m_agent1, junk, &context);
        QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY(!status.error_message().empty());
    }
    v1::CallerContext unknown;
    QVERIFY(m_client->lookup(m_agent1, u"+968 9999 8888"_s, &unknown).ok());
    QVERIFY(!unknown.known());
    QCOMPARE(unknown.normalized_number(), "+96899998888");
}

void TestCalls::offerReachesTheAgentAndTheScreenPopHasTheHistory()
{
    m_stream1 = std::make_unique<AgentStreamReader>(*m_client, m_agent1);
    QTRY_VERIFY_WITH_TIMEOUT(m_stream1->eventCount() >= 1, kWaitMs);
    const v1::AgentEvent first = m_stream1->events().constFirst();
    QVERIFY(first.has_presence_changed());
    QCOMPARE(first.presence_changed().state(), v1::AGENT_STATE_BREAK); // connected, not yet available

    v1::SetPresenceResponse presence;
    QVERIFY(m_client->setPresence(m_agent1, v1::AGENT_STATE_AVAILABLE, &presence).ok());
    QCOMPARE(presence.state(), v1::AGENT_STATE_AVAILABLE);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE, kWaitMs);

    bool accepted = false;
    const grpc::Status report
        = m_client->reportCall(m_cti, u"call-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"0096891234567"_s, &accepted);
    QVERIFY2(report.ok(), report.error_message().c_str());
    QVERIFY(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(u"call-1"_s), 1, kWaitMs);
    const v1::ContactOffered offer = m_stream1->offer(u"call-1"_s);
    QCOMPARE(offer.caller_number(), "0096891234567");
    QCOMPARE(offer.normalized_number(), "+96891234567");
    QCOMPARE(offer.queue(), "general");
    QCOMPARE(offer.channel(), v1::CHANNEL_VOICE);
    QCOMPARE(offer.expires_at().seconds() - offer.offered_at().seconds(), 15);

    // The screen-pop, from the number the offer carried.
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent1, QString::fromStdString(offer.caller_number()), &context).ok());
    QVERIFY(context.known());
    QCOMPARE(context.customer().name(), "البلوشي، أحمد");
    QCOMPARE(context.customer().city(), "مسقط");
    QCOMPARE(context.history_size(), 4); // three contacts and a note, newest first
    QVERIFY(context.history(0).occurred_at().seconds() >= context.history(1).occurred_at().seconds());
    QCOMPARE(context.cases_size(), 1);
    m_caseNumber = context.cases(0).number();
    QVERIFY(QString::fromStdString(m_caseNumber).startsWith("SN-"_L1));
    QCOMPARE(context.cases(0).interactions_size(), 3); // the two contacts on the case and the note
    QCOMPARE(context.cases(0).status(), v1::CASE_STATUS_NEW);
    // Two contacts this week (the note and the month-old e-mail do not count).
    QVERIFY(context.repeat_contact().repeat());
    QCOMPARE(context.repeat_contact().contacts_last_7_days(), 2);
    QCOMPARE(context.repeat_contact().category(), "water.supply_cut");
    QCOMPARE(context.repeat_contact().case_number(), m_caseNumber);
}

void TestCalls::duplicateOfferedDoesNotRingTwice()
{
    bool accepted = true;
    QVERIFY(m_client->reportCall(m_cti, u"call-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"0096891234567"_s, &accepted).ok());
    QVERIFY(!accepted);
    QVERIFY(m_client->reportCall(m_cti, u"call-1"_s, v1::CALL_EVENT_KIND_ABANDONED, QString(), &accepted).ok());
    QVERIFY(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->revokesOf(u"call-1"_s, v1::REVOKE_REASON_ABANDONED), 1, kWaitMs);
    // The stream is ordered: a second offer would have come before the revocation.
    QCOMPARE(m_stream1->offersOf(u"call-1"_s), 1);
    QVERIFY(m_client->reportCall(m_cti, u"call-1"_s, v1::CALL_EVENT_KIND_ABANDONED, QString(), &accepted).ok());
    QVERIFY(!accepted);
    QCOMPARE(m_stream1->lastPresence(), v1::AGENT_STATE_AVAILABLE); // the caller hung up: not the agent's fault
}

void TestCalls::reofferAfterTimeoutToTheNextAgent()
{
    m_stream2 = std::make_unique<AgentStreamReader>(*m_client, m_agent2);
    QTRY_VERIFY_WITH_TIMEOUT(m_stream2->eventCount() >= 1, kWaitMs);
    QVERIFY(m_client->setPresence(m_agent2, v1::AGENT_STATE_AVAILABLE).ok());

    // agent1 has been available longer: the call goes there first.
    QVERIFY(m_client->reportCall(m_cti, u"call-2"_s, v1::CALL_EVENT_KIND_OFFERED, u"+968 9123 4567"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->offersOf(u"call-2"_s), 1, kWaitMs);
    QCOMPARE(m_stream2->offersOf(u"call-2"_s), 0);

    QVERIFY(m_client->advanceClock(m_admin, 14000).ok());
    QCOMPARE(m_stream1->revokesOf(u"call-2"_s, v1::REVOKE_REASON_TIMEOUT), 0); // not yet
    QVERIFY(m_client->advanceClock(m_admin, 1001).ok()); // 15 s passed
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->revokesOf(u"call-2"_s, v1::REVOKE_REASON_TIMEOUT), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream1->lastPresence(), v1::AGENT_STATE_BREAK, kWaitMs);
    QCOMPARE(m_stream1->lastPresenceReason(), u"missed_offer"_s);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->offersOf(u"call-2"_s), 1, kWaitMs);
    QCOMPARE(m_stream1->offersOf(u"call-2"_s), 1);
}

void TestCalls::acceptRecordsTheContact()
{
    v1::AcceptContactRequest request;
    request.set_call_id("call-2");
    v1::AcceptContactResponse response;
    // Not offered to agent1 any more.
    QCOMPARE(m_client->agent().AcceptContact(GrpcTestClient::context(m_agent1).get(), request, &response).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    const grpc::Status accepted
        = m_client->agent().AcceptContact(GrpcTestClient::context(m_agent2).get(), request, &response);
    QVERIFY2(accepted.ok(), accepted.error_message().c_str());
    QCOMPARE(response.state(), v1::AGENT_STATE_ON_CONTACT);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->acceptedOf(u"call-2"_s), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->lastPresence(), v1::AGENT_STATE_ON_CONTACT, kWaitMs);

    // The contact is on record at once, with the agent's name and the open case's category.
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent2, u"91234567"_s, &context).ok());
    QCOMPARE(context.history_size(), 5);
    const v1::Interaction &newest = context.history(0);
    QCOMPARE(newest.channel(), v1::CHANNEL_VOICE);
    QCOMPARE(newest.direction(), v1::DIRECTION_INBOUND);
    QCOMPARE(newest.agent_name(), "سالم الكندي");
    QCOMPARE(newest.category(), "water.supply_cut");
    QVERIFY(!newest.note());
    // The call in progress is not an earlier contact.
    QCOMPARE(context.repeat_contact().contacts_last_7_days(), 2);

    const grpc::Status onContact = m_client->setPresence(m_agent2, v1::AGENT_STATE_BREAK);
    QCOMPARE(onContact.error_code(), grpc::StatusCode::FAILED_PRECONDITION);
    QVERIFY(QString::fromStdString(onContact.error_message()).startsWith("End the current contact first"_L1));
}

void TestCalls::endedPutsTheAgentInWrapUp()
{
    bool accepted = false;
    QVERIFY(m_client->reportCall(m_cti, u"call-2"_s, v1::CALL_EVENT_KIND_ENDED, QString(), &accepted).ok());
    QVERIFY(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->endedOf(u"call-2"_s), 1, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->lastPresence(), v1::AGENT_STATE_WRAP_UP, kWaitMs);

    // The desktop's own hang-up afterwards is harmless.
    v1::EndContactRequest end;
    end.set_call_id("call-2");
    v1::EndContactResponse ended;
    QVERIFY(m_client->agent().EndContact(GrpcTestClient::context(m_agent2).get(), end, &ended).ok());
    QCOMPARE(ended.state(), v1::AGENT_STATE_WRAP_UP);
    v1::SetPresenceResponse presence;
    QVERIFY(m_client->setPresence(m_agent2, v1::AGENT_STATE_AVAILABLE, &presence).ok());
    QCOMPARE(presence.state(), v1::AGENT_STATE_AVAILABLE);
}

void TestCalls::strangeCallerIdsStillQueue()
{
    // agent1 is on break after the missed offer; agent2 is available.
    bool accepted = false;
    QVERIFY(m_client->reportCall(m_cti, u"call-3"_s, v1::CALL_EVENT_KIND_OFFERED, u"anonymous"_s, &accepted).ok());
    QVERIFY(accepted);
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->offersOf(u"call-3"_s), 1, kWaitMs);
    QCOMPARE(m_stream2->offer(u"call-3"_s).caller_number(), "anonymous");
    QCOMPARE(m_stream2->offer(u"call-3"_s).normalized_number(), "");

    QVERIFY(m_client->reportCall(m_cti, u"call-4"_s, v1::CALL_EVENT_KIND_OFFERED, QString(), &accepted).ok());
    QVERIFY(accepted); // withheld: waits, since agent2 holds an offer
    QVERIFY(m_client->reportCall(m_cti, u"call-3"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->offersOf(u"call-4"_s), 1, kWaitMs);
    QCOMPARE(m_stream2->offer(u"call-4"_s).normalized_number(), "");
    QVERIFY(m_client->reportCall(m_cti, u"call-4"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(m_stream2->revokesOf(u"call-4"_s, v1::REVOKE_REASON_ABANDONED), 1, kWaitMs);
}

void TestCalls::badEventsAreRefused()
{
    const grpc::Status noId = m_client->reportCall(m_cti, QString(), v1::CALL_EVENT_KIND_OFFERED, u"91234567"_s);
    QCOMPARE(noId.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY(QString::fromStdString(noId.error_message()).contains("call_id"_L1));
    QCOMPARE(m_client->reportCall(m_cti, u"call-5"_s, v1::CALL_EVENT_KIND_UNSPECIFIED).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
    const grpc::Status queue
        = m_client->reportCall(m_cti, u"call-6"_s, v1::CALL_EVENT_KIND_OFFERED, u"91234567"_s, nullptr, u"billing"_s);
    QCOMPARE(queue.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(queue.error_message()).contains("general"_L1), queue.error_message().c_str());
}

void TestCalls::secondConnectEndsTheFirst()
{
    AgentStreamReader again(*m_client, m_agent2);
    QTRY_VERIFY_WITH_TIMEOUT(m_stream2->finished(), kWaitMs);
    QCOMPARE(m_stream2->status().error_code(), grpc::StatusCode::ABORTED);
    QVERIFY(QString::fromStdString(m_stream2->status().error_message()).contains("signed in elsewhere"_L1));
    QTRY_VERIFY_WITH_TIMEOUT(again.eventCount() >= 1, kWaitMs);
    QVERIFY(again.events().constFirst().has_presence_changed());
    QCOMPARE(again.events().constFirst().presence_changed().state(), v1::AGENT_STATE_AVAILABLE);
    // Offers now reach the new stream.
    QVERIFY(m_client->reportCall(m_cti, u"call-7"_s, v1::CALL_EVENT_KIND_OFFERED, u"92345678"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(again.offersOf(u"call-7"_s), 1, kWaitMs);
    QVERIFY(m_client->reportCall(m_cti, u"call-7"_s, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(again.revokesOf(u"call-7"_s, v1::REVOKE_REASON_ABANDONED), 1, kWaitMs);
}

void TestCalls::searchAndCustomerContext()
{
    const auto search = [this](const QString &query, v1::SearchCustomersResponse *found) {
        v1::SearchCustomersRequest request;
        request.set_query(query.toStdString());
        return m_client->cases().SearchCustomers(GrpcTestClient::context(m_agent1).get(), request, found);
    };
    // Name parts as agents type them (ى for ي, no hamza on the alef), a number, the case number.
    for (const QString &query :
         { u"البلوشي"_s, u"البلوشى"_s, u"احمد"_s, u"+968 9123 4567"_s, QString::fromStdString(m_caseNumber),
           QString::fromStdString(m_caseNumber).toLower() }) {
        v1::SearchCustomersResponse found;
        QVERIFY2(search(query, &found).ok(), qPrintable(query));
        QVERIFY2(found.customers_size() == 1, qPrintable(query));
        QCOMPARE(found.customers(0).id(), m_customerId);
    }
    v1::SearchCustomersResponse salma;
    QVERIFY(search(u"salma"_s, &salma).ok());
    QCOMPARE(salma.customers_size(), 1);
    QCOMPARE(salma.customers(0).phones(0), "+96892345678");
    v1::SearchCustomersResponse none;
    QCOMPARE(search(u"  "_s, &none).error_code(), grpc::StatusCode::INVALID_ARGUMENT);

    v1::GetCustomerContextRequest request;
    request.set_customer_id(m_customerId);
    v1::CallerContext context;
    QVERIFY(m_client->cases().GetCustomerContext(GrpcTestClient::context(m_agent1).get(), request, &context).ok());
    QVERIFY(context.known());
    QCOMPARE(context.history_size(), 5);
    request.set_customer_id("no-such-customer");
    QCOMPARE(
        m_client->cases().GetCustomerContext(GrpcTestClient::context(m_agent1).get(), request, &context).error_code(),
        grpc::StatusCode::NOT_FOUND);
}

void TestCalls::droppedStreamHandsTheOfferOn()
{
    // Fresh streams for both agents; agent1 becomes available first, so it is offered the call.
    auto first = std::make_unique<AgentStreamReader>(*m_client, m_agent1);
    QTRY_VERIFY_WITH_TIMEOUT(first->eventCount() >= 1, kWaitMs);
    QVERIFY(m_client->setPresence(m_agent1, v1::AGENT_STATE_AVAILABLE).ok());
    AgentStreamReader second(*m_client, m_agent2);
    QTRY_VERIFY_WITH_TIMEOUT(second.eventCount() >= 1, kWaitMs);
    QVERIFY(m_client->setPresence(m_agent2, v1::AGENT_STATE_AVAILABLE).ok());
    QVERIFY(m_client->reportCall(m_cti, u"call-8"_s, v1::CALL_EVENT_KIND_OFFERED, u"92345678"_s).ok());
    QTRY_COMPARE_WITH_TIMEOUT(first->offersOf(u"call-8"_s), 1, kWaitMs);

    // agent1's desktop goes away with the offer on screen: the call goes to agent2 at once.
    first.reset();
    QTRY_COMPARE_WITH_TIMEOUT(second.offersOf(u"call-8"_s), 1, kWaitMs);
    v1::AcceptContactRequest request;
    request.set_call_id("call-8");
    v1::AcceptContactResponse response;
    QVERIFY(m_client->agent().AcceptContact(GrpcTestClient::context(m_agent2).get(), request, &response).ok());
    // agent1 is offline now, not merely on break.
    AgentStreamReader back(*m_client, m_agent1);
    QTRY_VERIFY_WITH_TIMEOUT(back.eventCount() >= 1, kWaitMs);
    QCOMPARE(back.events().constFirst().presence_changed().state(), v1::AGENT_STATE_BREAK);
}

QTEST_GUILESS_MAIN(TestCalls)
#include "tst_calls.moc"

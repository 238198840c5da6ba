#include "grpctestclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QHash>
#include <QSet>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// SyncService against the real server: each mutation applied once, outcomes as API.md says,
// exactly one change per applied mutation, and paging through the changes feed.
class TestSync : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void pushOutcomes();
    void retriedPushIsDuplicate();
    void tooManyMutations();
    void exactlyOneChangePerAppliedMutation();
    void pullPages();
    void badCursor();
    void changesAvailableReachConnectedDesktops();
    void restartKeepsTheFeedARestoreLosesTheCursor(); // last: restarts the server

private:
    QList<v1::Change> pullAll(int limit, int *pages = nullptr, std::string *epoch = nullptr);
    // One pull from the cursor (limit 5000); the status is checked.
    v1::PullResponse pullFrom(const std::string &cursor, const std::string &lastPushed = {});
    void signInAgain();
    static v1::Mutation createCustomer(const std::string &mutationId, const std::string &customerId,
                                       const std::string &phone);
    static v1::Mutation createCase(const std::string &mutationId, const std::string &caseId,
                                   const std::string &customerId);
    static v1::Mutation changeStatus(const std::string &mutationId, const std::string &caseId, v1::CaseStatus status,
                                     qint64 baseVersion, bool confirmed = false);

    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_agent;
    QHash<std::string, v1::MutationOutcome> m_outcomes; // every mutation pushed, by id
};

v1::Mutation TestSync::createCustomer(const std::string &mutationId, const std::string &customerId,
                                      const std::string &phone)
{
    v1::Mutation m;
    m.set_mutation_id(mutationId);
    m.mutable_create_customer()->set_customer_id(customerId);
    m.mutable_create_customer()->set_name("Customer " + customerId);
    m.mutable_create_customer()->add_phones(phone);
    return m;
}

v1::Mutation TestSync::createCase(const std::string &mutationId, const std::string &caseId,
                                  const std::string &customerId)
{
    v1::Mutation m;
    m.set_mutation_id(mutationId);
    m.mutable_create_case()->set_case_id(caseId);
    m.mutable_create_case()->set_customer_id(customerId);
    m.mutable_create_case()->set_category("lighting.street_light");
    return m;
}

v1::Mutation TestSync::changeStatus(const std::string &mutationId, const std::string &caseId, v1::CaseStatus status,
                                    qint64 baseVersion, bool confirmed)
{
    v1::Mutation m;
    m.set_mutation_id(mutationId);
    m.set_base_version(baseVersion);
    m.mutable_change_case_status()->set_case_id(caseId);
    m.mutable_change_case_status()->set_status(status);
    m.mutable_change_case_status()->set_customer_confirmed(confirmed);
    return m;
}

void TestSync::initTestCase()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.start());
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(!m_agent.isEmpty());
}

void TestSync::pushOutcomes()
{
    v1::Mutation noId = createCase("", "k-x", "c1");
    v1::Mutation noPayload;
    noPayload.set_mutation_id("s-empty");
    const QList<v1::Mutation> mutations = {
        createCustomer("s1", "c1", "+968 9123 4567"),
        createCase("s2", "k1", "c1"),
        changeStatus("s3", "k1", v1::CASE_STATUS_IN_PROGRESS, 1), // applied: version 2
        changeStatus("s4", "k1", v1::CASE_STATUS_REFERRED, 1), // made on version 1: conflict
        changeStatus("s5", "k1", v1::CASE_STATUS_RESOLVED, 2), // no confirmation: rejected
        noId, // rejected, alone
        noPayload, // rejected, alone
        createCustomer("s6", "c2", "not a number"), // rejected
        changeStatus("s7", "k1", v1::CASE_STATUS_RESOLVED, 2, true), // applied: version 3
    };
    v1::PushResponse response;
    const grpc::Status status = m_client->push(m_agent, mutations, &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(response.results_size(), mutations.size());
    const auto outcome = [&](int i) {
        return response.results(i).outcome();
    };
    QCOMPARE(outcome(0), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(response.results(0).entity_id(), "c1");
    QCOMPARE(outcome(1), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(response.results(1).new_version(), 1);
    QCOMPARE(outcome(2), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(response.results(2).new_version(), 2);
    QCOMPARE(outcome(3), v1::MUTATION_OUTCOME_CONFLICT);
    const QString conflict = QString::fromStdString(response.results(3).detail());
    QVERIFY2(conflict.contains("version 2"_L1) && conflict.contains("version 1"_L1), qPrintable(conflict));
    QCOMPARE(outcome(4), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY2(QString::fromStdString(response.results(4).detail()).contains("confirm"_L1),
             response.results(4).detail().c_str());
    QCOMPARE(outcome(5), v1::MUTATION_OUTCOME_REJECTED);
    QCOMPARE(outcome(6), v1::MUTATION_OUTCOME_REJECTED);
    QCOMPARE(outcome(7), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY(QString::fromStdString(response.results(7).detail()).contains("not a number"_L1));
    QCOMPARE(outcome(8), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(response.results(8).new_version(), 3);
    for (int i = 0; i < response.results_size(); ++i)
        m_outcomes.insert(response.results(i).mutation_id(), response.results(i).outcome());
}

void TestSync::retriedPushIsDuplicate()
{
    // The same push again, as after a lost answer: nothing is applied twice.
    const QList<v1::Mutation> retry = { createCustomer("s1", "c1", "+968 9123 4567"), createCase("s2", "k1", "c1"),
                                        changeStatus("s4", "k1", v1::CASE_STATUS_REFERRED, 3) };
    v1::PushResponse response;
    QVERIFY(m_client->push(m_agent, retry, &response).ok());
    QCOMPARE(response.results_size(), 3);
    for (const v1::MutationResult &result : response.results())
        QCOMPARE(result.outcome(), v1::MUTATION_OUTCOME_DUPLICATE);
    QCOMPARE(response.results(0).entity_id(), "c1");
    QCOMPARE(response.results(1).new_version(), 1);
    QCOMPARE(response.results(1).entity_id(), "k1");
    // The duplicate of the conflict carries the first answer, not a new attempt.
    QVERIFY(QString::fromStdString(response.results(2).detail()).contains("version 1"_L1));

    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent, u"91234567"_s, &context).ok());
    QCOMPARE(context.cases_size(), 1);
    QCOMPARE(context.cases(0).version(), 3);
    QCOMPARE(context.cases(0).status(), v1::CASE_STATUS_RESOLVED);
    QVERIFY(context.cases(0).customer_confirmed());
}

void TestSync::tooManyMutations()
{
    QList<v1::Mutation> many;
    for (int i = 0; i < 501; ++i)
        many << createCustomer("many-" + std::to_string(i), "many-c" + std::to_string(i), "91234567");
    v1::PushResponse response;
    const grpc::Status status = m_client->push(m_agent, many, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY(QString::fromStdString(status.error_message()).contains("500"_L1));
    // None of them was applied.
    QList<v1::Mutation> one = { createCustomer("many-0", "many-c0", "91234567") };
    QVERIFY(m_client->push(m_agent, one, &response).ok());
    QCOMPARE(response.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    m_outcomes.insert("many-0", v1::MUTATION_OUTCOME_APPLIED);
}

QList<v1::Change> TestSync::pullAll(int limit, int *pages, std::string *epoch)
{
    QList<v1::Change> changes;
    std::string cursor;
    int count = 0;
    for (;;) {
        v1::PullRequest request;
        request.set_cursor(cursor);
        request.set_limit(limit);
        v1::PullResponse response;
        const grpc::Status status = m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response);
        if (!status.ok()) {
            qWarning("pull failed: %s", status.error_message().c_str());
            return {};
        }
        ++count;
        if (epoch) {
            if (!epoch->empty() && *epoch != response.server_epoch())
                return {};
            *epoch = response.server_epoch();
        }
        for (const v1::Change &change : response.changes())
            changes << change;
        if (limit > 0 && response.changes_size() > limit)
            return {};
        cursor = response.next_cursor();
        if (!response.has_more())
            break;
    }
    if (pages)
        *pages = count;
    return changes;
}

void TestSync::exactlyOneChangePerAppliedMutation()
{
    const QList<v1::Change> changes = pullAll(0);
    QHash<std::string, int> perMutation;
    for (const v1::Change &change : changes)
        ++perMutation[change.mutation_id()];
    for (auto it = m_outcomes.cbegin(); it != m_outcomes.cend(); ++it) {
        const int expected = it.value() == v1::MUTATION_OUTCOME_APPLIED ? 1 : 0;
        QVERIFY2(perMutation.value(it.key()) == expected, it.key().c_str());
    }
    // The case's last change is the entity after the change: resolved, version 3.
    const v1::Change *last = nullptr;
    for (const v1::Change &change : changes) {
        if (change.has_case_record() && change.case_record().id() == "k1")
            last = &change;
    }
    QVERIFY(last);
    QCOMPARE(last->mutation_id(), "s7");
    QCOMPARE(last->case_record().version(), 3);
    QCOMPARE(last->case_record().status(), v1::CASE_STATUS_RESOLVED);
}

void TestSync::pullPages()
{
    // More changes than one page.
    QList<v1::Mutation> customers;
    for (int i = 0; i < 7; ++i)
        customers << createCustomer("page-" + std::to_string(i), "page-c" + std::to_string(i), "92345678");
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent, customers, &pushed).ok());

    const QList<v1::Change> everything = pullAll(0);
    QVERIFY(everything.size() >= 12);
    int pages = 0;
    std::string epoch;
    const QList<v1::Change> paged = pullAll(2, &pages, &epoch);
    QCOMPARE(paged.size(), everything.size());
    QCOMPARE(pages, int((everything.size() + 1) / 2));
    QVERIFY(!epoch.empty());
    QSet<qint64> seen;
    qint64 previous = 0;
    for (const v1::Change &change : paged) {
        QVERIFY(change.sequence() > previous); // in order, none twice
        previous = change.sequence();
        seen.insert(change.sequence());
    }
    QCOMPARE(seen.size(), paged.size());
    QCOMPARE(paged.constLast().customer().id(), "page-c6");

    // From the last cursor, nothing more until something changes.
    v1::PullRequest request;
    request.set_limit(5000);
    v1::PullResponse response;
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response).ok());
    request.set_cursor(response.next_cursor());
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response).ok());
    QCOMPARE(response.changes_size(), 0);
    QVERIFY(!response.has_more());
    const std::string cursor = response.next_cursor();
    QVERIFY(m_client->push(m_agent, { createCustomer("page-late", "page-late", "92345678") }, &pushed).ok());
    request.set_cursor(cursor);
    QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response).ok());
    QCOMPARE(response.changes_size(), 1);
    QCOMPARE(response.changes(0).mutation_id(), "page-late");
}

void TestSync::badCursor()
{
    v1::PullRequest request;
    request.set_cursor("not-a-cursor!");
    v1::PullResponse response;
    const grpc::Status status = m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QCOMPARE(status.error_message(), "The cursor is not one this server gave out: pull again from an empty cursor.");
    request.set_cursor("djI6MTA"); // base64url of "v2:10": a cursor of another format
    QCOMPARE(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response).error_code(),
             grpc::StatusCode::INVALID_ARGUMENT);
}

void TestSync::changesAvailableReachConnectedDesktops()
{
    // A desktop with its agent stream open hears of a push at once, not at its next poll; a push
    // that applies nothing says nothing.
    AgentStreamReader stream(*m_client, m_agent);
    auto announced = [&stream] {
        return stream.count([](const v1::AgentEvent &event) { return event.has_changes_available(); });
    };
    QTRY_VERIFY_WITH_TIMEOUT(stream.eventCount() > 0, 10000); // connected: its first presence event
    v1::PushResponse response;
    QVERIFY(m_client->push(m_agent, { createCustomer("announce-1", "announce-c1", "+96891110001") }, &response).ok());
    QCOMPARE(response.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QTRY_COMPARE_WITH_TIMEOUT(announced(), 1, 10000);
    QVERIFY(m_client->push(m_agent, { createCustomer("announce-1", "announce-c1", "+96891110001") }, &response).ok());
    QCOMPARE(response.results(0).outcome(), v1::MUTATION_OUTCOME_DUPLICATE);
    QTest::qWait(300);
    QCOMPARE(announced(), 1);
    const QList<v1::AgentEvent> events = stream.events();
    for (const v1::AgentEvent &event : events) {
        if (event.has_changes_available())
            QVERIFY(event.changes_available().last_sequence() > 0);
    }
}

v1::PullResponse TestSync::pullFrom(const std::string &cursor, const std::string &lastPushed)
{
    v1::PullRequest request;
    request.set_cursor(cursor);
    request.set_last_pushed_mutation_id(lastPushed);
    request.set_limit(5000);
    v1::PullResponse response;
    const grpc::Status status = m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), request, &response);
    if (!status.ok())
        qWarning("pull failed: %s", status.error_message().c_str());
    return response;
}

void TestSync::signInAgain()
{
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(!m_agent.isEmpty());
}

void TestSync::restartKeepsTheFeedARestoreLosesTheCursor()
{
    // A restart keeps the epoch and every cursor: desktops go on where they were.
    std::string epoch;
    const QList<v1::Change> changes = pullAll(0, nullptr, &epoch);
    QVERIFY(!changes.isEmpty());
    const v1::PullResponse first = pullFrom({});
    QVERIFY(!first.has_more());
    const std::string seen = first.next_cursor();
    const QString dbFile = m_server.database().mid(QStringLiteral("sqlite:").size());
    m_server.terminate();
    const QString backup = m_server.dataDir() + u"/backup.db"_s;
    QVERIFY(QFile::copy(dbFile, backup));
    QVERIFY(!QFile::exists(dbFile + u"-wal"_s) || QFile::copy(dbFile + u"-wal"_s, backup + u"-wal"_s));
    QVERIFY(m_server.restart());
    signInAgain();
    v1::PullResponse again = pullFrom(seen);
    QVERIFY(!again.cursor_lost());
    QCOMPARE(again.changes_size(), 0);
    QCOMPARE(again.server_epoch(), epoch);

    // A change after the backup, pulled by the desktop...
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent, { createCustomer("sync-late-1", "cust-late-1", "+96891119999") }, &pushed).ok());
    QCOMPARE(pushed.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    const v1::PullResponse late = pullFrom(seen);
    QCOMPARE(late.changes_size(), 1);
    const std::string afterLate = late.next_cursor();

    // ...is gone when the database is restored from the backup: the desktop's cursor names a
    // change the server does not hold, and the pull says so instead of skipping what comes next.
    m_server.terminate();
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(dbFile + suffix);
    QVERIFY(QFile::copy(backup, dbFile));
    QVERIFY(!QFile::exists(backup + u"-wal"_s) || QFile::copy(backup + u"-wal"_s, dbFile + u"-wal"_s));
    QVERIFY(m_server.restart());
    signInAgain();
    const v1::PullResponse lost = pullFrom(afterLate);
    QVERIFY(lost.cursor_lost());
    QCOMPARE(lost.changes_size(), 0);
    // A desktop that pushed after the backup but had not pulled since names its last mutation:
    // the server does not know it, so that desktop starts over too.
    QVERIFY(pullFrom(seen, "sync-late-1").cursor_lost());
    QVERIFY(!pullFrom(seen, "s1").cursor_lost()); // pushed before the backup: still there
    // Another change takes the lost one's sequence: the fingerprint still tells them apart.
    QVERIFY(m_client->push(m_agent, { createCustomer("sync-other-1", "cust-other-1", "+96891118888") }, &pushed).ok());
    QVERIFY(pullFrom(afterLate).cursor_lost());
    // A cursor from before the backup is still good.
    const v1::PullResponse kept = pullFrom(seen);
    QVERIFY(!kept.cursor_lost());
    QCOMPARE(kept.changes_size(), 1);
    QCOMPARE(kept.changes(0).customer().id(), "cust-other-1");
    // So is a cursor of the older form, "v1:<sequence>", which becomes a checked one.
    const QByteArray v1 = "v1:" + QByteArray::number(kept.changes(0).sequence() - 1);
    const v1::PullResponse upgraded
        = pullFrom(v1.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals).toStdString());
    QVERIFY(!upgraded.cursor_lost());
    QCOMPARE(upgraded.changes_size(), 1);
    QCOMPARE(upgraded.next_cursor(), kept.next_cursor());
}

QTEST_GUILESS_MAIN(TestSync)
#include "tst_sync.moc"

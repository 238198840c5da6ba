#include "client/sanadclient.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include <QHash>
#include <QSignalSpy>
#include <QTest>

using namespace sanad;
using namespace sanad::client;
using namespace Qt::StringLiterals;

namespace {

constexpr int kTimeout = 30000;

// Collects the answers to the lifecycle calls by request id.
struct Answers
{
    explicit Answers(SanadClient *client)
    {
        QObject::connect(client, &SanadClient::caseChangeApplied, client,
                         [this](quint64 id, const QString &entity) { applied.insert(id, entity); });
        QObject::connect(client, &SanadClient::requestFailed, client,
                         [this](quint64 id, const ClientError &error) { failed.insert(id, error); });
        QObject::connect(client, &SanadClient::callerContextReady, client,
                         [this](quint64 id, const CallerContext &context) { contexts.insert(id, context); });
    }
    bool wait(quint64 id)
    {
        return QTest::qWaitFor([&] { return applied.contains(id) || failed.contains(id) || contexts.contains(id); },
                               kTimeout);
    }
    QHash<quint64, QString> applied;
    QHash<quint64, ClientError> failed;
    QHash<quint64, CallerContext> contexts;
};

} // namespace

// The desktop's lifecycle calls (SanadClient) against the real server: each a Push mutation,
// applied, refused with the server's reason, or a conflict to reload.
class TestCaseLifecycleClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolveWithConfirmationReferAndWrapUp();

private:
    test::ServerProcess m_server;
};

void TestCaseLifecycleClient::resolveWithConfirmationReferAndWrapUp()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY2(m_server.start(), qPrintable(m_server.output()));
    // The customer and case come through plain gRPC (the desktop makes them elsewhere).
    test::GrpcTestClient grpcClient(m_server.address());
    const QString token = grpcClient.login(u"agent1"_s, u"agent-password"_s);
    v1::Mutation customer;
    customer.set_mutation_id("c-1");
    customer.mutable_create_customer()->set_customer_id("cust-1");
    customer.mutable_create_customer()->set_name("Salma");
    customer.mutable_create_customer()->add_phones("+96891234567");
    v1::Mutation kase;
    kase.set_mutation_id("c-2");
    kase.mutable_create_case()->set_case_id("case-1");
    kase.mutable_create_case()->set_customer_id("cust-1");
    kase.mutable_create_case()->set_category("water.supply_cut");
    v1::PushResponse pushed;
    QVERIFY(grpcClient.push(token, { customer, kase }, &pushed).ok());

    SanadClient client;
    QSignalSpy loggedIn(&client, &SanadClient::loggedIn);
    client.login(m_server.address(), u"agent1"_s, u"agent-password"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), kTimeout);
    Answers answers(&client);

    // Resolved without confirmation: refused, with what to do.
    quint64 id = client.changeCaseStatus(u"case-1"_s, 1, CaseStatus::Resolved, false);
    QVERIFY(answers.wait(id));
    QCOMPARE(answers.failed.value(id).kind, ClientError::Kind::InvalidArgument);
    QVERIFY(answers.failed.value(id).serverMessage.contains(u"awaiting confirmation"_s));

    id = client.changeCaseStatus(u"case-1"_s, 1, CaseStatus::AwaitingConfirmation, false);
    QVERIFY(answers.wait(id));
    QCOMPARE(answers.applied.value(id), u"case-1"_s);

    // On a stale version: a conflict to reload.
    id = client.confirmResolution(u"case-1"_s, 1, u"callback"_s);
    QVERIFY(answers.wait(id));
    QCOMPARE(answers.failed.value(id).kind, ClientError::Kind::FailedPrecondition);

    id = client.lookupCaller(u"91234567"_s);
    QVERIFY(answers.wait(id));
    CaseInfo info = answers.contexts.value(id).cases.value(0);
    QCOMPARE(info.status, CaseStatus::AwaitingConfirmation);
    QVERIFY(info.awaitingConfirmationSince.isValid());
    id = client.confirmResolution(u"case-1"_s, info.version, u"callback"_s);
    QVERIFY(answers.wait(id));
    QVERIFY(answers.applied.contains(id));

    id = client.changeCaseStatus(u"case-1"_s, info.version + 1, CaseStatus::Reopened, false);
    QVERIFY(answers.wait(id));
    QVERIFY(answers.applied.contains(id));
    id = client.referCase(u"case-1"_s, info.version + 2, QString(), u"Khalid"_s);
    QVERIFY(answers.wait(id));
    QVERIFY2(answers.applied.contains(id), qPrintable(answers.failed.value(id).serverMessage));

    WrapUp wrapUp;
    wrapUp.customerId = u"cust-1"_s;
    wrapUp.caseId = u"case-1"_s;
    wrapUp.disposition = u"referred"_s;
    wrapUp.mood = CallerMood::Neutral;
    wrapUp.afterCallWorkSeconds = 30;
    id = client.recordWrapUp(wrapUp);
    QVERIFY(answers.wait(id));
    QVERIFY2(answers.applied.contains(id), qPrintable(answers.failed.value(id).serverMessage));

    CallbackRequest callback;
    callback.customerId = u"cust-1"_s;
    callback.caseId = u"case-1"_s;
    callback.reason = u"Tell her when the crew has been"_s;
    id = client.scheduleCallback(callback);
    QVERIFY(answers.wait(id));
    QVERIFY2(answers.applied.contains(id), qPrintable(answers.failed.value(id).serverMessage));
    id = client.recordCallbackAttempt(answers.applied.value(id), 1, true, u"reached"_s);
    QVERIFY(answers.wait(id));
    QVERIFY2(answers.applied.contains(id), qPrintable(answers.failed.value(id).serverMessage));

    id = client.lookupCaller(u"91234567"_s);
    QVERIFY(answers.wait(id));
    info = answers.contexts.value(id).cases.value(0);
    QCOMPARE(info.status, CaseStatus::Referred);
    QCOMPARE(info.reopenCount, 1);
    QCOMPARE(info.referrals.size(), 1);
    QCOMPARE(info.referrals.constFirst().owner, u"Khalid"_s);
    QCOMPARE(info.referrals.constFirst().department, u"Water network operations"_s);

    // The service goes away: the screen-pop from the desktop's store still says where the
    // referral stands, with its owner and due time.
    QTRY_VERIFY_WITH_TIMEOUT(client.syncState().upToDate, kTimeout);
    m_server.kill();
    id = client.lookupCaller(u"91234567"_s);
    QVERIFY(answers.wait(id));
    const CallerContext offline = answers.contexts.value(id);
    QVERIFY(offline.fromLocalStore);
    info = offline.cases.value(0);
    QCOMPARE(info.referrals.size(), 1);
    QCOMPARE(info.referrals.constFirst().owner, u"Khalid"_s);
    QVERIFY(info.referrals.constFirst().dueAt.isValid());
}

QTEST_GUILESS_MAIN(TestCaseLifecycleClient)
#include "tst_caselifecycle.moc"

#include "client/sanadclient.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::client;
using namespace Qt::StringLiterals;

namespace {
constexpr int kTimeout = 30000;
}

// The desktop's case work through SanadClient against the real server: the work policy asked
// after login and kept in the local store for an offline desktop, and the incidents to link to.
class TestCaseWorkClient : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void workPolicyIsFetchedAndKept();
    void incidentsAreListed();

private:
    QTemporaryDir m_dir;
    test::ServerProcess m_server;
};

void TestCaseWorkClient::initTestCase()
{
    QVERIFY(m_dir.isValid());
    QFile policy(m_dir.filePath(u"policy.json"_s));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write(R"({"disposition_codes": [{"code": "meter_read", "ar": "قُرئ العداد", "en": "Meter read"},
                     "resolved"], "wrap_up": {"queues": {"general": "required"}}})");
    policy.close();
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY2(m_server.start({ u"--policy"_s, policy.fileName() }), qPrintable(m_server.output()));
}

void TestCaseWorkClient::workPolicyIsFetchedAndKept()
{
    const QString store = m_dir.filePath(u"desk.sqlite"_s);
    {
        SanadClient client;
        QVERIFY(client.openLocalStore(store).isEmpty());
        // Before the server has answered: the built-in policy.
        QCOMPARE(client.workPolicy().dispositionCodes.size(), 8);
        QSignalSpy changed(&client, &SanadClient::workPolicyChanged);
        client.login(m_server.address(), u"agent1"_s, u"agent-password"_s);
        QTRY_VERIFY_WITH_TIMEOUT(!changed.isEmpty(), kTimeout);
        const WorkPolicyInfo policy = client.workPolicy();
        QCOMPARE(policy.dispositionCodes.size(), 2);
        QCOMPARE(policy.dispositionCodes.at(0).code, u"meter_read"_s);
        QCOMPARE(policy.dispositionCodes.at(0).label(false), u"قُرئ العداد"_s);
        QCOMPARE(policy.dispositionCodes.at(0).label(true), u"Meter read"_s);
        QCOMPARE(policy.dispositionCodes.at(1).label(false), u"حُلّت"_s);
        QVERIFY(policy.wrapUpRequired(u"general"_s));
        QVERIFY(!policy.wrapUpRequired(u"walk_in"_s));
    }
    // Another start of the desktop, the server not reached yet: the kept copy.
    SanadClient offline;
    QVERIFY(offline.openLocalStore(store).isEmpty());
    const WorkPolicyInfo kept = offline.workPolicy();
    QCOMPARE(kept.dispositionCodes.size(), 2);
    QCOMPARE(kept.dispositionCodes.at(0).label(true), u"Meter read"_s);
    QVERIFY(kept.wrapUpRequired(u"general"_s));
}

void TestCaseWorkClient::incidentsAreListed()
{
    test::GrpcTestClient grpcClient(m_server.address());
    const QString token = grpcClient.login(u"agent1"_s, u"agent-password"_s);
    QList<v1::Mutation> mutations;
    for (int i : { 1, 2 }) {
        const std::string n = std::to_string(i);
        v1::Mutation customer;
        customer.set_mutation_id("ci-c" + n);
        customer.mutable_create_customer()->set_customer_id("cust-" + n);
        customer.mutable_create_customer()->set_name("Caller " + n);
        customer.mutable_create_customer()->add_phones("+9689300000" + n);
        v1::Mutation kase;
        kase.set_mutation_id("ci-k" + n);
        kase.mutable_create_case()->set_case_id("case-" + n);
        kase.mutable_create_case()->set_customer_id("cust-" + n);
        kase.mutable_create_case()->set_category("electricity.outage");
        kase.mutable_create_case()->set_location(i == 1 ? "Ruwi, high street" : "Ruwi near the souq");
        mutations << customer << kase;
    }
    v1::PushResponse pushed;
    QVERIFY(grpcClient.push(token, mutations, &pushed).ok());

    SanadClient client;
    QSignalSpy loggedIn(&client, &SanadClient::loggedIn);
    client.login(m_server.address(), u"agent1"_s, u"agent-password"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), kTimeout);
    QSignalSpy ready(&client, &SanadClient::incidentsReady);
    QSignalSpy failed(&client, &SanadClient::requestFailed);
    const quint64 id = client.listIncidents(u"electricity.outage"_s, u"ruwi"_s, u"case-2"_s);
    QTRY_VERIFY_WITH_TIMEOUT(!ready.isEmpty(), kTimeout);
    QCOMPARE(ready.at(0).at(0).toULongLong(), id);
    const auto incidents = ready.at(0).at(1).value<QList<IncidentCandidateInfo>>();
    QCOMPARE(incidents.size(), 1);
    QCOMPARE(incidents.at(0).caseId, u"case-1"_s);
    QCOMPARE(incidents.at(0).location, u"Ruwi, high street"_s);
    QCOMPARE(incidents.at(0).status, CaseStatus::New);
    QVERIFY(incidents.at(0).openedAt.isValid());

    // A bad request is a failure with the server's reason.
    const quint64 bad = client.listIncidents(QString(), QString(), QString());
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), kTimeout);
    QCOMPARE(failed.at(0).at(0).toULongLong(), bad);
    QCOMPARE(failed.at(0).at(1).value<ClientError>().kind, ClientError::Kind::InvalidArgument);
}

QTEST_GUILESS_MAIN(TestCaseWorkClient)
#include "tst_casework.moc"

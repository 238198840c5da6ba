#include "grpctestclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// What the desktop's case work asks the real server for (docs/cases.md): the work policy
// (CaseService.GetWorkPolicy) from the built-in policy and from a --policy file, and the cases a
// case could be linked to as a report of an incident (CaseService.ListIncidents), which
// link_to_incident then joins.
class TestCaseWork : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void builtInWorkPolicy();
    void workPolicyFromFile();
    void incidentCandidatesAndLinking();
    void badRequestsSayWhatIsWrong();
    void rolesOfTheTable();

private:
    grpc::Status listIncidents(const QString &token, const v1::ListIncidentsRequest &request,
                               v1::ListIncidentsResponse *response);

    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_agent, m_cti;
};

grpc::Status TestCaseWork::listIncidents(const QString &token, const v1::ListIncidentsRequest &request,
                                         v1::ListIncidentsResponse *response)
{
    return m_client->cases().ListIncidents(GrpcTestClient::context(token).get(), request, response);
}

void TestCaseWork::initTestCase()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.addUser(u"pbx"_s, u"cti"_s, u"pbx-password"_s));
    QVERIFY(m_server.start());
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    m_cti = m_client->login(u"pbx"_s, u"pbx-password"_s);
    QVERIFY(!m_agent.isEmpty() && !m_cti.isEmpty());
}

void TestCaseWork::builtInWorkPolicy()
{
    v1::WorkPolicy policy;
    const grpc::Status status
        = m_client->cases().GetWorkPolicy(GrpcTestClient::context(m_agent).get(), v1::GetWorkPolicyRequest(), &policy);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(policy.disposition_codes_size(), 8);
    QCOMPARE(policy.disposition_codes(0).code(), "resolved");
    QCOMPARE(QString::fromStdString(policy.disposition_codes(6).label_ar()), u"رقم خاطئ"_s);
    QCOMPARE(policy.disposition_codes(6).label_en(), "Wrong number");
    QVERIFY(!policy.wrap_up_required_by_default());
    QCOMPARE(policy.queues_size(), 0);
}

void TestCaseWork::workPolicyFromFile()
{
    ServerProcess server;
    const QString path = server.dataDir() + u"/policy.json"_s;
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(R"({"disposition_codes": ["resolved", {"code": "meter_read", "ar": "قُرئ العداد", "en": "Meter read"},
                   "tariff_explained"],
                   "wrap_up": {"default": "required", "queues": {"walk_in": "optional"}}})");
    file.close();
    QVERIFY(server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(server.start({ u"--policy"_s, path }));
    GrpcTestClient client(server.address());
    const QString token = client.login(u"agent1"_s, u"agent-password"_s);
    v1::WorkPolicy policy;
    const grpc::Status status
        = client.cases().GetWorkPolicy(GrpcTestClient::context(token).get(), v1::GetWorkPolicyRequest(), &policy);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(policy.disposition_codes_size(), 3);
    QCOMPARE(QString::fromStdString(policy.disposition_codes(0).label_ar()), u"حُلّت"_s); // a built-in code
    QCOMPARE(policy.disposition_codes(1).code(), "meter_read");
    QCOMPARE(QString::fromStdString(policy.disposition_codes(1).label_ar()), u"قُرئ العداد"_s);
    QCOMPARE(policy.disposition_codes(1).label_en(), "Meter read");
    QCOMPARE(policy.disposition_codes(2).label_ar(), "tariff_explained"); // no labels: the code itself
    QCOMPARE(policy.disposition_codes(2).label_en(), "tariff_explained");
    QVERIFY(policy.wrap_up_required_by_default());
    QCOMPARE(policy.queues_size(), 1);
    QCOMPARE(policy.queues(0).queue(), "walk_in");
    QVERIFY(!policy.queues(0).required());
}

void TestCaseWork::incidentCandidatesAndLinking()
{
    // Two callers report the same cut in different words of the place: no automatic incident.
    const std::string first = m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96892000001"),
                                                   "water.supply_cut", "الخوير، شارع ٥");
    const std::string second = m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96892000002"),
                                                    "water.supply_cut", "حي الخوير قرب المسجد");
    // Another category is never offered.
    m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96892000003"), "electricity.outage", "الخوير");

    v1::ListIncidentsRequest request;
    request.set_category("water.supply_cut");
    request.set_location("حي الخوير قرب المسجد");
    request.set_case_id(second);
    v1::ListIncidentsResponse response;
    grpc::Status status = listIncidents(m_agent, request, &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(response.incidents_size(), 1);
    const v1::IncidentCandidate candidate = response.incidents(0);
    QCOMPARE(candidate.case_id(), first);
    QVERIFY(QString::fromStdString(candidate.number()).startsWith(u"SN-"_s));
    QCOMPARE(candidate.category(), "water.supply_cut");
    QCOMPARE(QString::fromStdString(candidate.location()), u"الخوير، شارع ٥"_s);
    QCOMPARE(candidate.reports(), 1);
    QVERIFY(!candidate.incident());
    QCOMPARE(candidate.status(), v1::CASE_STATUS_NEW);
    QVERIFY(candidate.has_opened_at());

    // A place that shares no word finds nothing; no place lists the whole category, newest first.
    request.set_location("صحار");
    QVERIFY(listIncidents(m_agent, request, &response).ok());
    QCOMPARE(response.incidents_size(), 0);
    request.clear_location();
    request.clear_case_id();
    response.Clear();
    QVERIFY(listIncidents(m_agent, request, &response).ok());
    QCOMPARE(response.incidents_size(), 2);
    QCOMPARE(response.incidents(0).case_id(), second);
    QCOMPARE(response.incidents(1).case_id(), first);

    // Linked by hand: the parent now counts two reports and is listed as an incident; the report
    // itself is no longer a candidate.
    v1::Mutation link = GrpcTestClient::newMutation(1);
    link.mutable_link_to_incident()->set_case_id(second);
    link.mutable_link_to_incident()->set_incident_case_id(first);
    const v1::MutationResult r = m_client->pushOne(m_agent, link);
    QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    response.Clear();
    QVERIFY(listIncidents(m_agent, request, &response).ok());
    QCOMPARE(response.incidents_size(), 1);
    QCOMPARE(response.incidents(0).case_id(), first);
    QCOMPARE(response.incidents(0).reports(), 2);
    QVERIFY(response.incidents(0).incident());
    QCOMPARE(response.incidents(0).priority(), v1::PRIORITY_HIGH); // raised one step from normal
    // The report's caller context names the incident by its number, so the agent can tell them.
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_agent, u"+96892000002"_s, &context).ok());
    QCOMPARE(context.cases_size(), 1);
    QCOMPARE(context.cases(0).incident_id(), first);
    QCOMPARE(context.cases(0).incident_number(), response.incidents(0).number());

    // The limit is kept.
    m_client->createCase(m_agent, m_client->createCustomer(m_agent, "+96892000004"), "water.supply_cut", "الخوير");
    request.set_limit(1);
    response.Clear();
    QVERIFY(listIncidents(m_agent, request, &response).ok());
    QCOMPARE(response.incidents_size(), 1);
}

void TestCaseWork::badRequestsSayWhatIsWrong()
{
    v1::ListIncidentsResponse response;
    v1::ListIncidentsRequest request;
    grpc::Status status = listIncidents(m_agent, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(status.error_message()).contains(u"category is empty"_s),
             status.error_message().c_str());
    request.set_category("water.made_up");
    status = listIncidents(m_agent, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(status.error_message()).contains(u"water.made_up"_s),
             status.error_message().c_str());
    request.set_category("water.supply_cut");
    request.set_limit(-1);
    status = listIncidents(m_agent, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(status.error_message()).contains(u"limit"_s), status.error_message().c_str());
    request.set_limit(0);
    request.set_location(std::string(201, 'a'));
    status = listIncidents(m_agent, request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY2(QString::fromStdString(status.error_message()).contains(u"201"_s), status.error_message().c_str());
}

void TestCaseWork::rolesOfTheTable()
{
    v1::ListIncidentsRequest request;
    request.set_category("water.supply_cut");
    v1::ListIncidentsResponse response;
    QCOMPARE(listIncidents(m_cti, request, &response).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(listIncidents(QString(), request, &response).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    v1::WorkPolicy policy;
    QCOMPARE(m_client->cases()
                 .GetWorkPolicy(GrpcTestClient::context(m_cti).get(), v1::GetWorkPolicyRequest(), &policy)
                 .error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
}

QTEST_GUILESS_MAIN(TestCaseWork)
#include "tst_casework.moc"

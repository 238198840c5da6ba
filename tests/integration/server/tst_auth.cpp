#include "grpctestclient.h"
#include "serverprocess.h"

#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// Login, sessions and the role rules of API.md, against the real server.
class TestAuth : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void loginGood();
    void wrongPasswordAndUnknownUserLookTheSame();
    void missingOrUnknownToken();
    void ctiReportsCallsButCannotReadCases();
    void agentReadsCasesButCannotReportCalls();
    void adminDoesBoth();
    void healthAndReflectionNeedNoToken();
    void expiredToken(); // last: it moves the server's clock past every token

private:
    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
};

void TestAuth::initTestCase()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.addUser(u"pbx"_s, u"cti"_s, u"cti-password"_s));
    QVERIFY(m_server.addUser(u"boss"_s, u"admin"_s, u"admin-password"_s));
    QVERIFY(m_server.start({ u"--test-clock"_s, u"--token-ttl"_s, u"60"_s }));
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
}

void TestAuth::loginGood()
{
    v1::LoginResponse response;
    grpc::Status status;
    const QString token = m_client->login(u"agent1"_s, u"agent-password"_s, &status, &response);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QVERIFY(token.size() >= 40); // 32 random bytes, base64url
    QCOMPARE(response.role(), v1::ROLE_AGENT);
    QCOMPARE(response.username(), "agent1");
    QCOMPARE(response.display_name(), "agent1");
    QVERIFY(!response.user_id().empty());
    const qint64 ttl = response.expires_at().seconds() - QDateTime::currentSecsSinceEpoch();
    QVERIFY2(ttl > 30 && ttl <= 61, qPrintable(QString::number(ttl)));
    // Each login is a new session.
    QVERIFY(m_client->login(u"agent1"_s, u"agent-password"_s) != token);
}

void TestAuth::wrongPasswordAndUnknownUserLookTheSame()
{
    grpc::Status wrongPassword;
    QVERIFY(m_client->login(u"agent1"_s, u"not-the-password"_s, &wrongPassword).isEmpty());
    grpc::Status unknownUser;
    QVERIFY(m_client->login(u"nobody"_s, u"agent-password"_s, &unknownUser).isEmpty());
    QCOMPARE(wrongPassword.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(unknownUser.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(wrongPassword.error_message(), unknownUser.error_message());
    grpc::Status empty;
    QVERIFY(m_client->login(QString(), QString(), &empty).isEmpty());
    QCOMPARE(empty.error_code(), grpc::StatusCode::UNAUTHENTICATED);
}

void TestAuth::missingOrUnknownToken()
{
    v1::CallerContext context;
    const grpc::Status missing = m_client->lookup(QString(), u"91234567"_s, &context);
    QCOMPARE(missing.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QVERIFY2(QString::fromStdString(missing.error_message()).contains("authorization: Bearer"_L1),
             missing.error_message().c_str());
    QCOMPARE(m_client->lookup(u"made-up-token"_s, u"91234567"_s, &context).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    bool accepted = true;
    QCOMPARE(m_client->reportCall(QString(), u"x"_s, v1::CALL_EVENT_KIND_OFFERED, QString(), &accepted).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);
    AgentStreamReader stream(*m_client, QString());
    QTRY_VERIFY_WITH_TIMEOUT(stream.finished(), 30000);
    QCOMPARE(stream.status().error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QCOMPARE(stream.eventCount(), 0);
}

void TestAuth::ctiReportsCallsButCannotReadCases()
{
    const QString cti = m_client->login(u"pbx"_s, u"cti-password"_s);
    QVERIFY(!cti.isEmpty());
    bool accepted = false;
    const grpc::Status report
        = m_client->reportCall(cti, u"auth-call-1"_s, v1::CALL_EVENT_KIND_OFFERED, u"+968 9123 4567"_s, &accepted);
    QVERIFY2(report.ok(), report.error_message().c_str());
    QVERIFY(accepted);

    v1::CallerContext context;
    const grpc::Status lookup = m_client->lookup(cti, u"91234567"_s, &context);
    QCOMPARE(lookup.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QVERIFY2(QString::fromStdString(lookup.error_message()).contains("LookupCaller"_L1),
             lookup.error_message().c_str());

    v1::SearchCustomersRequest search;
    search.set_query("Ahmed");
    v1::SearchCustomersResponse found;
    QCOMPARE(m_client->cases().SearchCustomers(GrpcTestClient::context(cti).get(), search, &found).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    v1::PushResponse pushed;
    QCOMPARE(m_client->push(cti, {}, &pushed).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(m_client->setPresence(cti, v1::AGENT_STATE_AVAILABLE).error_code(), grpc::StatusCode::PERMISSION_DENIED);
    AgentStreamReader stream(*m_client, cti);
    QTRY_VERIFY_WITH_TIMEOUT(stream.finished(), 30000);
    QCOMPARE(stream.status().error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

void TestAuth::agentReadsCasesButCannotReportCalls()
{
    const QString agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    bool accepted = true;
    const grpc::Status report
        = m_client->reportCall(agent, u"auth-call-2"_s, v1::CALL_EVENT_KIND_OFFERED, u"91234567"_s, &accepted);
    QCOMPARE(report.error_code(), grpc::StatusCode::PERMISSION_DENIED);
    v1::CallerContext context;
    const grpc::Status lookup = m_client->lookup(agent, u"91234567"_s, &context);
    QVERIFY2(lookup.ok(), lookup.error_message().c_str());
    QVERIFY(!context.known());
    QCOMPARE(m_client->advanceClock(agent, 1).error_code(), grpc::StatusCode::PERMISSION_DENIED);
}

void TestAuth::adminDoesBoth()
{
    const QString admin = m_client->login(u"boss"_s, u"admin-password"_s);
    bool accepted = false;
    QVERIFY(m_client->reportCall(admin, u"auth-call-3"_s, v1::CALL_EVENT_KIND_OFFERED, u"91234567"_s, &accepted).ok());
    QVERIFY(accepted);
    v1::CallerContext context;
    QVERIFY(m_client->lookup(admin, u"91234567"_s, &context).ok());
    QCOMPARE(context.normalized_number(), "+96891234567");
}

void TestAuth::healthAndReflectionNeedNoToken()
{
    bool serving = false;
    const grpc::Status status = m_client->healthCheck(&serving);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QVERIFY(serving);
    std::string services;
    const grpc::Status reflection = m_client->reflectionListServices(&services);
    QVERIFY2(reflection.ok(), reflection.error_message().c_str());
    for (const char *service : { "sanad.v1.AuthService", "sanad.v1.CtiService", "sanad.v1.CaseService",
                                 "sanad.v1.SyncService", "sanad.v1.AgentService", "grpc.health.v1.Health" })
        QVERIFY2(services.find(service) != std::string::npos, service);
}

void TestAuth::expiredToken()
{
    const QString agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    const QString admin = m_client->login(u"boss"_s, u"admin-password"_s);
    v1::CallerContext context;
    QVERIFY(m_client->lookup(agent, u"91234567"_s, &context).ok());

    QVERIFY(m_client->advanceClock(admin, 61 * 1000).ok()); // past the 60 s --token-ttl
    const grpc::Status expired = m_client->lookup(agent, u"91234567"_s, &context);
    QCOMPARE(expired.error_code(), grpc::StatusCode::UNAUTHENTICATED);
    QVERIFY2(QString::fromStdString(expired.error_message()).contains("expired"_L1), expired.error_message().c_str());
    QCOMPARE(m_client->advanceClock(admin, 1).error_code(), grpc::StatusCode::UNAUTHENTICATED);
    // Logging in again gives a working session.
    const QString fresh = m_client->login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(m_client->lookup(fresh, u"91234567"_s, &context).ok());
}

QTEST_GUILESS_MAIN(TestAuth)
#include "tst_auth.moc"

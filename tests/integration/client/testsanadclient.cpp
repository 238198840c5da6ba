#include "client/sanadclient.h"
#include "core/phonenumber.h"

#include "serverprocess.h"

#include "sanad/v1/auth.grpc.pb.h"
#include "sanad/v1/case.grpc.pb.h"
#include "sanad/v1/cti.grpc.pb.h"
#include "sanad/v1/testing.grpc.pb.h"

#include <grpcpp/create_channel.h>
#include <grpcpp/security/credentials.h>

#include <QHash>
#include <QSignalSpy>
#include <QTcpServer>
#include <QTest>
#include <QUuid>

#include <chrono>
#include <memory>

using namespace sanad;
using namespace sanad::client;
using sanad::test::ServerProcess;

namespace {

constexpr int Timeout = 15000;

const QString AgentPassword = QStringLiteral("agent-secret-1");
const QString CtiPassword = QStringLiteral("cti-secret-12");
const QString AdminPassword = QStringLiteral("admin-secret-1");

QString newCallId()
{
    return QStringLiteral("call-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
}

// A bare gRPC client for what the desktop never does: report calls as the PBX (CTI account) and
// move the server's test clock (admin account). Blocking calls, fine on a test's thread.
class RawGrpc
{
public:
    explicit RawGrpc(const QString &address)
        : m_channel(grpc::CreateChannel(address.toStdString(), grpc::InsecureChannelCredentials()))
    { }

    // The token, or an empty string (and a warning) when login fails.
    QString login(const QString &username, const QString &password)
    {
        auto stub = v1::AuthService::NewStub(m_channel);
        grpc::ClientContext context;
        context.set_deadline(deadline());
        v1::LoginRequest request;
        request.set_username(username.toStdString());
        request.set_password(password.toStdString());
        v1::LoginResponse response;
        const grpc::Status status = stub->Login(&context, request, &response);
        if (!status.ok()) {
            qWarning() << "raw login failed:" << status.error_code() << status.error_message().c_str();
            return {};
        }
        return QString::fromStdString(response.token());
    }

    grpc::Status reportCall(const QString &token, const QString &callId, v1::CallEventKind kind,
                            const QString &callerNumber = {})
    {
        auto stub = v1::CtiService::NewStub(m_channel);
        grpc::ClientContext context;
        authorize(&context, token);
        v1::CallEvent event;
        event.set_call_id(callId.toStdString());
        event.set_kind(kind);
        event.set_caller_number(callerNumber.toStdString());
        event.set_dialed_number("1444");
        v1::CallEventAck ack;
        return stub->ReportCallEvent(&context, event, &ack);
    }

    grpc::Status lookupCaller(const QString &token, const QString &number)
    {
        auto stub = v1::CaseService::NewStub(m_channel);
        grpc::ClientContext context;
        authorize(&context, token);
        v1::LookupCallerRequest request;
        request.set_phone_number(number.toStdString());
        v1::CallerContext response;
        return stub->LookupCaller(&context, request, &response);
    }

    grpc::Status advanceClock(const QString &token, qint64 milliseconds)
    {
        auto stub = v1::testing::TestClockService::NewStub(m_channel);
        grpc::ClientContext context;
        authorize(&context, token);
        v1::testing::AdvanceRequest request;
        request.set_milliseconds(milliseconds);
        v1::testing::AdvanceResponse response;
        return stub->Advance(&context, request, &response);
    }

private:
    static std::chrono::system_clock::time_point deadline()
    {
        return std::chrono::system_clock::now() + std::chrono::seconds(15);
    }
    static void authorize(grpc::ClientContext *context, const QString &token)
    {
        context->set_deadline(deadline());
        context->AddMetadata("authorization", "Bearer " + token.toStdString());
    }

    std::shared_ptr<grpc::Channel> m_channel;
};

// Collects every request result of a client by request id.
class Results final : public QObject
{
    Q_OBJECT

public:
    explicit Results(SanadClient *client)
    {
        connect(client, &SanadClient::callerContextReady, this,
                [this](quint64 id, const CallerContext &context) { contexts.insert(id, context); });
        connect(client, &SanadClient::searchResultsReady, this, [this](quint64 id, const QList<SearchResult> &results) {
            QList<CustomerInfo> customers;
            for (const SearchResult &result : results)
                customers.append(result.customer);
            searches.insert(id, customers);
            matches.insert(id, results);
        });
        connect(client, &SanadClient::customerCreated, this,
                [this](quint64 id, const QString &customerId) { created.insert(id, customerId); });
        connect(client, &SanadClient::requestFailed, this,
                [this](quint64 id, const ClientError &error) { failures.insert(id, error); });
    }

    int answers(quint64 id) const
    {
        return int(contexts.contains(id)) + int(searches.contains(id)) + int(created.contains(id))
            + int(failures.contains(id));
    }

    QHash<quint64, CallerContext> contexts;
    QHash<quint64, QList<CustomerInfo>> searches;
    QHash<quint64, QList<SearchResult>> matches;
    QHash<quint64, QString> created;
    QHash<quint64, ClientError> failures;
};

QList<AgentState> presenceStates(const QSignalSpy &spy)
{
    QList<AgentState> states;
    for (const QList<QVariant> &args : spy)
        states.append(args.at(0).value<AgentState>());
    return states;
}

bool containsCustomer(const QList<CustomerInfo> &customers, const QString &id)
{
    return std::any_of(customers.cbegin(), customers.cend(), [&](const CustomerInfo &c) { return c.id == id; });
}

} // namespace

class TestSanadClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();

    void loginGood();
    void loginWrongPasswordOrUser();
    void loginUnreachableServer();
    void loginSilentServerFailsAtDeadline();
    void logout();

    void lookupUnknownNumber();
    void lookupJunk();
    void createCustomerThenLookupByEveryForm();
    void createCustomerRejected();
    void searchCustomers();
    void customerContextById();
    void ctiMayNotReadCases();
    void cancelledRequestNeverSucceeds();

    void agentStreamContactLifecycle();
    void agentStreamSignedInElsewhere();
    void agentStreamReconnectsAfterServerRestart();
    void sessionCarriesTheServersPhoneRegion();
    void sessionExpiresOnTestClock();

    void destroyWithCallsInFlight();
    void destroyWhileServerIsSilent();

private:
    std::unique_ptr<SanadClient> signIn(const ServerProcess &server, const QString &username, const QString &password);
    // Creates a customer through the client and returns the id, or an empty string.
    QString createCustomer(SanadClient &client, const NewCustomer &customer);

    ServerProcess m_server;
};

void TestSanadClient::initTestCase()
{
    QVERIFY(m_server.addUser(QStringLiteral("agent1"), QStringLiteral("agent"), AgentPassword));
    QVERIFY(m_server.addUser(QStringLiteral("agent2"), QStringLiteral("agent"), AgentPassword));
    QVERIFY(m_server.addUser(QStringLiteral("cti1"), QStringLiteral("cti"), CtiPassword));
    QVERIFY(m_server.addUser(QStringLiteral("admin1"), QStringLiteral("admin"), AdminPassword));
    QVERIFY2(m_server.start(m_server.policyArgs(sanad::test::ServerProcess::kCallbacksNextDay)),
             qPrintable(m_server.output()));
}

std::unique_ptr<SanadClient> TestSanadClient::signIn(const ServerProcess &server, const QString &username,
                                                     const QString &password)
{
    auto client = std::make_unique<SanadClient>();
    QSignalSpy loggedIn(client.get(), &SanadClient::loggedIn);
    QSignalSpy loginFailed(client.get(), &SanadClient::loginFailed);
    client->login(server.address(), username, password);
    if (!QTest::qWaitFor([&] { return loggedIn.count() + loginFailed.count() > 0; }, Timeout) || loggedIn.isEmpty()) {
        qWarning() << "sign-in failed for a test account";
        return nullptr;
    }
    return client;
}

QString TestSanadClient::createCustomer(SanadClient &client, const NewCustomer &customer)
{
    Results results(&client);
    const quint64 id = client.createCustomer(customer);
    if (!QTest::qWaitFor([&] { return results.answers(id) > 0; }, Timeout))
        return {};
    if (results.failures.contains(id))
        qWarning().noquote() << "createCustomer failed:" << results.failures.value(id).serverMessage;
    return results.created.value(id);
}

void TestSanadClient::loginGood()
{
    SanadClient client;
    QSignalSpy loggedIn(&client, &SanadClient::loggedIn);
    QSignalSpy loginFailed(&client, &SanadClient::loginFailed);
    QVERIFY(!client.isLoggedIn());
    client.login(m_server.address(), QStringLiteral("agent1"), AgentPassword);
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, Timeout);
    QCOMPARE(loginFailed.count(), 0);
    QVERIFY(client.isLoggedIn());

    const Session session = loggedIn.at(0).at(0).value<Session>();
    QCOMPARE(session.serverAddress, m_server.address());
    QCOMPARE(session.username, QStringLiteral("agent1"));
    QCOMPARE(session.role, Role::Agent);
    QVERIFY(!session.token.isEmpty());
    QVERIFY(!session.userId.isEmpty());
    QVERIFY(!session.displayName.isEmpty());
    QVERIFY(session.expiresAt > QDateTime::currentDateTimeUtc());
    QCOMPARE(session.phoneRegion, QStringLiteral("OM")); // the server's default --region
    QCOMPARE(client.session().token, session.token);
}

void TestSanadClient::loginWrongPasswordOrUser()
{
    SanadClient client;
    QSignalSpy loggedIn(&client, &SanadClient::loggedIn);
    QSignalSpy loginFailed(&client, &SanadClient::loginFailed);
    client.login(m_server.address(), QStringLiteral("agent1"), QStringLiteral("not-the-password"));
    QTRY_COMPARE_WITH_TIMEOUT(loginFailed.count(), 1, Timeout);
    const ClientError wrongPassword = loginFailed.at(0).at(0).value<ClientError>();
    QCOMPARE(wrongPassword.kind, ClientError::Kind::Unauthenticated);
    QCOMPARE(wrongPassword.grpcCode, int(grpc::StatusCode::UNAUTHENTICATED));
    QVERIFY(!wrongPassword.serverMessage.isEmpty());

    client.login(m_server.address(), QStringLiteral("nobody-here"), AgentPassword);
    QTRY_COMPARE_WITH_TIMEOUT(loginFailed.count(), 2, Timeout);
    const ClientError unknownUser = loginFailed.at(1).at(0).value<ClientError>();
    // The same answer for both, so that the screen does not reveal which usernames exist.
    QCOMPARE(unknownUser.kind, ClientError::Kind::Unauthenticated);
    QCOMPARE(unknownUser.serverMessage, wrongPassword.serverMessage);

    QCOMPARE(loggedIn.count(), 0);
    QVERIFY(!client.isLoggedIn());
}

void TestSanadClient::loginUnreachableServer()
{
    // A port nobody listens on: taken from the system, then released.
    QTcpServer probe;
    QVERIFY(probe.listen(QHostAddress::LocalHost, 0));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(probe.serverPort());
    probe.close();

    SanadClient client;
    client.setDeadlineMs(2000);
    QSignalSpy loginFailed(&client, &SanadClient::loginFailed);
    client.login(address, QStringLiteral("agent1"), AgentPassword);
    QTRY_COMPARE_WITH_TIMEOUT(loginFailed.count(), 1, Timeout);
    QCOMPARE(loginFailed.at(0).at(0).value<ClientError>().kind, ClientError::Kind::Unreachable);
    QVERIFY(!client.isLoggedIn());
}

void TestSanadClient::loginSilentServerFailsAtDeadline()
{
    // Accepts TCP connections but never speaks: the login must end with the deadline, not hang.
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    SanadClient client;
    client.setDeadlineMs(1000);
    QSignalSpy loginFailed(&client, &SanadClient::loginFailed);
    client.login(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()), QStringLiteral("agent1"), AgentPassword);
    QTRY_COMPARE_WITH_TIMEOUT(loginFailed.count(), 1, Timeout);
    const ClientError error = loginFailed.at(0).at(0).value<ClientError>();
    QCOMPARE(error.kind, ClientError::Kind::Unreachable);
}

void TestSanadClient::logout()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());
    QSignalSpy loggedOut(client.get(), &SanadClient::loggedOut);
    QSignalSpy expired(client.get(), &SanadClient::sessionExpired);
    client->logout();
    QVERIFY(!client->isLoggedIn());
    QVERIFY(client->session().token.isEmpty());
    QTRY_COMPARE_WITH_TIMEOUT(loggedOut.count(), 1, Timeout);

    const quint64 id = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);
    QCOMPARE(results.failures.value(id).kind, ClientError::Kind::Unauthenticated);
    QCOMPARE(expired.count(), 0); // signing out is not an expired session
}

void TestSanadClient::lookupUnknownNumber()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());
    const quint64 id = client->lookupCaller(QStringLiteral("+968 9900 0001"));
    QVERIFY(id > 0);
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);
    QVERIFY2(results.contexts.contains(id), qPrintable(results.failures.value(id).serverMessage));
    const CallerContext context = results.contexts.value(id);
    QCOMPARE(context.known, false);
    QCOMPARE(context.normalizedNumber, QStringLiteral("+96899000001"));
    QVERIFY(context.history.isEmpty());
    QVERIFY(context.cases.isEmpty());
}

void TestSanadClient::lookupJunk()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());
    QSignalSpy expired(client.get(), &SanadClient::sessionExpired);
    const quint64 id = client->lookupCaller(QStringLiteral("abc"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);
    QVERIFY(results.failures.contains(id));
    const ClientError error = results.failures.value(id);
    QCOMPARE(error.kind, ClientError::Kind::InvalidArgument);
    QCOMPARE(error.grpcCode, int(grpc::StatusCode::INVALID_ARGUMENT));
    QVERIFY(!error.serverMessage.isEmpty()); // a sentence the agent can act on
    QCOMPARE(expired.count(), 0);
    QVERIFY(client->isLoggedIn());
}

void TestSanadClient::createCustomerThenLookupByEveryForm()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    NewCustomer customer;
    customer.name = QStringLiteral("سالم بن خلفان الحارثي");
    customer.phones = { QStringLiteral("+968 9123 4567") };
    customer.city = QStringLiteral("مسقط");
    customer.nationalId = QStringLiteral("10293847");
    customer.email = QStringLiteral("salem@example.om");
    const QString customerId = createCustomer(*client, customer);
    QVERIFY(!customerId.isEmpty());
    QVERIFY(!QUuid::fromString(customerId).isNull());

    const QStringList forms {
        QStringLiteral("+968 9123 4567"),
        QStringLiteral("0096891234567"),
        QStringLiteral("91234567"),
        QStringLiteral("٩١٢٣٤٥٦٧"), // Arabic-Indic digits
        QStringLiteral("۹۱۲۳۴۵۶۷"), // Persian digits
        QStringLiteral("9123-4567"),
        QStringLiteral("\u200F+968 9123 4567"), // RLM
        QStringLiteral("\u2066+968 9123 4567\u2069"), // LRI ... PDI
    };
    Results results(client.get());
    for (const QString &form : forms) {
        const quint64 id = client->lookupCaller(form);
        QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);
        QVERIFY2(results.contexts.contains(id),
                 qPrintable(form + QStringLiteral(": ") + results.failures.value(id).serverMessage));
        const CallerContext context = results.contexts.value(id);
        QVERIFY2(context.known, qPrintable(form));
        QCOMPARE(context.normalizedNumber, QStringLiteral("+96891234567"));
        QCOMPARE(context.customer.id, customerId);
        QCOMPARE(context.customer.name, customer.name);
        QCOMPARE(context.customer.phones, QStringList { QStringLiteral("+96891234567") });
        QCOMPARE(context.customer.city, customer.city);
        QCOMPARE(context.customer.nationalId, customer.nationalId);
        QCOMPARE(context.customer.email, customer.email);
        QVERIFY(context.customer.createdAt.isValid());
        QVERIFY(context.history.isEmpty()); // a new customer has no contacts yet
    }
}

void TestSanadClient::createCustomerRejected()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());

    NewCustomer badPhone;
    badPhone.name = QStringLiteral("Test Caller");
    badPhone.phones = { QStringLiteral("abc") };
    const quint64 first = client->createCustomer(badPhone);
    NewCustomer noName;
    noName.phones = { QStringLiteral("92220000") };
    const quint64 second = client->createCustomer(noName);

    QTRY_COMPARE_WITH_TIMEOUT(results.answers(first) + results.answers(second), 2, Timeout);
    for (const quint64 id : { first, second }) {
        QVERIFY(results.failures.contains(id));
        QCOMPARE(results.failures.value(id).kind, ClientError::Kind::InvalidArgument);
        QVERIFY(!results.failures.value(id).serverMessage.isEmpty());
    }
    // Nothing was stored for the rejected number.
    const quint64 lookup = client->lookupCaller(QStringLiteral("92220000"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(lookup), 1, Timeout);
    QVERIFY(results.contexts.contains(lookup));
    QCOMPARE(results.contexts.value(lookup).known, false);
}

void TestSanadClient::searchCustomers()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    NewCustomer customer;
    customer.name = QStringLiteral("Zahra Testiya Al-Balushi");
    customer.phones = { QStringLiteral("92223344"), QStringLiteral("+968 2412 9876") };
    const QString customerId = createCustomer(*client, customer);
    QVERIFY(!customerId.isEmpty());

    Results results(client.get());
    const quint64 byName = client->searchCustomers(QStringLiteral("testiya"));
    const quint64 byPhone = client->searchCustomers(QStringLiteral("٩٢٢٢٣٣٤٤"));
    const quint64 bySecondPhone = client->searchCustomers(QStringLiteral("+96824129876"));
    const quint64 nothing = client->searchCustomers(QStringLiteral("no-such-customer-xyz"));
    const quint64 empty = client->searchCustomers(QString());
    for (const quint64 id : { byName, byPhone, bySecondPhone, nothing, empty })
        QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);

    for (const quint64 id : { byName, byPhone, bySecondPhone }) {
        QVERIFY(results.searches.contains(id));
        QVERIFY(containsCustomer(results.searches.value(id), customerId));
    }
    const QList<CustomerInfo> found = results.searches.value(byName);
    const auto it
        = std::find_if(found.cbegin(), found.cend(), [&](const CustomerInfo &c) { return c.id == customerId; });
    QCOMPARE(it->phones, (QStringList { QStringLiteral("+96892223344"), QStringLiteral("+96824129876") }));
    // Why each was found travels with it.
    QCOMPARE(results.matches.value(byPhone).constFirst().match, SearchMatch::Phone);
    QCOMPARE(results.matches.value(byPhone).constFirst().customer.id, customerId);
    QVERIFY(results.searches.contains(nothing));
    QVERIFY(results.searches.value(nothing).isEmpty());
    QCOMPARE(results.failures.value(empty).kind, ClientError::Kind::InvalidArgument);
}

void TestSanadClient::customerContextById()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    NewCustomer customer;
    customer.name = QStringLiteral("Khalid Opened From Search");
    customer.phones = { QStringLiteral("92225566") };
    const QString customerId = createCustomer(*client, customer);
    QVERIFY(!customerId.isEmpty());

    Results results(client.get());
    const quint64 known = client->customerContext(customerId);
    const quint64 unknown = client->customerContext(QUuid::createUuid().toString(QUuid::WithoutBraces));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(known) + results.answers(unknown), 2, Timeout);
    QVERIFY(results.contexts.contains(known));
    QCOMPARE(results.contexts.value(known).known, true);
    QCOMPARE(results.contexts.value(known).customer.id, customerId);
    QCOMPARE(results.contexts.value(known).customer.name, customer.name);
    QCOMPARE(results.failures.value(unknown).kind, ClientError::Kind::NotFound);
}

void TestSanadClient::ctiMayNotReadCases()
{
    auto client = signIn(m_server, QStringLiteral("cti1"), CtiPassword);
    QVERIFY(client);
    QCOMPARE(client->session().role, Role::Cti);
    Results results(client.get());
    QSignalSpy expired(client.get(), &SanadClient::sessionExpired);
    const quint64 id = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(id), 1, Timeout);
    QCOMPARE(results.failures.value(id).kind, ClientError::Kind::PermissionDenied);
    QCOMPARE(expired.count(), 0);
    QVERIFY(client->isLoggedIn());
}

void TestSanadClient::cancelledRequestNeverSucceeds()
{
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());
    const quint64 cancelled = client->lookupCaller(QStringLiteral("91234567"));
    const quint64 kept = client->lookupCaller(QStringLiteral("91234567"));
    client->cancel(cancelled);
    client->cancel(cancelled); // twice is harmless
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(cancelled) + results.answers(kept), 2, Timeout);
    QCOMPARE(results.answers(cancelled), 1);
    QVERIFY(!results.contexts.contains(cancelled));
    QCOMPARE(results.failures.value(cancelled).kind, ClientError::Kind::Cancelled);
    QVERIFY(results.contexts.contains(kept));

    // The server has most likely answered while this thread was busy elsewhere (blocking calls of
    // its own, no event processing), so the answer waits in the event queue: a stale success that
    // must not come out after cancel().
    RawGrpc raw(m_server.address());
    const QString token = client->session().token;
    const quint64 late = client->lookupCaller(QStringLiteral("91234567"));
    for (int n = 0; n < 3; ++n)
        QVERIFY(raw.lookupCaller(token, QStringLiteral("91234567")).ok());
    client->cancel(late);
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(late), 1, Timeout);
    QCOMPARE(results.failures.value(late).kind, ClientError::Kind::Cancelled);

    // Cancelling a request that has already answered changes nothing.
    client->cancel(kept);
    const quint64 after = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(after), 1, Timeout);
    QCOMPARE(results.answers(kept), 1);
    QVERIFY(!results.failures.contains(kept));
}

void TestSanadClient::agentStreamContactLifecycle()
{
    RawGrpc raw(m_server.address());
    const QString ctiToken = raw.login(QStringLiteral("cti1"), CtiPassword);
    QVERIFY(!ctiToken.isEmpty());

    auto client = signIn(m_server, QStringLiteral("agent1"), AgentPassword);
    QVERIFY(client);
    NewCustomer customer;
    customer.name = QStringLiteral("مريم الرواحية");
    customer.phones = { QStringLiteral("93334455") };
    const QString customerId = createCustomer(*client, customer);
    QVERIFY(!customerId.isEmpty());

    QSignalSpy states(client.get(), &SanadClient::streamStateChanged);
    QSignalSpy presence(client.get(), &SanadClient::presenceChanged);
    QSignalSpy offered(client.get(), &SanadClient::contactOffered);
    QSignalSpy revoked(client.get(), &SanadClient::contactRevoked);
    QSignalSpy accepted(client.get(), &SanadClient::contactAccepted);
    QSignalSpy ended(client.get(), &SanadClient::contactEnded);
    QSignalSpy failed(client.get(), &SanadClient::operationFailed);
    QSignalSpy stopped(client.get(), &SanadClient::streamStopped);

    client->startAgentStream();
    client->startAgentStream(); // idempotent
    QCOMPARE(client->streamState(), SanadClient::StreamState::Connecting);
    QTRY_COMPARE_WITH_TIMEOUT(client->streamState(), SanadClient::StreamState::Connected, Timeout);
    // On connect the server reports the agent on BREAK until the agent goes available.
    QTRY_VERIFY_WITH_TIMEOUT(presenceStates(presence).contains(AgentState::Break), Timeout);

    client->setPresence(AgentState::Available);
    QTRY_COMPARE_WITH_TIMEOUT(presenceStates(presence).last(), AgentState::Available, Timeout);

    // The PBX reports a call from the customer, in the international form with 00.
    const QString callId = newCallId();
    const grpc::Status reported
        = raw.reportCall(ctiToken, callId, v1::CALL_EVENT_KIND_OFFERED, QStringLiteral("0096893334455"));
    QVERIFY2(reported.ok(), reported.error_message().c_str());
    QTRY_COMPARE_WITH_TIMEOUT(offered.count(), 1, Timeout);
    const ContactOffer offer = offered.at(0).at(0).value<ContactOffer>();
    QCOMPARE(offer.callId, callId);
    QCOMPARE(offer.callerNumber, QStringLiteral("0096893334455"));
    QCOMPARE(offer.normalizedNumber, QStringLiteral("+96893334455"));
    QCOMPARE(offer.queue, QStringLiteral("general"));
    QCOMPARE(offer.channel, Channel::Voice);
    QVERIFY(offer.offeredAt.isValid());
    QVERIFY(offer.expiresAt > offer.offeredAt);

    // The screen-pop's lookup of the offered number finds the customer.
    Results results(client.get());
    const quint64 pop = client->lookupCaller(offer.normalizedNumber);
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(pop), 1, Timeout);
    QCOMPARE(results.contexts.value(pop).customer.id, customerId);

    client->acceptContact(callId);
    QTRY_COMPARE_WITH_TIMEOUT(accepted.count(), 1, Timeout);
    QCOMPARE(accepted.at(0).at(0).toString(), callId);
    QTRY_VERIFY_WITH_TIMEOUT(presenceStates(presence).contains(AgentState::OnContact), Timeout);

    client->endContact(callId);
    QTRY_COMPARE_WITH_TIMEOUT(ended.count(), 1, Timeout);
    QCOMPARE(ended.at(0).at(0).toString(), callId);
    QTRY_COMPARE_WITH_TIMEOUT(presenceStates(presence).last(), AgentState::WrapUp, Timeout);

    // Accepting recorded the call in the customer's history, so the next screen-pop shows it.
    const quint64 afterCall = client->lookupCaller(QStringLiteral("93334455"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(afterCall), 1, Timeout);
    const QList<InteractionInfo> history = results.contexts.value(afterCall).history;
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.at(0).channel, Channel::Voice);
    QCOMPARE(history.at(0).direction, Direction::Inbound);
    QCOMPARE(history.at(0).customerId, customerId);

    // The next caller hangs up while the call rings: the offer is revoked.
    client->setPresence(AgentState::Available);
    QTRY_COMPARE_WITH_TIMEOUT(presenceStates(presence).last(), AgentState::Available, Timeout);
    const QString abandonedCall = newCallId();
    QVERIFY(
        raw.reportCall(ctiToken, abandonedCall, v1::CALL_EVENT_KIND_OFFERED, QStringLiteral("+968 9555 6677")).ok());
    QTRY_COMPARE_WITH_TIMEOUT(offered.count(), 2, Timeout);
    QCOMPARE(offered.at(1).at(0).value<ContactOffer>().callId, abandonedCall);
    QCOMPARE(offered.at(1).at(0).value<ContactOffer>().normalizedNumber, QStringLiteral("+96895556677"));
    QVERIFY(raw.reportCall(ctiToken, abandonedCall, v1::CALL_EVENT_KIND_ABANDONED).ok());
    QTRY_COMPARE_WITH_TIMEOUT(revoked.count(), 1, Timeout);
    QCOMPARE(revoked.at(0).at(0).toString(), abandonedCall);
    QCOMPARE(revoked.at(0).at(1).value<RevokeReason>(), RevokeReason::Abandoned);

    // Accepting a call that is no longer offered is refused, with the operation named.
    client->acceptContact(abandonedCall);
    QTRY_COMPARE_WITH_TIMEOUT(failed.count(), 1, Timeout);
    QCOMPARE(failed.at(0).at(0).toString(), QStringLiteral("acceptContact"));
    QCOMPARE(failed.at(0).at(1).value<ClientError>().kind, ClientError::Kind::FailedPrecondition);

    // Each call was accepted and ended once, although both the answers and the stream report it.
    QCOMPARE(accepted.count(), 1);
    QCOMPARE(ended.count(), 1);

    client->stopAgentStream();
    QCOMPARE(client->streamState(), SanadClient::StreamState::Disconnected);
    QCOMPARE(states.last().at(0).value<SanadClient::StreamState>(), SanadClient::StreamState::Disconnected);
    QCOMPARE(stopped.count(), 0);
}

void TestSanadClient::agentStreamSignedInElsewhere()
{
    auto first = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    auto second = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(first && second);
    QSignalSpy firstStopped(first.get(), &SanadClient::streamStopped);
    QSignalSpy firstExpired(first.get(), &SanadClient::sessionExpired);
    QSignalSpy secondStopped(second.get(), &SanadClient::streamStopped);
    QSignalSpy secondPresence(second.get(), &SanadClient::presenceChanged);

    first->startAgentStream();
    QTRY_COMPARE_WITH_TIMEOUT(first->streamState(), SanadClient::StreamState::Connected, Timeout);
    second->startAgentStream();
    QTRY_COMPARE_WITH_TIMEOUT(second->streamState(), SanadClient::StreamState::Connected, Timeout);

    // The same agent on another desktop takes the stream; the first desktop is told and does not
    // take it back (two desktops would otherwise take it from each other for ever).
    QTRY_COMPARE_WITH_TIMEOUT(firstStopped.count(), 1, Timeout);
    QCOMPARE(firstStopped.at(0).at(0).value<ClientError>().grpcCode, int(grpc::StatusCode::ABORTED));
    QVERIFY(!firstStopped.at(0).at(0).value<ClientError>().serverMessage.isEmpty());
    QCOMPARE(first->streamState(), SanadClient::StreamState::Disconnected);
    QCOMPARE(firstExpired.count(), 0);
    QVERIFY(first->isLoggedIn());

    second->setPresence(AgentState::Available);
    QTRY_VERIFY_WITH_TIMEOUT(presenceStates(secondPresence).contains(AgentState::Available), Timeout);
    QCOMPARE(second->streamState(), SanadClient::StreamState::Connected);
    QCOMPARE(secondStopped.count(), 0);
    QCOMPARE(first->streamState(), SanadClient::StreamState::Disconnected);
    second->setPresence(AgentState::Break);
    QTRY_COMPARE_WITH_TIMEOUT(presenceStates(secondPresence).last(), AgentState::Break, Timeout);
}

void TestSanadClient::sessionCarriesTheServersPhoneRegion()
{
    // A Saudi centre: the desktop reads "0501234567" as the server does, offline and in scripts.
    ServerProcess server;
    QVERIFY(server.addUser(QStringLiteral("agent1"), QStringLiteral("agent"), AgentPassword));
    QVERIFY2(server.start({ QStringLiteral("--region"), QStringLiteral("SA") }), qPrintable(server.output()));
    auto client = signIn(server, QStringLiteral("agent1"), AgentPassword);
    QVERIFY(client);
    QCOMPARE(client->session().phoneRegion, QStringLiteral("SA"));
    QCOMPARE(PhoneNumberNormalizer(client->session().phoneRegion).parse(u"0501234567").e164,
             QStringLiteral("+966501234567"));
}

void TestSanadClient::agentStreamReconnectsAfterServerRestart()
{
    ServerProcess server;
    QVERIFY(server.addUser(QStringLiteral("agent1"), QStringLiteral("agent"), AgentPassword));
    QVERIFY2(server.start(), qPrintable(server.output()));
    const QString address = server.address();
    const QString port = address.section(u':', -1);

    auto client = signIn(server, QStringLiteral("agent1"), AgentPassword);
    QVERIFY(client);
    QSignalSpy states(client.get(), &SanadClient::streamStateChanged);
    QSignalSpy presence(client.get(), &SanadClient::presenceChanged);
    client->startAgentStream();
    QTRY_COMPARE_WITH_TIMEOUT(client->streamState(), SanadClient::StreamState::Connected, Timeout);

    server.kill();
    QTRY_COMPARE_WITH_TIMEOUT(client->streamState(), SanadClient::StreamState::Disconnected, Timeout);

    // The same database and port again; the session (stored hashed on the server) still holds.
    QVERIFY2(server.start({ QStringLiteral("--listen"), QStringLiteral("127.0.0.1:") + port }),
             qPrintable(server.output()));
    QCOMPARE(server.address(), address);
    QTRY_COMPARE_WITH_TIMEOUT(client->streamState(), SanadClient::StreamState::Connected, 30000);
    QVERIFY(client->isLoggedIn());

    // The new stream works: presence set now comes back.
    client->setPresence(AgentState::Available);
    QTRY_COMPARE_WITH_TIMEOUT(presenceStates(presence).last(), AgentState::Available, Timeout);
    int connectedCount = 0;
    for (const QList<QVariant> &args : states)
        connectedCount += args.at(0).value<SanadClient::StreamState>() == SanadClient::StreamState::Connected;
    QCOMPARE(connectedCount, 2);
}

void TestSanadClient::sessionExpiresOnTestClock()
{
    ServerProcess server;
    QVERIFY(server.addUser(QStringLiteral("agent1"), QStringLiteral("agent"), AgentPassword));
    QVERIFY(server.addUser(QStringLiteral("admin1"), QStringLiteral("admin"), AdminPassword));
    QVERIFY2(server.start({ QStringLiteral("--test-clock"), QStringLiteral("--token-ttl"), QStringLiteral("60") }),
             qPrintable(server.output()));

    auto client = signIn(server, QStringLiteral("agent1"), AgentPassword);
    QVERIFY(client);
    Results results(client.get());
    QSignalSpy expired(client.get(), &SanadClient::sessionExpired);
    client->startAgentStream();
    QTRY_COMPARE_WITH_TIMEOUT(client->streamState(), SanadClient::StreamState::Connected, Timeout);

    // Still valid before the clock moves.
    const quint64 before = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(before), 1, Timeout);
    QVERIFY(results.contexts.contains(before));

    RawGrpc raw(server.address());
    const QString adminToken = raw.login(QStringLiteral("admin1"), AdminPassword);
    QVERIFY(!adminToken.isEmpty());
    const grpc::Status advanced = raw.advanceClock(adminToken, 61000);
    QVERIFY2(advanced.ok(), advanced.error_message().c_str());

    const quint64 after = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(expired.count(), 1, Timeout);
    QCOMPARE(expired.at(0).at(0).value<ClientError>().kind, ClientError::Kind::Unauthenticated);
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(after), 1, Timeout);
    QCOMPARE(results.failures.value(after).kind, ClientError::Kind::Unauthenticated);
    QCOMPARE(client->streamState(), SanadClient::StreamState::Disconnected);
    QVERIFY(!client->isLoggedIn());
    QCOMPARE(client->session().username, QStringLiteral("agent1")); // kept, to ask for the password again

    // Once only: later calls fail without a second sessionExpired.
    const quint64 again = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(again), 1, Timeout);
    QCOMPARE(results.failures.value(again).kind, ClientError::Kind::Unauthenticated);
    QCOMPARE(expired.count(), 1);

    // Signing in again gives a working session.
    QSignalSpy loggedIn(client.get(), &SanadClient::loggedIn);
    client->login(server.address(), QStringLiteral("agent1"), AgentPassword);
    QTRY_COMPARE_WITH_TIMEOUT(loggedIn.count(), 1, Timeout);
    const quint64 renewed = client->lookupCaller(QStringLiteral("91234567"));
    QTRY_COMPARE_WITH_TIMEOUT(results.answers(renewed), 1, Timeout);
    QVERIFY(results.contexts.contains(renewed));
}

void TestSanadClient::destroyWithCallsInFlight()
{
    for (int round = 0; round < 5; ++round) {
        auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
        QVERIFY(client);
        QObject receiver;
        bool destroyed = false;
        int signalsAfterDestruction = 0;
        const auto count = [&] {
            signalsAfterDestruction += destroyed;
        };
        connect(client.get(), &SanadClient::callerContextReady, &receiver, count);
        connect(client.get(), &SanadClient::requestFailed, &receiver, count);
        connect(client.get(), &SanadClient::searchResultsReady, &receiver, count);
        connect(client.get(), &SanadClient::streamStateChanged, &receiver, count);
        client->startAgentStream();
        for (int n = 0; n < 20; ++n) {
            client->lookupCaller(QStringLiteral("91234567"));
            client->searchCustomers(QStringLiteral("test"));
        }
        client->setPresence(AgentState::Available);
        // Some rounds let a few answers arrive, so that results are queued when it goes.
        QCoreApplication::processEvents();
        if (round % 2 == 1)
            QTest::qWait(round * 10);
        destroyed = true;
        client.reset();
        QCoreApplication::processEvents();
        QCOMPARE(signalsAfterDestruction, 0);
    }
    // The server is still fine and serves a new client.
    auto client = signIn(m_server, QStringLiteral("agent2"), AgentPassword);
    QVERIFY(client);
}

void TestSanadClient::destroyWhileServerIsSilent()
{
    QTcpServer silent;
    QVERIFY(silent.listen(QHostAddress::LocalHost, 0));
    auto client = std::make_unique<SanadClient>();
    client->setDeadlineMs(60000); // the destructor must cancel, not wait for the deadline
    client->login(QStringLiteral("127.0.0.1:%1").arg(silent.serverPort()), QStringLiteral("agent1"), AgentPassword);
    QCoreApplication::processEvents();
    // A destructor that waited for the deadline instead of cancelling would hang here until the
    // test's timeout fails it.
    QSignalSpy destroyed(client.get(), &QObject::destroyed);
    client.reset();
    QCOMPARE(destroyed.count(), 1);
}

QTEST_GUILESS_MAIN(TestSanadClient)
#include "testsanadclient.moc"

#pragma once

#include "grpc/health/v1/health.grpc.pb.h"
#include "sanad/v1/agent.grpc.pb.h"
#include "sanad/v1/auth.grpc.pb.h"
#include "sanad/v1/case.grpc.pb.h"
#include "sanad/v1/cti.grpc.pb.h"
#include "sanad/v1/sync.grpc.pb.h"
#include "sanad/v1/testing.grpc.pb.h"

#include <QList>
#include <QString>

#include <grpcpp/grpcpp.h>

#include <functional>
#include <memory>
#include <mutex>
#include <thread>

namespace sanad::test {

// A plain gRPC client of sanad-server for tests: one channel, stubs for every sanad.v1 service,
// login, and client contexts that carry "authorization: Bearer <token>" and a deadline.
// Calls are synchronous; use them from the test's thread.
class GrpcTestClient
{
public:
    explicit GrpcTestClient(const QString &address);

    std::shared_ptr<grpc::Channel> channel() const { return m_channel; }

    // The token, or an empty string (and *status, *response when given) on failure.
    QString login(const QString &username, const QString &password, grpc::Status *status = nullptr,
                  v1::LoginResponse *response = nullptr);

    // A context with a deadline (default 30 s: generous for a slow machine) and, when token is
    // not empty, the bearer metadata.
    static std::unique_ptr<grpc::ClientContext> context(const QString &token, int deadlineMs = 30000);

    v1::AuthService::Stub &auth() { return *m_auth; }
    v1::CtiService::Stub &cti() { return *m_cti; }
    v1::CaseService::Stub &cases() { return *m_cases; }
    v1::SyncService::Stub &sync() { return *m_sync; }
    v1::AgentService::Stub &agent() { return *m_agent; }
    v1::testing::TestClockService::Stub &testClock() { return *m_testClock; }

    // Convenience wrappers for the calls most tests make; they return the status.
    grpc::Status reportCall(const QString &token, const QString &callId, v1::CallEventKind kind,
                            const QString &callerNumber = QString(), bool *accepted = nullptr,
                            const QString &queue = QString());
    grpc::Status lookup(const QString &token, const QString &phone, v1::CallerContext *context);
    grpc::Status setPresence(const QString &token, v1::AgentState state, v1::SetPresenceResponse *response = nullptr);
    grpc::Status advanceClock(const QString &adminToken, qint64 milliseconds);
    grpc::Status push(const QString &token, const QList<v1::Mutation> &mutations, v1::PushResponse *response);
    // A mutation with a mutation id unique in this process ("t-N").
    static v1::Mutation newMutation(qint64 baseVersion = 0);
    // One mutation pushed as the user: its result, or an empty one (and a warning) on failure.
    v1::MutationResult pushOne(const QString &token, const v1::Mutation &mutation);
    // A customer with this number / a case of this customer, created through Push as the user;
    // the id ("cust-N", "case-N", unique in this process). A warning when it is not APPLIED.
    std::string createCustomer(const QString &token, const std::string &phone);
    std::string createCase(const QString &token, const std::string &customerId, const std::string &category,
                           const std::string &location = {});
    // grpc.health.v1.Health/Check for the whole server, without a token; *serving when SERVING.
    grpc::Status healthCheck(bool *serving);
    // grpc.reflection.v1alpha ServerReflection list_services, without a token: the raw bytes of
    // the first answer (they contain the full service names).
    grpc::Status reflectionListServices(std::string *answer);

private:
    std::shared_ptr<grpc::Channel> m_channel;
    std::unique_ptr<v1::AuthService::Stub> m_auth;
    std::unique_ptr<v1::CtiService::Stub> m_cti;
    std::unique_ptr<v1::CaseService::Stub> m_cases;
    std::unique_ptr<v1::SyncService::Stub> m_sync;
    std::unique_ptr<v1::AgentService::Stub> m_agent;
    std::unique_ptr<v1::testing::TestClockService::Stub> m_testClock;
    std::unique_ptr<grpc::health::v1::Health::Stub> m_health;
};

// Reads one agent's AgentService.Connect stream on its own thread and keeps every event, so a
// test can wait for an event with QTRY_VERIFY while the stream goes on. The stream is cancelled
// when this object goes.
class AgentStreamReader
{
public:
    AgentStreamReader(GrpcTestClient &client, const QString &token);
    ~AgentStreamReader();
    AgentStreamReader(const AgentStreamReader &) = delete;
    AgentStreamReader &operator=(const AgentStreamReader &) = delete;

    QList<v1::AgentEvent> events() const;
    int eventCount() const;
    // True once the stream ended; status() is then its final status.
    bool finished() const;
    grpc::Status status() const;

    // Counts of events of one kind about one call (an empty callId counts all of that kind).
    int offersOf(const QString &callId) const;
    int revokesOf(const QString &callId, v1::RevokeReason reason) const;
    int acceptedOf(const QString &callId) const;
    int endedOf(const QString &callId) const;
    // The newest offer of the call, or an empty message.
    v1::ContactOffered offer(const QString &callId) const;
    // The state of the newest PresenceChanged event (UNSPECIFIED before the first).
    v1::AgentState lastPresence() const;
    QString lastPresenceReason() const;
    int count(const std::function<bool(const v1::AgentEvent &)> &predicate) const;

    void cancel();

private:
    grpc::ClientContext m_context;
    std::unique_ptr<grpc::ClientReader<v1::AgentEvent>> m_reader;
    std::thread m_thread;
    mutable std::mutex m_mutex;
    QList<v1::AgentEvent> m_events;
    bool m_finished = false;
    grpc::Status m_status;
};

} // namespace sanad::test

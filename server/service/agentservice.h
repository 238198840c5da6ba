#pragma once

#include "sanad/v1/agent.grpc.pb.h"
#include "server/queue/queuerouter.h"

#include <QHash>

#include <atomic>
#include <memory>
#include <mutex>

namespace sanad::server {

class AgentStream;
class CallIntake;
struct ServiceContext;

// AgentService: each connected agent's event stream, presence, and taking and ending contacts.
// It is the queue router's listener: router events go to the stream of the agent's current
// connection, and presence changes are recorded in agent_events (on a worker thread).
class AgentService final : public v1::AgentService::CallbackService, public RouterListener
{
public:
    AgentService(ServiceContext &context, CallIntake &intake);
    ~AgentService() override;

    grpc::ServerWriteReactor<v1::AgentEvent> *Connect(grpc::CallbackServerContext *context,
                                                      const v1::ConnectRequest *request) override;
    grpc::ServerUnaryReactor *SetPresence(grpc::CallbackServerContext *context, const v1::SetPresenceRequest *request,
                                          v1::SetPresenceResponse *response) override;
    grpc::ServerUnaryReactor *AcceptContact(grpc::CallbackServerContext *context,
                                            const v1::AcceptContactRequest *request,
                                            v1::AcceptContactResponse *response) override;
    grpc::ServerUnaryReactor *EndContact(grpc::CallbackServerContext *context, const v1::EndContactRequest *request,
                                         v1::EndContactResponse *response) override;

    void routerEvent(const RouterEvent &event) override;

    // ChangesAvailable to every connected desktop (any thread).
    void announceChanges(qint64 lastSequence, qint64 atMs);

    // Ends every stream with UNAVAILABLE and refuses new ones (graceful shutdown).
    void closeAllStreams();
    int connectedCount() const;

private:
    void setUpStream(const std::shared_ptr<AgentStream> &stream, const std::string &authorization);
    void streamDone(AgentStream *stream);

    ServiceContext &m_context;
    CallIntake &m_intake;
    std::atomic<quint64> m_nextConnectionId { 1 };
    std::atomic<bool> m_closing { false };
    mutable std::mutex m_mutex;
    QHash<quint64, std::shared_ptr<AgentStream>> m_streams; // by connection id
};

} // namespace sanad::server

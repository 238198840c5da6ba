#pragma once

#include "sanad/v1/agent.pb.h"

#include <QString>

#include <grpcpp/support/server_callback.h>

#include <deque>
#include <functional>
#include <memory>
#include <mutex>

namespace sanad::server {

// One agent's AgentService.Connect stream: a queue of events written one at a time (the next
// write starts in OnWriteDone).
//
// Lifetime: shared. The stream keeps itself alive until gRPC calls OnDone; whoever holds a
// shared_ptr (the registry, a task) may still call push()/finish() after that, which then do
// nothing. gRPC may run OnWriteDone and OnDone inline inside StartWrite/Finish, so those calls are
// made with no lock held.
class AgentStream final : public grpc::ServerWriteReactor<v1::AgentEvent>,
                          public std::enable_shared_from_this<AgentStream>
{
public:
    // onDone runs once, from OnDone, on a gRPC thread.
    AgentStream(quint64 connectionId, std::function<void(AgentStream *)> onDone);

    // Keeps the stream alive until OnDone. Call once, right after make_shared.
    void start();

    quint64 connectionId() const { return m_connectionId; }
    // Set once the session was checked, before the stream is registered (a worker thread),
    // read from any thread (OnDone runs on gRPC's).
    void setAgent(const QString &agentId);
    QString agentId() const;

    // Queues an event; ignored once the stream is finishing.
    void push(v1::AgentEvent event);
    // Ends the stream with this status once the write in flight (if any) completed. Only the
    // first call counts.
    void finish(const grpc::Status &status);
    bool isFinishing() const;

    void OnWriteDone(bool ok) override;
    void OnCancel() override;
    void OnDone() override;

private:
    const quint64 m_connectionId;
    std::function<void(AgentStream *)> m_onDone;
    std::shared_ptr<AgentStream> m_self;

    mutable std::mutex m_mutex;
    QString m_agentId;
    std::deque<v1::AgentEvent> m_queue; // the front is being written while m_writing
    bool m_writing = false;
    bool m_finishRequested = false;
    bool m_finishCalled = false;
    grpc::Status m_status;
};

} // namespace sanad::server

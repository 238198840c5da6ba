#pragma once

#include "client/protoconvert.h"

#include "sanad/v1/agent.grpc.pb.h"

#include <grpcpp/client_context.h>
#include <grpcpp/support/client_callback.h>

#include <atomic>
#include <functional>
#include <memory>

namespace sanad::client {

// Private to sanad_client: one AgentService.Connect call, read with gRPC's callback API.
//
// Every callback below runs on a gRPC thread; the owner hands the values to its own thread.
// onConnected fires at most once (initial metadata or the first event, whichever comes first);
// onEvent once per event, in order; onDone exactly once after the others; then the reactor lets
// go of itself (it keeps itself alive through a self-reference until then) and onReleased runs
// last, when the reactor and its ClientContext may already be destroyed.
class AgentStreamReactor final : public grpc::ClientReadReactor<v1::AgentEvent>,
                                 public std::enable_shared_from_this<AgentStreamReactor>
{
public:
    struct Callbacks
    {
        std::function<void()> onConnected;
        std::function<void(convert::AgentEventInfo &&event)> onEvent;
        std::function<void(const grpc::Status &status)> onDone;
        std::function<void()> onReleased;
    };

    // Does not start the call yet: register context() first, so that it can be cancelled.
    static std::shared_ptr<AgentStreamReactor> create(const std::string &bearerToken, Callbacks callbacks);
    // The context of the call, kept alive together with the reactor.
    static std::shared_ptr<grpc::ClientContext> context(const std::shared_ptr<AgentStreamReactor> &reactor);
    // Starts the stream; from here on the reactor owns itself until onDone has returned.
    void start(v1::AgentService::Stub *stub);

    void OnReadInitialMetadataDone(bool ok) override;
    void OnReadDone(bool ok) override;
    void OnDone(const grpc::Status &status) override;

private:
    explicit AgentStreamReactor(Callbacks callbacks);
    void markConnected();

    grpc::ClientContext m_context;
    v1::ConnectRequest m_request;
    v1::AgentEvent m_event;
    Callbacks m_callbacks;
    std::atomic_bool m_connected = false;
    std::shared_ptr<AgentStreamReactor> m_self;
};

} // namespace sanad::client

#include "client/agentstreamreactor.h"

namespace sanad::client {

AgentStreamReactor::AgentStreamReactor(Callbacks callbacks)
    : m_callbacks(std::move(callbacks))
{ }

std::shared_ptr<AgentStreamReactor> AgentStreamReactor::create(const std::string &bearerToken, Callbacks callbacks)
{
    std::shared_ptr<AgentStreamReactor> reactor(new AgentStreamReactor(std::move(callbacks)));
    // No deadline: the stream lasts as long as the agent is signed in.
    reactor->m_context.AddMetadata("authorization", "Bearer " + bearerToken);
    return reactor;
}

std::shared_ptr<grpc::ClientContext> AgentStreamReactor::context(const std::shared_ptr<AgentStreamReactor> &reactor)
{
    return std::shared_ptr<grpc::ClientContext>(reactor, &reactor->m_context);
}

void AgentStreamReactor::start(v1::AgentService::Stub *stub)
{
    m_self = shared_from_this();
    stub->async()->Connect(&m_context, &m_request, this);
    StartRead(&m_event);
    StartCall();
}

void AgentStreamReactor::markConnected()
{
    if (!m_connected.exchange(true))
        m_callbacks.onConnected();
}

void AgentStreamReactor::OnReadInitialMetadataDone(bool ok)
{
    // ok is false for a "trailers only" answer, e.g. UNAUTHENTICATED before any event.
    if (ok)
        markConnected();
}

void AgentStreamReactor::OnReadDone(bool ok)
{
    // Not ok: the stream is over; OnDone follows with its status.
    if (!ok)
        return;
    markConnected();
    m_callbacks.onEvent(convert::toAgentEvent(m_event));
    m_event.Clear();
    StartRead(&m_event);
}

void AgentStreamReactor::OnDone(const grpc::Status &status)
{
    std::shared_ptr<AgentStreamReactor> self = std::move(m_self);
    const Callbacks callbacks = std::move(m_callbacks);
    callbacks.onDone(status);
    // May destroy this object; from here on only locals are touched.
    self.reset();
    callbacks.onReleased();
}

} // namespace sanad::client

#include "server/service/agentservice.h"

#include "core/clock.h"
#include "server/auth/authorizer.h"
#include "server/logcategories.h"
#include "server/service/agentstream.h"
#include "server/service/callintake.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/callrepository.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

AgentService::AgentService(ServiceContext &context, CallIntake &intake)
    : m_context(context)
    , m_intake(intake)
{ }

AgentService::~AgentService() = default;

grpc::ServerWriteReactor<v1::AgentEvent> *AgentService::Connect(grpc::CallbackServerContext *context,
                                                                const v1::ConnectRequest *)
{
    auto stream = std::make_shared<AgentStream>(m_nextConnectionId.fetch_add(1),
                                                [this](AgentStream *done) { streamDone(done); });
    stream->start();
    // The context may be gone by the time the task runs (a client that cancels at once), so the
    // token is read here, on gRPC's thread.
    std::string authorization;
    const auto &metadata = context->client_metadata();
    if (const auto it = metadata.find("authorization"); it != metadata.end())
        authorization.assign(it->second.data(), it->second.size());
    m_context.database.post([this, stream, authorization = std::move(authorization)] {
        try {
            setUpStream(stream, authorization);
        } catch (const StorageError &error) {
            qCWarning(lcService).noquote() << error.message();
            stream->finish(storageFailureStatus());
        }
    });
    return stream.get();
}

void AgentService::setUpStream(const std::shared_ptr<AgentStream> &stream, const std::string &authorization)
{
    const AuthResult auth = m_context.authorizer.authorizeHeader(authorization, methods::kConnect);
    if (!auth.ok()) {
        stream->finish(auth.status);
        return;
    }
    if (m_closing) {
        stream->finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                    "The server is shutting down: the desktop reconnects by itself when it is back."));
        return;
    }
    const quint64 connectionId = stream->connectionId();
    stream->setAgent(auth.user.id);
    QList<std::shared_ptr<AgentStream>> replaced;
    {
        std::lock_guard lock(m_mutex);
        for (auto it = m_streams.begin(); it != m_streams.end();) {
            if (it.value()->agentId() == auth.user.id) {
                replaced.append(it.value());
                it = m_streams.erase(it);
            } else {
                ++it;
            }
        }
        m_streams.insert(connectionId, stream);
    }
    // From here the router sends this agent's events to this connection, PresenceChanged first.
    m_context.router.agentConnected(auth.user.id, auth.user.displayName, connectionId);
    for (const auto &old : std::as_const(replaced))
        old->finish(grpc::Status(grpc::StatusCode::ABORTED,
                                 "signed in elsewhere: this agent connected from another desktop, which now receives "
                                 "the contacts."));
    qCInfo(lcService) << "agent" << auth.user.id << "connected" << (replaced.isEmpty() ? "" : "(replacing a stream)");
    // Cancelled while being set up: OnDone may have run before the router knew the connection.
    if (stream->isFinishing()) {
        {
            std::lock_guard lock(m_mutex);
            m_streams.remove(connectionId);
        }
        m_context.router.agentDisconnected(auth.user.id, connectionId);
    }
}

void AgentService::streamDone(AgentStream *stream)
{
    const quint64 connectionId = stream->connectionId();
    {
        std::lock_guard lock(m_mutex);
        const auto it = m_streams.constFind(connectionId);
        if (it != m_streams.cend() && it.value().get() == stream)
            m_streams.erase(it);
    }
    const QString agentId = stream->agentId();
    if (agentId.isEmpty())
        return;
    // On a worker thread: gRPC's thread must not wait for the router, and the router may be
    // calling into a stream right now.
    m_context.database.post([this, agentId, connectionId] {
        m_context.router.agentDisconnected(agentId, connectionId);
        qCInfo(lcService) << "agent" << agentId << "disconnected";
    });
}

void AgentService::closeAllStreams()
{
    m_closing = true;
    QList<std::shared_ptr<AgentStream>> streams;
    {
        std::lock_guard lock(m_mutex);
        streams = m_streams.values();
        m_streams.clear();
    }
    for (const auto &stream : std::as_const(streams))
        stream->finish(grpc::Status(grpc::StatusCode::UNAVAILABLE,
                                    "The server is shutting down: the desktop reconnects by itself when it is back."));
}

int AgentService::connectedCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_streams.size());
}

void AgentService::announceChanges(qint64 lastSequence, qint64 atMs)
{
    QList<std::shared_ptr<AgentStream>> streams;
    {
        std::lock_guard lock(m_mutex);
        streams = m_streams.values();
    }
    v1::AgentEvent event;
    setTimestampMs(event.mutable_at(), atMs);
    event.mutable_changes_available()->set_last_sequence(lastSequence);
    for (const std::shared_ptr<AgentStream> &stream : std::as_const(streams))
        stream->push(event);
}

void AgentService::routerEvent(const RouterEvent &event)
{
    if (event.kind == RouterEvent::Kind::PresenceChanged) {
        // Presence history for the metrics, written later on a worker thread.
        m_context.database.post([this, event] {
            try {
                CallRepository(m_context.database)
                    .insertAgentEvent(event.agentId, event.state, event.atMs, event.reason);
            } catch (const StorageError &error) {
                qCWarning(lcService).noquote() << "presence history not recorded:" << error.message();
            }
        });
    }
    if (event.connectionId == 0)
        return;
    std::shared_ptr<AgentStream> stream;
    {
        std::lock_guard lock(m_mutex);
        stream = m_streams.value(event.connectionId);
    }
    if (!stream)
        return;

    v1::AgentEvent out;
    setTimestampMs(out.mutable_at(), event.atMs);
    switch (event.kind) {
    case RouterEvent::Kind::Offered: {
        v1::ContactOffered *offer = out.mutable_contact_offered();
        offer->set_call_id(toStd(event.offer.callId));
        offer->set_caller_number(toStd(event.offer.callerNumber));
        offer->set_normalized_number(toStd(event.offer.normalizedNumber));
        offer->set_queue(toStd(event.offer.queue));
        offer->set_channel(static_cast<v1::Channel>(event.offer.channel));
        setTimestampMs(offer->mutable_offered_at(), event.offer.offeredAtMs);
        setTimestampMs(offer->mutable_expires_at(), event.offer.expiresAtMs);
        setTimestampMs(offer->mutable_enqueued_at(), event.offer.enqueuedAtMs);
        if (const CallbackOffer &callback = event.offer.callback; callback.isCallback()) {
            v1::CallbackTask *task = offer->mutable_callback();
            task->set_id(toStd(callback.id));
            task->set_version(callback.version);
            task->set_reason(toStd(callback.reason));
            task->set_case_id(toStd(callback.caseId));
            task->set_phone(toStd(event.offer.normalizedNumber));
            task->set_queue(toStd(event.offer.queue));
            task->set_attempts(callback.attempts);
            task->set_status(v1::CALLBACK_STATUS_OPEN);
            setTimestampMs(task->mutable_created_at(), callback.createdAtMs);
            setTimestampMs(task->mutable_due_at(), event.offer.enqueuedAtMs);
        }
        break;
    }
    case RouterEvent::Kind::Revoked:
        out.mutable_contact_revoked()->set_call_id(toStd(event.callId));
        out.mutable_contact_revoked()->set_reason(static_cast<v1::RevokeReason>(event.revokeReason));
        break;
    case RouterEvent::Kind::Accepted:
        out.mutable_contact_accepted()->set_call_id(toStd(event.callId));
        break;
    case RouterEvent::Kind::Ended:
        out.mutable_contact_ended()->set_call_id(toStd(event.callId));
        break;
    case RouterEvent::Kind::PresenceChanged:
        out.mutable_presence_changed()->set_state(static_cast<v1::AgentState>(event.state));
        setTimestampMs(out.mutable_presence_changed()->mutable_since(), event.sinceMs);
        out.mutable_presence_changed()->set_reason(toStd(event.reason));
        break;
    }
    stream->push(std::move(out));
}

grpc::ServerUnaryReactor *AgentService::SetPresence(grpc::CallbackServerContext *context,
                                                    const v1::SetPresenceRequest *request,
                                                    v1::SetPresenceResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kSetPresence);
        if (!auth.ok())
            return auth.status;
        const v1::AgentState state = request->state();
        if (state != v1::AGENT_STATE_AVAILABLE && state != v1::AGENT_STATE_BREAK && state != v1::AGENT_STATE_OFFLINE)
            return invalidArgument(u"An agent can set AGENT_STATE_AVAILABLE, AGENT_STATE_BREAK or AGENT_STATE_OFFLINE; "
                                   "on contact and wrap-up follow from taking and ending contacts."_s);
        const QueueRouter::PresenceResult result
            = m_context.router.setPresence(auth.user.id, auth.user.displayName, static_cast<AgentState>(state));
        if (result.outcome == QueueRouter::PresenceResult::Outcome::OnContact)
            return failedPrecondition(u"End the current contact first: presence can change once the contact has "
                                      "ended."_s);
        if (result.outcome == QueueRouter::PresenceResult::Outcome::WrapUpRequired)
            return failedPrecondition(u"This queue requires a wrap-up: record the wrap-up of call %1 (disposition and "
                                      "mood) and you become available."_s.arg(result.wrapUpCallId));
        response->set_state(static_cast<v1::AgentState>(result.state));
        setTimestampMs(response->mutable_since(), result.sinceMs);
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *AgentService::AcceptContact(grpc::CallbackServerContext *context,
                                                      const v1::AcceptContactRequest *request,
                                                      v1::AcceptContactResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kAcceptContact);
        if (!auth.ok())
            return auth.status;
        const QString callId = fromStd(request->call_id()).trimmed();
        if (callId.isEmpty())
            return invalidArgument(u"call_id is empty: send the call_id of the ContactOffered event."_s);
        const QueueRouter::AcceptResult result = m_context.router.accept(auth.user.id, callId);
        if (result.outcome == QueueRouter::AcceptResult::Outcome::NotOffered)
            return failedPrecondition(u"The contact %1 is not offered to you: it went to another agent, the caller "
                                      "hung up, or the offer timed out."_s.arg(callId));
        // Recorded before answering, so a screen-pop right after the answer already shows it.
        if (result.call)
            m_intake.recordConnectedCall(*result.call);
        response->set_call_id(toStd(callId));
        response->set_state(static_cast<v1::AgentState>(result.state));
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *AgentService::EndContact(grpc::CallbackServerContext *context,
                                                   const v1::EndContactRequest *request,
                                                   v1::EndContactResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kEndContact);
        if (!auth.ok())
            return auth.status;
        const QString callId = fromStd(request->call_id()).trimmed();
        if (callId.isEmpty())
            return invalidArgument(u"call_id is empty: send the call_id of the contact you are on."_s);
        const QueueRouter::EndResult result = m_context.router.endContact(auth.user.id, callId);
        if (result.outcome == QueueRouter::EndResult::Outcome::NotYours)
            return failedPrecondition(u"You are not on the contact %1: only the agent who accepted a contact can end "
                                      "it."_s.arg(callId));
        response->set_state(static_cast<v1::AgentState>(result.state));
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server

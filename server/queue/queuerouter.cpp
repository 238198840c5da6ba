#include "server/queue/queuerouter.h"

#include "core/clock.h"
#include "server/logcategories.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

constexpr qint64 kForgetFinishedAfterMs = 3600 * 1000;

bool serves(const QString &queue)
{
    // Every agent serves "general"; per-agent queues come with queue administration.
    return queue == "general"_L1;
}

} // namespace

QueueRouter::QueueRouter(const Clock &clock, qint64 offerTimeoutMs)
    : m_clock(clock)
    , m_offerTimeoutMs(offerTimeoutMs)
{ }

void QueueRouter::setListener(RouterListener *listener)
{
    std::lock_guard lock(m_mutex);
    m_listener = listener;
}

void QueueRouter::setWrapUpRequired(std::function<bool(const QString &)> required)
{
    std::lock_guard lock(m_mutex);
    m_wrapUpRequired = std::move(required);
}

QueueRouter::Agent &QueueRouter::agentLocked(const QString &agentId, const QString &displayName)
{
    auto it = m_agents.find(agentId);
    if (it == m_agents.end()) {
        Agent agent;
        agent.id = agentId;
        agent.displayName = displayName;
        agent.stateSinceMs = m_clock.nowMs();
        it = m_agents.insert(agentId, agent);
    } else if (!displayName.isEmpty()) {
        it->displayName = displayName;
    }
    return *it;
}

void QueueRouter::emitLocked(RouterEvent event)
{
    if (m_listener)
        m_listener->routerEvent(event);
}

void QueueRouter::setStateLocked(Agent &agent, AgentState state, qint64 nowMs, const QString &reason)
{
    if (agent.state == state)
        return;
    agent.state = state;
    agent.stateSinceMs = nowMs;
    if (state == AgentState::Available) {
        agent.idleSinceMs = nowMs;
        agent.idleOrder = m_nextIdleOrder++;
    }
    RouterEvent event;
    event.kind = RouterEvent::Kind::PresenceChanged;
    event.agentId = agent.id;
    event.connectionId = agent.connectionId;
    event.atMs = nowMs;
    event.state = state;
    event.sinceMs = nowMs;
    event.reason = reason;
    emitLocked(std::move(event));
}

void QueueRouter::revokeOfferLocked(Agent &agent, RevokeReason reason, qint64 nowMs)
{
    const QString callId = agent.offeredCallId;
    agent.offeredCallId.clear();
    RouterEvent event;
    event.kind = RouterEvent::Kind::Revoked;
    event.agentId = agent.id;
    event.connectionId = agent.connectionId;
    event.atMs = nowMs;
    event.callId = callId;
    event.revokeReason = reason;
    emitLocked(std::move(event));
    auto call = m_calls.find(callId);
    if (call != m_calls.end() && call->phase == CallPhase::Offered && call->agentId == agent.id) {
        call->phase = CallPhase::Waiting;
        call->agentId.clear();
        call->offeredAtMs = 0;
        call->expiresAtMs = 0;
    }
}

void QueueRouter::finishCallLocked(Call &call, qint64 nowMs)
{
    call.phase = CallPhase::Finished;
    call.finishedAtMs = nowMs;
    m_waiting.removeOne(call.info.callId);
}

std::optional<ConnectedCall> QueueRouter::connectLocked(Call &call, Agent &agent, qint64 nowMs)
{
    call.phase = CallPhase::Connected;
    call.agentId = agent.id;
    m_waiting.removeOne(call.info.callId);
    agent.offeredCallId.clear();
    agent.activeCallId = call.info.callId;
    RouterEvent event;
    event.kind = RouterEvent::Kind::Accepted;
    event.agentId = agent.id;
    event.connectionId = agent.connectionId;
    event.atMs = nowMs;
    event.callId = call.info.callId;
    emitLocked(std::move(event));
    setStateLocked(agent, AgentState::OnContact, nowMs, u"contact_accepted"_s);
    return ConnectedCall { call.info.callId,  agent.id, agent.displayName, call.info.normalizedNumber,
                           call.info.channel, nowMs,    call.info.callback };
}

void QueueRouter::endConnectedLocked(Call &call, qint64 nowMs)
{
    finishCallLocked(call, nowMs);
    auto agent = m_agents.find(call.agentId);
    if (agent == m_agents.end())
        return;
    if (agent->activeCallId == call.info.callId)
        agent->activeCallId.clear();
    RouterEvent event;
    event.kind = RouterEvent::Kind::Ended;
    event.agentId = agent->id;
    event.connectionId = agent->connectionId;
    event.atMs = nowMs;
    event.callId = call.info.callId;
    emitLocked(std::move(event));
    if (agent->state == AgentState::OnContact) {
        agent->wrapUpCallId = call.info.callId;
        agent->wrapUpRequired = m_wrapUpRequired && m_wrapUpRequired(call.info.queue);
        setStateLocked(*agent, AgentState::WrapUp, nowMs, u"contact_ended"_s);
    }
}

ContactOffer QueueRouter::contactOffer(const Call &call)
{
    return ContactOffer { call.info.callId, call.info.callerNumber, call.info.normalizedNumber,
                          call.info.queue,  call.info.channel,      call.info.enqueuedAtMs,
                          call.offeredAtMs, call.expiresAtMs,       call.info.callback };
}

bool QueueRouter::offerToBestAgentLocked(Call &call, qint64 nowMs)
{
    const auto longerIdle = [](const Agent &agent, const Agent *than) {
        return !than || agent.idleSinceMs < than->idleSinceMs
            || (agent.idleSinceMs == than->idleSinceMs && agent.idleOrder < than->idleOrder);
    };
    Agent *best = nullptr;
    Agent *ringingCallback = nullptr; // an agent offered a callback, which a caller may take over
    for (Agent &agent : m_agents) {
        if (agent.connectionId == 0 || agent.state != AgentState::Available || !serves(call.info.queue))
            continue;
        if (agent.offeredCallId.isEmpty()) {
            if (longerIdle(agent, best))
                best = &agent;
        } else if (const auto held = m_calls.constFind(agent.offeredCallId);
                   held != m_calls.cend() && held->info.callback.isCallback() && longerIdle(agent, ringingCallback)) {
            ringingCallback = &agent;
        }
    }
    if (!best && ringingCallback && !call.info.callback.isCallback()) {
        // A caller on the line comes first: the callback goes back to wait for the next agent.
        revokeOfferLocked(*ringingCallback, RevokeReason::Unspecified, nowMs);
        best = ringingCallback;
    }
    if (!best)
        return false;
    call.phase = CallPhase::Offered;
    call.agentId = best->id;
    call.offeredAtMs = nowMs;
    call.expiresAtMs = nowMs + m_offerTimeoutMs;
    best->offeredCallId = call.info.callId;
    RouterEvent event;
    event.kind = RouterEvent::Kind::Offered;
    event.agentId = best->id;
    event.connectionId = best->connectionId;
    event.atMs = nowMs;
    event.offer = contactOffer(call);
    qCDebug(lcQueue) << "offered call" << call.info.callId << "to agent" << best->id;
    emitLocked(std::move(event));
    return true;
}

void QueueRouter::routeLocked(qint64 nowMs)
{
    // Calls from the PBX first, in arrival order; callback tasks get the agents left over.
    for (const bool callbacks : { false, true }) {
        for (const QString &callId : std::as_const(m_waiting)) {
            auto call = m_calls.find(callId);
            if (call != m_calls.end() && call->phase == CallPhase::Waiting
                && call->info.callback.isCallback() == callbacks)
                offerToBestAgentLocked(*call, nowMs);
        }
    }
}

void QueueRouter::agentConnected(const QString &agentId, const QString &displayName, quint64 connectionId)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    Agent &agent = agentLocked(agentId, displayName);
    agent.connectionId = connectionId;
    // An agent who just connected is on BREAK until they say AVAILABLE, so no call is offered
    // to a desktop the agent is not looking at yet.
    if (agent.state == AgentState::Offline) {
        agent.state = AgentState::Break;
        agent.stateSinceMs = now;
    }
    RouterEvent presence;
    presence.kind = RouterEvent::Kind::PresenceChanged;
    presence.agentId = agentId;
    presence.connectionId = connectionId;
    presence.atMs = now;
    presence.state = agent.state;
    presence.sinceMs = agent.stateSinceMs;
    presence.reason = u"connected"_s;
    emitLocked(presence);
    // A desktop that reconnected while holding an offer sees it again on its new stream.
    auto call = m_calls.find(agent.offeredCallId);
    if (!agent.offeredCallId.isEmpty() && call != m_calls.end() && call->phase == CallPhase::Offered) {
        RouterEvent event;
        event.kind = RouterEvent::Kind::Offered;
        event.agentId = agentId;
        event.connectionId = connectionId;
        event.atMs = now;
        event.offer = contactOffer(*call);
        emitLocked(std::move(event));
    }
    routeLocked(now);
}

void QueueRouter::agentDisconnected(const QString &agentId, quint64 connectionId)
{
    std::lock_guard lock(m_mutex);
    auto agent = m_agents.find(agentId);
    if (agent == m_agents.end() || agent->connectionId != connectionId || connectionId == 0)
        return;
    const qint64 now = m_clock.nowMs();
    agent->connectionId = 0;
    if (!agent->offeredCallId.isEmpty()) {
        auto call = m_calls.find(agent->offeredCallId);
        agent->offeredCallId.clear();
        if (call != m_calls.end() && call->phase == CallPhase::Offered) {
            call->phase = CallPhase::Waiting;
            call->agentId.clear();
        }
    }
    // A call in progress goes on on the telephone; the desktop will reconnect.
    if (agent->state != AgentState::OnContact)
        setStateLocked(*agent, AgentState::Offline, now, u"disconnected"_s);
    routeLocked(now);
}

QueueRouter::PresenceResult QueueRouter::setPresence(const QString &agentId, const QString &displayName,
                                                     AgentState state)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    Agent &agent = agentLocked(agentId, displayName);
    PresenceResult result;
    if (state != AgentState::Available && state != AgentState::Break && state != AgentState::Offline)
        result.outcome = PresenceResult::Outcome::NotAllowed;
    else if (agent.state == AgentState::OnContact)
        result.outcome = PresenceResult::Outcome::OnContact;
    else if (state == AgentState::Available && agent.wrapUpRequired && !agent.wrapUpCallId.isEmpty())
        result.outcome = PresenceResult::Outcome::WrapUpRequired;
    if (result.outcome != PresenceResult::Outcome::Ok) {
        result.state = agent.state;
        result.sinceMs = agent.stateSinceMs;
        result.wrapUpCallId
            = result.outcome == PresenceResult::Outcome::WrapUpRequired ? agent.wrapUpCallId : QString();
        return result;
    }
    if (state != AgentState::Break) { // AVAILABLE skips an optional wrap-up; OFFLINE signs out
        agent.wrapUpCallId.clear();
        agent.wrapUpRequired = false;
    }
    if (state != AgentState::Available && !agent.offeredCallId.isEmpty())
        revokeOfferLocked(agent, RevokeReason::Unspecified, now);
    setStateLocked(agent, state, now, QString());
    result.state = agent.state;
    result.sinceMs = agent.stateSinceMs;
    routeLocked(now);
    return result;
}

QueueRouter::AcceptResult QueueRouter::accept(const QString &agentId, const QString &callId)
{
    std::lock_guard lock(m_mutex);
    AcceptResult result;
    auto agent = m_agents.find(agentId);
    if (agent == m_agents.end())
        return result;
    result.state = agent->state;
    if (agent->activeCallId == callId && agent->state == AgentState::OnContact) {
        result.outcome = AcceptResult::Outcome::AlreadyAccepted;
        return result;
    }
    auto call = m_calls.find(callId);
    if (call == m_calls.end() || call->phase != CallPhase::Offered || call->agentId != agentId)
        return result;
    result.call = connectLocked(*call, *agent, m_clock.nowMs());
    result.outcome = AcceptResult::Outcome::Accepted;
    result.state = agent->state;
    return result;
}

QueueRouter::EndResult QueueRouter::endContact(const QString &agentId, const QString &callId)
{
    std::lock_guard lock(m_mutex);
    EndResult result;
    auto agent = m_agents.find(agentId);
    if (agent == m_agents.end())
        return result;
    auto call = m_calls.find(callId);
    if (call != m_calls.end() && call->agentId == agentId) {
        if (call->phase == CallPhase::Connected) {
            endConnectedLocked(*call, m_clock.nowMs());
            result.outcome = EndResult::Outcome::Ended;
        } else if (call->phase == CallPhase::Finished) {
            result.outcome = EndResult::Outcome::AlreadyEnded;
        }
    }
    result.state = agent->state;
    return result;
}

void QueueRouter::wrapUpRecorded(const QString &agentId, const QString &callId)
{
    std::lock_guard lock(m_mutex);
    auto agent = m_agents.find(agentId);
    if (agent == m_agents.end() || callId.isEmpty() || agent->wrapUpCallId != callId)
        return;
    agent->wrapUpCallId.clear();
    agent->wrapUpRequired = false;
    if (agent->state != AgentState::WrapUp)
        return; // on a break: the agent says when to be available
    const qint64 now = m_clock.nowMs();
    setStateLocked(*agent, AgentState::Available, now, u"wrap_up_recorded"_s);
    routeLocked(now);
}

bool QueueRouter::callOffered(const IncomingCall &incoming)
{
    std::lock_guard lock(m_mutex);
    if (m_calls.contains(incoming.callId))
        return false;
    Call call;
    call.info = incoming;
    m_calls.insert(incoming.callId, call);
    m_waiting.append(incoming.callId);
    routeLocked(m_clock.nowMs());
    return true;
}

std::optional<ConnectedCall> QueueRouter::callAnswered(const QString &callId)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    auto call = m_calls.find(callId);
    if (call == m_calls.end()) {
        // Answered before it was offered (or the OFFERED was lost): a late OFFERED must not ring.
        Call finished;
        finished.info.callId = callId;
        finished.phase = CallPhase::Finished;
        finished.finishedAtMs = now;
        m_calls.insert(callId, finished);
        return std::nullopt;
    }
    if (call->phase == CallPhase::Offered) {
        auto agent = m_agents.find(call->agentId);
        if (agent != m_agents.end())
            return connectLocked(*call, *agent, now);
    }
    if (call->phase == CallPhase::Waiting || call->phase == CallPhase::Offered) // answered outside Sanad
        finishCallLocked(*call, now);
    return std::nullopt;
}

void QueueRouter::callAbandoned(const QString &callId)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    auto call = m_calls.find(callId);
    if (call == m_calls.end()) {
        Call finished;
        finished.info.callId = callId;
        finished.phase = CallPhase::Finished;
        finished.finishedAtMs = now;
        m_calls.insert(callId, finished);
        return;
    }
    switch (call->phase) {
    case CallPhase::Offered: {
        auto agent = m_agents.find(call->agentId);
        if (agent != m_agents.end() && agent->offeredCallId == callId)
            revokeOfferLocked(*agent, RevokeReason::Abandoned, now);
        finishCallLocked(*call, now);
        break;
    }
    case CallPhase::Waiting:
        finishCallLocked(*call, now);
        break;
    case CallPhase::Connected: // the PBX calls a hang-up after answering "abandoned": it ends the contact
        endConnectedLocked(*call, now);
        break;
    case CallPhase::Finished:
    case CallPhase::Unknown:
        return;
    }
    routeLocked(now);
}

void QueueRouter::callEnded(const QString &callId)
{
    {
        std::lock_guard lock(m_mutex);
        auto call = m_calls.find(callId);
        if (call != m_calls.end() && call->phase == CallPhase::Connected) {
            endConnectedLocked(*call, m_clock.nowMs());
            return;
        }
    }
    // Ended before anyone answered: the caller gave up.
    callAbandoned(callId);
}

void QueueRouter::withdrawCallback(const QString &callbackId)
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    const QList<QString> waiting = m_waiting;
    for (const QString &callId : waiting) {
        auto call = m_calls.find(callId);
        if (call == m_calls.end() || callbackId.isEmpty() || call->info.callback.id != callbackId)
            continue;
        if (call->phase == CallPhase::Offered) {
            auto agent = m_agents.find(call->agentId);
            if (agent != m_agents.end() && agent->offeredCallId == callId)
                revokeOfferLocked(*agent, RevokeReason::Taken, now);
        }
        finishCallLocked(*call, now);
    }
    routeLocked(now);
}

void QueueRouter::tick()
{
    std::lock_guard lock(m_mutex);
    const qint64 now = m_clock.nowMs();
    const QList<QString> waiting = m_waiting;
    for (const QString &callId : waiting) {
        auto call = m_calls.find(callId);
        if (call == m_calls.end() || call->phase != CallPhase::Offered || call->expiresAtMs > now)
            continue;
        auto agent = m_agents.find(call->agentId);
        if (agent == m_agents.end()) {
            call->phase = CallPhase::Waiting;
            call->agentId.clear();
            continue;
        }
        qCInfo(lcQueue) << "offer of call" << callId << "timed out for agent" << agent->id;
        revokeOfferLocked(*agent, RevokeReason::Timeout, now);
        setStateLocked(*agent, AgentState::Break, now, u"missed_offer"_s);
    }
    routeLocked(now);
    m_calls.removeIf([now](const auto &it) {
        return it.value().phase == CallPhase::Finished && it.value().finishedAtMs + kForgetFinishedAfterMs < now;
    });
}

QueueRouter::CallPhase QueueRouter::callPhase(const QString &callId) const
{
    std::lock_guard lock(m_mutex);
    const auto call = m_calls.constFind(callId);
    return call == m_calls.cend() ? CallPhase::Unknown : call->phase;
}

AgentState QueueRouter::agentState(const QString &agentId) const
{
    std::lock_guard lock(m_mutex);
    const auto agent = m_agents.constFind(agentId);
    return agent == m_agents.cend() ? AgentState::Offline : agent->state;
}

std::optional<qint64> QueueRouter::activeCallEnqueuedAt(const QString &normalizedNumber) const
{
    if (normalizedNumber.isEmpty())
        return std::nullopt;
    std::lock_guard lock(m_mutex);
    std::optional<qint64> earliest;
    for (const Call &call : m_calls) {
        if (call.phase == CallPhase::Finished || call.info.normalizedNumber != normalizedNumber)
            continue;
        if (!earliest || call.info.enqueuedAtMs < *earliest)
            earliest = call.info.enqueuedAtMs;
    }
    return earliest;
}

int QueueRouter::waitingCount() const
{
    std::lock_guard lock(m_mutex);
    return int(m_waiting.size());
}

} // namespace sanad::server

#pragma once

#include "core/enums.h"

#include <QHash>
#include <QList>
#include <QString>

#include <functional>
#include <mutex>
#include <optional>

namespace sanad {
class Clock;
}

namespace sanad::server {

// A callback task offered like a call (docs/cases.md): the agent calls the customer back. Empty
// id for a call from the PBX.
struct CallbackOffer
{
    QString id;
    qint64 version = 0; // the task's, for the attempt the agent records
    QString reason;
    QString caseId;
    qint64 createdAtMs = 0;
    int attempts = 0; // attempts made before this one

    bool isCallback() const { return !id.isEmpty(); }
};

// What an agent is offered: the call and where it came from.
struct ContactOffer
{
    QString callId;
    QString callerNumber; // as the PBX sent it
    QString normalizedNumber; // E.164; empty when withheld or unreadable
    QString queue;
    Channel channel = Channel::Voice;
    qint64 enqueuedAtMs = 0;
    qint64 offeredAtMs = 0;
    qint64 expiresAtMs = 0;
    CallbackOffer callback;
};

// One event for one agent, in the order the router decided it.
struct RouterEvent
{
    enum class Kind { Offered, Revoked, Accepted, Ended, PresenceChanged };

    Kind kind = Kind::PresenceChanged;
    QString agentId;
    // The agent's stream connection; 0 when the agent is not connected (the event is then only
    // worth recording: presence history).
    quint64 connectionId = 0;
    qint64 atMs = 0;
    ContactOffer offer; // Offered
    QString callId; // Revoked, Accepted, Ended
    RevokeReason revokeReason = RevokeReason::Unspecified; // Revoked
    AgentState state = AgentState::Unspecified; // PresenceChanged
    qint64 sinceMs = 0; // PresenceChanged
    QString reason; // PresenceChanged: "connected", "missed_offer", "contact_accepted", "contact_ended", ...
};

// Receives the router's events. Called with the router's lock held, in the router's order:
// implementations must return quickly and must never call back into the router.
class RouterListener
{
public:
    virtual ~RouterListener() = default;
    virtual void routerEvent(const RouterEvent &event) = 0;
};

// A call that an agent took: what the service needs to record the contact.
struct ConnectedCall
{
    QString callId;
    QString agentId;
    QString agentName;
    QString normalizedNumber;
    Channel channel = Channel::Voice;
    qint64 connectedAtMs = 0;
    CallbackOffer callback;
};

struct IncomingCall
{
    QString callId;
    QString callerNumber;
    QString normalizedNumber;
    QString queue;
    Channel channel = Channel::Voice;
    qint64 enqueuedAtMs = 0;
    CallbackOffer callback;
};

// Automatic call distribution: waiting calls and the agents who serve them. Pure C++/Qt (no
// gRPC, no SQL) and thread-safe (one mutex inside); time comes from the server's Clock, and
// tick() runs the offer timeouts (a 200 ms timer in the server, TestClockService.Advance in
// tests).
//
// Rules: a call waits in its queue in arrival order and is offered to the longest-idle agent
// that is connected, AVAILABLE, holds no other offer and serves the queue (idle since the moment
// the agent became AVAILABLE). Callback tasks wait in the same queues but go to agents only when
// no call from the PBX is waiting for them: a caller on the line comes first, and takes over an
// agent whose callback offer is still ringing when nobody else is free. An offer not accepted within the offer
// timeout is revoked (TIMEOUT), the agent is set BREAK ("missed_offer": a contact centre's "not responding" rule) and
// the call goes to the next agent. Accepting (AcceptContact, or ANSWERED from the PBX) puts the agent ON_CONTACT; ENDED
// (or EndContact) puts the agent in WRAP_UP until the wrap-up of that call is recorded (wrapUpRecorded) or, where the
// queue's wrap-up is optional, until the agent sets AVAILABLE. Every event can arrive twice or late without harm: a
// call that ended is remembered for an hour, so a late OFFERED does not ring again.
class QueueRouter final
{
public:
    enum class CallPhase { Unknown, Waiting, Offered, Connected, Finished };

    struct PresenceResult
    {
        enum class Outcome { Ok, NotAllowed, OnContact, WrapUpRequired };
        Outcome outcome = Outcome::Ok;
        AgentState state = AgentState::Offline;
        qint64 sinceMs = 0;
        QString wrapUpCallId; // WrapUpRequired: the call whose wrap-up is missing
    };

    struct AcceptResult
    {
        enum class Outcome { Accepted, AlreadyAccepted, NotOffered };
        Outcome outcome = Outcome::NotOffered;
        std::optional<ConnectedCall> call; // set when Accepted
        AgentState state = AgentState::Offline;
    };

    struct EndResult
    {
        enum class Outcome { Ended, AlreadyEnded, NotYours };
        Outcome outcome = Outcome::NotYours;
        AgentState state = AgentState::Offline;
    };

    QueueRouter(const Clock &clock, qint64 offerTimeoutMs);
    QueueRouter(const QueueRouter &) = delete;
    QueueRouter &operator=(const QueueRouter &) = delete;

    // Set once, before any other call.
    void setListener(RouterListener *listener);
    // Whether a queue's wrap-up is required (the case policy); unset: optional everywhere.
    void setWrapUpRequired(std::function<bool(const QString &queue)> required);
    qint64 offerTimeoutMs() const { return m_offerTimeoutMs; }

    // The agent's stream is open (connectionId > 0, unique per stream). An OFFLINE agent becomes
    // BREAK: offers start only when the agent says AVAILABLE. A PresenceChanged event with the
    // current state is always the first event of a new connection.
    void agentConnected(const QString &agentId, const QString &displayName, quint64 connectionId);
    // The stream with this connectionId ended. Ignored when the agent has a newer connection.
    // The agent goes OFFLINE (unless on a contact, which goes on on the phone) and an offer it
    // held goes to the next agent.
    void agentDisconnected(const QString &agentId, quint64 connectionId);
    // AVAILABLE, BREAK or OFFLINE (others: NotAllowed); ON_CONTACT refuses (OnContact). From
    // WRAP_UP, AVAILABLE ends the wrap-up unless the queue requires it (WrapUpRequired: the agent
    // may take a BREAK, but becomes available only by recording it; OFFLINE, signing out, drops
    // the requirement). Works without a stream (the state is kept).
    PresenceResult setPresence(const QString &agentId, const QString &displayName, AgentState state);
    AcceptResult accept(const QString &agentId, const QString &callId);
    EndResult endContact(const QString &agentId, const QString &callId);
    // The agent's wrap-up of this call was recorded: an agent still in WRAP_UP for it becomes
    // AVAILABLE ("wrap_up_recorded"). Anything else (a late or repeated wrap-up) changes nothing.
    void wrapUpRecorded(const QString &agentId, const QString &callId);

    // false when the call is already known (a repeated or late OFFERED).
    bool callOffered(const IncomingCall &call);
    // The PBX says the call was answered: the agent it was offered to takes it.
    std::optional<ConnectedCall> callAnswered(const QString &callId);
    void callAbandoned(const QString &callId);
    void callEnded(const QString &callId);
    // A callback task that is no longer to be offered (its customer got through by calling again,
    // or its attempt was recorded elsewhere): a waiting one leaves the queue, an offer of it is
    // revoked as TAKEN. One an agent already took is left alone.
    void withdrawCallback(const QString &callbackId);

    // Runs offer timeouts that fell due and forgets calls finished over an hour ago.
    void tick();

    CallPhase callPhase(const QString &callId) const;
    AgentState agentState(const QString &agentId) const;
    // When the caller's current call (waiting, offered or connected) entered the queue: contacts
    // before it are "earlier contacts" for the repeat-contact warning.
    std::optional<qint64> activeCallEnqueuedAt(const QString &normalizedNumber) const;
    int waitingCount() const;

private:
    struct Agent
    {
        QString id;
        QString displayName;
        AgentState state = AgentState::Offline;
        qint64 stateSinceMs = 0;
        qint64 idleSinceMs = 0;
        quint64 idleOrder = 0; // breaks ties of idleSinceMs: who became AVAILABLE first
        quint64 connectionId = 0;
        QString offeredCallId;
        QString activeCallId;
        QString wrapUpCallId; // the last contact, until its wrap-up is recorded
        bool wrapUpRequired = false; // for wrapUpCallId
    };
    struct Call
    {
        IncomingCall info;
        CallPhase phase = CallPhase::Waiting;
        QString agentId;
        qint64 offeredAtMs = 0;
        qint64 expiresAtMs = 0;
        qint64 finishedAtMs = 0;
    };

    Agent &agentLocked(const QString &agentId, const QString &displayName);
    void setStateLocked(Agent &agent, AgentState state, qint64 nowMs, const QString &reason);
    void emitLocked(RouterEvent event);
    void revokeOfferLocked(Agent &agent, RevokeReason reason, qint64 nowMs);
    void finishCallLocked(Call &call, qint64 nowMs);
    std::optional<ConnectedCall> connectLocked(Call &call, Agent &agent, qint64 nowMs);
    void endConnectedLocked(Call &call, qint64 nowMs);
    void routeLocked(qint64 nowMs);
    bool offerToBestAgentLocked(Call &call, qint64 nowMs);
    static ContactOffer contactOffer(const Call &call);

    const Clock &m_clock;
    const qint64 m_offerTimeoutMs;
    RouterListener *m_listener = nullptr;
    std::function<bool(const QString &)> m_wrapUpRequired;
    mutable std::mutex m_mutex;
    QHash<QString, Agent> m_agents;
    QHash<QString, Call> m_calls;
    QList<QString> m_waiting; // call ids in arrival order (phase Waiting or Offered)
    quint64 m_nextIdleOrder = 1;
};

} // namespace sanad::server

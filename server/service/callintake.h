#pragma once

#include "core/enums.h"

#include <QString>

#include <grpcpp/support/status.h>

namespace sanad::server {

struct ConnectedCall;
struct ServiceContext;

// A call event as a telephony system reports it.
struct CallReport
{
    QString callId;
    CallEventKind kind = CallEventKind::Unspecified;
    QString callerNumber; // as the PBX sends it; empty when withheld
    QString dialedNumber;
    QString queue; // empty means "general"
    Channel channel = Channel::Unspecified; // unspecified means voice
    qint64 occurredAtMs = 0; // 0 means "when received"
};

// The one path every call event takes, from CtiService and from the call simulator alike:
// validate, store in call_events (the UNIQUE (call_id, kind) key makes a repeat change nothing),
// then hand the event to the queue router. Runs on a worker thread.
class CallIntake final
{
public:
    explicit CallIntake(ServiceContext &context);
    CallIntake(const CallIntake &) = delete;
    CallIntake &operator=(const CallIntake &) = delete;

    // OK with *accepted = false for an event reported before; INVALID_ARGUMENT with a sentence
    // for a missing call_id or kind, or an unknown queue. A caller number that is not a phone
    // number is still accepted (a PBX must not lose a call over a strange caller id): the call
    // is queued without a normalised number.
    grpc::Status report(const CallReport &report, bool *accepted);

    // A call an agent took: for a known caller, records the contact on the call's channel with
    // the agent's name and the category of the customer's newest open case (or the callback's
    // case), so the next screen-pop shows it: inbound, or outbound for a callback task. A caller
    // who got through by ringing again closes the callback tasks of the calls they abandoned.
    // Runs on a worker thread; throws StorageError.
    void recordConnectedCall(const ConnectedCall &call);
    void abandonedCallback(const QString &callId, const QString &callerE164, const QString &queue, qint64 atMs);

    // Offers every open callback task that has fallen due to its queue's agents like a call
    // (docs/cases.md), as the call "callback-<task id>-<attempts>": offering the same attempt
    // again changes nothing, and an attempt that did not reach the customer rings again once its
    // retry time has come. Called every few seconds, after an abandon and on each test-clock
    // advance. Runs on a worker thread; throws StorageError.
    static void offerDueCallbacks(ServiceContext &context);

private:
    ServiceContext &m_context;
};

} // namespace sanad::server

#include "server/service/callintake.h"

#include "core/casestatus.h"
#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/logcategories.h"
#include "server/queue/queuerouter.h"
#include "server/service/caselifecycle.h"
#include "server/service/servicecontext.h"
#include "server/storage/callrepository.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/lifecyclerepository.h"
#include "server/storage/syncrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

CallIntake::CallIntake(ServiceContext &context)
    : m_context(context)
{ }

grpc::Status CallIntake::report(const CallReport &report, bool *accepted)
{
    *accepted = false;
    const QString callId = report.callId.trimmed();
    if (callId.isEmpty())
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "call_id is empty: send the telephony system's identifier of the call, the same one for "
                            "every event of that call.");
    if (report.kind != CallEventKind::Offered && report.kind != CallEventKind::Answered
        && report.kind != CallEventKind::Abandoned && report.kind != CallEventKind::Ended)
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "kind is missing or unknown: send CALL_EVENT_KIND_OFFERED, CALL_EVENT_KIND_ANSWERED, "
                            "CALL_EVENT_KIND_ABANDONED or CALL_EVENT_KIND_ENDED.");
    const int channelNumber = static_cast<int>(report.channel);
    if (channelNumber < 0 || channelNumber > static_cast<int>(Channel::WalkIn))
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            "channel is not a known sanad.v1.Channel value: leave it unset for a voice call.");
    const Channel channel = report.channel == Channel::Unspecified ? Channel::Voice : report.channel;

    CallRepository calls(m_context.database);
    QString queue = report.queue.trimmed();
    if (queue.isEmpty())
        queue = u"general"_s;
    const QStringList queues = calls.queues();
    if (!queues.contains(queue))
        return grpc::Status(grpc::StatusCode::INVALID_ARGUMENT,
                            u"There is no queue \"%1\": use one of %2, or leave queue empty for general."_s
                                .arg(queue, queues.join(u", "_s))
                                .toStdString());

    QString e164;
    if (!report.callerNumber.trimmed().isEmpty()) {
        const PhoneNumber number = m_context.normalizer.parse(report.callerNumber);
        if (number.ok())
            e164 = number.e164;
        else
            qCWarning(lcService) << "call" << callId
                                 << "has a caller id that is not a phone number; it is queued without a number";
    }

    const qint64 now = m_context.clock.nowMs();
    CallEventRecord record;
    record.callId = callId;
    record.kind = report.kind;
    record.occurredAtMs = report.occurredAtMs > 0 ? report.occurredAtMs : now;
    record.callerE164 = e164;
    record.callerRaw = report.callerNumber;
    record.dialed = report.dialedNumber;
    record.queue = queue;
    if (!calls.insertEvent(record)) {
        qCDebug(lcService) << "call" << callId << "event" << int(report.kind) << "was reported before";
        return grpc::Status::OK;
    }
    *accepted = true;

    switch (report.kind) {
    case CallEventKind::Offered:
        m_context.router.callOffered(
            IncomingCall { callId, report.callerNumber, e164, queue, channel, record.occurredAtMs, {} });
        break;
    case CallEventKind::Answered:
        if (const std::optional<ConnectedCall> connected = m_context.router.callAnswered(callId))
            recordConnectedCall(*connected);
        break;
    case CallEventKind::Abandoned:
        m_context.router.callAbandoned(callId);
        abandonedCallback(callId, e164, queue, record.occurredAtMs);
        if (m_context.policy.callbackDelayMinutes == 0)
            offerDueCallbacks(m_context); // at once; otherwise the timer offers it when it falls due
        break;
    case CallEventKind::Ended:
        m_context.router.callEnded(callId);
        break;
    case CallEventKind::Unspecified:
        break;
    }
    return grpc::Status::OK;
}

void CallIntake::abandonedCallback(const QString &callId, const QString &callerE164, const QString &queue,
                                   qint64 atMs)
{
    // No lost callers (docs/cases.md): a presented number becomes a callback task in its queue.
    // The ABANDONED event may come without the number; the OFFERED one had it.
    Transaction transaction(m_context.database);
    LifecycleRepository lifecycle(m_context.database);
    const std::optional<std::pair<QString, QString>> offered = lifecycle.offeredCall(callId);
    const QString number = callerE164.isEmpty() && offered ? offered->first : callerE164;
    if (number.isEmpty())
        return;
    CaseLifecycle(m_context.database, m_context.normalizer, m_context.policy)
        .abandonedCall(callId, number, offered ? offered->second : queue, atMs);
    transaction.commit();
}

void CallIntake::offerDueCallbacks(ServiceContext &context)
{
    for (const v1::CallbackTask &task : LifecycleRepository(context.database).dueCallbacks(context.clock.nowMs())) {
        IncomingCall call;
        call.callId = u"callback-%1-%2"_s.arg(fromStd(task.id())).arg(task.attempts());
        call.callerNumber = fromStd(task.phone());
        call.normalizedNumber = call.callerNumber;
        call.queue = fromStd(task.queue());
        call.enqueuedAtMs = timestampMs(task.due_at());
        call.callback = CallbackOffer { fromStd(task.id()),      task.version(), fromStd(task.reason()),
                                        fromStd(task.case_id()), timestampMs(task.created_at()), task.attempts() };
        context.router.callOffered(call);
    }
}

void CallIntake::recordConnectedCall(const ConnectedCall &call)
{
    if (call.normalizedNumber.isEmpty())
        return;
    const qint64 now = m_context.clock.nowMs();
    Transaction transaction(m_context.database);
    QStringList gotThrough;
    if (!call.callback.isCallback())
        gotThrough = CaseLifecycle(m_context.database, m_context.normalizer, m_context.policy)
                         .callerGotThrough(call.normalizedNumber, now);
    CustomerRepository customers(m_context.database);
    const QString customerId = customers.idByPhone(call.normalizedNumber);
    if (!customerId.isEmpty()) {
        QString category;
        QString caseId = call.callback.caseId;
        for (const v1::Case &record : CaseRepository(m_context.database).forCustomer(customerId)) {
            if (caseId.isEmpty() ? isOpenStatus(static_cast<CaseStatus>(record.status()))
                                 : fromStd(record.id()) == caseId) {
                category = fromStd(record.category());
                break;
            }
        }
        v1::Interaction interaction;
        interaction.set_id(toStd(newUuid()));
        interaction.set_customer_id(toStd(customerId));
        interaction.set_case_id(toStd(call.callback.caseId));
        interaction.set_channel(static_cast<v1::Channel>(call.channel));
        interaction.set_direction(call.callback.isCallback() ? v1::DIRECTION_OUTBOUND : v1::DIRECTION_INBOUND);
        setTimestampMs(interaction.mutable_occurred_at(), call.connectedAtMs);
        interaction.set_agent_name(toStd(call.agentName));
        interaction.set_category(toStd(category));
        InteractionRepository(m_context.database).insert(interaction);
        customers.touchLastContact(customerId, call.connectedAtMs);
        SyncRepository(m_context.database).appendChange(QString(), interaction, now);
    }
    transaction.commit();
    for (const QString &callbackId : std::as_const(gotThrough))
        m_context.router.withdrawCallback(callbackId);
    qCDebug(lcService) << "recorded the contact of call" << call.callId << "for customer" << customerId;
}

} // namespace sanad::server

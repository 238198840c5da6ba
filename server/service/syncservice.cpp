#include "server/service/syncservice.h"

#include "core/clock.h"
#include "server/auth/authorizer.h"
#include "server/logcategories.h"
#include "server/queue/queuerouter.h"
#include "server/service/mutationapplier.h"
#include "server/service/servicecontext.h"
#include "server/service/unaryhandler.h"
#include "server/storage/metarepository.h"
#include "server/storage/syncrepository.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

SyncService::SyncService(ServiceContext &context)
    : m_context(context)
{ }

QString SyncService::encodeCursor(const Cursor &cursor)
{
    const QByteArray raw = "v2:" + QByteArray::number(cursor.sequence) + ':' + cursor.fingerprint;
    return QString::fromLatin1(raw.toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

std::optional<SyncService::Cursor> SyncService::decodeCursor(const QString &text)
{
    if (text.isEmpty())
        return Cursor {};
    const auto decoded = QByteArray::fromBase64Encoding(
        text.toLatin1(), QByteArray::Base64UrlEncoding | QByteArray::AbortOnBase64DecodingErrors);
    if (!decoded)
        return std::nullopt;
    const QList<QByteArray> parts = decoded.decoded.split(':');
    const bool v1 = parts.size() == 2 && parts[0] == "v1";
    const bool v2 = parts.size() == 3 && parts[0] == "v2";
    if (!v1 && !v2)
        return std::nullopt;
    bool ok = false;
    Cursor cursor { parts[1].toLongLong(&ok), v2 ? parts[2] : QByteArray() };
    if (!ok || cursor.sequence < 0 || (v2 && cursor.sequence > 0 && cursor.fingerprint.isEmpty()))
        return std::nullopt;
    return cursor;
}

// What the queue router must know of an applied mutation: a recorded wrap-up makes its agent
// available; a callback attempt recorded elsewhere takes the task out of the queue.
void SyncService::tellTheRouter(const v1::Mutation &mutation, const QString &userId)
{
    if (mutation.has_record_wrap_up())
        m_context.router.wrapUpRecorded(userId, fromStd(mutation.record_wrap_up().call_id()).trimmed());
    else if (mutation.has_record_callback_attempt())
        m_context.router.withdrawCallback(fromStd(mutation.record_callback_attempt().callback_id()).trimmed());
}

grpc::ServerUnaryReactor *SyncService::Push(grpc::CallbackServerContext *context, const v1::PushRequest *request,
                                            v1::PushResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kPush);
        if (!auth.ok())
            return auth.status;
        if (request->mutations_size() > kMaxMutationsPerPush)
            return invalidArgument(u"A push carries at most %1 mutations and this one has %2: send them in batches "
                                   "of %1."_s.arg(kMaxMutationsPerPush)
                                       .arg(request->mutations_size()));
        MutationApplier applier(m_context.database, m_context.normalizer, m_context.clock, m_context.policy);
        const MutationAuthor author { auth.user.id, auth.user.displayName };
        const QList<v1::MutationResult> results = applier.applyBatch(request->mutations(), author);
        for (qsizetype i = 0; i < results.size(); ++i) {
            *response->add_results() = results[i];
            if (results[i].outcome() == v1::MUTATION_OUTCOME_APPLIED)
                tellTheRouter(request->mutations(int(i)), auth.user.id);
        }
        const bool applied = std::any_of(results.cbegin(), results.cend(), [](const v1::MutationResult &result) {
            return result.outcome() == v1::MUTATION_OUTCOME_APPLIED;
        });
        if (applied && m_changesListener)
            m_changesListener(SyncRepository(m_context.database).lastSequence(), m_context.clock.nowMs());
        return grpc::Status::OK;
    });
    return reactor;
}

grpc::ServerUnaryReactor *SyncService::Pull(grpc::CallbackServerContext *context, const v1::PullRequest *request,
                                            v1::PullResponse *response)
{
    grpc::ServerUnaryReactor *reactor = context->DefaultReactor();
    finishOnWorker(m_context.database, reactor, [this, context, request, response]() -> grpc::Status {
        const AuthResult auth = m_context.authorizer.authorize(context, methods::kPull);
        if (!auth.ok())
            return auth.status;
        const std::optional<Cursor> after = decodeCursor(fromStd(request->cursor()));
        if (!after)
            return invalidArgument(u"The cursor is not one this server gave out: pull again from an empty cursor."_s);
        if (request->limit() < 0)
            return invalidArgument(
                u"limit is negative: leave it 0 for %1 changes, or ask for at most %2."_s.arg(kDefaultPullLimit)
                    .arg(kMaxPullLimit));
        const int limit = request->limit() == 0 ? kDefaultPullLimit : std::min(request->limit(), kMaxPullLimit);

        {
            std::lock_guard lock(m_epochMutex);
            if (m_serverEpoch.isEmpty())
                m_serverEpoch = MetaRepository(m_context.database).serverEpoch();
            response->set_server_epoch(toStd(m_serverEpoch));
        }
        SyncRepository feed(m_context.database);
        const QString lastPushed = fromStd(request->last_pushed_mutation_id()).trimmed();
        if (!lastPushed.isEmpty() && !feed.findMutation(lastPushed)) {
            qCInfo(lcService) << "a pull names mutation" << lastPushed
                              << "which this database does not know: the desktop starts over";
            response->set_cursor_lost(true);
            return grpc::Status::OK;
        }
        Cursor next = *after;
        if (next.sequence > 0) {
            // The change the desktop saw last must still be here, the same one: otherwise the
            // database was restored (or replaced) since, and the desktop must start over.
            const std::optional<ChangeRecord> seen = feed.changeAt(next.sequence);
            const QByteArray fingerprint = seen ? SyncRepository::fingerprint(*seen) : QByteArray();
            if (!seen || (!next.fingerprint.isEmpty() && next.fingerprint != fingerprint)) {
                qCInfo(lcService) << "a pull names change" << next.sequence
                                  << "which this database does not hold: the desktop starts over";
                response->set_cursor_lost(true);
                return grpc::Status::OK;
            }
            next.fingerprint = fingerprint; // a "v1:" cursor becomes a checked one
        }
        // SQLite commits one writer at a time, so sequences become visible in order and a
        // cursor never skips a change committed later with a smaller sequence.
        QList<ChangeRecord> changes = feed.changesAfter(next.sequence, limit + 1);
        response->set_has_more(changes.size() > limit);
        if (changes.size() > limit)
            changes.resize(limit);
        for (const ChangeRecord &record : std::as_const(changes)) {
            v1::Change *change = response->add_changes();
            change->set_sequence(record.sequence);
            change->set_mutation_id(toStd(record.mutationId));
            setTimestampMs(change->mutable_changed_at(), record.changedAtMs);
            bool parsed = false;
            if (record.entityType == "customer"_L1)
                parsed = change->mutable_customer()->ParseFromArray(record.payload.constData(),
                                                                    int(record.payload.size()));
            else if (record.entityType == "case"_L1)
                parsed = change->mutable_case_record()->ParseFromArray(record.payload.constData(),
                                                                       int(record.payload.size()));
            else if (record.entityType == "interaction"_L1)
                parsed = change->mutable_interaction()->ParseFromArray(record.payload.constData(),
                                                                       int(record.payload.size()));
            else if (record.entityType == "referral"_L1)
                parsed = change->mutable_referral()->ParseFromArray(record.payload.constData(),
                                                                    int(record.payload.size()));
            else if (record.entityType == "callback_task"_L1)
                parsed = change->mutable_callback_task()->ParseFromArray(record.payload.constData(),
                                                                         int(record.payload.size()));
            else if (record.entityType == "wrap_up"_L1)
                parsed
                    = change->mutable_wrap_up()->ParseFromArray(record.payload.constData(), int(record.payload.size()));
            if (!parsed)
                qCWarning(lcService) << "change" << record.sequence << "of type" << record.entityType
                                     << "could not be read; it is sent without its entity";
        }
        if (!changes.isEmpty())
            next = { changes.constLast().sequence, SyncRepository::fingerprint(changes.constLast()) };
        response->set_next_cursor(toStd(encodeCursor(next)));
        return grpc::Status::OK;
    });
    return reactor;
}

} // namespace sanad::server

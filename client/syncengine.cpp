#include "client/syncengine.h"

#include <QDateTime>
#include <QLoggingCategory>
#include <QTimeZone>

#include <limits>

Q_LOGGING_CATEGORY(lcSync, "sanad.client.sync")

namespace sanad::client {

using namespace Qt::StringLiterals;

namespace {

constexpr int FirstBackoffMs = 500;
constexpr int MaxBackoffMs = 30000;

qint64 nowMs()
{
    return QDateTime::currentMSecsSinceEpoch();
}

bool isUnreachable(const ClientError &error)
{
    return error.kind == ClientError::Kind::Unreachable;
}

// The entity of a pulled change as the store keeps it; nullopt for what is not cached.
std::optional<LocalStore::CachedEntity> cachedEntity(const v1::Change &change)
{
    LocalStore::CachedEntity entity;
    switch (change.entity_case()) {
    case v1::Change::kCustomer:
        entity.type = LocalStore::EntityType::Customer;
        entity.id = QString::fromStdString(change.customer().id());
        entity.customerId = entity.id;
        entity.name = QString::fromStdString(change.customer().name());
        for (const std::string &phone : change.customer().phones())
            entity.phones.append(QString::fromStdString(phone));
        entity.payload = QByteArray::fromStdString(change.customer().SerializeAsString());
        return entity;
    case v1::Change::kCaseRecord:
        entity.type = LocalStore::EntityType::Case;
        entity.id = QString::fromStdString(change.case_record().id());
        entity.customerId = QString::fromStdString(change.case_record().customer_id());
        entity.payload = QByteArray::fromStdString(change.case_record().SerializeAsString());
        return entity;
    case v1::Change::kInteraction:
        entity.type = LocalStore::EntityType::Interaction;
        entity.id = QString::fromStdString(change.interaction().id());
        entity.customerId = QString::fromStdString(change.interaction().customer_id());
        entity.caseId = QString::fromStdString(change.interaction().case_id());
        entity.payload = QByteArray::fromStdString(change.interaction().SerializeAsString());
        return entity;
    case v1::Change::kReferral:
        entity.type = LocalStore::EntityType::Referral;
        entity.id = QString::fromStdString(change.referral().id());
        entity.caseId = QString::fromStdString(change.referral().case_id());
        entity.payload = QByteArray::fromStdString(change.referral().SerializeAsString());
        return entity;
    default:
        return std::nullopt;
    }
}

} // namespace

SyncEngine::SyncEngine(QObject *parent)
    : QObject(parent)
{
    m_timer.setSingleShot(true);
    connect(&m_timer, &QTimer::timeout, this, &SyncEngine::cycle);
    m_holdTimer.setSingleShot(true);
    connect(&m_holdTimer, &QTimer::timeout, this, [this] {
        if (m_pullWaiting && m_started)
            pullNext();
    });
}

LocalStore::OpenReport SyncEngine::openStore(const QString &path)
{
    LocalStore::OpenReport report = m_store.open(path);
    announce();
    return report;
}

bool SyncEngine::enqueue(const v1::Mutation &mutation, MutationDone done)
{
    const QString id = QString::fromStdString(mutation.mutation_id());
    if (!m_store.enqueue(id, mutation.base_version(), QByteArray::fromStdString(mutation.SerializeAsString()), nowMs()))
        return false;
    if (done)
        m_waiting.insert(id, std::move(done));
    announce();
    syncNow();
    return true;
}

void SyncEngine::start()
{
    m_started = true;
    m_backoffMs = FirstBackoffMs;
    syncNow();
}

void SyncEngine::stop()
{
    m_started = false;
    m_timer.stop();
    m_holdTimer.stop();
    m_pullWaiting = false;
    ++m_generation;
    m_busy = false;
    m_again = false;
    m_online = false;
    announce();
}

void SyncEngine::syncNow()
{
    if (!m_started || !m_store.isOpen())
        return;
    if (m_busy) {
        m_again = true; // one more cycle when this one ends, for what was queued meanwhile
        return;
    }
    m_timer.stop();
    QMetaObject::invokeMethod(this, &SyncEngine::cycle, Qt::QueuedConnection);
}

void SyncEngine::cycle()
{
    if (!m_started || m_busy || !m_store.isOpen())
        return;
    m_busy = true;
    m_again = false;
    m_store.pruneSent(nowMs() - m_sentRetentionMs);
    pushNext();
}

void SyncEngine::pushNext()
{
    const QList<LocalStore::OutboxEntry> batch = m_store.dueOutbox(m_pushBatch, nowMs());
    if (batch.isEmpty()) {
        if (m_store.outboxCount() > 0) {
            // Everything waits for its backoff: wait with it, pull nothing meanwhile (push first).
            const qint64 wait = std::max<qint64>(50, m_store.nextAttemptMs() - nowMs());
            cycleDone(m_online, int(std::min<qint64>(wait, MaxBackoffMs)));
            return;
        }
        pullNext();
        return;
    }
    v1::PushRequest request;
    QStringList ids;
    for (const LocalStore::OutboxEntry &entry : batch) {
        v1::Mutation *mutation = request.add_mutations();
        if (!mutation->ParseFromArray(entry.payload.constData(), int(entry.payload.size()))) {
            // Cannot happen with a store this desktop wrote; shown to the agent rather than lost.
            mutation->Clear();
            mutation->set_mutation_id(entry.mutationId.toStdString());
        }
        ids.append(entry.mutationId);
    }
    const quint64 generation = m_generation;
    pushTransport(std::move(request),
                  [this, generation, ids](const ClientError &error, const v1::PushResponse &response) {
                      if (generation != m_generation)
                          return;
                      onPushed(ids, error, response);
                  });
}

void SyncEngine::onPushed(const QStringList &ids, const ClientError &error, const v1::PushResponse &response)
{
    if (error.isError()) {
        if (error.kind == ClientError::Kind::Unauthenticated) {
            qCInfo(lcSync, "the session is no longer valid: sync stops, %d changes wait", int(m_store.outboxCount()));
            stop();
            if (onUnauthenticated)
                onUnauthenticated(error);
            return;
        }
        // Unreachable or anything else the server may get over: wait, then send the same batch
        // again with the same mutation ids (the server answers a retry with the first result).
        const int delay = m_backoffMs;
        m_backoffMs = std::min(m_backoffMs * 2, MaxBackoffMs);
        m_store.markAttemptFailed(ids, error.serverMessage, nowMs() + delay);
        qCInfo(lcSync, "push of %d changes failed (gRPC %d); next attempt in %d ms", int(ids.size()), error.grpcCode,
               delay);
        cycleDone(!isUnreachable(error) && m_online, delay);
        m_lastError = error.serverMessage;
        return;
    }
    m_online = true;
    m_everOnline = true;
    m_backoffMs = FirstBackoffMs;
    m_lastError.clear();
    QStringList applied;
    QList<v1::MutationResult> results;
    for (const v1::MutationResult &result : response.results())
        results.append(result);
    // The agent's own change is kept with a problem: read back only when there is one.
    QHash<QString, QByteArray> payloads;
    const bool anyProblem = std::any_of(results.cbegin(), results.cend(), [](const v1::MutationResult &r) {
        return r.outcome() != v1::MUTATION_OUTCOME_APPLIED && r.outcome() != v1::MUTATION_OUTCOME_DUPLICATE;
    });
    if (anyProblem) {
        for (const LocalStore::OutboxEntry &entry :
             m_store.dueOutbox(int(ids.size()), std::numeric_limits<qint64>::max()))
            payloads.insert(entry.mutationId, entry.payload);
    }
    for (qsizetype i = 0; i < ids.size(); ++i) {
        const QString &id = ids.at(i);
        if (i >= results.size()) {
            // A server that answers fewer results leaves the rest waiting, to be sent again.
            break;
        }
        const v1::MutationResult &result = results.at(i);
        switch (result.outcome()) {
        case v1::MUTATION_OUTCOME_APPLIED:
        case v1::MUTATION_OUTCOME_DUPLICATE:
            applied.append(id);
            break;
        case v1::MUTATION_OUTCOME_CONFLICT:
        case v1::MUTATION_OUTCOME_REJECTED:
        default: {
            LocalStore::Problem problem;
            problem.mutationId = id;
            problem.kind = result.outcome() == v1::MUTATION_OUTCOME_CONFLICT ? LocalStore::ProblemKind::Conflict
                                                                             : LocalStore::ProblemKind::Rejected;
            problem.detail = QString::fromStdString(result.detail());
            problem.payload = payloads.value(id);
            problem.serverVersion = result.new_version();
            problem.entityId = QString::fromStdString(result.entity_id());
            problem.atMs = nowMs();
            m_store.markProblem(problem);
            break;
        }
        }
    }
    m_store.markApplied(applied, nowMs());
    for (qsizetype i = 0; i < ids.size() && i < results.size(); ++i) {
        if (const MutationDone done = m_waiting.take(ids.at(i)))
            done(results.at(i));
    }
    announce();
    pushNext();
}

void SyncEngine::holdPulls(int ms)
{
    m_pullsHeldUntilMs = nowMs() + ms;
    if (m_pullWaiting)
        m_holdTimer.start(std::max(ms, 0));
}

void SyncEngine::pullNext()
{
    if (const qint64 held = m_pullsHeldUntilMs - nowMs(); held > 0) {
        m_pullWaiting = true;
        m_holdTimer.start(int(held));
        return;
    }
    m_pullWaiting = false;
    v1::PullRequest request;
    request.set_cursor(m_store.cursor().toStdString());
    request.set_limit(m_pullLimit);
    request.set_last_pushed_mutation_id(m_store.lastSentMutationId().toStdString());
    const quint64 generation = m_generation;
    pullTransport(std::move(request), [this, generation](const ClientError &error, const v1::PullResponse &response) {
        if (generation != m_generation)
            return;
        onPulled(error, response);
    });
}

void SyncEngine::onPulled(const ClientError &error, const v1::PullResponse &response)
{
    if (error.isError()) {
        if (error.kind == ClientError::Kind::Unauthenticated) {
            stop();
            if (onUnauthenticated)
                onUnauthenticated(error);
            return;
        }
        if (error.kind == ClientError::Kind::InvalidArgument) {
            // A cursor the server does not know (its database changed under it): start over.
            qCWarning(lcSync, "the server refused the cursor: pulling everything again");
            m_store.resetForNewEpoch(m_store.serverEpoch());
        }
        const int delay = m_backoffMs;
        m_backoffMs = std::min(m_backoffMs * 2, MaxBackoffMs);
        m_lastError = error.serverMessage;
        cycleDone(false, delay);
        return;
    }
    m_online = true;
    m_everOnline = true;
    m_backoffMs = FirstBackoffMs;
    const QString epoch = QString::fromStdString(response.server_epoch());
    const QString known = m_store.serverEpoch();
    if (response.cursor_lost() || (!known.isEmpty() && epoch != known)) {
        // Restored from a backup (the change last pulled is not there any more) or replaced by
        // another database: what this desktop knows and what the server has may differ both
        // ways. Send everything again (the mutation ids make that safe), then pull everything.
        m_upToDate = false;
        const int resent = m_store.resetForNewEpoch(epoch);
        qCWarning(lcSync, "the server's database was %s: %d sent changes go out again, then a full pull",
                  response.cursor_lost() ? "restored" : "replaced", resent);
        Q_EMIT epochChanged(resent);
        announce();
        pushNext();
        return;
    }
    QList<LocalStore::CachedEntity> entities;
    entities.reserve(response.changes_size());
    QSet<QString> customers;
    for (const v1::Change &change : response.changes()) {
        if (std::optional<LocalStore::CachedEntity> entity = cachedEntity(change)) {
            customers.insert(entity->customerId);
            entities.append(std::move(*entity));
        }
    }
    if (!m_store.applyPage(entities, QString::fromStdString(response.next_cursor()), epoch, nowMs())) {
        cycleDone(true, m_pollMs);
        return;
    }
    entities.clear();
    if (!customers.isEmpty())
        Q_EMIT customersChanged(customers);
    if (response.has_more()) {
        m_upToDate = false;
        pullNext();
        return;
    }
    m_upToDate = true;
    announce();
    cycleDone(true, m_pollMs);
}

void SyncEngine::cycleDone(bool online, int delayMs)
{
    m_busy = false;
    m_online = online;
    announce();
    if (!m_started)
        return;
    if (m_again && online) {
        syncNow();
        return;
    }
    m_timer.start(delayMs);
}

SyncState SyncEngine::state()
{
    SyncState state;
    state.online = m_online;
    state.signedIn = m_started;
    if (m_store.isOpen()) {
        state.waiting = m_store.outboxCount();
        if (const std::optional<qint64> oldest = m_store.oldestQueuedMs())
            state.oldestWaiting = QDateTime::fromMSecsSinceEpoch(*oldest, QTimeZone::utc());
        state.problems = m_store.problemCount();
        if (const qint64 pulled = m_store.lastPulledMs())
            state.lastPulled = QDateTime::fromMSecsSinceEpoch(pulled, QTimeZone::utc());
    }
    state.lastError = m_lastError;
    state.upToDate = m_upToDate && m_online;
    return state;
}

void SyncEngine::announce()
{
    Q_EMIT stateChanged(state());
}

} // namespace sanad::client

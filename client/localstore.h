#pragma once

#include <QByteArray>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace sanad::client {

// The desktop's own SQLite file (Qt SQL, WAL, synchronous=FULL, mode 0600), which keeps the
// agent working while sanad-server cannot be reached (docs/sync.md):
// - outbox: every change, written (and fsynced) before it is sent, in order;
// - sent: what the server applied, kept for a while so that it can be sent again when the
//   server's database turns out to be an older copy (a new server epoch);
// - problems: CONFLICT and REJECTED answers, kept until the agent decides;
// - cached customers, cases and interactions (serialized sanad.v1 messages) within a size limit;
// - the pull cursor and the server epoch.
// Payloads are serialized protobuf messages; this class does not parse mutations. Used on one
// thread (the client's). Throws nothing: failures are logged and reported by return values.
class LocalStore
{
public:
    // The local schema; a readable file of an older schema has its outbox migrated.
    static constexpr int kSchemaVersion = 3;

    enum class OpenOutcome {
        Opened, // an existing store of this schema
        Created, // a new, empty store
        ReplacedCorrupt, // the file could not be read: kept as a copy, started clean
        MigratedOlder, // an older schema: outbox carried over, the rest started clean
        Failed, // nothing usable (see message)
    };
    struct OpenReport
    {
        OpenOutcome outcome = OpenOutcome::Failed;
        QString keptCopy; // the copy of a corrupt or older file, when one was made
        int migratedOutbox = 0;
        QString message; // English, for logs and the desktop's notice
    };

    struct OutboxEntry
    {
        qint64 sequence = 0;
        QString mutationId;
        qint64 baseVersion = 0;
        QByteArray payload; // serialized sanad.v1.Mutation
        int attempts = 0;
        qint64 nextAttemptMs = 0;
        QString lastError;
        qint64 queuedAtMs = 0;
    };

    enum class ProblemKind { Conflict = 1, Rejected = 2 };
    struct Problem
    {
        QString mutationId;
        ProblemKind kind = ProblemKind::Rejected;
        QString detail; // the server's reason
        QByteArray payload; // the agent's change (serialized sanad.v1.Mutation)
        qint64 serverVersion = 0; // for a conflict: the version the server has
        QString entityId;
        qint64 atMs = 0;
    };

    enum class EntityType { Customer = 1, Case = 2, Interaction = 3, Referral = 4 };
    struct CachedEntity
    {
        EntityType type = EntityType::Customer;
        QString id;
        QString customerId; // the customer the entity belongs to (its own id for a customer)
        QString caseId; // interactions and referrals
        QStringList phones; // customers: E.164
        QString name; // customers: for the offline search
        QByteArray payload; // serialized sanad.v1 entity
    };

    explicit LocalStore(const QString &connectionName = QStringLiteral("sanad-local"));
    ~LocalStore();
    LocalStore(const LocalStore &) = delete;
    LocalStore &operator=(const LocalStore &) = delete;

    // ":memory:" keeps everything in memory (no file, nothing survives).
    OpenReport open(const QString &path);
    bool isOpen() const;
    QString path() const { return m_path; }

    // Outbox. enqueue commits (synchronous=FULL) before it returns: false when it could not.
    bool enqueue(const QString &mutationId, qint64 baseVersion, const QByteArray &payload, qint64 nowMs);
    // The oldest entries, in order; only those due at nowMs (the first entry not due stops the
    // batch, so the order is kept).
    QList<OutboxEntry> dueOutbox(int limit, qint64 nowMs);
    int outboxCount();
    // When the oldest waiting change was queued; nullopt when nothing waits.
    std::optional<qint64> oldestQueuedMs();
    qint64 nextAttemptMs(); // 0 when nothing waits
    // The server answered: applied or duplicate → moved to sent; conflict/rejected → problems.
    void markApplied(const QStringList &mutationIds, qint64 nowMs);
    void markProblem(const Problem &problem);
    // Sending failed (unreachable): the entries wait until nextAttemptMs.
    void markAttemptFailed(const QStringList &mutationIds, const QString &error, qint64 nextAttemptMs);

    QList<Problem> problems();
    int problemCount();
    // The agent decided: dropped (the server's version stays).
    void dismissProblem(const QString &mutationId);
    // The agent keeps their change: it goes to the end of the outbox as a new mutation.
    bool retryProblem(const QString &mutationId, const QString &newMutationId, qint64 newBaseVersion,
                      const QByteArray &newPayload, qint64 nowMs);

    // Pull state.
    QString cursor();
    QString serverEpoch();
    // One transaction: the page's entities, then the cursor and epoch.
    bool applyPage(const QList<CachedEntity> &entities, const QString &nextCursor, const QString &epoch, qint64 nowMs);
    // The server's database changed (new epoch): the cache and cursor go, every sent change
    // goes back to the front of the outbox (the server answers DUPLICATE for what it has).
    // Returns how many changes go out again.
    int resetForNewEpoch(const QString &epoch);
    // Sent changes older than this are forgotten (they can no longer be re-sent).
    void pruneSent(qint64 olderThanMs);
    int sentCount();
    // The sent change the server answered last (empty when none): a pull names it, so that a
    // server restored from a backup that lost it can say so (docs/sync.md).
    QString lastSentMutationId();

    // Cache.
    void setCacheLimit(int maxCustomers) { m_maxCustomers = maxCustomers; }
    int cacheLimit() const { return m_maxCustomers; }
    // A screen-pop seen online: its customer, cases and contacts in one transaction (one sync to
    // disk, not one per row).
    bool cacheEntities(const QList<CachedEntity> &entities, qint64 nowMs);
    std::optional<CachedEntity> customerByPhone(const QString &e164);
    std::optional<CachedEntity> customer(const QString &id);
    QList<CachedEntity> casesOf(const QString &customerId) { return entitiesOf(EntityType::Case, customerId); }
    QList<CachedEntity> interactionsOf(const QString &customerId)
    {
        return entitiesOf(EntityType::Interaction, customerId);
    }
    // Referrals of the customer's cases, so an offline screen-pop still says where each stands.
    QList<CachedEntity> referralsOf(const QString &customerId) { return entitiesOf(EntityType::Referral, customerId); }
    // Customers whose name contains every word of the query (case-insensitive), newest first.
    QList<CachedEntity> searchCustomers(const QString &query, int limit);
    int cachedCustomers();
    // When the last page was applied (0 never): "up to date as of".
    qint64 lastPulledMs();
    // A small value kept with the store (the server's work policy); empty when never set.
    QString storedValue(const QString &key) { return meta(key); }
    bool storeValue(const QString &key, const QString &value) { return setMeta(key, value); }

private:
    bool createSchema();
    bool upgradeFrom2();
    bool execInTransaction(const QStringList &statements);
    // The cached cases, interactions or referrals of a customer, in the order they were written.
    QList<CachedEntity> entitiesOf(EntityType type, const QString &customerId);
    bool exec(const QString &sql);
    bool writeEntities(const QList<CachedEntity> &entities, qint64 nowMs);
    bool writeEntity(const CachedEntity &entity, qint64 nowMs);
    void evictBeyondLimit();
    QString meta(const QString &key);
    bool setMeta(const QString &key, const QString &value);
    void closeConnection();

    // Prepared once per connection: a pulled page writes thousands of rows.
    std::unique_ptr<QSqlQuery> m_writeCustomer;
    std::unique_ptr<QSqlQuery> m_writeCase;
    std::unique_ptr<QSqlQuery> m_writeInteraction;
    std::unique_ptr<QSqlQuery> m_writeReferral;

    QString m_connectionName;
    QString m_path;
    QSqlDatabase m_db;
    int m_maxCustomers = 50000;
};

} // namespace sanad::client

#include "client/localstore.h"

#include "core/arabictext.h"
#include "core/namequery.h"

#include <QDateTime>
#include <QFile>
#include <QFileInfo>
#include <QLoggingCategory>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <atomic>

Q_LOGGING_CATEGORY(lcLocalStore, "sanad.client.localstore")

namespace sanad::client {

using namespace Qt::StringLiterals;

namespace {

// One error text for logs; the statement is shortened so that a log line stays readable.
QString describe(const QSqlQuery &query)
{
    return query.lastError().text() + u" in "_s + query.lastQuery().left(80);
}

// Qt SQL binds a null QString as NULL; every text column is NOT NULL.
QString notNull(const QString &text)
{
    return text.isNull() ? QString(u""_s) : text;
}

QString phonesColumn(const QStringList &phones)
{
    // " +968... +968... ": a LIKE '% +968... %' finds one number among several.
    return u" "_s + phones.join(u' ') + u" "_s;
}

LocalStore::CachedEntity entityFrom(const QSqlQuery &query, LocalStore::EntityType type)
{
    LocalStore::CachedEntity entity;
    entity.type = type;
    entity.id = query.value(0).toString();
    entity.customerId = query.value(1).toString();
    entity.payload = query.value(2).toByteArray();
    return entity;
}

} // namespace

LocalStore::LocalStore(const QString &connectionName)
{
    // Qt SQL connections are process-wide by name: each store (each SanadClient) has its own.
    static std::atomic<int> counter { 0 };
    m_connectionName = u"%1-%2"_s.arg(connectionName).arg(++counter);
}

LocalStore::~LocalStore()
{
    closeConnection();
}

void LocalStore::closeConnection()
{
    m_writeCustomer.reset();
    m_writeCase.reset();
    m_writeInteraction.reset();
    if (!m_db.isValid())
        return;
    m_db.close();
    m_db = QSqlDatabase();
    QSqlDatabase::removeDatabase(m_connectionName);
}

bool LocalStore::isOpen() const
{
    return m_db.isValid() && m_db.isOpen();
}

bool LocalStore::exec(const QString &sql)
{
    QSqlQuery query(m_db);
    if (!query.exec(sql)) {
        qCWarning(lcLocalStore).noquote() << describe(query);
        return false;
    }
    return true;
}

LocalStore::OpenReport LocalStore::open(const QString &path)
{
    closeConnection();
    m_path = path;
    OpenReport report;
    const bool inMemory = path == ":memory:"_L1;
    if (!inMemory && !QFile::exists(path)) {
        // Created 0600 before SQLite opens it; SQLite gives its -wal and -shm files the same mode.
        QFile file(path);
        if (!file.open(QIODevice::WriteOnly)) {
            report.message = u"The local store %1 cannot be created: %2"_s.arg(path, file.errorString());
            return report;
        }
        file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
        file.close();
        report.outcome = OpenOutcome::Created;
    } else {
        report.outcome = OpenOutcome::Opened;
    }
    if (!inMemory)
        QFile::setPermissions(path, QFile::ReadOwner | QFile::WriteOwner);

    auto connect = [this, &path] {
        m_db = QSqlDatabase::addDatabase(u"QSQLITE"_s, m_connectionName);
        m_db.setDatabaseName(path);
        return m_db.open();
    };
    // A file SQLite cannot read, or whose pages are damaged, is kept aside as a copy.
    auto readable = [this]() -> int {
        QSqlQuery check(m_db);
        if (!check.exec(u"PRAGMA quick_check"_s) || !check.next() || check.value(0).toString() != "ok"_L1)
            return -1;
        check.finish();
        QSqlQuery version(m_db);
        if (!version.exec(u"PRAGMA user_version"_s) || !version.next())
            return -1;
        return version.value(0).toInt();
    };
    auto keepCopy = [this, &path, &report](const QString &why) {
        closeConnection();
        const QString copy = path + u".%1-%2"_s.arg(why).arg(QDateTime::currentMSecsSinceEpoch());
        QFile::rename(path, copy);
        QFile::remove(path + u"-wal"_s);
        QFile::remove(path + u"-shm"_s);
        report.keptCopy = copy;
        QFile file(path);
        if (file.open(QIODevice::WriteOnly)) {
            file.setPermissions(QFile::ReadOwner | QFile::WriteOwner);
            file.close();
        }
    };

    if (!connect()) {
        report.outcome = OpenOutcome::Failed;
        report.message = u"The local store %1 cannot be opened: %2"_s.arg(path, m_db.lastError().text());
        closeConnection();
        return report;
    }
    int version = readable();
    QList<OutboxEntry> carried;
    if (version < 0 && !inMemory) {
        keepCopy(u"corrupt"_s);
        report.outcome = OpenOutcome::ReplacedCorrupt;
        report.message = u"The local store could not be read; it was kept as %1 and a new one is filled from the "
                         "server."_s.arg(report.keptCopy);
        if (!connect()) {
            report.outcome = OpenOutcome::Failed;
            return report;
        }
        version = 0;
    } else if (version == 2 && upgradeFrom2()) {
        version = kSchemaVersion;
    } else if (version > 0 && version < kSchemaVersion) {
        // Schema 1 kept only an outbox (mutation_id, base_version, payload, queued_at, in rowid
        // order): the changes still waiting are carried over, the rest is pulled again.
        QSqlQuery old(m_db);
        if (old.exec(u"SELECT mutation_id, base_version, payload, queued_at FROM outbox ORDER BY rowid"_s)) {
            while (old.next()) {
                OutboxEntry entry;
                entry.mutationId = old.value(0).toString();
                entry.baseVersion = old.value(1).toLongLong();
                entry.payload = old.value(2).toByteArray();
                entry.queuedAtMs = old.value(3).toLongLong();
                carried.append(entry);
            }
        }
        old.finish();
        keepCopy(u"schema%1"_s.arg(version));
        report.outcome = OpenOutcome::MigratedOlder;
        if (!connect()) {
            report.outcome = OpenOutcome::Failed;
            return report;
        }
        version = 0;
    } else if (version > kSchemaVersion) {
        keepCopy(u"newer%1"_s.arg(version));
        report.outcome = OpenOutcome::ReplacedCorrupt;
        report.message = u"The local store was written by a newer desktop; it was kept as %1 and a new one is "
                         "filled from the server."_s.arg(report.keptCopy);
        if (!connect()) {
            report.outcome = OpenOutcome::Failed;
            return report;
        }
        version = 0;
    }

    // The outbox is the agent's work: every commit reaches the disk before it counts.
    exec(u"PRAGMA journal_mode=WAL"_s);
    exec(u"PRAGMA synchronous=FULL"_s);
    if (version == 0) {
        if (!createSchema()) {
            report.outcome = OpenOutcome::Failed;
            report.message = u"The local store %1 cannot be set up: %2"_s.arg(path, m_db.lastError().text());
            closeConnection();
            return report;
        }
        if (report.outcome == OpenOutcome::Opened)
            report.outcome = OpenOutcome::Created;
    }
    for (const OutboxEntry &entry : std::as_const(carried)) {
        if (enqueue(entry.mutationId, entry.baseVersion, entry.payload, entry.queuedAtMs))
            ++report.migratedOutbox;
    }
    if (report.outcome == OpenOutcome::MigratedOlder)
        report.message
            = u"The local store was from an older version of the desktop; it was kept as %1, its %2 "
              "waiting changes were carried over and the rest is filled from the server."_s.arg(report.keptCopy)
                  .arg(report.migratedOutbox);
    if (!report.message.isEmpty())
        qCWarning(lcLocalStore).noquote() << report.message;
    return report;
}

namespace {

// Since schema 3: referrals, so that an offline screen-pop still says where each stands.
const QStringList kReferralTables {
    u"CREATE TABLE referrals (id TEXT PRIMARY KEY, case_id TEXT NOT NULL, customer_id TEXT NOT NULL, "
    "payload BLOB NOT NULL)"_s,
    u"CREATE INDEX referrals_customer ON referrals (customer_id)"_s,
};

} // namespace

bool LocalStore::execInTransaction(const QStringList &statements)
{
    if (!m_db.transaction())
        return false;
    for (const QString &sql : statements) {
        if (!exec(sql)) {
            m_db.rollback();
            return false;
        }
    }
    return m_db.commit();
}

bool LocalStore::upgradeFrom2()
{
    // Schema 2 did not keep referrals: add them, and pull the feed again from the start to fill
    // them. The outbox, the sent log and the problems stay as they are.
    return execInTransaction(
        kReferralTables + QStringList { u"DELETE FROM meta WHERE key = 'cursor'"_s, u"PRAGMA user_version = 3"_s });
}

bool LocalStore::createSchema()
{
    const QStringList statements {
        u"CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)"_s,
        u"CREATE TABLE outbox (sequence INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE, "
        "base_version INTEGER NOT NULL, payload BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
        "next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', "
        "queued_at INTEGER NOT NULL)"_s,
        u"CREATE TABLE sent (sequence INTEGER PRIMARY KEY, mutation_id TEXT NOT NULL UNIQUE, "
        "base_version INTEGER NOT NULL, payload BLOB NOT NULL, queued_at INTEGER NOT NULL, "
        "applied_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX sent_applied ON sent (applied_at)"_s,
        u"CREATE TABLE problems (mutation_id TEXT PRIMARY KEY, kind INTEGER NOT NULL, detail TEXT NOT NULL, "
        "payload BLOB NOT NULL, server_version INTEGER NOT NULL, entity_id TEXT NOT NULL, at INTEGER NOT NULL)"_s,
        u"CREATE TABLE customers (id TEXT PRIMARY KEY, name_key TEXT NOT NULL, phones TEXT NOT NULL, "
        "payload BLOB NOT NULL, seen_at INTEGER NOT NULL)"_s,
        u"CREATE INDEX customers_seen ON customers (seen_at)"_s,
        u"CREATE TABLE cases (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, payload BLOB NOT NULL)"_s,
        u"CREATE INDEX cases_customer ON cases (customer_id)"_s,
        u"CREATE TABLE interactions (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, case_id TEXT NOT NULL, "
        "payload BLOB NOT NULL)"_s,
        u"CREATE INDEX interactions_customer ON interactions (customer_id)"_s,
    };
    return execInTransaction(statements + kReferralTables
                             + QStringList { u"PRAGMA user_version = %1"_s.arg(kSchemaVersion) });
}

QString LocalStore::meta(const QString &key)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
    query.addBindValue(key);
    if (query.exec() && query.next())
        return query.value(0).toString();
    return QString();
}

bool LocalStore::setMeta(const QString &key, const QString &value)
{
    QSqlQuery query(m_db);
    query.prepare(
        u"INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value"_s);
    query.addBindValue(key);
    query.addBindValue(notNull(value));
    if (!query.exec()) {
        qCWarning(lcLocalStore).noquote() << describe(query);
        return false;
    }
    return true;
}

bool LocalStore::enqueue(const QString &mutationId, qint64 baseVersion, const QByteArray &payload, qint64 nowMs)
{
    if (!isOpen())
        return false;
    QSqlQuery query(m_db);
    query.prepare(u"INSERT INTO outbox (mutation_id, base_version, payload, queued_at) VALUES (?, ?, ?, ?)"_s);
    query.addBindValue(mutationId);
    query.addBindValue(baseVersion);
    query.addBindValue(payload);
    query.addBindValue(nowMs);
    if (!query.exec()) {
        qCWarning(lcLocalStore).noquote() << describe(query);
        return false;
    }
    return true;
}

QList<LocalStore::OutboxEntry> LocalStore::dueOutbox(int limit, qint64 nowMs)
{
    QList<OutboxEntry> list;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT sequence, mutation_id, base_version, payload, attempts, next_attempt_at, last_error, "
                  "queued_at FROM outbox ORDER BY sequence LIMIT ?"_s);
    query.addBindValue(limit);
    if (!query.exec())
        return list;
    while (query.next()) {
        OutboxEntry entry;
        entry.sequence = query.value(0).toLongLong();
        entry.mutationId = query.value(1).toString();
        entry.baseVersion = query.value(2).toLongLong();
        entry.payload = query.value(3).toByteArray();
        entry.attempts = query.value(4).toInt();
        entry.nextAttemptMs = query.value(5).toLongLong();
        entry.lastError = query.value(6).toString();
        entry.queuedAtMs = query.value(7).toLongLong();
        if (entry.nextAttemptMs > nowMs)
            break; // keeps the order: nothing overtakes a change that waits
        list.append(entry);
    }
    return list;
}

int LocalStore::outboxCount()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT COUNT(*) FROM outbox"_s) && query.next() ? query.value(0).toInt() : 0;
}

std::optional<qint64> LocalStore::oldestQueuedMs()
{
    QSqlQuery query(m_db);
    if (query.exec(u"SELECT MIN(queued_at) FROM outbox"_s) && query.next() && !query.value(0).isNull())
        return query.value(0).toLongLong();
    return std::nullopt;
}

qint64 LocalStore::nextAttemptMs()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT next_attempt_at FROM outbox ORDER BY sequence LIMIT 1"_s) && query.next()
        ? query.value(0).toLongLong()
        : 0;
}

void LocalStore::markApplied(const QStringList &mutationIds, qint64 nowMs)
{
    if (mutationIds.isEmpty())
        return;
    m_db.transaction();
    QSqlQuery move(m_db);
    move.prepare(
        u"INSERT OR IGNORE INTO sent (sequence, mutation_id, base_version, payload, queued_at, applied_at) "
        "SELECT sequence, mutation_id, base_version, payload, queued_at, ? FROM outbox WHERE mutation_id = ?"_s);
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM outbox WHERE mutation_id = ?"_s);
    for (const QString &id : mutationIds) {
        move.addBindValue(nowMs);
        move.addBindValue(id);
        if (!move.exec())
            qCWarning(lcLocalStore).noquote() << describe(move);
        remove.addBindValue(id);
        remove.exec();
    }
    if (!m_db.commit())
        qCWarning(lcLocalStore).noquote() << "commit failed:" << m_db.lastError().text();
}

void LocalStore::markProblem(const Problem &problem)
{
    m_db.transaction();
    QSqlQuery insert(m_db);
    insert.prepare(
        u"INSERT OR REPLACE INTO problems (mutation_id, kind, detail, payload, server_version, entity_id, at) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    insert.addBindValue(problem.mutationId);
    insert.addBindValue(int(problem.kind));
    insert.addBindValue(notNull(problem.detail));
    insert.addBindValue(problem.payload.isNull() ? QByteArray("") : problem.payload);
    insert.addBindValue(problem.serverVersion);
    insert.addBindValue(notNull(problem.entityId));
    insert.addBindValue(problem.atMs);
    if (!insert.exec()) {
        // The change stays in the outbox rather than being lost.
        qCWarning(lcLocalStore).noquote() << describe(insert);
        m_db.rollback();
        return;
    }
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM outbox WHERE mutation_id = ?"_s);
    remove.addBindValue(problem.mutationId);
    remove.exec();
    m_db.commit();
}

void LocalStore::markAttemptFailed(const QStringList &mutationIds, const QString &error, qint64 nextAttemptMs)
{
    m_db.transaction();
    QSqlQuery update(m_db);
    update.prepare(
        u"UPDATE outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? WHERE mutation_id = ?"_s);
    for (const QString &id : mutationIds) {
        update.addBindValue(nextAttemptMs);
        update.addBindValue(notNull(error));
        update.addBindValue(id);
        update.exec();
    }
    m_db.commit();
}

QList<LocalStore::Problem> LocalStore::problems()
{
    QList<Problem> list;
    QSqlQuery query(m_db);
    if (!query.exec(
            u"SELECT mutation_id, kind, detail, payload, server_version, entity_id, at FROM problems ORDER BY at"_s))
        return list;
    while (query.next()) {
        Problem problem;
        problem.mutationId = query.value(0).toString();
        problem.kind = static_cast<ProblemKind>(query.value(1).toInt());
        problem.detail = query.value(2).toString();
        problem.payload = query.value(3).toByteArray();
        problem.serverVersion = query.value(4).toLongLong();
        problem.entityId = query.value(5).toString();
        problem.atMs = query.value(6).toLongLong();
        list.append(problem);
    }
    return list;
}

int LocalStore::problemCount()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT COUNT(*) FROM problems"_s) && query.next() ? query.value(0).toInt() : 0;
}

void LocalStore::dismissProblem(const QString &mutationId)
{
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM problems WHERE mutation_id = ?"_s);
    remove.addBindValue(mutationId);
    remove.exec();
}

bool LocalStore::retryProblem(const QString &mutationId, const QString &newMutationId, qint64 newBaseVersion,
                              const QByteArray &newPayload, qint64 nowMs)
{
    m_db.transaction();
    if (!enqueue(newMutationId, newBaseVersion, newPayload, nowMs)) {
        m_db.rollback();
        return false;
    }
    dismissProblem(mutationId);
    return m_db.commit();
}

QString LocalStore::cursor()
{
    return meta(u"cursor"_s);
}

QString LocalStore::serverEpoch()
{
    return meta(u"server_epoch"_s);
}

qint64 LocalStore::lastPulledMs()
{
    return meta(u"last_pulled_at"_s).toLongLong();
}

bool LocalStore::writeEntity(const CachedEntity &entity, qint64 nowMs)
{
    auto prepared = [this](std::unique_ptr<QSqlQuery> &query, const QString &sql) -> QSqlQuery & {
        if (!query) {
            query = std::make_unique<QSqlQuery>(m_db);
            query->prepare(sql);
        }
        return *query;
    };
    QSqlQuery *query = nullptr;
    switch (entity.type) {
    case EntityType::Customer:
        query = &prepared(m_writeCustomer,
                          u"INSERT INTO customers (id, name_key, phones, payload, seen_at) VALUES (?, ?, ?, ?, ?) "
                          "ON CONFLICT (id) DO UPDATE SET name_key = excluded.name_key, phones = excluded.phones, "
                          "payload = excluded.payload, seen_at = MAX(seen_at, excluded.seen_at)"_s);
        query->bindValue(0, entity.id);
        query->bindValue(1, searchKey(entity.name));
        query->bindValue(2, phonesColumn(entity.phones));
        query->bindValue(3, entity.payload);
        query->bindValue(4, nowMs);
        break;
    case EntityType::Case:
        query = &prepared(m_writeCase, u"INSERT OR REPLACE INTO cases (id, customer_id, payload) VALUES (?, ?, ?)"_s);
        query->bindValue(0, entity.id);
        query->bindValue(1, notNull(entity.customerId));
        query->bindValue(2, entity.payload);
        break;
    case EntityType::Interaction:
        query = &prepared(
            m_writeInteraction,
            u"INSERT OR REPLACE INTO interactions (id, customer_id, case_id, payload) VALUES (?, ?, ?, ?)"_s);
        query->bindValue(0, entity.id);
        query->bindValue(1, notNull(entity.customerId));
        query->bindValue(2, notNull(entity.caseId));
        query->bindValue(3, entity.payload);
        break;
    case EntityType::Referral: // the feed's referral names its case; the case, its customer
        query = &prepared(m_writeReferral,
                          u"INSERT OR REPLACE INTO referrals (id, case_id, customer_id, payload) VALUES (?, ?, "
                          "COALESCE(NULLIF(?, ''), (SELECT customer_id FROM cases WHERE id = ?), ''), ?)"_s);
        query->bindValue(0, entity.id);
        query->bindValue(1, notNull(entity.caseId));
        query->bindValue(2, notNull(entity.customerId));
        query->bindValue(3, notNull(entity.caseId));
        query->bindValue(4, entity.payload);
        break;
    }
    if (!query->exec()) {
        qCWarning(lcLocalStore).noquote() << describe(*query);
        return false;
    }
    return true;
}

bool LocalStore::applyPage(const QList<CachedEntity> &entities, const QString &nextCursor, const QString &epoch,
                           qint64 nowMs)
{
    if (!m_db.transaction())
        return false;
    if (!writeEntities(entities, nowMs)) {
        m_db.rollback();
        return false;
    }
    if (!setMeta(u"cursor"_s, nextCursor) || !setMeta(u"server_epoch"_s, epoch)
        || !setMeta(u"last_pulled_at"_s, QString::number(nowMs))) {
        m_db.rollback();
        return false;
    }
    evictBeyondLimit();
    return m_db.commit();
}

void LocalStore::evictBeyondLimit()
{
    QSqlQuery count(m_db);
    if (!count.exec(u"SELECT COUNT(*) FROM customers"_s) || !count.next())
        return;
    const int excess = count.value(0).toInt() - m_maxCustomers;
    count.finish();
    if (excess <= 0)
        return;
    // The customers seen longest ago go first, with their cases and contacts.
    exec(u"CREATE TEMP TABLE IF NOT EXISTS evicted (id TEXT PRIMARY KEY)"_s);
    exec(u"DELETE FROM evicted"_s);
    exec(u"INSERT INTO evicted SELECT id FROM customers ORDER BY seen_at, rowid LIMIT %1"_s.arg(excess));
    exec(u"DELETE FROM interactions WHERE customer_id IN (SELECT id FROM evicted)"_s);
    exec(u"DELETE FROM referrals WHERE customer_id IN (SELECT id FROM evicted)"_s);
    exec(u"DELETE FROM cases WHERE customer_id IN (SELECT id FROM evicted)"_s);
    exec(u"DELETE FROM customers WHERE id IN (SELECT id FROM evicted)"_s);
}

bool LocalStore::writeEntities(const QList<CachedEntity> &entities, qint64 nowMs)
{
    for (const CachedEntity &entity : entities) {
        if (!writeEntity(entity, nowMs))
            return false;
    }
    return true;
}

bool LocalStore::cacheEntities(const QList<CachedEntity> &entities, qint64 nowMs)
{
    if (!m_db.transaction())
        return false;
    if (!writeEntities(entities, nowMs)) {
        m_db.rollback();
        return false;
    }
    evictBeyondLimit();
    return m_db.commit();
}

int LocalStore::resetForNewEpoch(const QString &epoch)
{
    m_db.transaction();
    // Back into the outbox with their first sequence, so they go out before newer changes.
    QSqlQuery count(m_db);
    const int resent = count.exec(u"SELECT COUNT(*) FROM sent"_s) && count.next() ? count.value(0).toInt() : 0;
    count.finish();
    exec(u"INSERT OR IGNORE INTO outbox (sequence, mutation_id, base_version, payload, queued_at) "
         "SELECT sequence, mutation_id, base_version, payload, queued_at FROM sent"_s);
    exec(u"DELETE FROM sent"_s);
    exec(u"UPDATE outbox SET next_attempt_at = 0"_s);
    exec(u"DELETE FROM customers"_s);
    exec(u"DELETE FROM cases"_s);
    exec(u"DELETE FROM interactions"_s);
    exec(u"DELETE FROM referrals"_s);
    setMeta(u"cursor"_s, QString());
    setMeta(u"server_epoch"_s, epoch);
    m_db.commit();
    return resent;
}

void LocalStore::pruneSent(qint64 olderThanMs)
{
    QSqlQuery remove(m_db);
    remove.prepare(u"DELETE FROM sent WHERE applied_at < ?"_s);
    remove.addBindValue(olderThanMs);
    remove.exec();
}

int LocalStore::sentCount()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT COUNT(*) FROM sent"_s) && query.next() ? query.value(0).toInt() : 0;
}

QString LocalStore::lastSentMutationId()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT mutation_id FROM sent ORDER BY applied_at DESC, sequence DESC LIMIT 1"_s) && query.next()
        ? query.value(0).toString()
        : QString();
}

std::optional<LocalStore::CachedEntity> LocalStore::customerByPhone(const QString &e164)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, id, payload FROM customers WHERE phones LIKE ? ORDER BY seen_at DESC LIMIT 1"_s);
    query.addBindValue(QString(u"% "_s + e164 + u" %"_s));
    if (query.exec() && query.next())
        return entityFrom(query, EntityType::Customer);
    return std::nullopt;
}

std::optional<LocalStore::CachedEntity> LocalStore::customer(const QString &id)
{
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, id, payload FROM customers WHERE id = ?"_s);
    query.addBindValue(id);
    if (query.exec() && query.next())
        return entityFrom(query, EntityType::Customer);
    return std::nullopt;
}

QList<LocalStore::CachedEntity> LocalStore::entitiesOf(EntityType type, const QString &customerId)
{
    // Interactions and referrals name their case; cases are their own.
    const bool named = type != EntityType::Case;
    const QString table = type == EntityType::Case ? u"cases"_s
        : type == EntityType::Interaction          ? u"interactions"_s
                                                   : u"referrals"_s;
    QList<CachedEntity> list;
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, customer_id, payload%1 FROM %2 WHERE customer_id = ? ORDER BY rowid"_s.arg(
        named ? u", case_id"_s : QString(), table));
    query.addBindValue(customerId);
    if (query.exec()) {
        while (query.next()) {
            CachedEntity entity = entityFrom(query, type);
            if (named)
                entity.caseId = query.value(3).toString();
            list.append(entity);
        }
    }
    return list;
}

QList<LocalStore::CachedEntity> LocalStore::searchCustomers(const QString &text, int limit)
{
    // Candidates that share a word with the query (strictly or loosely), then ranked as the
    // server ranks (core/namequery): exact name, every word, every word as a prefix, similar,
    // partial; most recently seen first within each.
    QList<CachedEntity> list;
    const NameQuery name(text);
    if (name.isEmpty() || limit <= 0)
        return list;
    QStringList conditions;
    QStringList patterns;
    for (const QString &word : name.words()) {
        conditions << u"(' ' || name_key) LIKE ?"_s;
        patterns << u"% "_s + word + u'%'; // a word of the name starts with the word typed
    }
    for (const QString &word : name.looseWords()) {
        conditions << u"name_key LIKE ?"_s;
        patterns << u'%' + word + u'%'; // loose words lose the article, hamza...: anywhere
    }
    QSqlQuery query(m_db);
    query.prepare(u"SELECT id, id, payload, name_key FROM customers WHERE "_s + conditions.join(u" OR "_s)
                  + u" ORDER BY seen_at DESC LIMIT ?"_s);
    for (const QString &pattern : std::as_const(patterns))
        query.addBindValue(pattern);
    query.addBindValue(std::max(limit * 20, 200));
    QList<std::pair<SearchMatch, CachedEntity>> ranked;
    if (query.exec()) {
        while (query.next()) {
            const QString nameKey = query.value(3).toString();
            const SearchMatch match = name.match(nameKey, looseKey(nameKey));
            if (match != SearchMatch::Unspecified)
                ranked.append({ match, entityFrom(query, EntityType::Customer) });
        }
    }
    std::stable_sort(ranked.begin(), ranked.end(),
                     [](const auto &a, const auto &b) { return int(a.first) < int(b.first); });
    for (qsizetype i = 0; i < ranked.size() && i < limit; ++i)
        list.append(ranked.at(i).second);
    return list;
}

int LocalStore::cachedCustomers()
{
    QSqlQuery query(m_db);
    return query.exec(u"SELECT COUNT(*) FROM customers"_s) && query.next() ? query.value(0).toInt() : 0;
}

} // namespace sanad::client

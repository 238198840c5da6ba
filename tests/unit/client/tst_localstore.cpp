#include "client/localstore.h"

#include <QFile>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad::client;
using namespace Qt::StringLiterals;

// The desktop's local store on its own: the outbox keeps order and survives a reopen, answers
// move changes to sent or problems, a new epoch sends everything again, pages and cursor go
// together, the cache stays within its limit.
class TestLocalStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init() { m_dir = std::make_unique<QTemporaryDir>(); }
    void newFileIsPrivate();
    void outboxKeepsOrderAcrossReopen();
    void backoffHoldsTheQueueInOrder();
    void answersMoveEntries();
    void newEpochSendsEverythingAgain();
    void pageAndCursorTogether();
    void cacheStaysWithinItsLimit();
    void offlineLookups();
    void twoStoresInOneProcess();
    void referralsFollowTheirCustomer();
    void schema2GainsReferralsAndKeepsTheWork();

private:
    QString path() const { return m_dir->filePath(u"local.db"_s); }
    static LocalStore::CachedEntity customer(const QString &id, const QString &name, const QString &phone)
    {
        LocalStore::CachedEntity entity;
        entity.type = LocalStore::EntityType::Customer;
        entity.id = id;
        entity.customerId = id;
        entity.name = name;
        entity.phones = { phone };
        entity.payload = id.toUtf8();
        return entity;
    }
    std::unique_ptr<QTemporaryDir> m_dir;
};

void TestLocalStore::newFileIsPrivate()
{
    LocalStore store;
    QCOMPARE(store.open(path()).outcome, LocalStore::OpenOutcome::Created);
    QCOMPARE(QFile::permissions(path()) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestLocalStore::outboxKeepsOrderAcrossReopen()
{
    {
        LocalStore store;
        store.open(path());
        for (int i = 0; i < 5; ++i)
            QVERIFY(store.enqueue(u"m%1"_s.arg(i), i, QByteArray::number(i), 1000 + i));
        QVERIFY(!store.enqueue(u"m1"_s, 0, "again", 2000)); // a mutation id is queued once
    }
    LocalStore store;
    QCOMPARE(store.open(path()).outcome, LocalStore::OpenOutcome::Opened);
    const QList<LocalStore::OutboxEntry> due = store.dueOutbox(10, 5000);
    QCOMPARE(due.size(), 5);
    for (int i = 0; i < 5; ++i) {
        QCOMPARE(due.at(i).mutationId, u"m%1"_s.arg(i));
        QCOMPARE(due.at(i).baseVersion, i);
        QCOMPARE(due.at(i).payload, QByteArray::number(i));
    }
    QCOMPARE(store.oldestQueuedMs(), 1000);
}

void TestLocalStore::backoffHoldsTheQueueInOrder()
{
    LocalStore store;
    store.open(path());
    store.enqueue(u"a"_s, 0, "a", 1);
    store.enqueue(u"b"_s, 0, "b", 2);
    store.markAttemptFailed({ u"a"_s }, u"unreachable"_s, 10000);
    QVERIFY(store.dueOutbox(10, 5000).isEmpty()); // b does not overtake a
    QCOMPARE(store.nextAttemptMs(), 10000);
    QCOMPARE(store.dueOutbox(10, 10000).size(), 2);
    QCOMPARE(store.dueOutbox(10, 10000).constFirst().attempts, 1);
    QCOMPARE(store.dueOutbox(10, 10000).constFirst().lastError, u"unreachable"_s);
}

void TestLocalStore::answersMoveEntries()
{
    LocalStore store;
    store.open(path());
    store.enqueue(u"a"_s, 0, "a", 1);
    store.enqueue(u"b"_s, 3, "b", 2);
    store.enqueue(u"c"_s, 0, "c", 3);
    QCOMPARE(store.lastSentMutationId(), QString());
    store.markApplied({ u"a"_s }, 10);
    QCOMPARE(store.lastSentMutationId(), u"a"_s); // what a pull names, for a restored server to notice
    LocalStore::Problem conflict;
    conflict.mutationId = u"b"_s;
    conflict.kind = LocalStore::ProblemKind::Conflict;
    conflict.detail = u"someone changed it"_s;
    conflict.payload = "b";
    conflict.serverVersion = 4;
    store.markProblem(conflict);
    QCOMPARE(store.outboxCount(), 1);
    QCOMPARE(store.sentCount(), 1);
    QCOMPARE(store.problemCount(), 1);
    QCOMPARE(store.problems().constFirst().serverVersion, 4);
    // The agent keeps theirs: a new mutation at the end of the outbox, on the server's version.
    QVERIFY(store.retryProblem(u"b"_s, u"b2"_s, 4, "b2", 20));
    QCOMPARE(store.problemCount(), 0);
    const QList<LocalStore::OutboxEntry> due = store.dueOutbox(10, 100);
    QCOMPARE(due.size(), 2);
    QCOMPARE(due.at(1).mutationId, u"b2"_s);
    QCOMPARE(due.at(1).baseVersion, 4);
}

void TestLocalStore::newEpochSendsEverythingAgain()
{
    LocalStore store;
    store.open(path());
    store.enqueue(u"a"_s, 0, "a", 1);
    store.enqueue(u"b"_s, 0, "b", 2);
    store.markApplied({ u"a"_s }, 10);
    QVERIFY(store.applyPage({ customer(u"c1"_s, u"سالم"_s, u"+96891234567"_s) }, u"cursor-1"_s, u"epoch-1"_s, 10));
    store.enqueue(u"c"_s, 0, "c", 3);
    QCOMPARE(store.resetForNewEpoch(u"epoch-2"_s), 1);
    QCOMPARE(store.serverEpoch(), u"epoch-2"_s);
    QCOMPARE(store.lastSentMutationId(), QString()); // sent again: nothing to check until answered
    QCOMPARE(store.cursor(), QString());
    QCOMPARE(store.cachedCustomers(), 0);
    QStringList order;
    for (const LocalStore::OutboxEntry &entry : store.dueOutbox(10, 100))
        order << entry.mutationId;
    QCOMPARE(order, (QStringList { u"a"_s, u"b"_s, u"c"_s })); // the applied one first, as it was made
    store.markApplied({ u"a"_s }, 10);
    store.pruneSent(11);
    QCOMPARE(store.sentCount(), 0);
}

void TestLocalStore::pageAndCursorTogether()
{
    LocalStore store;
    store.open(path());
    QVERIFY(store.applyPage({ customer(u"c1"_s, u"سالم"_s, u"+96891234567"_s) }, u"cursor-1"_s, u"e"_s, 10));
    QCOMPARE(store.cursor(), u"cursor-1"_s);
    QCOMPARE(store.lastPulledMs(), 10);
    // A page that cannot be written leaves the cursor where it was, so it is pulled again.
    LocalStore::CachedEntity broken = customer(u"c2"_s, u"x"_s, u"+96891234568"_s);
    broken.payload = QByteArray(); // NULL into a NOT NULL column: the write fails
    QVERIFY(!store.applyPage({ customer(u"c3"_s, u"y"_s, u"+96891234569"_s), broken }, u"cursor-2"_s, u"e"_s, 20));
    QCOMPARE(store.cursor(), u"cursor-1"_s);
    QVERIFY(!store.customer(u"c3"_s));
}

void TestLocalStore::cacheStaysWithinItsLimit()
{
    LocalStore store;
    store.open(path());
    store.setCacheLimit(3);
    for (int i = 0; i < 5; ++i) {
        LocalStore::CachedEntity kase;
        kase.type = LocalStore::EntityType::Case;
        kase.id = u"k%1"_s.arg(i);
        kase.customerId = u"c%1"_s.arg(i);
        kase.payload = "k";
        QVERIFY(store.applyPage({ customer(u"c%1"_s.arg(i), u"name"_s, u"+9689123456%1"_s.arg(i)), kase },
                                u"cursor-%1"_s.arg(i), u"e"_s, 100 + i));
    }
    QCOMPARE(store.cachedCustomers(), 3);
    QVERIFY(!store.customer(u"c0"_s)); // seen longest ago
    QVERIFY(store.casesOf(u"c0"_s).isEmpty());
    QVERIFY(store.customer(u"c4"_s));
    QCOMPARE(store.casesOf(u"c4"_s).size(), 1);
}

void TestLocalStore::offlineLookups()
{
    LocalStore store;
    store.open(u":memory:"_s);
    store.cacheEntities({ customer(u"c1"_s, u"إيمان البلوشي"_s, u"+96891234567"_s) }, 10);
    store.cacheEntities({ customer(u"c2"_s, u"سالم الكندي"_s, u"+96891234568"_s) }, 20);
    QCOMPARE(store.customerByPhone(u"+96891234567"_s)->id, u"c1"_s);
    QVERIFY(!store.customerByPhone(u"+9689123456"_s)); // a whole number, not a prefix
    QCOMPARE(store.searchCustomers(u"ايمان البلوشى"_s, 10).size(), 1); // as agents type it
    QCOMPARE(store.searchCustomers(u"سال"_s, 10).constFirst().id, u"c2"_s);
    QVERIFY(store.searchCustomers(u"خالد"_s, 10).isEmpty());
    // Ranked as the server ranks (core/namequery), not only by who was seen last: the whole
    // name before a namesake seen more recently, and a loose spelling still found.
    store.cacheEntities({ customer(u"c3"_s, u"سالم بن سعيد"_s, u"+96891234569"_s) }, 30);
    const QList<LocalStore::CachedEntity> found = store.searchCustomers(u"سالم الكندي"_s, 10);
    QCOMPARE(found.size(), 2);
    QCOMPARE(found.at(0).id, u"c2"_s); // the whole name
    QCOMPARE(found.at(1).id, u"c3"_s); // one word of it
    QCOMPARE(store.searchCustomers(u"سالم كندي"_s, 10).constFirst().id, u"c2"_s); // without the article
}

void TestLocalStore::twoStoresInOneProcess()
{
    // Two desktops' clients in one process (tests, tools): each store keeps its own connection.
    LocalStore first;
    LocalStore second;
    first.open(path());
    second.open(m_dir->filePath(u"other.db"_s));
    QVERIFY(first.enqueue(u"a"_s, 0, "a", 1));
    QVERIFY(second.enqueue(u"b"_s, 0, "b", 1));
    QCOMPARE(first.outboxCount(), 1);
    QCOMPARE(second.outboxCount(), 1);
    QCOMPARE(first.dueOutbox(10, 10).constFirst().mutationId, u"a"_s);
}

void TestLocalStore::referralsFollowTheirCustomer()
{
    // The feed names a referral's case only: the store finds the customer through the case.
    LocalStore store;
    store.open(path());
    store.setCacheLimit(1);
    LocalStore::CachedEntity kase;
    kase.type = LocalStore::EntityType::Case;
    kase.id = u"k1"_s;
    kase.customerId = u"c1"_s;
    kase.payload = "k";
    LocalStore::CachedEntity referral;
    referral.type = LocalStore::EntityType::Referral;
    referral.id = u"r1"_s;
    referral.caseId = u"k1"_s;
    referral.payload = "r-v1";
    QVERIFY(store.applyPage({ customer(u"c1"_s, u"name"_s, u"+96891234561"_s), kase, referral }, u"cursor-1"_s, u"e"_s,
                            100));
    referral.payload = "r-v2"; // the referral changed (its owner, its status)
    QVERIFY(store.applyPage({ referral }, u"cursor-2"_s, u"e"_s, 101));
    const QList<LocalStore::CachedEntity> referrals = store.referralsOf(u"c1"_s);
    QCOMPARE(referrals.size(), 1);
    QCOMPARE(referrals.constFirst().caseId, u"k1"_s);
    QCOMPARE(referrals.constFirst().payload, QByteArray("r-v2"));
    // Another customer seen later pushes c1 out of the cache, with her referral.
    QVERIFY(store.applyPage({ customer(u"c2"_s, u"name"_s, u"+96891234562"_s) }, u"cursor-3"_s, u"e"_s, 102));
    QVERIFY(store.referralsOf(u"c1"_s).isEmpty());
}

void TestLocalStore::schema2GainsReferralsAndKeepsTheWork()
{
    {
        // A store of the previous desktop (schema 2): a waiting change, a conflict, a cursor.
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"schema2"_s);
        db.setDatabaseName(path());
        QVERIFY(db.open());
        QSqlQuery q(db);
        for (const char *sql :
             { "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)",
               "CREATE TABLE outbox (sequence INTEGER PRIMARY KEY AUTOINCREMENT, mutation_id TEXT NOT NULL UNIQUE, "
               "base_version INTEGER NOT NULL, payload BLOB NOT NULL, attempts INTEGER NOT NULL DEFAULT 0, "
               "next_attempt_at INTEGER NOT NULL DEFAULT 0, last_error TEXT NOT NULL DEFAULT '', "
               "queued_at INTEGER NOT NULL)",
               "CREATE TABLE sent (sequence INTEGER PRIMARY KEY, mutation_id TEXT NOT NULL UNIQUE, "
               "base_version INTEGER NOT NULL, payload BLOB NOT NULL, queued_at INTEGER NOT NULL, "
               "applied_at INTEGER NOT NULL)",
               "CREATE TABLE problems (mutation_id TEXT PRIMARY KEY, kind INTEGER NOT NULL, detail TEXT NOT NULL, "
               "payload BLOB NOT NULL, server_version INTEGER NOT NULL, entity_id TEXT NOT NULL, at INTEGER NOT NULL)",
               "CREATE TABLE customers (id TEXT PRIMARY KEY, name_key TEXT NOT NULL, phones TEXT NOT NULL, "
               "payload BLOB NOT NULL, seen_at INTEGER NOT NULL)",
               "CREATE TABLE cases (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, payload BLOB NOT NULL)",
               "CREATE TABLE interactions (id TEXT PRIMARY KEY, customer_id TEXT NOT NULL, case_id TEXT NOT NULL, "
               "payload BLOB NOT NULL)",
               "INSERT INTO meta VALUES ('cursor', 'old-cursor')",
               "INSERT INTO outbox (mutation_id, base_version, payload, queued_at) VALUES ('waiting', 0, 'w', 1)",
               "INSERT INTO problems VALUES ('conflicted', 1, 'someone changed it', 'p', 4, 'k1', 2)",
               "PRAGMA user_version = 2" })
            QVERIFY2(q.exec(QString::fromLatin1(sql)), sql);
        q.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"schema2"_s);
    LocalStore store;
    QCOMPARE(store.open(path()).outcome, LocalStore::OpenOutcome::Opened); // upgraded in place
    QCOMPARE(store.outboxCount(), 1);
    QCOMPARE(store.problemCount(), 1); // the agent's decision still waits
    QCOMPARE(store.cursor(), QString()); // pulled again, to fill the referrals
    QVERIFY(store.referralsOf(u"c1"_s).isEmpty());
}

QTEST_GUILESS_MAIN(TestLocalStore)
#include "tst_localstore.moc"

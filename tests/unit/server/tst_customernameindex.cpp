// The name search index (server/storage/customernameindex.h): kept in step with customers by
// every write, equal to what a rebuild derives, filled by the migration that introduced it, and
// read newest contact first.
#include "core/arabictext.h"
#include "server/demo/demodataset.h"
#include "server/storage/customernameindex.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/migrations.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storage.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

namespace {

v1::Customer customer(const QString &id, const QString &name, qint64 lastContact = 0)
{
    v1::Customer c;
    c.set_id(toStd(id));
    c.set_name(toStd(name));
    c.add_phones(toStd(u"+9689"_s + id.right(7).rightJustified(7, u'0')));
    setTimestampMs(c.mutable_created_at(), 1000);
    if (lastContact > 0)
        setTimestampMs(c.mutable_last_contact_at(), lastContact);
    return c;
}

QStringList rows(Database &database, const QString &sql)
{
    QStringList out;
    SqlQuery query(database.connection(), sql);
    query.exec();
    while (query.next()) {
        QStringList fields;
        for (int i = 0; i < 5 && query.value(i).isValid(); ++i)
            fields << query.text(i);
        out << fields.join(u'|');
    }
    return out;
}

QStringList indexRows(Database &database)
{
    return rows(database,
                u"SELECT token, last_contact_at, customer_id, name_key, loose_key FROM customer_name_tokens "
                "ORDER BY token, last_contact_at, customer_id"_s)
        + rows(database, u"SELECT token, loose_token, customers FROM customer_name_words ORDER BY token"_s);
}

QStringList ids(const CustomerNameIndex::Scan &scan)
{
    QStringList out;
    for (const CustomerNameIndex::Hit &hit : scan.hits)
        out << hit.customerId;
    return out;
}

using Condition = CustomerNameIndex::Condition;

} // namespace

class TestCustomerNameIndex : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesKeepTheIndexAsARebuildWouldMakeIt();
    void scansReadTheNewestContactFirst();
    void wordsOfAPrefix();
    void seedingIndexesEveryCustomer();
    void migrationIndexesExistingCustomers();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestCustomerNameIndex::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = Database::open(u"sqlite:"_s + m_dir->filePath(u"sanad.db"_s), 1000);
}

void TestCustomerNameIndex::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestCustomerNameIndex::writesKeepTheIndexAsARebuildWouldMakeIt()
{
    {
        Transaction transaction(*m_database);
        CustomerRepository customers(*m_database);
        customers.insert(customer(u"c1"_s, u"إيمان البلوشي"_s, 5000));
        customers.insert(customer(u"c2"_s, u"محمد بن محمد الحارثي"_s)); // a word twice
        customers.insert(customer(u"c3"_s, u"عبد الرحمن علاء"_s, 7000));
        customers.insert(customer(u"c4"_s, u"ء"_s)); // nothing left of it in the loose key
        customers.touchLastContact(u"c2"_s, 9000);
        customers.touchLastContact(u"c1"_s, 3000); // older: ignored
        customers.touchLastContact(u"c1"_s, 8000);
        transaction.commit();
    }
    const QStringList written = indexRows(*m_database);
    // Keys between spaces, so that the scans find " word " and " prefix" with a plain instr().
    QVERIFY(written.contains(u"محمد|9000|c2| محمد بن محمد الحارثي | محمد بن محمد حارثي "_s));
    QVERIFY(written.contains(u"البلوشي|8000|c1| ايمان البلوشي | ايمان بلوشي "_s));
    QVERIFY(written.contains(u"عبدالرحمن|7000|c3| عبدالرحمن علاء | عبدالرحمن علا "_s));
    QVERIFY(written.contains(u"محمد|محمد|1"_s)); // one customer, though twice in the name
    QVERIFY(written.contains(u"الحارثي|حارثي|1"_s));
    {
        Transaction transaction(*m_database);
        CustomerNameIndex::rebuild(*m_database);
        transaction.commit();
    }
    QCOMPARE(indexRows(*m_database), written);
}

void TestCustomerNameIndex::scansReadTheNewestContactFirst()
{
    Transaction transaction(*m_database);
    CustomerRepository customers(*m_database);
    customers.insert(customer(u"a1"_s, u"سالم الكندي"_s, 100));
    customers.insert(customer(u"a2"_s, u"سالم بن علي الكندي"_s, 300));
    customers.insert(customer(u"a3"_s, u"سالمة الكندي"_s, 200));
    customers.insert(customer(u"a4"_s, u"سالم السيابي"_s, 400));
    CustomerNameIndex index(*m_database);
    QCOMPARE(ids(index.scan({ u"سالم"_s }, { Condition { u"الكندي"_s, {}, true } }, 10)),
             (QStringList { u"a2"_s, u"a1"_s }));
    QCOMPARE(ids(index.scan({ u"سالم"_s, u"سالمه"_s }, { Condition { u"الكن"_s, {}, false } }, 10)),
             (QStringList { u"a2"_s, u"a3"_s, u"a1"_s }));
    const CustomerNameIndex::Scan cut = index.scan({ u"سالم"_s }, {}, 2);
    QCOMPARE(ids(cut), (QStringList { u"a4"_s, u"a2"_s }));
    QVERIFY(!cut.complete);
    QVERIFY(index.scan({ u"سالم"_s }, {}, 4).complete);
    QCOMPARE(ids(index.scan({ u"الكندي"_s }, { Condition { {}, u"سالم"_s, false } }, 10)),
             (QStringList { u"a2"_s, u"a3"_s, u"a1"_s }));
    // Either form: a word of the key or of the loose key.
    QCOMPARE(ids(index.scan({ u"سالم"_s }, { Condition { u"كندي"_s, u"كندي"_s, false } }, 10)),
             (QStringList { u"a2"_s, u"a1"_s }));
    QCOMPARE(ids(index.scan({ u"سالم"_s }, { Condition { u"كندي"_s, {}, false } }, 10)), QStringList());
    // The user's text is bound, never part of the SQL.
    QCOMPARE(ids(index.scan({ u"'"_s }, { Condition { u"%"_s, {}, false } }, 10)), QStringList());
}

void TestCustomerNameIndex::wordsOfAPrefix()
{
    Transaction transaction(*m_database);
    CustomerRepository customers(*m_database);
    customers.insert(customer(u"b1"_s, u"محمد"_s));
    customers.insert(customer(u"b2"_s, u"محمد المحروقي"_s));
    customers.insert(customer(u"b3"_s, u"محمود"_s));
    CustomerNameIndex index(*m_database);
    const QList<CustomerNameIndex::Word> words = index.wordsStartingWith(u"مح"_s);
    QCOMPARE(words.size(), 2);
    QCOMPARE(words[0].word, u"محمد"_s); // the most common first
    QCOMPARE(words[0].customers, 2);
    QCOMPARE(index.wordsWithLooseFormStartingWith(u"محر"_s).value(0).word, u"المحروقي"_s);
    QCOMPARE(index.customersWithWord(u"محمود"_s), 1);
    QCOMPARE(index.customersWithWord(u"محم"_s), 0);
    QCOMPARE(CustomerNameIndex::prefixBound(u"ab"_s), u"ac"_s);
    QCOMPARE(CustomerNameIndex::prefixBound(u"+9689123"_s), u"+9689124"_s);
}

void TestCustomerNameIndex::seedingIndexesEveryCustomer()
{
    DemoOptions options;
    options.customers = 200;
    options.maxInteractionsPerCustomer = 2;
    options.nowMs = 1'780'000'000'000;
    options.users = false;
    Storage(*m_database).seed(generateDemoDataset(options), {}, options.nowMs);
    const QStringList seeded = indexRows(*m_database);
    QVERIFY(seeded.size() > 400);
    // Every customer with a name is in the index, at its last contact.
    QCOMPARE(rows(*m_database,
                  u"SELECT COUNT(*) FROM customers c WHERE NOT EXISTS (SELECT 1 FROM "
                  "customer_name_tokens t WHERE t.customer_id = c.id AND "
                  "t.last_contact_at = c.last_contact_at)"_s),
             QStringList { u"0"_s });
    Transaction transaction(*m_database);
    CustomerNameIndex::rebuild(*m_database);
    transaction.commit();
    QCOMPARE(indexRows(*m_database), seeded);
}

void TestCustomerNameIndex::migrationIndexesExistingCustomers()
{
    // A database of the schema before name search: migration 1 only, customers without loose keys.
    const QString url = u"sqlite:"_s + m_dir->filePath(u"old.db"_s);
    {
        auto database = Database::open(url, 1000);
        const QSqlDatabase db = database->connection();
        for (const QString &sql :
             { // Undo the case lifecycle's migration, which came later.
              u"DROP TABLE case_lifecycle"_s, u"DROP INDEX cases_category_opened"_s, u"DROP INDEX referrals_due"_s,
              u"ALTER TABLE referrals DROP COLUMN overdue_raised_at"_s, u"DROP TABLE wrap_ups"_s,
              u"DROP TABLE callback_tasks"_s,
              u"DROP TABLE customer_name_tokens"_s, u"DROP TABLE customer_name_words"_s,
               u"DROP INDEX customers_name_key"_s, u"ALTER TABLE customers DROP COLUMN loose_key"_s,
               u"DELETE FROM schema_version WHERE version >= 2"_s,
               u"INSERT INTO customers (id, name, name_key, created_at, updated_at, last_contact_at) VALUES "
               "('old1', 'أحمد البلوشي', 'stale', 1, 1, 50), ('old2', 'Salma Al Harthy', '', 1, 1, 0)"_s })
            execSql(db, sql);
        QCOMPARE(Migrations::currentVersion(*database), 1);
    }
    auto database = Database::open(url, 2000);
    QCOMPARE(Migrations::currentVersion(*database), Migrations::latestVersion());
    QCOMPARE(rows(*database, u"SELECT id, name_key, loose_key FROM customers ORDER BY id"_s),
             (QStringList { u"old1|احمد البلوشي|احمد بلوشي"_s, u"old2|salma al harthy|salma al harthy"_s }));
    CustomerNameIndex index(*database);
    QCOMPARE(ids(index.scan({ u"احمد"_s }, { Condition { u"البلوشي"_s, {}, true } }, 10)), QStringList { u"old1"_s });
    QCOMPARE(index.customersWithWord(u"harthy"_s), 1);
}

QTEST_GUILESS_MAIN(TestCustomerNameIndex)
#include "tst_customernameindex.moc"

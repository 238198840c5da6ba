#include "server/auth/passwordhasher.h"
#include "server/demo/demodataset.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/referralrepository.h"
#include "server/storage/storage.h"
#include "server/storage/storageerror.h"
#include "server/storage/syncrepository.h"
#include "server/storage/userrepository.h"

#include <QDateTime>
#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

namespace {

qint64 at(int year, int month, int day)
{
    return QDateTime(QDate(year, month, day), QTime(9, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestSeed : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void writesEveryEntity();
    void failureWritesNothing();
    void demoDataset();

private:
    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestSeed::init()
{
    QVERIFY(PasswordHasher::initialize());
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = Database::open(u"sqlite:"_s + m_dir->filePath(u"sanad.db"_s), at(2026, 6, 1));
}

void TestSeed::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestSeed::writesEveryEntity()
{
    DemoDataset data;
    data.users = { { u"agent1"_s, u"مريم"_s, Role::Agent }, { u"cti"_s, u"PBX"_s, Role::Cti } };
    data.customers
        = { { u"c1"_s,
              u"أحمد البلوشي"_s,
              { u"+96891234567"_s, u"+96824123456"_s },
              u"مسقط"_s,
              u"123"_s,
              QString(),
              at(2024, 1, 1) },
            { u"c2"_s, u"Salma"_s, { u"+96891234567"_s }, u"Sohar"_s, QString(), QString(), at(2024, 2, 1) } };
    data.verifications = { { u"c1"_s, u"national_id"_s, at(2025, 1, 1), u"مريم"_s },
                           { u"c1"_s, u"one_time_code"_s, at(2026, 1, 1), u"مريم"_s } };
    // Listed out of order: numbers follow the opening time, per year.
    data.cases = { { u"k3"_s, u"c1"_s, u"water.supply_cut"_s, CaseStatus::New, Priority::High, QString(), QString(),
                     at(2026, 5, 1) },
                   { u"k1"_s, u"c1"_s, u"bank.card"_s, CaseStatus::Closed, Priority::Normal, QString(), QString(),
                     at(2025, 3, 1), at(2025, 3, 5), at(2025, 3, 5), false },
                   { u"k2"_s, u"c2"_s, u"water.supply_cut"_s, CaseStatus::InProgress, Priority::Normal, QString(),
                     QString(), at(2026, 1, 10) } };
    data.interactions = { { u"i1"_s, u"c1"_s, u"k3"_s, Channel::Voice, Direction::Inbound, at(2026, 5, 1), u"مريم"_s,
                            u"x"_s, QString() },
                          { u"i2"_s, u"c1"_s, QString(), Channel::Sms, Direction::Outbound, at(2026, 5, 20), u"مريم"_s,
                            u"y"_s, u"general.inquiry"_s },
                          { u"i3"_s, u"c2"_s, u"k2"_s, Channel::WhatsApp, Direction::Inbound, at(2026, 1, 10),
                            QString(), QString(), QString() } };
    data.referrals = { { u"r1"_s, u"k3"_s, u"Water network operations"_s, u"Eng. Said"_s, at(2026, 5, 1),
                         at(2026, 5, 3), ReferralStatus::Open } };
    data.featuredPhones = { u"+96891234567"_s };

    Storage storage(*m_database);
    QVERIFY(storage.isEmpty());
    const QString hash = PasswordHasher::hash(u"correct horse"_s);
    const SeedSummary summary = storage.seed(data, { { u"agent1"_s, hash } }, at(2026, 6, 1));
    QCOMPARE(summary.users, 2);
    QCOMPARE(summary.customers, 2);
    QCOMPARE(summary.cases, 3);
    QCOMPARE(summary.interactions, 3);
    QCOMPARE(summary.referrals, 1);
    QVERIFY(!storage.isEmpty());
    QCOMPARE(storage.featuredPhones(), data.featuredPhones);

    UserRepository users(*m_database);
    QVERIFY(PasswordHasher::verify(users.findByUsername(u"agent1"_s)->passwordHash, u"correct horse"_s));
    // No hash given: no password opens the account.
    QVERIFY(!PasswordHasher::verify(users.findByUsername(u"cti"_s)->passwordHash, QString()));
    QCOMPARE(users.findByUsername(u"cti"_s)->role, Role::Cti);

    CaseRepository cases(*m_database);
    QCOMPARE(cases.find(u"k1"_s)->number(), "SN-2025-000001");
    QCOMPARE(cases.find(u"k2"_s)->number(), "SN-2026-000001");
    QCOMPARE(cases.find(u"k3"_s)->number(), "SN-2026-000002");
    QCOMPARE(cases.find(u"k1"_s)->status(), v1::CASE_STATUS_CLOSED);
    QVERIFY(!cases.find(u"k1"_s)->customer_confirmed());

    CustomerRepository customers(*m_database);
    // The shared number belongs to the most recently contacted customer.
    QCOMPARE(customers.idByPhone(u"+96891234567"_s), u"c1"_s);
    QCOMPARE(customers.idsByPhone(u"+96891234567"_s, 10), (QStringList { u"c1"_s, u"c2"_s }));
    const v1::Customer c1 = *customers.find(u"c1"_s);
    QCOMPARE(c1.phones_size(), 2);
    QCOMPARE(c1.phones(0), "+96891234567");
    QCOMPARE(c1.verifications_size(), 2);
    QCOMPARE(c1.verifications(0).method(), "one_time_code"); // newest first
    QCOMPARE(c1.last_contact_at().seconds() * 1000, at(2026, 5, 20));

    const QList<v1::Interaction> history = InteractionRepository(*m_database).forCustomer(u"c1"_s);
    QCOMPARE(history.size(), 2);
    QCOMPARE(history.at(0).id(), "i2"); // newest first
    QCOMPARE(history.at(1).case_number(), "SN-2026-000002");
    QCOMPARE(history.at(1).category(), "water.supply_cut"); // from its case
    QCOMPARE(ReferralRepository(*m_database).forCustomer(u"c1"_s).size(), 1);

    // Every entity is in the changes feed once, made by the server (no mutation id).
    const QList<ChangeRecord> feed = SyncRepository(*m_database).changesAfter(0, 100);
    QCOMPARE(feed.size(), 2 + 3 + 3 + 1);
    for (const ChangeRecord &change : feed)
        QVERIFY(change.mutationId.isEmpty());
}

void TestSeed::failureWritesNothing()
{
    DemoDataset data;
    data.customers = { { u"c1"_s, u"A"_s, { u"+96891234567"_s }, QString(), QString(), QString(), at(2024, 1, 1) } };
    data.interactions = { { u"i1"_s, u"nobody"_s, QString(), Channel::Voice, Direction::Inbound, at(2026, 1, 1),
                            QString(), QString(), QString() } };
    Storage storage(*m_database);
    QVERIFY_THROWS_EXCEPTION(StorageError, storage.seed(data, {}, at(2026, 6, 1)));
    QVERIFY(storage.isEmpty());
    QCOMPARE(SyncRepository(*m_database).lastSequence(), 0);
}

void TestSeed::demoDataset()
{
    DemoOptions options;
    options.nowMs = at(2026, 6, 1);
    const DemoDataset data = generateDemoDataset(options);
    QVERIFY(data.customers.size() >= 300);
    QElapsedTimer timer;
    timer.start();
    const SeedSummary summary = Storage(*m_database).seed(data, {}, options.nowMs);
    qInfo("seeded %d customers and %d interactions in %lld ms", summary.customers, summary.interactions,
          timer.elapsed());
    QCOMPARE(summary.customers, data.customers.size());
    QCOMPARE(summary.interactions, data.interactions.size());
    QCOMPARE(CustomerRepository(*m_database).count(), data.customers.size());
    // The story callers are on file.
    for (const QString &phone : data.featuredPhones)
        QVERIFY2(!CustomerRepository(*m_database).idByPhone(phone).isEmpty(), qPrintable(phone));
}

QTEST_GUILESS_MAIN(TestSeed)
#include "tst_seed.moc"

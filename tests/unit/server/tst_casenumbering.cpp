#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/service/mutationapplier.h"
#include "server/storage/caserepository.h"
#include "server/storage/database.h"
#include "server/storage/transaction.h"

#include <QDateTime>
#include <QTemporaryDir>
#include <QTest>
#include <QTimeZone>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

namespace {

qint64 at(int year, int month, int day, int hour = 12)
{
    return QDateTime(QDate(year, month, day), QTime(hour, 0), QTimeZone::utc()).toMSecsSinceEpoch();
}

} // namespace

class TestCaseNumbering : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void numbersCountPerYear();
    void yearIsUtc();
    void rolledBackNumberIsReused();
    void createCaseNumbersFromTheClock();

private:
    QString number(qint64 ms)
    {
        Transaction transaction(*m_database);
        const QString n = CaseRepository(*m_database).nextNumber(ms);
        transaction.commit();
        return n;
    }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
};

void TestCaseNumbering::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_database = Database::open(u"sqlite:"_s + m_dir->filePath(u"sanad.db"_s), at(2026, 1, 1));
}

void TestCaseNumbering::cleanup()
{
    m_database.reset();
    m_dir.reset();
}

void TestCaseNumbering::numbersCountPerYear()
{
    QCOMPARE(number(at(2026, 3, 1)), u"SN-2026-000001"_s);
    QCOMPARE(number(at(2026, 3, 2)), u"SN-2026-000002"_s);
    QCOMPARE(number(at(2027, 1, 1)), u"SN-2027-000001"_s); // a new year starts again at 1
    QCOMPARE(number(at(2026, 12, 31)), u"SN-2026-000003"_s); // and the old year goes on
    QCOMPARE(number(at(2027, 6, 1)), u"SN-2027-000002"_s);
}

void TestCaseNumbering::yearIsUtc()
{
    QCOMPARE(CaseRepository::yearOf(at(2026, 12, 31, 23)), 2026);
    QCOMPARE(CaseRepository::yearOf(at(2026, 12, 31, 23) + 3600 * 1000), 2027);
}

void TestCaseNumbering::rolledBackNumberIsReused()
{
    {
        Transaction transaction(*m_database);
        QCOMPARE(CaseRepository(*m_database).nextNumber(at(2026, 3, 1)), u"SN-2026-000001"_s);
        // not committed: the case was never written
    }
    QCOMPARE(number(at(2026, 3, 1)), u"SN-2026-000001"_s);
}

void TestCaseNumbering::createCaseNumbersFromTheClock()
{
    ManualClock clock(at(2026, 5, 10));
    const PhoneNumberNormalizer normalizer(u"OM"_s);
    MutationApplier applier(*m_database, normalizer, clock);
    const MutationAuthor author { u"u1"_s, u"Agent"_s };

    v1::Mutation customer;
    customer.set_mutation_id("m-customer");
    customer.mutable_create_customer()->set_customer_id("c1");
    customer.mutable_create_customer()->set_name("Test");
    customer.mutable_create_customer()->add_phones("91234567");
    QCOMPARE(applier.apply(customer, author).outcome(), v1::MUTATION_OUTCOME_APPLIED);

    const auto createCase = [&](const char *mutationId, const char *caseId) {
        v1::Mutation mutation;
        mutation.set_mutation_id(mutationId);
        mutation.mutable_create_case()->set_case_id(caseId);
        mutation.mutable_create_case()->set_customer_id("c1");
        mutation.mutable_create_case()->set_category("water.supply_cut");
        if (applier.apply(mutation, author).outcome() != v1::MUTATION_OUTCOME_APPLIED)
            return u"not applied"_s;
        return QString::fromStdString(CaseRepository(*m_database).find(QString::fromLatin1(caseId))->number());
    };
    QCOMPARE(createCase("m1", "k1"), u"SN-2026-000001"_s);
    QCOMPARE(createCase("m2", "k2"), u"SN-2026-000002"_s);
    clock.set(at(2027, 1, 1, 0));
    QCOMPARE(createCase("m3", "k3"), u"SN-2027-000001"_s);
}

QTEST_GUILESS_MAIN(TestCaseNumbering)
#include "tst_casenumbering.moc"

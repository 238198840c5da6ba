#include "core/repeatcontact.h"

#include <QTest>

using namespace sanad;

class TestRepeatContact final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void countsOnlyTheLastSevenDays()
    {
        constexpr qint64 day = 24LL * 3600 * 1000;
        const qint64 now = 1'800'000'000'000;
        const QList<PastContact> contacts = {
            {now - 1 * day, QStringLiteral("water.supply_cut"), QStringLiteral("case-a")},
            {now - 3 * day, QStringLiteral("water.supply_cut"), QStringLiteral("case-a")},
            {now - 6 * day, QStringLiteral("billing.dispute"), QStringLiteral("case-b")},
            {now - 8 * day, QStringLiteral("billing.dispute"), QStringLiteral("case-b")}, // outside
            {now - 9 * day, QStringLiteral("billing.dispute"), QStringLiteral("case-b")}, // outside
            {now + 1 * day, QStringLiteral("billing.dispute"), QStringLiteral("case-b")}, // future
        };
        const RepeatContactSummary s = summarizeRepeatContacts(contacts, now);
        QVERIFY(s.isRepeat());
        QCOMPARE(s.contactsInWindow, 3);
        QCOMPARE(s.category, QStringLiteral("water.supply_cut"));
        QCOMPARE(s.caseId, QStringLiteral("case-a"));
        QCOMPARE(s.lastContactAtMs, now - 1 * day);
    }
    void newestCategoryWinsATie()
    {
        constexpr qint64 day = 24LL * 3600 * 1000;
        const qint64 now = 1'800'000'000'000;
        const RepeatContactSummary s = summarizeRepeatContacts(
            {{now - 4 * day, QStringLiteral("bank.card"), {}}, {now - 2 * day, QStringLiteral("telecom.internet"), {}}},
            now);
        QCOMPARE(s.category, QStringLiteral("telecom.internet"));
    }
    void noContactsNoWarning()
    {
        QVERIFY(!summarizeRepeatContacts({}, 1'800'000'000'000).isRepeat());
    }
};

QTEST_GUILESS_MAIN(TestRepeatContact)
#include "tst_repeatcontact.moc"

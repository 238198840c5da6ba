#include "core/metrics.h"

#include <QTest>

using namespace sanad;
using namespace sanad::metrics;
using namespace Qt::StringLiterals;

namespace {
constexpr qint64 kSecond = 1000;
constexpr qint64 kHour = 3600 * kSecond;
constexpr qint64 kDay = 24 * kHour;
const qint64 kNow = 1'800'000'000'000;
} // namespace

class TestMetrics final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void firstContactResolution()
    {
        // Five cases, first contacts 10 days ago unless said otherwise:
        //  A: resolved-confirmed at first contact, nobody came back          → FCR
        //  B: resolved-confirmed, the customer called again 3 days later about
        //     the same category on another case                              → not FCR (repeat)
        //  C: resolved-confirmed, later reopened                             → not FCR (reopen)
        //  D: only the agent's tick, no confirmation                         → not FCR
        //  E: resolved-confirmed, but its first contact was 2 days ago       → not counted at all
        //  F: resolved-confirmed, the customer called 9 days later (outside
        //     the 7 days), and another customer called on the same category   → FCR
        // Denominator: A, B, C, D, F = 5. Numerator: A, F = 2. FCR = 2/5 = 40 %.
        const qint64 t0 = kNow - 10 * kDay;
        const QList<CaseFacts> cases = {
            {u"A"_s, u"c1"_s, u"bank.card"_s, t0, true, false},
            {u"B"_s, u"c2"_s, u"water.supply_cut"_s, t0, true, false},
            {u"C"_s, u"c3"_s, u"telecom.internet"_s, t0, true, true},
            {u"D"_s, u"c4"_s, u"bank.card"_s, t0, false, false},
            {u"E"_s, u"c5"_s, u"bank.card"_s, kNow - 2 * kDay, true, false},
            {u"F"_s, u"c6"_s, u"water.quality"_s, t0, true, false},
        };
        const QList<Contact> contacts = {
            {u"c1"_s, u"A"_s, u"bank.card"_s, t0},
            {u"c2"_s, u"B"_s, u"water.supply_cut"_s, t0},
            {u"c2"_s, u"B2"_s, u"water.supply_cut"_s, t0 + 3 * kDay},
            {u"c3"_s, u"C"_s, u"telecom.internet"_s, t0},
            {u"c4"_s, u"D"_s, u"bank.card"_s, t0},
            {u"c5"_s, u"E"_s, u"bank.card"_s, kNow - 2 * kDay},
            {u"c6"_s, u"F"_s, u"water.quality"_s, t0},
            {u"c6"_s, u"F2"_s, u"water.quality"_s, t0 + 9 * kDay},
            {u"c1"_s, QString(), u"water.quality"_s, t0 + 1 * kDay}, // c1 about something else
        };
        const Ratio fcr = metrics::firstContactResolution(cases, contacts, kNow);
        QCOMPARE(fcr.numerator, 2);
        QCOMPARE(fcr.denominator, 5);
        QCOMPARE(*fcr.value(), 0.4);
    }
    void fcrOfNothingIsUnknownNotZero()
    {
        QVERIFY(!metrics::firstContactResolution({}, {}, kNow).value().has_value());
    }
    void repeatContactRate()
    {
        // Customer c1: day 0 bank.card (first), day 2 bank.card (repeat, category), day 12
        //   bank.card (10 days after the last-but-one... 10 after day 2 → not a repeat).
        // Customer c2: day 1 case K (first), day 3 same case K, other category key empty
        //   (repeat: same case), day 4 water.quality (not a repeat: new matter).
        // Customer c3: day 2 bank.card (not a repeat: c1's contact is another customer).
        // Six contacts, two repeats: 2/6.
        const qint64 d0 = kNow - 20 * kDay;
        const QList<Contact> contacts = {
            {u"c1"_s, QString(), u"bank.card"_s, d0},
            {u"c1"_s, QString(), u"bank.card"_s, d0 + 2 * kDay},
            {u"c1"_s, QString(), u"bank.card"_s, d0 + 12 * kDay},
            {u"c2"_s, u"K"_s, u"telecom.internet"_s, d0 + 1 * kDay},
            {u"c2"_s, u"K"_s, QString(), d0 + 3 * kDay},
            {u"c2"_s, QString(), u"water.quality"_s, d0 + 4 * kDay},
            {u"c3"_s, QString(), u"bank.card"_s, d0 + 2 * kDay + kHour},
        };
        // Window: from day 0 + 1 hour, so c1's first contact is outside but still counts as the
        // contact being repeated: contacts in window = 6, repeats = day-2 c1 and day-3 c2 = 2.
        const Ratio rate = metrics::repeatContactRate(contacts, d0 + kHour, kNow);
        QCOMPARE(rate.denominator, 6);
        QCOMPARE(rate.numerator, 2);
        // Exactly 7 days later is still within the window; a millisecond more is not.
        const QList<Contact> edge = {{u"c"_s, QString(), u"x"_s, d0}, {u"c"_s, QString(), u"x"_s, d0 + 7 * kDay}};
        QVERIFY(isRepeatContact(edge[1], edge));
        const QList<Contact> past = {{u"c"_s, QString(), u"x"_s, d0}, {u"c"_s, QString(), u"x"_s, d0 + 7 * kDay + 1}};
        QVERIFY(!isRepeatContact(past[1], past));
    }
    void overdueReferrals()
    {
        // r1 due an hour ago, open → overdue; r2 due 3 hours ago, in progress → overdue and first;
        // r3 due an hour ago but done → not; r4 cancelled → not; r5 due in an hour → not.
        const QList<ReferralFacts> referrals = {
            {u"r1"_s, u"k1"_s, u"Water network operations"_s, u"Salim"_s, kNow - kHour, ReferralStatus::Open},
            {u"r2"_s, u"k2"_s, u"Billing"_s, u"Aisha"_s, kNow - 3 * kHour, ReferralStatus::InProgress},
            {u"r3"_s, u"k3"_s, u"Billing"_s, u"Aisha"_s, kNow - kHour, ReferralStatus::Done},
            {u"r4"_s, u"k4"_s, u"Billing"_s, u"Aisha"_s, kNow - kHour, ReferralStatus::Cancelled},
            {u"r5"_s, u"k5"_s, u"Billing"_s, u"Aisha"_s, kNow + kHour, ReferralStatus::Open},
        };
        const QList<ReferralFacts> overdue = metrics::overdueReferrals(referrals, kNow);
        QCOMPARE(overdue.size(), 2);
        QCOMPARE(overdue[0].referralId, u"r2"_s);
        QCOMPARE(overdue[0].owner, u"Aisha"_s);
        QCOMPARE(overdue[1].referralId, u"r1"_s);
    }
    void queueFigures()
    {
        // Threshold 20 s. Enqueued within the window:
        //  a: answered after 10 s            → answered, within Y
        //  b: answered after 30 s            → answered, not within Y
        //  c: answered after 20 s exactly    → within Y (≤ Y)
        //  d: abandoned after 5 s            → short abandon
        //  e: abandoned after 60 s, callback reached → abandon after Y, recovered
        //  f: abandoned after 25 s           → abandon after Y
        //  g: still waiting since 90 s ago   → waiting; h: waiting since 40 s ago
        //  i: answered, but enqueued before the window → ignored
        // Service level = within Y (a, c = 2) ÷ (answered 3 + abandons after Y 2) = 2/5.
        // ASA = (10 + 30 + 20) / 3 = 20 s. Abandonment = 3 ÷ (3 + 3) = 1/2, recovered 1.
        const qint64 from = kNow - kHour;
        const qint64 t = kNow - 30 * 60 * kSecond;
        const QList<QueuedContact> contacts = {
            {t, t + 10 * kSecond, 0, false},
            {t, t + 30 * kSecond, 0, false},
            {t, t + 20 * kSecond, 0, false},
            {t, 0, t + 5 * kSecond, false},
            {t, 0, t + 60 * kSecond, true},
            {t, 0, t + 25 * kSecond, false},
            {kNow - 90 * kSecond, 0, 0, false},
            {kNow - 40 * kSecond, 0, 0, false},
            {from - kSecond, from + kSecond, 0, false},
        };
        const QueueFigures f = metrics::queueFigures(contacts, from, kNow, 20);
        QCOMPARE(f.waiting, 2);
        QCOMPARE(f.longestWaitMs, 90 * kSecond);
        QCOMPARE(f.answered, 3);
        QCOMPARE(f.answeredWithinThreshold, 2);
        QCOMPARE(f.abandoned, 3);
        QCOMPARE(f.shortAbandons, 1);
        QCOMPARE(f.recovered, 1);
        QCOMPARE(f.serviceLevel.numerator, 2);
        QCOMPARE(f.serviceLevel.denominator, 5);
        QCOMPARE(*f.asaMs, 20 * kSecond);
        QCOMPARE(*f.abandonment.value(), 0.5);
    }
    void emptyQueueHasNoFigures()
    {
        const QueueFigures f = metrics::queueFigures({}, kNow - kHour, kNow);
        QVERIFY(!f.serviceLevel.value().has_value());
        QVERIFY(!f.asaMs.has_value());
        QVERIFY(!f.abandonment.value().has_value());
    }
};

QTEST_GUILESS_MAIN(TestMetrics)
#include "tst_metrics.moc"

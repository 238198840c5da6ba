#include "core/casestatus.h"

#include <QTest>

using namespace sanad;

class TestCaseStatus final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void resolvedNeedsConfirmation()
    {
        const auto refusal = transitionRefusal(CaseStatus::InProgress, CaseStatus::Resolved, false);
        QVERIFY(refusal.has_value());
        QVERIFY(refusal->contains(QStringLiteral("confirm")));
        QVERIFY(!transitionRefusal(CaseStatus::InProgress, CaseStatus::Resolved, true).has_value());
    }
    void newToInProgressIsAlwaysAllowed()
    {
        QVERIFY(!transitionRefusal(CaseStatus::New, CaseStatus::InProgress, false).has_value());
    }
    void closedCasesMustBeReopened()
    {
        QVERIFY(transitionRefusal(CaseStatus::Closed, CaseStatus::InProgress, false).has_value());
        QVERIFY(!transitionRefusal(CaseStatus::Closed, CaseStatus::Reopened, false).has_value());
        QVERIFY(!transitionRefusal(CaseStatus::Resolved, CaseStatus::Closed, false).has_value());
        QVERIFY(transitionRefusal(CaseStatus::InProgress, CaseStatus::Closed, false).has_value());
        QVERIFY(transitionRefusal(CaseStatus::InProgress, CaseStatus::Reopened, false).has_value());
    }
    // The whole table of docs/cases.md, written out again by hand: every (from, to) pair.
    void transitionTableExhaustively()
    {
        // Rows: from; columns: to, in enum order
        //   Unsp New InPr Refd Pend Resd Clsd Reop Await
        const bool table[9][9] = {
            {0, 0, 0, 0, 0, 0, 0, 0, 0}, // unspecified: no case is in it
            {0, 0, 1, 1, 1, 1, 0, 0, 1}, // new
            {0, 0, 0, 1, 1, 1, 0, 0, 1}, // in progress
            {0, 0, 1, 0, 1, 1, 0, 0, 1}, // referred
            {0, 0, 1, 1, 0, 1, 0, 0, 1}, // pending customer
            {0, 0, 0, 0, 0, 0, 1, 1, 0}, // resolved
            {0, 0, 0, 0, 0, 0, 0, 1, 0}, // closed
            {0, 0, 1, 1, 1, 1, 0, 0, 1}, // reopened
            {0, 0, 1, 1, 0, 1, 0, 1, 0}, // awaiting confirmation
        };
        QCOMPARE(kLastCaseStatus, 8);
        for (int from = 0; from <= kLastCaseStatus; ++from) {
            QList<CaseStatus> expected;
            for (int to = 0; to <= kLastCaseStatus; ++to) {
                const auto f = CaseStatus(from);
                const auto t = CaseStatus(to);
                const QByteArray pair = caseStatusName(f).toUtf8() + " -> " + caseStatusName(t).toUtf8();
                QVERIFY2(isTransitionAllowed(f, t) == table[from][to], pair.constData());
                // With the customer's confirmation the table is the whole rule...
                QVERIFY2(transitionRefusal(f, t, true).has_value() == !table[from][to], pair.constData());
                // ...without it, resolved is refused from everywhere, and nothing else changes.
                const bool allowedUnconfirmed = table[from][to] && t != CaseStatus::Resolved;
                QVERIFY2(transitionRefusal(f, t, false).has_value() == !allowedUnconfirmed, pair.constData());
                if (const auto refusal = transitionRefusal(f, t, false))
                    QVERIFY2(refusal->size() > 20, qPrintable(*refusal));
                if (table[from][to])
                    expected.append(t);
            }
            QCOMPARE(allowedTransitions(CaseStatus(from)), expected);
        }
    }
    void unconfirmedResolutionPointsToAwaitingConfirmation()
    {
        const auto refusal = transitionRefusal(CaseStatus::InProgress, CaseStatus::Resolved, false);
        QVERIFY(refusal->contains(QStringLiteral("awaiting confirmation")));
        QVERIFY(!transitionRefusal(CaseStatus::InProgress, CaseStatus::AwaitingConfirmation, false));
        QVERIFY(!transitionRefusal(CaseStatus::AwaitingConfirmation, CaseStatus::Resolved, true));
        QVERIFY(!transitionRefusal(CaseStatus::AwaitingConfirmation, CaseStatus::Reopened, false));
    }
    void unknownStatusesAreRefused()
    {
        QVERIFY(transitionRefusal(CaseStatus::InProgress, CaseStatus(9), true).has_value());
        QVERIFY(!isTransitionAllowed(CaseStatus::InProgress, CaseStatus(9)));
    }
    void nothingGoesBackToNew()
    {
        for (int from = 1; from <= kLastCaseStatus; ++from)
            QVERIFY(transitionRefusal(CaseStatus(from), CaseStatus::New, true).has_value());
    }
    void openStatuses()
    {
        QVERIFY(isOpenStatus(CaseStatus::Referred));
        QVERIFY(isOpenStatus(CaseStatus::Reopened));
        QVERIFY(!isOpenStatus(CaseStatus::Resolved));
        QVERIFY(!isOpenStatus(CaseStatus::Closed));
        QVERIFY(isOpenStatus(CaseStatus::AwaitingConfirmation));
    }
};

QTEST_GUILESS_MAIN(TestCaseStatus)
#include "tst_casestatus.moc"

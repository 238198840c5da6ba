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
    void nothingGoesBackToNew()
    {
        for (int from = 1; from <= 7; ++from)
            QVERIFY(transitionRefusal(CaseStatus(from), CaseStatus::New, true).has_value());
    }
    void openStatuses()
    {
        QVERIFY(isOpenStatus(CaseStatus::Referred));
        QVERIFY(isOpenStatus(CaseStatus::Reopened));
        QVERIFY(!isOpenStatus(CaseStatus::Resolved));
        QVERIFY(!isOpenStatus(CaseStatus::Closed));
    }
};

QTEST_GUILESS_MAIN(TestCaseStatus)
#include "tst_casestatus.moc"

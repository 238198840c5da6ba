#include "core/casenumber.h"

#include <QTest>

using namespace sanad;

class TestCaseNumber final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void formatsWithSixDigits()
    {
        QCOMPARE((CaseNumber{2026, 123}).toString(), QStringLiteral("SN-2026-000123"));
        QCOMPARE((CaseNumber{2026, 1234567}).toString(), QStringLiteral("SN-2026-1234567"));
    }
    void parsesWhatPeopleType_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("canonical") << QStringLiteral("SN-2026-000123");
        QTest::newRow("lower case") << QStringLiteral("sn-2026-000123");
        QTest::newRow("no zeros") << QStringLiteral("SN-2026-123");
        QTest::newRow("no prefix") << QStringLiteral("2026-123");
        QTest::newRow("spaces") << QStringLiteral(" SN 2026 123 ");
        QTest::newRow("arabic-indic digits") << QStringLiteral("SN-٢٠٢٦-٠٠٠١٢٣");
        QTest::newRow("with rlm") << QStringLiteral("\u200FSN-2026-000123\u200F");
    }
    void parsesWhatPeopleType()
    {
        QFETCH(QString, text);
        const auto n = CaseNumber::parse(text);
        QVERIFY(n.has_value());
        QCOMPARE(*n, (CaseNumber{2026, 123}));
    }
    void refusesOtherText_data()
    {
        QTest::addColumn<QString>("text");
        QTest::newRow("empty") << QString();
        QTest::newRow("phone") << QStringLiteral("+968 9123 4567");
        QTest::newRow("name") << QStringLiteral("SN-abc");
        QTest::newRow("zero sequence") << QStringLiteral("SN-2026-000000");
        QTest::newRow("year 1999") << QStringLiteral("SN-1999-1");
    }
    void refusesOtherText()
    {
        QFETCH(QString, text);
        QVERIFY(!CaseNumber::parse(text).has_value());
    }
};

QTEST_GUILESS_MAIN(TestCaseNumber)
#include "tst_casenumber.moc"

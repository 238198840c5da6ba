#include "core/phonenumber.h"

#include <QTest>

using namespace sanad;

class TestPhoneNumber final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void everyFormFindsTheSameNumber_data();
    void everyFormFindsTheSameNumber();
    void junkIsRefusedWithAReason_data();
    void junkIsRefusedWithAReason();
    void regionDecidesNationalNumbers();
    void storageRejectsImpossibleLengths();
    void validityIsOnlyAWarning();
    void foldKeepsOtherCharacters();
    void groupedForReading();
};

void TestPhoneNumber::everyFormFindsTheSameNumber_data()
{
    QTest::addColumn<QString>("input");
    const QString lri = QString(QChar(0x2066));
    const QString pdi = QString(QChar(0x2069));
    const QString rlm = QString(QChar(0x200F));
    QTest::newRow("international with spaces") << QStringLiteral("+968 9123 4567");
    QTest::newRow("00 prefix") << QStringLiteral("0096891234567");
    QTest::newRow("national") << QStringLiteral("91234567");
    QTest::newRow("dashes") << QStringLiteral("+968-9123-4567");
    QTest::newRow("brackets") << QStringLiteral("(+968) 9123 4567");
    QTest::newRow("arabic-indic national") << QStringLiteral("٩١٢٣٤٥٦٧");
    QTest::newRow("arabic-indic international") << QStringLiteral("+٩٦٨ ٩١٢٣ ٤٥٦٧");
    QTest::newRow("persian digits") << QStringLiteral("۹۱۲۳۴۵۶۷");
    QTest::newRow("persian with 00") << QStringLiteral("۰۰۹۶۸۹۱۲۳۴۵۶۷");
    QTest::newRow("rlm around") << rlm + QStringLiteral("+968 9123 4567") + rlm;
    QTest::newRow("lri...pdi") << lri + QStringLiteral("+968 9123 4567") + pdi;
    QTest::newRow("alm and lrm inside") << QStringLiteral("+968") + QChar(0x061C) + QStringLiteral(" 9123")
            + QChar(0x200E) + QStringLiteral("4567");
    QTest::newRow("non-breaking spaces") << QStringLiteral("+968\u00A09123\u00A04567");
    QTest::newRow("full-width plus and digits") << QStringLiteral("＋９６８９１２３４５６７");
}

void TestPhoneNumber::everyFormFindsTheSameNumber()
{
    QFETCH(QString, input);
    const PhoneNumberNormalizer normalizer(QStringLiteral("OM"));
    const PhoneNumber n = normalizer.parse(input);
    QVERIFY2(n.ok(), qPrintable(n.message(input)));
    QCOMPARE(n.e164, QStringLiteral("+96891234567"));
    QVERIFY(n.valid);
    QCOMPARE(normalizer.parseForStorage(input).e164, QStringLiteral("+96891234567"));
}

void TestPhoneNumber::junkIsRefusedWithAReason_data()
{
    QTest::addColumn<QString>("input");
    QTest::addColumn<int>("error");
    QTest::addColumn<QString>("messagePart");
    QTest::newRow("empty") << QString() << int(PhoneNumber::Error::Empty) << QStringLiteral("empty");
    QTest::newRow("spaces and marks") << QStringLiteral("  \u200F ") << int(PhoneNumber::Error::Empty)
                                      << QStringLiteral("empty");
    QTest::newRow("dashes only") << QStringLiteral("---") << int(PhoneNumber::Error::NoDigits)
                                 << QStringLiteral("no digits");
    QTest::newRow("plus only") << QStringLiteral("+") << int(PhoneNumber::Error::NoDigits)
                               << QStringLiteral("no digits");
    QTest::newRow("latin letters") << QStringLiteral("abc") << int(PhoneNumber::Error::Letters)
                                   << QStringLiteral("letters");
    QTest::newRow("digits and letters") << QStringLiteral("9123abc4") << int(PhoneNumber::Error::Letters)
                                        << QStringLiteral("letters");
    QTest::newRow("arabic letters") << QStringLiteral("رقم ٩١٢٣٤٥٦٧") << int(PhoneNumber::Error::Letters)
                                    << QStringLiteral("letters");
    QTest::newRow("plus in the middle") << QStringLiteral("968+91234567") << int(PhoneNumber::Error::Letters)
                                        << QStringLiteral("letters");
    QTest::newRow("star and hash") << QStringLiteral("*123#") << int(PhoneNumber::Error::Letters)
                                   << QStringLiteral("letters");
}

void TestPhoneNumber::junkIsRefusedWithAReason()
{
    QFETCH(QString, input);
    QFETCH(int, error);
    QFETCH(QString, messagePart);
    const PhoneNumber n = PhoneNumberNormalizer(QStringLiteral("OM")).parse(input);
    QVERIFY(!n.ok());
    QCOMPARE(int(n.error), error);
    QVERIFY(n.e164.isEmpty());
    QVERIFY2(n.message(input).contains(messagePart), qPrintable(n.message(input)));
}

void TestPhoneNumber::regionDecidesNationalNumbers()
{
    // ARABIC.md: "0020 10 1234 5678" needs a region; a national Egyptian number needs region EG.
    QCOMPARE(PhoneNumberNormalizer(QStringLiteral("OM")).parse(u"0020 10 1234 5678").e164,
             QStringLiteral("+201012345678"));
    QCOMPARE(PhoneNumberNormalizer(QStringLiteral("EG")).parse(u"010 1234 5678").e164, QStringLiteral("+201012345678"));
    QCOMPARE(PhoneNumberNormalizer(QStringLiteral("SA")).parse(u"050 123 4567").e164, QStringLiteral("+966501234567"));
    QVERIFY(PhoneNumberNormalizer::isSupportedRegion(QStringLiteral("om")));
    QVERIFY(!PhoneNumberNormalizer::isSupportedRegion(QStringLiteral("XX")));
}

void TestPhoneNumber::storageRejectsImpossibleLengths()
{
    const PhoneNumberNormalizer normalizer(QStringLiteral("OM"));
    QVERIFY(normalizer.parse(u"1234").ok()); // a lookup simply finds nobody
    const PhoneNumber shortOne = normalizer.parseForStorage(u"1234");
    QCOMPARE(shortOne.error, PhoneNumber::Error::TooShort);
    QVERIFY(shortOne.message(u"1234").contains(QStringLiteral("too short")));
    QCOMPARE(normalizer.parseForStorage(u"+968 9123 4567 8901 23").error, PhoneNumber::Error::TooLong);
}

void TestPhoneNumber::validityIsOnlyAWarning()
{
    // A possible length in a range libphonenumber does not know (its data dates from 2022) is kept.
    const PhoneNumber n = PhoneNumberNormalizer(QStringLiteral("OM")).parseForStorage(u"+968 1123 4567");
    QVERIFY(n.ok());
    QVERIFY(!n.valid);
    QCOMPARE(n.e164, QStringLiteral("+96811234567"));
}

void TestPhoneNumber::foldKeepsOtherCharacters()
{
    QCOMPARE(PhoneNumberNormalizer::foldDigitsAndMarks(u"SN-٢٠٢٦-\u200F١٢٣"), QStringLiteral("SN-2026-123"));
}

void TestPhoneNumber::groupedForReading()
{
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("+96891234567")),
             QStringLiteral("+968 9123 4567"));
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("+201012345678")),
             QStringLiteral("+20 101 234 5678"));
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("withheld")), QStringLiteral("withheld"));
    QCOMPARE(PhoneNumberNormalizer::formatInternational(QStringLiteral("+")), QStringLiteral("+"));
}

QTEST_GUILESS_MAIN(TestPhoneNumber)
#include "tst_phonenumber.moc"

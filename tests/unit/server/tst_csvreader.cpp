#include "core/phonenumber.h"
#include "server/cli/csvreader.h"
#include "server/cli/customerimport.h"

#include <QTest>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void plainRecords();
    void quotedFields();
    void lineNumbersFollowTheFile();
    void byteOrderMarkAndEmptyLines();
    void syntaxErrors();
    void importReadsColumnsInAnyOrder();
    void importReportsEveryBadLine();
    void importNeedsTheRequiredColumns();
    void importRefusesNonUtf8();
};

void TestCsvReader::plainRecords()
{
    QString error;
    const QList<CsvRecord> records = CsvReader::parse(u"a,b,c\r\n1,,3\n"_s, &error);
    QVERIFY(error.isEmpty());
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).fields, (QStringList { u"a"_s, u"b"_s, u"c"_s }));
    QCOMPARE(records.at(1).fields, (QStringList { u"1"_s, QString(), u"3"_s }));
    // No newline at the end; a trailing comma is an empty last field.
    const QList<CsvRecord> last = CsvReader::parse(u"x,y\n1,"_s, &error);
    QCOMPARE(last.size(), 2);
    QCOMPARE(last.at(1).fields, (QStringList { u"1"_s, QString() }));
}

void TestCsvReader::quotedFields()
{
    QString error;
    const QList<CsvRecord> records
        = CsvReader::parse(u"name,note\n\"Al Balushi, Ahmed\",\"said \"\"hello\"\"\"\n\"\",\"two\nlines\"\n"_s, &error);
    QVERIFY2(error.isEmpty(), qPrintable(error));
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(1).fields, (QStringList { u"Al Balushi, Ahmed"_s, u"said \"hello\""_s }));
    QCOMPARE(records.at(2).fields, (QStringList { QString(), u"two\nlines"_s }));
    // A quote inside an unquoted field is kept as it is.
    QCOMPARE(CsvReader::parse(u"ab\"c,d"_s, &error).at(0).fields, (QStringList { u"ab\"c"_s, u"d"_s }));
    // Arabic text passes through untouched.
    QCOMPARE(CsvReader::parse(u"\"أحمد, البلوشي\",مسقط"_s, &error).at(0).fields,
             (QStringList { u"أحمد, البلوشي"_s, u"مسقط"_s }));
}

void TestCsvReader::lineNumbersFollowTheFile()
{
    QString error;
    const QList<CsvRecord> records = CsvReader::parse(u"h1,h2\n\"multi\r\nline\",x\n\nlast,y\n"_s, &error);
    QCOMPARE(records.size(), 3);
    QCOMPARE(records.at(0).line, 1);
    QCOMPARE(records.at(1).line, 2);
    QCOMPARE(records.at(2).line, 5); // after a two-line record and an empty line
}

void TestCsvReader::byteOrderMarkAndEmptyLines()
{
    QString error;
    const QList<CsvRecord> records = CsvReader::parse(u"\uFEFFname,phone\n\n\r\nA,1\n\n"_s, &error);
    QCOMPARE(records.size(), 2);
    QCOMPARE(records.at(0).fields.constFirst(), u"name"_s);
    QCOMPARE(records.at(1).line, 4);
}

void TestCsvReader::syntaxErrors()
{
    QString error;
    QVERIFY(CsvReader::parse(u"a,b\n1,\"open\n2,3\n"_s, &error).isEmpty());
    QVERIFY2(error.startsWith("line 2: "_L1), qPrintable(error));
    QVERIFY(CsvReader::parse(u"a,b\n1,2\n\"x\"y,3\n"_s, &error).isEmpty());
    QVERIFY2(error.startsWith("line 3: "_L1), qPrintable(error));
}

void TestCsvReader::importReadsColumnsInAnyOrder()
{
    const PhoneNumberNormalizer normalizer(u"OM"_s);
    const CustomerImportResult result
        = CustomerImport(normalizer)
              .read(u"City,Phone,Name,ALT_PHONE,email,national_id,external_id,notes\n"
                    "مسقط,٩١٢٣٤٥٦٧,\"البلوشي، أحمد\",+968 7212 3456,a@example.com,١٢٣٤٥,crm-1,ignored\n"
                    "Sohar,0096892345678,Salma,,,,,\n"_s.toUtf8());
    QVERIFY2(result.errors.isEmpty(), qPrintable(result.errors.join(u'\n')));
    QCOMPARE(result.notes.size(), 1); // the "notes" column is not imported, and that is said
    QCOMPARE(result.customers.size(), 2);
    const ImportedCustomer &first = result.customers.at(0);
    QCOMPARE(first.line, 2);
    QCOMPARE(first.name, u"البلوشي، أحمد"_s);
    QCOMPARE(first.phones, (QStringList { u"+96891234567"_s, u"+96872123456"_s }));
    QCOMPARE(first.city, u"مسقط"_s);
    QCOMPARE(first.nationalId, u"12345"_s);
    QCOMPARE(first.externalId, u"crm-1"_s);
    QCOMPARE(result.customers.at(1).phones, QStringList { u"+96892345678"_s });
}

void TestCsvReader::importReportsEveryBadLine()
{
    const PhoneNumberNormalizer normalizer(u"OM"_s);
    const CustomerImportResult result = CustomerImport(normalizer)
                                            .read(u"name,phone,email,external_id\n"
                                                  "Good,91234567,,x1\n"
                                                  ",91234568,,\n"
                                                  "Bad phone,abc,,\n"
                                                  "Short,123,,\n"
                                                  "Mail,91234569,not-an-address,\n"
                                                  "Twice,91234560,,x1\n"
                                                  "Extra,91234561,,,surplus\n"_s.toUtf8());
    QCOMPARE(result.customers.size(), 0); // all or nothing
    const QString all = result.errors.join(u'\n');
    for (int line : { 3, 4, 5, 6, 7, 8 })
        QVERIFY2(all.contains(u"line %1: "_s.arg(line)), qPrintable(all));
    for (const QString &error : result.errors)
        QVERIFY2(!error.startsWith("line 2: "_L1), qPrintable(error)); // the good row is not blamed
    QVERIFY(all.contains("contains letters or symbols"_L1));
    QVERIFY(all.contains("also on line 2"_L1));
}

void TestCsvReader::importNeedsTheRequiredColumns()
{
    const PhoneNumberNormalizer normalizer(u"OM"_s);
    const CustomerImportResult result = CustomerImport(normalizer).read("name,mobile\nA,91234567\n");
    QCOMPARE(result.errors.size(), 1);
    QVERIFY2(result.errors.constFirst().contains("\"phone\""_L1), qPrintable(result.errors.constFirst()));
    QVERIFY(!CustomerImport(normalizer).read("").errors.isEmpty());
}

void TestCsvReader::importRefusesNonUtf8()
{
    const PhoneNumberNormalizer normalizer(u"OM"_s);
    const CustomerImportResult result = CustomerImport(normalizer).read("name,phone\n\xC7\xCD\xE3\xCF,91234567\n");
    QCOMPARE(result.errors.size(), 1);
    QVERIFY(result.errors.constFirst().contains("UTF-8"_L1));
}

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"

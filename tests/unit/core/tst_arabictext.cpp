#include "core/arabictext.h"

#include <QFile>
#include <QTest>

using namespace sanad;

// Every row of tests/data/arabic_search_cases.tsv (a copy of ../shared/data): the recommended
// tier (matches and the names that must stay apart), Lucene's matches, and the aggressive tier
// through looseKey. Lucene's "nomatch" rows record Lucene's gaps, which the recommended rows close.
class TestArabicText final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cases_data();
    void cases();
    void keysAreIdempotent();
};

void TestArabicText::cases_data()
{
    QTest::addColumn<QString>("tier");
    QTest::addColumn<QString>("input");
    QTest::addColumn<QString>("compareWith");
    QTest::addColumn<QString>("expectedKey");
    QTest::addColumn<bool>("match");

    QFile file(QStringLiteral(SANAD_TEST_DATA_DIR "/arabic_search_cases.tsv"));
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(file.fileName()));
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    int rows = 0;
    for (const QString &line : lines.mid(1)) {
        if (line.isEmpty())
            continue;
        const QStringList f = line.split(u'\t');
        QCOMPARE(f.size(), 9);
        const QString tier = f[1];
        const bool match = f[6] == QLatin1StringView("match");
        if (tier == QLatin1StringView("lucene") && !match)
            continue; // Lucene's gaps, closed by the recommended rows
        QTest::addRow("%s %s: %s", qPrintable(f[0]), qPrintable(tier), qPrintable(f[7]))
            << tier << f[2] << f[4] << f[5] << match;
        ++rows;
    }
    QVERIFY(rows >= 45);
}

void TestArabicText::cases()
{
    QFETCH(QString, tier);
    QFETCH(QString, input);
    QFETCH(QString, compareWith);
    QFETCH(QString, expectedKey);
    QFETCH(bool, match);

    const auto key = tier == QLatin1StringView("aggressive") ? looseKey : searchKey;
    const QString a = key(input);
    const QString b = key(compareWith);
    if (match) {
        QCOMPARE(a, b);
        QCOMPARE(a, key(expectedKey));
    } else {
        QVERIFY2(a != b, qPrintable(a + u" == " + b));
    }
    if (tier == QLatin1StringView("recommended"))
        QCOMPARE(a, expectedKey);
}

void TestArabicText::keysAreIdempotent()
{
    for (const QString &s : {QStringLiteral("إيمان البلوشي"), QStringLiteral("عبد الرحمن"), QStringLiteral("Al-Harthi")}) {
        QCOMPARE(searchKey(searchKey(s)), searchKey(s));
        QCOMPARE(looseKey(looseKey(s)), looseKey(s));
    }
    QCOMPARE(searchKey(u"ايمان البلوشى"), searchKey(u"إيمان البلوشي"));
}

QTEST_GUILESS_MAIN(TestArabicText)
#include "tst_arabictext.moc"

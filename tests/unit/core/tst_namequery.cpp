#include "core/namequery.h"

#include <QTest>

using namespace sanad;

// How one typed name ranks stored names (docs/search.md): the tiers in order, spelling variants
// folded, words in any order, prefixes while typing, the loose pass, and names kept apart.
class TestNameQuery final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void tiers_data();
    void tiers();
    void familyNameAloneDoesNotOutrankTheRightPerson();
    void eachSearchedWordNeedsAWordOfItsOwn();
    void emptyAndLongQueries();
};

void TestNameQuery::tiers_data()
{
    QTest::addColumn<QString>("query");
    QTest::addColumn<QString>("name");
    QTest::addColumn<SearchMatch>("expected");

    QTest::newRow("exact, spelling folded") << u"ايمان البلوشى"_qs << u"إيمان البلوشي"_qs << SearchMatch::NameExact;
    QTest::newRow("exact, harakat and tatweel") << u"مُحَمَّد الحـارثي"_qs << u"محمد الحارثي"_qs << SearchMatch::NameExact;
    QTest::newRow("exact, compound joined") << u"عبد الله سالم"_qs << u"عبدالله سالم"_qs << SearchMatch::NameExact;
    QTest::newRow("words in another order") << u"البلوشي ايمان"_qs << u"إيمان البلوشي"_qs << SearchMatch::NameWords;
    QTest::newRow("words, father's name skipped")
        << u"ايمان البلوشي"_qs << u"إيمان بنت سالم البلوشي"_qs << SearchMatch::NameWords;
    QTest::newRow("one word of the name") << u"البلوشي"_qs << u"إيمان البلوشي"_qs << SearchMatch::NameWords;
    QTest::newRow("still typing") << u"ايمان البل"_qs << u"إيمان البلوشي"_qs << SearchMatch::NamePrefix;
    QTest::newRow("first letters") << u"اي الب"_qs << u"إيمان البلوشي"_qs << SearchMatch::NamePrefix;
    QTest::newRow("latin, case folded") << u"zahra bal"_qs << u"Zahra Al-Balushi"_qs << SearchMatch::NamePrefix;
    QTest::newRow("arabic-indic digits in a name") << u"مكتب ٢٤"_qs << u"مكتب 24"_qs << SearchMatch::NameExact;
    QTest::newRow("similar: article missing") << u"ايمان بلوشي"_qs << u"إيمان البلوشي"_qs << SearchMatch::NameSimilar;
    QTest::newRow("similar: hamza dropped") << u"علاء الحارثي"_qs << u"علا الحارثي"_qs << SearchMatch::NameSimilar;
    QTest::newRow("similar: ibn") << u"محمد ابن سالم"_qs << u"محمد بن سالم"_qs << SearchMatch::NameSimilar;
    QTest::newRow("similar: veh") << u"فيكتوريا"_qs << u"ڤيكتوريا"_qs << SearchMatch::NameSimilar;
    QTest::newRow("partial: family only") << u"ايمان البلوشى"_qs << u"فاطمة البلوشي"_qs << SearchMatch::NamePartial;
    QTest::newRow("no match") << u"ايمان البلوشى"_qs << u"خالد الحارثي"_qs << SearchMatch::Unspecified;
    // ARABIC.md: names that must stay apart.
    QTest::newRow("alaa is not ola") << u"علاء"_qs << u"علا"_qs << SearchMatch::NameSimilar;
    QTest::newRow("ola only starts alaa") << u"علا"_qs << u"علاء"_qs << SearchMatch::NamePrefix;
    QTest::newRow("hasan is not husain") << u"حسن"_qs << u"حسين"_qs << SearchMatch::Unspecified;
    QTest::newRow("husain is not hasan") << u"حسين"_qs << u"حسن"_qs << SearchMatch::Unspecified;
    QTest::newRow("saad is not saeed") << u"سعد"_qs << u"سعيد"_qs << SearchMatch::Unspecified;
    QTest::newRow("amal is not amaal") << u"أمل"_qs << u"آمال"_qs << SearchMatch::Unspecified;
    QTest::newRow("amaal is not amal") << u"آمال"_qs << u"أمل"_qs << SearchMatch::Unspecified;
}

void TestNameQuery::tiers()
{
    QFETCH(QString, query);
    QFETCH(QString, name);
    QFETCH(SearchMatch, expected);
    QCOMPARE(NameQuery(query).matchName(name), expected);
}

void TestNameQuery::familyNameAloneDoesNotOutrankTheRightPerson()
{
    const NameQuery query(u"ايمان البلوشى");
    QVERIFY(query.matchName(u"إيمان البلوشي") < query.matchName(u"فاطمة البلوشي"));
    QVERIFY(query.matchName(u"إيمان بنت خالد البلوشي") < query.matchName(u"فاطمة البلوشي"));
    QVERIFY(query.matchName(u"ايمان البلوشيه") < query.matchName(u"فاطمة البلوشي"));
}

void TestNameQuery::eachSearchedWordNeedsAWordOfItsOwn()
{
    QCOMPARE(NameQuery(u"محمد محمد").matchName(u"محمد سالم"), SearchMatch::NamePartial);
    QCOMPARE(NameQuery(u"محمد محمد").matchName(u"محمد بن محمد"), SearchMatch::NameWords);
    // "م" must not take محمد from "محمد" when it could take مريم.
    QCOMPARE(NameQuery(u"م محمد").matchName(u"محمد مريم"), SearchMatch::NamePrefix);
}

void TestNameQuery::emptyAndLongQueries()
{
    QVERIFY(NameQuery(u"  ، - . ").isEmpty());
    QCOMPARE(NameQuery(u"--").matchName(u"محمد"), SearchMatch::Unspecified);
    const NameQuery longQuery(u"a b c d e f g h i j k");
    QCOMPARE(longQuery.words().size(), NameQuery::kMaxWords);
    QCOMPARE(longQuery.matchName(u"a b c d e f g h x"), SearchMatch::NameWords);
}

QTEST_GUILESS_MAIN(TestNameQuery)
#include "tst_namequery.moc"

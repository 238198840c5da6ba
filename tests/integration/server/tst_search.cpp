// CaseService.SearchCustomers through the real sanad-server (docs/search.md): every worked case
// of tests/data/arabic_search_cases.tsv, the ranking, every phone form, national ids, case
// numbers, the index following new customers and new contacts, and bad input.
#include "grpctestclient.h"
#include "serverprocess.h"

#include "core/arabictext.h"

#include <QDateTime>
#include <QFile>
#include <QHash>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {

google::protobuf::Timestamp daysAgo(double days)
{
    google::protobuf::Timestamp t;
    t.set_seconds(QDateTime::currentSecsSinceEpoch() - qint64(days * 86400));
    return t;
}

struct Found
{
    grpc::Status status;
    v1::SearchCustomersResponse response;

    int rankOf(const std::string &customerId) const
    {
        for (int i = 0; i < response.customers_size(); ++i) {
            if (response.customers(i).id() == customerId)
                return i;
        }
        return -1;
    }
    v1::SearchMatchKind kindOf(const std::string &customerId) const
    {
        const int rank = rankOf(customerId);
        return rank < 0 ? v1::SEARCH_MATCH_KIND_UNSPECIFIED : response.matches(rank).kind();
    }
    QString describe() const
    {
        QStringList lines;
        for (int i = 0; i < response.customers_size(); ++i)
            lines << u"%1 %2"_s.arg(QString::fromStdString(v1::SearchMatchKind_Name(response.matches(i).kind())),
                                    QString::fromStdString(response.customers(i).name()));
        return lines.join(u"; "_s);
    }
};

struct Row
{
    QString id;
    QString tier;
    QString input;
    QString compareWith;
    bool match = false;
    QString rule;
};

QList<Row> searchCases()
{
    QFile file(QStringLiteral(SANAD_TEST_DATA_DIR "/arabic_search_cases.tsv"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Row> rows;
    const QStringList lines = QString::fromUtf8(file.readAll()).split(u'\n');
    for (const QString &line : lines.mid(1)) {
        const QStringList f = line.split(u'\t');
        if (f.size() == 9)
            rows.append({ f[0], f[1], f[2], f[4], f[6] == "match"_L1, f[7] });
    }
    return rows;
}

} // namespace

class TestSearch : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void arabicSearchCases_data();
    void arabicSearchCases();
    void namesThatMustStayApart_data();
    void namesThatMustStayApart();
    void theRightPersonBeforeTheirFamily();
    void tiesGoToTheMostRecentContact();
    void everyPhoneForm_data();
    void everyPhoneForm();
    void numberBeingTyped();
    void nationalIdAndCaseNumber();
    void looserSecondPass();
    void newCustomersAndContactsAreSearchable();
    void badInput();

private:
    // A customer created through SyncService.Push, with a number of its own; empty on failure.
    std::string createCustomer(const QString &name, const QString &nationalId = QString(),
                               const QString &phone = QString());
    void addContact(const std::string &customerId, double daysAgo);
    Found search(const QString &query, int limit = 100);

    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_agent;
    int m_nextPhone = 0;
    int m_nextMutation = 0;
    QHash<QString, std::string> m_byName; // the TSV's names, created once each
};

void TestSearch::initTestCase()
{
    const CommandResult added
        = m_server.run({ u"add-user"_s, u"--username"_s, u"agent1"_s, u"--role"_s, u"agent"_s }, "a-long-password\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    QVERIFY(m_server.start());
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_agent = m_client->login(u"agent1"_s, u"a-long-password"_s);
    QVERIFY(!m_agent.isEmpty());

    // Both sides of every row are customers' names.
    const QList<Row> rows = searchCases();
    QVERIFY(rows.size() >= 57);
    for (const Row &row : rows) {
        for (const QString &name : { row.input, row.compareWith }) {
            if (!m_byName.contains(name)) {
                const std::string id = createCustomer(name);
                QVERIFY2(!id.empty(), qPrintable(name));
                m_byName.insert(name, id);
            }
        }
    }
}

std::string TestSearch::createCustomer(const QString &name, const QString &nationalId, const QString &phone)
{
    v1::Mutation mutation;
    mutation.set_mutation_id("search-m" + std::to_string(++m_nextMutation));
    v1::CreateCustomer *create = mutation.mutable_create_customer();
    create->set_name(name.toStdString());
    create->add_phones(phone.isEmpty() ? u"+9689300%1"_s.arg(++m_nextPhone, 4, 10, QChar(u'0')).toStdString()
                                       : phone.toStdString());
    create->set_national_id(nationalId.toStdString());
    v1::PushResponse response;
    if (!m_client->push(m_agent, { mutation }, &response).ok() || response.results_size() != 1
        || response.results(0).outcome() != v1::MUTATION_OUTCOME_APPLIED) {
        qWarning() << "create_customer failed:" << response.DebugString().c_str();
        return {};
    }
    return response.results(0).entity_id();
}

void TestSearch::addContact(const std::string &customerId, double days)
{
    v1::Mutation mutation;
    mutation.set_mutation_id("search-m" + std::to_string(++m_nextMutation));
    mutation.mutable_add_interaction()->set_customer_id(customerId);
    mutation.mutable_add_interaction()->set_channel(v1::CHANNEL_VOICE);
    *mutation.mutable_add_interaction()->mutable_occurred_at() = daysAgo(days);
    v1::PushResponse response;
    QVERIFY(m_client->push(m_agent, { mutation }, &response).ok());
    QCOMPARE(response.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
}

Found TestSearch::search(const QString &query, int limit)
{
    Found found;
    v1::SearchCustomersRequest request;
    request.set_query(query.toStdString());
    request.set_limit(limit);
    found.status = m_client->cases().SearchCustomers(GrpcTestClient::context(m_agent).get(), request, &found.response);
    if (found.status.ok() && found.response.matches_size() != found.response.customers_size())
        found.status = grpc::Status(grpc::StatusCode::INTERNAL, "matches and customers differ in number");
    return found;
}

void TestSearch::arabicSearchCases_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("stored");
    QTest::addColumn<bool>("strict");
    for (const Row &row : searchCases()) {
        // The recommended and Lucene matches are the strict key's; the aggressive ones the second
        // pass's. Lucene's "nomatch" rows are its gaps, closed by recommended rows.
        if (!row.match)
            continue;
        const bool strict = row.tier != "aggressive"_L1;
        QTest::addRow("%s %s, typed: %s", qPrintable(row.id), qPrintable(row.tier), qPrintable(row.rule))
            << row.input << row.compareWith << strict;
        QTest::addRow("%s %s, stored: %s", qPrintable(row.id), qPrintable(row.tier), qPrintable(row.rule))
            << row.compareWith << row.input << strict;
    }
}

void TestSearch::arabicSearchCases()
{
    QFETCH(QString, typed);
    QFETCH(QString, stored);
    QFETCH(bool, strict);
    const Found found = search(typed);
    QVERIFY2(found.status.ok(), found.status.error_message().c_str());
    const std::string id = m_byName.value(stored);
    QVERIFY2(found.rankOf(id) >= 0, qPrintable(found.describe()));
    if (strict)
        QCOMPARE(found.kindOf(id), v1::SEARCH_MATCH_KIND_NAME_EXACT);
    else
        QVERIFY2(found.kindOf(id) <= v1::SEARCH_MATCH_KIND_NAME_SIMILAR, qPrintable(found.describe()));
}

void TestSearch::namesThatMustStayApart_data()
{
    QTest::addColumn<QString>("typed");
    QTest::addColumn<QString>("other");
    for (const Row &row : searchCases()) {
        if (row.tier != "recommended"_L1 || row.match)
            continue;
        QTest::addRow("%s: %s", qPrintable(row.id), qPrintable(row.rule)) << row.input << row.compareWith;
        QTest::addRow("%s, the other way: %s", qPrintable(row.id), qPrintable(row.rule))
            << row.compareWith << row.input;
    }
}

void TestSearch::namesThatMustStayApart()
{
    QFETCH(QString, typed);
    QFETCH(QString, other);
    const Found found = search(typed);
    QVERIFY(found.status.ok());
    const std::string typedId = m_byName.value(typed);
    const std::string otherId = m_byName.value(other);
    // The name typed is found, with the same name only above it ("Mohammed" and "MOHAMMED").
    QCOMPARE(found.kindOf(typedId), v1::SEARCH_MATCH_KIND_NAME_EXACT);
    for (int rank = 0; rank < found.rankOf(typedId); ++rank)
        QCOMPARE(found.response.matches(rank).kind(), v1::SEARCH_MATCH_KIND_NAME_EXACT);
    // The other name is never taken for the same name. It may only follow as a name that starts
    // with the letters typed (علا while typing علاء) or, below, from the looser second pass that
    // drops the hamza (ARABIC.md's aggressive tier); for every other pair it is not listed.
    const bool related = searchKey(other).startsWith(searchKey(typed)) || looseKey(other) == looseKey(typed);
    if (!related) {
        QVERIFY2(found.rankOf(otherId) < 0, qPrintable(found.describe()));
        return;
    }
    const v1::SearchMatchKind kind = found.kindOf(otherId);
    QVERIFY2(kind == v1::SEARCH_MATCH_KIND_NAME_PREFIX || kind == v1::SEARCH_MATCH_KIND_NAME_SIMILAR,
             qPrintable(found.describe()));
    QVERIFY(found.rankOf(otherId) > found.rankOf(typedId));
}

void TestSearch::theRightPersonBeforeTheirFamily()
{
    // Her relatives were contacted more recently than she was.
    const std::string iman = createCustomer(u"إيمان البلوشي"_s);
    const std::string imanBintSalim = createCustomer(u"إيمان بنت سالم البلوشي"_s);
    const std::string fatima = createCustomer(u"فاطمة البلوشي"_s);
    const std::string khalid = createCustomer(u"خالد بن سعيد البلوشي"_s);
    addContact(iman, 300);
    addContact(imanBintSalim, 200);
    addContact(fatima, 1);
    addContact(khalid, 2);

    const Found found = search(u"ايمان البلوشى"_s);
    QVERIFY(found.status.ok());
    QCOMPARE(found.rankOf(iman), 0);
    QCOMPARE(found.kindOf(iman), v1::SEARCH_MATCH_KIND_NAME_EXACT);
    QCOMPARE(found.rankOf(imanBintSalim), 1);
    QCOMPARE(found.kindOf(imanBintSalim), v1::SEARCH_MATCH_KIND_NAME_WORDS);
    QVERIFY(found.rankOf(fatima) > found.rankOf(imanBintSalim));
    QCOMPARE(found.kindOf(fatima), v1::SEARCH_MATCH_KIND_NAME_PARTIAL);
    // Fatima was contacted after Khalid: among partial matches, the newest contact first.
    QVERIFY(found.rankOf(khalid) > found.rankOf(fatima));

    // Still typing the family name: the right person is first too.
    const Found typing = search(u"ايمان البل"_s);
    QCOMPARE(typing.kindOf(iman), v1::SEARCH_MATCH_KIND_NAME_PREFIX);
    QCOMPARE(typing.kindOf(imanBintSalim), v1::SEARCH_MATCH_KIND_NAME_PREFIX);
    QVERIFY(typing.rankOf(fatima) > typing.rankOf(iman));
    // Words in another order.
    QCOMPARE(search(u"البلوشي إيمان"_s).kindOf(iman), v1::SEARCH_MATCH_KIND_NAME_WORDS);
}

void TestSearch::tiesGoToTheMostRecentContact()
{
    const std::string older = createCustomer(u"هلال بن ناصر الريامي"_s);
    const std::string newer = createCustomer(u"هلال بن ناصر الريامي"_s);
    const std::string never = createCustomer(u"هلال بن ناصر الريامي"_s);
    addContact(older, 30);
    addContact(newer, 3);
    Found found = search(u"هلال بن ناصر الريامى"_s);
    QCOMPARE(found.rankOf(newer), 0);
    QCOMPARE(found.rankOf(older), 1);
    QCOMPARE(found.rankOf(never), 2);
    // A new contact moves the older one to the top.
    addContact(older, 0.01);
    found = search(u"هلال الريامي"_s);
    QCOMPARE(found.rankOf(older), 0);
    QCOMPARE(found.rankOf(newer), 1);
    QCOMPARE(found.kindOf(older), v1::SEARCH_MATCH_KIND_NAME_WORDS);
}

void TestSearch::everyPhoneForm_data()
{
    QTest::addColumn<QString>("typed");
    QTest::newRow("international") << u"+968 9876 5432"_s;
    QTest::newRow("international, no spaces") << u"+96898765432"_s;
    QTest::newRow("00 prefix") << u"0096898765432"_s;
    QTest::newRow("national") << u"98765432"_s;
    QTest::newRow("dashes and brackets") << u"(9876)-5432"_s;
    QTest::newRow("arabic-indic digits") << u"٩٨٧٦ ٥٤٣٢"_s;
    QTest::newRow("persian digits") << u"۹۸۷۶۵۴۳۲"_s;
    QTest::newRow("mixed digits") << u"٩٨٧٦ 5432"_s;
    QTest::newRow("isolated, copied from an RTL screen") << u"\u2066+968 9876 5432\u2069"_s;
    QTest::newRow("with RLM") << u"\u200F98765432"_s;
}

void TestSearch::everyPhoneForm()
{
    QFETCH(QString, typed);
    static const std::string id = createCustomer(u"سيف الغافري"_s, QString(), u"+968 9876 5432"_s);
    QVERIFY(!id.empty());
    const Found found = search(typed);
    QVERIFY(found.status.ok());
    QCOMPARE(found.rankOf(id), 0);
    QCOMPARE(found.kindOf(id), v1::SEARCH_MATCH_KIND_PHONE);
}

void TestSearch::numberBeingTyped()
{
    const std::string id = createCustomer(u"مازن الشحي"_s, QString(), u"+968 9555 1234"_s);
    for (const QString &typed : { u"9555 12"_s, u"٩٥٥٥١"_s, u"+968 9555"_s }) {
        const Found found = search(typed);
        QVERIFY(found.status.ok());
        QVERIFY2(found.rankOf(id) >= 0, qPrintable(typed));
        QCOMPARE(found.kindOf(id), v1::SEARCH_MATCH_KIND_PHONE_PREFIX);
    }
    // Too few digits to narrow anything down.
    QCOMPARE(search(u"955"_s).rankOf(id), -1);
}

void TestSearch::nationalIdAndCaseNumber()
{
    const std::string id = createCustomer(u"زينب العبري"_s, u"12345678"_s);
    for (const QString &typed : { u"12345678"_s, u"١٢٣٤٥٦٧٨"_s, u"1234 5678"_s }) {
        const Found found = search(typed);
        QCOMPARE(found.rankOf(id), 0);
        QCOMPARE(found.kindOf(id), v1::SEARCH_MATCH_KIND_NATIONAL_ID);
    }

    v1::Mutation mutation;
    mutation.set_mutation_id("search-case-1");
    mutation.mutable_create_case()->set_case_id("a6b0a3c4-2f59-4c38-9a3e-7a4c1f0b9d11");
    mutation.mutable_create_case()->set_customer_id(id);
    mutation.mutable_create_case()->set_category("water.supply_cut");
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent, { mutation }, &pushed).ok());
    QCOMPARE(pushed.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    v1::CallerContext context;
    v1::GetCustomerContextRequest request;
    request.set_customer_id(id);
    QVERIFY(m_client->cases().GetCustomerContext(GrpcTestClient::context(m_agent).get(), request, &context).ok());
    QCOMPARE(context.cases_size(), 1);
    const QString number = QString::fromStdString(context.cases(0).number()); // SN-YYYY-NNNNNN
    QString arabicDigits = number.mid(3);
    for (QChar &c : arabicDigits) {
        if (c.isDigit())
            c = QChar(char16_t(0x0660 + c.digitValue()));
    }
    for (const QString &typed : { number, number.toLower(), number.mid(3), arabicDigits }) {
        const Found found = search(typed);
        QVERIFY2(found.status.ok(), qPrintable(typed));
        QCOMPARE(found.rankOf(id), 0);
        QCOMPARE(found.kindOf(id), v1::SEARCH_MATCH_KIND_CASE_NUMBER);
        QCOMPARE(QString::fromStdString(found.response.matches(0).case_number()), number);
    }
}

void TestSearch::looserSecondPass()
{
    const std::string harthi = createCustomer(u"سلمى الحارثي"_s);
    const std::string ibn = createCustomer(u"طلال بن زاهر المقبالي"_s);
    Found found = search(u"سلمى حارثي"_s);
    QCOMPARE(found.kindOf(harthi), v1::SEARCH_MATCH_KIND_NAME_SIMILAR);
    found = search(u"طلال ابن زاهر المقبالي"_s);
    QCOMPARE(found.rankOf(ibn), 0);
    QCOMPARE(found.kindOf(ibn), v1::SEARCH_MATCH_KIND_NAME_SIMILAR);
}

void TestSearch::newCustomersAndContactsAreSearchable()
{
    QCOMPARE(search(u"قيس الكلباني"_s).response.customers_size(), 0);
    const std::string id = createCustomer(u"قيس بن مالك الكلباني"_s);
    const Found found = search(u"قيس الكلباني"_s);
    QCOMPARE(found.response.customers_size(), 1);
    QCOMPARE(found.rankOf(id), 0);
    QCOMPARE(QString::fromStdString(found.response.customers(0).name()), u"قيس بن مالك الكلباني"_s);
    QCOMPARE(found.response.customers(0).phones_size(), 1);
}

void TestSearch::badInput()
{
    for (const QString &empty : { QString(), u"   "_s, u"\u200F\u2066\u2069"_s }) {
        const Found found = search(empty);
        QCOMPARE(found.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
        QVERIFY(QString::fromStdString(found.status.error_message()).contains(u"empty"_s));
    }
    const Found tooLong = search(QString(300, u'ب'));
    QCOMPARE(tooLong.status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    QVERIFY(QString::fromStdString(tooLong.status.error_message()).contains(u"300"_s));
    QCOMPARE(search(u"محمد"_s, -1).status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    // Punctuation alone, symbols, a percent sign: nothing found, no error.
    for (const QString &odd : { u"---"_s, u"%"_s, u"_"_s, u"'; DROP TABLE customers; --"_s }) {
        const Found found = search(odd);
        QVERIFY2(found.status.ok(), qPrintable(odd));
    }
    QVERIFY(search(u"محمد"_s).status.ok()); // the table is still there
    // The limit is honoured.
    QVERIFY(search(u"م"_s, 3).response.customers_size() <= 3);
}

QTEST_GUILESS_MAIN(TestSearch)
#include "tst_search.moc"

// The search box's controller against the real server: one request per pause in typing, only
// the newest query shown, and the customers on this desktop when the server cannot be reached.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "core/namequery.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/customersearch.h"
#include "ui/customersearchmodel.h"
#include "ui/customersearchsource.h"
#include "ui/desk.h"
#include "ui/serversearchsource.h"

#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTest>
#include <QTimer>

using namespace sanad;
using namespace sanad::test;

namespace {

constexpr int kWaitMs = 20000;

// Passes searches on to the real source and writes down what the controller asked. With
// holdAnswers it keeps the answers until release() (an answer late on a slow network), and it
// does not pass cancel() on, so that an answer the controller gave up on still arrives.
class RecordingSource final : public ui::CustomerSearchSource
{
public:
    explicit RecordingSource(ui::CustomerSearchSource *inner)
        : m_inner(inner)
    {
        connect(inner, &CustomerSearchSource::finished, this,
                [this](quint64 id, const QList<client::SearchResult> &results) {
                    if (holdAnswers)
                        held.append({ id, results });
                    else
                        Q_EMIT finished(id, results);
                });
        connect(inner, &CustomerSearchSource::failed, this, &CustomerSearchSource::failed);
    }

    quint64 search(const QString &query, int limit) override
    {
        queries.append(query);
        return m_inner->search(query, limit);
    }
    void cancel(quint64 requestId) override
    {
        cancelled.append(requestId);
        if (!holdAnswers)
            m_inner->cancel(requestId);
    }
    void release(quint64 requestId)
    {
        for (const auto &[id, results] : std::as_const(held)) {
            if (id == requestId)
                Q_EMIT finished(id, results);
        }
    }

    QStringList queries;
    QList<quint64> cancelled;
    bool holdAnswers = false;
    QList<std::pair<quint64, QList<client::SearchResult>>> held;

private:
    ui::CustomerSearchSource *m_inner;
};

// Customers kept on this desktop, ranked with the same rules as the server (core's NameQuery):
// what the offline store offers the search box.
class LocalSource final : public ui::CustomerSearchSource
{
public:
    explicit LocalSource(QList<client::CustomerInfo> customers)
        : m_customers(std::move(customers))
    { }

    quint64 search(const QString &query, int limit) override
    {
        const quint64 id = ++m_next;
        const NameQuery name(query);
        QList<client::SearchResult> results;
        for (const client::CustomerInfo &c : std::as_const(m_customers)) {
            const SearchMatch match = name.matchName(c.name);
            if (match != SearchMatch::Unspecified)
                results.append({ c, match, QString() });
        }
        std::stable_sort(
            results.begin(), results.end(),
            [](const client::SearchResult &a, const client::SearchResult &b) { return a.match < b.match; });
        results = results.mid(0, limit);
        searches.append(query);
        QTimer::singleShot(0, this, [this, id, results] { Q_EMIT finished(id, results); });
        return id;
    }
    void cancel(quint64) override { }

    QStringList searches;

private:
    QList<client::CustomerInfo> m_customers;
    quint64 m_next = 0;
};

client::CustomerInfo customer(const QString &name)
{
    client::CustomerInfo c;
    c.id = name;
    c.name = name;
    c.phones = { QStringLiteral("+96891234567") };
    return c;
}

QStringList shownNames(const ui::CustomerSearchModel *model)
{
    QStringList names;
    for (int row = 0; row < model->rowCount(); ++row)
        names << model->index(row).data(ui::CustomerSearchModel::NameRole).toString();
    return names;
}

} // namespace

class TestCustomerSearch final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void typingSendsOneQueryAfterThePause();
    void enterSendsAtOnce();
    void onlyTheNewestQueryCounts();
    void clearingCancelsTheRequest();
    void goingAwayWithASearchInFlight();
    void offlineTheSearchUsesThisDesktopsCustomers();

private:
    IsolatedSettings m_settings;
    DemoServer m_server;
    std::unique_ptr<client::SanadClient> m_client;
};

void TestCustomerSearch::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start());
    m_client = std::make_unique<client::SanadClient>();
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    m_client->login(m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(m_client->isLoggedIn(), kWaitMs);
}

void TestCustomerSearch::typingSendsOneQueryAfterThePause()
{
    ui::ServerSearchSource server(m_client.get());
    RecordingSource recorder(&server);
    ui::CustomerSearch search(&recorder);
    // Keystrokes faster than the pause: each one restarts the wait.
    QString typed;
    for (const QChar c : QStringLiteral("ايمان البلوشى")) {
        typed += c;
        search.setText(typed);
        QCOMPARE(search.state(), ui::CustomerSearch::State::Waiting);
    }
    QTRY_COMPARE_WITH_TIMEOUT(search.state(), ui::CustomerSearch::State::Results, kWaitMs);
    QCOMPARE(recorder.queries, QStringList { typed });
    // The demo's إيمان البلوشي, spelled as agents type it, comes first.
    QVERIFY(search.model()->rowCount() > 0);
    QCOMPARE(search.model()->resultAt(0).customer.name, QStringLiteral("إيمان البلوشي"));
    QCOMPARE(search.model()->resultAt(0).match, SearchMatch::NameExact);
    QCOMPARE(search.query(), typed);
    QVERIFY(!search.isLocal());
}

void TestCustomerSearch::enterSendsAtOnce()
{
    ui::ServerSearchSource server(m_client.get());
    RecordingSource recorder(&server);
    ui::CustomerSearch search(&recorder);
    search.setText(QStringLiteral("البلوشي"));
    QVERIFY(search.isWaiting());
    search.searchNow();
    QVERIFY(!search.isWaiting());
    QCOMPARE(search.state(), ui::CustomerSearch::State::Searching);
    QCOMPARE(recorder.queries.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(search.state(), ui::CustomerSearch::State::Results, kWaitMs);
    // Nothing more goes out when the pause would have ended.
    QTest::qWait(ui::CustomerSearch::kDebounceMs * 2);
    QCOMPARE(recorder.queries.size(), 1);
}

void TestCustomerSearch::onlyTheNewestQueryCounts()
{
    ui::ServerSearchSource server(m_client.get());
    RecordingSource recorder(&server);
    recorder.holdAnswers = true;
    ui::CustomerSearch search(&recorder);
    search.setText(QStringLiteral("إيمان"));
    search.searchNow();
    search.setText(QStringLiteral("فاطمة"));
    search.searchNow();
    QCOMPARE(recorder.queries, (QStringList { QStringLiteral("إيمان"), QStringLiteral("فاطمة") }));
    // The first request was given up as soon as the second started.
    QCOMPARE(recorder.cancelled.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(recorder.held.size(), 2, kWaitMs);
    const quint64 first = recorder.cancelled.constFirst();
    const quint64 second = first == recorder.held[0].first ? recorder.held[1].first : recorder.held[0].first;

    recorder.release(second);
    QCOMPARE(search.state(), ui::CustomerSearch::State::Results);
    const QStringList newest = shownNames(search.model());
    QVERIFY(!newest.isEmpty());
    for (const QString &name : newest)
        QVERIFY2(name.startsWith(QStringLiteral("فاطمة")), qPrintable(name));
    // The older answer arrives late: it is not shown.
    recorder.release(first);
    QCOMPARE(shownNames(search.model()), newest);
    QCOMPARE(search.query(), QStringLiteral("فاطمة"));
}

void TestCustomerSearch::clearingCancelsTheRequest()
{
    ui::ServerSearchSource server(m_client.get());
    RecordingSource recorder(&server);
    ui::CustomerSearch search(&recorder);
    search.setText(QStringLiteral("سالم"));
    search.searchNow();
    search.setText(QStringLiteral("   "));
    QCOMPARE(search.state(), ui::CustomerSearch::State::Idle);
    QCOMPARE(recorder.cancelled.size(), 1);
    QCOMPARE(search.model()->rowCount(), 0);
    QTest::qWait(500);
    QCOMPARE(search.state(), ui::CustomerSearch::State::Idle);
    QCOMPARE(search.model()->rowCount(), 0);
}

void TestCustomerSearch::goingAwayWithASearchInFlight()
{
    // As in the agent window: the source is destroyed before the controller that uses it, with a
    // request in flight, and its answer comes after both are gone.
    auto owner = std::make_unique<QObject>();
    auto *server = new ui::ServerSearchSource(m_client.get(), owner.get());
    auto *search = new ui::CustomerSearch(server, owner.get());
    search->setText(QStringLiteral("البلوشي"));
    search->searchNow();
    QCOMPARE(search->state(), ui::CustomerSearch::State::Searching);
    owner.reset();
    QTest::qWait(500);
    // The client is fine and answers the next search.
    ui::ServerSearchSource again(m_client.get());
    ui::CustomerSearch next(&again);
    next.setText(QStringLiteral("البلوشي"));
    next.searchNow();
    QTRY_COMPARE_WITH_TIMEOUT(next.state(), ui::CustomerSearch::State::Results, kWaitMs);
}

void TestCustomerSearch::offlineTheSearchUsesThisDesktopsCustomers()
{
    // A desktop signed in to a server that then goes away.
    ServerProcess server;
    QVERIFY(server.addUser(QStringLiteral("agent9"), QStringLiteral("agent"), QStringLiteral("a-long-password")));
    QVERIFY(server.start());
    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    desk.start(options);
    typeSignIn(desk, server.address(), QStringLiteral("agent9"), QStringLiteral("a-long-password"));
    QTRY_VERIFY_WITH_TIMEOUT(desk.agentWindow() && desk.agentWindow()->isVisible(), kWaitMs);
    ui::AgentWindow *window = desk.agentWindow();
    LocalSource local({ customer(QStringLiteral("فاطمة البلوشي")), customer(QStringLiteral("إيمان البلوشي")),
                        customer(QStringLiteral("خالد الحارثي")) });
    window->customerSearch()->setLocalSource(&local);
    server.kill();

    auto *edit = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *status = window->findChild<QLabel *>(QStringLiteral("searchStatus"));
    QVERIFY(edit && status);
    edit->setFocus();
    typeText(edit, QStringLiteral("ايمان البلوشى"));
    QTest::keyClick(edit, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->customerSearch()->state(), ui::CustomerSearch::State::Results, kWaitMs);
    QVERIFY(window->customerSearch()->isLocal());
    QCOMPARE(local.searches, QStringList { QStringLiteral("ايمان البلوشى") });
    // The same ranking as the server's: the right person, then the family.
    QCOMPARE(shownNames(window->customerSearch()->model()),
             (QStringList { QStringLiteral("إيمان البلوشي"), QStringLiteral("فاطمة البلوشي") }));
    QVERIFY2(status->text().contains(QStringLiteral("تعذّر الوصول إلى الخادم")), qPrintable(status->text()));
    window->customerSearch()->setLocalSource(nullptr);
}

QTEST_MAIN(TestCustomerSearch)
#include "tst_customersearch.moc"

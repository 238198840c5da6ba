// The screen-pop end to end: the PBX reports a call to the real sanad-server, the agent's real
// desktop shows the caller before answering, the agent accepts and ends with the keyboard.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "sanad/v1/supervisor.grpc.pb.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/casehistorymodel.h"
#include "ui/caselistmodel.h"
#include "ui/customersearchmodel.h"
#include "ui/desk.h"
#include "ui/displaytext.h"
#include "ui/offerbanner.h"
#include "ui/ringer.h"
#include "ui/screenpop.h"
#include "ui/wrapuppanel.h"

#include <QAbstractItemModelTester>
#include <QAction>
#include <QApplication>
#include <QBrush>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QRadioButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>
#include <QTreeView>

using namespace sanad;
using namespace sanad::test;

namespace {

QString plain(const QString &text)
{
    return ui::bidi::stripFormatCharacters(text);
}

QString labelText(QWidget *window, const QString &objectName)
{
    auto *label = window->findChild<QLabel *>(objectName);
    return label ? label->text() : QStringLiteral("<no label %1>").arg(objectName);
}

} // namespace

class TestScreenPop final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void init();
    void cleanup();
    void knownCallerPopsBeforeAnswering();
    void unknownCallerBecomesACustomer();
    void abandonedCallStopsRinging();
    void searchAsYouTypeOpensTheCustomer();
    void overdueReferralIsRedAtTheScreenPop();
    void wrapUpIsRecordedAndTheAgentIsAvailable();
    void screenPopWorksWithoutAWindow();

private:
    // Signs in the given agent and goes available with F9.
    void signInAvailable(const DemoAccount &agent);

    IsolatedSettings m_settings;
    DemoServer m_server;
    std::unique_ptr<ui::Desk> m_desk;
};

void TestScreenPop::initTestCase()
{
    QVERIFY(m_settings.isValid());
    // An abandoned caller would be offered back a couple of minutes later (ui_callbacks tests
    // that): here no callback may ring in the middle of a later test.
    QVERIFY(m_server.start(m_server.process().policyArgs(ServerProcess::kCallbacksNextDay)));
}

void TestScreenPop::init()
{
    m_desk = std::make_unique<ui::Desk>();
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    m_desk->start(options);
}

void TestScreenPop::cleanup()
{
    m_desk.reset();
}

void TestScreenPop::signInAvailable(const DemoAccount &agent)
{
    typeSignIn(*m_desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    ui::AgentWindow *window = m_desk->agentWindow();
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->client()->streamState(), client::SanadClient::StreamState::Connected, 15000);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);
    QVERIFY(plain(labelText(window, QStringLiteral("presenceLabel"))).startsWith(QStringLiteral("متاح")));
}

void TestScreenPop::knownCallerPopsBeforeAnswering()
{
    const QString number = m_server.knownNumber(2);
    QVERIFY2(!number.isEmpty(), "the demo dataset has no customer with two contacts");
    // What the server says about this caller, asked behind the desktop's back.
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));
    QVERIFY(expected.known());
    const QString expectedName = QString::fromStdString(expected.customer().name());
    const int expectedHistory = expected.history_size();

    signInAvailable(m_server.account(QStringLiteral("agent"), 0));
    ui::AgentWindow *window = m_desk->agentWindow();
    QAbstractItemModelTester historyTester(window->screenPop()->historyModel(),
                                           QAbstractItemModelTester::FailureReportingMode::QtTest);
    QAbstractItemModelTester casesTester(window->screenPop()->caseModel(),
                                         QAbstractItemModelTester::FailureReportingMode::QtTest);

    const QString callId = QStringLiteral("ui-known-1");
    QVERIFY(m_server.reportCall(callId, v1::CALL_EVENT_KIND_OFFERED, number));

    // It rings, and the caller is on screen before anyone answers.
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    QVERIFY(banner);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QVERIFY(banner->isVisible());
    QCOMPARE(banner->callId(), callId);
    QTRY_COMPARE_WITH_TIMEOUT(plain(labelText(window, QStringLiteral("customerName"))), expectedName, 15000);
    auto *historyView = window->findChild<QTableView *>(QStringLiteral("historyView"));
    QVERIFY(historyView && historyView->isVisible());
    QTRY_COMPARE_WITH_TIMEOUT(historyView->model()->rowCount(), expectedHistory, 15000);
    QCOMPARE(banner->mode(), ui::OfferBanner::Mode::Offered);
    // The banner names the caller once known.
    QTRY_VERIFY_WITH_TIMEOUT(plain(banner->text()).contains(expectedName), 15000);

    // The repeat-contact warning when the server counts earlier contacts this week.
    auto *repeat = window->findChild<QLabel *>(QStringLiteral("repeatWarning"));
    QVERIFY(repeat);
    QCOMPARE(repeat->isVisible(), expected.repeat_contact().repeat());
    if (expected.repeat_contact().repeat())
        QVERIFY2(repeat->text().startsWith(QStringLiteral("المكالمة")), qPrintable(repeat->text()));

    // Right to left, and the caller's numbers isolated left to right inside it, grouped, in
    // Arabic-Indic digits (the default of the Arabic interface).
    QCOMPARE(window->layoutDirection(), Qt::RightToLeft);
    const QString phones = labelText(window, QStringLiteral("customerPhones"));
    QVERIFY2(phones.contains(ui::DisplayText::phoneNumber(number)), qPrintable(phones));
    QVERIFY2(phones.startsWith(QStringLiteral("\u200F\u2066+٩٦٨\u00A0")), qPrintable(phones));
    // Case numbers in the case list and in the history are isolated too.
    auto *caseView = window->findChild<QTreeView *>(QStringLiteral("caseView"));
    QVERIFY(caseView);
    QCOMPARE(caseView->model()->rowCount(), expected.cases_size());
    if (expected.cases_size() > 0) {
        const QString shownNumber = caseView->model()->index(0, ui::CaseListModel::NumberColumn).data().toString();
        QVERIFY(shownNumber.startsWith(QChar(ui::bidi::kLri)) && shownNumber.endsWith(QChar(ui::bidi::kPdi)));
    }
    // Newest first, like the server's history.
    const QAbstractItemModel *history = historyView->model();
    for (int row = 1; row < history->rowCount(); ++row) {
        QVERIFY(history->index(row - 1, 0).data(ui::CaseHistoryModel::OccurredAtRole).toDateTime()
                >= history->index(row, 0).data(ui::CaseHistoryModel::OccurredAtRole).toDateTime());
    }
    QCOMPARE(history->index(0, 0).data(ui::CaseHistoryModel::InteractionIdRole).toString(),
             QString::fromStdString(expected.history(0).id()));

    // Alt+H moves the keyboard into the history.
    QTest::keyClick(window, Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(historyView->hasFocus(), 15000);
    QCOMPARE(historyView->currentIndex().row(), 0);

    // Accept with Ctrl+Return.
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::OnContact, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    // End with Ctrl+E: wrap-up.
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::WrapUp, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::WrapUp, 15000);
    QVERIFY(plain(labelText(window, QStringLiteral("presenceLabel"))).startsWith(QStringLiteral("ما بعد المكالمة")));
    QVERIFY(banner->isVisible());
    // F9 ends wrap-up.
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!banner->isVisible(), 15000);
}

void TestScreenPop::unknownCallerBecomesACustomer()
{
    // A national-format number the demo does not know; the server reads it in its region (OM).
    const QString dialled = QStringLiteral("7999 0174");
    v1::CallerContext before;
    QVERIFY(m_server.lookup(dialled, &before));
    QVERIFY2(!before.known(), "the demo dataset happens to hold the test's unknown number");
    const QString normalized = QString::fromStdString(before.normalized_number());
    QCOMPARE(normalized, QStringLiteral("+96879990174"));

    signInAvailable(m_server.account(QStringLiteral("agent"), 1));
    ui::AgentWindow *window = m_desk->agentWindow();
    QVERIFY(m_server.reportCall(QStringLiteral("ui-unknown-1"), v1::CALL_EVENT_KIND_OFFERED, dialled));

    // The new-caller card with the normalised number, isolated for the RTL card.
    auto *form = window->findChild<QWidget *>(QStringLiteral("newCallerForm"));
    QVERIFY(form);
    QTRY_VERIFY_WITH_TIMEOUT(form->isVisible(), 15000);
    QCOMPARE(window->screenPop()->state(), ui::ScreenPop::State::Unknown);
    QCOMPARE(labelText(window, QStringLiteral("newCallerNumber")), ui::DisplayText::phoneNumber(normalized));
    QCOMPARE(plain(labelText(window, QStringLiteral("newCallerNumber"))), QStringLiteral("+٩٦٨\u00A0٧٩٩٩\u00A0٠١٧٤"));
    QCOMPARE(window->screenPop()->historyModel()->rowCount(), 0);

    // The name is required: said next to the field.
    auto *name = form->findChild<QLineEdit *>(QStringLiteral("newCallerName"));
    auto *city = form->findChild<QLineEdit *>(QStringLiteral("newCallerCity"));
    auto *nationalId = form->findChild<QLineEdit *>(QStringLiteral("newCallerNationalId"));
    auto *nameError = form->findChild<QLabel *>(QStringLiteral("newCallerNameError"));
    QVERIFY(name && city && nationalId && nameError);
    QTest::keyClick(name, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(nameError->isVisible(), 15000);
    QVERIFY(nameError->text().startsWith(QStringLiteral("أدخل اسم المتصل")));
    QCOMPARE(window->screenPop()->state(), ui::ScreenPop::State::Unknown);

    // Filled in, with the national ID in Arabic-Indic digits as agents type them.
    const QString newName = QStringLiteral("سالم بن علي التجريبي");
    typeText(name, newName);
    typeText(city, QStringLiteral("صحار"));
    typeText(nationalId, QStringLiteral("١٢٣٤٥٦٧"));
    QCOMPARE(name->text(), newName);
    QTest::keyClick(nationalId, Qt::Key_Return);
    QVERIFY(!nameError->isVisible());

    // The card becomes the customer's card.
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(plain(labelText(window, QStringLiteral("customerName"))), newName, 15000);
    QVERIFY(labelText(window, QStringLiteral("customerPhones")).contains(ui::DisplayText::phoneNumber(normalized)));
    QCOMPARE(plain(labelText(window, QStringLiteral("customerNationalId"))), QStringLiteral("١٢٣٤٥٦٧"));
    v1::CallerContext after;
    QVERIFY(m_server.lookup(normalized, &after));
    QVERIFY(after.known());
    QCOMPARE(QString::fromStdString(after.customer().name()), newName);
    QCOMPARE(QString::fromStdString(after.customer().national_id()), QStringLiteral("1234567"));

    // The call is still offered: accept and end it like the agent would.
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::WrapUp, 15000);
}

void TestScreenPop::abandonedCallStopsRinging()
{
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    signInAvailable(m_server.account(QStringLiteral("lead")));
    ui::AgentWindow *window = m_desk->agentWindow();
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    QVERIFY(banner);

    const QString callId = QStringLiteral("ui-abandoned-1");
    QVERIFY(m_server.reportCall(callId, v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QVERIFY(window->ringer()->isRinging());
    auto *accept = window->findChild<QAction *>(QStringLiteral("acceptAction"));
    QVERIFY(accept && accept->isEnabled());

    // The caller hangs up before anyone answers.
    QVERIFY(m_server.reportCall(callId, v1::CALL_EVENT_KIND_ABANDONED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Revoked, 15000);
    QVERIFY(!window->ringer()->isRinging());
    QVERIFY(!accept->isEnabled());
    QVERIFY2(plain(banner->text()).startsWith(QStringLiteral("أنهى المتصل المكالمة")), qPrintable(banner->text()));
    // Ctrl+Return now does nothing.
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QCOMPARE(banner->mode(), ui::OfferBanner::Mode::Revoked);
    QCOMPARE(window->presence(), AgentState::Available);
}

void TestScreenPop::searchAsYouTypeOpensTheCustomer()
{
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));
    signInAvailable(m_server.account(QStringLiteral("trainer")));
    ui::AgentWindow *window = m_desk->agentWindow();

    // Ctrl+F, then the number as a person types it, with spaces.
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *results = window->findChild<QListView *>(QStringLiteral("searchResults"));
    QVERIFY(search && results);
    QTRY_VERIFY_WITH_TIMEOUT(search->hasFocus(), 15000);
    const QString typed = number.left(4) + u' ' + number.mid(4, 4) + u' ' + number.mid(8);
    QTest::keyClicks(search, typed);
    QTRY_VERIFY_WITH_TIMEOUT(results->isVisible() && results->model()->rowCount() > 0, 15000);
    bool listed = false;
    for (int row = 0; row < results->model()->rowCount(); ++row) {
        listed = listed
            || results->model()->index(row, 0).data(ui::CustomerSearchModel::CustomerIdRole).toString()
                == QString::fromStdString(expected.customer().id());
    }
    QVERIFY(listed);
    const QString firstId = results->model()->index(0, 0).data(ui::CustomerSearchModel::CustomerIdRole).toString();
    const QString firstName = results->model()->index(0, 0).data(ui::CustomerSearchModel::NameRole).toString();

    // Enter opens the selected (first) result on the screen-pop.
    QTest::keyClick(search, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QCOMPARE(window->screenPop()->context().customer.id, firstId);
    QCOMPARE(plain(labelText(window, QStringLiteral("customerName"))), firstName);
    QVERIFY(window->screenPop()->historyModel()->rowCount() > 0);
    QVERIFY(!results->isVisible());
}

void TestScreenPop::overdueReferralIsRedAtTheScreenPop()
{
    // PRODUCT.md's street-light caller: the demo seeds his referral two days past its due time.
    signInAvailable(m_server.account(QStringLiteral("agent"), 1));
    ui::AgentWindow *window = m_desk->agentWindow();
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *results = window->findChild<QListView *>(QStringLiteral("searchResults"));
    QVERIFY(search && results);
    search->insert(QStringLiteral("خالد بن حمد العامري"));
    QTRY_VERIFY_WITH_TIMEOUT(results->isVisible() && results->model()->rowCount() > 0, 15000);
    const QString number = results->model()->index(0, 0).data(ui::CustomerSearchModel::PrimaryPhoneRole).toString();
    QVERIFY(!number.isEmpty());
    search->clear();

    // He calls again: before anyone answers, the referral's row says how late it is, in red.
    QVERIFY(m_server.reportCall(QStringLiteral("ui-overdue-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    auto *caseView = window->findChild<QTreeView *>(QStringLiteral("caseView"));
    QVERIFY(caseView && caseView->isVisible());
    const QAbstractItemModel *cases = caseView->model();
    QTRY_VERIFY_WITH_TIMEOUT(cases->rowCount() > 0, 15000);
    QModelIndex overdue;
    for (int row = 0; row < cases->rowCount() && !overdue.isValid(); ++row) {
        const QModelIndex parent = cases->index(row, 0);
        for (int child = 0; child < cases->rowCount(parent); ++child) {
            if (cases->index(child, 0, parent).data(ui::CaseListModel::IsOverdueRole).toBool())
                overdue = cases->index(child, 0, parent);
        }
    }
    QVERIFY2(overdue.isValid(), "no overdue referral on the screen-pop");
    QVERIFY(caseView->isExpanded(overdue.parent()));
    QCOMPARE(overdue.data(Qt::ForegroundRole).value<QBrush>().color(), QColor(0xc6, 0x28, 0x28));
    const QString text = ui::bidi::stripFormatCharacters(overdue.data().toString());
    QVERIFY2(text.contains(QStringLiteral("الإنارة البلدية")) && text.contains(QStringLiteral("م. خالد الريامي")),
             qPrintable(text));
    QVERIFY2(text.contains(QStringLiteral("متأخرة")), qPrintable(text));
    QVERIFY(m_server.reportCall(QStringLiteral("ui-overdue-1"), v1::CALL_EVENT_KIND_ABANDONED, number));
}

void TestScreenPop::wrapUpIsRecordedAndTheAgentIsAvailable()
{
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));
    signInAvailable(m_server.account(QStringLiteral("agent"), 0));
    ui::AgentWindow *window = m_desk->agentWindow();
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    auto *panel = window->findChild<ui::WrapUpPanel *>(QStringLiteral("wrapUpPanel"));
    QVERIFY(banner && panel);
    QVERIFY(!panel->isVisible());

    QVERIFY(m_server.reportCall(QStringLiteral("ui-wrapup-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);

    // The contact ended: the wrap-up panel, its after-call-work time counting, the keyboard in it.
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::WrapUp, 15000);
    auto *disposition = panel->findChild<QComboBox *>(QStringLiteral("wrapUpDisposition"));
    auto *notes = panel->findChild<QLineEdit *>(QStringLiteral("wrapUpNotes"));
    auto *error = panel->findChild<QLabel *>(QStringLiteral("wrapUpError"));
    auto *dissatisfied = panel->findChild<QRadioButton *>(QStringLiteral("wrapUpDissatisfied"));
    QVERIFY(disposition && notes && error && dissatisfied);
    QTRY_VERIFY_WITH_TIMEOUT(disposition->hasFocus(), 15000);
    QVERIFY(plain(labelText(panel, QStringLiteral("wrapUpTimer"))).startsWith(QStringLiteral("وقت ما بعد المكالمة")));

    // Saving with nothing chosen says what is missing, and keeps the agent in wrap-up.
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("طريقة انتهاء")), qPrintable(error->text()));
    QVERIFY(panel->isVisible());
    QCOMPARE(window->presence(), AgentState::WrapUp);

    // Keyboard only: the disposition with the arrows, notes, the mood, Ctrl+S.
    while (disposition->currentData().toString() != QLatin1StringView("complaint_logged")) {
        const int before = disposition->currentIndex();
        QTest::keyClick(disposition, Qt::Key_Down);
        QVERIFY2(disposition->currentIndex() != before, "complaint_logged is not in the list");
    }
    QVERIFY(!error->isVisible());
    QTest::keyClick(disposition, Qt::Key_Tab);
    QTRY_VERIFY(notes->hasFocus());
    notes->insert(QStringLiteral("المياه ما زالت مقطوعة؛ اعتذرت وسجلت الشكوى"));
    dissatisfied->setFocus();
    QTest::keyClick(dissatisfied, Qt::Key_Space);
    QVERIFY(dissatisfied->isChecked());
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);

    // The server has it: the lead's follow-up list shows the dissatisfied caller.
    auto supervisor = v1::SupervisorService::NewStub(m_server.grpc().channel());
    const QString lead = m_server.token(m_server.account(QStringLiteral("lead")));
    const QString name = QString::fromStdString(expected.customer().name());
    bool listed = false;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            v1::GetFollowUpListRequest request;
            v1::FollowUpList list;
            if (!supervisor->GetFollowUpList(GrpcTestClient::context(lead).get(), request, &list).ok())
                return false;
            for (const v1::FollowUpItem &item : list.items())
                listed = listed
                    || (item.reason() == v1::FOLLOW_UP_REASON_DISSATISFIED_CALLER
                        && QString::fromStdString(item.customer_name()) == name);
            return listed;
        }(),
        15000);
}

void TestScreenPop::screenPopWorksWithoutAWindow()
{
    // The controller alone (as the benchmark uses it): a client, an offer, the models filled.
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));

    client::SanadClient client;
    ui::ScreenPop pop(&client);
    QAbstractItemModelTester tester(pop.historyModel(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    const DemoAccount agent = m_server.account(QStringLiteral("agent"), 2);
    client.login(m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(client.isLoggedIn(), 15000);
    client.startAgentStream();
    QTRY_COMPARE_WITH_TIMEOUT(client.streamState(), client::SanadClient::StreamState::Connected, 15000);
    // The server confirms the state before it offers.
    bool available = false;
    connect(&client, &client::SanadClient::presenceChanged, this,
            [&available](AgentState state) { available = available || state == AgentState::Available; });
    client.setPresence(AgentState::Available);
    QTRY_VERIFY_WITH_TIMEOUT(available, 15000);

    QVERIFY(m_server.reportCall(QStringLiteral("ui-headless-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(pop.state(), ui::ScreenPop::State::Known, 15000);
    QCOMPARE(pop.historyModel()->rowCount(), expected.history_size());
    QCOMPARE(pop.caseModel()->rowCount(), expected.cases_size());
    QCOMPARE(pop.context().customer.id, QString::fromStdString(expected.customer().id()));
    QVERIFY(m_server.reportCall(QStringLiteral("ui-headless-1"), v1::CALL_EVENT_KIND_ABANDONED, number));
}

QTEST_MAIN(TestScreenPop)
#include "tst_screenpop.moc"

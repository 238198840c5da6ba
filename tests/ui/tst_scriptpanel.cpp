// Guided scripts on the desktop, end to end: the PBX reports a call from a caller with an open
// complaint, the agent accepts it and runs the suggested script to "resolved with the customer's
// confirmation" with the keyboard only (going back once on the way), and a second agent signed in
// to the same server finds the transcript in the caller's history, in either language.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "core/scriptrun.h"
#include "ui/agentwindow.h"
#include "ui/desk.h"
#include "ui/offerbanner.h"
#include "ui/screenpop.h"
#include "ui/scriptpanel.h"

#include <QApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QSignalSpy>
#include <QTest>
#include <QUuid>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

class TestScriptPanel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void runToConfirmedResolutionWithTheKeyboard();
    void identityByOneTimeCodeWithTheKeyboard();

private:
    // A caller with one open case of the category, made behind the desktop's back; the customer id.
    std::string newCaller(const QString &number, const char *category);
    static void press(Qt::Key key, Qt::KeyboardModifiers modifiers = Qt::NoModifier)
    {
        QTest::keyClick(QApplication::focusWidget(), key, modifiers);
    }

    IsolatedSettings m_settings;
    DemoServer m_server;
    QString m_codeLog;
};

void TestScriptPanel::initTestCase()
{
    QVERIFY(m_settings.isValid());
    m_codeLog = m_server.process().dataDir() + u"/codes.log"_s;
    QVERIFY(m_server.start({ u"--code-log"_s, m_codeLog }));
}

std::string TestScriptPanel::newCaller(const QString &number, const char *category)
{
    const std::string customerId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    v1::Mutation customer;
    customer.set_mutation_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    customer.mutable_create_customer()->set_customer_id(customerId);
    customer.mutable_create_customer()->set_name("نورة بنت سعيد الهنائية");
    customer.mutable_create_customer()->add_phones(number.toStdString());
    v1::Mutation kase;
    kase.set_mutation_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    kase.mutable_create_case()->set_case_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    kase.mutable_create_case()->set_customer_id(customerId);
    kase.mutable_create_case()->set_category(category);
    v1::PushResponse pushed;
    if (!m_server.grpc().push(m_server.token(m_server.account(u"admin"_s)), { customer, kase }, &pushed).ok()
        || pushed.results_size() != 2 || pushed.results(1).outcome() != v1::MUTATION_OUTCOME_APPLIED)
        return {};
    return customerId;
}

void TestScriptPanel::runToConfirmedResolutionWithTheKeyboard()
{
    // A caller with an open general complaint, made behind the desktop's back.
    const QString number = u"+96894440017"_s;
    const std::string customerId = newCaller(number, "general.complaint");
    QVERIFY(!customerId.empty());

    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    desk.start(options);
    ui::AgentWindow *window = signInAvailable(desk, m_server.address(), m_server.account(u"agent"_s));
    QVERIFY(window);

    // The call rings; Ctrl+Return accepts it.
    QVERIFY(m_server.reportCall(u"ui-script-1"_s, v1::CALL_EVENT_KIND_OFFERED, number));
    auto *banner = window->findChild<ui::OfferBanner *>();
    QVERIFY(banner);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::OnContact, 15000);

    // Alt+G: the scripts, the one for the open case's category suggested first.
    auto *panel = window->findChild<ui::ScriptPanel *>(u"scriptPanel"_s);
    auto *list = window->findChild<QListWidget *>(u"scriptList"_s);
    QVERIFY(panel && list);
    QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 7, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(list->item(0)->text().contains(u"شكوى عامة مع متابعة"_s), 15000);
    // Beside the caller; open search results take its place and give it back when closed.
    QVERIFY(panel->isVisible());
    auto *searchBox = window->findChild<QLineEdit *>(u"searchEdit"_s);
    QVERIFY(searchBox);
    searchBox->setText(u"البلوشي"_s);
    QTRY_VERIFY(!panel->isVisible());
    searchBox->clear();
    QTRY_VERIFY(panel->isVisible());
    QTest::keyClick(window, Qt::Key_G, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() == window->findChild<QLineEdit *>(u"scriptSearch"_s), 15000);
    press(Qt::Key_Return);
    auto *stepText = window->findChild<QLabel *>(u"scriptStepText"_s);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isRunning(), 15000);
    QVERIFY2(stepText->text().contains(u"نورة بنت سعيد الهنائية"_s), qPrintable(stepText->text()));

    press(Qt::Key_Return); // greeting read
    QTRY_VERIFY(stepText->text().contains(u"بكلمات العميل"_s));
    typeText(QApplication::focusWidget(), u"ضعف ضغط المياه منذ أسبوع ولم يتصل بي أحد"_s);
    press(Qt::Key_Return);
    QTRY_VERIFY(stepText->text().contains(u"الشكوى عن"_s));
    // One step back (Alt+Left) and forward again: the transcript keeps both.
    press(Qt::Key_Left, Qt::AltModifier);
    QTRY_VERIFY(stepText->text().contains(u"بكلمات العميل"_s));
    typeText(QApplication::focusWidget(), u"ضعف ضغط المياه منذ أسبوعين"_s);
    press(Qt::Key_Return);
    QTRY_VERIFY(stepText->text().contains(u"الشكوى عن"_s));
    press(Qt::Key_3); // quality of a service
    QTRY_VERIFY(stepText->text().contains(u"متى حدث ذلك"_s));
    press(Qt::Key_Return); // the date is optional
    QTRY_VERIFY(stepText->text().contains(u"أعتذر لك"_s));
    press(Qt::Key_Return);
    QTRY_VERIFY(stepText->text().contains(u"ما الذي يمكن فعله الآن"_s));
    QSignalSpy recorded(panel, &ui::ScriptPanel::runRecorded);
    QSignalSpy failed(panel, &ui::ScriptPanel::recordFailed);
    press(Qt::Key_1); // solved during the call
    QTRY_VERIFY(stepText->text().contains(u"هل نعتبر شكواك محلولة"_s));
    press(Qt::Key_1); // the customer confirms
    QTRY_VERIFY_WITH_TIMEOUT(recorded.count() + failed.count() > 0, 15000);
    QCOMPARE(failed.count(), 0);

    // A second agent on the same server opens the customer and reads the transcript.
    const DemoAccount second = m_server.account(u"agent"_s, 1);
    client::SanadClient other;
    QSignalSpy loggedIn(&other, &client::SanadClient::loggedIn);
    other.login(m_server.address(), second.username, second.password);
    QTRY_VERIFY_WITH_TIMEOUT(!loggedIn.isEmpty(), 15000);
    QSignalSpy context(&other, &client::SanadClient::callerContextReady);
    other.customerContext(QString::fromStdString(customerId));
    QTRY_VERIFY_WITH_TIMEOUT(!context.isEmpty(), 15000);
    const client::CallerContext caller = context.constFirst().at(1).value<client::CallerContext>();
    const client::InteractionInfo *run = nullptr;
    for (const client::InteractionInfo &i : caller.history)
        if (i.isScriptRun())
            run = &i;
    QVERIFY(run);
    QCOMPARE(run->scriptId, u"general.complaint"_s);
    QCOMPARE(run->scriptOutcome, u"resolved"_s);
    const QList<TranscriptEntry> entries
        = ScriptRun::transcriptFromJson(QJsonDocument::fromJson(run->scriptTranscript).array());
    const QString arabic = ScriptRun::transcriptText(entries, u"ar");
    const QString english = ScriptRun::transcriptText(entries, u"en");
    QVERIFY2(arabic.contains(u"ضعف ضغط المياه منذ أسبوعين"_s), qPrintable(arabic));
    QVERIFY(arabic.contains(u"↶ رجوع خطوة"_s));
    QVERIFY(arabic.contains(u"أكّد العميل الحل"_s));
    QVERIFY2(english.contains(u"Write the complaint in the customer's own words"_s), qPrintable(english));
    QVERIFY(english.contains(u"↶ went back one step"_s));
    QVERIFY(english.contains(u"Resolved, confirmed by the customer"_s));
    // The case counts as resolved: the customer confirmed.
    QVERIFY(!caller.cases.isEmpty());
    QCOMPARE(caller.cases.constFirst().status, CaseStatus::Resolved);
    QVERIFY(caller.cases.constFirst().customerConfirmed);
}

void TestScriptPanel::identityByOneTimeCodeWithTheKeyboard()
{
    const QString number = u"+96894440023"_s;
    const std::string customerId = newCaller(number, "bank.card");
    QVERIFY(!customerId.empty());
    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::English;
    options.sound = false;
    desk.start(options);
    ui::AgentWindow *window = signInAvailable(desk, m_server.address(), m_server.account(u"agent"_s, 2));
    QVERIFY(window);
    QVERIFY(m_server.reportCall(u"ui-script-2"_s, v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);

    auto *list = window->findChild<QListWidget *>(u"scriptList"_s);
    QTRY_VERIFY_WITH_TIMEOUT(list->count() >= 7 && list->item(0)->text().contains(u"Bank card"_s), 15000);
    QTest::keyClick(window, Qt::Key_G, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(QApplication::focusWidget() == window->findChild<QLineEdit *>(u"scriptSearch"_s), 15000);
    press(Qt::Key_Return);
    auto *stepText = window->findChild<QLabel *>(u"scriptStepText"_s);
    QTRY_VERIFY(stepText->text().contains(u"Before any action on your card"_s));
    press(Qt::Key_Return);
    QTRY_VERIFY(stepText->text().contains(u"Verify identity"_s));
    press(Qt::Key_2); // a one-time code to the registered number
    QTRY_VERIFY2_WITH_TIMEOUT(stepText->text().contains(u"Type the code the caller reads out"_s),
                              qPrintable(window->findChild<QLabel *>(u"scriptMessage"_s)->text() + stepText->text()),
                              15000);
    QFile log(m_codeLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QStringList line = QString::fromUtf8(log.readAll()).trimmed().split(u'\n').constLast().split(u' ');
    QCOMPARE(line.at(1), number);
    typeText(QApplication::focusWidget(), line.at(2));
    press(Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(stepText->text().contains(u"What is your request?"_s), 15000);
    press(Qt::Key_2); // replacement card
    QTRY_VERIFY(stepText->text().contains(u"How will they receive the new card?"_s));
    auto *panel = window->findChild<ui::ScriptPanel *>(u"scriptPanel"_s);
    QSignalSpy recorded(panel, &ui::ScriptPanel::runRecorded);
    press(Qt::Key_2); // courier
    QTRY_VERIFY(stepText->text().contains(u"Is your request done?"_s));
    press(Qt::Key_1); // confirmed
    QTRY_VERIFY_WITH_TIMEOUT(!recorded.isEmpty(), 15000);

    v1::CallerContext context;
    QVERIFY(m_server.lookup(number, &context));
    // Verified once, by the code, and kept on the customer's record.
    QCOMPARE(context.customer().verifications_size(), 1);
    QCOMPARE(context.customer().verifications(0).method(), "one_time_code");
    bool found = false;
    for (const v1::Interaction &i : context.history()) {
        if (i.script_id() == "bank.card") {
            found = true;
            QVERIFY(QString::fromStdString(i.script_transcript()).contains(u"Code correct"_s));
            QVERIFY(!QString::fromStdString(i.script_transcript()).contains(line.at(2)));
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(TestScriptPanel)
#include "tst_scriptpanel.moc"

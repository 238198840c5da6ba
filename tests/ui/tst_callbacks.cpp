// No lost callers, at the desktop (docs/cases.md): a caller who hangs up while waiting rings the
// agent back as a callback with the reason, the agent calls, records whether the customer was
// reached in the wrap-up, and the server counts the recovery. The policy of this server calls
// back at once (delay 0) and requires a wrap-up, so F9 cannot skip it. Keyboard only, in Arabic.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/desk.h"
#include "ui/offerbanner.h"
#include "ui/ringer.h"
#include "ui/screenpop.h"
#include "ui/wrapuppanel.h"

#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QRadioButton>
#include <QStatusBar>
#include <QTest>

using namespace sanad;
using namespace sanad::test;

namespace {

// SANAD_UI_SHOTS=DIR keeps a picture of the window at the moments a person would look at.
void keepShot(QWidget *window, const QString &name)
{
    const QString dir = qEnvironmentVariable("SANAD_UI_SHOTS");
    if (!dir.isEmpty() && QDir().mkpath(dir))
        window->grab().save(QDir(dir).filePath(name + QStringLiteral(".png")));
}

} // namespace

class TestCallbacks final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void abandonedCallerIsCalledBackAndRecovered();
    void refusedWrapUpOpensAgain(); // restarts the server with other codes

private:
    IsolatedSettings m_settings;
    DemoServer m_server;
    std::unique_ptr<ui::Desk> m_desk;
};

void TestCallbacks::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start(
        m_server.process().policyArgs(R"({"wrap_up": {"default": "required"}, "callbacks": {"delay_minutes": 0}})")));
    m_desk = std::make_unique<ui::Desk>();
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    m_desk->start(options);
}

void TestCallbacks::abandonedCallerIsCalledBackAndRecovered()
{
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));
    const QString name = QString::fromStdString(expected.customer().name());

    const DemoAccount agent = m_server.account(QStringLiteral("agent"), 0);
    ui::AgentWindow *window = signInAvailable(*m_desk, m_server.address(), agent);
    QVERIFY(window);
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    auto *panel = window->findChild<ui::WrapUpPanel *>(QStringLiteral("wrapUpPanel"));
    QVERIFY(banner && panel);

    // The caller hangs up before the agent answers...
    QVERIFY(m_server.reportCall(QStringLiteral("ui-cb-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->offer().callId, QStringLiteral("ui-cb-1"), 15000);
    QVERIFY(m_server.reportCall(QStringLiteral("ui-cb-1"), v1::CALL_EVENT_KIND_ABANDONED, number));

    // ...and rings back at once as a callback: whom to call and why, before anyone answers.
    QTRY_VERIFY_WITH_TIMEOUT(banner->offer().callback.isCallback(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QVERIFY(window->ringer()->isRinging());
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(ui::bidi::stripFormatCharacters(banner->text()).contains(name), 15000);
    const QString offered = ui::bidi::stripFormatCharacters(banner->text());
    QVERIFY2(offered.startsWith(QStringLiteral("معاودة الاتصال بـ")), qPrintable(offered));
    QVERIFY2(offered.contains(QStringLiteral("أنهى المكالمة أثناء الانتظار")), qPrintable(offered));
    keepShot(window, QStringLiteral("callback-offered"));

    // The agent takes it and calls; the banner says so.
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    QVERIFY2(ui::bidi::stripFormatCharacters(banner->text()).startsWith(QStringLiteral("جارٍ معاودة الاتصال")),
             qPrintable(banner->text()));
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);

    // The wrap-up asks first whether the customer was reached.
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::WrapUp, 15000);
    auto *reached = panel->findChild<QRadioButton *>(QStringLiteral("wrapUpReached"));
    auto *disposition = panel->findChild<QComboBox *>(QStringLiteral("wrapUpDisposition"));
    auto *satisfied = panel->findChild<QRadioButton *>(QStringLiteral("wrapUpSatisfied"));
    auto *error = panel->findChild<QLabel *>(QStringLiteral("wrapUpError"));
    QVERIFY(reached && disposition && satisfied && error);
    QVERIFY(reached->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(reached->hasFocus(), 15000);

    // This queue requires the wrap-up: the banner says so, F9 is refused, and the agent is told
    // what to do.
    QVERIFY2(banner->accessibleDescription().contains(QStringLiteral("تتطلب")),
             qPrintable(banner->accessibleDescription()));
    QTest::keyClick(window, Qt::Key_F9);
    auto *status = window->findChild<QStatusBar *>();
    QVERIFY(status);
    QTRY_VERIFY_WITH_TIMEOUT(status->currentMessage().contains(QStringLiteral("تتطلب ملخص")), 15000);
    QCOMPARE(window->presence(), AgentState::WrapUp);

    // Saving without the result says what is missing.
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QVERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("وصلت إلى العميل")), qPrintable(error->text()));
    keepShot(window, QStringLiteral("callback-wrapup"));

    QTest::keyClick(reached, Qt::Key_Space);
    QVERIFY(reached->isChecked());
    disposition->setFocus();
    while (disposition->currentData().toString() != QLatin1StringView("information_given"))
        QTest::keyClick(disposition, Qt::Key_Down);
    satisfied->setFocus();
    QTest::keyClick(satisfied, Qt::Key_Space);
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), 15000);
    // The server has the wrap-up: it makes the agent available.
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);

    // The callback is recovered on the server.
    const QString token = m_server.token(agent);
    v1::CallbackTask task;
    QTRY_VERIFY_WITH_TIMEOUT(
        [&] {
            v1::PullRequest pull;
            pull.set_limit(5000);
            std::string cursor;
            for (;;) {
                pull.set_cursor(cursor);
                v1::PullResponse changes;
                if (!m_server.grpc().sync().Pull(GrpcTestClient::context(token).get(), pull, &changes).ok())
                    return false;
                for (const v1::Change &change : changes.changes())
                    if (change.has_callback_task() && change.callback_task().abandoned_call_id() == "ui-cb-1")
                        task = change.callback_task();
                if (!changes.has_more())
                    break;
                cursor = changes.next_cursor();
            }
            return task.status() == v1::CALLBACK_STATUS_REACHED;
        }(),
        15000);
    QCOMPARE(task.attempts(), 1);
}

void TestCallbacks::refusedWrapUpOpensAgain()
{
    // The centre changes its disposition codes during the shift (the server restarts with a new
    // policy); the desktop still lists the codes it fetched at sign-in.
    ui::AgentWindow *window = m_desk->agentWindow();
    QVERIFY(window);
    QVERIFY(m_server.process().restart(m_server.process().policyArgs(
        R"({"wrap_up": {"default": "required"}, "disposition_codes": [{"code": "handled", "ar": "تمت المعالجة", "en": "Handled"}]})")));
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->client()->streamState(), client::SanadClient::StreamState::Connected, 30000);
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);
    const QString number = m_server.knownNumber(2);
    QVERIFY(!number.isEmpty());
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    auto *panel = window->findChild<ui::WrapUpPanel *>(QStringLiteral("wrapUpPanel"));
    QVERIFY(m_server.reportCall(QStringLiteral("ui-cb-2"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->offer().callId, QStringLiteral("ui-cb-2"), 15000);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, 15000);
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);

    // A code the server no longer has: refused, and the panel opens again with the reason and
    // the server's current codes, so the agent is never stuck in a wrap-up the queue requires.
    auto *disposition = panel->findChild<QComboBox *>(QStringLiteral("wrapUpDisposition"));
    auto *neutral = panel->findChild<QRadioButton *>(QStringLiteral("wrapUpNeutral"));
    auto *error = panel->findChild<QLabel *>(QStringLiteral("wrapUpError"));
    QVERIFY(disposition && neutral && error);
    disposition->setCurrentIndex(disposition->findData(QStringLiteral("information_given")));
    QVERIFY(disposition->currentIndex() >= 0);
    neutral->setFocus();
    QTest::keyClick(neutral, Qt::Key_Space);
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(error->isVisible() && panel->isVisible(), 15000);
    QVERIFY2(error->text().contains(QStringLiteral("لم يُسجَّل")), qPrintable(error->text()));
    QCOMPARE(window->presence(), AgentState::WrapUp);
    QTRY_COMPARE_WITH_TIMEOUT(disposition->count(), 1, 15000);
    QCOMPARE(disposition->itemText(0), QStringLiteral("تمت المعالجة"));
    keepShot(window, QStringLiteral("wrapup-refused"));

    disposition->setCurrentIndex(0);
    QTest::keyClick(neutral, Qt::Key_Space);
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);
    QVERIFY(!panel->isVisible());
}

QTEST_MAIN(TestCallbacks)
#include "tst_callbacks.moc"

// The call flow for an agent who works with the keyboard or a screen reader: every control has
// an accessible name and description in the interface's language, the focus shows where it is,
// and a whole call (sign in, become available, accept, look at the cases and the history, search
// and open a customer, end, wrap up) is done with keys only, against the real server.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/customersearch.h"
#include "ui/customersearchmodel.h"
#include "ui/desk.h"
#include "ui/offerbanner.h"
#include "ui/screenpop.h"

#include <QAccessible>
#include <QApplication>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QTableView>
#include <QTest>
#include <QToolButton>
#include <QTreeView>

using namespace sanad;
using namespace sanad::test;

namespace {

constexpr int kWaitMs = 20000;

QString accessibleText(QWidget *widget, QAccessible::Text which)
{
    QAccessibleInterface *iface = QAccessible::queryAccessibleInterface(widget);
    return iface ? ui::bidi::stripFormatCharacters(iface->text(which)) : QString();
}

// Presses Tab (at most 30 times) until the widget has the focus.
bool tabTo(QWidget *target)
{
    for (int i = 0; i < 30; ++i) {
        if (QApplication::focusWidget() == target)
            return true;
        QTest::keyClick(QApplication::focusWidget(), Qt::Key_Tab);
    }
    return QApplication::focusWidget() == target;
}

// Does the widget look different with the focus than without it?
bool focusIsVisible(QWidget *widget, QWidget *elsewhere)
{
    const QImage focused = widget->grab().toImage();
    elsewhere->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    const QImage unfocused = widget->grab().toImage();
    widget->setFocus(Qt::TabFocusReason);
    QCoreApplication::processEvents();
    return focused != unfocused;
}

} // namespace

class TestAccessibility final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void wholeCallFlowFromTheKeyboard();

private:
    IsolatedSettings m_settings;
    DemoServer m_server;
};

void TestAccessibility::initTestCase()
{
    QVERIFY(m_settings.isValid());
    // Time enough on a busy machine to walk to the Accept button before the offer moves on.
    QVERIFY(m_server.start({ QStringLiteral("--offer-timeout"), QStringLiteral("120") }));
}

void TestAccessibility::wholeCallFlowFromTheKeyboard()
{
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    desk.start(options);

    // Sign in: type into the fields, Enter.
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, kWaitMs);
    ui::AgentWindow *window = desk.agentWindow();
    QTRY_COMPARE_WITH_TIMEOUT(desk.client()->streamState(), client::SanadClient::StreamState::Connected, kWaitMs);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));

    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *results = window->findChild<QListView *>(QStringLiteral("searchResults"));
    auto *history = window->findChild<QTableView *>(QStringLiteral("historyView"));
    auto *cases = window->findChild<QTreeView *>(QStringLiteral("caseView"));
    auto *banner = window->findChild<ui::OfferBanner *>(QStringLiteral("offerBanner"));
    auto *accept = window->findChild<QToolButton *>(QStringLiteral("acceptButton"));
    auto *end = window->findChild<QToolButton *>(QStringLiteral("endButton"));
    QVERIFY(search && results && history && cases && banner && accept && end);

    // Names and descriptions a screen reader reads, in Arabic.
    QCOMPARE(accessibleText(search, QAccessible::Name), QStringLiteral("البحث عن العملاء"));
    QVERIFY(accessibleText(search, QAccessible::Description).startsWith(QStringLiteral("اكتب اسمًا")));
    QCOMPARE(accessibleText(history, QAccessible::Name), QStringLiteral("سجل التواصل"));
    QVERIFY(accessibleText(history, QAccessible::Description).contains(QStringLiteral("Alt+H")));
    QCOMPARE(accessibleText(cases, QAccessible::Name), QStringLiteral("البلاغات"));
    QVERIFY(accessibleText(cases, QAccessible::Description).contains(QStringLiteral("Alt+C")));
    for (const char *name : { "presenceLabel", "streamLabel", "agentNameLabel" }) {
        auto *label = window->findChild<QLabel *>(QLatin1StringView(name));
        QVERIFY2(label && !accessibleText(label, QAccessible::Name).isEmpty(), name);
    }

    // Available with F9; a call is offered.
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, kWaitMs);
    QVERIFY(m_server.reportCall(QStringLiteral("a11y-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::Offered, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, kWaitMs);
    QVERIFY(accessibleText(banner, QAccessible::Name).startsWith(QStringLiteral("مكالمة واردة")));
    QCOMPARE(accessibleText(accept, QAccessible::Name), QStringLiteral("قبول"));
    QVERIFY(accessibleText(accept, QAccessible::Description).contains(QStringLiteral("Ctrl+Return")));

    // Tab from the search box reaches Accept first; Space presses it.
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(search->hasFocus(), kWaitMs);
    QVERIFY(focusIsVisible(search, history));
    QTest::keyClick(search, Qt::Key_Tab);
    QTRY_VERIFY_WITH_TIMEOUT(accept->hasFocus(), kWaitMs);
    QTest::keyClick(accept, Qt::Key_Space);
    QTRY_COMPARE_WITH_TIMEOUT(banner->mode(), ui::OfferBanner::Mode::OnContact, kWaitMs);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, kWaitMs);
    QVERIFY(accessibleText(banner, QAccessible::Name).startsWith(QStringLiteral("في مكالمة مع")));

    // The End button is next in the order, and shows its focus.
    QVERIFY(tabTo(end));
    QVERIFY(focusIsVisible(end, search));

    // Alt+C and Alt+H move into the cases and the history, which show the focus too.
    QTest::keyClick(window, Qt::Key_C, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(cases->hasFocus(), kWaitMs);
    QTest::keyClick(window, Qt::Key_H, Qt::AltModifier);
    QTRY_VERIFY_WITH_TIMEOUT(history->hasFocus(), kWaitMs);
    QVERIFY(history->currentIndex().isValid());
    QVERIFY(focusIsVisible(history, search));
    QTest::keyClick(history, Qt::Key_Down);

    // Search another customer and open it from the keyboard: Ctrl+F, type, Down, Enter.
    QTest::keyClick(window, Qt::Key_F, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(search->hasFocus(), kWaitMs);
    typeText(search, QStringLiteral("ايمان البلوشى"));
    QTRY_COMPARE_WITH_TIMEOUT(window->customerSearch()->state(), ui::CustomerSearch::State::Results, kWaitMs);
    QVERIFY(window->customerSearch()->model()->rowCount() > 0);
    QVERIFY(accessibleText(results, QAccessible::Description).contains(QStringLiteral("Enter")));
    QTest::keyClick(search, Qt::Key_Down);
    QTRY_VERIFY_WITH_TIMEOUT(results->hasFocus(), kWaitMs);
    const QString firstId = results->currentIndex().data(ui::CustomerSearchModel::CustomerIdRole).toString();
    QVERIFY(!firstId.isEmpty());
    QTest::keyClick(results, Qt::Key_Return);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->context().customer.id, firstId, kWaitMs);
    QCOMPARE(window->screenPop()->context().customer.name, QStringLiteral("إيمان البلوشي"));

    // End the contact, wrap up, and become available again.
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::WrapUp, kWaitMs);
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, kWaitMs);
}

QTEST_MAIN(TestAccessibility)
#include "tst_accessibility.moc"

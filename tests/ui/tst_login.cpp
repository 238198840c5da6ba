// Signing in through the real LoginWindow against the real sanad-server (demo accounts).
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/desk.h"
#include "ui/displaytext.h"
#include "ui/loginwindow.h"

#include <QAction>
#include <QLabel>
#include <QLineEdit>
#include <QStandardPaths>
#include <QTest>

using namespace sanad;
using namespace sanad::test;

namespace {

ui::DeskOptions options(ui::LanguageManager::Language language)
{
    ui::DeskOptions o;
    o.language = language;
    o.sound = false;
    return o;
}

QString shown(const ui::LoginWindow *login)
{
    return ui::bidi::stripFormatCharacters(login->message());
}

} // namespace

class TestLogin final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void signsInAndShowsTheAgentWindow();
    void signOutReturnsToTheLoginWindow();
    void wrongPasswordSaysSo_data();
    void wrongPasswordSaysSo();
    void unreachableServerSaysSo();
    void ctiAccountCannotUseTheDesktop();
    void expiredSessionAsksAgainAndRestoresTheScreen();

private:
    IsolatedSettings m_settings;
    DemoServer m_server;
};

void TestLogin::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start());
}

void TestLogin::signsInAndShowsTheAgentWindow()
{
    ui::Desk desk;
    desk.start(options(ui::LanguageManager::Language::Arabic));
    QVERIFY(QTest::qWaitForWindowExposed(desk.loginWindow()));
    QCOMPARE(desk.loginWindow()->objectName(), QStringLiteral("loginWindow"));
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(desk, m_server.address(), agent.username, agent.password);

    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    QVERIFY(!desk.loginWindow()->isVisible());
    ui::AgentWindow *window = desk.agentWindow();
    QVERIFY(window);
    // The toolbar names the person who signed in.
    auto *name = window->findChild<QLabel *>(QStringLiteral("agentNameLabel"));
    QVERIFY(name);
    QCOMPARE(ui::bidi::stripFormatCharacters(name->text()), desk.client()->session().displayName);
    QVERIFY(!name->text().isEmpty());
    // The agent stream connects by itself.
    QTRY_COMPARE_WITH_TIMEOUT(desk.client()->streamState(), client::SanadClient::StreamState::Connected, 15000);
}

void TestLogin::signOutReturnsToTheLoginWindow()
{
    ui::Desk desk;
    desk.start(options(ui::LanguageManager::Language::Arabic));
    const DemoAccount agent = m_server.account(QStringLiteral("agent"), 1);
    typeSignIn(desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    auto *signOut = desk.agentWindow()->findChild<QAction *>(QStringLiteral("signOutAction"));
    QVERIFY(signOut);
    signOut->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(desk.loginWindow()->isVisible(), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) == nullptr, 15000);
    QVERIFY(desk.agentWindow() == nullptr);
    QVERIFY(!desk.client()->isLoggedIn());
    // The server and user are remembered for the next sign-in; the password is not.
    QCOMPARE(desk.loginWindow()->serverAddress(), m_server.address());
    QCOMPARE(desk.loginWindow()->userName(), agent.username);
    QCOMPARE(desk.loginWindow()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text(), QString());
}

void TestLogin::wrongPasswordSaysSo_data()
{
    QTest::addColumn<ui::LanguageManager::Language>("language");
    QTest::newRow("arabic") << ui::LanguageManager::Language::Arabic;
    QTest::newRow("english") << ui::LanguageManager::Language::English;
}

void TestLogin::wrongPasswordSaysSo()
{
    QFETCH(ui::LanguageManager::Language, language);
    ui::Desk desk;
    desk.start(options(language));
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(desk, m_server.address(), agent.username, agent.password + QStringLiteral("x"));

    const QString english = QStringLiteral("Wrong user name or password. Check them and try again; after repeated "
                                           "failures ask your team lead to reset your password.");
    QTRY_VERIFY_WITH_TIMEOUT(!shown(desk.loginWindow()).isEmpty(), 15000);
    QVERIFY(!desk.loginWindow()->isBusy());
    if (language == ui::LanguageManager::Language::English) {
        QCOMPARE(shown(desk.loginWindow()), english);
    } else {
        // The Arabic sentence, not the English source.
        QCOMPARE(shown(desk.loginWindow()),
                 QStringLiteral("اسم المستخدم أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى؛ وإذا تكرر الفشل "
                                "فاطلب من قائد فريقك إعادة تعيين كلمة المرور."));
    }
    QVERIFY(desk.agentWindow() == nullptr);
    // The password field is emptied for the next try; the user name stays.
    QCOMPARE(desk.loginWindow()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"))->text(), QString());
    QCOMPARE(desk.loginWindow()->userName(), agent.username);
}

void TestLogin::unreachableServerSaysSo()
{
    ui::Desk desk;
    desk.start(options(ui::LanguageManager::Language::English));
    const QString address = QStringLiteral("127.0.0.1:%1").arg(unusedPort());
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(desk, address, agent.username, agent.password);

    QTRY_VERIFY_WITH_TIMEOUT(!shown(desk.loginWindow()).isEmpty(), 15000);
    QCOMPARE(shown(desk.loginWindow()),
             QStringLiteral("Cannot reach the Sanad server at %1. Check the address, or ask your administrator whether "
                            "the service is running.")
                 .arg(address));
    // In Arabic the address stays isolated left to right inside the sentence.
    desk.languages()->setLanguage(ui::LanguageManager::Language::Arabic);
    QTRY_VERIFY_WITH_TIMEOUT(desk.loginWindow()->message().startsWith(QStringLiteral("تعذّر الوصول")), 15000);
    QVERIFY(desk.loginWindow()->message().contains(ui::bidi::isolateLtr(address)));
}

void TestLogin::ctiAccountCannotUseTheDesktop()
{
    ui::Desk desk;
    desk.start(options(ui::LanguageManager::Language::English));
    const DemoAccount cti = m_server.account(QStringLiteral("cti"));
    typeSignIn(desk, m_server.address(), cti.username, cti.password);
    QTRY_VERIFY_WITH_TIMEOUT(!shown(desk.loginWindow()).isEmpty(), 15000);
    QVERIFY(shown(desk.loginWindow()).startsWith(QStringLiteral("This account cannot use the agent desktop.")));
    QVERIFY(desk.agentWindow() == nullptr);
    QVERIFY(desk.loginWindow()->isVisible());
}

void TestLogin::expiredSessionAsksAgainAndRestoresTheScreen()
{
    // A server of its own whose clock the test moves: tokens live 60 s.
    DemoServer server;
    QVERIFY(server.start({ QStringLiteral("--test-clock"), QStringLiteral("--token-ttl"), QStringLiteral("60") }));
    ui::Desk desk;
    desk.start(options(ui::LanguageManager::Language::English));
    const DemoAccount agent = server.account(QStringLiteral("agent"));
    typeSignIn(desk, server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    ui::AgentWindow *window = desk.agentWindow();
    QTRY_COMPARE_WITH_TIMEOUT(desk.client()->streamState(), client::SanadClient::StreamState::Connected, 15000);

    // Something on screen that must come back: the search the agent typed.
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    QVERIFY(search);
    search->setText(QStringLiteral("SN-2026"));

    const QString adminToken = server.token(server.account(QStringLiteral("admin")));
    QVERIFY(server.grpc().advanceClock(adminToken, 61000).ok());
    // The next request the desktop makes is refused: the window asks for the password again.
    QTest::keyClick(window, Qt::Key_F10);
    QTRY_VERIFY_WITH_TIMEOUT(desk.loginWindow()->isVisible(), 15000);
    QVERIFY(!window->isVisible());
    QCOMPARE(shown(desk.loginWindow()),
             QStringLiteral("Your session has expired. Sign in again to continue; your screen will be restored."));
    QCOMPARE(desk.loginWindow()->userName(), agent.username);

    auto *password = desk.loginWindow()->findChild<QLineEdit *>(QStringLiteral("passwordEdit"));
    QTest::keyClicks(password, agent.password);
    QTest::keyClick(password, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) == window, 15000);
    QCOMPARE(desk.agentWindow(), window);
    QCOMPARE(search->text(), QStringLiteral("SN-2026"));
    QTRY_COMPARE_WITH_TIMEOUT(desk.client()->streamState(), client::SanadClient::StreamState::Connected, 15000);
}

QTEST_MAIN(TestLogin)
#include "tst_login.moc"

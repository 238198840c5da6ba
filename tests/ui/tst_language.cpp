// Switching the language at run time: the visible windows retranslate and flip direction.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/bidi.h"
#include "ui/casehistorymodel.h"
#include "ui/desk.h"
#include "ui/loginwindow.h"
#include "ui/screenpop.h"

#include <QAction>
#include <QApplication>
#include <QComboBox>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStandardPaths>
#include <QTableView>
#include <QTest>

#include <algorithm>

using namespace sanad;
using namespace sanad::test;

class TestLanguage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void agentWindowSwitchesBothWays();
    void loginWindowSwitchesFromItsLanguageBox();

private:
    IsolatedSettings m_settings;
    DemoServer m_server;
};

void TestLanguage::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start());
}

void TestLanguage::agentWindowSwitchesBothWays()
{
    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    desk.start(options);
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    ui::AgentWindow *window = desk.agentWindow();

    // A caller on screen, so that the models' texts switch too.
    const QString number = m_server.knownNumber(1);
    QVERIFY(!number.isEmpty());
    window->screenPop()->lookUpNumber(number);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);

    auto *available = window->findChild<QAction *>(QStringLiteral("availableAction"));
    auto *english = window->findChild<QAction *>(QStringLiteral("englishAction"));
    auto *arabic = window->findChild<QAction *>(QStringLiteral("arabicAction"));
    auto *casesTitle = window->findChild<QLabel *>(QStringLiteral("casesTitle"));
    auto *search = window->findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *history = window->findChild<QTableView *>(QStringLiteral("historyView"));
    QVERIFY(available && english && arabic && casesTitle && search && history);
    const QAbstractItemModel *model = history->model();

    // Arabic, right to left.
    QCOMPARE(window->layoutDirection(), Qt::RightToLeft);
    QCOMPARE(QApplication::layoutDirection(), Qt::RightToLeft);
    QCOMPARE(available->text(), QStringLiteral("متاح"));
    QVERIFY(casesTitle->text().startsWith(QStringLiteral("البلاغات")));
    QCOMPARE(model->headerData(ui::CaseHistoryModel::ChannelColumn, Qt::Horizontal).toString(),
             QStringLiteral("القناة"));
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("سند")));
    QVERIFY(english->isEnabled() && arabic->isChecked());

    // The Language menu's English: at once, without restart.
    english->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->layoutDirection(), Qt::LeftToRight, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(available->text(), QStringLiteral("Available"), 15000);
    QCOMPARE(QApplication::layoutDirection(), Qt::LeftToRight);
    QVERIFY2(casesTitle->text().startsWith(QStringLiteral("Cases")), qPrintable(casesTitle->text()));
    QCOMPARE(search->placeholderText(), QStringLiteral("Search: name, number or case (Ctrl+F)"));
    QCOMPARE(model->headerData(ui::CaseHistoryModel::ChannelColumn, Qt::Horizontal).toString(),
             QStringLiteral("Channel"));
    QVERIFY(window->windowTitle().startsWith(QStringLiteral("Sanad")));
    QVERIFY(english->isChecked());
    QCOMPARE(history->layoutDirection(), Qt::LeftToRight);
    // Dates follow the locale: Latin digits and the English Hijri month names.
    const QString date = model->index(0, ui::CaseHistoryModel::DateColumn).data().toString();
    QVERIFY2(date.contains(QStringLiteral(" AH")), qPrintable(date));
    // The choice is kept for the next start.
    QCOMPARE(ui::LanguageManager::savedLanguage(), ui::LanguageManager::Language::English);

    // And back.
    arabic->trigger();
    QTRY_COMPARE_WITH_TIMEOUT(window->layoutDirection(), Qt::RightToLeft, 15000);
    QTRY_COMPARE_WITH_TIMEOUT(available->text(), QStringLiteral("متاح"), 15000);
    QVERIFY(casesTitle->text().startsWith(QStringLiteral("البلاغات")));
    QCOMPARE(model->headerData(ui::CaseHistoryModel::ChannelColumn, Qt::Horizontal).toString(),
             QStringLiteral("القناة"));
    QVERIFY(model->index(0, ui::CaseHistoryModel::DateColumn).data().toString().contains(QStringLiteral(" هـ")));
    QCOMPARE(ui::LanguageManager::savedLanguage(), ui::LanguageManager::Language::Arabic);

    // Digits from the Language menu: at once, in the open window, Arabic-Indic to Latin and back.
    auto *latin = window->findChild<QAction *>(QStringLiteral("latinDigitsAction"));
    auto *indic = window->findChild<QAction *>(QStringLiteral("arabicIndicDigitsAction"));
    auto *phones = window->findChild<QLabel *>(QStringLiteral("customerPhones"));
    QVERIFY(latin && indic && phones);
    const auto hasDigits = [](const QString &text, char16_t zero) {
        return std::any_of(text.cbegin(), text.cend(),
                           [zero](QChar c) { return c.unicode() >= zero && c.unicode() <= zero + 9; });
    };
    const auto dateNow = [model] {
        return model->index(0, ui::CaseHistoryModel::DateColumn).data().toString();
    };
    QVERIFY(indic->isChecked());
    QVERIFY(hasDigits(dateNow(), u'٠') && !hasDigits(dateNow(), u'0'));
    QVERIFY(hasDigits(phones->text(), u'٠'));
    latin->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(hasDigits(phones->text(), u'0') && !hasDigits(phones->text(), u'٠'), 15000);
    QVERIFY2(hasDigits(dateNow(), u'0') && !hasDigits(dateNow(), u'٠'), qPrintable(dateNow()));
    QVERIFY(dateNow().contains(QStringLiteral(" هـ"))); // still Arabic
    QVERIFY(latin->isChecked());
    QCOMPARE(window->layoutDirection(), Qt::RightToLeft);
    indic->trigger();
    QTRY_VERIFY_WITH_TIMEOUT(hasDigits(phones->text(), u'٠'), 15000);
    QVERIFY(hasDigits(dateNow(), u'٠'));
}

void TestLanguage::loginWindowSwitchesFromItsLanguageBox()
{
    ui::Desk desk;
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    desk.start(options);
    ui::LoginWindow *login = desk.loginWindow();
    QVERIFY(QTest::qWaitForWindowExposed(login));
    auto *signIn = login->findChild<QPushButton *>(QStringLiteral("signInButton"));
    auto *box = login->findChild<QComboBox *>(QStringLiteral("languageBox"));
    QVERIFY(signIn && box);
    QCOMPARE(signIn->text(), QStringLiteral("تسجيل الدخول"));
    QCOMPARE(login->layoutDirection(), Qt::RightToLeft);

    box->setFocus();
    QTest::keyClick(box, Qt::Key_Down); // العربية -> English
    QTRY_COMPARE_WITH_TIMEOUT(signIn->text(), QStringLiteral("Sign in"), 15000);
    QCOMPARE(login->layoutDirection(), Qt::LeftToRight);
    QCOMPARE(login->windowTitle(), QStringLiteral("Sanad — sign in"));

    QTest::keyClick(box, Qt::Key_Up);
    QTRY_COMPARE_WITH_TIMEOUT(signIn->text(), QStringLiteral("تسجيل الدخول"), 15000);
    QCOMPARE(login->layoutDirection(), Qt::RightToLeft);
}

QTEST_MAIN(TestLanguage)
#include "tst_language.moc"

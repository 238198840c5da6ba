// Case actions on the real desktop against the real sanad-server: resolving a case asks whether
// the customer confirms it, and the answer decides between resolved and awaiting confirmation.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "grpctestclient.h"
#include "ui/agentwindow.h"
#include "ui/caselistmodel.h"
#include "ui/desk.h"
#include "ui/displaytext.h"
#include "ui/screenpop.h"

#include <QAction>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTest>
#include <QTreeView>

using namespace sanad;
using namespace sanad::test;

class TestCaseActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolveAsksForTheCustomersConfirmation();

private:
    // Selects the case's row in the case list; false when it is not there.
    bool selectCase(ui::AgentWindow *window, const QString &caseId);
    QString statusShown(ui::AgentWindow *window, const QString &caseId);
    void answerResolveDialog(ui::AgentWindow *window, const QString &button);

    IsolatedSettings m_settings;
    DemoServer m_server;
    std::unique_ptr<ui::Desk> m_desk;
};

void TestCaseActions::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start());
}

bool TestCaseActions::selectCase(ui::AgentWindow *window, const QString &caseId)
{
    auto *view = window->findChild<QTreeView *>(QStringLiteral("caseView"));
    const QAbstractItemModel *model = view->model();
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex index = model->index(row, 0);
        if (index.data(ui::CaseListModel::CaseIdRole).toString() == caseId) {
            view->setFocus();
            view->setCurrentIndex(index);
            return true;
        }
    }
    return false;
}

QString TestCaseActions::statusShown(ui::AgentWindow *window, const QString &caseId)
{
    const QAbstractItemModel *model = window->screenPop()->caseModel();
    for (int row = 0; row < model->rowCount(); ++row) {
        if (model->index(row, 0).data(ui::CaseListModel::CaseIdRole).toString() == caseId)
            return model->index(row, ui::CaseListModel::StatusColumn).data().toString();
    }
    return {};
}

void TestCaseActions::answerResolveDialog(ui::AgentWindow *window, const QString &button)
{
    // Ctrl+Shift+R, as the agent would press it, once the window has the focus back from any
    // dialog before.
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_R, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("resolveDialog")) != nullptr, 15000);
    QWidget *dialog = visibleTopLevel(QStringLiteral("resolveDialog"));
    auto *answer = dialog->findChild<QPushButton *>(button);
    QVERIFY(answer && answer->isEnabled());
    answer->click();
}

void TestCaseActions::resolveAsksForTheCustomersConfirmation()
{
    // A caller with two open cases, made behind the desktop's back.
    const DemoAccount agent = m_server.account(QStringLiteral("agent"), 0);
    const QString token = m_server.token(agent);
    const QString number = QStringLiteral("+96879000123");
    QList<v1::Mutation> mutations;
    v1::Mutation customer;
    customer.set_mutation_id("ui-ca-1");
    customer.mutable_create_customer()->set_customer_id("ui-ca-customer");
    customer.mutable_create_customer()->set_name("Maryam Al-Rawahi");
    customer.mutable_create_customer()->add_phones(number.toStdString());
    mutations << customer;
    for (const char *id : { "ui-ca-case-1", "ui-ca-case-2" }) {
        v1::Mutation kase;
        kase.set_mutation_id(std::string("m-") + id);
        kase.mutable_create_case()->set_case_id(id);
        kase.mutable_create_case()->set_customer_id("ui-ca-customer");
        kase.mutable_create_case()->set_category("water.supply_cut");
        mutations << kase;
    }
    v1::PushResponse pushed;
    QVERIFY(m_server.grpc().push(token, mutations, &pushed).ok());
    for (const v1::MutationResult &r : pushed.results())
        QCOMPARE(r.outcome(), v1::MUTATION_OUTCOME_APPLIED);

    m_desk = std::make_unique<ui::Desk>();
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    m_desk->start(options);
    typeSignIn(*m_desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    ui::AgentWindow *window = m_desk->agentWindow();
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    window->screenPop()->lookUpNumber(number);
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->caseModel()->rowCount(), 2, 15000);
    auto *resolve = window->findChild<QAction *>(QStringLiteral("resolveCaseAction"));
    QVERIFY(resolve);

    // The customer confirms: the first case is resolved, with the confirmation on the server.
    QVERIFY(selectCase(window, QStringLiteral("ui-ca-case-1")));
    QTRY_VERIFY(resolve->isEnabled());
    answerResolveDialog(window, QStringLiteral("confirmedButton"));
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(window, QStringLiteral("ui-ca-case-1")),
                              ui::DisplayText::caseStatus(CaseStatus::Resolved), 15000);
    QVERIFY2(!visibleTopLevel(QStringLiteral("caseChangeFailedDialog")), "the change failed");
    v1::CallerContext context;
    QVERIFY(m_server.lookup(number, &context));
    for (const v1::Case &c : context.cases()) {
        if (c.id() == "ui-ca-case-1") {
            QCOMPARE(c.status(), v1::CASE_STATUS_RESOLVED);
            QVERIFY(c.customer_confirmed());
        }
    }

    // The customer cannot confirm yet: the second case awaits the confirmation.
    QVERIFY(selectCase(window, QStringLiteral("ui-ca-case-2")));
    QTRY_VERIFY(resolve->isEnabled());
    answerResolveDialog(window, QStringLiteral("awaitingButton"));
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(window, QStringLiteral("ui-ca-case-2")),
                              ui::DisplayText::caseStatus(CaseStatus::AwaitingConfirmation), 15000);
    QCOMPARE(ui::DisplayText::caseStatus(CaseStatus::AwaitingConfirmation), QStringLiteral("بانتظار تأكيد العميل"));
    // Refer the second case with Ctrl+Shift+D: the category's department is filled in, the
    // owner is typed, and the case shows as referred with its referral.
    QVERIFY(selectCase(window, QStringLiteral("ui-ca-case-2")));
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_D, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("referDialog")) != nullptr, 15000);
    QWidget *referDialog = visibleTopLevel(QStringLiteral("referDialog"));
    auto *department = referDialog->findChild<QLineEdit *>(QStringLiteral("referDepartment"));
    auto *owner = referDialog->findChild<QLineEdit *>(QStringLiteral("referOwner"));
    auto *referButton = referDialog->findChild<QPushButton *>(QStringLiteral("referButton"));
    QVERIFY(department && owner && referButton);
    QCOMPARE(department->text(), QStringLiteral("Water network operations"));
    QVERIFY(!referButton->isEnabled()); // no owner yet
    typeText(owner, QStringLiteral("سالم الهنائي"));
    QVERIFY(referButton->isEnabled());
    referButton->click();
    QTRY_COMPARE_WITH_TIMEOUT(statusShown(window, QStringLiteral("ui-ca-case-2")),
                              ui::DisplayText::caseStatus(CaseStatus::Referred), 15000);
    QVERIFY(m_server.lookup(number, &context));
    for (const v1::Case &c : context.cases()) {
        if (c.id() == "ui-ca-case-2") {
            QCOMPARE(c.referrals_size(), 1);
            QCOMPARE(QString::fromStdString(c.referrals(0).owner()), QStringLiteral("سالم الهنائي"));
            QVERIFY(c.referrals(0).has_due_at());
        }
    }

    // Promise a callback about the second case with Ctrl+Shift+B: the task reaches the server
    // with the reason typed.
    QVERIFY(selectCase(window, QStringLiteral("ui-ca-case-2")));
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_B, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("callbackDialog")) != nullptr, 15000);
    QWidget *callbackDialog = visibleTopLevel(QStringLiteral("callbackDialog"));
    auto *reason = callbackDialog->findChild<QLineEdit *>(QStringLiteral("callbackReason"));
    auto *schedule = callbackDialog->findChild<QPushButton *>(QStringLiteral("callbackButton"));
    QVERIFY(reason && schedule && !schedule->isEnabled());
    typeText(reason, QStringLiteral("إبلاغها بموعد فريق الصيانة"));
    schedule->click();
    const auto callbackOnServer = [&] {
        v1::PullRequest pull;
        pull.set_limit(5000);
        std::string cursor;
        for (;;) {
            pull.set_cursor(cursor);
            v1::PullResponse page;
            if (!m_server.grpc().sync().Pull(GrpcTestClient::context(token).get(), pull, &page).ok())
                return false;
            for (const v1::Change &change : page.changes()) {
                if (change.has_callback_task() && change.callback_task().case_id() == "ui-ca-case-2"
                    && QString::fromStdString(change.callback_task().reason()) == QStringLiteral("إبلاغها بموعد فريق الصيانة"))
                    return true;
            }
            if (!page.has_more())
                return false;
            cursor = page.next_cursor();
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT(callbackOnServer(), 15000);

    // A resolved case offers nothing more to resolve.
    QVERIFY(selectCase(window, QStringLiteral("ui-ca-case-1")));
    QTRY_VERIFY(!resolve->isEnabled());
    m_desk.reset();
}

QTEST_MAIN(TestCaseActions)
#include "tst_caseactions.moc"

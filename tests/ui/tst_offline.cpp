// The offline-first desktop end to end (docs/sync.md): the real desktop against the real server,
// which is killed and started again while the agent works.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "ui/agentwindow.h"
#include "ui/casehistorymodel.h"
#include "ui/desk.h"
#include "ui/screenpop.h"
#include "ui/syncwidgets.h"

#include <QAbstractButton>
#include <QAction>
#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTimer>
#include <QToolButton>

using namespace sanad;
using namespace sanad::test;

class TestOffline final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void workGoesOnWhileTheServerIsDown();
    void conflictIsShownToChoose();

private:
    IsolatedSettings m_settings;
    QTemporaryDir m_stores;
    DemoServer m_server;
    std::unique_ptr<ui::Desk> m_desk;
};

void TestOffline::initTestCase()
{
    QVERIFY(m_settings.isValid());
    QVERIFY(m_server.start());
}

void TestOffline::cleanupTestCase()
{
    m_desk.reset();
}

void TestOffline::workGoesOnWhileTheServerIsDown()
{
    const QString number = m_server.knownNumber(2);
    QVERIFY(!number.isEmpty());
    v1::CallerContext expected;
    QVERIFY(m_server.lookup(number, &expected));
    QVERIFY(expected.cases_size() > 0);
    const QString customerId = QString::fromStdString(expected.customer().id());
    const QString caseId = QString::fromStdString(expected.cases(0).id());

    m_desk = std::make_unique<ui::Desk>();
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::English;
    options.sound = false;
    options.localStoreDir = m_stores.path();
    m_desk->start(options);
    const DemoAccount agent = m_server.account(QStringLiteral("agent"));
    typeSignIn(*m_desk, m_server.address(), agent.username, agent.password);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("agentWindow")) != nullptr, 15000);
    ui::AgentWindow *window = m_desk->agentWindow();
    client::SanadClient *client = m_desk->client();
    client->setSyncPollIntervalMs(500);
    auto *status = window->findChild<ui::SyncStatus *>(QStringLiteral("syncStatus"));
    QVERIFY(status && status->isVisible());
    QTRY_VERIFY_WITH_TIMEOUT(client->syncState().online && client->syncState().lastPulled.isValid(), 60000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Online")), 5000);

    // Another agent's note appears in the open history within seconds, without reloading.
    ui::ScreenPop *screenPop = window->screenPop();
    screenPop->openCustomer(customerId);
    QTRY_COMPARE_WITH_TIMEOUT(screenPop->state(), ui::ScreenPop::State::Known, 15000);
    const int historyBefore = screenPop->historyModel()->rowCount();
    v1::Mutation note;
    note.set_mutation_id("other-agent-note");
    note.mutable_add_note()->set_case_id(caseId.toStdString());
    note.mutable_add_note()->set_text("Other agent: the crew is on its way");
    v1::PushResponse pushed;
    QVERIFY(m_server.grpc().push(m_server.token(m_server.account(QStringLiteral("agent"), 1)), { note }, &pushed).ok());
    QTRY_COMPARE_WITH_TIMEOUT(screenPop->historyModel()->rowCount(), historyBefore + 1, 10000);

    // The server goes away: the state says so, the screen-pop comes from this computer's copy.
    m_server.process().kill();
    QTRY_VERIFY_WITH_TIMEOUT(!client->syncState().online, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Offline")), 5000);
    screenPop->clear();
    screenPop->lookUpNumber(number);
    QTRY_COMPARE_WITH_TIMEOUT(screenPop->state(), ui::ScreenPop::State::Known, 15000);
    QVERIFY(screenPop->context().fromLocalStore);
    auto *notice = window->findChild<QLabel *>(QStringLiteral("offlineNotice"));
    QVERIFY(notice && notice->isVisible());
    QVERIFY(notice->text().contains(QStringLiteral("may be out of date")));

    // Work goes on: the change waits, and the status bar counts it.
    client->addCaseNote(caseId, QStringLiteral("Written while the server was down"));
    QTRY_COMPARE_WITH_TIMEOUT(client->syncState().waiting, 1, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().contains(QStringLiteral("1 change")), 5000);

    // Signing out with a change waiting asks first; "No" keeps the agent signed in.
    bool warned = false;
    QTimer::singleShot(200, this, [&warned] {
        auto *box = qobject_cast<QMessageBox *>(QApplication::activeModalWidget());
        if (box && box->objectName() == QStringLiteral("signOutWarning")) {
            warned = true;
            box->button(QMessageBox::No)->click();
        }
    });
    window->findChild<QAction *>(QStringLiteral("signOutAction"))->trigger();
    QVERIFY(warned);
    QVERIFY(window->isVisible());

    // The server is back: the change lands, the screen-pop updates in place.
    QVERIFY(m_server.process().restart());
    QTRY_COMPARE_WITH_TIMEOUT(client->syncState().waiting, 0, 60000);
    QTRY_VERIFY_WITH_TIMEOUT(!screenPop->context().fromLocalStore, 15000);
    QTRY_VERIFY_WITH_TIMEOUT(!notice->isVisible(), 5000);
    QTRY_VERIFY_WITH_TIMEOUT(status->text().startsWith(QStringLiteral("Online")), 5000);
    v1::CallerContext after;
    QVERIFY(m_server.lookup(number, &after));
    int written = 0;
    for (const v1::Interaction &interaction : after.history())
        written += interaction.summary() == "Written while the server was down" ? 1 : 0;
    QCOMPARE(written, 1);
}

void TestOffline::conflictIsShownToChoose()
{
    // Signed in from the previous test, the server back. Another agent moves a case on first;
    // this agent's change of the same version is a CONFLICT, shown to choose, never silently lost.
    QVERIFY(m_desk && m_desk->agentWindow());
    ui::AgentWindow *window = m_desk->agentWindow();
    client::SanadClient *client = m_desk->client();
    QTRY_VERIFY_WITH_TIMEOUT(client->syncState().online, 60000);
    const QString number = m_server.knownNumber(2);
    v1::CallerContext context;
    QVERIFY(m_server.lookup(number, &context));
    const QString caseId = QStringLiteral("0badcafe-0000-4000-8000-00000000c0de");
    const qint64 version = 1;
    const v1::CaseStatus next = v1::CASE_STATUS_IN_PROGRESS;
    const QString otherToken = m_server.token(m_server.account(QStringLiteral("agent"), 1));
    v1::Mutation created;
    created.set_mutation_id("conflict-case");
    created.mutable_create_case()->set_case_id(caseId.toStdString());
    created.mutable_create_case()->set_customer_id(context.customer().id());
    created.mutable_create_case()->set_category("water.burst_pipe");
    v1::PushResponse made;
    QVERIFY(m_server.grpc().push(otherToken, { created }, &made).ok());
    QCOMPARE(made.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    v1::Mutation theirs;
    theirs.set_mutation_id("other-agent-status");
    theirs.set_base_version(version);
    theirs.mutable_change_case_status()->set_case_id(caseId.toStdString());
    theirs.mutable_change_case_status()->set_status(next);
    v1::PushResponse pushed;
    QVERIFY(m_server.grpc().push(otherToken, { theirs }, &pushed).ok());
    QCOMPARE(pushed.results(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);

    client->changeStatusOf(caseId, version, static_cast<CaseStatus>(next));
    QTRY_COMPARE_WITH_TIMEOUT(client->syncState().problems, 1, 15000);
    auto *button = window->findChild<QToolButton *>(QStringLiteral("syncProblemsButton"));
    QVERIFY(button);
    QTRY_VERIFY_WITH_TIMEOUT(button->isVisible(), 5000);
    QVERIFY(button->text().contains(QStringLiteral("1 change to decide")));

    bool listed = false;
    QTimer::singleShot(200, this, [&listed] {
        auto *dialog = qobject_cast<ui::SyncProblemsDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        listed = dialog->list()->count() == 1 && dialog->list()->item(0)->text().startsWith(QStringLiteral("Conflict"));
        dialog->findChild<QPushButton *>(QStringLiteral("keepTheirsButton"))->click();
        dialog->accept();
    });
    button->click();
    QVERIFY(listed);
    QTRY_COMPARE_WITH_TIMEOUT(client->syncState().problems, 0, 5000);
    QTRY_VERIFY_WITH_TIMEOUT(!button->isVisible(), 5000);
    QVERIFY(m_server.lookup(number, &context));
    bool found = false;
    for (const v1::Case &record : context.cases()) {
        if (record.id() == caseId.toStdString()) {
            found = true;
            QCOMPARE(record.version(), version + 1); // the other agent's change stands, once
        }
    }
    QVERIFY(found);
}

QTEST_MAIN(TestOffline)
#include "tst_offline.moc"

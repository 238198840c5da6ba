// Case actions on the real desktop against the real sanad-server: resolving a case asks whether
// the customer confirms it, and the answer decides between resolved and awaiting confirmation;
// referring, scheduling a callback and linking a case to an incident from its dialog. The server
// runs with a --policy file of its own disposition codes, which the wrap-up panel lists.
#include "uitestsupport.h"

#include "client/sanadclient.h"
#include "grpctestclient.h"
#include "ui/agentwindow.h"
#include "ui/caselistmodel.h"
#include "ui/desk.h"
#include "ui/displaytext.h"
#include "ui/screenpop.h"
#include "ui/wrapuppanel.h"

#include <QAction>
#include <QComboBox>
#include <QFile>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QRadioButton>
#include <QTemporaryDir>
#include <QTest>
#include <QTreeView>
#include <QTreeWidget>

using namespace sanad;
using namespace sanad::test;

class TestCaseActions final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void resolveAsksForTheCustomersConfirmation();
    void linkToIncidentByKeyboard();
    void wrapUpListsTheServersCodes();

private:
    // Pushes the mutations as an agent behind the desktop's back; false unless all are applied.
    bool pushAll(const QList<v1::Mutation> &mutations);
    // A new desk in Arabic, signed in as the first agent, the agent window active.
    ui::AgentWindow *signIn();
    // Selects the case's row in the case list; false when it is not there.
    bool selectCase(ui::AgentWindow *window, const QString &caseId);
    QString statusShown(ui::AgentWindow *window, const QString &caseId);
    void answerResolveDialog(ui::AgentWindow *window, const QString &button);

    IsolatedSettings m_settings;
    QTemporaryDir m_policyDir;
    DemoServer m_server;
    std::unique_ptr<ui::Desk> m_desk;
};

void TestCaseActions::initTestCase()
{
    QVERIFY(m_settings.isValid());
    // The centre's own disposition codes: a built-in one, one labelled in the file, one without labels.
    QVERIFY(m_policyDir.isValid());
    QFile policy(m_policyDir.filePath(QStringLiteral("policy.json")));
    QVERIFY(policy.open(QIODevice::WriteOnly));
    policy.write(R"({"disposition_codes": ["resolved",
        {"code": "meter_read", "ar": "قُرئ العداد", "en": "Meter read"}, "tariff_explained"]})");
    policy.close();
    QVERIFY(m_server.start({ QStringLiteral("--policy"), policy.fileName() }));
}

bool TestCaseActions::pushAll(const QList<v1::Mutation> &mutations)
{
    v1::PushResponse pushed;
    if (!m_server.grpc().push(m_server.token(m_server.account(QStringLiteral("agent"), 0)), mutations, &pushed).ok())
        return false;
    for (const v1::MutationResult &r : pushed.results()) {
        if (r.outcome() != v1::MUTATION_OUTCOME_APPLIED) {
            qWarning() << "not applied:" << r.detail().c_str();
            return false;
        }
    }
    return pushed.results_size() == mutations.size();
}

ui::AgentWindow *TestCaseActions::signIn()
{
    const DemoAccount agent = m_server.account(QStringLiteral("agent"), 0);
    m_desk = std::make_unique<ui::Desk>();
    ui::DeskOptions options;
    options.language = ui::LanguageManager::Language::Arabic;
    options.sound = false;
    m_desk->start(options);
    typeSignIn(*m_desk, m_server.address(), agent.username, agent.password);
    if (!QTest::qWaitFor([] { return visibleTopLevel(QStringLiteral("agentWindow")) != nullptr; }, 15000))
        return nullptr;
    ui::AgentWindow *window = m_desk->agentWindow();
    window->activateWindow();
    return QTest::qWaitForWindowActive(window) ? window : nullptr;
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
                    && QString::fromStdString(change.callback_task().reason())
                        == QStringLiteral("إبلاغها بموعد فريق الصيانة"))
                    return true;
            }
            if (!page.has_more())
                return false;
            cursor = page.next_cursor();
        }
    };
    QTRY_VERIFY_WITH_TIMEOUT(callbackOnServer(), 15000);

    // A resolved case offers nothing more to resolve. The screen-pop may still be reloading after
    // the callback (the server can have it before the desktop has its answer): select once the
    // cases are back.
    QTRY_VERIFY_WITH_TIMEOUT(selectCase(window, QStringLiteral("ui-ca-case-1")), 15000);
    QTRY_VERIFY_WITH_TIMEOUT(window->screenPop()->caseModel()->rowCount() == 2
                                 && selectCase(window, QStringLiteral("ui-ca-case-1")) && !resolve->isEnabled(),
                             15000);
    m_desk.reset();
}

void TestCaseActions::linkToIncidentByKeyboard()
{
    // Two callers report the same cut in different words of the place: the server does not link
    // them by itself.
    QList<v1::Mutation> mutations;
    const struct
    {
        const char *customer, *phone, *caseId, *location;
    } reports[] = { { "ui-inc-customer-1", "+96879000201", "ui-inc-case-1", "الموالح الجنوبية، مربع ٣" },
                    { "ui-inc-customer-2", "+96879000202", "ui-inc-case-2", "قرب مسجد الموالح الجنوبية" } };
    for (const auto &r : reports) {
        v1::Mutation customer;
        customer.set_mutation_id(std::string("m-") + r.customer);
        customer.mutable_create_customer()->set_customer_id(r.customer);
        customer.mutable_create_customer()->set_name(std::string("Caller ") + r.customer);
        customer.mutable_create_customer()->add_phones(r.phone);
        v1::Mutation kase;
        kase.set_mutation_id(std::string("m-") + r.caseId);
        kase.mutable_create_case()->set_case_id(r.caseId);
        kase.mutable_create_case()->set_customer_id(r.customer);
        kase.mutable_create_case()->set_category("water.supply_cut");
        kase.mutable_create_case()->set_location(r.location);
        mutations << customer << kase;
    }
    QVERIFY(pushAll(mutations));
    v1::CallerContext first, second;
    QVERIFY(m_server.lookup(QStringLiteral("+96879000201"), &first));
    QVERIFY(m_server.lookup(QStringLiteral("+96879000202"), &second));
    QCOMPARE(second.cases_size(), 1);
    QVERIFY(second.cases(0).incident_id().empty());
    const QString firstNumber = QString::fromStdString(first.cases(0).number());
    const int reportsBefore = std::max(first.cases(0).incident_reports(), 1);

    // The agent has the second caller on screen, selects the case and presses Ctrl+Shift+I.
    ui::AgentWindow *window = signIn();
    QVERIFY(window);
    window->screenPop()->lookUpNumber(QStringLiteral("+96879000202"));
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->caseModel()->rowCount(), 1, 15000);
    auto *link = window->findChild<QAction *>(QStringLiteral("linkIncidentAction"));
    QVERIFY(link);
    QVERIFY(selectCase(window, QStringLiteral("ui-inc-case-2")));
    QTRY_VERIFY_WITH_TIMEOUT(link->isEnabled(), 15000);
    window->activateWindow();
    QVERIFY(QTest::qWaitForWindowActive(window));
    QTest::keyClick(window, Qt::Key_I, Qt::ControlModifier | Qt::ShiftModifier);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("incidentDialog")) != nullptr, 15000);
    QWidget *dialog = visibleTopLevel(QStringLiteral("incidentDialog"));
    auto *place = dialog->findChild<QLineEdit *>(QStringLiteral("incidentPlace"));
    auto *list = dialog->findChild<QTreeWidget *>(QStringLiteral("incidentList"));
    QVERIFY(place && list);
    // The place is the case's own; the other caller's case shares words of it, so it is listed.
    QCOMPARE(place->text(), QStringLiteral("قرب مسجد الموالح الجنوبية"));
    const QString shownNumber = ui::DisplayText::caseNumber(firstNumber);
    const auto rowOfFirst = [&] {
        for (int row = 0; row < list->topLevelItemCount(); ++row) {
            if (list->topLevelItem(row)->text(0) == shownNumber)
                return row;
        }
        return -1;
    };
    QTRY_VERIFY_WITH_TIMEOUT(rowOfFirst() >= 0, 15000);
    QCOMPARE(dialog->layoutDirection(), Qt::RightToLeft);
    const QString shots = qEnvironmentVariable("SANAD_UI_SHOTS"); // a look at it: SANAD_UI_SHOTS=DIR
    if (!shots.isEmpty())
        dialog->grab().save(shots + QStringLiteral("/incident-dialog-ar.png"));
    // Switching the language relabels the open dialog, and back.
    m_desk->languages()->setLanguage(ui::LanguageManager::Language::English);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->windowTitle().startsWith(QStringLiteral("Link case")), 15000);
    QCOMPARE(list->headerItem()->text(1), QStringLiteral("Place"));
    if (!shots.isEmpty())
        dialog->grab().save(shots + QStringLiteral("/incident-dialog-en.png"));
    m_desk->languages()->setLanguage(ui::LanguageManager::Language::Arabic);
    QTRY_VERIFY_WITH_TIMEOUT(dialog->windowTitle().startsWith(QStringLiteral("ربط البلاغ")), 15000);
    place->setFocus();

    // Keyboard only: Down from the place into the list, arrows to the first caller's case, Enter.
    QVERIFY(QTest::qWaitForWindowActive(dialog));
    QTRY_VERIFY_WITH_TIMEOUT(place->hasFocus(), 15000);
    QTest::keyClick(place, Qt::Key_Down);
    QVERIFY(list->hasFocus());
    QTRY_VERIFY_WITH_TIMEOUT(rowOfFirst() >= 0, 15000); // still listed after the language switches
    const int target = rowOfFirst();
    while (list->indexOfTopLevelItem(list->currentItem()) < target)
        QTest::keyClick(list, Qt::Key_Down);
    while (list->indexOfTopLevelItem(list->currentItem()) > target)
        QTest::keyClick(list, Qt::Key_Up);
    QTest::keyClick(list, Qt::Key_Return);
    QTRY_VERIFY_WITH_TIMEOUT(visibleTopLevel(QStringLiteral("incidentDialog")) == nullptr, 15000);

    // The screen-pop shows the case as a report of the incident; the incident counts one more report.
    const auto categoryShown = [window] {
        const QAbstractItemModel *model = window->screenPop()->caseModel();
        return model->rowCount() > 0 ? model->index(0, ui::CaseListModel::CategoryColumn).data().toString() : QString();
    };
    QTRY_VERIFY_WITH_TIMEOUT(categoryShown().contains(QStringLiteral("بلاغ ضمن الحادث")), 15000);
    QVERIFY2(categoryShown().contains(shownNumber), qPrintable(categoryShown()));
    if (!shots.isEmpty()) {
        window->resize(1400, 900); // the window as an agent has it, for the look only
        QTest::qWait(200);
        window->grab().save(shots + QStringLiteral("/case-report-ar.png"));
    }
    QVERIFY2(!visibleTopLevel(QStringLiteral("caseChangeFailedDialog")), "the link failed");
    QVERIFY(!link->isEnabled()); // a report cannot be linked again
    QVERIFY(m_server.lookup(QStringLiteral("+96879000201"), &first));
    QCOMPARE(first.cases(0).incident_reports(), reportsBefore + 1);
    QVERIFY(m_server.lookup(QStringLiteral("+96879000202"), &second));
    QCOMPARE(second.cases(0).incident_id(), first.cases(0).id());

    // The first caller's screen-pop shows their case as the incident with its reports.
    window->screenPop()->lookUpNumber(QStringLiteral("+96879000201"));
    QTRY_VERIFY_WITH_TIMEOUT(categoryShown().contains(QStringLiteral("حادث، عدد البلاغات")), 15000);
    m_desk.reset();
}

void TestCaseActions::wrapUpListsTheServersCodes()
{
    const QString number = QStringLiteral("+96879000301");
    v1::Mutation customer;
    customer.set_mutation_id("m-ui-wrap-customer");
    customer.mutable_create_customer()->set_customer_id("ui-wrap-customer");
    customer.mutable_create_customer()->set_name("Salim Al-Harthy");
    customer.mutable_create_customer()->add_phones(number.toStdString());
    QVERIFY(pushAll({ customer }));

    ui::AgentWindow *window = signIn();
    QVERIFY(window);
    QTRY_COMPARE_WITH_TIMEOUT(m_desk->client()->streamState(), client::SanadClient::StreamState::Connected, 15000);
    QTest::keyClick(window, Qt::Key_F9);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::Available, 15000);
    QVERIFY(m_server.reportCall(QStringLiteral("ui-wrap-policy-1"), v1::CALL_EVENT_KIND_OFFERED, number));
    QTRY_COMPARE_WITH_TIMEOUT(window->screenPop()->state(), ui::ScreenPop::State::Known, 15000);
    QTest::keyClick(window, Qt::Key_Return, Qt::ControlModifier);
    QTRY_COMPARE_WITH_TIMEOUT(window->presence(), AgentState::OnContact, 15000);
    QTest::keyClick(window, Qt::Key_E, Qt::ControlModifier);
    auto *panel = window->findChild<ui::WrapUpPanel *>(QStringLiteral("wrapUpPanel"));
    QVERIFY(panel);
    QTRY_VERIFY_WITH_TIMEOUT(panel->isVisible(), 15000);
    auto *disposition = panel->findChild<QComboBox *>(QStringLiteral("wrapUpDisposition"));
    auto *satisfied = panel->findChild<QRadioButton *>(QStringLiteral("wrapUpSatisfied"));
    QVERIFY(disposition && satisfied);

    // Exactly the server's codes, in Arabic; a code without labels shows as it is.
    const auto shown = [disposition] {
        QStringList texts;
        for (int i = 0; i < disposition->count(); ++i)
            texts << disposition->itemText(i);
        return texts;
    };
    QTRY_COMPARE_WITH_TIMEOUT(
        shown(),
        QStringList({ QStringLiteral("حُلّت"), QStringLiteral("قُرئ العداد"), QStringLiteral("tariff_explained") }),
        15000);
    // Switching the language relabels them; switching back too.
    m_desk->languages()->setLanguage(ui::LanguageManager::Language::English);
    QTRY_COMPARE_WITH_TIMEOUT(
        shown(),
        QStringList({ QStringLiteral("Resolved"), QStringLiteral("Meter read"), QStringLiteral("tariff_explained") }),
        15000);
    m_desk->languages()->setLanguage(ui::LanguageManager::Language::Arabic);
    QTRY_COMPARE_WITH_TIMEOUT(shown().value(1), QStringLiteral("قُرئ العداد"), 15000);

    // Chosen with the keyboard and saved: the server applies it (it refuses codes not its own).
    disposition->setFocus();
    while (disposition->currentData().toString() != QLatin1StringView("meter_read")) {
        const int before = disposition->currentIndex();
        QTest::keyClick(disposition, Qt::Key_Down);
        QVERIFY2(disposition->currentIndex() != before, "meter_read is not in the list");
    }
    satisfied->setFocus();
    QTest::keyClick(satisfied, Qt::Key_Space);
    QTest::keyClick(window, Qt::Key_S, Qt::ControlModifier);
    QTRY_VERIFY_WITH_TIMEOUT(!panel->isVisible(), 15000);
    const auto recorded = [&] {
        v1::CallerContext context;
        if (!m_server.lookup(number, &context))
            return false;
        for (const v1::Interaction &i : context.history()) {
            if (QString::fromStdString(i.summary()).startsWith(QStringLiteral("[meter_read]")))
                return true;
        }
        return false;
    };
    QTRY_VERIFY_WITH_TIMEOUT(recorded(), 15000);
    QVERIFY(m_desk->client()->syncProblems().isEmpty()); // nothing rejected
    m_desk.reset();
}

QTEST_MAIN(TestCaseActions)
#include "tst_caseactions.moc"

#include "core/scriptrun.h"
#include "grpctestclient.h"
#include "sanad/v1/script.grpc.pb.h"
#include "serverprocess.h"

#include <QDateTime>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QProcess>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// Guided scripts on the server: `sanad-server validate-script` over every shipped script and a
// broken one; ScriptService (publishing with versions, roles); record_script_run storing the
// transcript on the case and writing back; analytics through the API and script-stats; identity
// one-time codes through the development sender's log.
class TestScripts : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void everyShippedScriptIsValid();
    void validateScriptReportsFileAndStep();
    void publishKeepsVersions();
    void publishRefusesBadScriptsAndNonAdmins();
    void runIsStoredOnTheCaseAndWrittenBack();
    void resolvedOnlyWithConfirmation();
    void callbackOutcomeQueuesACallbackTask();
    void unpublishedVersionIsRejected();
    void analyticsPerVersion();
    void oneTimeCodeThroughTheLog();

private:
    static QByteArray readScript(const QString &name)
    {
        QFile file(QStringLiteral(SANAD_SCRIPTS_DIR) + u'/' + name);
        return file.open(QIODevice::ReadOnly) ? file.readAll() : QByteArray();
    }
    static std::string uuid() { return QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString(); }
    // A customer with one open case in the given category; returns the case id.
    std::string newCase(const std::string &customerId, const std::string &phone, const std::string &category);
    v1::Case caseOf(const std::string &customerId, v1::CallerContext *context = nullptr);
    v1::MutationResult pushRun(const ScriptRun &run, const std::string &caseId, int version, const std::string &runId);
    static ScriptRun streetLightRun(int version, QHash<QString, QString> context = {});

    ServerProcess m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    std::unique_ptr<v1::ScriptService::Stub> m_scripts;
    QString m_admin;
    QString m_agent;
    QString m_lead;
    QString m_codeLog;

    static QStringList shippedScripts()
    {
        const QDir dir(QStringLiteral(SANAD_SCRIPTS_DIR));
        QStringList files;
        for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name))
            files.append(dir.filePath(name));
        return files;
    }
};

void TestScripts::everyShippedScriptIsValid()
{
    const QStringList files = shippedScripts();
    // One script per story of PRODUCT.md.
    QVERIFY2(files.size() >= 7, qPrintable(files.join(u", ")));
    const CommandResult result = ServerProcess::runCommand(QStringList { u"validate-script"_s } + files);
    QVERIFY2(result.exitCode == 0, qPrintable(result.standardError));
    for (const QString &file : files)
        QVERIFY(result.standardOutput.contains(file + u": ok"_s));
}

void TestScripts::validateScriptReportsFileAndStep()
{
    QTemporaryDir dir;
    QFile source(shippedScripts().constFirst());
    QVERIFY(source.open(QIODevice::ReadOnly));
    QByteArray broken = source.readAll();
    // Point the start step at a step that does not exist.
    const qsizetype at = broken.indexOf("\"next\": \"");
    QVERIFY(at > 0);
    broken.insert(at + 9, "missing_");
    const QString path = dir.filePath(u"broken.json"_s);
    QFile out(path);
    QVERIFY(out.open(QIODevice::WriteOnly));
    out.write(broken);
    out.close();

    const CommandResult result = ServerProcess::runCommand({ u"validate-script"_s, path, shippedScripts().constFirst() });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains(path + u":greet: goes to \"missing_"_s), qPrintable(result.standardError));
    QVERIFY(result.standardError.contains(u"which is no step: fix the id or add that step"_s));
    QVERIFY(result.standardOutput.contains(shippedScripts().constFirst() + u": ok"_s));

    const CommandResult usage = ServerProcess::runCommand({ u"validate-script"_s });
    QCOMPARE(usage.exitCode, 2);
}

void TestScripts::initTestCase()
{
    QVERIFY(m_server.addUser(u"admin"_s, u"admin"_s, u"admin-password"_s));
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.addUser(u"lead1"_s, u"lead"_s, u"lead-password"_s));
    m_codeLog = m_server.dataDir() + u"/codes.log"_s;
    QVERIFY(m_server.start({ u"--code-log"_s, m_codeLog }));
    m_client = std::make_unique<GrpcTestClient>(m_server.address());
    m_scripts = v1::ScriptService::NewStub(m_client->channel());
    m_admin = m_client->login(u"admin"_s, u"admin-password"_s);
    m_agent = m_client->login(u"agent1"_s, u"agent-password"_s);
    m_lead = m_client->login(u"lead1"_s, u"lead-password"_s);
    QVERIFY(!m_admin.isEmpty() && !m_agent.isEmpty() && !m_lead.isEmpty());
}

std::string TestScripts::newCase(const std::string &customerId, const std::string &phone, const std::string &category)
{
    v1::Mutation customer;
    customer.set_mutation_id(uuid());
    customer.mutable_create_customer()->set_customer_id(customerId);
    customer.mutable_create_customer()->set_name("مريم الحارثية");
    customer.mutable_create_customer()->add_phones(phone);
    v1::Mutation kase;
    const std::string caseId = uuid();
    kase.set_mutation_id(uuid());
    kase.mutable_create_case()->set_case_id(caseId);
    kase.mutable_create_case()->set_customer_id(customerId);
    kase.mutable_create_case()->set_category(category);
    kase.mutable_create_case()->set_channel(v1::CHANNEL_VOICE);
    v1::PushResponse response;
    if (!m_client->push(m_agent, { customer, kase }, &response).ok() || response.results_size() != 2
        || response.results(1).outcome() != v1::MUTATION_OUTCOME_APPLIED)
        return {};
    return caseId;
}

v1::Case TestScripts::caseOf(const std::string &customerId, v1::CallerContext *context)
{
    v1::GetCustomerContextRequest request;
    request.set_customer_id(customerId);
    v1::CallerContext local;
    v1::CallerContext *c = context ? context : &local;
    m_client->cases().GetCustomerContext(GrpcTestClient::context(m_agent).get(), request, c);
    return c->cases_size() > 0 ? c->cases(0) : v1::Case();
}

ScriptRun TestScripts::streetLightRun(int version, QHash<QString, QString> context)
{
    QList<ScriptIssue> issues;
    Script script = parseScript(readScript(u"street_lighting_fault.json"_s), &issues);
    script.version = version;
    context.insert(u"customer.name"_s, u"مريم"_s);
    return ScriptRun(script, context);
}

v1::MutationResult TestScripts::pushRun(const ScriptRun &run, const std::string &caseId, int version,
                                        const std::string &runId)
{
    v1::Mutation m;
    m.set_mutation_id(uuid());
    v1::RecordScriptRun *r = m.mutable_record_script_run();
    r->set_run_id(runId);
    r->set_case_id(caseId);
    r->set_script_id(run.script().id.toStdString());
    r->set_script_version(version);
    r->set_transcript_json(QJsonDocument(run.transcriptJson()).toJson(QJsonDocument::Compact).toStdString());
    r->set_outcome(scriptOutcomeName(run.outcome().type).toStdString());
    r->set_customer_confirmed(run.customerConfirmed());
    for (const QString &step : run.path())
        r->add_path(step.toStdString());
    for (auto it = run.fields().cbegin(); it != run.fields().cend(); ++it)
        (*r->mutable_fields())[it.key().toStdString()] = it.value().toStdString();
    r->set_referral_department(run.outcome().department.toStdString());
    r->set_referral_sla_hours(run.outcome().slaHours);
    v1::PushResponse response;
    m_client->push(m_agent, { m }, &response);
    return response.results_size() == 1 ? response.results(0) : v1::MutationResult();
}

void TestScripts::publishKeepsVersions()
{
    const QByteArray text = readScript(u"general_complaint.json"_s);
    v1::PublishScriptRequest request;
    request.set_script_json(text.toStdString());
    v1::PublishScriptResponse first;
    grpc::Status status = m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &first);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(first.script().script_id(), "general.complaint");
    QCOMPARE(first.script().version(), 1);
    QCOMPARE(first.script().title_ar(), "شكوى عامة مع متابعة");
    QCOMPARE(first.script().published_by(), "admin");

    v1::PublishScriptResponse again;
    QVERIFY(m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &again).ok());
    QVERIFY(again.unchanged());
    QCOMPARE(again.script().version(), 1);

    QByteArray changed = text;
    changed.replace("أنا أستمع إليك، خذ وقتك.", "أنا أستمع إليك، تفضل.");
    request.set_script_json(changed.toStdString());
    v1::PublishScriptResponse second;
    QVERIFY(m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &second).ok());
    QCOMPARE(second.script().version(), 2);

    // Agents get the current version; a run started on version 1 still reads version 1.
    v1::ListScriptsResponse list;
    QVERIFY(m_scripts->ListScripts(GrpcTestClient::context(m_agent).get(), v1::ListScriptsRequest(), &list).ok());
    bool found = false;
    for (const v1::ScriptDocument &d : list.scripts()) {
        if (d.script_id() == "general.complaint") {
            QCOMPARE(d.version(), 2);
            QVERIFY(QByteArray::fromStdString(d.script_json()).contains("تفضل"));
            found = true;
        }
    }
    QVERIFY(found);
    v1::GetScriptRequest get;
    get.set_script_id("general.complaint");
    get.set_version(1);
    v1::ScriptDocument old;
    QVERIFY(m_scripts->GetScript(GrpcTestClient::context(m_agent).get(), get, &old).ok());
    QCOMPARE(QByteArray::fromStdString(old.script_json()), text);
    get.set_version(9);
    QCOMPARE(m_scripts->GetScript(GrpcTestClient::context(m_agent).get(), get, &old).error_code(),
             grpc::StatusCode::NOT_FOUND);
}

void TestScripts::publishRefusesBadScriptsAndNonAdmins()
{
    v1::PublishScriptRequest request;
    request.set_script_json(readScript(u"billing_dispute.json"_s).toStdString());
    v1::PublishScriptResponse response;
    QCOMPARE(m_scripts->PublishScript(GrpcTestClient::context(m_agent).get(), request, &response).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    QCOMPARE(m_scripts->PublishScript(GrpcTestClient::context(QString()).get(), request, &response).error_code(),
             grpc::StatusCode::UNAUTHENTICATED);

    QByteArray broken = readScript(u"billing_dispute.json"_s);
    broken.replace("\"failed\": \"end_not_verified\"", "\"failed\": \"end_unverified\"");
    request.set_script_json(broken.toStdString());
    const grpc::Status status = m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &response);
    QCOMPARE(status.error_code(), grpc::StatusCode::INVALID_ARGUMENT);
    const QString message = QString::fromStdString(status.error_message());
    QVERIFY2(message.contains(u"billing.dispute:verify: goes to \"end_unverified\", which is no step"_s),
             qPrintable(message));
    // Nothing was published.
    v1::GetScriptRequest get;
    get.set_script_id("billing.dispute");
    v1::ScriptDocument d;
    QCOMPARE(m_scripts->GetScript(GrpcTestClient::context(m_agent).get(), get, &d).error_code(),
             grpc::StatusCode::NOT_FOUND);
}

void TestScripts::runIsStoredOnTheCaseAndWrittenBack()
{
    v1::PublishScriptRequest request;
    request.set_script_json(readScript(u"street_lighting_fault.json"_s).toStdString());
    v1::PublishScriptResponse published;
    QVERIFY(m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &published).ok());
    const int version = published.script().version();

    const std::string customerId = uuid();
    const std::string caseId = newCase(customerId, "+96891110001", "general.complaint");
    QVERIFY(!caseId.empty());

    ScriptRun run = streetLightRun(version);
    run.proceed();
    run.choose(1); // a new report
    QVERIFY(!run.enter(u"العامرات، شارع ١٠، عمود ٤٥"_s));
    run.choose(0); // out at night
    QVERIFY(!run.enter(u"٣"_s));
    QCOMPARE(run.state(), ScriptRun::State::Finished);
    QCOMPARE(run.outcome().type, OutcomeType::Referred);

    const std::string runId = uuid();
    const v1::MutationResult result = pushRun(run, caseId, version, runId);
    QVERIFY2(result.outcome() == v1::MUTATION_OUTCOME_APPLIED, result.detail().c_str());
    QCOMPARE(result.entity_id(), runId);

    v1::CallerContext context;
    const v1::Case kase = caseOf(customerId, &context);
    // Written back: the referral with its department and SLA, the status, the location.
    QCOMPARE(kase.status(), v1::CASE_STATUS_REFERRED);
    QCOMPARE(kase.location(), "العامرات، شارع ١٠، عمود ٤٥");
    QCOMPARE(kase.referrals_size(), 1);
    QCOMPARE(kase.referrals(0).department(), "Municipal lighting");
    const qint64 sla = kase.referrals(0).due_at().seconds() - kase.referrals(0).created_at().seconds();
    QCOMPARE(sla, qint64(72 * 3600));

    // The transcript is in the history, readable in either language.
    const v1::Interaction *stored = nullptr;
    for (const v1::Interaction &i : context.history())
        if (i.id() == runId)
            stored = &i;
    QVERIFY(stored);
    QCOMPARE(stored->script_id(), "lighting.street_light");
    QCOMPARE(stored->script_version(), version);
    QCOMPARE(stored->script_outcome(), "referred");
    QCOMPARE(stored->agent_name(), "agent1");
    QVERIFY(QString::fromStdString(stored->summary()).contains(u"Street lighting fault"_s));
    const QList<TranscriptEntry> transcript = ScriptRun::transcriptFromJson(
        QJsonDocument::fromJson(QByteArray::fromStdString(stored->script_transcript())).array());
    QCOMPARE(transcript.size(), run.transcript().size());
    const QString arabic = ScriptRun::transcriptText(transcript, u"ar");
    const QString english = ScriptRun::transcriptText(transcript, u"en");
    QVERIFY2(arabic.contains(u"أين العمود بالضبط؟"_s), qPrintable(arabic));
    QVERIFY(arabic.contains(u"→ العامرات، شارع ١٠، عمود ٤٥"_s));
    QVERIFY2(english.contains(u"Where exactly is the light?"_s), qPrintable(english));
    QVERIFY(english.contains(u"Referred to Municipal lighting (SLA 72 hours)"_s));
    // It is a record on the case, not another contact: no repeat-contact warning from it.
    QVERIFY(!context.repeat_contact().repeat());

    // A second mutation with the same run id is refused: a run is stored once.
    QCOMPARE(pushRun(run, caseId, version, runId).outcome(), v1::MUTATION_OUTCOME_REJECTED);
}

void TestScripts::resolvedOnlyWithConfirmation()
{
    v1::GetScriptRequest get;
    get.set_script_id("lighting.street_light");
    v1::ScriptDocument d;
    QVERIFY(m_scripts->GetScript(GrpcTestClient::context(m_agent).get(), get, &d).ok());
    const std::string customerId = uuid();
    const std::string caseId = newCase(customerId, "+96891110002", "lighting.street_light");
    QVERIFY(!caseId.empty());

    // The run says resolved but the customer's confirmation is missing: the transcript is kept
    // and the case awaits the customer's confirmation (docs/cases.md), not resolved.
    ScriptRun run = streetLightRun(d.version());
    run.proceed();
    run.choose(0);
    run.proceed();
    run.choose(0); // within its time
    QCOMPARE(run.state(), ScriptRun::State::AwaitingConfirmation);
    QVERIFY(!run.confirmResolution(true));
    QCOMPARE(run.outcome().type, OutcomeType::Resolved);
    v1::MutationResult unconfirmed;
    {
        ScriptRun copy = run;
        // Forge an unconfirmed "resolved" by pushing the outcome without the flag.
        v1::Mutation forged;
        forged.set_mutation_id(uuid());
        auto *r = forged.mutable_record_script_run();
        r->set_run_id(uuid());
        r->set_case_id(caseId);
        r->set_script_id("lighting.street_light");
        r->set_script_version(d.version());
        r->set_transcript_json(QJsonDocument(copy.transcriptJson()).toJson().toStdString());
        r->set_outcome("resolved");
        r->set_customer_confirmed(false);
        v1::PushResponse response;
        QVERIFY(m_client->push(m_agent, { forged }, &response).ok());
        unconfirmed = response.results(0);
    }
    QCOMPARE(unconfirmed.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(caseOf(customerId).status(), v1::CASE_STATUS_AWAITING_CONFIRMATION);

    const v1::MutationResult confirmed = pushRun(run, caseId, d.version(), uuid());
    QCOMPARE(confirmed.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QVERIFY2(confirmed.detail().empty(), confirmed.detail().c_str());
    const v1::Case kase = caseOf(customerId);
    QCOMPARE(kase.status(), v1::CASE_STATUS_RESOLVED);
    QVERIFY(kase.customer_confirmed());
}

void TestScripts::callbackOutcomeQueuesACallbackTask()
{
    v1::PublishScriptRequest publish;
    publish.set_script_json(readScript(u"general_complaint.json"_s).toStdString());
    v1::PublishScriptResponse published;
    QVERIFY(m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), publish, &published).ok());
    const std::string customerId = uuid();
    const std::string caseId = newCase(customerId, "+96891110009", "general.complaint");
    QVERIFY(!caseId.empty());

    // The caller asked to be called back on a given day at another number.
    v1::Mutation mutation;
    mutation.set_mutation_id(uuid());
    auto *r = mutation.mutable_record_script_run();
    r->set_run_id(uuid());
    r->set_case_id(caseId);
    r->set_script_id("general.complaint");
    r->set_script_version(published.script().version());
    r->set_transcript_json(R"([{"step":"end_callback","action":"ended","value":"callback_scheduled"}])");
    r->set_outcome("callback_scheduled");
    (*r->mutable_fields())["callback_at"] = "2030-03-14";
    (*r->mutable_fields())["callback_phone"] = "٩٢٢٢ ٣٣٣٣";
    v1::PushResponse response;
    QVERIFY(m_client->push(m_agent, { mutation }, &response).ok());
    QVERIFY2(response.results(0).outcome() == v1::MUTATION_OUTCOME_APPLIED, response.results(0).detail().c_str());
    QVERIFY2(response.results(0).detail().empty(), response.results(0).detail().c_str());

    // A callback task for that case, number and day is in the queue: one server change, after the
    // run's own (the only change carrying the mutation id).
    std::optional<v1::CallbackTask> task;
    int withMutationId = 0;
    std::string cursor;
    for (;;) {
        v1::PullRequest pull;
        pull.set_cursor(cursor);
        pull.set_limit(5000);
        v1::PullResponse page;
        QVERIFY(m_client->sync().Pull(GrpcTestClient::context(m_agent).get(), pull, &page).ok());
        for (const v1::Change &change : page.changes()) {
            withMutationId += change.mutation_id() == mutation.mutation_id() ? 1 : 0;
            if (change.has_callback_task() && change.callback_task().case_id() == caseId) {
                QVERIFY(change.mutation_id().empty());
                task = change.callback_task();
            }
        }
        cursor = page.next_cursor();
        if (!page.has_more())
            break;
    }
    QCOMPARE(withMutationId, 1);
    QVERIFY(task.has_value());
    QCOMPARE(task->customer_id(), customerId);
    QCOMPARE(task->phone(), std::string("+96892223333"));
    QCOMPARE(task->status(), v1::CALLBACK_STATUS_OPEN);
    QVERIFY2(QString::fromStdString(task->reason()).contains(u"General complaint"_s), task->reason().c_str());
    const QDateTime due = QDateTime::fromSecsSinceEpoch(task->due_at().seconds());
    QCOMPARE(due.date(), QDate(2030, 3, 14));
}

void TestScripts::unpublishedVersionIsRejected()
{
    const std::string customerId = uuid();
    const std::string caseId = newCase(customerId, "+96891110003", "lighting.street_light");
    ScriptRun run = streetLightRun(99);
    run.proceed();
    run.choose(1);
    run.enter(u"الخوير"_s);
    run.choose(3);
    run.proceed();
    const v1::MutationResult result = pushRun(run, caseId, 99, uuid());
    QCOMPARE(result.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY(QString::fromStdString(result.detail()).contains(u"version 99 is not published"_s));
}

void TestScripts::analyticsPerVersion()
{
    v1::PublishScriptRequest request;
    request.set_script_json(readScript(u"internet_fault.json"_s).toStdString());
    v1::PublishScriptResponse published;
    QVERIFY(m_scripts->PublishScript(GrpcTestClient::context(m_admin).get(), request, &published).ok());
    const int version = published.script().version();
    QList<ScriptIssue> issues;
    Script script = parseScript(readScript(u"internet_fault.json"_s), &issues);

    // Two callers: one fixed by restarting the router, one sent a technician and who calls again.
    QList<std::string> customers;
    for (int i = 0; i < 2; ++i) {
        const std::string customerId = uuid();
        const std::string caseId = newCase(customerId, "+9689222000" + std::to_string(i), "telecom.internet");
        ScriptRun run(script, {});
        run.proceed();
        run.choose(0); // no connection
        run.choose(1); // no area outage
        run.choose(1); // red light
        run.check({ true, true, true });
        if (i == 0) {
            run.choose(0); // works
            run.confirmResolution(true);
        } else {
            run.choose(1); // still red
            run.choose(0); // subscription active → technician
        }
        QCOMPARE(run.state(), ScriptRun::State::Finished);
        QCOMPARE(pushRun(run, caseId, version, uuid()).outcome(), v1::MUTATION_OUTCOME_APPLIED);
        customers.append(customerId);
    }
    v1::Mutation call;
    call.set_mutation_id(uuid());
    call.mutable_add_interaction()->set_customer_id(customers.at(1));
    call.mutable_add_interaction()->set_channel(v1::CHANNEL_VOICE);
    call.mutable_add_interaction()->set_summary("Calls again: still no internet");
    v1::PushResponse pushed;
    QVERIFY(m_client->push(m_agent, { call }, &pushed).ok());

    v1::GetScriptStatsRequest statsRequest;
    statsRequest.set_script_id("telecom.internet");
    v1::ScriptStats stats;
    QCOMPARE(m_scripts->GetScriptStats(GrpcTestClient::context(m_agent).get(), statsRequest, &stats).error_code(),
             grpc::StatusCode::PERMISSION_DENIED);
    const grpc::Status status = m_scripts->GetScriptStats(GrpcTestClient::context(m_lead).get(), statsRequest, &stats);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(stats.version(), version);
    QCOMPARE(stats.runs(), 2);
    QCOMPARE(stats.repeat_contacts(), 1);
    QHash<QString, std::pair<qint64, qint64>> steps;
    for (const v1::ScriptStepStats &s : stats.steps())
        steps.insert(QString::fromStdString(s.step_id()), { s.runs_reached(), s.repeat_contacts_after() });
    QCOMPARE(steps.value(u"restart"_s), (std::pair<qint64, qint64>(2, 1)));
    QCOMPARE(steps.value(u"subscription"_s), (std::pair<qint64, qint64>(1, 1)));
    QCOMPARE(steps.value(u"end_resolved"_s), (std::pair<qint64, qint64>(1, 0)));
    QCOMPARE(steps.value(u"wifi"_s), (std::pair<qint64, qint64>(0, 0)));
    QHash<QString, qint64> outcomes;
    for (const v1::ScriptOutcomeCount &o : stats.outcomes())
        outcomes.insert(QString::fromStdString(o.outcome()), o.runs());
    QCOMPARE(outcomes.value(u"resolved"_s), 1);
    QCOMPARE(outcomes.value(u"referred"_s), 1);

    const CommandResult printed = m_server.run({ u"script-stats"_s, u"telecom.internet"_s });
    QVERIFY2(printed.exitCode == 0, qPrintable(printed.standardError));
    QVERIFY2(printed.standardOutput.contains(u"telecom.internet version 1: 2 runs, 1 followed by another contact"_s),
             qPrintable(printed.standardOutput));
    QVERIFY(printed.standardOutput.contains(u"subscription"_s));
}

void TestScripts::oneTimeCodeThroughTheLog()
{
    const std::string customerId = uuid();
    QVERIFY(!newCase(customerId, "+96891234599", "bank.card").empty());
    v1::SendIdentityCodeRequest send;
    send.set_customer_id(customerId);
    v1::SendIdentityCodeResponse sent;
    const grpc::Status status = m_scripts->SendIdentityCode(GrpcTestClient::context(m_agent).get(), send, &sent);
    QVERIFY2(status.ok(), status.error_message().c_str());
    QCOMPARE(sent.masked_number(), "••••4599");

    QFile log(m_codeLog);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QStringList words = QString::fromUtf8(log.readAll()).trimmed().split(u'\n').constLast().split(u' ');
    QCOMPARE(words.size(), 3);
    QCOMPARE(words.at(1), u"+96891234599"_s);
    const QString code = words.at(2);

    v1::CheckIdentityCodeRequest check;
    check.set_customer_id(customerId);
    check.set_code(code == u"000000"_s ? "111111" : "000000");
    v1::CheckIdentityCodeResponse checked;
    QVERIFY(m_scripts->CheckIdentityCode(GrpcTestClient::context(m_agent).get(), check, &checked).ok());
    QVERIFY(!checked.verified());
    QCOMPARE(checked.attempts_left(), 2);
    QString arabicIndic;
    for (QChar c : code)
        arabicIndic += QChar(0x0660 + c.digitValue());
    check.set_code(arabicIndic.toStdString());
    QVERIFY(m_scripts->CheckIdentityCode(GrpcTestClient::context(m_agent).get(), check, &checked).ok());
    QVERIFY(checked.verified());
    // Used once.
    QCOMPARE(m_scripts->CheckIdentityCode(GrpcTestClient::context(m_agent).get(), check, &checked).error_code(),
             grpc::StatusCode::FAILED_PRECONDITION);
    // The verification is on the customer's record.
    v1::CallerContext context;
    caseOf(customerId, &context);
    QVERIFY(context.customer().verifications_size() >= 1);
    QCOMPARE(context.customer().verifications(0).method(), "one_time_code");
}

QTEST_GUILESS_MAIN(TestScripts)
#include "tst_scripts.moc"

#include "client/sanadclient.h"
#include "client/scriptcache.h"
#include "core/scriptrun.h"
#include "grpctestclient.h"
#include "serverprocess.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTest>
#include <QUuid>

using namespace sanad;
using namespace sanad::client;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {
constexpr int Timeout = 30000;
}

// The desktop's side of guided scripts against the real server: the script library fetched and
// cached (suggested, searched, kept across restarts, old versions readable), and a finished run
// recorded on the case so that another agent reads its transcript in either language.
class TestScriptClient final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void libraryIsFetchedAndCached();
    void runIsRecordedAndReadByAnotherAgent();
    void rejectedRunSaysWhy();
    void identityCodeThroughTheServer();

private:
    std::unique_ptr<SanadClient> signIn(const QString &username);
    QList<ScriptDocumentInfo> fetchScripts(SanadClient &client);

    ServerProcess m_server;
    std::string m_customerId;
    std::string m_caseId;
};

void TestScriptClient::initTestCase()
{
    QVERIFY(m_server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server.addUser(u"agent2"_s, u"agent"_s, u"agent-password"_s));
    const QDir scripts(QStringLiteral(SANAD_SCRIPTS_DIR));
    QStringList files;
    for (const QString &name : scripts.entryList({ u"*.json"_s }, QDir::Files))
        files.append(scripts.filePath(name));
    const CommandResult published = m_server.run(QStringList { u"publish-script"_s } + files);
    QVERIFY2(published.exitCode == 0, qPrintable(published.standardError));
    QVERIFY2(m_server.start({ u"--code-log"_s, m_server.dataDir() + u"/codes.log"_s }), qPrintable(m_server.output()));

    // A caller with an open street-lighting case, made behind the desktop's back.
    GrpcTestClient grpc(m_server.address());
    const QString token = grpc.login(u"agent1"_s, u"agent-password"_s);
    m_customerId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    m_caseId = QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString();
    v1::Mutation customer;
    customer.set_mutation_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    customer.mutable_create_customer()->set_customer_id(m_customerId);
    customer.mutable_create_customer()->set_name("خالد الرواحي");
    customer.mutable_create_customer()->add_phones("+96893330001");
    v1::Mutation kase;
    kase.set_mutation_id(QUuid::createUuid().toString(QUuid::WithoutBraces).toStdString());
    kase.mutable_create_case()->set_case_id(m_caseId);
    kase.mutable_create_case()->set_customer_id(m_customerId);
    kase.mutable_create_case()->set_category("lighting.street_light");
    v1::PushResponse response;
    QVERIFY(grpc.push(token, { customer, kase }, &response).ok());
    QCOMPARE(response.results(1).outcome(), v1::MUTATION_OUTCOME_APPLIED);
}

std::unique_ptr<SanadClient> TestScriptClient::signIn(const QString &username)
{
    auto client = std::make_unique<SanadClient>();
    QSignalSpy loggedIn(client.get(), &SanadClient::loggedIn);
    client->login(m_server.address(), username, u"agent-password"_s);
    if (!QTest::qWaitFor([&] { return !loggedIn.isEmpty(); }, Timeout))
        return nullptr;
    return client;
}

QList<ScriptDocumentInfo> TestScriptClient::fetchScripts(SanadClient &client)
{
    QSignalSpy ready(&client, &SanadClient::scriptsReady);
    client.listScripts();
    if (!QTest::qWaitFor([&] { return !ready.isEmpty(); }, Timeout))
        return {};
    return ready.constFirst().at(1).value<QList<ScriptDocumentInfo>>();
}

void TestScriptClient::libraryIsFetchedAndCached()
{
    auto client = signIn(u"agent1"_s);
    QVERIFY(client);
    const QList<ScriptDocumentInfo> scripts = fetchScripts(*client);
    QCOMPARE(scripts.size(), 7);

    QTemporaryDir dir;
    {
        ScriptCache cache(dir.path());
        QVERIFY(cache.scripts().isEmpty());
        cache.update(scripts);
    }
    // A new desktop session has the library before the server answers.
    ScriptCache cache(dir.path());
    QCOMPARE(cache.scripts().size(), 7);
    const QList<ScriptDocumentInfo> forLighting = cache.suggested(u"lighting.street_light"_s, u"general"_s);
    QCOMPARE(forLighting.size(), 1);
    QCOMPARE(forLighting.first().scriptId, u"lighting.street_light"_s);
    QCOMPARE(forLighting.first().titleAr, u"عطل إنارة الشوارع"_s);
    QVERIFY(validateScript(forLighting.first().json).isEmpty());
    // By the queue when the category says nothing.
    const QList<ScriptDocumentInfo> forBank = cache.suggested(QString(), u"bank"_s);
    QCOMPARE(forBank.size(), 1);
    QCOMPARE(forBank.first().scriptId, u"bank.card"_s);
    // Searched the way people type Arabic: without hamza, ى for ي, a word's start.
    QCOMPARE(cache.search(u"انارة"_s).size(), 1);
    QCOMPARE(cache.search(u"فاتوره"_s).constFirst().scriptId, u"billing.dispute"_s);
    QCOMPARE(cache.search(u"intern"_s).constFirst().scriptId, u"telecom.internet"_s);
    QVERIFY(cache.search(u"xyz"_s).isEmpty());

    // A newer version becomes current; the old one stays readable for a run that started on it.
    ScriptDocumentInfo newer = forLighting.first();
    newer.version = 2;
    cache.update({ newer });
    QCOMPARE(cache.find(u"lighting.street_light"_s)->version, 2);
    QCOMPARE(cache.find(u"lighting.street_light"_s, 1)->version, 1);
    QCOMPARE(cache.scripts().size(), 7);
}

void TestScriptClient::runIsRecordedAndReadByAnotherAgent()
{
    auto agent1 = signIn(u"agent1"_s);
    QVERIFY(agent1);
    const QList<ScriptDocumentInfo> scripts = fetchScripts(*agent1);
    const auto it = std::find_if(scripts.cbegin(), scripts.cend(),
                                 [](const ScriptDocumentInfo &d) { return d.scriptId == u"lighting.street_light"; });
    QVERIFY(it != scripts.cend());
    QList<ScriptIssue> issues;
    const QDateTime started = QDateTime::currentDateTimeUtc();
    ScriptRun run(parseScript(it->json, &issues), { { u"customer.name"_s, u"خالد"_s } });
    run.proceed();
    run.choose(1);
    run.enter(u"بوشر، شارع ٥"_s);
    run.choose(3); // broken, wires exposed → danger
    run.proceed();
    QCOMPARE(run.state(), ScriptRun::State::Finished);

    QSignalSpy recorded(agent1.get(), &SanadClient::scriptRunRecorded);
    QSignalSpy failed(agent1.get(), &SanadClient::requestFailed);
    agent1->recordScriptRun(scriptRunRecord(run, QString::fromStdString(m_caseId), it->version, started));
    QTRY_VERIFY_WITH_TIMEOUT(recorded.count() + failed.count() > 0, Timeout);
    QCOMPARE(failed.count(), 0);
    const QString runId = recorded.constFirst().at(1).toString();
    QVERIFY(!runId.isEmpty());

    // Another agent opens the customer: the transcript is in the history, in both languages.
    auto agent2 = signIn(u"agent2"_s);
    QVERIFY(agent2);
    QSignalSpy context(agent2.get(), &SanadClient::callerContextReady);
    agent2->customerContext(QString::fromStdString(m_customerId));
    QTRY_VERIFY_WITH_TIMEOUT(!context.isEmpty(), Timeout);
    const CallerContext caller = context.constFirst().at(1).value<CallerContext>();
    const InteractionInfo *transcript = nullptr;
    for (const InteractionInfo &i : caller.history)
        if (i.id == runId)
            transcript = &i;
    QVERIFY(transcript);
    QVERIFY(transcript->isScriptRun());
    QCOMPARE(transcript->scriptOutcome, u"referred"_s);
    const QList<TranscriptEntry> entries
        = ScriptRun::transcriptFromJson(QJsonDocument::fromJson(transcript->scriptTranscript).array());
    QVERIFY(ScriptRun::transcriptText(entries, u"en").contains(u"Please keep everyone away from the pole"_s));
    QVERIFY(ScriptRun::transcriptText(entries, u"ar").contains(u"أرجو ألا يقترب أحد من العمود"_s));
    // Written back: the case is referred to municipal lighting with the emergency SLA.
    QVERIFY(!caller.cases.isEmpty());
    QCOMPARE(caller.cases.constFirst().status, CaseStatus::Referred);
    QCOMPARE(caller.cases.constFirst().location, u"بوشر، شارع ٥"_s);
}

void TestScriptClient::rejectedRunSaysWhy()
{
    auto client = signIn(u"agent1"_s);
    QVERIFY(client);
    ScriptRunRecord record;
    record.caseId = QString::fromStdString(m_caseId);
    record.scriptId = u"lighting.street_light"_s;
    record.scriptVersion = 42;
    record.transcriptJson = "[{}]";
    record.outcome = u"resolved"_s;
    QSignalSpy failed(client.get(), &SanadClient::requestFailed);
    client->recordScriptRun(record);
    QTRY_VERIFY_WITH_TIMEOUT(!failed.isEmpty(), Timeout);
    const ClientError error = failed.constFirst().at(1).value<ClientError>();
    QVERIFY2(error.serverMessage.contains(u"version 42 is not published"_s), qPrintable(error.serverMessage));
}

void TestScriptClient::identityCodeThroughTheServer()
{
    auto client = signIn(u"agent1"_s);
    QVERIFY(client);
    const QString customerId = QString::fromStdString(m_customerId);
    QSignalSpy sent(client.get(), &SanadClient::identityCodeSent);
    QSignalSpy checked(client.get(), &SanadClient::identityCodeChecked);
    client->sendIdentityCode(customerId);
    QTRY_VERIFY_WITH_TIMEOUT(!sent.isEmpty(), Timeout);
    QCOMPARE(sent.constFirst().at(1).toString(), u"••••0001"_s);
    // The development sender wrote the code to its log, never to the desktop.
    QFile log(m_server.dataDir() + u"/codes.log"_s);
    QVERIFY(log.open(QIODevice::ReadOnly));
    const QString code = QString::fromUtf8(log.readAll()).trimmed().split(u'\n').constLast().split(u' ').constLast();
    QCOMPARE(code.size(), 6);

    client->checkIdentityCode(customerId, code == u"123456"_s ? u"654321"_s : u"123456"_s);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 1, Timeout);
    QCOMPARE(checked.at(0).at(1).toBool(), false);
    QCOMPARE(checked.at(0).at(2).toInt(), 2);
    client->checkIdentityCode(customerId, code);
    QTRY_COMPARE_WITH_TIMEOUT(checked.count(), 2, Timeout);
    QCOMPARE(checked.at(1).at(1).toBool(), true);
}

QTEST_GUILESS_MAIN(TestScriptClient)
#include "testscriptclient.moc"

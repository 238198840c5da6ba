#include "grpctestclient.h"
#include "serverprocess.h"

#include <QFile>
#include <QProcess>
#include <QRegularExpression>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

// The command line of API.md: import-customers (all or nothing), add-user, --demo, exit codes,
// and a graceful stop.
class TestCli : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importIsAllOrNothing();
    void importNeedsTheRequiredColumns();
    void addUser();
    void demoSeedsOnceAndPrintsAccounts();
    void demoKeepsAnExistingAccount();
    void simulatorRingsTheDemoStoriesFirst();
    void usageErrors();
    void gracefulShutdown();

private:
    static QString writeFile(const QTemporaryDir &dir, const QString &name, const QByteArray &contents)
    {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::WriteOnly))
            return QString();
        file.write(contents);
        return file.fileName();
    }
};

void TestCli::importIsAllOrNothing()
{
    ServerProcess server;
    QTemporaryDir dir;
    const QByteArray good = "\xEF\xBB\xBFname,phone,city,email\n"
                            "\"Al Balushi, Ahmed\",+968 9123 4567,Muscat,ahmed@example.com\n"
                            "\"سالم \"\"أبو علي\"\" الكندي\",92345678,\"Sohar\nNorth\",\n";
    const QByteArray bad = good + "Broken number,9123abc,Nizwa,\n";
    // The bad row is line 5 of the file: the quoted city above spans lines 3 and 4.
    const QString badFile = writeFile(dir, u"bad.csv"_s, bad);
    const CommandResult refused = server.run({ u"import-customers"_s, badFile });
    QCOMPARE(refused.exitCode, 1);
    QVERIFY2(refused.standardError.contains("line 5: "_L1), qPrintable(refused.standardError));
    QVERIFY2(!refused.standardError.contains("line 2: "_L1), qPrintable(refused.standardError));
    QVERIFY(refused.standardError.contains("Nothing was imported"_L1));

    // The brief's case: a bad row on line 4 and nothing imported.
    const QString line4 = writeFile(
        dir, u"line4.csv"_s, "name,phone\nFirst,91234567\nSecond,92345678\nThird,not-a-phone\nFourth,93456789\n");
    const CommandResult refused4 = server.run({ u"import-customers"_s, line4 });
    QCOMPARE(refused4.exitCode, 1);
    QVERIFY2(refused4.standardError.contains("line 4: "_L1), qPrintable(refused4.standardError));

    QVERIFY(server.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(server.start());
    GrpcTestClient client(server.address());
    const QString agent = client.login(u"agent1"_s, u"agent-password"_s);
    v1::CallerContext context;
    QVERIFY(client.lookup(agent, u"91234567"_s, &context).ok());
    QVERIFY(!context.known()); // the good rows were not imported either
    QVERIFY(client.lookup(agent, u"92345678"_s, &context).ok());
    QVERIFY(!context.known());
    server.kill();

    const CommandResult imported = server.run({ u"import-customers"_s, writeFile(dir, u"good.csv"_s, good) });
    QVERIFY2(imported.exitCode == 0, qPrintable(imported.standardError));
    QCOMPARE(imported.standardOutput.trimmed(), u"imported 2 customers"_s);
    QVERIFY(server.start());
    GrpcTestClient again(server.address());
    const QString token = again.login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(again.lookup(token, u"0096891234567"_s, &context).ok());
    QVERIFY(context.known());
    QCOMPARE(context.customer().name(), "Al Balushi, Ahmed");
    QCOMPARE(context.customer().email(), "ahmed@example.com");
    QVERIFY(again.lookup(token, u"+968 9234 5678"_s, &context).ok());
    QCOMPARE(context.customer().name(), "سالم \"أبو علي\" الكندي");
    QCOMPARE(context.customer().city(), "Sohar North");
}

void TestCli::importNeedsTheRequiredColumns()
{
    ServerProcess server;
    QTemporaryDir dir;
    const CommandResult result
        = server.run({ u"import-customers"_s, writeFile(dir, u"x.csv"_s, "name,mobile\nAhmed,91234567\n") });
    QCOMPARE(result.exitCode, 1);
    QVERIFY2(result.standardError.contains("\"phone\""_L1), qPrintable(result.standardError));
    QCOMPARE(server.run({ u"import-customers"_s, dir.filePath(u"missing.csv"_s) }).exitCode, 1);
    QCOMPARE(server.run({ u"import-customers"_s }).exitCode, 2);
}

void TestCli::addUser()
{
    ServerProcess server;
    const CommandResult added = server.run(
        { u"add-user"_s, u"--username"_s, u"lead1"_s, u"--role"_s, u"lead"_s, u"--display-name"_s, u"خليفة الراشدي"_s },
        "lead-password\n");
    QVERIFY2(added.exitCode == 0, qPrintable(added.standardError));
    const CommandResult exists
        = server.run({ u"add-user"_s, u"--username"_s, u"lead1"_s, u"--role"_s, u"agent"_s }, "other-password\n");
    QCOMPARE(exists.exitCode, 1);
    QVERIFY2(exists.standardError.contains("user lead1 exists"_L1), qPrintable(exists.standardError));
    const CommandResult shortPassword
        = server.run({ u"add-user"_s, u"--username"_s, u"x"_s, u"--role"_s, u"agent"_s }, "short\n");
    QCOMPARE(shortPassword.exitCode, 1);
    QVERIFY(shortPassword.standardError.contains("at least 8"_L1));
    QCOMPARE(server.run({ u"add-user"_s, u"--username"_s, u"y"_s, u"--role"_s, u"boss"_s }, "long-enough\n").exitCode,
             2);
    QCOMPARE(server.run({ u"add-user"_s, u"--role"_s, u"agent"_s }, "long-enough\n").exitCode, 2);

    QVERIFY(server.start());
    GrpcTestClient client(server.address());
    v1::LoginResponse response;
    QVERIFY(!client.login(u"lead1"_s, u"lead-password"_s, nullptr, &response).isEmpty());
    QCOMPARE(response.role(), v1::ROLE_LEAD);
    QCOMPARE(response.display_name(), "خليفة الراشدي");
    QVERIFY(client.login(u"lead1"_s, u"other-password"_s).isEmpty()); // the second add-user changed nothing
}

void TestCli::demoSeedsOnceAndPrintsAccounts()
{
    ServerProcess server;
    const QString accountsFile = server.dataDir() + u"/accounts.txt"_s;
    QVERIFY(server.start({ u"--demo"_s, u"--demo-accounts-file"_s, accountsFile }));
    const QString output = server.output();
    static const QRegularExpression account(u"demo account: username=(\\S+) role=(\\S+) password=(\\S+)"_s);
    QHash<QString, QString> passwords;
    QStringList roles;
    for (auto it = account.globalMatch(output); it.hasNext();) {
        const auto match = it.next();
        passwords.insert(match.captured(1), match.captured(3));
        roles << match.captured(2);
        QVERIFY2(match.captured(3).size() >= 12, qPrintable(match.captured(0)));
    }
    for (const char *role : { "agent", "lead", "trainer", "admin", "cti" })
        QVERIFY2(roles.contains(QLatin1StringView(role)), role);

    QFile file(accountsFile);
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(
        file.permissions()
            & (QFileDevice::ReadGroup | QFileDevice::ReadOther | QFileDevice::WriteGroup | QFileDevice::WriteOther),
        QFileDevice::Permissions());
    const QString written = QString::fromUtf8(file.readAll());
    QCOMPARE(written.count("demo account: "_L1), passwords.size());
    for (auto it = passwords.cbegin(); it != passwords.cend(); ++it)
        QVERIFY(written.contains(u"username=%1 role="_s.arg(it.key())) && written.contains(it.value()));

    // The printed agent password works, and the database holds at least 300 customers.
    GrpcTestClient client(server.address());
    const QString agentName = passwords.contains(u"agent1"_s) ? u"agent1"_s : roles.isEmpty() ? QString() : QString();
    QVERIFY(!agentName.isEmpty());
    const QString agent = client.login(agentName, passwords.value(agentName));
    QVERIFY(!agent.isEmpty());
    QSet<std::string> customers;
    std::string cursor;
    for (bool more = true; more;) {
        v1::PullRequest request;
        request.set_cursor(cursor);
        request.set_limit(5000);
        v1::PullResponse response;
        QVERIFY(client.sync().Pull(GrpcTestClient::context(agent).get(), request, &response).ok());
        for (const v1::Change &change : response.changes()) {
            if (change.has_customer())
                customers.insert(change.customer().id());
        }
        cursor = response.next_cursor();
        more = response.has_more();
    }
    QVERIFY2(customers.size() >= 300, qPrintable(QString::number(customers.size())));

    // A second start with --demo changes nothing and says so.
    server.terminate();
    QVERIFY(server.start({ u"--demo"_s }));
    QVERIFY2(server.output().contains("demo data already present; accounts unchanged"_L1), qPrintable(server.output()));
    QVERIFY(!server.output().contains("demo account:"_L1));
    GrpcTestClient again(server.address());
    QVERIFY(!again.login(agentName, passwords.value(agentName)).isEmpty());
}

void TestCli::demoKeepsAnExistingAccount()
{
    // An administrator made with add-user before the first --demo keeps the password they chose.
    ServerProcess server;
    QVERIFY(server.addUser(u"admin"_s, u"admin"_s, u"chosen-password"_s));
    QVERIFY(server.start({ u"--demo"_s }));
    const QString output = server.output();
    QVERIFY2(output.contains("demo account admin already exists"_L1), qPrintable(output));
    QVERIFY(!output.contains("username=admin "_L1));
    QVERIFY(output.contains("username=agent1 role=agent password="_L1));
    GrpcTestClient client(server.address());
    const QString admin = client.login(u"admin"_s, u"chosen-password"_s);
    QVERIFY(!admin.isEmpty());
    v1::SearchCustomersRequest request;
    request.set_query("ا");
    v1::SearchCustomersResponse found;
    QVERIFY(client.cases().SearchCustomers(GrpcTestClient::context(admin).get(), request, &found).ok());
    QVERIFY(found.customers_size() > 0); // the demo data is there all the same
}

void TestCli::simulatorRingsTheDemoStoriesFirst()
{
    ServerProcess server;
    QVERIFY(server.start({ u"--demo"_s, u"--simulate-calls"_s, u"30"_s }));
    static const QRegularExpression agentLine(u"demo account: username=(\\S+) role=agent password=(\\S+)"_s);
    const auto match = agentLine.match(server.output());
    QVERIFY(match.hasMatch());
    GrpcTestClient client(server.address());
    const QString agent = client.login(match.captured(1), match.captured(2));
    QVERIFY(!agent.isEmpty());
    AgentStreamReader stream(client, agent);
    QTRY_VERIFY_WITH_TIMEOUT(stream.eventCount() >= 1, 30000);
    QVERIFY(client.setPresence(agent, v1::AGENT_STATE_AVAILABLE).ok());
    // The first simulated call comes a few seconds after start, from a story caller on file.
    QTRY_VERIFY_WITH_TIMEOUT(stream.offersOf(QString()) >= 1, 90000);
    v1::ContactOffered offer;
    for (const v1::AgentEvent &event : stream.events()) {
        if (event.has_contact_offered()) {
            offer = event.contact_offered();
            break;
        }
    }
    QVERIFY(QString::fromStdString(offer.call_id()).startsWith("sim-"_L1));
    QVERIFY(!offer.normalized_number().empty());
    v1::CallerContext context;
    QVERIFY(client.lookup(agent, QString::fromStdString(offer.caller_number()), &context).ok());
    QVERIFY(context.known());
    QVERIFY(context.history_size() > 0);
    // The first featured story is the water cut reported three times this week (demodata.cpp):
    // a random customer would rarely show a repeat contact.
    QVERIFY(context.repeat_contact().repeat());
}

void TestCli::usageErrors()
{
    QTemporaryDir dir;
    const QString db = u"sqlite:"_s + dir.filePath(u"sanad.db"_s);
    QCOMPARE(ServerProcess::runCommand({ u"--no-such-option"_s }).exitCode, 2);
    QCOMPARE(ServerProcess::runCommand({ u"--db"_s, db, u"frobnicate"_s }).exitCode, 2);
    QCOMPARE(ServerProcess::runCommand({ u"--db"_s, db, u"--region"_s, u"XX"_s }).exitCode, 2);
    QCOMPARE(ServerProcess::runCommand({ u"--db"_s, db, u"--token-ttl"_s, u"-5"_s }).exitCode, 2);
    QCOMPARE(ServerProcess::runCommand({ u"--db"_s, db, u"--listen"_s, u"nonsense"_s }).exitCode, 2);
    const CommandResult exposed = ServerProcess::runCommand({ u"--db"_s, db, u"--listen"_s, u"0.0.0.0:0"_s });
    QCOMPARE(exposed.exitCode, 2);
    QVERIFY2(exposed.standardError.contains("TLS"_L1), qPrintable(exposed.standardError));
    const CommandResult help = ServerProcess::runCommand({ u"--help"_s });
    QCOMPARE(help.exitCode, 0);
    QVERIFY(help.standardOutput.contains("--listen"_L1));
    const CommandResult postgres = ServerProcess::runCommand({ u"--db"_s, u"postgresql://sanad@localhost/sanad"_s });
    QCOMPARE(postgres.exitCode, 1);
    QVERIFY(postgres.standardError.contains("sqlite:PATH"_L1));
}

void TestCli::gracefulShutdown()
{
    ServerProcess users; // add-user on the database the process below serves
    QVERIFY(users.addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QProcess process;
    process.setProcessChannelMode(QProcess::MergedChannels);
    process.start(ServerProcess::serverBinary(), { u"--db"_s, users.database(), u"--listen"_s, u"127.0.0.1:0"_s });
    QVERIFY(process.waitForStarted());
    QString output;
    QTRY_VERIFY_WITH_TIMEOUT((output += QString::fromUtf8(process.readAll())).contains("listening on 127.0.0.1:"_L1),
                             60000);
    // Exactly one listening line, with the real port.
    QCOMPARE(output.count("listening on"_L1), 1);
    QVERIFY(!output.contains("listening on 127.0.0.1:0\n"_L1));
    static const QRegularExpression listening(u"listening on (\\S+)"_s);
    GrpcTestClient client(listening.match(output).captured(1));
    const QString agent = client.login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(!agent.isEmpty());
    AgentStreamReader stream(client, agent);
    QTRY_VERIFY_WITH_TIMEOUT(stream.eventCount() >= 1, 30000);

    process.terminate(); // SIGTERM: the open agent stream is closed, then the server stops
    QVERIFY(process.waitForFinished(30000));
    QCOMPARE(process.exitStatus(), QProcess::NormalExit);
    QCOMPARE(process.exitCode(), 0);
    QTRY_VERIFY_WITH_TIMEOUT(stream.finished(), 30000);
    QCOMPARE(stream.status().error_code(), grpc::StatusCode::UNAVAILABLE);
}

QTEST_GUILESS_MAIN(TestCli)
#include "tst_cli.moc"

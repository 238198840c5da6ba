#include "grpctestclient.h"
#include "serverprocess.h"

#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QHash>
#include <QProcess>
#include <QRegularExpression>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::test;
using namespace Qt::StringLiterals;

namespace {

// One sanad-sync-driver process: a desktop without windows that a test can kill.
class Driver
{
public:
    ~Driver()
    {
        if (m_process.state() != QProcess::NotRunning) {
            m_process.kill();
            m_process.waitForFinished(10000);
        }
    }

    void start(const QStringList &args)
    {
        m_output.clear();
        m_process.setProcessChannelMode(QProcess::SeparateChannels);
        m_process.setProcessEnvironment(QProcessEnvironment::systemEnvironment());
        m_process.start(QStringLiteral(SANAD_SYNC_DRIVER), args);
        m_process.waitForStarted();
    }

    // The first whole line that matches, waiting for it; empty after timeoutMs.
    QString waitFor(const QRegularExpression &pattern, int timeoutMs = 120000, qsizetype *from = nullptr)
    {
        QElapsedTimer timer;
        timer.start();
        qsizetype searched = from ? *from : 0;
        for (;;) {
            const qsizetype end = m_output.lastIndexOf('\n');
            while (end >= searched) {
                const qsizetype newline = m_output.indexOf('\n', searched);
                const QString line = QString::fromUtf8(m_output.mid(searched, newline - searched));
                searched = newline + 1;
                if (pattern.match(line).hasMatch()) {
                    if (from)
                        *from = searched;
                    return line;
                }
            }
            if (timer.elapsed() > timeoutMs || m_process.state() == QProcess::NotRunning) {
                m_output += m_process.readAllStandardOutput();
                if (timer.elapsed() > timeoutMs || !m_output.mid(searched).contains('\n')) {
                    qWarning().noquote() << "driver output so far:" << QString::fromUtf8(m_output).right(3000)
                                         << QString::fromUtf8(m_process.readAllStandardError()).right(2000);
                    return QString();
                }
                continue;
            }
            m_process.waitForReadyRead(100);
            m_output += m_process.readAllStandardOutput();
        }
    }

    bool waitForExit(int timeoutMs = 120000) { return m_process.waitForFinished(timeoutMs); }
    QProcess &process() { return m_process; }

private:
    QProcess m_process;
    QByteArray m_output;
};

const QRegularExpression kDone(u"^done "_s);

int field(const QString &line, const QString &name)
{
    const QRegularExpression re(name + u"=(\\d+)"_s);
    const auto match = re.match(line);
    return match.hasMatch() ? match.captured(1).toInt() : -1;
}

} // namespace

// The six fault tests of issue 5 (docs/sync.md): real processes, the real server, real SQLite.
class TestOffline : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void serverKilledMidPush();
    void clientKilledAfterQueueing();
    void serverUnreachableForAWhile();
    void twoAgentsSameVersion();
    void serverDatabaseReplacedByOlderCopy();
    void corruptLocalStore();
    void olderLocalStoreKeepsItsOutbox();

private:
    QStringList driverArgs(const QString &store, const QString &user = u"agent1"_s) const;
    // Every note on the case, text -> how many times the server has it, in feed order.
    QList<QString> notesOnServer(QHash<QString, int> *counts);
    QString storePath(const QString &name) const { return m_dir->filePath(name); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<ServerProcess> m_server;
    std::unique_ptr<GrpcTestClient> m_client;
    QString m_token;
    const QString m_customerId = u"c0ffee00-0000-4000-8000-000000000001"_s;
    const QString m_caseId = u"c0ffee00-0000-4000-8000-0000000000c1"_s;
    const QString m_phone = u"+96891234567"_s;
};

void TestOffline::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_server = std::make_unique<ServerProcess>();
    QVERIFY(m_server->addUser(u"agent1"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server->addUser(u"agent2"_s, u"agent"_s, u"agent-password"_s));
    QVERIFY(m_server->start());
    m_client = std::make_unique<GrpcTestClient>(m_server->address());
    m_token = m_client->login(u"agent1"_s, u"agent-password"_s);
    QVERIFY(!m_token.isEmpty());
    v1::Mutation customer;
    customer.set_mutation_id("setup-customer");
    customer.mutable_create_customer()->set_customer_id(m_customerId.toStdString());
    customer.mutable_create_customer()->set_name("سالم الكندي");
    customer.mutable_create_customer()->add_phones(m_phone.toStdString());
    v1::Mutation kase;
    kase.set_mutation_id("setup-case");
    kase.mutable_create_case()->set_case_id(m_caseId.toStdString());
    kase.mutable_create_case()->set_customer_id(m_customerId.toStdString());
    kase.mutable_create_case()->set_category("water.burst_pipe");
    v1::PushResponse response;
    QVERIFY(m_client->push(m_token, { customer, kase }, &response).ok());
    QCOMPARE(response.results(1).outcome(), v1::MUTATION_OUTCOME_APPLIED);
}

void TestOffline::cleanup()
{
    m_client.reset();
    m_server.reset();
    m_dir.reset();
}

QStringList TestOffline::driverArgs(const QString &store, const QString &user) const
{
    return { u"--server"_s, m_server->address(), u"--user"_s,
             user,          u"--password"_s,     u"agent-password"_s,
             u"--store"_s,  storePath(store),    u"--exit-when-drained"_s };
}

QList<QString> TestOffline::notesOnServer(QHash<QString, int> *counts)
{
    m_client = std::make_unique<GrpcTestClient>(m_server->address());
    m_token = m_client->login(u"agent1"_s, u"agent-password"_s);
    QList<QString> order;
    std::string cursor;
    for (;;) {
        v1::PullRequest request;
        request.set_cursor(cursor);
        request.set_limit(5000);
        v1::PullResponse response;
        if (!m_client->sync().Pull(GrpcTestClient::context(m_token).get(), request, &response).ok())
            return {};
        for (const v1::Change &change : response.changes()) {
            if (change.has_interaction() && change.interaction().note()) {
                const QString text = QString::fromStdString(change.interaction().summary());
                order.append(text);
                (*counts)[text] += 1;
            }
        }
        cursor = response.next_cursor();
        if (!response.has_more())
            break;
    }
    return order;
}

void TestOffline::serverKilledMidPush()
{
    Driver driver;
    driver.start(driverArgs(u"a.db"_s)
                 + QStringList { u"--case"_s, m_caseId, u"--notes"_s, u"1000"_s, u"--batch"_s, u"20"_s });
    // Killed once some batches are in and others are not.
    const QString progress = driver.waitFor(QRegularExpression(u"^state online=1 waiting=([1-9]\\d?\\d?) "_s));
    QVERIFY2(!progress.isEmpty(), "the driver never reported a part-sent outbox");
    m_server->kill();
    QTest::qWait(1500);
    QVERIFY(m_server->restart());
    const QString done = driver.waitFor(kDone);
    QVERIFY(!done.isEmpty());
    QCOMPARE(field(done, u"waiting"_s), 0);
    QCOMPARE(field(done, u"problems"_s), 0);
    QHash<QString, int> counts;
    const QList<QString> order = notesOnServer(&counts);
    QCOMPARE(order.size(), 1000);
    for (int i = 1; i <= 1000; ++i)
        QCOMPARE(counts.value(u"note %1"_s.arg(i)), 1);
}

void TestOffline::clientKilledAfterQueueing()
{
    {
        Driver driver;
        driver.start(driverArgs(u"b.db"_s)
                     + QStringList { u"--case"_s, m_caseId, u"--notes"_s, u"100"_s, u"--kill-after-queue"_s });
        QVERIFY(!driver.waitFor(QRegularExpression(u"^queued 100$"_s)).isEmpty());
        QVERIFY(driver.waitForExit());
        QCOMPARE(driver.process().exitStatus(), QProcess::CrashExit);
    }
    QHash<QString, int> counts;
    QCOMPARE(notesOnServer(&counts).size(), 0); // nothing was sent
    Driver again;
    again.start(driverArgs(u"b.db"_s));
    const QString done = again.waitFor(kDone);
    QVERIFY(!done.isEmpty());
    QCOMPARE(field(done, u"waiting"_s), 0);
    const QList<QString> order = notesOnServer(&counts);
    QCOMPARE(order.size(), 100);
    for (int i = 1; i <= 100; ++i)
        QCOMPARE(counts.value(u"note %1"_s.arg(i)), 1);
}

void TestOffline::serverUnreachableForAWhile()
{
    Driver driver;
    driver.start(driverArgs(u"c.db"_s)
                 + QStringList { u"--wait-offline"_s, u"--customer"_s, m_customerId, u"--cases"_s, u"5"_s, u"--case"_s,
                                 m_caseId, u"--notes"_s, u"50"_s, u"--lookup"_s, m_phone });
    QVERIFY(!driver.waitFor(QRegularExpression(u"^ready$"_s)).isEmpty());
    m_server->kill();
    QVERIFY(!driver.waitFor(QRegularExpression(u"^offline$"_s)).isEmpty());
    QVERIFY(!driver.waitFor(QRegularExpression(u"^queued 56$|^queued 55$"_s)).isEmpty());
    // The screen-pop comes from the local store, marked so: the customer and the case are there.
    const QString screenPop = driver.waitFor(QRegularExpression(u"^screenpop "_s));
    QCOMPARE(field(screenPop, u"known"_s), 1);
    QCOMPARE(field(screenPop, u"local"_s), 1);
    QVERIFY(field(screenPop, u"cases"_s) >= 1);
    QTest::qWait(2000); // a while: the driver keeps trying
    QVERIFY(m_server->restart());
    const QString done = driver.waitFor(kDone);
    QVERIFY(!done.isEmpty());
    QCOMPARE(field(done, u"applied"_s), 55);
    QHash<QString, int> counts;
    const QList<QString> order = notesOnServer(&counts);
    QCOMPARE(order.size(), 50);
    for (int i = 1; i <= 50; ++i)
        QCOMPARE(order.at(i - 1), u"note %1"_s.arg(i)); // in order, once each
    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_token, m_phone, &context).ok());
    QCOMPARE(context.cases_size(), 6);
}

void TestOffline::twoAgentsSameVersion()
{
    Driver first;
    first.start(driverArgs(u"d1.db"_s) + QStringList { u"--status"_s, m_caseId + u":1:2"_s });
    const QString firstDone = first.waitFor(kDone);
    QCOMPARE(field(firstDone, u"applied"_s), 1);
    QCOMPARE(field(firstDone, u"problems"_s), 0);

    Driver second;
    second.start(driverArgs(u"d2.db"_s, u"agent2"_s) + QStringList { u"--status"_s, m_caseId + u":1:4"_s });
    const QString conflict = second.waitFor(QRegularExpression(u"^problem conflict "_s));
    QVERIFY2(conflict.contains(u"version"_s), qPrintable(conflict));
    const QString secondDone = second.waitFor(kDone);
    QCOMPARE(field(secondDone, u"applied"_s), 0);
    QCOMPARE(field(secondDone, u"problems"_s), 1);

    v1::CallerContext context;
    QVERIFY(m_client->lookup(m_token, m_phone, &context).ok());
    QCOMPARE(context.cases(0).status(), v1::CASE_STATUS_IN_PROGRESS); // the first agent's, not overwritten
    QCOMPARE(context.cases(0).version(), 2);
}

void TestOffline::serverDatabaseReplacedByOlderCopy()
{
    const QString dbFile = m_server->database().mid(QStringLiteral("sqlite:").size());
    {
        Driver driver;
        driver.start(driverArgs(u"e.db"_s)
                     + QStringList { u"--case"_s, m_caseId, u"--notes"_s, u"10"_s, u"--prefix"_s, u"early"_s });
        QVERIFY(!driver.waitFor(kDone).isEmpty());
        QVERIFY(driver.waitForExit());
    }
    m_server->terminate();
    const QString backup = m_dir->filePath(u"backup.db"_s);
    QVERIFY(QFile::copy(dbFile, backup));
    QVERIFY(!QFile::exists(dbFile + u"-wal"_s) || QFile::copy(dbFile + u"-wal"_s, backup + u"-wal"_s));
    QVERIFY(m_server->restart());
    {
        Driver driver;
        driver.start(driverArgs(u"e.db"_s)
                     + QStringList { u"--case"_s, m_caseId, u"--notes"_s, u"10"_s, u"--prefix"_s, u"late"_s });
        QVERIFY(!driver.waitFor(kDone).isEmpty());
        QVERIFY(driver.waitForExit());
    }
    // The server's database is replaced by the older copy: the late notes are gone from it.
    m_server->terminate();
    for (const QString &suffix : { u""_s, u"-wal"_s, u"-shm"_s })
        QFile::remove(dbFile + suffix);
    QVERIFY(QFile::copy(backup, dbFile));
    QVERIFY(!QFile::exists(backup + u"-wal"_s) || QFile::copy(backup + u"-wal"_s, dbFile + u"-wal"_s));
    QVERIFY(m_server->restart());
    QHash<QString, int> counts;
    QCOMPARE(notesOnServer(&counts).size(), 10);

    Driver driver;
    driver.start(driverArgs(u"e.db"_s));
    const QString done = driver.waitFor(kDone);
    QVERIFY(!done.isEmpty());
    counts.clear();
    QCOMPARE(notesOnServer(&counts).size(), 20);
    for (int i = 1; i <= 10; ++i) {
        QCOMPARE(counts.value(u"early %1"_s.arg(i)), 1);
        QCOMPARE(counts.value(u"late %1"_s.arg(i)), 1);
    }
}

void TestOffline::corruptLocalStore()
{
    const QString store = storePath(u"f.db"_s);
    {
        QFile file(store);
        QVERIFY(file.open(QIODevice::WriteOnly));
        file.write(QByteArray(8192, 'x'));
    }
    Driver driver;
    driver.start(driverArgs(u"f.db"_s) + QStringList { u"--case"_s, m_caseId, u"--notes"_s, u"3"_s });
    const QString notice = driver.waitFor(QRegularExpression(u"^notice "_s));
    QVERIFY2(notice.contains(u"could not be read"_s), qPrintable(notice));
    QVERIFY(!driver.waitFor(kDone).isEmpty());
    const QStringList copies = QDir(m_dir->path()).entryList({ u"f.db.corrupt-*"_s });
    QCOMPARE(copies.size(), 1);
    QFile copy(m_dir->filePath(copies.constFirst()));
    QVERIFY(copy.open(QIODevice::ReadOnly));
    QCOMPARE(copy.readAll(), QByteArray(8192, 'x')); // the copy is the file as it was
    QHash<QString, int> counts;
    QCOMPARE(notesOnServer(&counts).size(), 3);
    QCOMPARE(QFile::permissions(store) & (QFile::ReadGroup | QFile::ReadOther | QFile::WriteGroup | QFile::WriteOther),
             QFile::Permissions());
}

void TestOffline::olderLocalStoreKeepsItsOutbox()
{
    // Schema 1 of the local store kept only an outbox: its waiting changes must still go out.
    const QString store = storePath(u"g.db"_s);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(u"QSQLITE"_s, u"old-store"_s);
        db.setDatabaseName(store);
        QVERIFY(db.open());
        QSqlQuery query(db);
        QVERIFY(query.exec(u"CREATE TABLE outbox (mutation_id TEXT PRIMARY KEY, base_version INTEGER, payload BLOB, "
                           "queued_at INTEGER)"_s));
        for (int i = 1; i <= 3; ++i) {
            v1::Mutation note;
            note.set_mutation_id(u"old-%1"_s.arg(i).toStdString());
            note.mutable_add_note()->set_case_id(m_caseId.toStdString());
            note.mutable_add_note()->set_text(u"old %1"_s.arg(i).toStdString());
            query.prepare(u"INSERT INTO outbox VALUES (?, 0, ?, ?)"_s);
            query.addBindValue(QString::fromStdString(note.mutation_id()));
            query.addBindValue(QByteArray::fromStdString(note.SerializeAsString()));
            query.addBindValue(qint64(1780000000000) + i);
            QVERIFY(query.exec());
        }
        QVERIFY(query.exec(u"PRAGMA user_version = 1"_s));
        query.finish();
        db.close();
    }
    QSqlDatabase::removeDatabase(u"old-store"_s);
    Driver driver;
    driver.start(driverArgs(u"g.db"_s));
    const QString notice = driver.waitFor(QRegularExpression(u"^notice "_s));
    QVERIFY2(notice.contains(u"3 waiting changes were carried over"_s), qPrintable(notice));
    QVERIFY(!driver.waitFor(kDone).isEmpty());
    QHash<QString, int> counts;
    const QList<QString> order = notesOnServer(&counts);
    QCOMPARE(order, (QList<QString> { u"old 1"_s, u"old 2"_s, u"old 3"_s }));
    QCOMPARE(QDir(m_dir->path()).entryList({ u"g.db.schema1-*"_s }).size(), 1);
}

QTEST_GUILESS_MAIN(TestOffline)
#include "tst_offline.moc"

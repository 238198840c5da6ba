#include "server/storage/database.h"
#include "server/storage/metarepository.h"
#include "server/storage/migrations.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"

#include <QSqlDatabase>
#include <QTemporaryDir>
#include <QTest>

using namespace sanad::server;
using namespace Qt::StringLiterals;

class TestMigrations : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void emptyDatabaseGetsTheWholeSchema();
    void rerunChangesNothing();
    void walModeAndForeignKeys();
    void refusesUnknownAddresses();
    void refusesNewerSchema();

private:
    static qint64 scalar(Database &database, const QString &sql)
    {
        SqlQuery query(database.connection(), sql);
        query.exec();
        return query.next() ? query.integer(0) : -1;
    }
};

void TestMigrations::emptyDatabaseGetsTheWholeSchema()
{
    QTemporaryDir dir;
    auto database = Database::open(u"sqlite:"_s + dir.filePath(u"sub/folder/sanad.db"_s), 1000);
    QCOMPARE(Migrations::currentVersion(*database), Migrations::latestVersion());
    const QStringList tables = database->connection().tables();
    for (const char *table : { "meta", "users", "sessions", "queues", "customers", "customer_phones", "verifications",
                               "case_counters", "cases", "interactions", "referrals", "call_events", "agent_events",
                               "mutations", "changes", "audit_log", "schema_version" })
        QVERIFY2(tables.contains(QLatin1StringView(table)), table);
    QCOMPARE(scalar(*database, u"SELECT COUNT(*) FROM queues WHERE name = 'general'"_s), 1);
    QVERIFY(!MetaRepository(*database).serverEpoch().isEmpty());
}

void TestMigrations::rerunChangesNothing()
{
    QTemporaryDir dir;
    const QString url = u"sqlite:"_s + dir.filePath(u"sanad.db"_s);
    QString epoch;
    {
        auto database = Database::open(url, 1000);
        epoch = MetaRepository(*database).serverEpoch();
        Migrations::run(*database, 2000); // again on the same connection
        QCOMPARE(scalar(*database, u"SELECT COUNT(*) FROM schema_version"_s), Migrations::latestVersion());
    }
    auto database = Database::open(url, 3000); // and on a migrated file
    QCOMPARE(Migrations::currentVersion(*database), Migrations::latestVersion());
    QCOMPARE(scalar(*database, u"SELECT COUNT(*) FROM schema_version"_s), Migrations::latestVersion());
    QCOMPARE(scalar(*database, u"SELECT COUNT(*) FROM queues"_s), 1);
    QCOMPARE(MetaRepository(*database).serverEpoch(), epoch);
}

void TestMigrations::walModeAndForeignKeys()
{
    QTemporaryDir dir;
    auto database = Database::open(u"sqlite:"_s + dir.filePath(u"sanad.db"_s), 1000);
    SqlQuery mode(database->connection(), u"PRAGMA journal_mode"_s);
    mode.exec();
    QVERIFY(mode.next());
    QCOMPARE(mode.text(0).toLower(), u"wal"_s);
    mode.finish();
    QCOMPARE(scalar(*database, u"PRAGMA foreign_keys"_s), 1);
    // A phone of a customer that does not exist is refused.
    SqlQuery orphan(
        database->connection(),
        u"INSERT INTO customer_phones (customer_id, e164, position) VALUES ('nobody', '+96891234567', 0)"_s);
    QVERIFY_THROWS_EXCEPTION(StorageError, orphan.exec());
}

void TestMigrations::refusesUnknownAddresses()
{
    try {
        Database::open(u"postgresql://sanad@localhost:5432/sanad"_s, 1000);
        QFAIL("PostgreSQL was accepted");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains("not supported yet"_L1), qPrintable(error.message()));
    }
    try {
        Database::open(u"mysql://x"_s, 1000);
        QFAIL("an unknown address was accepted");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains("sqlite:PATH"_L1), qPrintable(error.message()));
    }
}

void TestMigrations::refusesNewerSchema()
{
    QTemporaryDir dir;
    const QString url = u"sqlite:"_s + dir.filePath(u"sanad.db"_s);
    {
        auto database = Database::open(url, 1000);
        execSql(database->connection(),
                u"INSERT INTO schema_version (version, description, applied_at) "
                "VALUES (999, 'from the future', 0)"_s);
    }
    try {
        Database::open(url, 1000);
        QFAIL("a database from a newer server was accepted");
    } catch (const StorageError &error) {
        QVERIFY2(error.message().contains("999"_L1), qPrintable(error.message()));
    }
}

QTEST_GUILESS_MAIN(TestMigrations)
#include "tst_migrations.moc"

#include "server/storage/database.h"

#include "server/logcategories.h"
#include "server/storage/migrations.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"

#include <QDir>
#include <QFileInfo>
#include <QHash>
#include <QSqlError>
#include <QThread>
#include <QThreadStorage>

#include <atomic>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

std::atomic<quint64> s_nextDatabaseId { 1 };

// The connections one thread opened, closed and removed when the thread ends (QThreadStorage
// deletes its value on the ending thread, which is the only thread allowed to close them).
class ThreadConnections
{
public:
    ~ThreadConnections()
    {
        const QStringList names = m_connections.values();
        m_connections.clear();
        for (const QString &name : names)
            closeAndRemove(name);
    }

    QString name(quint64 databaseId) const { return m_connections.value(databaseId); }
    void add(quint64 databaseId, const QString &name) { m_connections.insert(databaseId, name); }
    void remove(quint64 databaseId)
    {
        const QString name = m_connections.take(databaseId);
        if (!name.isEmpty())
            closeAndRemove(name);
    }

private:
    static void closeAndRemove(const QString &name)
    {
        {
            QSqlDatabase db = QSqlDatabase::database(name, false);
            db.close();
        }
        QSqlDatabase::removeDatabase(name);
    }

    QHash<quint64, QString> m_connections;
};

QThreadStorage<ThreadConnections *> s_threadConnections;

ThreadConnections &threadConnections()
{
    if (!s_threadConnections.hasLocalData())
        s_threadConnections.setLocalData(new ThreadConnections);
    return *s_threadConnections.localData();
}

} // namespace

std::unique_ptr<Database> Database::open(const QString &url, qint64 nowMs)
{
    std::unique_ptr<Database> database;
    if (url.startsWith("sqlite:"_L1)) {
        QString path = url.mid(7);
        if (path.startsWith("//"_L1)) // sqlite:///abs/path
            path = path.mid(2);
        if (path.isEmpty())
            throw StorageError(u"The database address \"%1\" names no file: use sqlite:PATH, for example "
                               "sqlite:/var/lib/sanad/sanad.db."_s.arg(url));
        const QFileInfo info(path);
        if (!QDir().mkpath(info.absolutePath()))
            throw StorageError(u"The folder %1 for the database cannot be created: check that it is writable or "
                               "choose another --db."_s.arg(info.absolutePath()));
        database.reset(new Database(Dialect::Kind::Sqlite, info.absoluteFilePath()));
    } else if (url.startsWith("postgresql:"_L1) || url.startsWith("postgres:"_L1)) {
        throw StorageError(u"PostgreSQL storage is not supported yet by this version of sanad-server: use "
                           "--db sqlite:PATH."_s);
    } else {
        throw StorageError(u"\"%1\" is not a database address: use sqlite:PATH or "
                           "postgresql://user@host:port/db."_s.arg(url));
    }

    QSqlDatabase db = database->connection();
    if (database->m_dialect.kind() == Dialect::Kind::Sqlite) {
        // Persistent in the file: later connections are in WAL mode too.
        QSqlQuery query(db);
        if (!query.exec(u"PRAGMA journal_mode = WAL"_s) || !query.next()
            || query.value(0).toString().compare("wal"_L1, Qt::CaseInsensitive) != 0)
            qCWarning(lcStorage) << "the database could not switch to WAL mode; readers may wait for writers";
    }
    Migrations::run(*database, nowMs);
    return database;
}

Database::Database(Dialect::Kind kind, const QString &filePath)
    : m_dialect(kind)
    , m_filePath(filePath)
    , m_id(s_nextDatabaseId.fetch_add(1))
{
    // Threads and their connections live as long as the database (no expiry). Login's argon2id
    // verification holds a thread for a moment, so there are a few more threads than cores.
    m_pool.setExpiryTimeout(-1);
    m_pool.setMaxThreadCount(std::max(4, QThread::idealThreadCount() * 2));
    m_pool.setObjectName(u"sanad-sql"_s);
}

Database::~Database()
{
    m_pool.waitForDone();
    // The pool's threads end when m_pool is destroyed (after this body) and close their own
    // connections; the destroying thread closes its connection here.
    if (s_threadConnections.hasLocalData())
        s_threadConnections.localData()->remove(m_id);
}

QSqlDatabase Database::connection()
{
    ThreadConnections &connections = threadConnections();
    const QString existing = connections.name(m_id);
    if (!existing.isEmpty())
        return QSqlDatabase::database(existing, false);
    const QString name = u"sanad-%1-%2"_s.arg(m_id).arg(reinterpret_cast<quintptr>(QThread::currentThread()), 0, 16);
    QSqlDatabase db = openConnection(name);
    connections.add(m_id, name);
    return db;
}

QSqlDatabase Database::openConnection(const QString &name)
{
    QSqlDatabase db = QSqlDatabase::addDatabase(m_dialect.driverName(), name);
    if (!db.isValid()) {
        QSqlDatabase::removeDatabase(name);
        throw StorageError(
            u"The Qt SQL driver %1 is not installed: install libqt6sql6-sqlite."_s.arg(m_dialect.driverName()));
    }
    db.setDatabaseName(m_filePath);
    db.setConnectOptions(m_dialect.connectOptions());
    if (!db.open()) {
        const QString why = db.lastError().text();
        db = QSqlDatabase();
        QSqlDatabase::removeDatabase(name);
        throw StorageError(
            u"The database %1 cannot be opened (%2): check the path and its permissions."_s.arg(m_filePath, why));
    }
    for (const QString &statement : m_dialect.connectionSetup())
        execSql(db, statement);
    return db;
}

void Database::post(std::function<void()> task)
{
    m_pool.start(std::move(task));
}

void Database::waitForIdle()
{
    m_pool.waitForDone();
}

} // namespace sanad::server

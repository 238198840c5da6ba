#pragma once

#include "server/storage/dialect.h"

#include <QSqlDatabase>
#include <QString>
#include <QThreadPool>

#include <functional>
#include <memory>

namespace sanad::server {

// The server's database: where it is, its dialect, one Qt SQL connection per thread, and the
// worker pool every service runs its SQL on.
//
// Qt SQL connections belong to the thread that opened them, so connection() opens (on first use)
// and returns the calling thread's own connection, named after the database and the thread.
// The pool keeps its threads for ever (expiryTimeout -1), so their connections stay open;
// a thread's connections are closed when the thread ends. gRPC's own threads never call
// connection(): services post their work with post().
class Database final
{
public:
    // "sqlite:PATH" (the file and its folder are created; relative paths are made absolute) or
    // "postgresql://user@host:port/db" (refused for now). Opens, switches SQLite to WAL, and
    // runs the migrations (see Migrations). Throws StorageError with a sentence a person can act
    // on. nowMs stamps the rows the first migration creates.
    static std::unique_ptr<Database> open(const QString &url, qint64 nowMs);
    ~Database();
    Database(const Database &) = delete;
    Database &operator=(const Database &) = delete;

    const Dialect &dialect() const { return m_dialect; }
    // The file of an SQLite database; empty for others.
    QString filePath() const { return m_filePath; }

    // The calling thread's connection, open and set up; throws StorageError if it cannot open.
    QSqlDatabase connection();

    // Runs task on a worker thread. Tasks must catch their own exceptions.
    void post(std::function<void()> task);
    // Waits until every posted task has finished (shutdown and tests).
    void waitForIdle();
    int workerCount() const { return m_pool.maxThreadCount(); }

private:
    Database(Dialect::Kind kind, const QString &filePath);
    QSqlDatabase openConnection(const QString &name);

    Dialect m_dialect;
    QString m_filePath;
    quint64 m_id;
    QThreadPool m_pool;
};

} // namespace sanad::server

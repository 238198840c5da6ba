#pragma once

#include <QSqlDatabase>

namespace sanad::server {

class Database;

// A transaction on the calling thread's connection that rolls back unless commit() was called
// (the model is Akonadi's storage/transaction.h). Write transactions start with the dialect's
// write BEGIN (BEGIN IMMEDIATE on SQLite), so they wait for other writers up front instead of
// failing half-way. Not nestable: one transaction per thread at a time.
class Transaction final
{
public:
    enum class Mode { Write, Read };

    explicit Transaction(Database &database, Mode mode = Mode::Write);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    // Throws StorageError when the commit fails (the transaction is then rolled back).
    void commit();
    void rollback();

private:
    QSqlDatabase m_connection;
    bool m_open = false;
};

} // namespace sanad::server

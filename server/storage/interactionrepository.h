#pragma once

#include "sanad/v1/common.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace sanad::server {

class Database;
class WriteStatement;

// interactions: contacts on every channel and agents' notes (note = true). Append-only.
class InteractionRepository
{
public:
    explicit InteractionRepository(Database &database);
    ~InteractionRepository();

    // Reuses its prepared statement, so bulk writes call it in a loop. An empty case_id is NULL.
    void insert(const v1::Interaction &interaction);
    bool exists(const QString &id);
    // Every interaction of the customer, newest first, with case_number filled and the case's
    // category where the interaction has none.
    QList<v1::Interaction> forCustomer(const QString &customerId);

private:
    Database &m_database;
    QSqlDatabase m_db;
    std::unique_ptr<WriteStatement> m_insert;
};

} // namespace sanad::server

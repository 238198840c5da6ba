#pragma once

#include "sanad/v1/common.pb.h"

#include <QHash>
#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>
#include <optional>

namespace sanad::server {

class Database;
class SqlQuery;
class WriteStatement;

// cases and their per-year number counters. Cases are returned without interactions and
// referrals (the caller context builder attaches those).
class CaseRepository
{
public:
    explicit CaseRepository(Database &database);
    ~CaseRepository();

    // The next readable number for a case opened at openedAtMs: "SN-<year>-<n>", n counting from 1
    // within the UTC year of openedAtMs. Must run inside a write transaction (the counter row
    // is updated, so two cases can never get the same number).
    QString nextNumber(qint64 openedAtMs);
    // The last sequence given out in a year (0 when none), and setting it after numbering many
    // cases in memory (seeding). Inside a write transaction.
    qint64 lastSequence(int year);
    void setLastSequence(int year, qint64 sequence);
    // The UTC year of a time, as case numbers use it.
    static int yearOf(qint64 ms);

    // Writes the case as given (number included). Reuses its prepared statement.
    void insert(const v1::Case &record);
    // Writes status, version, updated_at, closed_at and customer_confirmed.
    void updateStatus(const v1::Case &record);

    std::optional<v1::Case> find(const QString &id);
    // The customer of the case with this readable number; empty when none.
    QString customerIdOfNumber(const QString &number);
    // Newest first (opened_at).
    QList<v1::Case> forCustomer(const QString &customerId);

private:
    Database &m_database;
    QSqlDatabase m_db;
    std::unique_ptr<WriteStatement> m_insert;
    std::unique_ptr<SqlQuery> m_nextNumber;
};

} // namespace sanad::server

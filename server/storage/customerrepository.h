#pragma once

#include "sanad/v1/common.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sanad::server {

class Database;
class WriteStatement;

// customers, customer_phones and verifications. A phone number may belong to several
// customers (a family line, a company switchboard): lookups by number pick the most recently
// contacted one.
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &database);
    ~CustomerRepository();

    // The search key of a name: core's strict searchKey (ARABIC.md), so that spelling variants
    // agents type (ايمان البلوشى for إيمان البلوشي, Latin case) find the same customer.
    static QString nameKey(const QString &name);

    // Writes the customer, its phones (in order, the first is primary) and its verifications.
    // Reuses its prepared statements, so bulk writes call it in a loop.
    void insert(const v1::Customer &customer, const QString &externalId = QString());
    void addVerification(const QString &customerId, const v1::Verification &verification);

    bool exists(const QString &id);
    // With phones and verifications (newest first).
    std::optional<v1::Customer> find(const QString &id);
    // Customers in the given order, with phones (no verifications); unknown ids are skipped.
    QList<v1::Customer> findMany(const QStringList &ids);

    // The most recently contacted customer with this E.164 number; empty when none.
    QString idByPhone(const QString &e164);
    // Ids ordered by last contact, newest first.
    QStringList idsByPhone(const QString &e164, int limit);
    QStringList idsByNationalId(const QString &nationalId, int limit);
    QStringList idsByNameKey(const QString &keyPart, int limit);

    // last_contact_at only moves forward.
    void touchLastContact(const QString &id, qint64 atMs);
    qint64 count();
    // Up to n E.164 numbers of random customers (the call simulator).
    QStringList randomPhones(int n);

private:
    void loadPhones(v1::Customer *customer);
    QStringList ids(const QString &sql, const QVariant &value, int limit);

    Database &m_database;
    QSqlDatabase m_db;
    std::unique_ptr<WriteStatement> m_insertCustomer;
    std::unique_ptr<WriteStatement> m_insertPhone;
    std::unique_ptr<WriteStatement> m_insertVerification;
};

} // namespace sanad::server

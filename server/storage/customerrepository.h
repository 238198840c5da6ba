#pragma once

#include "sanad/v1/common.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>
#include <QStringList>

#include <memory>
#include <optional>

namespace sanad::server {

class CustomerNameIndex;
class Database;
class WriteStatement;

// customers, customer_phones and verifications, and the name search index kept in step with
// them (CustomerNameIndex). A phone number may belong to several customers (a family line, a
// company switchboard): lookups by number pick the most recently contacted one.
class CustomerRepository
{
public:
    explicit CustomerRepository(Database &database);
    ~CustomerRepository();

    // Writes the customer, its phones (in order, the first is primary) and its verifications,
    // with the keys of its name (searchKey and looseKey, ARABIC.md: ايمان البلوشى finds
    // إيمان البلوشي) and, unless deferred, its words in the name index. Reuses its prepared
    // statements, so bulk writes call it in a loop.
    void insert(const v1::Customer &customer, const QString &externalId = QString());
    // Bulk loads write the customers first and CustomerNameIndex::rebuild() once at the end.
    void setNameIndexDeferred(bool deferred) { m_nameIndexDeferred = deferred; }
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
    // Customers with a number that starts with this E.164 prefix ("+9689123"), most recently
    // contacted first, among the first kPhonePrefixCandidates numbers in numeric order.
    QStringList idsByPhonePrefix(const QString &e164Prefix, int limit);
    static constexpr int kPhonePrefixCandidates = 200;
    QStringList idsByNationalId(const QString &nationalId, int limit);
    // Customers whose whole name has this search key, most recently contacted first.
    QStringList idsByNameKey(const QString &nameKey, int limit);

    // last_contact_at only moves forward; the name index follows it.
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
    std::unique_ptr<CustomerNameIndex> m_nameIndex;
    bool m_nameIndexDeferred = false;
};

} // namespace sanad::server

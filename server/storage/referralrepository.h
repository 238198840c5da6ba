#pragma once

#include "sanad/v1/common.pb.h"

#include <QList>
#include <QSqlDatabase>
#include <QString>

#include <memory>

namespace sanad::server {

class Database;
class SqlQuery;
class WriteStatement;

// referrals of cases to departments, each with an owner and a due time.
class ReferralRepository
{
public:
    explicit ReferralRepository(Database &database);
    ~ReferralRepository();

    void insert(const v1::Referral &referral);
    // The referrals of every case of the customer, newest first.
    QList<v1::Referral> forCustomer(const QString &customerId);

    // The columns a referral is read from, in the order fromRow reads them.
    static QString columns();
    static v1::Referral fromRow(const SqlQuery &query);

private:
    Database &m_database;
    QSqlDatabase m_db;
    std::unique_ptr<WriteStatement> m_insert;
};

} // namespace sanad::server

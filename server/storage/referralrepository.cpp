#include "server/storage/referralrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/writestatement.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

ReferralRepository::ReferralRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
{ }

ReferralRepository::~ReferralRepository() = default;

void ReferralRepository::insert(const v1::Referral &referral)
{
    if (!m_insert)
        m_insert = std::make_unique<WriteStatement>(m_database,
                                                    u"INSERT INTO referrals (id, case_id, department, "
                                                    "owner, created_at, due_at, status) "
                                                    "VALUES (?, ?, ?, ?, ?, ?, ?)"_s);
    m_insert->bind(referral.id())
        .bind(referral.case_id())
        .bind(referral.department())
        .bind(referral.owner())
        .bind(timestampMs(referral.created_at()))
        .bind(referral.has_due_at() ? timestampMs(referral.due_at()) : qint64(0))
        .bind(static_cast<int>(referral.status()))
        .exec();
}

QList<v1::Referral> ReferralRepository::forCustomer(const QString &customerId)
{
    SqlQuery query(m_db,
                   u"SELECT r.id, r.case_id, r.department, r.owner, r.created_at, r.due_at, r.status "
                   "FROM referrals r JOIN cases c ON c.id = r.case_id WHERE c.customer_id = ? "
                   "ORDER BY r.created_at DESC, r.id DESC"_s);
    query.bind(customerId).exec();
    QList<v1::Referral> list;
    while (query.next())
        list.append(fromRow(query));
    return list;
}

QString ReferralRepository::columns()
{
    return u"id, case_id, department, owner, created_at, due_at, status"_s;
}

v1::Referral ReferralRepository::fromRow(const SqlQuery &query)
{
    v1::Referral referral;
    referral.set_id(toStd(query.text(0)));
    referral.set_case_id(toStd(query.text(1)));
    referral.set_department(toStd(query.text(2)));
    referral.set_owner(toStd(query.text(3)));
    setTimestampMs(referral.mutable_created_at(), query.integer(4));
    if (query.integer(5) > 0)
        setTimestampMs(referral.mutable_due_at(), query.integer(5));
    referral.set_status(static_cast<v1::ReferralStatus>(query.value(6).toInt()));
    return referral;
}

} // namespace sanad::server

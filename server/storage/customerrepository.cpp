#include "server/storage/customerrepository.h"

#include "core/arabictext.h"
#include "server/storage/customernameindex.h"
#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/writestatement.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

const QString kCustomerColumns = u"id, name, city, national_id, email, external_id, created_at, version, "
                                 "last_contact_at"_s;

void readCustomer(const SqlQuery &query, v1::Customer *customer)
{
    customer->set_id(toStd(query.text(0)));
    customer->set_name(toStd(query.text(1)));
    customer->set_city(toStd(query.text(2)));
    customer->set_national_id(toStd(query.text(3)));
    customer->set_email(toStd(query.text(4)));
    customer->set_external_id(toStd(query.text(5)));
    setTimestampMs(customer->mutable_created_at(), query.integer(6));
    customer->set_version(query.integer(7));
    if (query.integer(8) > 0)
        setTimestampMs(customer->mutable_last_contact_at(), query.integer(8));
}

} // namespace

CustomerRepository::CustomerRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
    , m_nameIndex(std::make_unique<CustomerNameIndex>(database))
{ }

CustomerRepository::~CustomerRepository() = default;

void CustomerRepository::insert(const v1::Customer &customer, const QString &externalId)
{
    if (!m_insertCustomer) {
        m_insertCustomer = std::make_unique<WriteStatement>(
            m_database,
            u"INSERT INTO customers (id, name, name_key, loose_key, city, national_id, email, external_id, "
            "created_at, updated_at, version, last_contact_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
        m_insertPhone = std::make_unique<WriteStatement>(
            m_database, u"INSERT INTO customer_phones (customer_id, e164, position) VALUES (?, ?, ?)"_s);
    }
    const std::string &id = customer.id();
    const qint64 createdAt = timestampMs(customer.created_at());
    const qint64 lastContact = customer.has_last_contact_at() ? timestampMs(customer.last_contact_at()) : 0;
    const QString name = fromStd(customer.name());
    const QString nameKey = searchKey(name);
    const QString looseNameKey = looseKey(name);
    m_insertCustomer->bind(id)
        .bind(customer.name())
        .bind(nameKey)
        .bind(looseNameKey)
        .bind(customer.city())
        .bind(customer.national_id())
        .bind(customer.email());
    if (externalId.isEmpty())
        m_insertCustomer->bind(customer.external_id());
    else
        m_insertCustomer->bind(externalId);
    m_insertCustomer->bind(createdAt)
        .bind(createdAt)
        .bind(qint64(customer.version() > 0 ? customer.version() : 1))
        .bind(lastContact)
        .exec();
    if (!m_nameIndexDeferred)
        m_nameIndex->add(fromStd(id), nameKey, looseNameKey, lastContact);
    for (int i = 0; i < customer.phones_size(); ++i)
        m_insertPhone->bind(id).bind(customer.phones(i)).bind(i).exec();
    if (customer.verifications_size() > 0) {
        const QString qid = fromStd(id);
        for (const v1::Verification &verification : customer.verifications())
            addVerification(qid, verification);
    }
}

void CustomerRepository::addVerification(const QString &customerId, const v1::Verification &verification)
{
    if (!m_insertVerification)
        m_insertVerification = std::make_unique<WriteStatement>(
            m_database,
            u"INSERT INTO verifications (customer_id, method, verified_at, agent_name) VALUES (?, ?, ?, ?)"_s);
    m_insertVerification->bind(customerId)
        .bind(verification.method())
        .bind(timestampMs(verification.verified_at()))
        .bind(verification.agent_name())
        .exec();
}

bool CustomerRepository::exists(const QString &id)
{
    SqlQuery query(m_db, u"SELECT 1 FROM customers WHERE id = ?"_s);
    query.bind(id).exec();
    const bool found = query.next();
    query.finish();
    return found;
}

void CustomerRepository::loadPhones(v1::Customer *customer)
{
    SqlQuery query(m_db, u"SELECT e164 FROM customer_phones WHERE customer_id = ? ORDER BY position"_s);
    query.bind(fromStd(customer->id())).exec();
    while (query.next())
        customer->add_phones(toStd(query.text(0)));
}

std::optional<v1::Customer> CustomerRepository::find(const QString &id)
{
    v1::Customer customer;
    {
        SqlQuery query(m_db, u"SELECT "_s + kCustomerColumns + u" FROM customers WHERE id = ?"_s);
        query.bind(id).exec();
        if (!query.next())
            return std::nullopt;
        readCustomer(query, &customer);
        query.finish();
    }
    loadPhones(&customer);
    SqlQuery verifications(m_db,
                           u"SELECT method, verified_at, agent_name FROM verifications WHERE customer_id = ? "
                           "ORDER BY verified_at DESC"_s);
    verifications.bind(id).exec();
    while (verifications.next()) {
        v1::Verification *v = customer.add_verifications();
        v->set_method(toStd(verifications.text(0)));
        setTimestampMs(v->mutable_verified_at(), verifications.integer(1));
        v->set_agent_name(toStd(verifications.text(2)));
    }
    return customer;
}

QList<v1::Customer> CustomerRepository::findMany(const QStringList &ids)
{
    QList<v1::Customer> customers;
    SqlQuery query(m_db, u"SELECT "_s + kCustomerColumns + u" FROM customers WHERE id = ?"_s);
    for (const QString &id : ids) {
        query.bind(id).exec();
        if (!query.next())
            continue;
        v1::Customer customer;
        readCustomer(query, &customer);
        query.finish();
        loadPhones(&customer);
        customers.append(std::move(customer));
    }
    return customers;
}

QString CustomerRepository::idByPhone(const QString &e164)
{
    const QStringList found = idsByPhone(e164, 1);
    return found.isEmpty() ? QString() : found.constFirst();
}

QStringList CustomerRepository::ids(const QString &sql, const QVariant &value, int limit)
{
    SqlQuery query(m_db, sql);
    query.bind(value).bind(limit).exec();
    QStringList result;
    while (query.next())
        result.append(query.text(0));
    return result;
}

QStringList CustomerRepository::idsByPhone(const QString &e164, int limit)
{
    return ids(u"SELECT c.id FROM customer_phones p JOIN customers c ON c.id = p.customer_id WHERE p.e164 = ? "
               "GROUP BY c.id, c.last_contact_at, c.created_at "
               "ORDER BY c.last_contact_at DESC, c.created_at DESC, c.id LIMIT ?"_s,
               e164, limit);
}

QStringList CustomerRepository::idsByNationalId(const QString &nationalId, int limit)
{
    return ids(u"SELECT id FROM customers WHERE national_id = ? AND national_id <> '' "
               "ORDER BY last_contact_at DESC, created_at DESC, id LIMIT ?"_s,
               nationalId, limit);
}

QStringList CustomerRepository::idsByPhonePrefix(const QString &e164Prefix, int limit)
{
    const QString bound = CustomerNameIndex::prefixBound(e164Prefix);
    SqlQuery query(m_db,
                   u"SELECT id FROM customers WHERE id IN (SELECT customer_id FROM customer_phones "
                   "WHERE e164 >= ? AND e164 < ? ORDER BY e164 LIMIT ?) "
                   "ORDER BY last_contact_at DESC, created_at DESC, id LIMIT ?"_s);
    query.bind(e164Prefix).bind(bound).bind(kPhonePrefixCandidates).bind(limit).exec();
    QStringList result;
    while (query.next())
        result.append(query.text(0));
    return result;
}

QStringList CustomerRepository::idsByNameKey(const QString &nameKey, int limit)
{
    return ids(u"SELECT id FROM customers WHERE name_key = ? ORDER BY last_contact_at DESC, id LIMIT ?"_s, nameKey,
               limit);
}

void CustomerRepository::touchLastContact(const QString &id, qint64 atMs)
{
    QString nameKey;
    qint64 previous = 0;
    {
        SqlQuery current(m_db, u"SELECT name_key, last_contact_at FROM customers WHERE id = ?"_s);
        current.bind(id).exec();
        if (!current.next())
            return;
        nameKey = current.text(0);
        previous = current.integer(1);
        current.finish();
    }
    if (previous >= atMs)
        return;
    SqlQuery query(m_db, u"UPDATE customers SET last_contact_at = ? WHERE id = ?"_s);
    query.bind(atMs).bind(id).exec();
    m_nameIndex->moveLastContact(id, nameKey, previous, atMs);
}

qint64 CustomerRepository::count()
{
    SqlQuery query(m_db, u"SELECT COUNT(*) FROM customers"_s);
    query.exec();
    const qint64 n = query.next() ? query.integer(0) : 0;
    query.finish();
    return n;
}

QStringList CustomerRepository::randomPhones(int n)
{
    SqlQuery query(m_db, u"SELECT e164 FROM customer_phones WHERE position = 0 ORDER BY random() LIMIT ?"_s);
    query.bind(n).exec();
    QStringList phones;
    while (query.next())
        phones.append(query.text(0));
    return phones;
}

} // namespace sanad::server

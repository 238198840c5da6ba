#include "server/storage/caserepository.h"

#include "core/casenumber.h"
#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"
#include "server/storage/writestatement.h"
#include "server/util/protoutil.h"

#include <QDateTime>
#include <QTimeZone>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

const QString kCaseColumns = u"id, number, customer_id, category, status, priority, location, summary, opened_at, "
                             "updated_at, closed_at, customer_confirmed, version"_s;

void readCase(const SqlQuery &query, v1::Case *record)
{
    record->set_id(toStd(query.text(0)));
    record->set_number(toStd(query.text(1)));
    record->set_customer_id(toStd(query.text(2)));
    record->set_category(toStd(query.text(3)));
    record->set_status(static_cast<v1::CaseStatus>(query.value(4).toInt()));
    record->set_priority(static_cast<v1::Priority>(query.value(5).toInt()));
    record->set_location(toStd(query.text(6)));
    record->set_summary(toStd(query.text(7)));
    setTimestampMs(record->mutable_opened_at(), query.integer(8));
    setTimestampMs(record->mutable_updated_at(), query.integer(9));
    if (query.integer(10) > 0)
        setTimestampMs(record->mutable_closed_at(), query.integer(10));
    record->set_customer_confirmed(query.value(11).toInt() != 0);
    record->set_version(query.integer(12));
}

} // namespace

CaseRepository::CaseRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
{ }

CaseRepository::~CaseRepository() = default;

int CaseRepository::yearOf(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, QTimeZone::utc()).date().year();
}

QString CaseRepository::nextNumber(qint64 openedAtMs)
{
    if (!m_nextNumber)
        m_nextNumber = std::make_unique<SqlQuery>(
            m_db,
            u"INSERT INTO case_counters (year, last_sequence) VALUES (?, 1) ON CONFLICT (year) DO UPDATE SET "
            "last_sequence = case_counters.last_sequence + 1 RETURNING last_sequence"_s);
    CaseNumber number;
    number.year = yearOf(openedAtMs);
    m_nextNumber->bind(number.year).exec();
    if (!m_nextNumber->next())
        throw StorageError(u"The database returned no case number: try again."_s);
    number.sequence = m_nextNumber->integer(0);
    m_nextNumber->finish();
    return number.toString();
}

qint64 CaseRepository::lastSequence(int year)
{
    SqlQuery query(m_db, u"SELECT last_sequence FROM case_counters WHERE year = ?"_s);
    query.bind(year).exec();
    const qint64 last = query.next() ? query.integer(0) : 0;
    query.finish();
    return last;
}

void CaseRepository::setLastSequence(int year, qint64 sequence)
{
    SqlQuery query(m_db,
                   u"INSERT INTO case_counters (year, last_sequence) VALUES (?, ?) ON CONFLICT (year) DO UPDATE "
                   "SET last_sequence = excluded.last_sequence"_s);
    query.bind(year).bind(sequence).exec();
}

void CaseRepository::insert(const v1::Case &record)
{
    if (!m_insert)
        m_insert = std::make_unique<WriteStatement>(m_database,
                                                    u"INSERT INTO cases ("_s + kCaseColumns
                                                        + u") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    m_insert->bind(record.id())
        .bind(record.number())
        .bind(record.customer_id())
        .bind(record.category())
        .bind(static_cast<int>(record.status()))
        .bind(static_cast<int>(record.priority()))
        .bind(record.location())
        .bind(record.summary())
        .bind(timestampMs(record.opened_at()))
        .bind(timestampMs(record.updated_at()))
        .bind(record.has_closed_at() ? timestampMs(record.closed_at()) : qint64(0))
        .bind(record.customer_confirmed())
        .bind(qint64(record.version()))
        .exec();
}

void CaseRepository::updateStatus(const v1::Case &record)
{
    SqlQuery query(m_db,
                   u"UPDATE cases SET status = ?, version = ?, updated_at = ?, closed_at = ?, "
                   "customer_confirmed = ? WHERE id = ?"_s);
    query.bind(static_cast<int>(record.status()))
        .bind(qint64(record.version()))
        .bind(timestampMs(record.updated_at()))
        .bind(record.has_closed_at() ? timestampMs(record.closed_at()) : qint64(0))
        .bind(record.customer_confirmed())
        .bind(fromStd(record.id()))
        .exec();
}

std::optional<v1::Case> CaseRepository::find(const QString &id)
{
    SqlQuery query(m_db, u"SELECT "_s + kCaseColumns + u" FROM cases WHERE id = ?"_s);
    query.bind(id).exec();
    if (!query.next())
        return std::nullopt;
    v1::Case record;
    readCase(query, &record);
    query.finish();
    return record;
}

QString CaseRepository::customerIdOfNumber(const QString &number)
{
    SqlQuery query(m_db, u"SELECT customer_id FROM cases WHERE number = ?"_s);
    query.bind(number).exec();
    const QString id = query.next() ? query.text(0) : QString();
    query.finish();
    return id;
}

QList<v1::Case> CaseRepository::forCustomer(const QString &customerId)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + kCaseColumns
                       + u" FROM cases WHERE customer_id = ? ORDER BY opened_at DESC, number DESC"_s);
    query.bind(customerId).exec();
    QList<v1::Case> cases;
    while (query.next()) {
        v1::Case record;
        readCase(query, &record);
        cases.append(std::move(record));
    }
    return cases;
}

} // namespace sanad::server

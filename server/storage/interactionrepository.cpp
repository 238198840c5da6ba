#include "server/storage/interactionrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/writestatement.h"
#include "server/util/protoutil.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

InteractionRepository::InteractionRepository(Database &database)
    : m_database(database)
    , m_db(database.connection())
{ }

InteractionRepository::~InteractionRepository() = default;

void InteractionRepository::insert(const v1::Interaction &interaction)
{
    if (!m_insert)
        m_insert = std::make_unique<WriteStatement>(
            m_database,
            u"INSERT INTO interactions (id, customer_id, case_id, channel, direction, occurred_at, agent_name, "
            "summary, category, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    m_insert->bind(interaction.id())
        .bind(interaction.customer_id())
        .bindNullable(interaction.case_id())
        .bind(static_cast<int>(interaction.channel()))
        .bind(static_cast<int>(interaction.direction()))
        .bind(timestampMs(interaction.occurred_at()))
        .bind(interaction.agent_name())
        .bind(interaction.summary())
        .bind(interaction.category())
        .bind(interaction.note())
        .exec();
}

bool InteractionRepository::exists(const QString &id)
{
    SqlQuery query(m_db, u"SELECT 1 FROM interactions WHERE id = ?"_s);
    query.bind(id).exec();
    const bool found = query.next();
    query.finish();
    return found;
}

QList<v1::Interaction> InteractionRepository::forCustomer(const QString &customerId)
{
    SqlQuery query(m_db,
                   u"SELECT i.id, i.case_id, c.number, i.channel, i.direction, i.occurred_at, i.agent_name, "
                   "i.summary, CASE WHEN i.category <> '' THEN i.category ELSE COALESCE(c.category, '') END, "
                   "i.note, COALESCE(r.script_id, ''), COALESCE(r.version, 0), COALESCE(r.transcript, ''), "
                   "COALESCE(r.outcome, '') FROM interactions i LEFT JOIN cases c ON c.id = i.case_id "
                   "LEFT JOIN script_runs r ON r.id = i.id "
                   "WHERE i.customer_id = ? ORDER BY i.occurred_at DESC, i.id DESC"_s);
    query.bind(customerId).exec();
    QList<v1::Interaction> list;
    const std::string customer = toStd(customerId);
    while (query.next()) {
        v1::Interaction interaction;
        interaction.set_id(toStd(query.text(0)));
        interaction.set_case_id(toStd(query.text(1)));
        interaction.set_case_number(toStd(query.text(2)));
        interaction.set_customer_id(customer);
        interaction.set_channel(static_cast<v1::Channel>(query.value(3).toInt()));
        interaction.set_direction(static_cast<v1::Direction>(query.value(4).toInt()));
        setTimestampMs(interaction.mutable_occurred_at(), query.integer(5));
        interaction.set_agent_name(toStd(query.text(6)));
        interaction.set_summary(toStd(query.text(7)));
        interaction.set_category(toStd(query.text(8)));
        interaction.set_note(query.value(9).toInt() != 0);
        // A guided script run's transcript (docs/scripts.md).
        interaction.set_script_id(toStd(query.text(10)));
        interaction.set_script_version(query.value(11).toInt());
        interaction.set_script_transcript(toStd(query.text(12)));
        interaction.set_script_outcome(toStd(query.text(13)));
        list.append(std::move(interaction));
    }
    return list;
}

} // namespace sanad::server

#include "server/storage/scriptrepository.h"

#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/util/protoutil.h"

#include <QJsonArray>
#include <QJsonDocument>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

const QString kColumns = u"script_id, version, title_ar, title_en, category, queues, keywords, published_at, "
                         "published_by, body"_s;

// Lists are stored one item a line: ids and queue names hold no line breaks.
QStringList lines(const QString &text)
{
    return text.split(u'\n', Qt::SkipEmptyParts);
}

v1::ScriptDocument readDocument(const SqlQuery &query, bool withBody)
{
    v1::ScriptDocument d;
    d.set_script_id(toStd(query.text(0)));
    d.set_version(query.value(1).toInt());
    d.set_title_ar(toStd(query.text(2)));
    d.set_title_en(toStd(query.text(3)));
    d.set_category(toStd(query.text(4)));
    for (const QString &queue : lines(query.text(5)))
        d.add_queues(toStd(queue));
    for (const QString &keyword : lines(query.text(6)))
        d.add_keywords(toStd(keyword));
    setTimestampMs(d.mutable_published_at(), query.integer(7));
    d.set_published_by(toStd(query.text(8)));
    if (withBody)
        d.set_script_json(toStd(query.text(9)));
    return d;
}

} // namespace

ScriptRepository::ScriptRepository(Database &database)
    : m_db(database.connection())
{ }

int ScriptRepository::nextVersion(const QString &scriptId)
{
    SqlQuery query(m_db, u"SELECT COALESCE(MAX(version), 0) FROM scripts WHERE script_id = ?"_s);
    query.bind(scriptId).exec();
    const int last = query.next() ? query.value(0).toInt() : 0;
    query.finish();
    return last + 1;
}

void ScriptRepository::insert(const v1::ScriptDocument &d)
{
    QStringList queues;
    for (const std::string &q : d.queues())
        queues.append(fromStd(q));
    QStringList keywords;
    for (const std::string &k : d.keywords())
        keywords.append(fromStd(k).simplified());
    SqlQuery query(m_db,
                   u"INSERT INTO scripts (script_id, version, title_ar, title_en, category, queues, keywords, "
                   "published_at, published_by, body) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.bind(fromStd(d.script_id()))
        .bind(int(d.version()))
        .bind(fromStd(d.title_ar()))
        .bind(fromStd(d.title_en()))
        .bind(fromStd(d.category()))
        .bind(queues.join(u'\n'))
        .bind(keywords.join(u'\n'))
        .bind(timestampMs(d.published_at()))
        .bind(fromStd(d.published_by()))
        .bind(fromStd(d.script_json()))
        .exec();
}

std::optional<v1::ScriptDocument> ScriptRepository::find(const QString &scriptId, int version)
{
    SqlQuery query(m_db,
                   version > 0 ? u"SELECT "_s + kColumns + u" FROM scripts WHERE script_id = ? AND version = ?"_s
                               : u"SELECT "_s + kColumns
                           + u" FROM scripts WHERE script_id = ? ORDER BY version DESC LIMIT 1"_s);
    query.bind(scriptId);
    if (version > 0)
        query.bind(version);
    query.exec();
    if (!query.next())
        return std::nullopt;
    v1::ScriptDocument d = readDocument(query, true);
    query.finish();
    return d;
}

QList<v1::ScriptDocument> ScriptRepository::current(bool withBodies)
{
    SqlQuery query(m_db,
                   u"SELECT "_s + kColumns
                       + u" FROM scripts s WHERE version = (SELECT MAX(version) FROM scripts WHERE script_id = "
                         "s.script_id) ORDER BY script_id"_s);
    query.exec();
    QList<v1::ScriptDocument> list;
    while (query.next())
        list.append(readDocument(query, withBodies));
    return list;
}

void ScriptRepository::insertRun(const QString &runId, const QString &customerId, const QString &userId,
                                 const v1::RecordScriptRun &run, const QString &fieldsJson, qint64 startedAtMs,
                                 qint64 endedAtMs)
{
    QJsonArray path;
    for (const std::string &step : run.path())
        path.append(fromStd(step));
    SqlQuery query(m_db,
                   u"INSERT INTO script_runs (id, script_id, version, case_id, customer_id, outcome, "
                   "customer_confirmed, path, fields, transcript, started_at, ended_at, user_id) "
                   "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"_s);
    query.bind(runId)
        .bind(fromStd(run.script_id()))
        .bind(int(run.script_version()))
        .bind(fromStd(run.case_id()))
        .bind(customerId)
        .bind(fromStd(run.outcome()))
        .bind(run.customer_confirmed())
        .bind(QString::fromUtf8(QJsonDocument(path).toJson(QJsonDocument::Compact)))
        .bind(fieldsJson)
        .bind(fromStd(run.transcript_json()))
        .bind(startedAtMs)
        .bind(endedAtMs)
        .bind(userId)
        .exec();
}

QList<ScriptRunRow> ScriptRepository::runs(const QString &scriptId, int version)
{
    SqlQuery query(m_db,
                   u"SELECT id, customer_id, outcome, customer_confirmed, path, ended_at FROM script_runs "
                   "WHERE script_id = ? AND version = ? ORDER BY ended_at"_s);
    query.bind(scriptId).bind(version).exec();
    QList<ScriptRunRow> list;
    while (query.next()) {
        ScriptRunRow row;
        row.id = query.text(0);
        row.customerId = query.text(1);
        row.outcome = query.text(2);
        row.customerConfirmed = query.value(3).toInt() != 0;
        for (const QJsonValue &step : QJsonDocument::fromJson(query.text(4).toUtf8()).array())
            row.path.append(step.toString());
        row.endedAtMs = query.integer(5);
        list.append(row);
    }
    return list;
}

qint64 ScriptRepository::nextContactAfter(const QString &customerId, qint64 afterMs, const QString &exceptInteractionId)
{
    // Notes are not contacts; the run's own interaction is not a later contact either.
    SqlQuery query(m_db,
                   u"SELECT MIN(occurred_at) FROM interactions WHERE customer_id = ? AND occurred_at > ? "
                   "AND note = 0 AND id <> ?"_s);
    query.bind(customerId).bind(afterMs).bind(exceptInteractionId).exec();
    const qint64 at = query.next() ? query.integer(0) : 0;
    query.finish();
    return at;
}

void ScriptRepository::storeCode(const QString &customerId, const QString &codeHash, qint64 expiresAtMs, int attempts)
{
    removeCode(customerId);
    SqlQuery query(
        m_db, u"INSERT INTO identity_codes (customer_id, code_hash, expires_at, attempts_left) VALUES (?, ?, ?, ?)"_s);
    query.bind(customerId).bind(codeHash).bind(expiresAtMs).bind(attempts).exec();
}

std::optional<ScriptRepository::StoredCode> ScriptRepository::code(const QString &customerId)
{
    SqlQuery query(m_db, u"SELECT code_hash, expires_at, attempts_left FROM identity_codes WHERE customer_id = ?"_s);
    query.bind(customerId).exec();
    if (!query.next())
        return std::nullopt;
    StoredCode stored { query.text(0), query.integer(1), query.value(2).toInt() };
    query.finish();
    return stored;
}

void ScriptRepository::setAttemptsLeft(const QString &customerId, int attempts)
{
    SqlQuery query(m_db, u"UPDATE identity_codes SET attempts_left = ? WHERE customer_id = ?"_s);
    query.bind(attempts).bind(customerId).exec();
}

void ScriptRepository::removeCode(const QString &customerId)
{
    SqlQuery query(m_db, u"DELETE FROM identity_codes WHERE customer_id = ?"_s);
    query.bind(customerId).exec();
}

void ScriptRepository::recordVerification(const QString &customerId, const QString &method, qint64 atMs,
                                          const QString &agentName)
{
    SqlQuery query(m_db,
                   u"INSERT INTO verifications (customer_id, method, verified_at, agent_name) VALUES (?, ?, ?, ?)"_s);
    query.bind(customerId).bind(method).bind(atMs).bind(agentName).exec();
}

} // namespace sanad::server

#include "server/storage/customernameindex.h"

#include "core/arabictext.h"
#include "server/storage/database.h"
#include "server/storage/sqlquery.h"
#include "server/storage/writestatement.h"

#include <QSet>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

QStringList distinctWords(const QString &key)
{
    QStringList words = keyTokens(key);
    words.removeDuplicates();
    return words;
}

// The loose form of one word of a name key (empty when nothing is left of it, e.g. "ء").
QString looseWord(const QString &word)
{
    return looseKey(word);
}

// Keys are stored in the index between spaces, so that " word " and " prefix" are found with a
// plain instr() and no concatenation per row.
QString padded(const QString &key)
{
    return u' ' + key + u' ';
}

} // namespace

CustomerNameIndex::CustomerNameIndex(Database &database)
    : m_database(database)
{ }

CustomerNameIndex::~CustomerNameIndex() = default;

void CustomerNameIndex::add(const QString &customerId, const QString &nameKey, const QString &looseKey,
                            qint64 lastContactAt)
{
    if (!m_insertToken) {
        m_insertToken = std::make_unique<WriteStatement>(
            m_database,
            u"INSERT INTO customer_name_tokens (token, last_contact_at, customer_id, name_key, loose_key) "
            "VALUES (?, ?, ?, ?, ?)"_s);
        m_countWord = std::make_unique<WriteStatement>(
            m_database,
            u"INSERT INTO customer_name_words (token, loose_token, customers) VALUES (?, ?, 1) "
            "ON CONFLICT (token) DO UPDATE SET customers = customer_name_words.customers + 1"_s);
    }
    for (const QString &word : distinctWords(nameKey)) {
        m_insertToken->bind(word)
            .bind(lastContactAt)
            .bind(customerId)
            .bind(padded(nameKey))
            .bind(padded(looseKey))
            .exec();
        m_countWord->bind(word).bind(looseWord(word)).exec();
    }
}

void CustomerNameIndex::moveLastContact(const QString &customerId, const QString &nameKey, qint64 from, qint64 to)
{
    if (from == to)
        return;
    SqlQuery move(m_database.connection(),
                  u"UPDATE customer_name_tokens SET last_contact_at = ? WHERE token = ? AND last_contact_at = ? "
                  "AND customer_id = ?"_s);
    for (const QString &word : distinctWords(nameKey))
        move.bind(to).bind(word).bind(from).bind(customerId).exec();
}

void CustomerNameIndex::rebuild(Database &database)
{
    const QSqlDatabase db = database.connection();
    const Dialect &dialect = database.dialect();
    execSql(db, u"DELETE FROM customer_name_tokens"_s);
    execSql(db, u"DELETE FROM customer_name_words"_s);
    // Splits every name key at its single spaces, in SQL, and writes the rows sorted in the
    // table's own order, so the B-tree grows at its end instead of at random places.
    const QString space = dialect.position(u"rest"_s, u"' '"_s);
    execSql(db,
            u"INSERT INTO customer_name_tokens (token, last_contact_at, customer_id, name_key, loose_key) "
            "WITH RECURSIVE split (customer_id, last_contact_at, name_key, loose_key, token, rest) AS ("
            "SELECT id, last_contact_at, name_key, loose_key, '', name_key || ' ' FROM customers "
            "WHERE name_key <> '' "
            "UNION ALL SELECT customer_id, last_contact_at, name_key, loose_key, substr(rest, 1, "_s
                + space + u" - 1), substr(rest, "_s + space
                + u" + 1) FROM split WHERE rest <> '') "
                  "SELECT token, last_contact_at, customer_id, ' ' || name_key || ' ', ' ' || loose_key || ' ' "
                  "FROM split WHERE token <> '' "
                  "ORDER BY token, last_contact_at, customer_id "
                  "ON CONFLICT DO NOTHING"_s);
    execSql(db,
            u"INSERT INTO customer_name_words (token, loose_token, customers) "
            "SELECT token, '', COUNT(*) FROM customer_name_tokens GROUP BY token"_s);
    QStringList words;
    {
        SqlQuery all(db, u"SELECT token FROM customer_name_words"_s);
        all.exec();
        while (all.next())
            words.append(all.text(0));
    }
    SqlQuery setLoose(db, u"UPDATE customer_name_words SET loose_token = ? WHERE token = ?"_s);
    for (const QString &word : std::as_const(words))
        setLoose.bind(looseWord(word)).bind(word).exec();
}

qint64 CustomerNameIndex::customersWithWord(const QString &word)
{
    SqlQuery query(m_database.connection(), u"SELECT customers FROM customer_name_words WHERE token = ?"_s);
    query.bind(word).exec();
    const qint64 n = query.next() ? query.integer(0) : 0;
    query.finish();
    return n;
}

QString CustomerNameIndex::prefixBound(const QString &prefix)
{
    // Below the surrogates, the next code unit is the next code point, and UTF-8 (SQLite's
    // comparison) and UTF-16 order code points alike.
    QString bound = prefix;
    while (!bound.isEmpty()) {
        const char16_t last = bound.back().unicode();
        if (last < 0xD7FF) {
            bound.back() = QChar(char16_t(last + 1));
            return bound;
        }
        bound.chop(1);
    }
    return bound;
}

QList<CustomerNameIndex::Word> CustomerNameIndex::words(const QString &column, const QString &prefix)
{
    if (prefix.isEmpty())
        return {};
    const QString bound = prefixBound(prefix);
    SqlQuery query(m_database.connection(),
                   u"SELECT token, customers, "_s + column + u" FROM customer_name_words WHERE "_s + column + u" >= ?"_s
                       + (bound.isEmpty() ? QString() : u" AND "_s + column + u" < ?"_s)
                       + u" ORDER BY customers DESC, token LIMIT ?"_s);
    query.bind(prefix);
    if (!bound.isEmpty())
        query.bind(bound);
    query.bind(kMaxWordsPerPrefix).exec();
    QList<Word> found;
    while (query.next()) {
        // A bound chopped above the surrogates is looser than the prefix: check each word.
        if (query.text(2).startsWith(prefix))
            found.append(Word { query.text(0), query.integer(1) });
    }
    return found;
}

QList<CustomerNameIndex::Word> CustomerNameIndex::wordsStartingWith(const QString &prefix)
{
    return words(u"token"_s, prefix);
}

QList<CustomerNameIndex::Word> CustomerNameIndex::wordsWithLooseFormStartingWith(const QString &loosePrefix)
{
    return words(u"loose_token"_s, loosePrefix);
}

CustomerNameIndex::Scan CustomerNameIndex::scan(const QStringList &words, const QList<Condition> &conditions, int limit)
{
    if (words.isEmpty() || limit <= 0)
        return {};
    const Dialect &dialect = m_database.dialect();
    // The bound values of each condition, in placeholder order.
    QStringList patterns;
    QStringList tests;
    for (const Condition &c : conditions) {
        QStringList either;
        if (!c.prefix.isEmpty()) {
            either << dialect.containsCondition(u"name_key"_s);
            patterns << (c.whole ? QString(u' ' + c.prefix + u' ') : QString(u' ' + c.prefix));
        }
        if (!c.loosePrefix.isEmpty()) {
            either << dialect.containsCondition(u"loose_key"_s);
            patterns << u' ' + c.loosePrefix;
        }
        if (!either.isEmpty())
            tests << u"("_s + either.join(u" OR "_s) + u")"_s;
    }

    // One arm per word: its customers in the primary key's order, newest contact first, stopping
    // after limit matching rows. Several arms are merged by the same order.
    QString arm
        = u"SELECT customer_id, name_key, loose_key, last_contact_at FROM customer_name_tokens WHERE token = ?"_s;
    for (const QString &test : std::as_const(tests))
        arm += u" AND "_s + test;
    arm += u" ORDER BY last_contact_at DESC LIMIT ?"_s;
    QString sql;
    if (words.size() == 1) {
        sql = arm;
    } else {
        QStringList arms;
        for (qsizetype i = 0; i < words.size(); ++i)
            arms.append(u"SELECT * FROM ("_s + arm + u") AS arm"_s + QString::number(i));
        sql = u"SELECT * FROM ("_s + arms.join(u" UNION ALL "_s)
            + u") AS hits ORDER BY last_contact_at DESC, customer_id LIMIT ?"_s;
    }
    SqlQuery query(m_database.connection(), sql);
    for (const QString &word : words) {
        query.bind(word);
        for (const QString &pattern : std::as_const(patterns))
            query.bind(pattern);
        query.bind(limit);
    }
    if (words.size() > 1)
        query.bind(limit);
    query.exec();
    Scan scan;
    QSet<QString> seen;
    int rows = 0;
    while (query.next()) {
        ++rows;
        Hit hit { query.text(0), query.text(1).trimmed(), query.text(2).trimmed(), query.integer(3) };
        if (!seen.contains(hit.customerId)) {
            seen.insert(hit.customerId);
            scan.hits.append(std::move(hit));
        }
    }
    scan.complete = rows < limit;
    return scan;
}

} // namespace sanad::server

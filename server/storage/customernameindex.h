#pragma once

#include <QList>
#include <QString>
#include <QStringList>

#include <memory>

namespace sanad::server {

class Database;
class WriteStatement;

// The index behind name search (docs/search.md), written when a customer is written, never at
// query time:
//
// - customer_name_tokens: one row per distinct word of a customer's name key (searchKey), stored
//   in (word, last contact, customer) order, with both keys of the whole name (between spaces,
//   " ايمان البلوشي ", so that a word or a prefix is one instr() away). A scan of one word
//   therefore reads its customers most recently contacted first, stops as soon as it has enough,
//   and checks the other searched words against the keys in the row without another lookup.
// - customer_name_words: every distinct word, its loose form (looseKey) and how many customers
//   have it. It turns a typed prefix into the few words it can stand for, and says which
//   searched word is the rarest, the one to scan.
//
// CustomerRepository keeps it in step with customers (insert, last contact); rebuild() derives
// it from customers (the migration that introduced it, bulk seeding). It uses the calling
// thread's connection and takes part in its Transaction.
class CustomerNameIndex
{
public:
    // A prefix stands for at most this many words, the most common ones: a prefix of one or two
    // letters could stand for thousands of words, and one more letter narrows it.
    static constexpr int kMaxWordsPerPrefix = 64;

    struct Word
    {
        QString word;
        qint64 customers = 0;
    };

    struct Hit
    {
        QString customerId;
        QString nameKey;
        QString looseKey;
        qint64 lastContactAt = 0;
    };

    // How the name of a scanned row must also match another searched word: a word of its key
    // starts with prefix (is it, when whole), or a word of its loose key starts with
    // loosePrefix. An empty text is no test; at least one of them is set.
    struct Condition
    {
        QString prefix;
        QString loosePrefix;
        bool whole = false;
    };

    // What a scan read: its hits, and whether it read every row that qualifies (fewer than the
    // limit did).
    struct Scan
    {
        QList<Hit> hits;
        bool complete = true;
    };

    explicit CustomerNameIndex(Database &database);
    ~CustomerNameIndex();
    CustomerNameIndex(const CustomerNameIndex &) = delete;
    CustomerNameIndex &operator=(const CustomerNameIndex &) = delete;

    // Indexes a new customer's name.
    void add(const QString &customerId, const QString &nameKey, const QString &looseKey, qint64 lastContactAt);
    // Moves a customer's rows from one last-contact time to the next (their place in the scans).
    void moveLastContact(const QString &customerId, const QString &nameKey, qint64 from, qint64 to);
    // Empties both tables and fills them again from customers.name_key, loose_key and
    // last_contact_at, in index order (fast for millions of customers).
    static void rebuild(Database &database);

    // How many customers have this exact word.
    qint64 customersWithWord(const QString &word);
    // The words starting with prefix / whose loose form starts with loosePrefix, the most common
    // first, at most kMaxWordsPerPrefix.
    QList<Word> wordsStartingWith(const QString &prefix);
    QList<Word> wordsWithLooseFormStartingWith(const QString &loosePrefix);

    // The customers that have any of the words and whose name also meets every condition
    // (checked in that order: put the rarest first), most recently contacted first, each once,
    // at most limit.
    Scan scan(const QStringList &words, const QList<Condition> &conditions, int limit);

    // The first text after every text that starts with prefix (for "x >= prefix AND x < bound").
    static QString prefixBound(const QString &prefix);

private:
    QList<Word> words(const QString &column, const QString &prefix);

    Database &m_database;
    std::unique_ptr<WriteStatement> m_insertToken;
    std::unique_ptr<WriteStatement> m_countWord;
};

} // namespace sanad::server

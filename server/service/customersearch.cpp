#include "server/service/customersearch.h"

#include "core/arabictext.h"
#include "core/casenumber.h"
#include "core/namequery.h"
#include "core/phonenumber.h"
#include "server/storage/caserepository.h"
#include "server/storage/customernameindex.h"
#include "server/storage/customerrepository.h"

#include <QHash>
#include <QSet>

#include <algorithm>
#include <optional>

namespace sanad::server {

namespace {

using Condition = CustomerNameIndex::Condition;
using Hit = CustomerNameIndex::Hit;
using Word = CustomerNameIndex::Word;

// Phone prefixes are searched from this many digits on; fewer match too many numbers to help.
constexpr int kMinPhonePrefixDigits = 4;
// The partial pass scans at most this many words (the most common of all searched prefixes).
constexpr int kMaxPartialWords = 2 * CustomerNameIndex::kMaxWordsPerPrefix;
// The scan shared by three tiers reads this many times the rows still missing (at least
// kMinSharedScan), so that one tier is rarely cut short by the rows of another.
constexpr int kSharedScanFactor = 4;
constexpr int kMinSharedScan = 100;

// The results found so far, each customer once, in the order found. Every tier's results are
// added newest contact first, so a stable sort by match gives the final ranking.
class Collector
{
public:
    explicit Collector(int limit)
        : m_limit(limit)
    { }

    bool isFull() const { return m_results.size() >= m_limit; }
    int missing() const { return std::max(0, m_limit - int(m_results.size())); }
    // How many rows a scan must read to find what is missing when the customers found so far
    // come up again.
    int scanLimit() const { return missing() + int(m_results.size()); }

    void add(const QString &customerId, SearchMatch match, const QString &caseNumber = QString())
    {
        if (customerId.isEmpty() || m_seen.contains(customerId))
            return;
        m_seen.insert(customerId);
        m_results.append({ customerId, match, caseNumber });
    }

    void addAll(const QStringList &customerIds, SearchMatch match)
    {
        for (const QString &id : customerIds)
            add(id, match);
    }

    // The hits that match as tier (or better, when an earlier tier was cut short).
    void addHits(const QList<Hit> &hits, const NameQuery &query, SearchMatch tier)
    {
        for (const Hit &hit : hits) {
            const SearchMatch match = query.match(hit.nameKey, hit.looseKey);
            if (match != SearchMatch::Unspecified && match <= tier)
                add(hit.customerId, match);
        }
    }

    QList<CustomerSearch::Result> ranked()
    {
        std::stable_sort(
            m_results.begin(), m_results.end(),
            [](const CustomerSearch::Result &a, const CustomerSearch::Result &b) { return a.match < b.match; });
        return m_results.mid(0, m_limit);
    }

private:
    int m_limit;
    QSet<QString> m_seen;
    QList<CustomerSearch::Result> m_results;
};

// One searched word and the words of the index it can stand for.
struct SearchedWord
{
    QString word;
    QString loose; // its loose form; empty when nothing is left of it ("ء")
    qint64 customers = 0; // how many customers have the word itself
    QList<Word> starts; // the index words it starts (the most common: see kMaxWordsPerPrefix)
    QList<Word> looselyStarts; // the index words whose loose form starts with its loose form
};

// Adds the words of more that words does not hold yet.
void addMissing(QList<Word> &words, const QList<Word> &more)
{
    for (const Word &x : more) {
        if (std::none_of(words.cbegin(), words.cend(), [&x](const Word &y) { return y.word == x.word; }))
            words.append(x);
    }
}

// How a scan reads the searched words.
enum class Reading {
    WholeWords, // NameWords: each searched word is a word of the name
    Prefixes, // NamePrefix: each starts a word of the name
    Loose, // NameSimilar: each loose form starts a word of the loose name
    Any, // all three at once: each either way
};

struct Plan
{
    QStringList arms; // the words whose customers are scanned
    QList<Condition> conditions; // the other searched words, rarest first
};

QList<Word> armsOf(const SearchedWord &w, Reading reading)
{
    // The word itself, even when a short word is not among the most common it starts.
    const QList<Word> itself = w.customers > 0 ? QList<Word> { Word { w.word, w.customers } } : QList<Word>();
    QList<Word> arms;
    switch (reading) {
    case Reading::WholeWords:
        return itself;
    case Reading::Prefixes:
        arms = w.starts;
        addMissing(arms, itself);
        return arms;
    case Reading::Loose:
        return w.looselyStarts;
    case Reading::Any:
        arms = w.starts;
        addMissing(arms, itself);
        addMissing(arms, w.looselyStarts);
        return arms;
    }
    return {};
}

Condition conditionOf(const SearchedWord &w, Reading reading)
{
    switch (reading) {
    case Reading::WholeWords:
        return { w.word, QString(), true };
    case Reading::Prefixes:
        return { w.word, QString(), false };
    case Reading::Loose:
        return { QString(), w.loose, false };
    case Reading::Any:
        return { w.word, w.loose, false };
    }
    return {};
}

qint64 customersOf(const QList<Word> &words)
{
    qint64 n = 0;
    for (const Word &w : words)
        n += w.customers;
    return n;
}

// Scans the customers of the rarest searched word and checks the others in the rows. Empty when
// a searched word stands for no word of the index: then no name has them all.
std::optional<Plan> plan(const QList<SearchedWord> &searched, Reading reading)
{
    struct Entry
    {
        const SearchedWord *word;
        QList<Word> arms;
        qint64 customers;
    };
    QList<Entry> entries;
    for (const SearchedWord &w : searched) {
        if (reading == Reading::Loose && w.loose.isEmpty())
            continue; // the loose key has no such word: NameQuery ignores it too
        const QList<Word> arms = armsOf(w, reading);
        if (arms.isEmpty())
            return std::nullopt;
        entries.append({ &w, arms, customersOf(arms) });
    }
    if (entries.isEmpty())
        return std::nullopt;
    std::stable_sort(entries.begin(), entries.end(),
                     [](const Entry &a, const Entry &b) { return a.customers < b.customers; });
    Plan p;
    for (const Word &w : std::as_const(entries.first().arms))
        p.arms.append(w.word);
    for (qsizetype i = 1; i < entries.size(); ++i)
        p.conditions.append(conditionOf(*entries[i].word, reading));
    return p;
}

std::optional<CustomerNameIndex::Scan> scan(CustomerNameIndex &index, const QList<SearchedWord> &searched,
                                            Reading reading, int limit)
{
    const std::optional<Plan> p = plan(searched, reading);
    if (!p)
        return std::nullopt;
    return index.scan(p->arms, p->conditions, limit);
}

// Digits only, from a text of digits, spaces and dashes: how national ids are stored.
QString nationalIdDigits(const QString &folded)
{
    QString digits;
    for (const QChar c : folded) {
        if (c.isDigit())
            digits.append(c);
        else if (c != u' ' && c != u'-')
            return QString();
    }
    return digits;
}

} // namespace

CustomerSearch::CustomerSearch(Database &database, const PhoneNumberNormalizer &normalizer)
    : m_database(database)
    , m_normalizer(normalizer)
{ }

QList<CustomerSearch::Result> CustomerSearch::run(const QString &query, int limit)
{
    Collector found(limit);
    CustomerRepository customers(m_database);
    const QString folded = PhoneNumberNormalizer::foldDigitsAndMarks(query).simplified();

    // Identifiers first: a case number, a phone number, a national id.
    if (const std::optional<CaseNumber> number = CaseNumber::parse(folded)) {
        const QString caseNumber = number->toString();
        found.add(CaseRepository(m_database).customerIdOfNumber(caseNumber), SearchMatch::CaseNumber, caseNumber);
    }
    const PhoneNumber phone = m_normalizer.parse(folded);
    QStringList byPhone;
    if (phone.ok()) {
        byPhone = customers.idsByPhone(phone.e164, limit);
        found.addAll(byPhone, SearchMatch::Phone);
    }
    if (const QString digits = nationalIdDigits(folded); !digits.isEmpty())
        found.addAll(customers.idsByNationalId(digits, limit), SearchMatch::NationalId);

    const NameQuery name(query);
    CustomerNameIndex index(m_database);
    QList<SearchedWord> searched;
    for (const QString &word : name.words()) {
        if (std::any_of(searched.cbegin(), searched.cend(), [&word](const SearchedWord &w) { return w.word == word; }))
            continue; // NameQuery counts repeated words; the index scans each once
        SearchedWord w { word, looseKey(word), index.customersWithWord(word), index.wordsStartingWith(word), {} };
        if (!w.loose.isEmpty())
            w.looselyStarts = index.wordsWithLooseFormStartingWith(w.loose);
        searched.append(std::move(w));
    }

    // The tiers that need every searched word (whole, as prefixes, loosely) come from one scan of
    // the rarest word, read newest contact first. When it could not read every row that
    // qualifies, a tier that still misses results scans again on its own.
    QHash<SearchMatch, QList<Hit>> shared;
    bool sharedComplete = false;
    const auto addTier = [&](SearchMatch tier, Reading reading) {
        for (const Hit &hit : shared.value(tier))
            found.add(hit.customerId, tier);
        if (sharedComplete || found.isFull())
            return;
        if (const auto own = scan(index, searched, reading, found.scanLimit()))
            found.addHits(own->hits, name, tier);
    };

    if (!name.isEmpty()) {
        if (!found.isFull())
            found.addAll(customers.idsByNameKey(name.key(), found.missing()), SearchMatch::NameExact);
        if (!found.isFull()) {
            const int rows = std::max(kMinSharedScan, kSharedScanFactor * found.scanLimit());
            if (const auto all = scan(index, searched, Reading::Any, rows)) {
                sharedComplete = all->complete;
                for (const Hit &hit : all->hits)
                    shared[name.match(hit.nameKey, hit.looseKey)].append(hit);
            } else {
                sharedComplete = true; // a searched word stands for nothing: no name has them all
            }
            addTier(SearchMatch::NameWords, Reading::WholeWords);
            addTier(SearchMatch::NamePrefix, Reading::Prefixes);
        }
    }

    // A number still being typed: the numbers that start with it.
    const qsizetype typedDigits = std::count_if(folded.cbegin(), folded.cend(), [](QChar c) { return c.isDigit(); });
    if (phone.ok() && byPhone.isEmpty() && typedDigits >= kMinPhonePrefixDigits && !found.isFull())
        found.addAll(customers.idsByPhonePrefix(phone.e164, found.missing()), SearchMatch::PhonePrefix);

    if (!name.isEmpty() && !found.isFull())
        addTier(SearchMatch::NameSimilar, Reading::Loose);
    if (searched.size() > 1 && !found.isFull()) {
        // Names that have some of the words: every word's customers, merged newest first.
        QList<Word> any;
        for (const SearchedWord &w : std::as_const(searched))
            any += w.starts;
        std::stable_sort(any.begin(), any.end(),
                         [](const Word &a, const Word &b) { return a.customers > b.customers; });
        QStringList anyWords;
        for (const Word &w : std::as_const(any)) {
            if (!anyWords.contains(w.word) && anyWords.size() < kMaxPartialWords)
                anyWords.append(w.word);
        }
        const int rows = found.scanLimit() * int(searched.size());
        found.addHits(index.scan(anyWords, {}, rows).hits, name, SearchMatch::NamePartial);
    }
    return found.ranked();
}

} // namespace sanad::server

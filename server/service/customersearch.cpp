#include "server/service/customersearch.h"

#include "core/casenumber.h"
#include "core/namequery.h"
#include "core/phonenumber.h"
#include "server/storage/caserepository.h"
#include "server/storage/customernameindex.h"
#include "server/storage/customerrepository.h"

#include <QSet>

#include <functional>
#include <optional>

#include <algorithm>

namespace sanad::server {

namespace {

using Word = CustomerNameIndex::Word;

// Phone prefixes are searched from this many digits on; fewer match too many numbers to help.
constexpr int kMinPhonePrefixDigits = 4;
// The partial pass scans at most this many words (the most common of all searched prefixes).
constexpr int kMaxPartialWords = 2 * CustomerNameIndex::kMaxWordsPerPrefix;

// The results found so far, each customer once, in the order the passes found them. Passes run
// in the order of SearchMatch, each reading its candidates newest contact first, so a stable
// sort by match gives the final ranking.
class Collector
{
public:
    explicit Collector(int limit)
        : m_limit(limit)
    { }

    bool isFull() const { return m_results.size() >= m_limit; }
    int missing() const { return std::max(0, m_limit - int(m_results.size())); }
    // How many rows a pass must read to find what is missing when the customers found so far
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

    // Index hits that match at least as well as worst.
    void addHits(const QList<CustomerNameIndex::Hit> &hits, const NameQuery &query, SearchMatch worst)
    {
        for (const CustomerNameIndex::Hit &hit : hits) {
            const SearchMatch match = query.match(hit.nameKey, hit.looseKey);
            if (match != SearchMatch::Unspecified && match <= worst)
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

// What a searched word can stand for in the index, and how many customers that is.
struct Expansion
{
    QString word;
    QList<Word> words;
    qint64 customers = 0;
};

QStringList distinct(QStringList words)
{
    words.removeDuplicates();
    return words;
}

QStringList wordTexts(const QList<Word> &words)
{
    QStringList texts;
    texts.reserve(words.size());
    for (const Word &w : words)
        texts.append(w.word);
    return texts;
}

// The expansion with the fewest customers: the one to scan. Empty when a word expands to
// nothing (then no customer has every word).
std::optional<Expansion> rarest(const QList<Expansion> &expansions)
{
    const Expansion *best = nullptr;
    for (const Expansion &e : expansions) {
        if (e.words.isEmpty())
            return std::nullopt;
        if (!best || e.customers < best->customers)
            best = &e;
    }
    return best ? std::optional<Expansion>(*best) : std::nullopt;
}

QStringList othersThan(const QStringList &words, const QString &word)
{
    QStringList others = words;
    others.removeOne(word);
    return others;
}

QList<Expansion> expand(const QStringList &words, const std::function<QList<Word>(const QString &)> &lookUp)
{
    QList<Expansion> expansions;
    for (const QString &word : words) {
        Expansion e { word, lookUp(word), 0 };
        for (const Word &w : std::as_const(e.words))
            e.customers += w.customers;
        expansions.append(std::move(e));
    }
    return expansions;
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
    const QStringList words = distinct(name.words());
    QList<Expansion> prefixes;
    if (!name.isEmpty()) {
        // The whole name, then every word whole, then every word as a prefix.
        if (!found.isFull())
            found.addAll(customers.idsByNameKey(name.key(), found.missing()), SearchMatch::NameExact);
        if (!found.isFull()) {
            QList<Expansion> whole;
            for (const QString &word : words) {
                const qint64 n = index.customersWithWord(word);
                whole.append({ word, n > 0 ? QList<Word> { Word { word, n } } : QList<Word>(), n });
            }
            if (const std::optional<Expansion> scan = rarest(whole)) {
                found.addHits(index.scan({ scan->word }, CustomerNameIndex::Also::WholeWords,
                                         othersThan(words, scan->word), found.scanLimit()),
                              name, SearchMatch::NameWords);
            }
        }
        prefixes = expand(words, [&index](const QString &w) { return index.wordsStartingWith(w); });
        if (!found.isFull()) {
            if (const std::optional<Expansion> scan = rarest(prefixes)) {
                found.addHits(index.scan(wordTexts(scan->words), CustomerNameIndex::Also::Prefixes,
                                         othersThan(words, scan->word), found.scanLimit()),
                              name, SearchMatch::NamePrefix);
            }
        }
    }

    // A number still being typed: the numbers that start with it.
    const qsizetype typedDigits = std::count_if(folded.cbegin(), folded.cend(), [](QChar c) { return c.isDigit(); });
    if (phone.ok() && byPhone.isEmpty() && typedDigits >= kMinPhonePrefixDigits && !found.isFull())
        found.addAll(customers.idsByPhonePrefix(phone.e164, found.missing()), SearchMatch::PhonePrefix);

    if (!name.isEmpty() && !found.isFull()) {
        // The looser second pass, then names that have some of the words.
        const QStringList looseWords = distinct(name.looseWords());
        const QList<Expansion> loose
            = expand(looseWords, [&index](const QString &w) { return index.wordsWithLooseFormStartingWith(w); });
        if (const std::optional<Expansion> scan = rarest(loose)) {
            found.addHits(index.scan(wordTexts(scan->words), CustomerNameIndex::Also::LoosePrefixes,
                                     othersThan(looseWords, scan->word), found.scanLimit()),
                          name, SearchMatch::NameSimilar);
        }
    }
    if (words.size() > 1 && !found.isFull()) {
        QList<Word> any;
        for (const Expansion &e : std::as_const(prefixes))
            any += e.words;
        std::stable_sort(any.begin(), any.end(),
                         [](const Word &a, const Word &b) { return a.customers > b.customers; });
        QStringList anyWords = distinct(wordTexts(any)).mid(0, kMaxPartialWords);
        found.addHits(
            index.scan(anyWords, CustomerNameIndex::Also::Prefixes, {}, found.scanLimit() * int(words.size())), name,
            SearchMatch::NamePartial);
    }
    return found.ranked();
}

} // namespace sanad::server

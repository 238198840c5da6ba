#include "core/namequery.h"

#include "core/arabictext.h"

#include <QVarLengthArray>

namespace sanad {

namespace {

using Words = QVarLengthArray<QStringView, 12>;

Words splitWords(QStringView key)
{
    Words words;
    for (const QStringView word : key.tokenize(u' ', Qt::SkipEmptyParts))
        words.append(word);
    return words;
}

bool fits(const QString &searched, QStringView word, bool wholeWord)
{
    return wholeWord ? word == searched : word.startsWith(searched);
}

// Can every searched word be given a word of the name of its own? A small bipartite matching
// by backtracking: queries have at most NameQuery::kMaxWords words and names a handful.
bool assign(const QStringList &searched, qsizetype next, const Words &name, QVarLengthArray<bool, 12> &used,
            bool wholeWord)
{
    if (next == searched.size())
        return true;
    for (qsizetype i = 0; i < name.size(); ++i) {
        if (used[i] || !fits(searched[next], name[i], wholeWord))
            continue;
        used[i] = true;
        if (assign(searched, next + 1, name, used, wholeWord))
            return true;
        used[i] = false;
    }
    return false;
}

bool allMatch(const QStringList &searched, const Words &name, bool wholeWord)
{
    if (searched.isEmpty() || searched.size() > name.size())
        return false;
    QVarLengthArray<bool, 12> used(name.size(), false);
    return assign(searched, 0, name, used, wholeWord);
}

bool anyMatches(const QStringList &searched, const Words &name)
{
    for (const QString &s : searched) {
        for (const QStringView word : name) {
            if (word.startsWith(s))
                return true;
        }
    }
    return false;
}

} // namespace

NameQuery::NameQuery(QStringView text)
    : m_key(searchKey(text))
    , m_looseKey(sanad::looseKey(text))
{
    m_words = keyTokens(m_key).mid(0, kMaxWords);
    m_looseWords = keyTokens(m_looseKey).mid(0, kMaxWords);
}

SearchMatch NameQuery::match(QStringView nameKey, QStringView looseNameKey) const
{
    if (isEmpty())
        return SearchMatch::Unspecified;
    if (nameKey == m_key)
        return SearchMatch::NameExact;
    const Words name = splitWords(nameKey);
    if (allMatch(m_words, name, true))
        return SearchMatch::NameWords;
    if (allMatch(m_words, name, false))
        return SearchMatch::NamePrefix;
    if (allMatch(m_looseWords, splitWords(looseNameKey), false))
        return SearchMatch::NameSimilar;
    if (anyMatches(m_words, name))
        return SearchMatch::NamePartial;
    return SearchMatch::Unspecified;
}

SearchMatch NameQuery::matchName(QStringView name) const
{
    return match(searchKey(name), sanad::looseKey(name));
}

} // namespace sanad

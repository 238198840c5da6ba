#pragma once

#include "core/enums.h"

#include <QString>
#include <QStringList>

namespace sanad {

// A name as an agent typed it into the search box, ready to be matched against stored names
// (ARABIC.md, docs/search.md). The server ranks its index hits with it, and a desktop can rank
// the customers it holds locally with the same rules, so both sides agree on the order.
//
// Words are compared by their search keys (searchKey: ايمان البلوشى and إيمان البلوشي are the
// same words) and, in the second pass, by their loose keys (looseKey). A searched word "matches"
// a word of the name when it is a prefix of it, so results appear while the agent is still
// typing; each searched word needs a word of its own (محمد محمد does not match محمد سالم).
class NameQuery
{
public:
    // Only the first kMaxWords words of a query count: nobody's name has more, and the cost of
    // matching grows with them.
    static constexpr int kMaxWords = 8;

    explicit NameQuery(QStringView text);

    // The strict key of the query (searchKey), its words, and the same for the loose key.
    const QString &key() const { return m_key; }
    const QStringList &words() const { return m_words; }
    const QString &looseKey() const { return m_looseKey; }
    const QStringList &looseWords() const { return m_looseWords; }
    // Nothing to search by name (only spaces, punctuation or marks were typed).
    bool isEmpty() const { return m_words.isEmpty(); }

    // How a name with these stored keys (searchKey(name), looseKey(name)) matches, best first:
    //   NameExact    the keys are equal;
    //   NameWords    every searched word is a whole word of the name, in any order;
    //   NamePrefix   every searched word starts a word of the name;
    //   NameSimilar  the same with loose keys (hamza dropped, the article stripped, ابن = بن...);
    //   NamePartial  some searched words start a word of the name, not all;
    //   Unspecified  no searched word matches.
    // A similar name ranks above a partial one: "علاء البلوشي" is more likely the caller named
    // "علا البلوشي" than any other member of the family.
    SearchMatch match(QStringView nameKey, QStringView looseNameKey) const;
    // The same for a name as written (computes its keys).
    SearchMatch matchName(QStringView name) const;

private:
    QString m_key;
    QStringList m_words;
    QString m_looseKey;
    QStringList m_looseWords;
};

} // namespace sanad

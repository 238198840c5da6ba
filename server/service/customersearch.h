#pragma once

#include "core/enums.h"

#include <QList>
#include <QString>

namespace sanad {
class PhoneNumberNormalizer;
}

namespace sanad::server {

class Database;

// CaseService.SearchCustomers without the gRPC around it (docs/search.md): one text an agent
// typed, read as a case number, a phone number in any form, a national id and a name, all at
// once. Results are ranked by how they matched (SearchMatch, best first), then by the most
// recent contact.
//
// Every step reads an index in the order results are wanted and stops when it has enough, so
// the cost follows the number of results asked for, not the number of customers: names through
// CustomerNameIndex (the rarest searched word is scanned and the others are checked in the
// row), numbers through customer_phones, exact names through customers(name_key, last contact).
// Run it inside a read Transaction so that every step sees the same data.
class CustomerSearch
{
public:
    struct Result
    {
        QString customerId;
        SearchMatch match = SearchMatch::Unspecified;
        QString caseNumber; // SearchMatch::CaseNumber: the case searched for
    };

    CustomerSearch(Database &database, const PhoneNumberNormalizer &normalizer);

    // At most limit results, best first. query is not empty.
    QList<Result> run(const QString &query, int limit);

private:
    Database &m_database;
    const PhoneNumberNormalizer &m_normalizer;
};

} // namespace sanad::server

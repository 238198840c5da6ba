#pragma once

#include "server/demo/demodataset.h"

#include <QHash>
#include <QString>

namespace sanad::server {

class Database;

struct SeedSummary
{
    int users = 0;
    QStringList createdUsers; // usernames added; a username that already existed is left as it was
    int customers = 0;
    int cases = 0;
    int interactions = 0;
    int referrals = 0;
};

// Bulk operations on the whole database: seeding a dataset (the demo, the benchmark).
class Storage final
{
public:
    explicit Storage(Database &database);

    // No users and no customers yet.
    bool isEmpty();
    // No customers yet: the demo seeds only such a database.
    bool hasNoCustomers();

    // Writes the whole dataset in one transaction with prepared statements (100,000 customers
    // and 1,000,000 interactions take seconds, not minutes). Cases are numbered per year in
    // openedAtMs order; every entity also goes to the changes feed (with no mutation id), so
    // desktops pull it like any other change. passwordHashes maps usernames to argon2id hashes;
    // a user without one gets a hash no password matches. The dataset's featuredPhones are
    // kept in meta (key kFeaturedPhonesKey) for the call simulator. Throws StorageError; on
    // failure nothing is written.
    SeedSummary seed(const DemoDataset &dataset, const QHash<QString, QString> &passwordHashes, qint64 nowMs);

    // The featured numbers of the seeded demo, in order (empty when none).
    QStringList featuredPhones();

    static const QString kFeaturedPhonesKey;

private:
    Database &m_database;
};

} // namespace sanad::server

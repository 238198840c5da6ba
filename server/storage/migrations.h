#pragma once

#include <QtGlobal>

namespace sanad::server {

class Database;

// Versioned schema migrations. The table schema_version holds one row per applied migration;
// run() applies the missing ones in order, each in its own write transaction, and is safe to
// call on every start and from several processes at once (the version is re-read inside the
// transaction). Never edit a released migration: add the next one.
class Migrations
{
public:
    // Throws StorageError. nowMs stamps rows a migration inserts (the "general" queue).
    static void run(Database &database, qint64 nowMs);
    static int latestVersion();
    // 0 for an empty database.
    static int currentVersion(Database &database);
};

} // namespace sanad::server

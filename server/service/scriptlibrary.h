#pragma once

#include "sanad/v1/script.pb.h"

#include <QString>
#include <QStringList>

#include <optional>

namespace sanad::server {

class Database;

// Publishing and analytics of guided scripts, shared by ScriptService and the command line.
// Runs on the thread that owns the database connection; publish() writes in the caller's
// transaction (it opens none).
class ScriptLibrary
{
public:
    explicit ScriptLibrary(Database &database);

    struct Published
    {
        v1::ScriptDocument document;
        bool unchanged = false;
        QStringList problems; // "script id:step id: what is wrong"; nothing published when not empty
    };
    // Validates (core/script.h) and stores the text as the script id's next version; the same
    // text as the current version publishes nothing.
    Published publish(const QByteArray &json, const QString &publishedBy, qint64 nowMs);

    // Publishes every script shipped with the server (resources/scripts, embedded as
    // :/sanad/scripts/*.json); scripts whose text is already current publish nothing. Returns
    // how many new versions were published; a shipped script with problems is a build error
    // (the tests validate them) and is skipped with a warning.
    int publishShipped(const QString &publishedBy, qint64 nowMs);

    // Runs of one version reaching each step, outcomes, and the runs whose caller made another
    // contact (any channel, notes aside) within callbackDays after the run. version 0: current.
    // nullopt for an unknown script or version.
    std::optional<v1::ScriptStats> stats(const QString &scriptId, int version, int callbackDays);

    // The statistics as a table for `sanad-server script-stats`.
    static QString format(const v1::ScriptStats &stats);

private:
    Database &m_database;
};

} // namespace sanad::server

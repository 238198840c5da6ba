#pragma once

#include "core/casepolicy.h"

#include <QString>

#include <optional>

namespace sanad::server {

// Exit codes of every sanad-server command (API.md): 0 done, 1 failed, 2 wrong command line.
enum ExitCode { ExitOk = 0, ExitError = 1, ExitUsage = 2 };

// Where the server listens: "HOST:PORT", the host a name or an IPv4/IPv6 address (IPv6 in
// brackets), port 0 meaning "any free port".
struct ListenAddress
{
    QString host; // without brackets
    int port = 0;
    bool loopback = false;

    // Parses "127.0.0.1:50051", "localhost:0", "[::1]:50051"; nullopt (and *error) otherwise.
    static std::optional<ListenAddress> parse(const QString &text, QString *error);
    // "host:port" as gRPC and the "listening on" line write it (IPv6 in brackets).
    QString toString(int actualPort) const;
};

struct ServerOptions
{
    QString database; // "sqlite:PATH" or "postgresql://..."
    QString listen = QStringLiteral("127.0.0.1:50051");
    QString region = QStringLiteral("OM");
    bool demo = false;
    QString demoAccountsFile;
    double simulateCallsPerMinute = 0; // 0: no simulator
    qint64 tokenTtlSeconds = 43200;
    qint64 offerTimeoutSeconds = 15;
    bool testClock = false;
    QString codeLog; // the development one-time code sender's file; empty: no codes are sent
    CasePolicy policy = CasePolicy::defaults(); // --policy FILE (docs/cases.md)

    // sqlite:<AppDataLocation>/sanad.db (the folder is created when the database opens).
    static QString defaultDatabase();
};

} // namespace sanad::server

#pragma once

#include "server/cli/serveroptions.h"

namespace sanad::server {

// Runs the server until SIGINT or SIGTERM: opens and migrates the database, seeds the demo if
// asked, starts gRPC (the sanad.v1 services, health, reflection) and prints exactly one line
// "listening on HOST:PORT" on standard output when ready. Returns the exit code.
class ServeCommand
{
public:
    explicit ServeCommand(const ServerOptions &options);
    int run();

private:
    ServerOptions m_options;
};

} // namespace sanad::server

#pragma once

#include <QString>

namespace sanad::server {

// sanad-server import-customers: all or nothing. Every bad row is reported on standard error as
// "line N: ..." and then nothing is imported (exit 1); otherwise every customer is written in
// one transaction and "imported N customers" is printed.
class ImportCommand
{
public:
    ImportCommand(const QString &database, const QString &file, const QString &region);
    int run();

private:
    QString m_database;
    QString m_file;
    QString m_region;
};

} // namespace sanad::server

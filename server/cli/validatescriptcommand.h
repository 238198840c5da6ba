#pragma once

#include <QStringList>

namespace sanad::server {

// sanad-server validate-script FILE...: checks guided scripts (docs/scripts.md) without a
// database. Prints every problem as "file:step id: what is wrong and how to fix it" on standard
// error and "file: ok" for a good file on standard output; exit 0 when every file is good, 1
// otherwise.
class ValidateScriptCommand
{
public:
    explicit ValidateScriptCommand(QStringList files);
    int run();

private:
    QStringList m_files;
};

} // namespace sanad::server

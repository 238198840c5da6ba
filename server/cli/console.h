#pragma once

#include <QString>

namespace sanad::server {

// What the command line writes for a person: UTF-8 (Arabic names included), flushed at once so
// that lines such as "listening on HOST:PORT" reach a reading process without delay.
void printOut(const QString &text);
void printErr(const QString &text);

} // namespace sanad::server

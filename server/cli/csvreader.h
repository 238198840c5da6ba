#pragma once

#include <QList>
#include <QString>
#include <QStringList>

namespace sanad::server {

struct CsvRecord
{
    int line = 0; // the line of the file where the record starts (the first line is 1)
    QStringList fields;
};

// A small RFC 4180 reader: fields separated by commas, records by CRLF or LF; a field in double
// quotes may hold commas, line breaks and doubled quotes (""). A leading byte order mark is
// skipped, and wholly empty lines are skipped. A quote inside an unquoted field is kept as text.
class CsvReader
{
public:
    // The records of text; on a syntax error, stops and sets *error to "line N: ..." (a quoted
    // field never closed, or text after a closing quote).
    static QList<CsvRecord> parse(QStringView text, QString *error);
};

} // namespace sanad::server

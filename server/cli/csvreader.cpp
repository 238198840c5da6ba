#include "server/cli/csvreader.h"

namespace sanad::server {

using namespace Qt::StringLiterals;

QList<CsvRecord> CsvReader::parse(QStringView text, QString *error)
{
    error->clear();
    QList<CsvRecord> records;
    qsizetype i = 0;
    const qsizetype n = text.size();
    if (n > 0 && text.at(0) == QChar(0xFEFF))
        i = 1;
    int line = 1;

    CsvRecord record;
    QString field;
    bool recordStarted = false;
    const auto endField = [&] {
        record.fields.append(field);
        field.clear();
    };
    const auto endRecord = [&] {
        endField();
        // A line with nothing on it is not a record.
        if (!(record.fields.size() == 1 && record.fields.constFirst().isEmpty()))
            records.append(record);
        record = CsvRecord();
        recordStarted = false;
    };
    const auto atLineBreak = [&](qsizetype at) {
        return at < n && (text.at(at) == u'\n' || text.at(at) == u'\r');
    };
    const auto skipLineBreak = [&](qsizetype at) {
        // CRLF, LF or a lone CR: one line break. Returns the position after it.
        if (text.at(at) == u'\r' && at + 1 < n && text.at(at + 1) == u'\n')
            return at + 2;
        return at + 1;
    };

    while (i < n) {
        if (!recordStarted) {
            record.line = line;
            recordStarted = true;
        }
        const QChar c = text.at(i);
        if (c == u'"' && field.isEmpty()) {
            // A quoted field: runs to the next quote that is not doubled.
            const int startLine = line;
            ++i;
            bool closed = false;
            while (i < n) {
                const QChar q = text.at(i);
                if (q == u'"') {
                    if (i + 1 < n && text.at(i + 1) == u'"') {
                        field.append(u'"');
                        i += 2;
                        continue;
                    }
                    ++i;
                    closed = true;
                    break;
                }
                if (atLineBreak(i)) {
                    const qsizetype next = skipLineBreak(i);
                    field.append(u'\n');
                    i = next;
                    ++line;
                    continue;
                }
                field.append(q);
                ++i;
            }
            if (!closed) {
                *error = u"line %1: a quoted field starts here and is never closed: add the closing double quote (\"), "
                         "and write a quote inside a field as two (\"\")."_s.arg(startLine);
                return {};
            }
            if (i < n && text.at(i) != u',' && !atLineBreak(i)) {
                *error = u"line %1: text follows the closing quote of a field: put the whole field in double quotes "
                         "and write a quote inside it as two (\"\")."_s.arg(line);
                return {};
            }
            if (i >= n)
                break;
            continue;
        }
        if (c == u',') {
            endField();
            ++i;
            continue;
        }
        if (atLineBreak(i)) {
            i = skipLineBreak(i);
            endRecord();
            ++line;
            continue;
        }
        field.append(c);
        ++i;
    }
    if (recordStarted)
        endRecord();
    return records;
}

} // namespace sanad::server

#pragma once

#include <QString>

#include <optional>

namespace sanad {

// Readable case numbers: "SN-2026-000123" (prefix, year the case was opened, sequence within
// that year, at least six digits). People read them aloud and type them back, so parsing
// forgives case, Arabic-Indic digits, spaces and marks, and a missing "SN-".
struct CaseNumber
{
    int year = 0;
    qint64 sequence = 0;

    QString toString() const;
    static std::optional<CaseNumber> parse(QStringView text);

    friend bool operator==(const CaseNumber &, const CaseNumber &) = default;
};

} // namespace sanad

#pragma once

#include <QString>

namespace sanad {

// The outcome of reading a phone number typed by a person or sent by a PBX.
struct PhoneNumber
{
    enum class Error {
        None,
        Empty, // nothing but spaces and marks
        NoDigits, // "---"
        Letters, // "9123abc", "رقم": letters or other symbols
        Unparseable, // digits that libphonenumber cannot read as a number
        TooShort, // strict reading only: fewer digits than any number of the region
        TooLong, // strict reading only
    };

    Error error = Error::None;
    QString e164; // "+96891234567" when error == None
    bool valid = false; // libphonenumber knows the range (its data dates from 2022: a warning only)

    bool ok() const { return error == Error::None; }
    // A sentence a person can act on, in English (the server's gRPC messages and CLI errors).
    QString message(QStringView input) const;
};

// Normalises phone numbers to E.164 with libphonenumber. Thread-safe.
//
// Accepts every form of ../shared/design/API.md: "+968 9123 4567", "0096891234567", "91234567"
// (national, default region), Arabic-Indic and Persian digits, spaces, dashes, brackets, and
// bidi marks (RLM, LRM, ALM, LRI...PDI).
class PhoneNumberNormalizer
{
public:
    // region: ISO 3166 code such as "OM", "SA", "EG". Check it with isSupportedRegion first.
    explicit PhoneNumberNormalizer(const QString &defaultRegion = QStringLiteral("OM"));

    QString defaultRegion() const { return m_region; }
    static bool isSupportedRegion(const QString &region);

    // Lenient: any number libphonenumber can parse (for lookups: a short number simply is not on file).
    PhoneNumber parse(QStringView input) const;
    // Strict: also rejects numbers too short or too long for their country (for data that is stored).
    PhoneNumber parseForStorage(QStringView input) const;

    // Digits of any script as ASCII and bidi/format marks removed; other characters kept.
    static QString foldDigitsAndMarks(QStringView input);
    // An E.164 number grouped for reading aloud ("+968 9123 4567"); the input unchanged when
    // it is not an E.164 number.
    static QString formatInternational(const QString &e164);

private:
    QString m_region;
};

} // namespace sanad

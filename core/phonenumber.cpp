#include "core/phonenumber.h"

#include <phonenumbers/phonenumber.pb.h>
#include <phonenumbers/phonenumberutil.h>

namespace sanad {

using i18n::phonenumbers::PhoneNumberUtil;

namespace {

bool isSeparator(QChar c)
{
    if (c.isSpace())
        return true;
    switch (c.unicode()) {
    case u'-':
    case u'(':
    case u')':
    case u'.':
    case u'/':
    case 0x2010: // hyphen
    case 0x2011: // non-breaking hyphen
    case 0x2012: // figure dash
    case 0x2013: // en dash
    case 0x2014: // em dash
    case 0x2212: // minus sign
    case 0xFF0D: // full-width hyphen-minus
    case 0xFF08: // full-width brackets
    case 0xFF09:
        return true;
    default:
        return false;
    }
}

bool isPlus(QChar c)
{
    return c == u'+' || c.unicode() == 0xFF0B;
}

} // namespace

QString PhoneNumber::message(QStringView input) const
{
    const QString shown = input.toString();
    switch (error) {
    case Error::None:
        return QString();
    case Error::Empty:
        return QStringLiteral("The phone number is empty: enter the caller's number.");
    case Error::NoDigits:
        return QStringLiteral("\"%1\" has no digits: enter a phone number such as +968 9123 4567.").arg(shown);
    case Error::Letters:
        return QStringLiteral("\"%1\" contains letters or symbols: a phone number has only digits, spaces, "
                              "dashes, brackets and a leading +.")
            .arg(shown);
    case Error::Unparseable:
        return QStringLiteral("\"%1\" is not a phone number: enter it with its country code, such as "
                              "+968 9123 4567.")
            .arg(shown);
    case Error::TooShort:
        return QStringLiteral("\"%1\" is too short for a phone number: check for missing digits.").arg(shown);
    case Error::TooLong:
        return QStringLiteral("\"%1\" is too long for a phone number: check for extra digits.").arg(shown);
    }
    return QString();
}

PhoneNumberNormalizer::PhoneNumberNormalizer(const QString &defaultRegion)
    : m_region(defaultRegion.toUpper())
{ }

bool PhoneNumberNormalizer::isSupportedRegion(const QString &region)
{
    std::set<std::string> regions;
    PhoneNumberUtil::GetInstance()->GetSupportedRegions(&regions);
    return regions.count(region.toUpper().toStdString()) > 0;
}

QString PhoneNumberNormalizer::foldDigitsAndMarks(QStringView input)
{
    QString out;
    out.reserve(input.size());
    for (QChar c : input) {
        if (c.category() == QChar::Other_Format)
            continue;
        const int digit = c.digitValue();
        if (digit >= 0 && c.isDigit())
            out.append(QChar(u'0' + digit));
        else
            out.append(c);
    }
    return out;
}

QString PhoneNumberNormalizer::formatInternational(const QString &e164)
{
    if (!e164.startsWith(u'+'))
        return e164;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    if (util->Parse(e164.toStdString(), "ZZ", &number) != PhoneNumberUtil::NO_PARSING_ERROR)
        return e164;
    std::string formatted;
    util->Format(number, PhoneNumberUtil::INTERNATIONAL, &formatted);
    return QString::fromStdString(formatted);
}

PhoneNumber PhoneNumberNormalizer::parse(QStringView input) const
{
    PhoneNumber result;
    QString cleaned;
    cleaned.reserve(input.size());
    bool anyVisible = false;
    bool anyDigit = false;
    bool anyOther = false;
    for (QChar c : foldDigitsAndMarks(input)) {
        if (!c.isSpace())
            anyVisible = true;
        if (c >= u'0' && c <= u'9') {
            cleaned.append(c);
            anyDigit = true;
        } else if (isPlus(c)) {
            if (!cleaned.isEmpty()) // a plus is only meaningful in front of the number
                anyOther = true;
            cleaned.append(u'+');
        } else if (!isSeparator(c)) {
            anyOther = true;
        }
    }
    if (!anyVisible)
        result.error = PhoneNumber::Error::Empty;
    else if (anyOther)
        result.error = PhoneNumber::Error::Letters;
    else if (!anyDigit)
        result.error = PhoneNumber::Error::NoDigits;
    if (!result.ok())
        return result;

    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    const auto err = util->Parse(cleaned.toStdString(), m_region.toStdString(), &number);
    if (err != PhoneNumberUtil::NO_PARSING_ERROR) {
        switch (err) {
        case PhoneNumberUtil::TOO_SHORT_NSN:
        case PhoneNumberUtil::TOO_SHORT_AFTER_IDD:
            result.error = PhoneNumber::Error::TooShort;
            break;
        case PhoneNumberUtil::TOO_LONG_NSN:
            result.error = PhoneNumber::Error::TooLong;
            break;
        default:
            result.error = PhoneNumber::Error::Unparseable;
            break;
        }
        return result;
    }
    std::string e164;
    util->Format(number, PhoneNumberUtil::E164, &e164);
    result.e164 = QString::fromStdString(e164);
    result.valid = util->IsValidNumber(number);
    return result;
}

PhoneNumber PhoneNumberNormalizer::parseForStorage(QStringView input) const
{
    PhoneNumber result = parse(input);
    if (!result.ok() || result.valid)
        return result;
    const PhoneNumberUtil *util = PhoneNumberUtil::GetInstance();
    i18n::phonenumbers::PhoneNumber number;
    util->Parse(result.e164.toStdString(), "ZZ", &number);
    switch (util->IsPossibleNumberWithReason(number)) {
    case PhoneNumberUtil::TOO_SHORT:
    case PhoneNumberUtil::INVALID_LENGTH:
        result.error = PhoneNumber::Error::TooShort;
        break;
    case PhoneNumberUtil::TOO_LONG:
        result.error = PhoneNumber::Error::TooLong;
        break;
    case PhoneNumberUtil::INVALID_COUNTRY_CODE:
        result.error = PhoneNumber::Error::Unparseable;
        break;
    default:
        break;
    }
    if (!result.ok())
        result.e164.clear();
    return result;
}

} // namespace sanad

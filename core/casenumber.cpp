#include "core/casenumber.h"

#include "core/phonenumber.h"

#include <QRegularExpression>

namespace sanad {

QString CaseNumber::toString() const
{
    return QStringLiteral("SN-%1-%2").arg(year, 4, 10, QChar(u'0')).arg(sequence, 6, 10, QChar(u'0'));
}

std::optional<CaseNumber> CaseNumber::parse(QStringView text)
{
    static const QRegularExpression pattern(QStringLiteral("^(?:SN)?[\\s\\-_/]*(\\d{4})[\\s\\-_/]+(\\d{1,12})$"),
                                            QRegularExpression::CaseInsensitiveOption);
    const QString folded = PhoneNumberNormalizer::foldDigitsAndMarks(text).trimmed();
    const auto match = pattern.match(folded);
    if (!match.hasMatch())
        return std::nullopt;
    CaseNumber number;
    number.year = match.captured(1).toInt();
    number.sequence = match.captured(2).toLongLong();
    if (number.year < 2000 || number.year > 2999 || number.sequence <= 0)
        return std::nullopt;
    return number;
}

} // namespace sanad

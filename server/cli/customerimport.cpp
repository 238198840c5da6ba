#include "server/cli/customerimport.h"

#include "core/phonenumber.h"
#include "server/cli/csvreader.h"

#include <QHash>
#include <QStringDecoder>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

const QStringList kColumns
    = { u"name"_s, u"phone"_s, u"alt_phone"_s, u"email"_s, u"national_id"_s, u"external_id"_s, u"city"_s };

QString columnKey(const QString &header)
{
    QString key = header.trimmed().toLower();
    key.replace(u' ', u'_');
    key.replace(u'-', u'_');
    return key;
}

bool looksLikeEmail(const QString &email)
{
    const qsizetype at = email.indexOf(u'@');
    return at > 0 && at == email.lastIndexOf(u'@') && email.indexOf(u'.', at) > at + 1 && !email.endsWith(u'.')
        && !email.contains(u' ');
}

} // namespace

CustomerImport::CustomerImport(const PhoneNumberNormalizer &normalizer)
    : m_normalizer(normalizer)
{ }

CustomerImportResult CustomerImport::read(const QByteArray &contents) const
{
    CustomerImportResult result;
    QStringDecoder decoder(QStringDecoder::Utf8);
    const QString text = decoder.decode(contents);
    if (decoder.hasError()) {
        result.errors.append(u"The file is not UTF-8 text: save it as \"CSV UTF-8\" (or convert it to UTF-8) and "
                             "import it again."_s);
        return result;
    }
    QString syntaxError;
    const QList<CsvRecord> records = CsvReader::parse(text, &syntaxError);
    if (!syntaxError.isEmpty()) {
        result.errors.append(syntaxError);
        return result;
    }
    if (records.isEmpty()) {
        result.errors.append(u"The file is empty: its first line must name the columns, for example "
                             "name,phone,city."_s);
        return result;
    }

    const CsvRecord &header = records.constFirst();
    QHash<QString, int> column;
    for (int i = 0; i < header.fields.size(); ++i) {
        const QString key = columnKey(header.fields.at(i));
        if (key.isEmpty())
            continue;
        if (column.contains(key)) {
            result.errors.append(
                u"line %1: the column \"%2\" appears twice: keep one of them."_s.arg(header.line).arg(key));
            continue;
        }
        if (!kColumns.contains(key))
            result.notes.append(u"line %1: the column \"%2\" is not imported (the columns are %3)."_s.arg(header.line)
                                    .arg(header.fields.at(i).trimmed(), kColumns.join(u", "_s)));
        column.insert(key, i);
    }
    for (const QString &required : { u"name"_s, u"phone"_s }) {
        if (!column.contains(required))
            result.errors.append(u"The header (line %1) has no \"%2\" column: the first line must name the columns; "
                                 "name and phone are required, alt_phone, email, national_id, external_id and city "
                                 "are optional, in any order."_s.arg(header.line)
                                     .arg(required));
    }
    if (!result.errors.isEmpty())
        return result;

    QHash<QString, int> externalIdLine;
    for (qsizetype r = 1; r < records.size(); ++r) {
        const CsvRecord &record = records.at(r);
        const QString where = u"line %1: "_s.arg(record.line);
        if (record.fields.size() != header.fields.size()) {
            result.errors.append(where
                                 + u"the row has %1 fields but the header has %2: put a field that contains a comma "
                                   "in double quotes."_s.arg(record.fields.size())
                                       .arg(header.fields.size()));
            continue;
        }
        const auto field = [&](const QString &key) {
            const int index = column.value(key, -1);
            return index < 0 ? QString() : record.fields.at(index).trimmed();
        };
        ImportedCustomer customer;
        customer.line = record.line;
        customer.name = field(u"name"_s).simplified();
        if (customer.name.isEmpty())
            result.errors.append(where + u"the name is empty: every customer needs a name."_s);
        else if (customer.name.size() > kMaxNameLength)
            result.errors.append(
                where
                + u"the name has %1 characters; at most %2 fit: shorten it."_s.arg(customer.name.size())
                      .arg(kMaxNameLength));
        const QString phone = field(u"phone"_s);
        if (phone.isEmpty()) {
            result.errors.append(where + u"the phone is empty: every customer needs a phone number."_s);
        } else {
            const PhoneNumber number = m_normalizer.parseForStorage(phone);
            if (number.ok())
                customer.phones.append(number.e164);
            else
                result.errors.append(where + u"phone: "_s + number.message(phone));
        }
        const QString altPhone = field(u"alt_phone"_s);
        if (!altPhone.isEmpty()) {
            const PhoneNumber number = m_normalizer.parseForStorage(altPhone);
            if (!number.ok())
                result.errors.append(where + u"alt_phone: "_s + number.message(altPhone));
            else if (!customer.phones.contains(number.e164))
                customer.phones.append(number.e164);
        }
        customer.email = field(u"email"_s);
        if (!customer.email.isEmpty() && !looksLikeEmail(customer.email))
            result.errors.append(where
                                 + u"email \"%1\" is not an e-mail address: write it as name@example.com, or "
                                   "leave it empty."_s.arg(customer.email));
        customer.nationalId = PhoneNumberNormalizer::foldDigitsAndMarks(field(u"national_id"_s)).trimmed();
        customer.externalId = field(u"external_id"_s);
        if (!customer.externalId.isEmpty()) {
            const int first = externalIdLine.value(customer.externalId);
            if (first > 0)
                result.errors.append(where
                                     + u"external_id \"%1\" is also on line %2: each external id belongs to one "
                                       "customer."_s.arg(customer.externalId)
                                           .arg(first));
            else
                externalIdLine.insert(customer.externalId, record.line);
        }
        customer.city = field(u"city"_s).simplified();
        result.customers.append(customer);
    }
    if (!result.errors.isEmpty())
        result.customers.clear();
    return result;
}

} // namespace sanad::server

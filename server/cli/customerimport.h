#pragma once

#include <QByteArray>
#include <QList>
#include <QString>
#include <QStringList>

namespace sanad {
class PhoneNumberNormalizer;
}

namespace sanad::server {

struct ImportedCustomer
{
    int line = 0;
    QString name;
    QStringList phones; // E.164, primary first
    QString email;
    QString nationalId;
    QString externalId;
    QString city;
};

struct CustomerImportResult
{
    QList<ImportedCustomer> customers;
    // "line N: ..." for every bad row, or one sentence about the file or its header. Nothing may
    // be imported while this is not empty.
    QStringList errors;
    // Things worth saying that do not stop the import (columns that are not imported).
    QStringList notes;
};

// Reads and checks a customers CSV (import-customers): UTF-8 with a header line naming the
// columns in any order; name and phone required; alt_phone, email, national_id, external_id,
// city optional. Phones go through parseForStorage, so only numbers of a real length are kept.
class CustomerImport
{
public:
    explicit CustomerImport(const PhoneNumberNormalizer &normalizer);

    CustomerImportResult read(const QByteArray &contents) const;

    static constexpr int kMaxNameLength = 200;

private:
    const PhoneNumberNormalizer &m_normalizer;
};

} // namespace sanad::server

#include "server/cli/importcommand.h"

#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/cli/console.h"
#include "server/cli/customerimport.h"
#include "server/cli/serveroptions.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/storageerror.h"
#include "server/storage/syncrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QFile>

#include <cstdio>

namespace sanad::server {

using namespace Qt::StringLiterals;

ImportCommand::ImportCommand(const QString &database, const QString &file, const QString &region)
    : m_database(database)
    , m_file(file)
    , m_region(region)
{ }

int ImportCommand::run()
{
    QFile file(m_file);
    if (!file.open(QIODevice::ReadOnly)) {
        printErr(u"sanad-server: cannot read %1 (%2): check the file name and its permissions.\n"_s.arg(
            m_file, file.errorString()));
        return ExitError;
    }
    const PhoneNumberNormalizer normalizer(m_region);
    const CustomerImportResult result = CustomerImport(normalizer).read(file.readAll());
    for (const QString &note : result.notes)
        printErr(note + u'\n');
    if (!result.errors.isEmpty()) {
        for (const QString &error : result.errors)
            printErr(error + u'\n');
        printErr(u"Nothing was imported: correct the lines above and import the file again.\n"_s);
        return ExitError;
    }

    try {
        const qint64 now = Clock::system().nowMs();
        std::unique_ptr<Database> database = Database::open(m_database, now);
        {
            Transaction transaction(*database);
            CustomerRepository customers(*database);
            SyncRepository changes(*database);
            for (const ImportedCustomer &imported : result.customers) {
                v1::Customer customer;
                customer.set_id(toStd(newUuid()));
                customer.set_name(toStd(imported.name));
                for (const QString &phone : imported.phones)
                    customer.add_phones(toStd(phone));
                customer.set_city(toStd(imported.city));
                customer.set_national_id(toStd(imported.nationalId));
                customer.set_email(toStd(imported.email));
                customer.set_external_id(toStd(imported.externalId));
                setTimestampMs(customer.mutable_created_at(), now);
                customer.set_version(1);
                customers.insert(customer);
                changes.appendChange(QString(), customer, now);
            }
            transaction.commit();
        }
    } catch (const StorageError &error) {
        printErr(u"sanad-server: %1\nNothing was imported.\n"_s.arg(error.message()));
        return ExitError;
    }
    std::printf("imported %lld customers\n", static_cast<long long>(result.customers.size()));
    std::fflush(stdout);
    return ExitOk;
}

} // namespace sanad::server

#include "server/storage/storage.h"

#include "core/casenumber.h"
#include "server/logcategories.h"
#include "server/storage/caserepository.h"
#include "server/storage/customernameindex.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/metarepository.h"
#include "server/storage/referralrepository.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"
#include "server/storage/syncrepository.h"
#include "server/storage/transaction.h"
#include "server/storage/userrepository.h"
#include "server/util/protoutil.h"

#include <QElapsedTimer>
#include <QScopeGuard>

#include <algorithm>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

// The tables a seed fills; their secondary indexes are rebuilt after the load.
const QStringList kSeededTables
    = { u"customers"_s, u"customer_phones"_s, u"verifications"_s, u"cases"_s, u"interactions"_s, u"referrals"_s };

struct IndexDefinition
{
    QString name;
    QString createStatement;
};

QList<IndexDefinition> secondaryIndexes(Database &database)
{
    QList<IndexDefinition> indexes;
    SqlQuery query(database.connection(), database.dialect().secondaryIndexesQuery());
    for (const QString &table : kSeededTables) {
        query.bind(table).exec();
        while (query.next())
            indexes.append(IndexDefinition { query.text(0), query.text(1) });
    }
    return indexes;
}

} // namespace

const QString Storage::kFeaturedPhonesKey = u"demo_featured_phones"_s;

Storage::Storage(Database &database)
    : m_database(database)
{ }

bool Storage::isEmpty()
{
    return UserRepository(m_database).count() == 0 && CustomerRepository(m_database).count() == 0;
}

bool Storage::hasNoCustomers()
{
    return CustomerRepository(m_database).count() == 0;
}

QStringList Storage::featuredPhones()
{
    const QString value = MetaRepository(m_database).value(kFeaturedPhonesKey);
    return value.isEmpty() ? QStringList() : value.split(u',');
}

SeedSummary Storage::seed(const DemoDataset &dataset, const QHash<QString, QString> &passwordHashes, qint64 nowMs)
{
    QElapsedTimer timer;
    timer.start();
    SeedSummary summary;
    const QSqlDatabase db = m_database.connection();
    for (const QString &statement : m_database.dialect().bulkLoadBegin())
        execSql(db, statement);
    // However it ends, the connection gets its normal page cache back.
    const auto restore = qScopeGuard([this, db] {
        try {
            for (const QString &statement : m_database.dialect().bulkLoadEnd())
                execSql(db, statement);
        } catch (const StorageError &error) {
            qCWarning(lcStorage).noquote() << error.message();
        }
    });
    Transaction transaction(m_database);
    // Indexes are built once at the end (a sort), instead of growing at random with every row.
    const QList<IndexDefinition> indexes = secondaryIndexes(m_database);
    for (const IndexDefinition &index : indexes)
        execSql(db, u"DROP INDEX "_s + index.name);
    UserRepository users(m_database);
    CustomerRepository customers(m_database);
    customers.setNameIndexDeferred(true); // rebuilt once, in index order, below
    CaseRepository cases(m_database);
    InteractionRepository interactions(m_database);
    ReferralRepository referrals(m_database);
    SyncRepository changes(m_database);

    for (const SeedUser &seedUser : dataset.users) {
        UserRecord user;
        user.id = newUuid();
        user.username = seedUser.username;
        user.displayName = seedUser.displayName.isEmpty() ? seedUser.username : seedUser.displayName;
        user.role = seedUser.role;
        user.passwordHash = passwordHashes.value(seedUser.username, u"!"_s);
        user.createdAtMs = nowMs;
        if (users.insert(user)) {
            ++summary.users;
            summary.createdUsers.append(user.username);
        } else
            qCWarning(lcStorage) << "a seeded user already exists and was kept as it is";
    }

    // A customer's last contact is its newest interaction that is a contact (not a note).
    QHash<QString, qint64> lastContact;
    lastContact.reserve(dataset.customers.size());
    for (const SeedInteraction &interaction : dataset.interactions) {
        qint64 &last = lastContact[interaction.customerId];
        last = std::max(last, interaction.occurredAtMs);
    }
    QHash<QString, QList<const SeedVerification *>> verificationsOf;
    for (const SeedVerification &verification : dataset.verifications)
        verificationsOf[verification.customerId].append(&verification);

    for (const SeedCustomer &seedCustomer : dataset.customers) {
        v1::Customer customer;
        customer.set_id(toStd(seedCustomer.id));
        customer.set_name(toStd(seedCustomer.name));
        for (const QString &phone : seedCustomer.phones)
            customer.add_phones(toStd(phone));
        customer.set_city(toStd(seedCustomer.city));
        customer.set_national_id(toStd(seedCustomer.nationalId));
        customer.set_email(toStd(seedCustomer.email));
        setTimestampMs(customer.mutable_created_at(), seedCustomer.createdAtMs > 0 ? seedCustomer.createdAtMs : nowMs);
        customer.set_version(1);
        if (const qint64 last = lastContact.value(seedCustomer.id); last > 0)
            setTimestampMs(customer.mutable_last_contact_at(), last);
        QList<const SeedVerification *> verifications = verificationsOf.value(seedCustomer.id);
        std::stable_sort(
            verifications.begin(), verifications.end(),
            [](const SeedVerification *a, const SeedVerification *b) { return a->verifiedAtMs > b->verifiedAtMs; });
        for (const SeedVerification *seedVerification : verifications) {
            v1::Verification *verification = customer.add_verifications();
            verification->set_method(toStd(seedVerification->method));
            setTimestampMs(verification->mutable_verified_at(), seedVerification->verifiedAtMs);
            verification->set_agent_name(toStd(seedVerification->agentName));
        }
        customers.insert(customer);
        changes.appendChange(QString(), customer, nowMs);
        ++summary.customers;
    }

    // Numbers follow the order cases were opened, so SN-2026-000001 is the year's first case.
    QList<const SeedCase *> ordered;
    ordered.reserve(dataset.cases.size());
    for (const SeedCase &seedCase : dataset.cases)
        ordered.append(&seedCase);
    std::stable_sort(ordered.begin(), ordered.end(),
                     [](const SeedCase *a, const SeedCase *b) { return a->openedAtMs < b->openedAtMs; });
    struct CaseInfo
    {
        std::string number;
        std::string category;
    };
    QHash<QString, CaseInfo> caseInfo;
    caseInfo.reserve(ordered.size());
    QHash<int, qint64> lastSequence; // per year, written back to case_counters at the end
    for (const SeedCase *seedCase : ordered) {
        CaseNumber number;
        number.year = CaseRepository::yearOf(seedCase->openedAtMs);
        auto last = lastSequence.find(number.year);
        if (last == lastSequence.end())
            last = lastSequence.insert(number.year, cases.lastSequence(number.year));
        number.sequence = ++*last;
        v1::Case record;
        record.set_id(toStd(seedCase->id));
        record.set_number(toStd(number.toString()));
        record.set_customer_id(toStd(seedCase->customerId));
        record.set_category(toStd(seedCase->category));
        record.set_status(static_cast<v1::CaseStatus>(seedCase->status));
        record.set_priority(static_cast<v1::Priority>(seedCase->priority));
        record.set_location(toStd(seedCase->location));
        record.set_summary(toStd(seedCase->summary));
        setTimestampMs(record.mutable_opened_at(), seedCase->openedAtMs);
        setTimestampMs(record.mutable_updated_at(), std::max(seedCase->updatedAtMs, seedCase->openedAtMs));
        if (seedCase->closedAtMs > 0)
            setTimestampMs(record.mutable_closed_at(), seedCase->closedAtMs);
        record.set_customer_confirmed(seedCase->customerConfirmed);
        record.set_version(1);
        cases.insert(record);
        changes.appendChange(QString(), record, nowMs);
        caseInfo.insert(seedCase->id, CaseInfo { record.number(), record.category() });
        ++summary.cases;
    }

    v1::Interaction interaction;
    for (const SeedInteraction &seedInteraction : dataset.interactions) {
        interaction.Clear();
        interaction.set_id(toStd(seedInteraction.id));
        interaction.set_customer_id(toStd(seedInteraction.customerId));
        interaction.set_channel(static_cast<v1::Channel>(seedInteraction.channel));
        interaction.set_direction(static_cast<v1::Direction>(seedInteraction.direction));
        setTimestampMs(interaction.mutable_occurred_at(), seedInteraction.occurredAtMs);
        interaction.set_agent_name(toStd(seedInteraction.agentName));
        interaction.set_summary(toStd(seedInteraction.summary));
        interaction.set_category(toStd(seedInteraction.category));
        interaction.set_case_id(toStd(seedInteraction.caseId));
        interactions.insert(interaction);
        if (!seedInteraction.caseId.isEmpty()) {
            // Stored without the case's number (a join supplies it); the feed carries both.
            const CaseInfo info = caseInfo.value(seedInteraction.caseId);
            interaction.set_case_number(info.number);
            if (interaction.category().empty())
                interaction.set_category(info.category);
        }
        changes.appendChange(QString(), interaction, nowMs);
        ++summary.interactions;
    }

    v1::Referral referral;
    for (const SeedReferral &seedReferral : dataset.referrals) {
        referral.Clear();
        referral.set_id(toStd(seedReferral.id));
        referral.set_case_id(toStd(seedReferral.caseId));
        referral.set_department(toStd(seedReferral.department));
        referral.set_owner(toStd(seedReferral.owner));
        setTimestampMs(referral.mutable_created_at(), seedReferral.createdAtMs);
        if (seedReferral.dueAtMs > 0)
            setTimestampMs(referral.mutable_due_at(), seedReferral.dueAtMs);
        referral.set_status(static_cast<v1::ReferralStatus>(seedReferral.status));
        referrals.insert(referral);
        changes.appendChange(QString(), referral, nowMs);
        ++summary.referrals;
    }

    for (auto it = lastSequence.cbegin(); it != lastSequence.cend(); ++it)
        cases.setLastSequence(it.key(), it.value());
    CustomerNameIndex::rebuild(m_database);
    for (const IndexDefinition &index : indexes)
        execSql(db, index.createStatement);
    if (!dataset.featuredPhones.isEmpty())
        MetaRepository(m_database).setValue(kFeaturedPhonesKey, dataset.featuredPhones.join(u','));
    transaction.commit();
    qCInfo(lcStorage).nospace() << "seeded " << summary.customers << " customers, " << summary.cases << " cases, "
                                << summary.interactions << " interactions, " << summary.referrals << " referrals in "
                                << timer.elapsed() << " ms";
    return summary;
}

} // namespace sanad::server

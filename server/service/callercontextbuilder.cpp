#include "server/service/callercontextbuilder.h"

#include "core/repeatcontact.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/lifecyclerepository.h"
#include "server/storage/referralrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <unordered_map>

namespace sanad::server {

CallerContextBuilder::CallerContextBuilder(Database &database)
    : m_database(database)
{ }

bool CallerContextBuilder::build(const QString &customerId, qint64 contactsBeforeMs, v1::CallerContext *context)
{
    // One snapshot for every read, so the card, cases and history agree with each other.
    Transaction snapshot(m_database, Transaction::Mode::Read);
    std::optional<v1::Customer> customer = CustomerRepository(m_database).find(customerId);
    if (!customer)
        return false;
    context->set_known(true);
    *context->mutable_customer() = std::move(*customer);

    std::unordered_map<std::string, v1::Case *> caseById;
    const auto caseOf = [&caseById](const std::string &id) -> v1::Case * {
        const auto it = caseById.find(id);
        return it == caseById.end() ? nullptr : it->second;
    };
    LifecycleRepository lifecycle(m_database);
    for (v1::Case &record : CaseRepository(m_database).forCustomer(customerId)) {
        v1::Case *added = context->add_cases();
        *added = std::move(record);
        lifecycle.attach(added); // incident, escalation, awaiting confirmation: the caller can be told
        caseById.emplace(added->id(), added);
    }
    const QList<v1::Interaction> interactions = InteractionRepository(m_database).forCustomer(customerId);
    const QList<v1::Referral> referrals = ReferralRepository(m_database).forCustomer(customerId);
    snapshot.commit();

    QList<PastContact> contacts;
    for (const v1::Interaction &interaction : interactions) {
        *context->add_history() = interaction;
        if (!interaction.case_id().empty()) {
            if (v1::Case *record = caseOf(interaction.case_id()))
                *record->add_interactions() = interaction;
        }
        const qint64 at = timestampMs(interaction.occurred_at());
        if (!interaction.note() && at < contactsBeforeMs)
            contacts.append(PastContact { at, fromStd(interaction.category()), fromStd(interaction.case_id()) });
    }
    for (const v1::Referral &referral : referrals) {
        if (v1::Case *record = caseOf(referral.case_id()))
            *record->add_referrals() = referral;
    }

    // Contacts exactly at the cut-off belong to the call now ringing.
    const RepeatContactSummary summary = summarizeRepeatContacts(contacts, contactsBeforeMs - 1);
    v1::RepeatContact *repeat = context->mutable_repeat_contact();
    repeat->set_repeat(summary.isRepeat());
    repeat->set_contacts_last_7_days(summary.contactsInWindow);
    repeat->set_category(toStd(summary.category));
    repeat->set_case_id(toStd(summary.caseId));
    if (const v1::Case *record = caseOf(toStd(summary.caseId)))
        repeat->set_case_number(record->number());
    if (summary.lastContactAtMs > 0)
        setTimestampMs(repeat->mutable_last_contact_at(), summary.lastContactAtMs);
    return true;
}

} // namespace sanad::server

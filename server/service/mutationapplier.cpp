#include "server/service/mutationapplier.h"

#include "core/casestatus.h"
#include "core/category.h"
#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/service/caselifecycle.h"
#include "server/service/scriptrunrecorder.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/syncrepository.h"
#include "server/storage/transaction.h"
#include "server/util/protoutil.h"

#include <QStringList>

namespace sanad::server {

using namespace Qt::StringLiterals;

v1::MutationResult mutationOutcome(const QString &mutationId, v1::MutationOutcome kind, const QString &detail,
                                   qint64 newVersion, const QString &entityId)
{
    v1::MutationResult result;
    result.set_mutation_id(toStd(mutationId));
    result.set_outcome(kind);
    result.set_detail(toStd(detail));
    result.set_new_version(newVersion);
    result.set_entity_id(toStd(entityId));
    return result;
}

v1::MutationResult rejectedMutation(const QString &mutationId, const QString &detail)
{
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_REJECTED, detail);
}

namespace {

QString idOrNew(const std::string &id)
{
    const QString given = fromStd(id).trimmed();
    return given.isEmpty() ? newUuid() : given;
}

} // namespace

MutationApplier::MutationApplier(Database &database, const PhoneNumberNormalizer &normalizer, const Clock &clock,
                                 const CasePolicy &policy)
    : m_database(database)
    , m_normalizer(normalizer)
    , m_clock(clock)
    , m_policy(policy)
{ }

v1::MutationResult MutationApplier::apply(const v1::Mutation &mutation, const MutationAuthor &author)
{
    const QString mutationId = fromStd(mutation.mutation_id()).trimmed();
    if (mutationId.isEmpty())
        return rejectedMutation(QString(),
                                u"The mutation has no mutation_id: give every mutation its own new UUID, and "
                                "keep it when you retry."_s);

    // No transaction of its own: the caller's (applyBatch) holds the whole batch, so a database
    // failure part-way rolls every mutation of the batch back and a retry applies each once.
    SyncRepository sync(m_database);
    if (const std::optional<MutationRecord> first = sync.findMutation(mutationId)) {
        // Answered from the record: the same data as the first time, nothing applied again.
        return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_DUPLICATE, first->detail, first->newVersion,
                               first->entityId);
    }

    const qint64 now = m_clock.nowMs();
    v1::MutationResult result;
    switch (mutation.payload_case()) {
    case v1::Mutation::kCreateCustomer:
        result = createCustomer(mutationId, mutation.create_customer(), now);
        break;
    case v1::Mutation::kCreateCase:
        result = createCase(mutationId, mutation.create_case(), now);
        break;
    case v1::Mutation::kAddNote:
        result = addNote(mutationId, mutation.add_note(), author, now);
        break;
    case v1::Mutation::kChangeCaseStatus:
        result = changeCaseStatus(mutationId, mutation.base_version(), mutation.change_case_status(), now);
        break;
    case v1::Mutation::kAddInteraction:
        result = addInteraction(mutationId, mutation.add_interaction(), author, now);
        break;
    case v1::Mutation::kRecordScriptRun:
        result = ScriptRunRecorder(m_database, m_normalizer, m_policy)
                     .apply(mutationId, mutation.record_script_run(), author, now);
        break;
    case v1::Mutation::kConfirmResolution:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).confirmResolution(mutationId, mutation, now);
        break;
    case v1::Mutation::kReferCase:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).referCase(mutationId, mutation, now);
        break;
    case v1::Mutation::kLinkToIncident:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).linkToIncident(mutationId, mutation, now);
        break;
    case v1::Mutation::kRecordWrapUp:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).recordWrapUp(mutationId, mutation, author, now);
        break;
    case v1::Mutation::kScheduleCallback:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).scheduleCallback(mutationId, mutation, now);
        break;
    case v1::Mutation::kRecordCallbackAttempt:
        result = CaseLifecycle(m_database, m_normalizer, m_policy).recordCallbackAttempt(mutationId, mutation, now);
        break;
    case v1::Mutation::PAYLOAD_NOT_SET:
        result = rejectedMutation(mutationId,
                                  u"The mutation carries no change (its payload is empty, or a kind of change "
                                  "this server does not know yet): update the desktop, or drop the mutation."_s);
        break;
    }

    MutationRecord record;
    record.mutationId = mutationId;
    record.userId = author.userId;
    record.outcome = result.outcome();
    record.detail = fromStd(result.detail());
    record.newVersion = result.new_version();
    record.entityId = fromStd(result.entity_id());
    record.appliedAtMs = now;
    sync.recordMutation(record);
    return result;
}

QList<v1::MutationResult> MutationApplier::applyBatch(const google::protobuf::RepeatedPtrField<v1::Mutation> &mutations,
                                                      const MutationAuthor &author)
{
    QList<v1::MutationResult> results;
    results.reserve(mutations.size());
    Transaction transaction(m_database);
    for (const v1::Mutation &mutation : mutations)
        results.append(apply(mutation, author));
    transaction.commit();
    return results;
}

v1::MutationResult MutationApplier::createCustomer(const QString &mutationId, const v1::CreateCustomer &change,
                                                   qint64 nowMs)
{
    const QString name = fromStd(change.name()).simplified();
    if (name.isEmpty())
        return rejectedMutation(mutationId, u"The new customer has no name: enter the customer's name."_s);
    if (name.size() > kMaxNameLength)
        return rejectedMutation(mutationId,
                                u"The customer's name has %1 characters; at most %2 fit: shorten it."_s.arg(name.size())
                                    .arg(kMaxNameLength));
    QStringList phones;
    for (const std::string &raw : change.phones()) {
        const QString input = fromStd(raw);
        if (input.trimmed().isEmpty())
            continue;
        const PhoneNumber number = m_normalizer.parseForStorage(input);
        if (!number.ok())
            return rejectedMutation(mutationId, number.message(input));
        if (!phones.contains(number.e164))
            phones.append(number.e164);
    }
    if (phones.isEmpty())
        return rejectedMutation(mutationId, u"The new customer has no phone number: enter at least one."_s);

    const QString id = idOrNew(change.customer_id());
    CustomerRepository customers(m_database);
    if (customers.exists(id))
        return rejectedMutation(mutationId,
                                u"A customer with the id %1 already exists: create the customer with a new "
                                "UUID."_s.arg(id));
    v1::Customer customer;
    customer.set_id(toStd(id));
    customer.set_name(toStd(name));
    for (const QString &phone : std::as_const(phones))
        customer.add_phones(toStd(phone));
    customer.set_city(toStd(fromStd(change.city()).simplified()));
    customer.set_national_id(toStd(fromStd(change.national_id()).trimmed()));
    customer.set_email(toStd(fromStd(change.email()).trimmed()));
    setTimestampMs(customer.mutable_created_at(), nowMs);
    customer.set_version(1);
    customers.insert(customer);
    SyncRepository(m_database).appendChange(mutationId, customer, nowMs);
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), 1, id);
}

v1::MutationResult MutationApplier::createCase(const QString &mutationId, const v1::CreateCase &change, qint64 nowMs)
{
    const QString customerId = fromStd(change.customer_id()).trimmed();
    if (customerId.isEmpty() || !CustomerRepository(m_database).exists(customerId))
        return rejectedMutation(mutationId,
                                u"The case's customer \"%1\" does not exist on the server: create the customer "
                                "first (push its create_customer before the case)."_s.arg(customerId));
    const QString category = fromStd(change.category());
    if (!findCategory(category))
        return rejectedMutation(mutationId,
                                u"\"%1\" is not a case category: choose one of the categories the desktop "
                                "lists."_s.arg(category));
    const int priority = change.priority();
    if (priority < v1::PRIORITY_UNSPECIFIED || priority > v1::PRIORITY_URGENT)
        return rejectedMutation(mutationId,
                                u"The priority is not a known sanad.v1.Priority value: choose low, normal, high "
                                "or urgent."_s);

    const QString id = idOrNew(change.case_id());
    CaseRepository cases(m_database);
    if (cases.find(id))
        return rejectedMutation(mutationId,
                                u"A case with the id %1 already exists: create the case with a new UUID."_s.arg(id));
    v1::Case record;
    record.set_id(toStd(id));
    record.set_number(toStd(cases.nextNumber(nowMs)));
    record.set_customer_id(toStd(customerId));
    record.set_category(toStd(category));
    record.set_status(v1::CASE_STATUS_NEW);
    record.set_priority(priority == v1::PRIORITY_UNSPECIFIED ? v1::PRIORITY_NORMAL
                                                             : static_cast<v1::Priority>(priority));
    record.set_location(toStd(fromStd(change.location()).trimmed()));
    record.set_summary(change.summary());
    setTimestampMs(record.mutable_opened_at(), nowMs);
    setTimestampMs(record.mutable_updated_at(), nowMs);
    record.set_version(1);
    cases.insert(record);
    CaseLifecycle(m_database, m_normalizer, m_policy).onCaseCreated(&record, nowMs);
    CaseLifecycle(m_database, m_normalizer, m_policy).countRepeatCase(record, nowMs);
    SyncRepository(m_database).appendChange(mutationId, record, nowMs);
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), 1, id);
}

v1::MutationResult MutationApplier::addNote(const QString &mutationId, const v1::AddNote &change,
                                            const MutationAuthor &author, qint64 nowMs)
{
    const QString caseId = fromStd(change.case_id()).trimmed();
    const std::optional<v1::Case> record = caseId.isEmpty() ? std::nullopt : CaseRepository(m_database).find(caseId);
    if (!record)
        return rejectedMutation(mutationId,
                                u"The case \"%1\" does not exist on the server: push the case before its "
                                "notes."_s.arg(caseId));
    if (fromStd(change.text()).trimmed().isEmpty())
        return rejectedMutation(mutationId, u"The note is empty: write the note's text."_s);

    // A note is an append-only interaction marked note; it leaves the case's version alone.
    v1::Interaction note;
    note.set_id(toStd(newUuid()));
    note.set_case_id(record->id());
    note.set_case_number(record->number());
    note.set_customer_id(record->customer_id());
    note.set_channel(v1::CHANNEL_UNSPECIFIED);
    note.set_direction(v1::DIRECTION_UNSPECIFIED);
    setTimestampMs(note.mutable_occurred_at(), nowMs);
    note.set_agent_name(toStd(author.displayName));
    note.set_summary(change.text());
    note.set_category(record->category());
    note.set_note(true);
    InteractionRepository(m_database).insert(note);
    SyncRepository(m_database).appendChange(mutationId, note, nowMs);
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), record->version(), fromStd(note.id()));
}

v1::MutationResult MutationApplier::changeCaseStatus(const QString &mutationId, qint64 baseVersion,
                                                     const v1::ChangeCaseStatus &change, qint64 nowMs)
{
    const QString caseId = fromStd(change.case_id()).trimmed();
    CaseRepository cases(m_database);
    std::optional<v1::Case> record = caseId.isEmpty() ? std::nullopt : cases.find(caseId);
    if (!record)
        return rejectedMutation(mutationId,
                                u"The case \"%1\" does not exist on the server: push the case before changing "
                                "its status."_s.arg(caseId));
    if (baseVersion != record->version())
        return mutationOutcome(
            mutationId, v1::MUTATION_OUTCOME_CONFLICT,
            u"Case %1 is at version %2 on the server, but this change was made on version %3: someone "
            "changed it meanwhile. Reload the case, then change its status again."_s.arg(fromStd(record->number()))
                .arg(record->version())
                .arg(baseVersion),
            record->version(), caseId);
    const int target = change.status();
    if (target < v1::CASE_STATUS_UNSPECIFIED || target > v1::CASE_STATUS_AWAITING_CONFIRMATION)
        return rejectedMutation(mutationId,
                                u"The status is not a known sanad.v1.CaseStatus value: update the desktop."_s);
    const auto from = static_cast<CaseStatus>(record->status());
    const auto to = static_cast<CaseStatus>(target);
    if (const std::optional<QString> refusal = transitionRefusal(from, to, change.customer_confirmed()))
        return rejectedMutation(mutationId, *refusal);

    record->set_status(static_cast<v1::CaseStatus>(target));
    record->set_version(record->version() + 1);
    setTimestampMs(record->mutable_updated_at(), nowMs);
    if (isOpenStatus(to)) {
        record->clear_closed_at();
        record->set_customer_confirmed(false);
    } else {
        setTimestampMs(record->mutable_closed_at(), nowMs);
        record->set_customer_confirmed(record->customer_confirmed() || change.customer_confirmed());
    }
    cases.updateStatus(*record);
    CaseLifecycle(m_database, m_normalizer, m_policy).onStatusChanged(&*record, from, nowMs);
    SyncRepository(m_database).appendChange(mutationId, *record, nowMs);
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), record->version(), caseId);
}

v1::MutationResult MutationApplier::addInteraction(const QString &mutationId, const v1::AddInteraction &change,
                                                   const MutationAuthor &author, qint64 nowMs)
{
    const QString customerId = fromStd(change.customer_id()).trimmed();
    CustomerRepository customers(m_database);
    if (customerId.isEmpty() || !customers.exists(customerId))
        return rejectedMutation(mutationId,
                                u"The contact's customer \"%1\" does not exist on the server: create the "
                                "customer first."_s.arg(customerId));
    const QString caseId = fromStd(change.case_id()).trimmed();
    std::optional<v1::Case> record;
    if (!caseId.isEmpty()) {
        record = CaseRepository(m_database).find(caseId);
        if (!record)
            return rejectedMutation(mutationId,
                                    u"The case \"%1\" does not exist on the server: push the case before its "
                                    "contacts."_s.arg(caseId));
        if (fromStd(record->customer_id()) != customerId)
            return rejectedMutation(mutationId,
                                    u"Case %1 belongs to another customer: record the contact on one of this "
                                    "customer's cases, or on none."_s.arg(fromStd(record->number())));
    }
    const int channel = change.channel();
    if (channel <= v1::CHANNEL_UNSPECIFIED || channel > v1::CHANNEL_WALK_IN)
        return rejectedMutation(mutationId,
                                u"The contact has no channel: say whether it was a call, SMS, e-mail, web, app, "
                                "WhatsApp or walk-in contact."_s);
    const int direction = change.direction();
    if (direction < v1::DIRECTION_UNSPECIFIED || direction > v1::DIRECTION_OUTBOUND)
        return rejectedMutation(mutationId,
                                u"The direction is not a known sanad.v1.Direction value: update the desktop."_s);

    const QString id = idOrNew(change.interaction_id());
    InteractionRepository interactions(m_database);
    if (interactions.exists(id))
        return rejectedMutation(mutationId,
                                u"A contact with the id %1 already exists: record it with a new UUID."_s.arg(id));
    const qint64 occurredAt = change.has_occurred_at() ? timestampMs(change.occurred_at()) : nowMs;
    v1::Interaction interaction;
    interaction.set_id(toStd(id));
    interaction.set_customer_id(toStd(customerId));
    interaction.set_channel(static_cast<v1::Channel>(channel));
    interaction.set_direction(direction == v1::DIRECTION_UNSPECIFIED ? v1::DIRECTION_INBOUND
                                                                     : static_cast<v1::Direction>(direction));
    setTimestampMs(interaction.mutable_occurred_at(), occurredAt);
    interaction.set_agent_name(toStd(author.displayName));
    interaction.set_summary(change.summary());
    // A repeat contact is linked to the case it repeats and counted there (docs/cases.md).
    const QString repeated = CaseLifecycle(m_database, m_normalizer, m_policy)
                                 .onContact(customerId, record ? fromStd(record->id()) : QString(), occurredAt);
    if (!record && !repeated.isEmpty())
        record = CaseRepository(m_database).find(repeated);
    if (record) {
        interaction.set_case_id(record->id());
        interaction.set_category(record->category());
    }
    interactions.insert(interaction);
    if (record)
        interaction.set_case_number(record->number());
    customers.touchLastContact(customerId, occurredAt);
    SyncRepository(m_database).appendChange(mutationId, interaction, nowMs);
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, QString(), 1, id);
}

} // namespace sanad::server

#include "client/protoconvert.h"

namespace sanad::client::convert {

namespace {

QString text(const std::string &value)
{
    return QString::fromStdString(value);
}

// Casts a proto enum value to its core twin, or Unspecified when this build does not know it.
template<typename Enum> Enum knownOr(int value, int lastKnown)
{
    if (value < 0 || value > lastKnown)
        return Enum::Unspecified;
    return static_cast<Enum>(value);
}

} // namespace

QDateTime toDateTime(bool isSet, const google::protobuf::Timestamp &timestamp)
{
    if (!isSet)
        return {};
    const qint64 ms = timestamp.seconds() * 1000 + timestamp.nanos() / 1000000;
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

void toTimestamp(const QDateTime &dateTime, google::protobuf::Timestamp *timestamp)
{
    const qint64 ms = dateTime.toMSecsSinceEpoch();
    // Floor division, so that times before 1970 keep 0 <= nanos < 1e9 as Timestamp requires.
    qint64 seconds = ms / 1000;
    qint64 restMs = ms % 1000;
    if (restMs < 0) {
        seconds -= 1;
        restMs += 1000;
    }
    timestamp->set_seconds(seconds);
    timestamp->set_nanos(static_cast<int>(restMs * 1000000));
}

Role toRole(v1::Role role)
{
    return knownOr<Role>(role, static_cast<int>(Role::Cti));
}

Channel toChannel(v1::Channel channel)
{
    return knownOr<Channel>(channel, static_cast<int>(Channel::WalkIn));
}

Direction toDirection(v1::Direction direction)
{
    return knownOr<Direction>(direction, static_cast<int>(Direction::Outbound));
}

Priority toPriority(v1::Priority priority)
{
    return knownOr<Priority>(priority, static_cast<int>(Priority::Urgent));
}

ReferralStatus toReferralStatus(v1::ReferralStatus status)
{
    return knownOr<ReferralStatus>(status, static_cast<int>(ReferralStatus::Cancelled));
}

CaseStatus toCaseStatus(v1::CaseStatus status)
{
    return knownOr<CaseStatus>(status, static_cast<int>(CaseStatus::AwaitingConfirmation));
}

AgentState toAgentState(v1::AgentState state)
{
    return knownOr<AgentState>(state, static_cast<int>(AgentState::Break));
}

RevokeReason toRevokeReason(v1::RevokeReason reason)
{
    return knownOr<RevokeReason>(reason, static_cast<int>(RevokeReason::Taken));
}

SearchMatch toSearchMatch(v1::SearchMatchKind kind)
{
    return knownOr<SearchMatch>(kind, static_cast<int>(SearchMatch::NamePartial));
}

v1::AgentState toProto(AgentState state)
{
    return static_cast<v1::AgentState>(state);
}

Verification toVerification(const v1::Verification &verification)
{
    Verification v;
    v.method = text(verification.method());
    v.verifiedAt = toDateTime(verification.has_verified_at(), verification.verified_at());
    v.agentName = text(verification.agent_name());
    return v;
}

CustomerInfo toCustomer(const v1::Customer &customer)
{
    CustomerInfo c;
    c.id = text(customer.id());
    c.name = text(customer.name());
    c.phones.reserve(customer.phones_size());
    for (const std::string &phone : customer.phones())
        c.phones.append(text(phone));
    c.city = text(customer.city());
    c.nationalId = text(customer.national_id());
    c.email = text(customer.email());
    c.externalId = text(customer.external_id());
    c.createdAt = toDateTime(customer.has_created_at(), customer.created_at());
    c.lastContactAt = toDateTime(customer.has_last_contact_at(), customer.last_contact_at());
    c.version = customer.version();
    c.verifications.reserve(customer.verifications_size());
    for (const v1::Verification &verification : customer.verifications())
        c.verifications.append(toVerification(verification));
    return c;
}

InteractionInfo toInteraction(const v1::Interaction &interaction)
{
    InteractionInfo i;
    i.id = text(interaction.id());
    i.caseId = text(interaction.case_id());
    i.caseNumber = text(interaction.case_number());
    i.customerId = text(interaction.customer_id());
    i.channel = toChannel(interaction.channel());
    i.direction = toDirection(interaction.direction());
    i.occurredAt = toDateTime(interaction.has_occurred_at(), interaction.occurred_at());
    i.agentName = text(interaction.agent_name());
    i.summary = text(interaction.summary());
    i.category = text(interaction.category());
    i.note = interaction.note();
    i.scriptId = text(interaction.script_id());
    i.scriptVersion = interaction.script_version();
    i.scriptTranscript = QByteArray::fromStdString(interaction.script_transcript());
    i.scriptOutcome = text(interaction.script_outcome());
    return i;
}

ReferralInfo toReferral(const v1::Referral &referral)
{
    ReferralInfo r;
    r.id = text(referral.id());
    r.caseId = text(referral.case_id());
    r.department = text(referral.department());
    r.owner = text(referral.owner());
    r.dueAt = toDateTime(referral.has_due_at(), referral.due_at());
    r.createdAt = toDateTime(referral.has_created_at(), referral.created_at());
    r.status = toReferralStatus(referral.status());
    return r;
}

CaseInfo toCase(const v1::Case &caseRecord)
{
    CaseInfo c;
    c.id = text(caseRecord.id());
    c.number = text(caseRecord.number());
    c.customerId = text(caseRecord.customer_id());
    c.status = toCaseStatus(caseRecord.status());
    c.version = caseRecord.version();
    c.category = text(caseRecord.category());
    c.priority = toPriority(caseRecord.priority());
    c.location = text(caseRecord.location());
    c.summary = text(caseRecord.summary());
    c.openedAt = toDateTime(caseRecord.has_opened_at(), caseRecord.opened_at());
    c.updatedAt = toDateTime(caseRecord.has_updated_at(), caseRecord.updated_at());
    c.closedAt = toDateTime(caseRecord.has_closed_at(), caseRecord.closed_at());
    c.customerConfirmed = caseRecord.customer_confirmed();
    c.incidentId = text(caseRecord.incident_id());
    c.incidentReports = caseRecord.incident_reports();
    c.incidentNumber = text(caseRecord.incident_number());
    c.escalated = caseRecord.escalated();
    c.awaitingConfirmationSince = toDateTime(caseRecord.has_awaiting_confirmation_since(),
                                             caseRecord.awaiting_confirmation_since());
    c.reopenCount = caseRecord.reopen_count();
    c.referrals.reserve(caseRecord.referrals_size());
    for (const v1::Referral &referral : caseRecord.referrals())
        c.referrals.append(toReferral(referral));
    c.interactions.reserve(caseRecord.interactions_size());
    for (const v1::Interaction &interaction : caseRecord.interactions())
        c.interactions.append(toInteraction(interaction));
    return c;
}

RepeatContactInfo toRepeatContact(const v1::RepeatContact &repeat)
{
    RepeatContactInfo r;
    r.repeat = repeat.repeat();
    r.contactsLast7Days = repeat.contacts_last_7_days();
    r.category = text(repeat.category());
    r.caseId = text(repeat.case_id());
    r.caseNumber = text(repeat.case_number());
    r.lastContactAt = toDateTime(repeat.has_last_contact_at(), repeat.last_contact_at());
    return r;
}

CallerContext toCallerContext(const v1::CallerContext &context)
{
    CallerContext c;
    c.known = context.known();
    c.normalizedNumber = text(context.normalized_number());
    c.numberValid = context.number_valid();
    if (context.has_customer())
        c.customer = toCustomer(context.customer());
    c.cases.reserve(context.cases_size());
    for (const v1::Case &caseRecord : context.cases())
        c.cases.append(toCase(caseRecord));
    c.history.reserve(context.history_size());
    for (const v1::Interaction &interaction : context.history())
        c.history.append(toInteraction(interaction));
    if (context.has_repeat_contact())
        c.repeatContact = toRepeatContact(context.repeat_contact());
    return c;
}

ContactOffer toContactOffer(const v1::ContactOffered &offered)
{
    ContactOffer o;
    o.callId = text(offered.call_id());
    o.callerNumber = text(offered.caller_number());
    o.normalizedNumber = text(offered.normalized_number());
    o.queue = text(offered.queue());
    const Channel channel = toChannel(offered.channel());
    o.channel = channel == Channel::Unspecified ? Channel::Voice : channel;
    o.offeredAt = toDateTime(offered.has_offered_at(), offered.offered_at());
    o.expiresAt = toDateTime(offered.has_expires_at(), offered.expires_at());
    o.enqueuedAt = toDateTime(offered.has_enqueued_at(), offered.enqueued_at());
    if (offered.has_callback()) {
        const v1::CallbackTask &task = offered.callback();
        o.callback.id = text(task.id());
        o.callback.version = task.version();
        o.callback.reason = text(task.reason());
        o.callback.caseId = text(task.case_id());
        o.callback.createdAt = toDateTime(task.has_created_at(), task.created_at());
        o.callback.attempts = task.attempts();
    }
    return o;
}

QList<SearchResult> toSearchResults(const v1::SearchCustomersResponse &response)
{
    QList<SearchResult> results;
    results.reserve(response.customers_size());
    for (int i = 0; i < response.customers_size(); ++i) {
        SearchResult result;
        result.customer = toCustomer(response.customers(i));
        if (i < response.matches_size()) {
            result.match = toSearchMatch(response.matches(i).kind());
            result.caseNumber = text(response.matches(i).case_number());
        }
        results.append(std::move(result));
    }
    return results;
}

Session toSession(const v1::LoginResponse &response, const QString &serverAddress, const QString &typedUsername)
{
    Session s;
    s.serverAddress = serverAddress;
    s.token = text(response.token());
    s.userId = text(response.user_id());
    s.username = response.username().empty() ? typedUsername : text(response.username());
    s.displayName = text(response.display_name());
    s.role = toRole(response.role());
    s.expiresAt = toDateTime(response.has_expires_at(), response.expires_at());
    if (!response.phone_region().empty()) // an older server does not say: Oman, its default
        s.phoneRegion = text(response.phone_region());
    return s;
}

v1::Mutation toCreateCustomerMutation(const NewCustomer &customer, const QString &mutationId, const QString &customerId)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(mutationId.toStdString());
    mutation.set_base_version(0);
    v1::CreateCustomer *create = mutation.mutable_create_customer();
    create->set_customer_id(customerId.toStdString());
    create->set_name(customer.name.toStdString());
    for (const QString &phone : customer.phones)
        create->add_phones(phone.toStdString());
    create->set_city(customer.city.toStdString());
    create->set_national_id(customer.nationalId.toStdString());
    create->set_email(customer.email.toStdString());
    return mutation;
}

AgentEventInfo toAgentEvent(const v1::AgentEvent &event)
{
    AgentEventInfo e;
    e.at = toDateTime(event.has_at(), event.at());
    switch (event.event_case()) {
    case v1::AgentEvent::kContactOffered:
        e.kind = AgentEventInfo::Kind::Offered;
        e.offer = toContactOffer(event.contact_offered());
        e.callId = e.offer.callId;
        break;
    case v1::AgentEvent::kContactRevoked:
        e.kind = AgentEventInfo::Kind::Revoked;
        e.callId = text(event.contact_revoked().call_id());
        e.revokeReason = toRevokeReason(event.contact_revoked().reason());
        break;
    case v1::AgentEvent::kContactAccepted:
        e.kind = AgentEventInfo::Kind::Accepted;
        e.callId = text(event.contact_accepted().call_id());
        break;
    case v1::AgentEvent::kContactEnded:
        e.kind = AgentEventInfo::Kind::Ended;
        e.callId = text(event.contact_ended().call_id());
        break;
    case v1::AgentEvent::kPresenceChanged:
        e.kind = AgentEventInfo::Kind::Presence;
        e.state = toAgentState(event.presence_changed().state());
        e.since = toDateTime(event.presence_changed().has_since(), event.presence_changed().since());
        e.reason = text(event.presence_changed().reason());
        break;
    case v1::AgentEvent::kChangesAvailable:
        e.kind = AgentEventInfo::Kind::ChangesAvailable;
        break;
    case v1::AgentEvent::EVENT_NOT_SET:
        break;
    }
    return e;
}

} // namespace sanad::client::convert

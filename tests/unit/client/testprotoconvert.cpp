#include "client/protoconvert.h"

#include <QTest>

using namespace sanad;
using namespace sanad::client;

namespace {

// 2026-03-01T08:15:30.250Z
constexpr qint64 BaseMs = 1772352930250;

QDateTime utc(qint64 ms)
{
    return QDateTime::fromMSecsSinceEpoch(ms, Qt::UTC);
}

void setTime(google::protobuf::Timestamp *timestamp, qint64 ms)
{
    convert::toTimestamp(utc(ms), timestamp);
}

void fillInteraction(v1::Interaction *i, const std::string &id, qint64 ms, bool note)
{
    i->set_id(id);
    i->set_case_id("case-1");
    i->set_case_number("SN-2026-000123");
    i->set_customer_id("cust-1");
    i->set_channel(v1::CHANNEL_WHATSAPP);
    i->set_direction(v1::DIRECTION_OUTBOUND);
    setTime(i->mutable_occurred_at(), ms);
    i->set_agent_name("مريم البلوشي");
    i->set_summary("انقطاع المياه منذ الصباح");
    i->set_category("water.supply_cut");
    i->set_note(note);
}

v1::Customer fullCustomer()
{
    v1::Customer c;
    c.set_id("cust-1");
    c.set_name("سالم بن خلفان الحارثي");
    c.add_phones("+96891234567");
    c.add_phones("+96824123456");
    c.set_city("مسقط");
    c.set_national_id("12345678");
    c.set_email("salem@example.om");
    c.set_external_id("CRM-77");
    setTime(c.mutable_created_at(), BaseMs - 86400000);
    c.set_version(7);
    v1::Verification *newer = c.add_verifications();
    newer->set_method("one_time_code");
    setTime(newer->mutable_verified_at(), BaseMs - 3600000);
    newer->set_agent_name("Aisha");
    v1::Verification *older = c.add_verifications();
    older->set_method("knowledge_questions");
    setTime(older->mutable_verified_at(), BaseMs - 7200000);
    older->set_agent_name("خالد");
    setTime(c.mutable_last_contact_at(), BaseMs - 60000);
    return c;
}

} // namespace

class TestProtoConvert final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void timestamps();
    void timestampRoundTripBefore1970();
    void customerEveryField();
    void interactionEveryField();
    void referralEveryField();
    void caseEveryField();
    void repeatContactEveryField();
    void callerContextKnown();
    void callerContextUnknown();
    void unsetTimesAreNull();
    void contactOffered();
    void contactOfferedWithoutChannelIsVoice();
    void agentEvents();
    void unknownEnumValuesBecomeUnspecified();
    void session();
    void searchResponse();
    void createCustomerMutation();
};

void TestProtoConvert::timestamps()
{
    google::protobuf::Timestamp ts;
    ts.set_seconds(1772352930);
    ts.set_nanos(250999999); // sub-millisecond part is dropped
    const QDateTime dt = convert::toDateTime(true, ts);
    QCOMPARE(dt, utc(BaseMs));
    QCOMPARE(dt.timeSpec(), Qt::UTC);
    QCOMPARE(dt.toString(Qt::ISODateWithMs), QStringLiteral("2026-03-01T08:15:30.250Z"));

    QVERIFY(convert::toDateTime(false, ts).isNull());

    google::protobuf::Timestamp back;
    convert::toTimestamp(dt, &back);
    QCOMPARE(back.seconds(), 1772352930);
    QCOMPARE(back.nanos(), 250000000);
}

void TestProtoConvert::timestampRoundTripBefore1970()
{
    const QDateTime before = utc(-1500); // 1969-12-31T23:59:58.500Z
    google::protobuf::Timestamp ts;
    convert::toTimestamp(before, &ts);
    QCOMPARE(ts.seconds(), -2);
    QCOMPARE(ts.nanos(), 500000000);
    QCOMPARE(convert::toDateTime(true, ts), before);
}

void TestProtoConvert::customerEveryField()
{
    const CustomerInfo c = convert::toCustomer(fullCustomer());
    QCOMPARE(c.id, QStringLiteral("cust-1"));
    QCOMPARE(c.name, QStringLiteral("سالم بن خلفان الحارثي"));
    QCOMPARE(c.phones, (QStringList { QStringLiteral("+96891234567"), QStringLiteral("+96824123456") }));
    QCOMPARE(c.city, QStringLiteral("مسقط"));
    QCOMPARE(c.nationalId, QStringLiteral("12345678"));
    QCOMPARE(c.email, QStringLiteral("salem@example.om"));
    QCOMPARE(c.externalId, QStringLiteral("CRM-77"));
    QCOMPARE(c.createdAt, utc(BaseMs - 86400000));
    QCOMPARE(c.lastContactAt, utc(BaseMs - 60000));
    QCOMPARE(c.version, qint64(7));
    QCOMPARE(c.verifications.size(), 2);
    QCOMPARE(c.verifications[0].method, QStringLiteral("one_time_code"));
    QCOMPARE(c.verifications[0].verifiedAt, utc(BaseMs - 3600000));
    QCOMPARE(c.verifications[0].agentName, QStringLiteral("Aisha"));
    QCOMPARE(c.verifications[1].method, QStringLiteral("knowledge_questions"));
    QCOMPARE(c.verifications[1].verifiedAt, utc(BaseMs - 7200000));
    QCOMPARE(c.verifications[1].agentName, QStringLiteral("خالد"));
}

void TestProtoConvert::interactionEveryField()
{
    v1::Interaction proto;
    fillInteraction(&proto, "int-1", BaseMs, true);
    const InteractionInfo i = convert::toInteraction(proto);
    QCOMPARE(i.id, QStringLiteral("int-1"));
    QCOMPARE(i.caseId, QStringLiteral("case-1"));
    QCOMPARE(i.caseNumber, QStringLiteral("SN-2026-000123"));
    QCOMPARE(i.customerId, QStringLiteral("cust-1"));
    QCOMPARE(i.channel, Channel::WhatsApp);
    QCOMPARE(i.direction, Direction::Outbound);
    QCOMPARE(i.occurredAt, utc(BaseMs));
    QCOMPARE(i.agentName, QStringLiteral("مريم البلوشي"));
    QCOMPARE(i.summary, QStringLiteral("انقطاع المياه منذ الصباح"));
    QCOMPARE(i.category, QStringLiteral("water.supply_cut"));
    QCOMPARE(i.note, true);

    proto.set_note(false);
    QCOMPARE(convert::toInteraction(proto).note, false);
}

void TestProtoConvert::referralEveryField()
{
    v1::Referral proto;
    proto.set_id("ref-1");
    proto.set_case_id("case-1");
    proto.set_department("قسم الإنارة");
    proto.set_owner("Hamad");
    setTime(proto.mutable_due_at(), BaseMs - 2 * 86400000);
    proto.set_status(v1::REFERRAL_STATUS_IN_PROGRESS);
    setTime(proto.mutable_created_at(), BaseMs - 5 * 86400000);
    const ReferralInfo r = convert::toReferral(proto);
    QCOMPARE(r.id, QStringLiteral("ref-1"));
    QCOMPARE(r.caseId, QStringLiteral("case-1"));
    QCOMPARE(r.department, QStringLiteral("قسم الإنارة"));
    QCOMPARE(r.owner, QStringLiteral("Hamad"));
    QCOMPARE(r.dueAt, utc(BaseMs - 2 * 86400000));
    QCOMPARE(r.createdAt, utc(BaseMs - 5 * 86400000));
    QCOMPARE(r.status, ReferralStatus::InProgress);
    // What the agent sees: an open referral two days past its due time is overdue.
    QVERIFY(r.isOpen());
    QVERIFY(r.isOverdue(utc(BaseMs)));
}

void TestProtoConvert::caseEveryField()
{
    v1::Case proto;
    proto.set_id("case-1");
    proto.set_number("SN-2026-000123");
    proto.set_customer_id("cust-1");
    proto.set_status(v1::CASE_STATUS_REFERRED);
    proto.set_version(4);
    proto.set_category("roads.street_light");
    setTime(proto.mutable_opened_at(), BaseMs - 10 * 86400000);
    fillInteraction(proto.add_interactions(), "int-2", BaseMs - 1000, false);
    fillInteraction(proto.add_interactions(), "int-1", BaseMs - 2000, true);
    v1::Referral *referral = proto.add_referrals();
    referral->set_id("ref-1");
    referral->set_status(v1::REFERRAL_STATUS_OPEN);
    proto.set_priority(v1::PRIORITY_URGENT);
    proto.set_location("الخوض، شارع 12");
    proto.set_summary("عمود إنارة معطل");
    setTime(proto.mutable_updated_at(), BaseMs - 86400000);
    setTime(proto.mutable_closed_at(), BaseMs - 1000);
    proto.set_customer_confirmed(true);

    const CaseInfo c = convert::toCase(proto);
    QCOMPARE(c.id, QStringLiteral("case-1"));
    QCOMPARE(c.number, QStringLiteral("SN-2026-000123"));
    QCOMPARE(c.customerId, QStringLiteral("cust-1"));
    QCOMPARE(c.status, CaseStatus::Referred);
    QCOMPARE(c.version, qint64(4));
    QCOMPARE(c.category, QStringLiteral("roads.street_light"));
    QCOMPARE(c.openedAt, utc(BaseMs - 10 * 86400000));
    QCOMPARE(c.interactions.size(), 2);
    QCOMPARE(c.interactions[0].id, QStringLiteral("int-2"));
    QCOMPARE(c.interactions[1].id, QStringLiteral("int-1"));
    QCOMPARE(c.interactions[1].note, true);
    QCOMPARE(c.referrals.size(), 1);
    QCOMPARE(c.referrals[0].id, QStringLiteral("ref-1"));
    QCOMPARE(c.referrals[0].status, ReferralStatus::Open);
    QCOMPARE(c.priority, Priority::Urgent);
    QCOMPARE(c.location, QStringLiteral("الخوض، شارع 12"));
    QCOMPARE(c.summary, QStringLiteral("عمود إنارة معطل"));
    QCOMPARE(c.updatedAt, utc(BaseMs - 86400000));
    QCOMPARE(c.closedAt, utc(BaseMs - 1000));
    QCOMPARE(c.customerConfirmed, true);
}

void TestProtoConvert::repeatContactEveryField()
{
    v1::RepeatContact proto;
    proto.set_repeat(true);
    proto.set_contacts_last_7_days(2);
    proto.set_category("water.supply_cut");
    proto.set_case_id("case-1");
    proto.set_case_number("SN-2026-000123");
    setTime(proto.mutable_last_contact_at(), BaseMs - 3600000);
    const RepeatContactInfo r = convert::toRepeatContact(proto);
    QCOMPARE(r.repeat, true);
    QCOMPARE(r.contactsLast7Days, 2);
    QCOMPARE(r.category, QStringLiteral("water.supply_cut"));
    QCOMPARE(r.caseId, QStringLiteral("case-1"));
    QCOMPARE(r.caseNumber, QStringLiteral("SN-2026-000123"));
    QCOMPARE(r.lastContactAt, utc(BaseMs - 3600000));
}

void TestProtoConvert::callerContextKnown()
{
    v1::CallerContext proto;
    proto.set_known(true);
    *proto.mutable_customer() = fullCustomer();
    v1::Case *newer = proto.add_cases();
    newer->set_id("case-2");
    newer->set_status(v1::CASE_STATUS_NEW);
    v1::Case *older = proto.add_cases();
    older->set_id("case-1");
    older->set_status(v1::CASE_STATUS_CLOSED);
    proto.mutable_repeat_contact()->set_repeat(true);
    proto.mutable_repeat_contact()->set_contacts_last_7_days(3);
    proto.set_normalized_number("+96891234567");
    for (int n = 0; n < 5; ++n)
        fillInteraction(proto.add_history(), "h" + std::to_string(n), BaseMs - n * 1000, false);
    proto.set_number_valid(false);

    const CallerContext c = convert::toCallerContext(proto);
    QCOMPARE(c.known, true);
    QCOMPARE(c.customer.id, QStringLiteral("cust-1"));
    QCOMPARE(c.customer.verifications.size(), 2);
    QCOMPARE(c.cases.size(), 2);
    QCOMPARE(c.cases[0].id, QStringLiteral("case-2"));
    QCOMPARE(c.cases[0].status, CaseStatus::New);
    QCOMPARE(c.cases[1].id, QStringLiteral("case-1"));
    QCOMPARE(c.cases[1].status, CaseStatus::Closed);
    QCOMPARE(c.repeatContact.repeat, true);
    QCOMPARE(c.repeatContact.contactsLast7Days, 3);
    QCOMPARE(c.normalizedNumber, QStringLiteral("+96891234567"));
    QCOMPARE(c.history.size(), 5);
    for (int n = 0; n < 5; ++n) {
        QCOMPARE(c.history[n].id, QStringLiteral("h%1").arg(n));
        QCOMPARE(c.history[n].occurredAt, utc(BaseMs - n * 1000)); // newest first, as sent
    }
    QCOMPARE(c.numberValid, false);
}

void TestProtoConvert::callerContextUnknown()
{
    v1::CallerContext proto;
    proto.set_known(false);
    proto.set_normalized_number("+96899887766");
    proto.set_number_valid(true);
    const CallerContext c = convert::toCallerContext(proto);
    QCOMPARE(c.known, false);
    QCOMPARE(c.normalizedNumber, QStringLiteral("+96899887766"));
    QCOMPARE(c.numberValid, true);
    QVERIFY(c.customer.id.isEmpty());
    QVERIFY(c.cases.isEmpty());
    QVERIFY(c.history.isEmpty());
    QCOMPARE(c.repeatContact.repeat, false);
}

void TestProtoConvert::unsetTimesAreNull()
{
    v1::Customer customer;
    customer.set_id("c");
    customer.add_verifications()->set_method("national_id");
    const CustomerInfo c = convert::toCustomer(customer);
    QVERIFY(c.createdAt.isNull());
    QVERIFY(c.lastContactAt.isNull());
    QVERIFY(c.verifications[0].verifiedAt.isNull());

    v1::Case caseRecord;
    const CaseInfo k = convert::toCase(caseRecord);
    QVERIFY(k.openedAt.isNull());
    QVERIFY(k.updatedAt.isNull());
    QVERIFY(k.closedAt.isNull());

    const ReferralInfo r = convert::toReferral(v1::Referral());
    QVERIFY(r.dueAt.isNull());
    QVERIFY(r.createdAt.isNull());
    QVERIFY(!r.isOverdue(utc(BaseMs))); // no due time: never overdue

    QVERIFY(convert::toInteraction(v1::Interaction()).occurredAt.isNull());
    QVERIFY(convert::toRepeatContact(v1::RepeatContact()).lastContactAt.isNull());

    const ContactOffer o = convert::toContactOffer(v1::ContactOffered());
    QVERIFY(o.offeredAt.isNull());
    QVERIFY(o.expiresAt.isNull());
    QVERIFY(o.enqueuedAt.isNull());

    // A time that is set to the epoch itself is a real time, not "unset".
    v1::Interaction atEpoch;
    atEpoch.mutable_occurred_at();
    QCOMPARE(convert::toInteraction(atEpoch).occurredAt, utc(0));
}

void TestProtoConvert::contactOffered()
{
    v1::ContactOffered proto;
    proto.set_call_id("call-42");
    proto.set_caller_number("0096891234567");
    proto.set_queue("general");
    setTime(proto.mutable_offered_at(), BaseMs);
    proto.set_normalized_number("+96891234567");
    proto.set_channel(v1::CHANNEL_WHATSAPP);
    setTime(proto.mutable_expires_at(), BaseMs + 15000);
    setTime(proto.mutable_enqueued_at(), BaseMs - 4000);
    const ContactOffer o = convert::toContactOffer(proto);
    QCOMPARE(o.callId, QStringLiteral("call-42"));
    QCOMPARE(o.callerNumber, QStringLiteral("0096891234567"));
    QCOMPARE(o.queue, QStringLiteral("general"));
    QCOMPARE(o.offeredAt, utc(BaseMs));
    QCOMPARE(o.normalizedNumber, QStringLiteral("+96891234567"));
    QCOMPARE(o.channel, Channel::WhatsApp);
    QCOMPARE(o.expiresAt, utc(BaseMs + 15000));
    QCOMPARE(o.enqueuedAt, utc(BaseMs - 4000));
}

void TestProtoConvert::contactOfferedWithoutChannelIsVoice()
{
    v1::ContactOffered proto;
    proto.set_call_id("call-withheld");
    const ContactOffer o = convert::toContactOffer(proto);
    QCOMPARE(o.channel, Channel::Voice);
    QVERIFY(o.normalizedNumber.isEmpty());
}

void TestProtoConvert::agentEvents()
{
    using Kind = convert::AgentEventInfo::Kind;
    {
        v1::AgentEvent event;
        setTime(event.mutable_at(), BaseMs);
        event.mutable_contact_offered()->set_call_id("c1");
        event.mutable_contact_offered()->set_normalized_number("+96891234567");
        const auto e = convert::toAgentEvent(event);
        QCOMPARE(e.kind, Kind::Offered);
        QCOMPARE(e.at, utc(BaseMs));
        QCOMPARE(e.callId, QStringLiteral("c1"));
        QCOMPARE(e.offer.callId, QStringLiteral("c1"));
        QCOMPARE(e.offer.normalizedNumber, QStringLiteral("+96891234567"));
    }
    {
        v1::AgentEvent event;
        event.mutable_contact_revoked()->set_call_id("c2");
        event.mutable_contact_revoked()->set_reason(v1::REVOKE_REASON_ABANDONED);
        const auto e = convert::toAgentEvent(event);
        QCOMPARE(e.kind, Kind::Revoked);
        QCOMPARE(e.callId, QStringLiteral("c2"));
        QCOMPARE(e.revokeReason, RevokeReason::Abandoned);
        QVERIFY(e.at.isNull());
    }
    {
        v1::AgentEvent event;
        event.mutable_contact_accepted()->set_call_id("c3");
        const auto e = convert::toAgentEvent(event);
        QCOMPARE(e.kind, Kind::Accepted);
        QCOMPARE(e.callId, QStringLiteral("c3"));
    }
    {
        v1::AgentEvent event;
        event.mutable_contact_ended()->set_call_id("c4");
        const auto e = convert::toAgentEvent(event);
        QCOMPARE(e.kind, Kind::Ended);
        QCOMPARE(e.callId, QStringLiteral("c4"));
    }
    {
        v1::AgentEvent event;
        event.mutable_presence_changed()->set_state(v1::AGENT_STATE_BREAK);
        setTime(event.mutable_presence_changed()->mutable_since(), BaseMs - 5000);
        event.mutable_presence_changed()->set_reason("missed_offer");
        const auto e = convert::toAgentEvent(event);
        QCOMPARE(e.kind, Kind::Presence);
        QCOMPARE(e.state, AgentState::Break);
        QCOMPARE(e.since, utc(BaseMs - 5000));
        QCOMPARE(e.reason, QStringLiteral("missed_offer"));
    }
    QCOMPARE(convert::toAgentEvent(v1::AgentEvent()).kind, Kind::Unknown);
}

void TestProtoConvert::unknownEnumValuesBecomeUnspecified()
{
    // A newer server may send values this build does not know.
    QCOMPARE(convert::toChannel(static_cast<v1::Channel>(99)), Channel::Unspecified);
    QCOMPARE(convert::toCaseStatus(static_cast<v1::CaseStatus>(42)), CaseStatus::Unspecified);
    QCOMPARE(convert::toAgentState(static_cast<v1::AgentState>(-1)), AgentState::Unspecified);
    QCOMPARE(convert::toRole(static_cast<v1::Role>(6)), Role::Unspecified);
    QCOMPARE(convert::toReferralStatus(static_cast<v1::ReferralStatus>(5)), ReferralStatus::Unspecified);
    QCOMPARE(convert::toPriority(static_cast<v1::Priority>(5)), Priority::Unspecified);
    QCOMPARE(convert::toDirection(static_cast<v1::Direction>(3)), Direction::Unspecified);
    QCOMPARE(convert::toRevokeReason(static_cast<v1::RevokeReason>(4)), RevokeReason::Unspecified);
    // And every known value maps to its twin.
    QCOMPARE(convert::toChannel(v1::CHANNEL_WALK_IN), Channel::WalkIn);
    QCOMPARE(convert::toCaseStatus(v1::CASE_STATUS_REOPENED), CaseStatus::Reopened);
    QCOMPARE(convert::toAgentState(v1::AGENT_STATE_WRAP_UP), AgentState::WrapUp);
    QCOMPARE(convert::toRole(v1::ROLE_CTI), Role::Cti);
    QCOMPARE(convert::toRevokeReason(v1::REVOKE_REASON_TAKEN), RevokeReason::Taken);
    QCOMPARE(convert::toProto(AgentState::Available), v1::AGENT_STATE_AVAILABLE);
}

void TestProtoConvert::session()
{
    v1::LoginResponse proto;
    proto.set_token("tok-123");
    proto.set_role(v1::ROLE_LEAD);
    proto.set_display_name("فاطمة");
    setTime(proto.mutable_expires_at(), BaseMs + 43200000);
    proto.set_user_id("user-9");
    proto.set_username("fatma");
    const Session s = convert::toSession(proto, QStringLiteral("127.0.0.1:50051"), QStringLiteral("Fatma"));
    QCOMPARE(s.serverAddress, QStringLiteral("127.0.0.1:50051"));
    QCOMPARE(s.token, QStringLiteral("tok-123"));
    QCOMPARE(s.userId, QStringLiteral("user-9"));
    QCOMPARE(s.username, QStringLiteral("fatma"));
    QCOMPARE(s.displayName, QStringLiteral("فاطمة"));
    QCOMPARE(s.role, Role::Lead);
    QCOMPARE(s.expiresAt, utc(BaseMs + 43200000));

    proto.clear_username();
    proto.clear_expires_at();
    const Session typed = convert::toSession(proto, QStringLiteral("h:1"), QStringLiteral("Fatma"));
    QCOMPARE(typed.username, QStringLiteral("Fatma"));
    QVERIFY(typed.expiresAt.isNull());
}

void TestProtoConvert::searchResponse()
{
    v1::SearchCustomersResponse proto;
    *proto.add_customers() = fullCustomer();
    proto.add_customers()->set_id("cust-2");
    proto.add_customers()->set_id("cust-3");
    proto.add_matches()->set_kind(v1::SEARCH_MATCH_KIND_CASE_NUMBER);
    proto.mutable_matches(0)->set_case_number("SN-2026-000123");
    proto.add_matches()->set_kind(static_cast<v1::SearchMatchKind>(99)); // from a newer server
    const QList<SearchResult> results = convert::toSearchResults(proto);
    QCOMPARE(results.size(), 3);
    QCOMPARE(results[0].customer.id, QStringLiteral("cust-1"));
    QCOMPARE(results[0].customer.phones.size(), 2);
    QCOMPARE(results[0].match, SearchMatch::CaseNumber);
    QCOMPARE(results[0].caseNumber, QStringLiteral("SN-2026-000123"));
    QCOMPARE(results[1].customer.id, QStringLiteral("cust-2"));
    QCOMPARE(results[1].match, SearchMatch::Unspecified);
    QCOMPARE(results[2].match, SearchMatch::Unspecified); // an older server sends no match
    QCOMPARE(convert::toSearchMatch(v1::SEARCH_MATCH_KIND_NAME_PARTIAL), SearchMatch::NamePartial);
}

void TestProtoConvert::createCustomerMutation()
{
    NewCustomer customer;
    customer.name = QStringLiteral("ليلى الكندي");
    customer.phones = { QStringLiteral("٩١٢٣٤٥٦٧"), QStringLiteral("+968 2412 3456") };
    customer.city = QStringLiteral("صحار");
    customer.nationalId = QStringLiteral("98765432");
    customer.email = QStringLiteral("layla@example.om");
    const v1::Mutation m
        = convert::toCreateCustomerMutation(customer, QStringLiteral("mut-1"), QStringLiteral("cust-1"));
    QCOMPARE(m.mutation_id(), std::string("mut-1"));
    QCOMPARE(m.base_version(), 0);
    QVERIFY(m.has_create_customer());
    const v1::CreateCustomer &c = m.create_customer();
    QCOMPARE(c.customer_id(), std::string("cust-1"));
    QCOMPARE(QString::fromStdString(c.name()), customer.name);
    QCOMPARE(c.phones_size(), 2);
    QCOMPARE(QString::fromStdString(c.phones(0)), QStringLiteral("٩١٢٣٤٥٦٧")); // the server normalises
    QCOMPARE(QString::fromStdString(c.phones(1)), QStringLiteral("+968 2412 3456"));
    QCOMPARE(QString::fromStdString(c.city()), customer.city);
    QCOMPARE(QString::fromStdString(c.national_id()), customer.nationalId);
    QCOMPARE(QString::fromStdString(c.email()), customer.email);
}

QTEST_GUILESS_MAIN(TestProtoConvert)
#include "testprotoconvert.moc"

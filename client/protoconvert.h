#pragma once

#include "client/types.h"

#include "sanad/v1/agent.pb.h"
#include "sanad/v1/auth.pb.h"
#include "sanad/v1/case.pb.h"
#include "sanad/v1/common.pb.h"
#include "sanad/v1/sync.pb.h"

#include <google/protobuf/timestamp.pb.h>

// Private to sanad_client: converts sanad.v1 protobuf messages into the Qt value types of
// types.h, so that nothing above the client library sees protobuf. Pure functions, safe on any
// thread (the client converts on gRPC's threads and hands the Qt values to its own thread).
namespace sanad::client::convert {

// An unset Timestamp (has_x() == false) becomes a null QDateTime; a set one a UTC QDateTime with
// millisecond precision (sub-millisecond nanos are dropped).
QDateTime toDateTime(bool isSet, const google::protobuf::Timestamp &timestamp);
// Writes a valid QDateTime (millisecond precision). For a null QDateTime leave the field unset
// instead (do not call this), since an unset Timestamp is how "no time" travels.
void toTimestamp(const QDateTime &dateTime, google::protobuf::Timestamp *timestamp);

// Enums are numbered alike on both sides; a value this build does not know (a newer server)
// becomes Unspecified instead of an out-of-range enum.
Role toRole(v1::Role role);
Channel toChannel(v1::Channel channel);
Direction toDirection(v1::Direction direction);
Priority toPriority(v1::Priority priority);
ReferralStatus toReferralStatus(v1::ReferralStatus status);
CaseStatus toCaseStatus(v1::CaseStatus status);
AgentState toAgentState(v1::AgentState state);
RevokeReason toRevokeReason(v1::RevokeReason reason);
SearchMatch toSearchMatch(v1::SearchMatchKind kind);
v1::AgentState toProto(AgentState state);

Verification toVerification(const v1::Verification &verification);
CustomerInfo toCustomer(const v1::Customer &customer);
InteractionInfo toInteraction(const v1::Interaction &interaction);
ReferralInfo toReferral(const v1::Referral &referral);
CaseInfo toCase(const v1::Case &caseRecord);
RepeatContactInfo toRepeatContact(const v1::RepeatContact &repeat);
CallerContext toCallerContext(const v1::CallerContext &context);
// A ContactOffered without a channel is a voice call (as CallEvent's "unspecified means voice").
ContactOffer toContactOffer(const v1::ContactOffered &offered);
// The customers in the server's order, each with its match (Unspecified when an older server
// sends none).
QList<SearchResult> toSearchResults(const v1::SearchCustomersResponse &response);

// serverAddress and the username typed at login complete what LoginResponse carries; the
// response's own username wins when the server sends one.
Session toSession(const v1::LoginResponse &response, const QString &serverAddress, const QString &typedUsername);

// The create_customer mutation of NewCustomer, with client-made ids.
v1::Mutation toCreateCustomerMutation(const NewCustomer &customer, const QString &mutationId,
                                      const QString &customerId);

// One event of the AgentService.Connect stream, as plain values.
struct AgentEventInfo
{
    enum class Kind { Unknown, Offered, Revoked, Accepted, Ended, Presence, ChangesAvailable };
    Kind kind = Kind::Unknown;
    QDateTime at;
    ContactOffer offer; // Offered
    QString callId; // Offered, Revoked, Accepted, Ended
    RevokeReason revokeReason = RevokeReason::Unspecified; // Revoked
    AgentState state = AgentState::Unspecified; // Presence
    QDateTime since; // Presence
    QString reason; // Presence, e.g. "missed_offer"
};
AgentEventInfo toAgentEvent(const v1::AgentEvent &event);

} // namespace sanad::client::convert

#pragma once

// Domain enums numbered exactly as their sanad.v1 counterparts (proto/sanad/v1/common.proto,
// agent.proto), so a static_cast converts between them. core/ knows no protobuf.
namespace sanad {

enum class Channel { Unspecified = 0, Voice = 1, Sms = 2, Email = 3, Web = 4, App = 5, WhatsApp = 6, WalkIn = 7 };
enum class Direction { Unspecified = 0, Inbound = 1, Outbound = 2 };
enum class Priority { Unspecified = 0, Low = 1, Normal = 2, High = 3, Urgent = 4 };
enum class ReferralStatus { Unspecified = 0, Open = 1, InProgress = 2, Done = 3, Cancelled = 4 };
enum class AgentState { Unspecified = 0, Offline = 1, Available = 2, OnContact = 3, WrapUp = 4, Break = 5 };
enum class CallEventKind { Unspecified = 0, Offered = 1, Answered = 2, Abandoned = 3, Ended = 4 };
enum class RevokeReason { Unspecified = 0, Timeout = 1, Abandoned = 2, Taken = 3 };

} // namespace sanad

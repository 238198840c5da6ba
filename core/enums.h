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
enum class CallerMood { Unspecified = 0, Satisfied = 1, Neutral = 2, Dissatisfied = 3 };
enum class RevokeReason { Unspecified = 0, Timeout = 1, Abandoned = 2, Taken = 3 };

// Why a customer is a search result, best first: results are ranked in this order, then by the
// most recent contact (docs/search.md). Numbered as sanad.v1.SearchMatchKind (case.proto).
enum class SearchMatch {
    Unspecified = 0, // no match
    CaseNumber = 1, // the customer of the case whose number was searched
    Phone = 2, // one of the customer's numbers, in any form
    NationalId = 3,
    NameExact = 4, // the whole name, spelling variants folded (ايمان البلوشى = إيمان البلوشي)
    NameWords = 5, // every searched word is a word of the name, in any order
    NamePrefix = 6, // every searched word starts a word of the name (results as you type)
    PhonePrefix = 7, // a number that starts with the digits typed so far
    NameSimilar = 8, // the looser second pass: hamza, the article, ابن/بن, foreign letters
    NamePartial = 9, // some of the searched words, not all
};

} // namespace sanad

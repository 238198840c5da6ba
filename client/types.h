#pragma once

#include "core/casestatus.h"
#include "core/enums.h"
#include "core/role.h"

#include <QByteArray>
#include <QDateTime>
#include <QHash>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QStringList>

// Plain Qt value types the desktop works with. The client library converts sanad.v1 protobuf
// messages into these, so that ui/ never sees gRPC or protobuf. Times are UTC QDateTimes;
// an unset time is a null QDateTime.
namespace sanad::client {

struct ClientError
{
    enum class Kind {
        None,
        Unreachable, // UNAVAILABLE / DEADLINE_EXCEEDED / connection refused: the server cannot be reached
        Unauthenticated, // wrong credentials at login, or the session expired / was revoked later
        PermissionDenied, // the role may not do this
        InvalidArgument, // bad input; message says what
        NotFound,
        FailedPrecondition, // e.g. accepting a contact no longer offered
        Cancelled, // cancelled by the client (stale search)
        Other,
    };
    Kind kind = Kind::None;
    int grpcCode = 0;
    QString serverMessage; // the server's English message, for details and logs

    bool isError() const { return kind != Kind::None; }
};

struct Session
{
    QString serverAddress; // "127.0.0.1:50051"
    QString token;
    QString userId;
    QString username;
    QString displayName;
    Role role = Role::Unspecified;
    QDateTime expiresAt;
    QString phoneRegion = QStringLiteral("OM"); // the server's, for numbers without a country code
};

struct Verification
{
    QString method; // "knowledge_questions", "one_time_code", "national_id", ...
    QDateTime verifiedAt;
    QString agentName;
};

struct CustomerInfo
{
    QString id;
    QString name;
    QStringList phones; // E.164, the first is the primary number
    QString city;
    QString nationalId;
    QString email;
    QString externalId;
    QDateTime createdAt;
    QDateTime lastContactAt;
    qint64 version = 0;
    QList<Verification> verifications; // newest first
};

// One customer a search found, and why (SearchMatch, best first: results come in that order,
// then by the most recent contact).
struct SearchResult
{
    CustomerInfo customer;
    SearchMatch match = SearchMatch::Unspecified;
    QString caseNumber; // SearchMatch::CaseNumber: the case searched for
};

struct InteractionInfo
{
    QString id;
    QString caseId;
    QString caseNumber;
    QString customerId;
    Channel channel = Channel::Unspecified;
    Direction direction = Direction::Unspecified;
    QDateTime occurredAt;
    QString agentName;
    QString summary;
    QString category;
    bool note = false; // an agent's note on the case, not a contact (not counted as a repeat contact)
    // A guided script run (docs/scripts.md): the transcript is a JSON array with Arabic and English
    // per entry; read it with ScriptRun::transcriptFromJson / transcriptText.
    QString scriptId;
    int scriptVersion = 0;
    QByteArray scriptTranscript;
    QString scriptOutcome;
    bool isScriptRun() const { return !scriptId.isEmpty(); }
};

// One published version of a guided script (ScriptService), as the desktop caches it.
struct ScriptDocumentInfo
{
    QString scriptId;
    int version = 0;
    QString titleAr;
    QString titleEn;
    QString category;
    QStringList queues;
    QStringList keywords;
    QByteArray json; // the script's text (core/script.h parses it)
    QDateTime publishedAt;
};

// A finished guided script run, as recorded on its case (record_script_run).
struct ScriptRunRecord
{
    QString runId; // empty: a new UUID
    QString caseId;
    QString scriptId;
    int scriptVersion = 0;
    QByteArray transcriptJson;
    QString outcome; // scriptOutcomeName()
    bool customerConfirmed = false;
    QStringList path;
    QHash<QString, QString> fields;
    QDateTime startedAt;
    QDateTime endedAt;
    QString referralDepartment;
    int referralSlaHours = 0;
    QString outcomeReason;
    bool identityVerified = false;
};

struct ReferralInfo
{
    QString id;
    QString caseId;
    QString department;
    QString owner;
    QDateTime dueAt;
    QDateTime createdAt;
    ReferralStatus status = ReferralStatus::Unspecified;

    bool isOpen() const { return status == ReferralStatus::Open || status == ReferralStatus::InProgress; }
    bool isOverdue(const QDateTime &now) const { return isOpen() && dueAt.isValid() && dueAt < now; }
};

struct CaseInfo
{
    QString id;
    QString number; // "SN-2026-000123"
    QString customerId;
    CaseStatus status = CaseStatus::Unspecified;
    qint64 version = 0;
    QString category;
    Priority priority = Priority::Unspecified;
    QString location;
    QString summary;
    QDateTime openedAt;
    QDateTime updatedAt;
    QDateTime closedAt;
    bool customerConfirmed = false;
    // Lifecycle (docs/cases.md)
    QString incidentId; // the incident's parent case when this case is one of its reports
    int incidentReports = 0; // on a parent: reports, its own included
    QString incidentNumber; // with incidentId: the parent case's number
    bool escalated = false;
    QDateTime awaitingConfirmationSince;
    int reopenCount = 0;
    QList<ReferralInfo> referrals; // newest first
    QList<InteractionInfo> interactions; // newest first
};

// The end of a contact (SyncService RecordWrapUp).
struct WrapUp
{
    QString customerId;
    QString caseId; // optional
    QString callId; // optional
    QString disposition; // one of the server policy's codes
    QString notes;
    CallerMood mood = CallerMood::Unspecified;
    int afterCallWorkSeconds = 0;
};

// A callback an agent promises (SyncService ScheduleCallback).
struct CallbackRequest
{
    QString customerId;
    QString caseId; // optional
    QString phone; // empty: the customer's first number
    QString reason;
    QDateTime dueAt; // invalid: as soon as possible
    QString queue; // empty: general
};

struct RepeatContactInfo
{
    bool repeat = false;
    int contactsLast7Days = 0; // earlier contacts, not counting the one ringing now
    QString category;
    QString caseId;
    QString caseNumber;
    QDateTime lastContactAt;
};

struct CallerContext
{
    bool known = false;
    QString normalizedNumber; // E.164 of the looked-up number
    bool numberValid = true;
    CustomerInfo customer;
    QList<CaseInfo> cases; // newest first, as the server sends them
    QList<InteractionInfo> history; // every interaction of the customer, newest first
    RepeatContactInfo repeatContact;
    // Offline screen-pop: built from the desktop's local store, which may be out of date; asOf
    // is when it last heard from the server (null when never).
    bool fromLocalStore = false;
    QDateTime localAsOf;
};

// A change the server did not apply: a CONFLICT (someone changed the entity first) or a
// REJECTED change, with the server's reason. Kept until the agent decides.
struct SyncProblem
{
    QString mutationId;
    bool conflict = false;
    QString detail; // the server's reason (English)
    QString entityId; // the case or customer concerned
    qint64 serverVersion = 0; // conflict: the version the server has now
    QString change; // what the agent did: "note", "status", "case", "customer", "contact"
    QString text; // the agent's note, summary or name; the new status for a status change
    QDateTime at;
};

// The desktop's sync state (docs/sync.md), shown at all times.
struct SyncState
{
    bool online = false; // the last push or pull reached the server
    bool signedIn = false; // false after sign-out or an expired session: nothing is sent
    int waiting = 0; // changes in the outbox
    QDateTime oldestWaiting; // when the oldest waiting change was made; null when none
    int problems = 0; // conflicts and rejections for the agent to decide
    QDateTime lastPulled; // when the local store last heard from the server
    bool upToDate = false; // the last pull reached the end of the server's change feed
    QString lastError; // why the last attempt failed, English
};

// A callback task offered like a call (docs/cases.md): the agent calls the customer back at the
// offer's number and records the attempt (SanadClient::recordCallbackAttempt with this version).
struct CallbackOffer
{
    QString id; // empty: not a callback
    qint64 version = 0;
    QString reason; // "abandoned" for a caller who hung up while waiting; else the agent's words
    QString caseId; // optional
    QDateTime createdAt; // when the caller hung up, or the callback was promised
    int attempts = 0; // made before this one

    bool isCallback() const { return !id.isEmpty(); }
    bool afterAbandon() const { return reason == QLatin1StringView("abandoned"); }
};

struct ContactOffer
{
    QString callId;
    QString callerNumber; // as the PBX gave it
    QString normalizedNumber; // E.164, empty when withheld
    QString queue;
    Channel channel = Channel::Voice;
    QDateTime offeredAt;
    QDateTime expiresAt;
    QDateTime enqueuedAt;
    CallbackOffer callback;
};

struct NewCustomer
{
    QString name;
    QStringList phones; // any form; the server stores E.164
    QString city;
    QString nationalId;
    QString email;
};

} // namespace sanad::client

Q_DECLARE_METATYPE(sanad::client::ClientError)
Q_DECLARE_METATYPE(sanad::client::Session)
Q_DECLARE_METATYPE(sanad::client::CustomerInfo)
Q_DECLARE_METATYPE(sanad::client::SearchResult)
Q_DECLARE_METATYPE(sanad::client::CallerContext)
Q_DECLARE_METATYPE(sanad::client::ContactOffer)
Q_DECLARE_METATYPE(sanad::client::SyncState)
Q_DECLARE_METATYPE(sanad::client::SyncProblem)
Q_DECLARE_METATYPE(sanad::client::ScriptDocumentInfo)

#pragma once

#include "client/casework.h"
#include "client/types.h"

#include <QObject>

#include <memory>

namespace sanad::client {

class SanadClientPrivate;

// The desktop's connection to sanad-server: one gRPC channel, the session token, the agent
// event stream. No call blocks: every method returns at once and its result arrives as a
// signal, delivered by a queued connection on the thread that owns this object (the GUI
// thread in the desktop). gRPC runs on its own threads and never on the caller's.
//
// Every RPC carries a deadline (default 5 s; the agent stream has none and reconnects with
// growing backoff, 0.5 s doubling to 10 s, while logged in). An UNAUTHENTICATED answer to any
// call after login emits sessionExpired() once and stops the stream; the session is kept so
// that the window can ask for the password again.
class SanadClient final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SanadClient)

public:
    enum class StreamState { Disconnected, Connecting, Connected };
    Q_ENUM(StreamState)

    explicit SanadClient(QObject *parent = nullptr);
    // Cancels every call in flight and waits for gRPC's callbacks to finish; no signal follows.
    ~SanadClient() override;

    // "host:port". Emits loggedIn or loginFailed.
    void login(const QString &serverAddress, const QString &username, const QString &password);
    // Forgets the token and stops the agent stream (sets presence OFFLINE first, best effort).
    void logout();
    bool isLoggedIn() const;
    const Session &session() const;

    // Requests return an id (> 0) that their result signals carry.
    quint64 lookupCaller(const QString &phoneNumber); // -> callerContextReady / requestFailed
    quint64 customerContext(const QString &customerId); // -> callerContextReady / requestFailed
    quint64 searchCustomers(const QString &query, int limit = 20); // -> searchResultsReady / requestFailed
    quint64 createCustomer(const NewCustomer &customer); // -> customerCreated / requestFailed (SyncService.Push)
    // Guided scripts (docs/scripts.md): the current version of every published script
    // -> scriptsReady / requestFailed; one version (0: current) -> scriptsReady with one entry.
    quint64 listScripts();
    quint64 script(const QString &scriptId, int version);
    // Records a finished run on its case (SyncService.Push record_script_run)
    // -> scriptRunRecorded / requestFailed. detail says what could not be written back to the case.
    quint64 recordScriptRun(const ScriptRunRecord &run);
    // Identity one-time codes, generated, sent to the registered number and checked by the server
    // -> identityCodeSent / identityCodeChecked / requestFailed.
    quint64 sendIdentityCode(const QString &customerId);
    quint64 checkIdentityCode(const QString &customerId, const QString &code);
    // The case lifecycle (docs/cases.md), each change one SyncService.Push mutation. baseVersion is
    // the version of the case (or callback) the agent saw. Results: caseChangeApplied, or
    // requestFailed with the server's reason: a refused change (REJECTED) is InvalidArgument, a
    // change made on a stale version (CONFLICT) is FailedPrecondition: reload, then try again.
    quint64 changeCaseStatus(const QString &caseId, qint64 baseVersion, sanad::CaseStatus status,
                             bool customerConfirmed, const QString &reason = QString());
    quint64 confirmResolution(const QString &caseId, qint64 baseVersion, const QString &how);
    quint64 referCase(const QString &caseId, qint64 baseVersion, const QString &department, const QString &owner);
    quint64 linkToIncident(const QString &caseId, qint64 baseVersion, const QString &incidentCaseId);
    quint64 recordWrapUp(const WrapUp &wrapUp);
    quint64 scheduleCallback(const CallbackRequest &request);
    quint64 recordCallbackAttempt(const QString &callbackId, qint64 baseVersion, bool reached, const QString &outcome,
                                  bool giveUp = false);
    // Cases the case could be linked to as a report of an incident (CaseService.ListIncidents):
    // open incidents of the category and other callers' recent open cases of it, newest first,
    // those whose location shares a word with location (empty: all) -> incidentsReady / requestFailed.
    quint64 listIncidents(const QString &category, const QString &location, const QString &caseId, int limit = 20);
    // The centre's work policy (disposition codes with their labels, wrap-up per queue): asked of
    // the server after every login and kept in the local store; until the server has answered,
    // the copy kept from an earlier session, else the built-in policy. workPolicyChanged follows
    // each answer of the server.
    WorkPolicyInfo workPolicy() const;
    // Asks the server for its work policy again (the centre changed it during the session).
    void refreshWorkPolicy();
    // Cancels a request in flight; its requestFailed carries ClientError::Kind::Cancelled, or nothing
    // follows if it had already finished.
    void cancel(quint64 requestId);

    // Agent presence and contacts. Results: presenceChanged / contactAccepted / contactEnded, or operationFailed.
    void setPresence(AgentState state);
    void acceptContact(const QString &callId);
    void endContact(const QString &callId);

    // The AgentService.Connect stream. startAgentStream() is idempotent; the stream reconnects by itself.
    // A new login() reopens a running stream with the new token; after sessionExpired (which
    // stops the stream) or streamStopped, call startAgentStream() again once signed in.
    void startAgentStream();
    void stopAgentStream();
    StreamState streamState() const;

    // Offline-first (docs/sync.md). Every change (createCustomer, addNote, createCase ...) is
    // written to the local store's outbox before it is sent, and its result may arrive much
    // later, after the server is back. Call openLocalStore before login; without it the store
    // lives in memory. Returns a notice for the agent (English) when the file was corrupt or of
    // an older schema (a copy is kept, waiting changes of an older schema are carried over);
    // empty when all is well.
    QString openLocalStore(const QString &path, int maxCachedCustomers = 50000);
    SyncState syncState() const;
    void syncNow();
    void setSyncPollIntervalMs(int ms); // default 2000: how soon another desktop's change shows
    void setSyncBatch(int mutationsPerPush); // default 500 (the server's maximum)
    // Conflicts and rejections, oldest first. resolveProblem: keepMine sends the agent's change
    // again on the server's current version (a new mutation); otherwise the server's stays.
    QList<SyncProblem> syncProblems() const;
    void resolveProblem(const QString &mutationId, bool keepMine);
    // Customers kept on this computer whose name has words starting with each word of the query
    // (Arabic folded as the server folds it), most recently seen first: the offline search.
    QList<SearchResult> searchLocalCustomers(const QString &query, int limit) const;
    // A note on a case -> changeApplied / requestFailed.
    quint64 addCaseNote(const QString &caseId, const QString &text);
    // A new case for a customer -> changeApplied (entity id = the case id) / requestFailed.
    quint64 createCaseFor(const QString &customerId, const QString &category, const QString &summary);
    // A status change made on baseVersion -> changeApplied / requestFailed (CONFLICT: FailedPrecondition).
    quint64 changeStatusOf(const QString &caseId, qint64 baseVersion, sanad::CaseStatus status,
                           bool customerConfirmed = false);

    // Default 5000 ms; applies to calls started afterwards.
    void setDeadlineMs(int ms);
    int deadlineMs() const;

Q_SIGNALS:
    void loggedIn(const sanad::client::Session &session);
    void loginFailed(const sanad::client::ClientError &error);
    void loggedOut();
    void sessionExpired(const sanad::client::ClientError &error);

    void callerContextReady(quint64 requestId, const sanad::client::CallerContext &context);
    void searchResultsReady(quint64 requestId, const QList<sanad::client::SearchResult> &results);
    void customerCreated(quint64 requestId, const QString &customerId);
    // entityId: the case, referral, wrap-up or callback the change made or changed.
    void caseChangeApplied(quint64 requestId, const QString &entityId);
    void requestFailed(quint64 requestId, const sanad::client::ClientError &error);
    void changeApplied(quint64 requestId, const QString &entityId);
    // The outbox, connection or problems changed.
    void syncStateChanged(const sanad::client::SyncState &state);
    // Pulled changes touched these customers: open views showing them reload from the server.
    void customersChanged(const QStringList &customerIds);
    void scriptsReady(quint64 requestId, const QList<sanad::client::ScriptDocumentInfo> &scripts);
    void scriptRunRecorded(quint64 requestId, const QString &runId, const QString &detail);
    void identityCodeSent(quint64 requestId, const QString &maskedNumber);
    void identityCodeChecked(quint64 requestId, bool verified, int attemptsLeft);
    void incidentsReady(quint64 requestId, const QList<sanad::client::IncidentCandidateInfo> &incidents);
    void workPolicyChanged(const sanad::client::WorkPolicyInfo &policy);

    // Presence and contact signals come from the stream's events and from the answers to
    // setPresence / acceptContact / endContact. Each change is emitted once: contactAccepted and
    // contactEnded once per call, presenceChanged once per (state, since), whichever source is first.
    // since is the server's time of the change; it is null when only an answer to acceptContact or
    // endContact has reported the new state so far.
    void presenceChanged(sanad::AgentState state, const QDateTime &since, const QString &reason);
    void contactOffered(const sanad::client::ContactOffer &offer);
    void contactRevoked(const QString &callId, sanad::RevokeReason reason);
    void contactAccepted(const QString &callId);
    void contactEnded(const QString &callId);
    void streamStateChanged(sanad::client::SanadClient::StreamState state);
    // The agent stream ended and will not reconnect by itself, for a reason other than
    // stopAgentStream() or an expired session: the same user connected from another desktop
    // (ABORTED) or the role may not receive contacts (PERMISSION_DENIED). startAgentStream()
    // takes the stream back.
    void streamStopped(const sanad::client::ClientError &error);
    // A presence or contact operation failed: operation is "setPresence", "acceptContact" or "endContact".
    void operationFailed(const QString &operation, const sanad::client::ClientError &error);

private:
    std::unique_ptr<SanadClientPrivate> d;
};

} // namespace sanad::client

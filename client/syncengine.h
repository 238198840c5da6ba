#pragma once

#include "client/localstore.h"
#include "client/types.h"

#include "sanad/v1/sync.pb.h"

#include <QHash>
#include <QObject>
#include <QSet>
#include <QTimer>

#include <functional>

namespace sanad::client {

// Private to sanad_client: the outbox and the pull loop of docs/sync.md, after the sync engines
// of STYLE.md. Every change is written to the LocalStore's outbox (committed, fsynced) before it
// is sent; a cycle pushes the outbox first, in order and in batches, then pulls pages of the
// change feed, applying each page and its cursor in one transaction.
// - UNAVAILABLE / DEADLINE_EXCEEDED: the batch waits and is retried with growing backoff
//   (0.5 s doubling to 30 s); the state says offline.
// - UNAUTHENTICATED: the engine stops (the outbox stays) until start() after a new login.
// - CONFLICT and REJECTED: kept in the store as problems for the agent, never dropped.
// - A new server epoch: the cache and cursor go, every change the server applied before goes
//   out again (DUPLICATE where the server still has it), then a full pull.
// Runs on the client's thread; gRPC goes through the transports the client gives it.
class SyncEngine final : public QObject
{
    Q_OBJECT

public:
    using PushDone = std::function<void(const ClientError &, const v1::PushResponse &)>;
    using PullDone = std::function<void(const ClientError &, const v1::PullResponse &)>;
    using MutationDone = std::function<void(const v1::MutationResult &)>;

    explicit SyncEngine(QObject *parent = nullptr);

    std::function<void(v1::PushRequest, PushDone)> pushTransport;
    std::function<void(v1::PullRequest, PullDone)> pullTransport;
    std::function<void(const ClientError &)> onUnauthenticated;

    LocalStore &store() { return m_store; }
    LocalStore::OpenReport openStore(const QString &path);

    // Written to the outbox before this returns (false when the store could not write it);
    // done runs when the server answers, possibly much later (never after a restart).
    bool enqueue(const v1::Mutation &mutation, MutationDone done);

    void start(); // signed in: a cycle now, then one every poll interval
    void stop(); // signed out or session expired: nothing is sent, the outbox stays
    void syncNow();
    // A contact is being offered: pages of a catch-up wait this long, so that the screen-pop has
    // the GUI thread (where the store writes) and the server to itself. A page in flight lands;
    // holdPulls(0) lets a waiting pull go at once.
    void holdPulls(int ms);
    bool isRunning() const { return m_started; }

    void setPollIntervalMs(int ms) { m_pollMs = ms; }
    void setPushBatch(int n) { m_pushBatch = n; }
    void setPullLimit(int n) { m_pullLimit = n; }
    // How long sent changes are kept to be sent again after a server restore (default 7 days).
    void setSentRetentionMs(qint64 ms) { m_sentRetentionMs = ms; }

    SyncState state();

Q_SIGNALS:
    void stateChanged(const sanad::client::SyncState &state);
    // A pulled page changed these customers (or their cases and contacts).
    void customersChanged(const QSet<QString> &customerIds);
    void epochChanged(int resent);

private:
    void cycle();
    void pushNext();
    void pullNext();
    void cycleDone(bool online, int delayMs);
    void onPushed(const QStringList &ids, const ClientError &error, const v1::PushResponse &response);
    void onPulled(const ClientError &error, const v1::PullResponse &response);
    void announce();

    LocalStore m_store;
    QTimer m_timer;
    QTimer m_holdTimer; // a pull waiting for holdPulls' time to pass
    QHash<QString, MutationDone> m_waiting; // by mutation id
    bool m_started = false;
    bool m_busy = false;
    bool m_again = false;
    bool m_online = false;
    bool m_everOnline = false;
    bool m_upToDate = false;
    int m_backoffMs = 500;
    int m_pollMs = 2000;
    int m_pushBatch = 500;
    int m_pullLimit = 1000;
    qint64 m_pullsHeldUntilMs = 0;
    bool m_pullWaiting = false;
    qint64 m_sentRetentionMs = qint64(7) * 24 * 3600 * 1000;
    QString m_lastError;
    quint64 m_generation = 0; // answers of a stopped engine's calls are dropped
};

} // namespace sanad::client

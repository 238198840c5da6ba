#pragma once

#include "sanad/v1/sync.grpc.pb.h"

#include <QString>

#include <functional>
#include <mutex>
#include <optional>

namespace sanad::server {

struct ServiceContext;

// SyncService: Push applies the desktop's mutations exactly once (MutationApplier); Pull pages
// through the changes feed with an opaque cursor.
class SyncService final : public v1::SyncService::CallbackService
{
public:
    explicit SyncService(ServiceContext &context);

    grpc::ServerUnaryReactor *Push(grpc::CallbackServerContext *context, const v1::PushRequest *request,
                                   v1::PushResponse *response) override;
    grpc::ServerUnaryReactor *Pull(grpc::CallbackServerContext *context, const v1::PullRequest *request,
                                   v1::PullResponse *response) override;

    // Called (on a worker thread) after a push applied changes, with the feed's last sequence:
    // AgentService tells the connected desktops. Set before the server starts.
    void setChangesListener(std::function<void(qint64 lastSequence, qint64 atMs)> listener)
    {
        m_changesListener = std::move(listener);
    }

    static constexpr int kMaxMutationsPerPush = 500;
    static constexpr int kDefaultPullLimit = 500;
    static constexpr int kMaxPullLimit = 5000;

    // The cursor is base64url of "v2:<last sequence>:<fingerprint of that change>" (docs/sync.md);
    // desktops must treat it as opaque. The fingerprint lets a pull tell that the database no
    // longer holds the change the desktop last saw: restored from a backup or replaced.
    struct Cursor
    {
        qint64 sequence = 0;
        QByteArray fingerprint; // empty for the start, and for the older "v1:<sequence>" form
    };
    static QString encodeCursor(const Cursor &cursor);
    // nullopt for a cursor this server did not give out; an empty cursor is sequence 0.
    static std::optional<Cursor> decodeCursor(const QString &cursor);

private:
    void tellTheRouter(const v1::Mutation &mutation, const QString &userId);

    ServiceContext &m_context;
    std::mutex m_epochMutex;
    QString m_serverEpoch; // read once: it changes only when the database is replaced
    std::function<void(qint64, qint64)> m_changesListener;
};

} // namespace sanad::server

#include "ui/serversearchsource.h"

#include "client/sanadclient.h"

namespace sanad::ui {

ServerSearchSource::ServerSearchSource(client::SanadClient *client, QObject *parent)
    : CustomerSearchSource(parent)
    , m_client(client)
{
    connect(m_client, &client::SanadClient::searchResultsReady, this,
            [this](quint64 id, const QList<client::SearchResult> &results) {
                if (m_pending.remove(id))
                    Q_EMIT finished(id, results);
            });
    connect(m_client, &client::SanadClient::requestFailed, this, [this](quint64 id, const client::ClientError &error) {
        if (m_pending.remove(id))
            Q_EMIT failed(id, error);
    });
}

ServerSearchSource::~ServerSearchSource()
{
    if (m_client) {
        for (const quint64 id : std::as_const(m_pending))
            m_client->cancel(id);
    }
}

quint64 ServerSearchSource::search(const QString &query, int limit)
{
    const quint64 id = m_client->searchCustomers(query, limit);
    m_pending.insert(id);
    return id;
}

void ServerSearchSource::cancel(quint64 requestId)
{
    // The client answers a cancelled call with requestFailed(Cancelled), which is dropped here.
    if (m_pending.remove(requestId))
        m_client->cancel(requestId);
}

} // namespace sanad::ui

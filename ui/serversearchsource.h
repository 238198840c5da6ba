#pragma once

#include "ui/customersearchsource.h"

#include <QPointer>
#include <QSet>

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

// CaseService.SearchCustomers through the desktop's SanadClient.
class ServerSearchSource final : public CustomerSearchSource
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ServerSearchSource)

public:
    explicit ServerSearchSource(client::SanadClient *client, QObject *parent = nullptr);
    // Cancels the searches still in flight.
    ~ServerSearchSource() override;

    quint64 search(const QString &query, int limit) override;
    void cancel(quint64 requestId) override;

private:
    QPointer<client::SanadClient> m_client;
    QSet<quint64> m_pending; // the client's request ids this source waits for
};

} // namespace sanad::ui

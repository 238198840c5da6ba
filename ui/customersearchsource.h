#pragma once

#include "client/types.h"

#include <QObject>

namespace sanad::ui {

// Where customer search results come from: the server (ServerSearchSource) or, when it cannot be
// reached, a copy of customers kept on this desktop. A source answers each search() once, with
// finished() or failed() carrying the id search() returned, on the thread it lives on (the GUI
// thread) and never before search() has returned; after cancel() nothing more comes for that id.
// A local source ranks its customers with core's NameQuery, so that both sources agree.
class CustomerSearchSource : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSearchSource)

public:
    explicit CustomerSearchSource(QObject *parent = nullptr)
        : QObject(parent)
    { }
    ~CustomerSearchSource() override = default;

    // Starts a search for at most limit customers, best first; returns its id (> 0).
    virtual quint64 search(const QString &query, int limit) = 0;
    virtual void cancel(quint64 requestId) = 0;

Q_SIGNALS:
    void finished(quint64 requestId, const QList<sanad::client::SearchResult> &results);
    void failed(quint64 requestId, const sanad::client::ClientError &error);
};

} // namespace sanad::ui

#pragma once

#include "client/types.h"

#include <QObject>
#include <QPointer>
#include <QTimer>

namespace sanad::ui {

class CustomerSearchModel;
class CustomerSearchSource;

// The search box's controller, results as the agent types (docs/search.md). A query goes out
// kDebounceMs after the last keystroke (at once on searchNow(), for Enter), so a fast typist sends
// one request, not one per letter. Only the newest query counts: the request in flight is
// cancelled when a newer one starts, and an answer to an older one is never shown.
//
// Results come from the server; when it cannot be reached and a local source is set (the
// customers kept on this desktop for offline work), the same query is answered from there and
// isLocal() says so. Lives on the GUI thread.
class CustomerSearch final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSearch)

public:
    static constexpr int kDebounceMs = 250;
    static constexpr int kLimit = 20;

    enum class State {
        Idle, // nothing typed
        Waiting, // typed, the query goes out when the agent pauses
        Searching, // a request is in flight
        Results, // the model holds the results of query()
        Failed, // error() says why; the model is empty
    };
    Q_ENUM(State)

    explicit CustomerSearch(CustomerSearchSource *server, QObject *parent = nullptr);
    ~CustomerSearch() override;

    // The offline fallback; nullptr for none. Not owned.
    void setLocalSource(CustomerSearchSource *local);

    CustomerSearchModel *model() const { return m_model; }
    State state() const { return m_state; }
    // The query whose results (or failure) are shown; empty when Idle.
    QString query() const { return m_query; }
    const client::ClientError &error() const { return m_error; }
    // The results come from the local source because the server could not be reached.
    bool isLocal() const { return m_local; }
    // A query is waiting for the debounce.
    bool isWaiting() const { return m_debounce.isActive(); }

    // What the search box holds now; an empty text clears the results at once.
    void setText(const QString &text);
    // Sends the waiting query without waiting for the pause.
    void searchNow();
    void clear();

Q_SIGNALS:
    void stateChanged(sanad::ui::CustomerSearch::State state);

private:
    void start(CustomerSearchSource *source);
    void cancelRequest();
    void onFinished(quint64 requestId, const QList<client::SearchResult> &results);
    void onFailed(quint64 requestId, const client::ClientError &error);
    void setState(State state);

    CustomerSearchSource *m_server;
    QPointer<CustomerSearchSource> m_localSource;
    CustomerSearchModel *m_model;
    QTimer m_debounce;
    QString m_text;
    QString m_query;
    State m_state = State::Idle;
    QPointer<CustomerSearchSource> m_requestSource; // a source may go first at shutdown
    quint64 m_request = 0;
    client::ClientError m_error;
    bool m_local = false;
};

} // namespace sanad::ui

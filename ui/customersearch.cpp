#include "ui/customersearch.h"

#include "ui/customersearchmodel.h"
#include "ui/customersearchsource.h"
#include "ui/logging.h"

namespace sanad::ui {

CustomerSearch::CustomerSearch(CustomerSearchSource *server, QObject *parent)
    : QObject(parent)
    , m_server(server)
    , m_model(new CustomerSearchModel(this))
{
    m_debounce.setSingleShot(true);
    m_debounce.setInterval(kDebounceMs);
    connect(&m_debounce, &QTimer::timeout, this, [this] { start(m_server); });
    connect(m_server, &CustomerSearchSource::finished, this, &CustomerSearch::onFinished);
    connect(m_server, &CustomerSearchSource::failed, this, &CustomerSearch::onFailed);
}

CustomerSearch::~CustomerSearch()
{
    cancelRequest();
}

void CustomerSearch::setLocalSource(CustomerSearchSource *local)
{
    if (m_localSource)
        disconnect(m_localSource, nullptr, this, nullptr);
    m_localSource = local;
    if (local) {
        connect(local, &CustomerSearchSource::finished, this, &CustomerSearch::onFinished);
        connect(local, &CustomerSearchSource::failed, this, &CustomerSearch::onFailed);
    }
}

void CustomerSearch::setText(const QString &text)
{
    m_text = text.trimmed();
    if (m_text.isEmpty()) {
        clear();
        return;
    }
    m_debounce.start();
    if (m_request == 0)
        setState(State::Waiting);
}

void CustomerSearch::searchNow()
{
    if (!m_debounce.isActive())
        return;
    m_debounce.stop();
    start(m_server);
}

void CustomerSearch::clear()
{
    m_debounce.stop();
    cancelRequest();
    m_text.clear();
    m_query.clear();
    m_error = {};
    m_local = false;
    m_model->clear();
    setState(State::Idle);
}

void CustomerSearch::cancelRequest()
{
    if (m_request != 0 && m_requestSource)
        m_requestSource->cancel(m_request);
    m_request = 0;
    m_requestSource = nullptr;
}

void CustomerSearch::start(CustomerSearchSource *source)
{
    if (m_text.isEmpty())
        return;
    cancelRequest();
    m_query = m_text;
    m_requestSource = source;
    m_request = source->search(m_query, kLimit);
    setState(State::Searching);
}

void CustomerSearch::onFinished(quint64 requestId, const QList<client::SearchResult> &results)
{
    if (requestId == 0 || requestId != m_request || sender() != m_requestSource)
        return;
    m_local = m_requestSource != m_server;
    m_request = 0;
    m_requestSource = nullptr;
    m_error = {};
    m_model->setResults(results);
    setState(State::Results);
}

void CustomerSearch::onFailed(quint64 requestId, const client::ClientError &error)
{
    if (requestId == 0 || requestId != m_request || sender() != m_requestSource)
        return;
    const bool fromServer = m_requestSource == m_server;
    m_request = 0;
    m_requestSource = nullptr;
    if (error.kind == client::ClientError::Kind::Cancelled)
        return;
    if (fromServer && error.kind == client::ClientError::Kind::Unreachable && m_localSource) {
        qCInfo(lcUi) << "the server cannot be reached: searching the customers on this desktop";
        start(m_localSource);
        return;
    }
    m_error = error;
    m_local = false;
    m_model->clear();
    setState(State::Failed);
}

void CustomerSearch::setState(State state)
{
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace sanad::ui

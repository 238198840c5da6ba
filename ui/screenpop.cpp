#include "ui/screenpop.h"

#include "client/sanadclient.h"
#include "ui/casehistorymodel.h"
#include "ui/caselistmodel.h"
#include "ui/displaytext.h"
#include "ui/logging.h"

namespace sanad::ui {

ScreenPop::ScreenPop(client::SanadClient *client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_client(client)
    , m_cases(new CaseListModel(clock, this))
    , m_history(new CaseHistoryModel(this))
{
    connect(m_client, &client::SanadClient::contactOffered, this, &ScreenPop::onContactOffered);
    connect(m_client, &client::SanadClient::callerContextReady, this, &ScreenPop::onCallerContextReady);
    connect(m_client, &client::SanadClient::requestFailed, this, &ScreenPop::onRequestFailed);
    connect(m_client, &client::SanadClient::customerCreated, this, &ScreenPop::onCustomerCreated);
}

ScreenPop::~ScreenPop() = default;

QString ScreenPop::normalizedNumber() const
{
    if (!m_context.normalizedNumber.isEmpty())
        return m_context.normalizedNumber;
    return m_offerNormalizedNumber;
}

QString ScreenPop::repeatWarning() const
{
    return isRepeatContact() ? DisplayText::repeatWarning(m_context.repeatContact) : QString();
}

void ScreenPop::onContactOffered(const client::ContactOffer &offer)
{
    if (m_followOffers)
        showOffer(offer);
}

void ScreenPop::showOffer(const client::ContactOffer &offer)
{
    qCDebug(lcUi) << "screen-pop for offered contact" << offer.callId;
    if (offer.callerNumber.trimmed().isEmpty() && offer.normalizedNumber.isEmpty()) {
        if (m_lookupRequest != 0)
            m_client->cancel(m_lookupRequest);
        m_lookupRequest = 0;
        m_number.clear();
        m_offerNormalizedNumber.clear();
        resetContext();
        setState(State::Withheld);
        Q_EMIT contextChanged();
        return;
    }
    // The server's E.164 reading of the caller id is the key it stores; fall back to the raw
    // caller id when the server could not read it (the lookup then says why).
    m_number = offer.normalizedNumber.isEmpty() ? offer.callerNumber : offer.normalizedNumber;
    m_offerNormalizedNumber = offer.normalizedNumber;
    beginRequest();
    m_lookupRequest = m_client->lookupCaller(m_number);
}

void ScreenPop::lookUpNumber(const QString &number)
{
    m_number = number;
    m_offerNormalizedNumber.clear();
    beginRequest();
    m_lookupRequest = m_client->lookupCaller(number);
}

void ScreenPop::openCustomer(const QString &customerId)
{
    m_number.clear();
    m_offerNormalizedNumber.clear();
    beginRequest();
    m_lookupRequest = m_client->customerContext(customerId);
}

void ScreenPop::beginRequest()
{
    if (m_lookupRequest != 0)
        m_client->cancel(m_lookupRequest);
    m_lookupRequest = 0;
    // The previous caller leaves the screen at once: never show one caller's history to another.
    resetContext();
    setState(State::Loading);
    Q_EMIT contextChanged();
}

void ScreenPop::createCustomer(const client::NewCustomer &customer)
{
    client::NewCustomer c = customer;
    if (c.phones.isEmpty()) {
        const QString number = normalizedNumber().isEmpty() ? m_number : normalizedNumber();
        if (!number.isEmpty())
            c.phones << number;
    }
    m_createRequest = m_client->createCustomer(c);
}

void ScreenPop::clear()
{
    if (m_lookupRequest != 0)
        m_client->cancel(m_lookupRequest);
    m_lookupRequest = 0;
    m_number.clear();
    m_offerNormalizedNumber.clear();
    resetContext();
    setState(State::Empty);
    Q_EMIT contextChanged();
}

void ScreenPop::retranslate()
{
    m_cases->retranslate();
    m_history->retranslate();
}

void ScreenPop::refreshInPlace()
{
    if (m_state != State::Known || m_lookupRequest != 0 || m_refreshRequest != 0 || m_context.customer.id.isEmpty())
        return;
    m_refreshRequest = m_client->customerContext(m_context.customer.id);
}

void ScreenPop::onCallerContextReady(quint64 requestId, const client::CallerContext &context)
{
    if (requestId != 0 && requestId == m_refreshRequest) {
        m_refreshRequest = 0;
        // Only while the same customer is still on screen and nothing newer was asked for.
        if (m_lookupRequest != 0 || m_state != State::Known || context.customer.id != m_context.customer.id)
            return;
        m_context.customer = context.customer;
        m_context.cases = context.cases;
        m_context.history = context.history;
        m_context.fromLocalStore = context.fromLocalStore;
        m_context.localAsOf = context.localAsOf;
        m_cases->setCases(context.cases);
        m_history->setHistory(context.history);
        Q_EMIT contextChanged();
        return;
    }
    if (requestId != m_lookupRequest || requestId == 0)
        return;
    m_lookupRequest = 0;
    m_context = context;
    m_error = {};
    m_cases->setCases(context.cases);
    m_history->setHistory(context.history);
    if (!context.known && !context.normalizedNumber.isEmpty() && m_number.isEmpty())
        m_number = context.normalizedNumber;
    qCDebug(lcUi) << "caller context: known" << context.known << "cases" << context.cases.size() << "history"
                  << context.history.size();
    setState(context.known ? State::Known : State::Unknown);
    Q_EMIT contextChanged();
}

void ScreenPop::onRequestFailed(quint64 requestId, const client::ClientError &error)
{
    if (requestId == 0)
        return;
    if (requestId == m_createRequest) {
        m_createRequest = 0;
        qCInfo(lcUi) << "creating a customer failed, grpc code" << error.grpcCode;
        Q_EMIT customerCreationFailed(error);
        return;
    }
    if (requestId == m_refreshRequest) {
        m_refreshRequest = 0; // the screen stays as it was
        return;
    }
    if (requestId != m_lookupRequest)
        return;
    m_lookupRequest = 0;
    if (error.kind == client::ClientError::Kind::Cancelled)
        return;
    qCInfo(lcUi) << "caller lookup failed, grpc code" << error.grpcCode;
    m_error = error;
    setState(State::Failed);
    Q_EMIT contextChanged();
}

void ScreenPop::onCustomerCreated(quint64 requestId, const QString &customerId)
{
    if (requestId == 0 || requestId != m_createRequest)
        return;
    m_createRequest = 0;
    Q_EMIT customerCreated(customerId);
    const QString number = normalizedNumber().isEmpty() ? m_number : normalizedNumber();
    if (number.isEmpty())
        openCustomer(customerId);
    else
        lookUpNumber(number);
}

void ScreenPop::resetContext()
{
    m_context = {};
    m_error = {};
    m_cases->clear();
    m_history->clear();
}

void ScreenPop::setState(State state)
{
    if (m_state == state)
        return;
    m_state = state;
    Q_EMIT stateChanged(state);
}

} // namespace sanad::ui

#pragma once

#include "client/types.h"
#include "core/clock.h"

#include <QObject>

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class CaseHistoryModel;
class CaseListModel;

// Screen-pop controller: the caller's context on screen before the agent answers. On each
// contact the client reports as offered it asks LookupCaller for the caller's number at once and
// fills the case and history models when the answer arrives. Owns no widgets, so it also runs
// with no window (the screen-pop benchmark). Lives on the client's thread (the GUI thread in
// the desktop); results arrive through the client's queued signals.
//
// Only the newest request counts: a new lookup cancels the one in flight, and late answers to
// older requests are ignored, so the screen never shows a previous caller's history.
class ScreenPop final : public QObject
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ScreenPop)

public:
    enum class State {
        Empty, // nothing on screen yet
        Loading, // a lookup is in flight; the models are empty
        Known, // a customer's card, cases and history
        Unknown, // the number is not on file: the new-caller card and its quick form
        Withheld, // the caller's number is withheld: nothing to look up
        Failed, // the lookup failed: error() says why
    };
    Q_ENUM(State)

    explicit ScreenPop(client::SanadClient *client, const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~ScreenPop() override;

    State state() const { return m_state; }
    // The number being shown as the PBX gave it or the agent typed it.
    QString number() const { return m_number; }
    // E.164 of that number once known (from the offer or the lookup); may be empty.
    QString normalizedNumber() const;
    const client::CallerContext &context() const { return m_context; }
    const client::ClientError &error() const { return m_error; }
    bool isRepeatContact() const { return m_state == State::Known && m_context.repeatContact.repeat; }
    // "Third call this week about: ..." in the current language; empty when not a repeat contact.
    QString repeatWarning() const;

    CaseListModel *caseModel() const { return m_cases; }
    CaseHistoryModel *historyModel() const { return m_history; }

    // Follow the client's contactOffered signal (default: on).
    void setFollowOffers(bool follow) { m_followOffers = follow; }

    void showOffer(const client::ContactOffer &offer);
    void lookUpNumber(const QString &number);
    void openCustomer(const QString &customerId);
    // Creates a customer from the new-caller form; without phones, the number on screen is used.
    // On success the number is looked up again, so the card becomes the new customer's card.
    void createCustomer(const client::NewCustomer &customer);
    bool isCreatingCustomer() const { return m_createRequest != 0; }
    void clear();
    // The customer on screen again from the client, replacing the models only when the answer
    // arrives (no Loading in between); a failure leaves the screen as it is. For changes pulled
    // from the server and for coming back online (docs/sync.md). Nothing when no customer is shown.
    void refreshInPlace();
    // Model texts follow the current language: call after a language switch.
    void retranslate();

Q_SIGNALS:
    void stateChanged(sanad::ui::ScreenPop::State state);
    // context() and the models hold a new answer (or were cleared).
    void contextChanged();
    void customerCreated(const QString &customerId);
    void customerCreationFailed(const sanad::client::ClientError &error);

private:
    void onContactOffered(const client::ContactOffer &offer);
    void onCallerContextReady(quint64 requestId, const client::CallerContext &context);
    void onRequestFailed(quint64 requestId, const client::ClientError &error);
    void onCustomerCreated(quint64 requestId, const QString &customerId);
    void beginRequest();
    void resetContext();
    void setState(State state);

    client::SanadClient *m_client;
    CaseListModel *m_cases;
    CaseHistoryModel *m_history;
    State m_state = State::Empty;
    QString m_number;
    QString m_offerNormalizedNumber;
    client::CallerContext m_context;
    client::ClientError m_error;
    quint64 m_lookupRequest = 0;
    quint64 m_createRequest = 0;
    quint64 m_refreshRequest = 0;
    bool m_followOffers = true;
};

} // namespace sanad::ui

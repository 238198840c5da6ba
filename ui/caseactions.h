#pragma once

#include "client/types.h"

#include <QObject>
#include <QPointer>

#include <optional>

class QAction;
class QDialog;
class QMessageBox;
class QTreeView;
class QWidget;

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class ScreenPop;

// Actions on the case selected in the screen-pop's case list (docs/cases.md). Resolve
// (Ctrl+Shift+R) asks whether the customer confirms the matter is solved: yes resolves the case
// with the confirmation, "not yet" sets it to awaiting the customer's confirmation. The change is
// one mutation. Refer (Ctrl+Shift+D) sends the case to a department (the category's by default)
// with an owner; the server sets the due time from its policy. Schedule callback (Ctrl+Shift+B)
// promises the customer a call back about the case, with the reason the calling agent will see.
// Link to incident (Ctrl+Shift+I) makes the case a report of an incident chosen from the
// server's list for its category (IncidentLinkDialog).
// The screen-pop then reloads, and a refusal or a conflict is shown in words the
// agent can act on.
class CaseActions final : public QObject
{
    Q_OBJECT

public:
    CaseActions(client::SanadClient *client, ScreenPop *screenPop, QTreeView *caseView, QWidget *dialogParent);

    QAction *resolveAction() const { return m_resolve; }
    QAction *referAction() const { return m_refer; }
    QAction *callbackAction() const { return m_callback; }
    QAction *linkAction() const { return m_link; }
    void retranslate();

    // The case the actions apply to: the selected row's case, or none.
    std::optional<client::CaseInfo> selectedCase() const;

Q_SIGNALS:
    // A sentence for the status bar.
    void message(const QString &text);

private:
    void resolve();
    void refer();
    void scheduleCallback();
    void linkToIncident();
    void submitted(quint64 requestId, const QString &caseNumber);
    void onApplied(quint64 requestId, const QString &entityId);
    void onFailed(quint64 requestId, const client::ClientError &error);
    void updateEnabled();
    void reloadScreenPop();

    client::SanadClient *m_client;
    ScreenPop *m_screenPop;
    QTreeView *m_caseView;
    QWidget *m_dialogParent;
    QAction *m_resolve;
    QAction *m_refer;
    QAction *m_callback;
    QAction *m_link;
    QPointer<QDialog> m_dialog;
    quint64 m_request = 0;
    QString m_requestCase;
    QString m_requestIncident; // the incident's number, while a link is on its way
};

} // namespace sanad::ui

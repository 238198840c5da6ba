#pragma once

#include "client/casework.h"
#include "client/types.h"

#include <QDialog>
#include <QTimer>

class QLabel;
class QLineEdit;
class QPushButton;
class QTreeWidget;

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

// "Link to incident…" (docs/cases.md): the cases the selected case could be a report of, asked of
// the server (CaseService.ListIncidents) for the case's category, filtered by a place that is
// filled in from the case and can be edited (the list follows as the agent types). Keyboard only:
// the place field, Down or Tab into the list, arrows choose, Enter links. Accepted with the
// chosen case; the caller sends the change.
class IncidentLinkDialog final : public QDialog
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(IncidentLinkDialog)

public:
    IncidentLinkDialog(client::SanadClient *client, const client::CaseInfo &target, QWidget *parent = nullptr);

    // The incident's case the agent chose (valid once accepted).
    client::IncidentCandidateInfo chosen() const;

protected:
    bool eventFilter(QObject *watched, QEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    void retranslateUi();
    void ask();
    void onReady(quint64 requestId, const QList<client::IncidentCandidateInfo> &incidents);
    void onFailed(quint64 requestId, const client::ClientError &error);
    void fill();
    void updateLinkButton();

    client::SanadClient *m_client;
    client::CaseInfo m_target;
    QList<client::IncidentCandidateInfo> m_incidents;
    quint64 m_request = 0;
    QTimer m_typing;
    QLabel *m_intro;
    QLabel *m_placeLabel;
    QLineEdit *m_place;
    QLabel *m_listLabel;
    QTreeWidget *m_list;
    QLabel *m_state;
    QPushButton *m_link;
    QPushButton *m_cancel;
    enum class State { Loading, Ready, Failed } m_stateKind = State::Loading;
    client::ClientError m_error;
};

} // namespace sanad::ui

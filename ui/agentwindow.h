#pragma once

#include "client/sanadclient.h"
#include "client/types.h"

#include <QDateTime>
#include <QMainWindow>
#include <QTimer>

class QAction;
class QActionGroup;
class QFrame;
class QLabel;
class QLineEdit;
class QListView;
class QMenu;
class QTableView;
class QToolBar;
class QTreeView;

namespace sanad::ui {

class CaseActions;
class WrapUpPanel;
class CaseHistoryModel;
class CustomerCard;
class CustomerSearch;
class LanguageManager;
class OfferBanner;
class Ringer;
class ScreenPop;
class ScriptPanel;

// The agent's main window, keyboard first: presence in the toolbar (Available F9, Break F10,
// on contact and wrap-up as the server reports them, time in state), the agent stream's
// connection, the agent's name and customer search (Ctrl+F, results as you type: CustomerSearch);
// the offered contact's banner (rings visibly and audibly; Accept Ctrl+Return, End Ctrl+E); and
// the screen-pop: repeat-contact warning, customer card or new-caller form, cases with their
// referrals (Alt+C) and the full contact history (Alt+H). Every shortcut is in its tooltip; Tab
// walks the call flow in reading order (search, banner buttons, card, cases, history); every
// control of the flow has an accessible name and description and shows when it has the focus.
//
// It talks to the server only through the SanadClient's non-blocking calls and signals.
class AgentWindow final : public QMainWindow
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(AgentWindow)

public:
    AgentWindow(client::SanadClient *client, LanguageManager *languages, QWidget *parent = nullptr);
    ~AgentWindow() override;

    ScreenPop *screenPop() const { return m_screenPop; }
    // The search box's controller; the desktop sets its offline source here.
    CustomerSearch *customerSearch() const { return m_search; }
    AgentState presence() const { return m_presence; }
    QString presenceText() const;
    // The call in hand (offered, on contact or in wrap-up); empty when none.
    QString currentCallId() const { return m_callId; }
    Ringer *ringer() const { return m_ringer; }
    // The session shown in the title and toolbar.
    void setSession(const client::Session &session);

Q_SIGNALS:
    void signOutRequested();
    void quitRequested();

protected:
    void changeEvent(QEvent *event) override;
    bool eventFilter(QObject *watched, QEvent *event) override;

private:
    void createActions();
    void createMenus();
    void createToolBar();
    QWidget *createCentralWidget();
    void retranslateUi();
    void setActionTexts(QAction *action, const QString &text, const QString &toolTip);

    void onPresenceChanged(AgentState state, const QDateTime &since, const QString &reason);
    void onContactOffered(const client::ContactOffer &offer);
    void onContactRevoked(const QString &callId, RevokeReason reason);
    void onContactAccepted(const QString &callId);
    void onContactEnded(const QString &callId);
    void onOperationFailed(const QString &operation, const client::ClientError &error);
    void onStreamStateChanged(client::SanadClient::StreamState state);
    void onStreamStopped(const client::ClientError &error);
    void onScreenPopChanged();
    void acceptContact();
    void endContact();
    void setPresence(AgentState state);
    void updatePresence();
    void updateStream();

    void onSearchTextChanged(const QString &text);
    void onSearchStateChanged();
    void openSearchResult(const QModelIndex &index);
    void setUpAccessibility();
    void setUpTabOrder();
    void updateSearchStatus();
    void focusSearch();
    void focusHistory();
    void focusCases();
    void showShortcuts();
    void showStatus(const QString &message);

    client::SanadClient *m_client;
    LanguageManager *m_languages;
    ScreenPop *m_screenPop;
    Ringer *m_ringer;
    CustomerSearch *m_search;
    client::Session m_session;

    AgentState m_presence = AgentState::Offline;
    QDateTime m_presenceSince;
    QString m_callId;
    QTimer m_clockTick;
    bool m_streamStopped = false;
    client::ClientError m_streamStopError;

    QAction *m_acceptAction = nullptr;
    QAction *m_endAction = nullptr;
    QAction *m_availableAction = nullptr;
    QAction *m_breakAction = nullptr;
    QActionGroup *m_presenceGroup = nullptr;
    QAction *m_searchAction = nullptr;
    QAction *m_historyAction = nullptr;
    QAction *m_casesAction = nullptr;
    QAction *m_scriptAction = nullptr;
    ScriptPanel *m_scriptPanel = nullptr;
    QAction *m_signOutAction = nullptr;
    QAction *m_quitAction = nullptr;
    QAction *m_arabicAction = nullptr;
    QAction *m_englishAction = nullptr;
    QAction *m_arabicIndicDigitsAction = nullptr;
    QAction *m_latinDigitsAction = nullptr;
    QAction *m_shortcutsAction = nullptr;
    QMenu *m_sanadMenu = nullptr;
    QMenu *m_contactMenu = nullptr;
    QMenu *m_languageMenu = nullptr;
    QMenu *m_helpMenu = nullptr;
    QToolBar *m_toolBar = nullptr;

    QLabel *m_presenceLabel = nullptr;
    QLabel *m_streamLabel = nullptr;
    QLabel *m_agentNameLabel = nullptr;
    QLineEdit *m_searchEdit = nullptr;
    OfferBanner *m_banner = nullptr;
    QFrame *m_repeatFrame = nullptr;
    QLabel *m_repeatText = nullptr;
    CustomerCard *m_card = nullptr;
    QLabel *m_casesTitle = nullptr;
    QTreeView *m_caseView = nullptr;
    QLabel *m_historyTitle = nullptr;
    QTableView *m_historyView = nullptr;
    QWidget *m_searchPanel = nullptr;
    QLabel *m_searchTitle = nullptr;
    QLabel *m_searchStatus = nullptr;
    QListView *m_searchResults = nullptr;
    CaseActions *m_caseActions = nullptr;
    WrapUpPanel *m_wrapUp = nullptr;
};

} // namespace sanad::ui

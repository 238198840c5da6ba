#pragma once

#include "client/types.h"
#include "ui/customersearchsource.h"

#include <QDialog>
#include <QLabel>
#include <QTimer>
#include <QWidget>

class QListWidget;
class QPushButton;
class QToolButton;

namespace sanad::client {
class SanadClient;
}

namespace sanad::ui {

class ScreenPop;

// The sync state, always in the status bar (docs/sync.md): online or offline, how many changes
// wait and since when, and a button to the conflicts and rejections still to decide.
class SyncStatus final : public QWidget
{
    Q_OBJECT

public:
    SyncStatus(client::SanadClient *client, QWidget *parent = nullptr);

    QString text() const;
    void openProblems();

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();

    client::SanadClient *m_client;
    client::SyncState m_state;
    QLabel *m_label;
    QToolButton *m_problems;
    QTimer m_tick;
};

// Conflicts and rejected changes, one per row with the server's reason; the agent keeps their
// own change (sent again on the server's current version) or the server's (theirs is dropped).
class SyncProblemsDialog final : public QDialog
{
    Q_OBJECT

public:
    SyncProblemsDialog(client::SanadClient *client, QWidget *parent = nullptr);

    QListWidget *list() const { return m_list; }
    void resolveCurrent(bool keepMine);

private:
    void reload();

    client::SanadClient *m_client;
    QListWidget *m_list;
    QPushButton *m_keepMine;
    QPushButton *m_keepTheirs;
};

// Above the screen-pop: says when it comes from this computer's copy (offline) and since when,
// and brings the screen-pop up to date in place when the server is back or when a pulled change
// touches the customer on screen (another agent's note appears within seconds).
class OfflineNotice final : public QLabel
{
    Q_OBJECT

public:
    OfflineNotice(client::SanadClient *client, ScreenPop *screenPop, QWidget *parent = nullptr);

protected:
    void changeEvent(QEvent *event) override;

private:
    void refresh();
    void reloadCustomer();

    client::SanadClient *m_client;
    ScreenPop *m_screenPop;
};

// The search box's offline source: customers kept on this computer.
class LocalSearchSource final : public CustomerSearchSource
{
    Q_OBJECT

public:
    LocalSearchSource(client::SanadClient *client, QObject *parent = nullptr);

    quint64 search(const QString &query, int limit) override;
    void cancel(quint64 requestId) override;

private:
    client::SanadClient *m_client;
    quint64 m_nextId = 1;
    QSet<quint64> m_cancelled;
};

// Asks before signing out while changes still wait; true to go on.
bool confirmSignOutWithWaitingChanges(client::SanadClient *client, QWidget *parent);

} // namespace sanad::ui

#include "ui/syncwidgets.h"

#include "client/sanadclient.h"
#include "ui/displaytext.h"
#include "ui/screenpop.h"

#include <QCoreApplication>
#include <QDialogButtonBox>
#include <QEvent>
#include <QHBoxLayout>
#include <QListWidget>
#include <QMessageBox>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace sanad::ui {

SyncStatus::SyncStatus(client::SanadClient *client, QWidget *parent)
    : QWidget(parent)
    , m_client(client)
    , m_label(new QLabel(this))
    , m_problems(new QToolButton(this))
{
    setObjectName(QStringLiteral("syncStatus"));
    m_label->setObjectName(QStringLiteral("syncStatusLabel"));
    m_problems->setObjectName(QStringLiteral("syncProblemsButton"));
    m_problems->setAutoRaise(true);
    auto *layout = new QHBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_label);
    layout->addWidget(m_problems);
    connect(m_problems, &QToolButton::clicked, this, &SyncStatus::openProblems);
    connect(m_client, &client::SanadClient::syncStateChanged, this, [this](const client::SyncState &state) {
        m_state = state;
        refresh();
    });
    // The oldest change's age grows while nothing else changes.
    m_tick.setInterval(1000);
    connect(&m_tick, &QTimer::timeout, this, &SyncStatus::refresh);
    m_tick.start();
    m_state = m_client->syncState();
    refresh();
}

QString SyncStatus::text() const
{
    return m_label->text();
}

void SyncStatus::refresh()
{
    QString text = m_state.online ? tr("Online") : tr("Offline");
    if (m_state.waiting > 0) {
        const qint64 age = m_state.oldestWaiting.isValid()
            ? std::max<qint64>(0, m_state.oldestWaiting.secsTo(QDateTime::currentDateTimeUtc()))
            : 0;
        text += QStringLiteral(" · ")
            + tr("%n change(s) waiting, the oldest for %1", nullptr, m_state.waiting).arg(DisplayText::duration(age));
    } else if (m_state.online) {
        text += QStringLiteral(" · ") + tr("everything sent");
    }
    m_label->setText(text);
    m_label->setStyleSheet(m_state.online ? QString() : QStringLiteral("color: #b00020; font-weight: bold;"));
    m_label->setToolTip(m_state.lastPulled.isValid()
                            ? tr("Last heard from the server at %1").arg(DisplayText::dateTime(m_state.lastPulled))
                            : tr("Not yet heard from the server"));
    m_problems->setVisible(m_state.problems > 0);
    m_problems->setText(tr("%n change(s) to decide", nullptr, m_state.problems));
    m_problems->setToolTip(tr("Changes the server did not take: choose which version to keep"));
}

void SyncStatus::openProblems()
{
    SyncProblemsDialog dialog(m_client, window());
    dialog.exec();
}

void SyncStatus::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QWidget::changeEvent(event);
}

SyncProblemsDialog::SyncProblemsDialog(client::SanadClient *client, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_list(new QListWidget(this))
    , m_keepMine(new QPushButton(tr("Keep mine and send it again"), this))
    , m_keepTheirs(new QPushButton(tr("Keep the server's version"), this))
{
    setObjectName(QStringLiteral("syncProblemsDialog"));
    setWindowTitle(tr("Changes to decide"));
    m_list->setObjectName(QStringLiteral("syncProblemsList"));
    m_list->setWordWrap(true);
    m_keepMine->setObjectName(QStringLiteral("keepMineButton"));
    m_keepTheirs->setObjectName(QStringLiteral("keepTheirsButton"));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_keepMine, QDialogButtonBox::ActionRole);
    buttons->addButton(m_keepTheirs, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_keepMine, &QPushButton::clicked, this, [this] { resolveCurrent(true); });
    connect(m_keepTheirs, &QPushButton::clicked, this, [this] { resolveCurrent(false); });
    auto *layout = new QVBoxLayout(this);
    auto *intro = new QLabel(tr("The server did not take these changes. For a conflict, someone changed the same "
                                "case first: keep your change to send it again on their version, or keep theirs."),
                             this);
    intro->setWordWrap(true);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(buttons);
    resize(640, 360);
    reload();
}

void SyncProblemsDialog::reload()
{
    m_list->clear();
    for (const client::SyncProblem &problem : m_client->syncProblems()) {
        QString what;
        if (problem.change == QLatin1String("note"))
            what = tr("Note: %1").arg(problem.text);
        else if (problem.change == QLatin1String("status"))
            what
                = tr("Status change to %1").arg(DisplayText::caseStatus(static_cast<CaseStatus>(problem.text.toInt())));
        else if (problem.change == QLatin1String("case"))
            what = tr("New case: %1").arg(problem.text);
        else if (problem.change == QLatin1String("customer"))
            what = tr("New customer: %1").arg(problem.text);
        else
            what = tr("Contact: %1").arg(problem.text);
        const QString kind = problem.conflict ? tr("Conflict") : tr("Not accepted");
        auto *item = new QListWidgetItem(QStringLiteral("%1 — %2\n%3").arg(kind, what, problem.detail), m_list);
        item->setData(Qt::UserRole, problem.mutationId);
        item->setData(Qt::UserRole + 1, problem.conflict);
    }
    if (m_list->count() > 0)
        m_list->setCurrentRow(0);
    m_keepMine->setEnabled(m_list->count() > 0);
    m_keepTheirs->setEnabled(m_list->count() > 0);
}

void SyncProblemsDialog::resolveCurrent(bool keepMine)
{
    const QListWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    m_client->resolveProblem(item->data(Qt::UserRole).toString(), keepMine);
    reload();
}

OfflineNotice::OfflineNotice(client::SanadClient *client, ScreenPop *screenPop, QWidget *parent)
    : QLabel(parent)
    , m_client(client)
    , m_screenPop(screenPop)
{
    setObjectName(QStringLiteral("offlineNotice"));
    setWordWrap(true);
    setStyleSheet(QStringLiteral("#offlineNotice { background: #fde2e1; border: 1px solid #b00020; border-radius: 6px; "
                                 "padding: 6px; color: #6d0010; font-weight: bold; }"));
    connect(m_screenPop, &ScreenPop::contextChanged, this, &OfflineNotice::refresh);
    connect(m_client, &client::SanadClient::syncStateChanged, this, [this](const client::SyncState &state) {
        // Back online: the screen-pop from this computer's copy is replaced by the server's.
        if (state.online && m_screenPop->context().fromLocalStore)
            reloadCustomer();
    });
    connect(m_client, &client::SanadClient::customersChanged, this, [this](const QStringList &ids) {
        // Not while catching up (a first pull touches every customer): only news after that.
        if (!m_client->syncState().upToDate)
            return;
        const QString shown = m_screenPop->context().customer.id;
        if (!shown.isEmpty() && ids.contains(shown))
            reloadCustomer();
    });
    refresh();
}

void OfflineNotice::reloadCustomer()
{
    m_screenPop->refreshInPlace();
}

void OfflineNotice::refresh()
{
    const client::CallerContext &context = m_screenPop->context();
    setVisible(context.fromLocalStore);
    if (!context.fromLocalStore)
        return;
    setText(context.localAsOf.isValid()
                ? tr("Offline: this is the copy kept on this computer and may be out of date (last updated %1). "
                     "It updates by itself when the server is back.")
                      .arg(DisplayText::dateTime(context.localAsOf))
                : tr("Offline: this is the copy kept on this computer and may be out of date. It updates by itself "
                     "when the server is back."));
}

void OfflineNotice::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        refresh();
    QLabel::changeEvent(event);
}

LocalSearchSource::LocalSearchSource(client::SanadClient *client, QObject *parent)
    : CustomerSearchSource(parent)
    , m_client(client)
{ }

quint64 LocalSearchSource::search(const QString &query, int limit)
{
    const quint64 id = m_nextId++;
    const QList<client::SearchResult> results = m_client->searchLocalCustomers(query, limit);
    // Never before search() has returned (CustomerSearchSource's contract).
    QMetaObject::invokeMethod(
        this,
        [this, id, results] {
            if (!m_cancelled.remove(id))
                Q_EMIT finished(id, results);
        },
        Qt::QueuedConnection);
    return id;
}

void LocalSearchSource::cancel(quint64 requestId)
{
    m_cancelled.insert(requestId);
}

bool confirmSignOutWithWaitingChanges(client::SanadClient *client, QWidget *parent)
{
    const client::SyncState state = client->syncState();
    if (state.waiting == 0)
        return true;
    QMessageBox box(
        QMessageBox::Warning, QCoreApplication::translate("SyncStatus", "Sign out"),
        QCoreApplication::translate("SyncStatus",
                                    "%n change(s) have not reached the server yet. They stay on this computer and are "
                                    "sent when you sign in again. Sign out anyway?",
                                    nullptr, state.waiting),
        QMessageBox::Yes | QMessageBox::No, parent);
    box.setObjectName(QStringLiteral("signOutWarning"));
    box.setDefaultButton(QMessageBox::No);
    return box.exec() == QMessageBox::Yes;
}

} // namespace sanad::ui

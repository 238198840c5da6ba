#include "ui/incidentlinkdialog.h"

#include "client/sanadclient.h"
#include "ui/bidi.h"
#include "ui/displaytext.h"

#include <QDialogButtonBox>
#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace sanad::ui {

namespace {

enum Column { NumberColumn, PlaceColumn, ReportsColumn, PriorityColumn, StatusColumn, OpenedColumn, ColumnCount };
constexpr int kMaxShown = 50;

} // namespace

IncidentLinkDialog::IncidentLinkDialog(client::SanadClient *client, const client::CaseInfo &target, QWidget *parent)
    : QDialog(parent)
    , m_client(client)
    , m_target(target)
    , m_intro(new QLabel(this))
    , m_placeLabel(new QLabel(this))
    , m_place(new QLineEdit(this))
    , m_listLabel(new QLabel(this))
    , m_list(new QTreeWidget(this))
    , m_state(new QLabel(this))
{
    setObjectName(QStringLiteral("incidentDialog"));
    m_intro->setWordWrap(true);
    m_place->setObjectName(QStringLiteral("incidentPlace"));
    m_place->setText(target.location);
    m_place->setClearButtonEnabled(true);
    m_placeLabel->setBuddy(m_place);
    m_list->setObjectName(QStringLiteral("incidentList"));
    m_list->setColumnCount(ColumnCount);
    m_list->setRootIsDecorated(false);
    m_list->setUniformRowHeights(true);
    m_list->setAllColumnsShowFocus(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(PlaceColumn, QHeaderView::Stretch);
    m_list->header()->setStretchLastSection(false);
    m_list->setMinimumSize(720, 220);
    m_listLabel->setBuddy(m_list);
    m_state->setObjectName(QStringLiteral("incidentState"));
    m_state->setWordWrap(true);

    auto *buttons = new QDialogButtonBox(this);
    m_link = buttons->addButton(QString(), QDialogButtonBox::AcceptRole);
    m_link->setObjectName(QStringLiteral("incidentLinkButton"));
    m_link->setDefault(true);
    m_cancel = buttons->addButton(QDialogButtonBox::Cancel);
    // Enter in the list both activates the row and presses the default button: accept once.
    const auto link = [this] {
        if (m_list->currentItem() && isVisible())
            accept();
    };
    connect(buttons, &QDialogButtonBox::accepted, this, link);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_intro);
    layout->addWidget(m_placeLabel);
    layout->addWidget(m_place);
    layout->addWidget(m_listLabel);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_state);
    layout->addWidget(buttons);

    // The list follows the place as it is typed, once the agent pauses.
    m_typing.setSingleShot(true);
    m_typing.setInterval(300);
    connect(&m_typing, &QTimer::timeout, this, &IncidentLinkDialog::ask);
    connect(m_place, &QLineEdit::textEdited, this, [this] { m_typing.start(); });
    connect(m_list, &QTreeWidget::currentItemChanged, this, &IncidentLinkDialog::updateLinkButton);
    connect(m_list, &QTreeWidget::itemActivated, this, link);
    connect(m_client, &client::SanadClient::incidentsReady, this, &IncidentLinkDialog::onReady);
    connect(m_client, &client::SanadClient::requestFailed, this, &IncidentLinkDialog::onFailed);
    m_place->installEventFilter(this);

    retranslateUi();
    ask();
}

client::IncidentCandidateInfo IncidentLinkDialog::chosen() const
{
    const QTreeWidgetItem *item = m_list->currentItem();
    const int index = item ? item->data(NumberColumn, Qt::UserRole).toInt() : -1;
    return index >= 0 && index < m_incidents.size() ? m_incidents.at(index) : client::IncidentCandidateInfo();
}

void IncidentLinkDialog::ask()
{
    if (m_request != 0)
        m_client->cancel(m_request);
    m_stateKind = State::Loading;
    m_request = m_client->listIncidents(m_target.category, m_place->text().simplified(), m_target.id, kMaxShown);
    retranslateUi();
}

void IncidentLinkDialog::onReady(quint64 requestId, const QList<client::IncidentCandidateInfo> &incidents)
{
    if (requestId != m_request)
        return;
    m_request = 0;
    m_incidents = incidents;
    m_stateKind = State::Ready;
    fill();
}

void IncidentLinkDialog::onFailed(quint64 requestId, const client::ClientError &error)
{
    if (requestId != m_request || error.kind == client::ClientError::Kind::Cancelled)
        return;
    m_request = 0;
    m_incidents.clear();
    m_stateKind = State::Failed;
    m_error = error;
    fill();
}

void IncidentLinkDialog::fill()
{
    const QString current = chosen().caseId;
    m_list->clear();
    QTreeWidgetItem *select = nullptr;
    for (int i = 0; i < m_incidents.size(); ++i) {
        const client::IncidentCandidateInfo &c = m_incidents.at(i);
        auto *item = new QTreeWidgetItem(m_list);
        item->setData(NumberColumn, Qt::UserRole, i);
        if (!select || c.caseId == current)
            select = item; // the first, or the one chosen before the list changed
    }
    retranslateUi(); // writes the texts
    if (select)
        m_list->setCurrentItem(select);
    updateLinkButton();
}

void IncidentLinkDialog::updateLinkButton()
{
    m_link->setEnabled(m_list->currentItem() != nullptr);
}

bool IncidentLinkDialog::eventFilter(QObject *watched, QEvent *event)
{
    // Down from the place goes into the list, as in a search field.
    if (watched == m_place && event->type() == QEvent::KeyPress
        && static_cast<QKeyEvent *>(event)->key() == Qt::Key_Down && m_list->topLevelItemCount() > 0) {
        m_list->setFocus(Qt::TabFocusReason);
        if (!m_list->currentItem())
            m_list->setCurrentItem(m_list->topLevelItem(0));
        return true;
    }
    return QDialog::eventFilter(watched, event);
}

void IncidentLinkDialog::changeEvent(QEvent *event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslateUi();
    QDialog::changeEvent(event);
}

void IncidentLinkDialog::retranslateUi()
{
    const QString number = DisplayText::caseNumber(m_target.number);
    setWindowTitle(tr("Link case %1 to an incident").arg(number));
    m_intro->setText(tr("Choose the incident that case %1 (%2) is a report of: open incidents of this category, "
                        "and other callers' open cases of it from the last hours that could become one.")
                         .arg(number, DisplayText::category(m_target.category)));
    m_placeLabel->setText(tr("&Place (cases whose place shares a word with it; empty for all):"));
    m_place->setPlaceholderText(tr("A word of the place, such as the district"));
    m_listLabel->setText(tr("&Cases:"));
    m_list->setHeaderLabels({ tr("Case"), tr("Place"), tr("Reports"), tr("Priority"), tr("Status"), tr("Opened") });
    m_link->setText(tr("&Link as a report"));
    m_list->setAccessibleName(tr("Incidents to link to"));
    m_place->setAccessibleName(tr("Place"));
    for (int row = 0; row < m_list->topLevelItemCount(); ++row) {
        QTreeWidgetItem *item = m_list->topLevelItem(row);
        const client::IncidentCandidateInfo &c = m_incidents.at(item->data(NumberColumn, Qt::UserRole).toInt());
        item->setText(NumberColumn, DisplayText::caseNumber(c.number));
        item->setText(PlaceColumn, c.location.isEmpty() ? tr("(no place recorded)") : bidi::isolateAuto(c.location));
        item->setText(ReportsColumn, QLocale().toString(c.reports));
        item->setText(PriorityColumn, DisplayText::priority(c.priority));
        item->setText(StatusColumn,
                      c.incident ? tr("Incident, %1").arg(DisplayText::caseStatus(c.status))
                                 : DisplayText::caseStatus(c.status));
        item->setText(OpenedColumn, DisplayText::dateTime(c.openedAt));
        if (!c.summary.isEmpty())
            item->setToolTip(PlaceColumn, bidi::isolateAuto(c.summary));
    }
    switch (m_stateKind) {
    case State::Loading:
        m_state->setText(tr("Asking the server for incidents…"));
        break;
    case State::Ready:
        m_state->setText(
            m_incidents.isEmpty()
                ? tr("No open incident or recent case of this category matches the place. Clear the "
                     "place to see them all.")
                : tr("Up and down arrows choose; Enter links case %1 as a report of the chosen one.").arg(number));
        break;
    case State::Failed:
        m_state->setText(tr("The incidents could not be listed: %1").arg(DisplayText::error(m_error)));
        break;
    }
}

} // namespace sanad::ui

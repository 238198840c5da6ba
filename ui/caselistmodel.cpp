#include "ui/caselistmodel.h"

#include "core/casestatus.h"
#include "ui/bidi.h"
#include "ui/displaytext.h"
#include "ui/icons.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>
#include <QLocale>

#include <algorithm>

namespace sanad::ui {

namespace {

// Top-level rows carry internal id 0; a referral row carries the row of its case plus one.
constexpr quintptr kCaseRow = 0;

const QColor kOverdueRed(0xc6, 0x28, 0x28);
const QColor kClosedGrey(0x75, 0x75, 0x75);

} // namespace

CaseListModel::CaseListModel(const Clock &clock, QObject *parent)
    : QAbstractItemModel(parent)
    , m_clock(clock)
{ }

CaseListModel::~CaseListModel() = default;

void CaseListModel::setCases(const QList<client::CaseInfo> &cases)
{
    beginResetModel();
    m_cases = cases;
    std::stable_sort(m_cases.begin(), m_cases.end(), [](const client::CaseInfo &a, const client::CaseInfo &b) {
        const bool aOpen = isOpenStatus(a.status);
        const bool bOpen = isOpenStatus(b.status);
        if (aOpen != bOpen)
            return aOpen;
        return a.openedAt > b.openedAt;
    });
    endResetModel();
}

void CaseListModel::clear()
{
    beginResetModel();
    m_cases.clear();
    endResetModel();
}

int CaseListModel::openCaseCount() const
{
    return int(std::count_if(m_cases.cbegin(), m_cases.cend(),
                             [](const client::CaseInfo &c) { return isOpenStatus(c.status); }));
}

int CaseListModel::overdueReferralCount() const
{
    const QDateTime now = m_clock.now();
    int n = 0;
    for (const client::CaseInfo &c : m_cases) {
        for (const client::ReferralInfo &r : c.referrals)
            n += r.isOverdue(now) ? 1 : 0;
    }
    return n;
}

void CaseListModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (m_cases.isEmpty())
        return;
    Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
    for (int row = 0; row < m_cases.size(); ++row) {
        const QModelIndex parent = index(row, 0);
        const int children = rowCount(parent);
        if (children > 0)
            Q_EMIT dataChanged(index(0, 0, parent), index(children - 1, ColumnCount - 1, parent));
    }
}

QModelIndex CaseListModel::index(int row, int column, const QModelIndex &parent) const
{
    if (row < 0 || column < 0 || column >= ColumnCount)
        return {};
    if (!parent.isValid())
        return row < m_cases.size() ? createIndex(row, column, kCaseRow) : QModelIndex();
    if (parent.internalId() != kCaseRow || parent.column() != 0 || parent.row() >= m_cases.size())
        return {};
    if (row >= m_cases.at(parent.row()).referrals.size())
        return {};
    return createIndex(row, column, quintptr(parent.row()) + 1);
}

QModelIndex CaseListModel::parent(const QModelIndex &child) const
{
    if (!child.isValid() || child.internalId() == kCaseRow)
        return {};
    return createIndex(int(child.internalId() - 1), 0, kCaseRow);
}

int CaseListModel::rowCount(const QModelIndex &parent) const
{
    if (!parent.isValid())
        return int(m_cases.size());
    if (parent.internalId() != kCaseRow || parent.column() != 0)
        return 0;
    return int(m_cases.at(parent.row()).referrals.size());
}

int CaseListModel::columnCount(const QModelIndex &) const
{
    return ColumnCount;
}

Qt::ItemFlags CaseListModel::flags(const QModelIndex &index) const
{
    if (!index.isValid())
        return Qt::NoItemFlags;
    Qt::ItemFlags f = Qt::ItemIsEnabled | Qt::ItemIsSelectable;
    if (index.internalId() != kCaseRow)
        f |= Qt::ItemNeverHasChildren;
    return f;
}

QVariant CaseListModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid))
        return {};
    if (index.internalId() == kCaseRow)
        return caseData(m_cases.at(index.row()), index.column(), role);
    const client::CaseInfo &c = m_cases.at(int(index.internalId() - 1));
    return referralData(c, c.referrals.at(index.row()), index.column(), role);
}

QVariant CaseListModel::caseData(const client::CaseInfo &c, int column, int role) const
{
    const bool open = isOpenStatus(c.status);
    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case NumberColumn:
            return DisplayText::caseNumber(c.number);
        case CategoryColumn:
            return categoryText(c);
        case StatusColumn:
            return DisplayText::caseStatus(c.status);
        case PriorityColumn:
            return DisplayText::priority(c.priority);
        case OpenedColumn:
            return DisplayText::date(c.openedAt);
        }
        return {};
    case Qt::ToolTipRole: {
        QStringList lines;
        if (!c.summary.isEmpty())
            lines << bidi::isolateAuto(c.summary);
        if (!c.location.isEmpty())
            lines << tr("Location: %1").arg(bidi::isolateAuto(c.location));
        if (const QString incident = incidentText(c); !incident.isEmpty())
            lines << incident; // the category column may be too narrow for it
        lines << tr("Opened: %1").arg(DisplayText::gregorianAndApproximateHijri(c.openedAt));
        if (c.closedAt.isValid())
            lines << tr("Closed: %1").arg(DisplayText::gregorianAndApproximateHijri(c.closedAt));
        if (c.status == CaseStatus::Resolved || c.status == CaseStatus::Closed)
            lines << (c.customerConfirmed ? tr("The customer confirmed the resolution.")
                                          : tr("The customer did not confirm the resolution."));
        return lines.join(u'\n');
    }
    case Qt::FontRole:
        if (open && column == NumberColumn) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ForegroundRole:
        if (!open)
            return QBrush(kClosedGrey);
        if (column == PriorityColumn && (c.priority == Priority::Urgent || c.priority == Priority::High))
            return QBrush(kOverdueRed);
        return {};
    case CaseIdRole:
        return c.id;
    case CaseNumberRole:
        return c.number;
    case IsReferralRole:
        return false;
    case IsOpenRole:
        return open;
    case IsOverdueRole:
        return false;
    }
    return {};
}

QString CaseListModel::incidentText(const client::CaseInfo &c) const
{
    // A report names its incident, so the agent can tell the caller what the incident is at; an
    // incident says how many have reported it.
    if (!c.incidentId.isEmpty())
        return tr("report of incident %1")
            .arg(c.incidentNumber.isEmpty() ? tr("(number not known yet)") : DisplayText::caseNumber(c.incidentNumber));
    if (c.incidentReports > 1)
        return tr("incident, reports: %1").arg(QLocale().toString(c.incidentReports));
    return {};
}

QString CaseListModel::categoryText(const client::CaseInfo &c) const
{
    const QString incident = incidentText(c);
    return incident.isEmpty() ? DisplayText::category(c.category)
                              : DisplayText::category(c.category) + tr(" · ") + incident;
}

QString CaseListModel::referralText(const client::ReferralInfo &r) const
{
    const QString owner = r.owner.isEmpty() ? tr("no owner yet") : bidi::isolateAuto(r.owner);
    QStringList parts;
    parts << tr("Referred to %1").arg(bidi::isolateAuto(r.department));
    parts << tr("owner: %1").arg(owner);
    if (r.dueAt.isValid())
        parts << tr("due %1").arg(DisplayText::dateTime(r.dueAt));
    if (!r.isOpen())
        parts << DisplayText::referralStatus(r.status);
    const QDateTime now = m_clock.now();
    if (r.isOverdue(now))
        parts << DisplayText::overdueBy(r.dueAt.secsTo(now));
    //: Separator between the parts of a referral line (department, owner, due time, status).
    return parts.join(tr(" · "));
}

QVariant CaseListModel::referralData(const client::CaseInfo &c, const client::ReferralInfo &r, int column,
                                     int role) const
{
    const bool overdue = r.isOverdue(m_clock.now());
    switch (role) {
    case Qt::DisplayRole:
        return column == 0 ? referralText(r) : QString();
    case Qt::DecorationRole:
        if (column == 0)
            return Icons::direction(Direction::Outbound, QGuiApplication::layoutDirection());
        return {};
    case Qt::ToolTipRole:
        return tr("Referral of case %1\nCreated: %2\nDue: %3")
            .arg(DisplayText::caseNumber(c.number), DisplayText::gregorianAndApproximateHijri(r.createdAt),
                 DisplayText::gregorianAndApproximateHijri(r.dueAt));
    case Qt::ForegroundRole:
        if (overdue)
            return QBrush(kOverdueRed);
        if (!r.isOpen())
            return QBrush(kClosedGrey);
        return {};
    case Qt::FontRole:
        if (overdue) {
            QFont f;
            f.setBold(true);
            return f;
        }
        return {};
    case CaseIdRole:
        return c.id;
    case CaseNumberRole:
        return c.number;
    case IsReferralRole:
        return true;
    case IsOpenRole:
        return r.isOpen();
    case IsOverdueRole:
        return overdue;
    case DueAtRole:
        return r.dueAt;
    }
    return {};
}

QVariant CaseListModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractItemModel::headerData(section, orientation, role);
    switch (section) {
    case NumberColumn:
        return tr("Case");
    case CategoryColumn:
        return tr("Category");
    case StatusColumn:
        return tr("Status");
    case PriorityColumn:
        return tr("Priority");
    case OpenedColumn:
        return tr("Opened");
    }
    return {};
}

} // namespace sanad::ui

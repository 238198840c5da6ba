#include "ui/casehistorymodel.h"

#include "ui/bidi.h"
#include "ui/displaytext.h"
#include "ui/icons.h"

#include <QBrush>
#include <QColor>
#include <QFont>
#include <QGuiApplication>

#include <algorithm>

namespace sanad::ui {

namespace {

const QColor kNoteBackground(0xff, 0xf8, 0xe1);
const QColor kNoteText(0x5d, 0x40, 0x37);

} // namespace

CaseHistoryModel::CaseHistoryModel(QObject *parent)
    : QAbstractTableModel(parent)
{ }

CaseHistoryModel::~CaseHistoryModel() = default;

bool CaseHistoryModel::isNote(const client::InteractionInfo &interaction)
{
    return interaction.note;
}

void CaseHistoryModel::setHistory(const QList<client::InteractionInfo> &history)
{
    beginResetModel();
    m_rows = history;
    std::stable_sort(
        m_rows.begin(), m_rows.end(),
        [](const client::InteractionInfo &a, const client::InteractionInfo &b) { return a.occurredAt > b.occurredAt; });
    endResetModel();
}

void CaseHistoryModel::clear()
{
    beginResetModel();
    m_rows.clear();
    endResetModel();
}

void CaseHistoryModel::retranslate()
{
    Q_EMIT headerDataChanged(Qt::Horizontal, 0, ColumnCount - 1);
    if (!m_rows.isEmpty())
        Q_EMIT dataChanged(index(0, 0), index(rowCount() - 1, ColumnCount - 1));
}

int CaseHistoryModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_rows.size());
}

int CaseHistoryModel::columnCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : ColumnCount;
}

QVariant CaseHistoryModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::InteractionInfo &i = m_rows.at(index.row());
    const bool note = isNote(i);
    switch (role) {
    case Qt::DisplayRole:
        switch (index.column()) {
        case ChannelColumn:
            return note ? tr("Note") : DisplayText::channel(i.channel);
        case DateColumn:
            return DisplayText::gregorianAndHijri(i.occurredAt);
        case AgentColumn:
            return bidi::isolateAuto(i.agentName);
        case CaseColumn:
            return DisplayText::caseNumber(i.caseNumber);
        case SummaryColumn:
            if (!i.summary.isEmpty())
                return bidi::isolateAuto(i.summary);
            return i.category.isEmpty() ? QString() : tr("About: %1").arg(DisplayText::category(i.category));
        }
        return {};
    case Qt::DecorationRole:
        if (index.column() != ChannelColumn)
            return {};
        if (note)
            return Icons::note();
        return Icons::channelWithDirection(i.channel, i.direction, QGuiApplication::layoutDirection());
    case Qt::ToolTipRole:
        switch (index.column()) {
        case ChannelColumn:
            if (note)
                return tr("A note written by an agent on the case");
            if (i.direction == Direction::Unspecified)
                return DisplayText::channel(i.channel);
            //: Channel and direction, e.g. "Phone call, inbound".
            return tr("%1, %2").arg(DisplayText::channel(i.channel), DisplayText::direction(i.direction));
        case DateColumn:
            return DisplayText::hijriToolTip(i.occurredAt);
        case CaseColumn:
            return i.category.isEmpty() ? QVariant() : QVariant(DisplayText::category(i.category));
        case SummaryColumn:
            return i.summary.isEmpty() ? QVariant() : QVariant(bidi::isolateAuto(i.summary));
        }
        return {};
    case Qt::FontRole:
        if (note) {
            QFont f;
            f.setItalic(true);
            return f;
        }
        return {};
    case Qt::BackgroundRole:
        return note ? QVariant(QBrush(kNoteBackground)) : QVariant();
    case Qt::ForegroundRole:
        return note ? QVariant(QBrush(kNoteText)) : QVariant();
    case InteractionIdRole:
        return i.id;
    case OccurredAtRole:
        return i.occurredAt;
    case IsNoteRole:
        return note;
    case ChannelRole:
        return int(i.channel);
    case CaseIdRole:
        return i.caseId;
    case CaseNumberRole:
        return i.caseNumber;
    }
    return {};
}

QVariant CaseHistoryModel::headerData(int section, Qt::Orientation orientation, int role) const
{
    if (orientation != Qt::Horizontal || role != Qt::DisplayRole)
        return QAbstractTableModel::headerData(section, orientation, role);
    switch (section) {
    case ChannelColumn:
        return tr("Channel");
    case DateColumn:
        return tr("Date (Gregorian · Hijri, approximate)");
    case AgentColumn:
        return tr("Agent");
    case CaseColumn:
        return tr("Case");
    case SummaryColumn:
        return tr("Summary");
    }
    return {};
}

} // namespace sanad::ui

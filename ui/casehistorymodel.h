#pragma once

#include "client/types.h"

#include <QAbstractTableModel>

namespace sanad::ui {

// Every contact of the caller across channels, newest first: one row per interaction, with the
// channel (icon with a direction arrow, and name), the date in Gregorian and Hijri, the agent,
// the case number and the summary. Agents' notes on cases are rows too, set apart by their icon,
// italic text and a pale background.
class CaseHistoryModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseHistoryModel)

public:
    enum Column { ChannelColumn, DateColumn, AgentColumn, CaseColumn, SummaryColumn, ColumnCount };
    enum Role {
        InteractionIdRole = Qt::UserRole + 1,
        OccurredAtRole, // QDateTime, UTC
        IsNoteRole, // bool
        ChannelRole, // int, sanad::Channel
        CaseIdRole,
        CaseNumberRole, // not isolated
    };
    Q_ENUM(Role)

    explicit CaseHistoryModel(QObject *parent = nullptr);
    ~CaseHistoryModel() override;

    // Replaces the rows (model reset), sorted newest first whatever the input order.
    void setHistory(const QList<client::InteractionInfo> &history);
    void clear();
    const client::InteractionInfo &interactionAt(int row) const { return m_rows.at(row); }
    // Texts and icons follow the current language: call after a language switch.
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    static bool isNote(const client::InteractionInfo &interaction);

private:
    QList<client::InteractionInfo> m_rows;
};

} // namespace sanad::ui

#pragma once

#include "client/types.h"
#include "core/clock.h"

#include <QAbstractItemModel>

namespace sanad::ui {

// The caller's cases for the screen-pop: a two-level tree. Top-level rows are cases, open ones
// first (then closed), newest first within each group; the children of a case are its referrals
// (department, owner, due time, status), whose text is in column 0 and meant to span the row.
// An open referral past its due time is painted red with "overdue by N days". "Now" is read from
// the Clock given at construction.
class CaseListModel final : public QAbstractItemModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CaseListModel)

public:
    enum Column { NumberColumn, CategoryColumn, StatusColumn, PriorityColumn, OpenedColumn, ColumnCount };
    enum Role {
        CaseIdRole = Qt::UserRole + 1, // the case's id (also on referral rows)
        CaseNumberRole, // "SN-2026-000123", not isolated
        IsReferralRole, // bool
        IsOpenRole, // bool: an open case, or an open referral
        IsOverdueRole, // bool: an open referral past its due time
        DueAtRole, // QDateTime (UTC), referral rows
    };
    Q_ENUM(Role)

    explicit CaseListModel(const Clock &clock = Clock::system(), QObject *parent = nullptr);
    ~CaseListModel() override;

    // Replaces the cases (model reset). Cases may come in any order.
    void setCases(const QList<client::CaseInfo> &cases);
    void clear();
    int openCaseCount() const;
    int overdueReferralCount() const;
    // Texts and icons follow the current language: call after a language switch.
    void retranslate();

    QModelIndex index(int row, int column, const QModelIndex &parent = {}) const override;
    QModelIndex parent(const QModelIndex &child) const override;
    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;

private:
    QVariant caseData(const client::CaseInfo &c, int column, int role) const;
    QVariant referralData(const client::CaseInfo &c, const client::ReferralInfo &r, int column, int role) const;
    QString referralText(const client::ReferralInfo &r) const;
    // The case's part in an incident (a report of one, or one with reports); empty when none.
    QString incidentText(const client::CaseInfo &c) const;
    // The category, and the case's part in an incident.
    QString categoryText(const client::CaseInfo &c) const;

    const Clock &m_clock;
    QList<client::CaseInfo> m_cases;
};

} // namespace sanad::ui

#pragma once

#include "client/types.h"

#include <QAbstractListModel>

namespace sanad::ui {

// The results of a customer search, best first as the source ranked them: one row per customer,
// "name — primary number · city", and why it was found when the row does not say it (a case
// number, a national id, a similar spelling, some of the words).
class CustomerSearchModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSearchModel)

public:
    enum Role { CustomerIdRole = Qt::UserRole + 1, NameRole, PrimaryPhoneRole, MatchRole };
    Q_ENUM(Role)

    explicit CustomerSearchModel(QObject *parent = nullptr);
    ~CustomerSearchModel() override;

    void setResults(const QList<client::SearchResult> &results);
    void clear();
    const client::SearchResult &resultAt(int row) const { return m_results.at(row); }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<client::SearchResult> m_results;
};

} // namespace sanad::ui

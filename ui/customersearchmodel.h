#pragma once

#include "client/types.h"

#include <QAbstractListModel>

namespace sanad::ui {

// The results of a customer search, in the server's order (most recent contact first): one row
// per customer, "name — primary number · city".
class CustomerSearchModel final : public QAbstractListModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(CustomerSearchModel)

public:
    enum Role { CustomerIdRole = Qt::UserRole + 1, NameRole, PrimaryPhoneRole };
    Q_ENUM(Role)

    explicit CustomerSearchModel(QObject *parent = nullptr);
    ~CustomerSearchModel() override;

    void setResults(const QList<client::CustomerInfo> &customers);
    void clear();
    const client::CustomerInfo &customerAt(int row) const { return m_customers.at(row); }
    void retranslate();

    int rowCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;

private:
    QList<client::CustomerInfo> m_customers;
};

} // namespace sanad::ui

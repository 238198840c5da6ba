#include "ui/customersearchmodel.h"

#include "ui/bidi.h"
#include "ui/displaytext.h"

namespace sanad::ui {

CustomerSearchModel::CustomerSearchModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

CustomerSearchModel::~CustomerSearchModel() = default;

void CustomerSearchModel::setResults(const QList<client::CustomerInfo> &customers)
{
    beginResetModel();
    m_customers = customers;
    endResetModel();
}

void CustomerSearchModel::clear()
{
    beginResetModel();
    m_customers.clear();
    endResetModel();
}

void CustomerSearchModel::retranslate()
{
    if (!m_customers.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

int CustomerSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_customers.size());
}

QVariant CustomerSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::CustomerInfo &c = m_customers.at(index.row());
    const QString phone = c.phones.isEmpty() ? QString() : c.phones.first();
    switch (role) {
    case Qt::DisplayRole: {
        QString text = bidi::isolateAuto(c.name);
        if (!phone.isEmpty())
            text = tr("%1 — %2").arg(text, DisplayText::phoneNumber(phone));
        if (!c.city.isEmpty())
            text = tr("%1 · %2").arg(text, bidi::isolateAuto(c.city));
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines { bidi::isolateAuto(c.name) };
        if (!c.phones.isEmpty())
            lines << tr("Numbers: %1").arg(DisplayText::phoneNumbers(c.phones));
        if (c.lastContactAt.isValid())
            lines << tr("Last contact: %1").arg(DisplayText::gregorianAndHijri(c.lastContactAt));
        lines << tr("Press Enter to open the customer.");
        return lines.join(u'\n');
    }
    case CustomerIdRole:
        return c.id;
    case NameRole:
        return c.name;
    case PrimaryPhoneRole:
        return phone;
    }
    return {};
}

} // namespace sanad::ui

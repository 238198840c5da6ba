#include "ui/customersearchmodel.h"

#include "ui/bidi.h"
#include "ui/displaytext.h"

namespace sanad::ui {

CustomerSearchModel::CustomerSearchModel(QObject *parent)
    : QAbstractListModel(parent)
{ }

CustomerSearchModel::~CustomerSearchModel() = default;

void CustomerSearchModel::setResults(const QList<client::SearchResult> &results)
{
    beginResetModel();
    m_results = results;
    endResetModel();
}

void CustomerSearchModel::clear()
{
    beginResetModel();
    m_results.clear();
    endResetModel();
}

void CustomerSearchModel::retranslate()
{
    if (!m_results.isEmpty())
        Q_EMIT dataChanged(index(0), index(rowCount() - 1));
}

int CustomerSearchModel::rowCount(const QModelIndex &parent) const
{
    return parent.isValid() ? 0 : int(m_results.size());
}

QVariant CustomerSearchModel::data(const QModelIndex &index, int role) const
{
    if (!checkIndex(index, CheckIndexOption::IndexIsValid | CheckIndexOption::ParentIsInvalid))
        return {};
    const client::SearchResult &result = m_results.at(index.row());
    const client::CustomerInfo &c = result.customer;
    const QString phone = c.phones.isEmpty() ? QString() : c.phones.first();
    switch (role) {
    case Qt::DisplayRole: {
        QString text = bidi::isolateAuto(c.name);
        if (!phone.isEmpty())
            //: A search result: the customer's name, then the primary number.
            text = tr("%1 — %2").arg(text, DisplayText::phoneNumber(phone));
        if (!c.city.isEmpty())
            //: A search result, then the customer's city. In Arabic avoid the middle dot, which reads as
            //: the Arabic-Indic zero next to digits.
            text = tr("%1 · %2").arg(text, bidi::isolateAuto(c.city));
        const QString why = DisplayText::searchMatch(result.match, result.caseNumber);
        if (!why.isEmpty())
            //: A search result, then why it was found, e.g. "(similar spelling)".
            text = tr("%1 (%2)").arg(text, why);
        return text;
    }
    case Qt::ToolTipRole: {
        QStringList lines { bidi::isolateAuto(c.name) };
        if (!c.phones.isEmpty())
            lines << tr("Numbers: %1").arg(DisplayText::phoneNumbers(c.phones));
        if (!c.nationalId.isEmpty())
            lines << tr("National ID: %1").arg(DisplayText::nationalId(c.nationalId));
        if (c.lastContactAt.isValid())
            lines << tr("Last contact: %1").arg(DisplayText::gregorianAndApproximateHijri(c.lastContactAt));
        if (const QString why = DisplayText::searchMatch(result.match, result.caseNumber); !why.isEmpty())
            lines << tr("Found by: %1").arg(why);
        lines << tr("Press Enter to open the customer.");
        return lines.join(u'\n');
    }
    case CustomerIdRole:
        return c.id;
    case NameRole:
        return c.name;
    case PrimaryPhoneRole:
        return phone;
    case MatchRole:
        return int(result.match);
    }
    return {};
}

} // namespace sanad::ui

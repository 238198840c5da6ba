#include "core/category.h"

#include <QCoreApplication>

namespace sanad {

const QList<Category> &categories()
{
    static const QList<Category> list = {
        {"water.supply_cut", QT_TRANSLATE_NOOP("Category", "Water supply cut"), "Water network operations"},
        {"water.burst_pipe", QT_TRANSLATE_NOOP("Category", "Burst pipe or leak"), "Water network maintenance"},
        {"water.quality", QT_TRANSLATE_NOOP("Category", "Water quality"), "Water quality laboratory"},
        {"electricity.outage", QT_TRANSLATE_NOOP("Category", "Power outage"), "Electricity distribution"},
        {"lighting.street_light", QT_TRANSLATE_NOOP("Category", "Street lighting fault"), "Municipal lighting"},
        {"roads.damage", QT_TRANSLATE_NOOP("Category", "Road damage"), "Roads maintenance"},
        {"waste.collection", QT_TRANSLATE_NOOP("Category", "Waste collection"), "Cleaning services"},
        {"billing.dispute", QT_TRANSLATE_NOOP("Category", "Billing dispute"), "Billing"},
        {"bank.card", QT_TRANSLATE_NOOP("Category", "Bank card request"), "Card services"},
        {"bank.account", QT_TRANSLATE_NOOP("Category", "Bank account request"), "Branch operations"},
        {"telecom.internet", QT_TRANSLATE_NOOP("Category", "Internet connection fault"), "Fixed network support"},
        {"telecom.mobile", QT_TRANSLATE_NOOP("Category", "Mobile line service"), "Mobile services"},
        {"general.complaint", QT_TRANSLATE_NOOP("Category", "General complaint"), "Customer relations"},
        {"general.inquiry", QT_TRANSLATE_NOOP("Category", "General inquiry"), "Customer relations"},
    };
    return list;
}

const Category *findCategory(QStringView key)
{
    for (const Category &c : categories()) {
        if (key == QLatin1StringView(c.key))
            return &c;
    }
    return nullptr;
}

QString categoryLabel(QStringView key)
{
    if (const Category *c = findCategory(key))
        return QCoreApplication::translate("Category", c->label);
    return key.toString();
}

} // namespace sanad

#pragma once

#include <QList>
#include <QString>

namespace sanad {

// The categories a case or contact can have. Keys are stored and sent over the API; labels are
// English source strings translated in the "Category" context (the desktop shows them with
// QCoreApplication::translate("Category", label)).
struct Category
{
    const char *key;
    const char *label;
    const char *department; // the department a referral of this category goes to by default
};

const QList<Category> &categories();
// nullptr for an unknown key.
const Category *findCategory(QStringView key);
// The translated label, or the key itself for a category this build does not know.
QString categoryLabel(QStringView key);

} // namespace sanad

#include "client/casework.h"

#include "core/casepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sanad::client {

using namespace Qt::StringLiterals;

WorkPolicyInfo WorkPolicyInfo::defaults()
{
    const CasePolicy policy = CasePolicy::defaults();
    WorkPolicyInfo info;
    for (const QString &code : policy.dispositionCodes) {
        const CasePolicy::Label label = policy.dispositionLabel(code);
        info.dispositionCodes.append({ code, label.arabic, label.english });
    }
    info.wrapUpRequiredByDefault = policy.wrapUpRequiredByDefault;
    info.wrapUpRequiredByQueue = policy.wrapUpRequiredByQueue;
    return info;
}

QByteArray WorkPolicyInfo::toJson() const
{
    QJsonArray codes;
    for (const DispositionCodeInfo &c : dispositionCodes)
        codes.append(QJsonObject { { u"code"_s, c.code }, { u"ar"_s, c.labelAr }, { u"en"_s, c.labelEn } });
    QJsonObject queues;
    for (auto it = wrapUpRequiredByQueue.cbegin(); it != wrapUpRequiredByQueue.cend(); ++it)
        queues.insert(it.key(), it.value());
    const QJsonObject root { { u"disposition_codes"_s, codes },
                             { u"wrap_up_required_by_default"_s, wrapUpRequiredByDefault },
                             { u"queues"_s, queues } };
    return QJsonDocument(root).toJson(QJsonDocument::Compact);
}

std::optional<WorkPolicyInfo> WorkPolicyInfo::fromJson(const QByteArray &json)
{
    const QJsonDocument document = QJsonDocument::fromJson(json);
    if (!document.isObject())
        return std::nullopt;
    const QJsonObject root = document.object();
    WorkPolicyInfo info;
    for (const QJsonValue &value : root.value(u"disposition_codes"_s).toArray()) {
        const QJsonObject c = value.toObject();
        const QString code = c.value(u"code"_s).toString();
        if (code.isEmpty())
            return std::nullopt;
        info.dispositionCodes.append({ code, c.value(u"ar"_s).toString(code), c.value(u"en"_s).toString(code) });
    }
    if (info.dispositionCodes.isEmpty())
        return std::nullopt; // a policy always has codes: this is not one
    info.wrapUpRequiredByDefault = root.value(u"wrap_up_required_by_default"_s).toBool();
    const QJsonObject queues = root.value(u"queues"_s).toObject();
    for (auto it = queues.begin(); it != queues.end(); ++it)
        info.wrapUpRequiredByQueue.insert(it.key(), it.value().toBool());
    return info;
}

} // namespace sanad::client

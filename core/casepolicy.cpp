#include "core/casepolicy.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace sanad {

namespace {

constexpr qint64 kHourMs = 3600LL * 1000;

bool readPriorityHours(const QJsonValue &value, const QString &where, QHash<int, int> *out, QString *error)
{
    if (!value.isObject()) {
        *error = QStringLiteral("%1 must be an object such as {\"normal\": 72, \"urgent\": 4}.").arg(where);
        return false;
    }
    const QJsonObject object = value.toObject();
    for (auto it = object.begin(); it != object.end(); ++it) {
        const std::optional<Priority> priority = priorityFromKey(it.key());
        if (!priority) {
            *error = QStringLiteral("%1: \"%2\" is not a priority; use low, normal, high or urgent.")
                         .arg(where, it.key());
            return false;
        }
        const int hours = it.value().toInt(-1);
        if (!it.value().isDouble() || hours <= 0) {
            *error = QStringLiteral("%1.%2 must be a whole number of hours above 0.").arg(where, it.key());
            return false;
        }
        out->insert(int(*priority), hours);
    }
    return true;
}

bool readWhole(const QJsonObject &object, const QString &key, const QString &where, int minimum, int *out,
               QString *error)
{
    if (!object.contains(key))
        return true;
    const QJsonValue value = object.value(key);
    const int number = value.toInt(-1);
    if (!value.isDouble() || number < minimum || double(number) != value.toDouble()) {
        *error = minimum == 0 ? QStringLiteral("%1 must be a whole number, 0 or more.").arg(where)
                              : QStringLiteral("%1 must be a whole number above 0.").arg(where);
        return false;
    }
    *out = number;
    return true;
}

bool readPositive(const QJsonObject &object, const QString &key, const QString &where, int *out, QString *error)
{
    return readWhole(object, key, where, 1, out, error);
}

bool readRequirement(const QJsonValue &value, const QString &where, bool *out, QString *error)
{
    const QString text = value.toString();
    if (text == QLatin1String("required") || text == QLatin1String("optional")) {
        *out = text == QLatin1String("required");
        return true;
    }
    *error = QStringLiteral("%1 must be \"required\" or \"optional\".").arg(where);
    return false;
}

} // namespace

QString priorityKey(Priority priority)
{
    switch (priority) {
    case Priority::Low:
        return QStringLiteral("low");
    case Priority::Normal:
        return QStringLiteral("normal");
    case Priority::High:
        return QStringLiteral("high");
    case Priority::Urgent:
        return QStringLiteral("urgent");
    case Priority::Unspecified:
        break;
    }
    return QStringLiteral("unspecified");
}

std::optional<Priority> priorityFromKey(QStringView key)
{
    for (Priority p : {Priority::Low, Priority::Normal, Priority::High, Priority::Urgent}) {
        if (key == priorityKey(p))
            return p;
    }
    return std::nullopt;
}

CasePolicy CasePolicy::defaults()
{
    CasePolicy policy;
    policy.defaultSlaHours = {{int(Priority::Low), 120},
                              {int(Priority::Normal), 72},
                              {int(Priority::High), 24},
                              {int(Priority::Urgent), 4}};
    // A home without water or power cannot wait three days.
    policy.categorySlaHours.insert(QStringLiteral("water.supply_cut"),
                                   {{int(Priority::Normal), 24}, {int(Priority::High), 8}, {int(Priority::Urgent), 2}});
    policy.categorySlaHours.insert(QStringLiteral("water.burst_pipe"),
                                   {{int(Priority::Normal), 24}, {int(Priority::High), 8}, {int(Priority::Urgent), 2}});
    policy.categorySlaHours.insert(QStringLiteral("electricity.outage"),
                                   {{int(Priority::Normal), 24}, {int(Priority::High), 8}, {int(Priority::Urgent), 2}});
    policy.dispositionCodes = {QStringLiteral("resolved"),       QStringLiteral("information_given"),
                               QStringLiteral("referred"),       QStringLiteral("callback_scheduled"),
                               QStringLiteral("follow_up"),      QStringLiteral("complaint_logged"),
                               QStringLiteral("wrong_number"),   QStringLiteral("dropped")};
    policy.wrapUpRequiredByDefault = false;
    return policy;
}

std::optional<CasePolicy> CasePolicy::fromJson(const QByteArray &json, QString *error)
{
    QString ignored;
    if (!error)
        error = &ignored;
    QJsonParseError parseError;
    const QJsonDocument document = QJsonDocument::fromJson(json, &parseError);
    if (parseError.error != QJsonParseError::NoError) {
        *error = QStringLiteral("The policy file is not valid JSON at character %1: %2.")
                     .arg(parseError.offset)
                     .arg(parseError.errorString());
        return std::nullopt;
    }
    if (!document.isObject()) {
        *error = QStringLiteral("The policy file must hold one JSON object.");
        return std::nullopt;
    }
    static const QStringList known = {QStringLiteral("sla_hours"),         QStringLiteral("awaiting_confirmation_days"),
                                      QStringLiteral("incident"),          QStringLiteral("disposition_codes"),
                                      QStringLiteral("wrap_up"),           QStringLiteral("callbacks")};
    const QJsonObject root = document.object();
    for (const QString &key : root.keys()) {
        if (!known.contains(key)) {
            *error = QStringLiteral("\"%1\" is not a policy setting; the settings are %2.")
                         .arg(key, known.join(QStringLiteral(", ")));
            return std::nullopt;
        }
    }

    CasePolicy policy = defaults();
    if (root.contains(QStringLiteral("sla_hours"))) {
        const QJsonValue sla = root.value(QStringLiteral("sla_hours"));
        if (!sla.isObject()) {
            *error = QStringLiteral("sla_hours must be an object of \"default\" and category keys.");
            return std::nullopt;
        }
        const QJsonObject slaObject = sla.toObject();
        for (auto it = slaObject.begin(); it != slaObject.end(); ++it) {
            const QString where = QStringLiteral("sla_hours.%1").arg(it.key());
            if (it.key() == QLatin1String("default")) {
                if (!readPriorityHours(it.value(), where, &policy.defaultSlaHours, error))
                    return std::nullopt;
            } else {
                QHash<int, int> hours;
                if (!readPriorityHours(it.value(), where, &hours, error))
                    return std::nullopt;
                policy.categorySlaHours.insert(it.key(), hours); // replaces the built-in ones
            }
        }
    }
    if (!readPositive(root, QStringLiteral("awaiting_confirmation_days"), QStringLiteral("awaiting_confirmation_days"),
                      &policy.awaitingConfirmationDays, error))
        return std::nullopt;
    if (root.contains(QStringLiteral("incident"))) {
        const QJsonObject incident = root.value(QStringLiteral("incident")).toObject();
        if (!readPositive(incident, QStringLiteral("window_hours"), QStringLiteral("incident.window_hours"),
                          &policy.incidentWindowHours, error)
            || !readPositive(incident, QStringLiteral("escalate_at"), QStringLiteral("incident.escalate_at"),
                             &policy.incidentEscalateAt, error))
            return std::nullopt;
    }
    if (root.contains(QStringLiteral("disposition_codes"))) {
        // Each code is a plain string, or {"code": "...", "ar": "...", "en": "..."} with its labels.
        const QJsonValue codes = root.value(QStringLiteral("disposition_codes"));
        QStringList list;
        QHash<QString, Label> labels;
        for (const QJsonValue &entry : codes.toArray()) {
            QString text = entry.toString().trimmed();
            if (entry.isObject()) {
                const QJsonObject object = entry.toObject();
                for (const QString &key : object.keys()) {
                    if (key != QLatin1String("code") && key != QLatin1String("ar") && key != QLatin1String("en")) {
                        *error = QStringLiteral("disposition_codes: \"%1\" is not a key of a code; use code, ar "
                                                "and en.")
                                     .arg(key);
                        return std::nullopt;
                    }
                }
                text = object.value(QStringLiteral("code")).toString().trimmed();
                const Label label { object.value(QStringLiteral("ar")).toString().trimmed(),
                                    object.value(QStringLiteral("en")).toString().trimmed() };
                if (!text.isEmpty() && (!label.arabic.isEmpty() || !label.english.isEmpty()))
                    labels.insert(text, label);
            }
            if (text.isEmpty()) {
                *error = QStringLiteral("disposition_codes must be a list of non-empty strings, or of objects "
                                        "such as {\"code\": \"meter_read\", \"ar\": \"...\", \"en\": \"Meter "
                                        "read\"}.");
                return std::nullopt;
            }
            if (list.contains(text)) {
                *error = QStringLiteral("disposition_codes: \"%1\" is listed twice.").arg(text);
                return std::nullopt;
            }
            list.append(text);
        }
        if (!codes.isArray() || list.isEmpty()) {
            *error = QStringLiteral("disposition_codes must be a list with at least one code.");
            return std::nullopt;
        }
        policy.dispositionCodes = list;
        policy.dispositionLabels = labels;
    }
    if (root.contains(QStringLiteral("wrap_up"))) {
        const QJsonObject wrapUp = root.value(QStringLiteral("wrap_up")).toObject();
        if (wrapUp.contains(QStringLiteral("default"))
            && !readRequirement(wrapUp.value(QStringLiteral("default")), QStringLiteral("wrap_up.default"),
                                &policy.wrapUpRequiredByDefault, error))
            return std::nullopt;
        const QJsonObject queues = wrapUp.value(QStringLiteral("queues")).toObject();
        for (auto it = queues.begin(); it != queues.end(); ++it) {
            bool required = false;
            if (!readRequirement(it.value(), QStringLiteral("wrap_up.queues.%1").arg(it.key()), &required, error))
                return std::nullopt;
            policy.wrapUpRequiredByQueue.insert(it.key(), required);
        }
    }
    if (root.contains(QStringLiteral("callbacks"))) {
        const QJsonObject callbacks = root.value(QStringLiteral("callbacks")).toObject();
        if (!readWhole(callbacks, QStringLiteral("delay_minutes"), QStringLiteral("callbacks.delay_minutes"), 0,
                       &policy.callbackDelayMinutes, error)
            || !readPositive(callbacks, QStringLiteral("retry_minutes"), QStringLiteral("callbacks.retry_minutes"),
                             &policy.callbackRetryMinutes, error)
            || !readPositive(callbacks, QStringLiteral("max_attempts"), QStringLiteral("callbacks.max_attempts"),
                             &policy.callbackMaxAttempts, error))
            return std::nullopt;
    }
    return policy;
}

int CasePolicy::slaHours(const QString &category, Priority priority) const
{
    const int p = priority == Priority::Unspecified ? int(Priority::Normal) : int(priority);
    const auto own = categorySlaHours.constFind(category);
    if (own != categorySlaHours.cend() && own->contains(p))
        return own->value(p);
    return defaultSlaHours.value(p, 72);
}

qint64 CasePolicy::referralDueAtMs(const QString &category, Priority priority, qint64 referredAtMs) const
{
    return referredAtMs + slaHours(category, priority) * kHourMs;
}

bool CasePolicy::wrapUpRequired(const QString &queue) const
{
    return wrapUpRequiredByQueue.value(queue, wrapUpRequiredByDefault);
}

std::optional<CasePolicy::Label> CasePolicy::builtInDispositionLabel(const QString &code)
{
    struct BuiltIn
    {
        const char *code;
        const char *arabic;
        const char *english;
    };
    static const BuiltIn kBuiltIn[] = {
        { "resolved", "حُلّت", "Resolved" },
        { "information_given", "قُدّمت المعلومات", "Information given" },
        { "referred", "أُحيلت إلى قسم", "Referred to a department" },
        { "callback_scheduled", "جُدول اتصال لاحق", "Callback scheduled" },
        { "follow_up", "تحتاج إلى متابعة", "Needs follow-up" },
        { "complaint_logged", "سُجّلت الشكوى", "Complaint logged" },
        { "wrong_number", "رقم خاطئ", "Wrong number" },
        { "dropped", "انقطعت المكالمة", "Call dropped" },
    };
    for (const BuiltIn &b : kBuiltIn) {
        if (code == QLatin1String(b.code))
            return Label { QString::fromUtf8(b.arabic), QString::fromUtf8(b.english) };
    }
    return std::nullopt;
}

CasePolicy::Label CasePolicy::dispositionLabel(const QString &code) const
{
    // A file may give one language only: the other is the built-in label, or the code itself.
    const Label own = dispositionLabels.value(code);
    const Label builtIn = builtInDispositionLabel(code).value_or(Label { code, code });
    return Label { own.arabic.isEmpty() ? builtIn.arabic : own.arabic,
                   own.english.isEmpty() ? builtIn.english : own.english };
}

} // namespace sanad

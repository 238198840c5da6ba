#include "server/service/scriptrunrecorder.h"

#include "core/casestatus.h"
#include "core/category.h"
#include "core/script.h"
#include "server/service/caselifecycle.h"
#include "server/service/mutationapplier.h"
#include "server/storage/caserepository.h"
#include "server/storage/database.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/referralrepository.h"
#include "server/storage/scriptrepository.h"
#include "server/storage/sqlquery.h"
#include "server/storage/syncrepository.h"
#include "server/util/protoutil.h"

#include <QDateTime>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QJsonParseError>
#include <QStringList>

namespace sanad::server {

using namespace Qt::StringLiterals;

namespace {

LocalText outcomeWords(OutcomeType type)
{
    switch (type) {
    case OutcomeType::Resolved:
        return { u"حُلّت"_s, u"resolved"_s };
    case OutcomeType::Referred:
        return { u"أُحيلت"_s, u"referred"_s };
    case OutcomeType::CallbackScheduled:
        return { u"موعد معاودة اتصال"_s, u"callback scheduled"_s };
    case OutcomeType::Transferred:
        return { u"حُوّلت"_s, u"transferred"_s };
    case OutcomeType::NotResolved:
        return { u"لم تُحل"_s, u"not resolved"_s };
    case OutcomeType::None:
        break;
    }
    return {};
}

// The status an outcome asks for; Unspecified leaves the status alone.
// Resolved counts only with the customer's confirmation; without it the case awaits it
// (docs/cases.md), as a case resolved from the case card does.
CaseStatus statusFor(OutcomeType type, bool confirmed, CaseStatus current)
{
    switch (type) {
    case OutcomeType::Resolved:
        return confirmed ? CaseStatus::Resolved : CaseStatus::AwaitingConfirmation;
    case OutcomeType::Referred:
        return CaseStatus::Referred;
    case OutcomeType::CallbackScheduled:
    case OutcomeType::Transferred:
    case OutcomeType::NotResolved:
        return current == CaseStatus::New ? CaseStatus::InProgress : CaseStatus::Unspecified;
    case OutcomeType::None:
        break;
    }
    return CaseStatus::Unspecified;
}

} // namespace

ScriptRunRecorder::ScriptRunRecorder(Database &database, const PhoneNumberNormalizer &normalizer,
                                     const CasePolicy &policy)
    : m_database(database)
    , m_normalizer(normalizer)
    , m_policy(policy)
{ }

v1::MutationResult ScriptRunRecorder::apply(const QString &mutationId, const v1::RecordScriptRun &run,
                                            const MutationAuthor &author, qint64 nowMs)
{
    const QString caseId = fromStd(run.case_id()).trimmed();
    CaseRepository cases(m_database);
    std::optional<v1::Case> record = caseId.isEmpty() ? std::nullopt : cases.find(caseId);
    if (!record)
        return rejectedMutation(mutationId,
                                u"The script run's case \"%1\" does not exist on the server: push the case before the "
                                "run."_s.arg(caseId));
    ScriptRepository scripts(m_database);
    const QString scriptId = fromStd(run.script_id());
    const std::optional<v1::ScriptDocument> script
        = run.script_version() > 0 ? scripts.find(scriptId, run.script_version()) : std::nullopt;
    if (!script)
        return rejectedMutation(
            mutationId,
            u"Script \"%1\" version %2 is not published on this server: refresh the desktop's script "
            "library and run a published version."_s.arg(scriptId)
                .arg(run.script_version()));
    const OutcomeType outcome = scriptOutcomeFromName(fromStd(run.outcome()));
    if (outcome == OutcomeType::None)
        return rejectedMutation(
            mutationId,
            u"\"%1\" is not a script outcome: use resolved, referred, callback_scheduled, transferred or "
            "not_resolved."_s.arg(fromStd(run.outcome())));
    if (run.transcript_json().size() > size_t(kMaxTranscriptBytes))
        return rejectedMutation(mutationId,
                                u"The transcript is larger than 1 MB: it cannot be a single contact's run."_s);
    QJsonParseError parseError;
    const QJsonDocument transcript
        = QJsonDocument::fromJson(QByteArray::fromStdString(run.transcript_json()), &parseError);
    if (parseError.error != QJsonParseError::NoError || !transcript.isArray() || transcript.array().isEmpty())
        return rejectedMutation(
            mutationId, u"The transcript is not a JSON array of entries (docs/scripts.md): update the desktop."_s);
    const QString runId = fromStd(run.run_id()).trimmed().isEmpty() ? newUuid() : fromStd(run.run_id()).trimmed();
    InteractionRepository interactions(m_database);
    if (interactions.exists(runId))
        return rejectedMutation(
            mutationId, u"A contact with the id %1 already exists: record the run with a new UUID."_s.arg(runId));
    const int channel = run.channel();
    if (channel < v1::CHANNEL_UNSPECIFIED || channel > v1::CHANNEL_WALK_IN)
        return rejectedMutation(mutationId,
                                u"The channel is not a known sanad.v1.Channel value: update the desktop."_s);

    const qint64 endedAt = run.has_ended_at() ? timestampMs(run.ended_at()) : nowMs;
    const qint64 startedAt = run.has_started_at() ? timestampMs(run.started_at()) : endedAt;

    // Write-back: what the script collected, then the outcome's status.
    QStringList notWritten;
    bool caseChanged = false;
    const auto fields = run.fields();
    if (const auto it = fields.find("category"); it != fields.end()) {
        const QString category = fromStd(it->second);
        if (!findCategory(category))
            notWritten.append(u"the category \"%1\" is unknown"_s.arg(category));
        else if (category != fromStd(record->category())) {
            record->set_category(toStd(category));
            caseChanged = true;
        }
    }
    if (const auto it = fields.find("location"); it != fields.end()) {
        const QString location = fromStd(it->second).simplified();
        if (!location.isEmpty() && location != fromStd(record->location())) {
            record->set_location(toStd(location));
            caseChanged = true;
        }
    }
    const auto from = static_cast<CaseStatus>(record->status());
    const bool confirmed = outcome == OutcomeType::Resolved && run.customer_confirmed();
    const CaseStatus to = statusFor(outcome, confirmed, from);
    if (to != CaseStatus::Unspecified && to != from) {
        if (const std::optional<QString> refusal = transitionRefusal(from, to, confirmed)) {
            notWritten.append(u"the status stays %1 (%2)"_s.arg(caseStatusName(from), *refusal));
        } else {
            record->set_status(static_cast<v1::CaseStatus>(to));
            if (isOpenStatus(to)) {
                record->clear_closed_at();
                record->set_customer_confirmed(false);
            } else {
                setTimestampMs(record->mutable_closed_at(), nowMs);
                record->set_customer_confirmed(confirmed);
            }
            caseChanged = true;
        }
    }
    std::optional<v1::Referral> referral;
    if (outcome == OutcomeType::Referred && record->status() == v1::CASE_STATUS_REFERRED) {
        const QString department = fromStd(run.referral_department()).simplified();
        // The end step's SLA, else the policy's for the case's category and priority.
        const int slaHours = run.referral_sla_hours() > 0
            ? run.referral_sla_hours()
            : m_policy.slaHours(fromStd(record->category()), static_cast<Priority>(record->priority()));
        if (department.isEmpty()) {
            notWritten.append(u"no referral: the run gave no department"_s);
        } else {
            referral.emplace();
            referral->set_id(toStd(newUuid()));
            referral->set_case_id(record->id());
            referral->set_department(toStd(department));
            setTimestampMs(referral->mutable_created_at(), nowMs);
            setTimestampMs(referral->mutable_due_at(), nowMs + qint64(slaHours) * 3600 * 1000);
            referral->set_status(v1::REFERRAL_STATUS_OPEN);
        }
    }
    if (caseChanged) {
        record->set_version(record->version() + 1);
        setTimestampMs(record->mutable_updated_at(), nowMs);
        SqlQuery update(m_database.connection(),
                        u"UPDATE cases SET category = ?, location = ?, status = ?, version = ?, updated_at = ?, "
                        "closed_at = ?, customer_confirmed = ? WHERE id = ?"_s);
        update.bind(fromStd(record->category()))
            .bind(fromStd(record->location()))
            .bind(static_cast<int>(record->status()))
            .bind(qint64(record->version()))
            .bind(nowMs)
            .bind(record->has_closed_at() ? timestampMs(record->closed_at()) : qint64(0))
            .bind(record->customer_confirmed())
            .bind(caseId)
            .exec();
    }
    if (record->status() != static_cast<v1::CaseStatus>(from))
        CaseLifecycle(m_database, m_normalizer, m_policy).onStatusChanged(&*record, from, nowMs);

    // The transcript, as an interaction on the case that reads in either language.
    const LocalText words = outcomeWords(outcome);
    v1::Interaction interaction;
    interaction.set_id(toStd(runId));
    interaction.set_case_id(record->id());
    interaction.set_customer_id(record->customer_id());
    interaction.set_channel(channel == v1::CHANNEL_UNSPECIFIED ? v1::CHANNEL_VOICE : static_cast<v1::Channel>(channel));
    interaction.set_direction(v1::DIRECTION_INBOUND);
    setTimestampMs(interaction.mutable_occurred_at(), endedAt);
    interaction.set_agent_name(toStd(author.displayName));
    interaction.set_summary(toStd(u"نص «%1»: %2 — Script \"%3\": %4"_s.arg(fromStd(script->title_ar()), words.ar,
                                                                           fromStd(script->title_en()), words.en)));
    interaction.set_category(record->category());
    interaction.set_note(true);
    interaction.set_script_id(toStd(scriptId));
    interaction.set_script_version(run.script_version());
    interaction.set_script_transcript(run.transcript_json());
    interaction.set_script_outcome(run.outcome());
    interactions.insert(interaction);
    interaction.set_case_number(record->number());

    QJsonObject fieldsJson;
    for (const auto &[key, value] : fields)
        fieldsJson.insert(fromStd(key), fromStd(value));
    scripts.insertRun(runId, fromStd(record->customer_id()), author.userId, run,
                      QString::fromUtf8(QJsonDocument(fieldsJson).toJson(QJsonDocument::Compact)), startedAt, endedAt);
    // Identity verified by the record's questions is kept on the customer, so it is not asked again
    // in the same contact; a one-time code was recorded by CheckIdentityCode already.
    for (const QJsonValue &entry : transcript.array()) {
        const QJsonObject e = entry.toObject();
        if (e.value("action"_L1).toString() == "verified"_L1 && e.value("value"_L1).toString() == "questions"_L1) {
            scripts.recordVerification(fromStd(record->customer_id()), u"knowledge_questions"_s, endedAt,
                                       author.displayName);
            break;
        }
    }

    // One change carries the mutation id (API.md); what the write-back changed follows as the
    // server's own changes, as the lifecycle's rules do (docs/cases.md).
    SyncRepository sync(m_database);
    sync.appendChange(mutationId, interaction, nowMs);
    if (caseChanged)
        sync.appendChange(QString(), *record, nowMs);
    if (referral) {
        ReferralRepository(m_database).insert(*referral);
        sync.appendChange(QString(), *referral, nowMs);
    }
    // A callback promised by the script becomes a callback task in the queue (docs/cases.md),
    // offered to agents like a call, for the day and number the script collected.
    if (outcome == OutcomeType::CallbackScheduled) {
        v1::Mutation schedule;
        v1::ScheduleCallback *callback = schedule.mutable_schedule_callback();
        callback->set_callback_id(toStd(newUuid()));
        callback->set_customer_id(record->customer_id());
        callback->set_case_id(record->id());
        if (const auto it = fields.find("callback_phone"); it != fields.end())
            callback->set_phone(it->second);
        callback->set_reason(toStd(u"%1 — %2 (%3)"_s.arg(fromStd(script->title_ar()), fromStd(script->title_en()),
                                                         fromStd(record->number()))));
        if (const auto it = fields.find("callback_at"); it != fields.end()) {
            const QString when = fromStd(it->second);
            QDateTime due = QDateTime::fromString(when, Qt::ISODate);
            if (when.size() == 10) // a day only: the morning of that day
                due = QDateTime(QDate::fromString(when, Qt::ISODate), QTime(9, 0));
            if (due.isValid())
                setTimestampMs(callback->mutable_due_at(), due.toMSecsSinceEpoch());
        }
        const v1::MutationResult task
            = CaseLifecycle(m_database, m_normalizer, m_policy).scheduleCallback(QString(), schedule, nowMs);
        if (task.outcome() != v1::MUTATION_OUTCOME_APPLIED)
            notWritten.append(u"no callback task (%1)"_s.arg(fromStd(task.detail())));
    }
    const QString detail = notWritten.isEmpty()
        ? QString()
        : u"The transcript is kept, but not everything was written back to case %1: %2."_s.arg(
            fromStd(record->number()), notWritten.join(u"; "_s));
    return mutationOutcome(mutationId, v1::MUTATION_OUTCOME_APPLIED, detail, record->version(), runId);
}

} // namespace sanad::server

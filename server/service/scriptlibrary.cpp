#include "server/service/scriptlibrary.h"

#include "core/script.h"
#include "server/storage/database.h"
#include "server/storage/scriptrepository.h"
#include "server/util/protoutil.h"

#include "server/logcategories.h"

#include <QDir>
#include <QFile>
#include <QHash>
#include <QSet>

#include <map>

namespace sanad::server {

using namespace Qt::StringLiterals;

ScriptLibrary::ScriptLibrary(Database &database)
    : m_database(database)
{ }

ScriptLibrary::Published ScriptLibrary::publish(const QByteArray &json, const QString &publishedBy, qint64 nowMs)
{
    Published published;
    QList<ScriptIssue> issues = validateScript(json);
    QList<ScriptIssue> ignored;
    const Script script = parseScript(json, &ignored);
    const QString name = script.id.isEmpty() ? u"script"_s : script.id;
    for (const ScriptIssue &issue : std::as_const(issues))
        published.problems.append(issue.format(name));
    if (!published.problems.isEmpty())
        return published;

    ScriptRepository scripts(m_database);
    const QString body = QString::fromUtf8(json);
    if (const std::optional<v1::ScriptDocument> current = scripts.find(script.id, 0);
        current && fromStd(current->script_json()) == body) {
        published.document = *current;
        published.unchanged = true;
        return published;
    }
    v1::ScriptDocument &d = published.document;
    d.set_script_id(toStd(script.id));
    d.set_version(scripts.nextVersion(script.id));
    d.set_title_ar(toStd(script.title.ar));
    d.set_title_en(toStd(script.title.en));
    d.set_category(toStd(script.category));
    for (const QString &queue : script.queues)
        d.add_queues(toStd(queue));
    for (const QString &keyword : script.keywords)
        d.add_keywords(toStd(keyword));
    d.set_script_json(toStd(body));
    setTimestampMs(d.mutable_published_at(), nowMs);
    d.set_published_by(toStd(publishedBy));
    scripts.insert(d);
    return published;
}

int ScriptLibrary::publishShipped(const QString &publishedBy, qint64 nowMs)
{
    int count = 0;
    const QDir dir(u":/sanad/scripts"_s);
    for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        const Published published = publish(file.readAll(), publishedBy, nowMs);
        if (!published.problems.isEmpty())
            qCWarning(lcService).noquote()
                << "shipped script" << name << "not published:" << published.problems.join(u"; ");
        else if (!published.unchanged)
            ++count;
    }
    return count;
}

std::optional<v1::ScriptStats> ScriptLibrary::stats(const QString &scriptId, int version, int callbackDays)
{
    ScriptRepository scripts(m_database);
    const std::optional<v1::ScriptDocument> document = scripts.find(scriptId, version);
    if (!document)
        return std::nullopt;
    const Script script = parseScript(QByteArray::fromStdString(document->script_json()), nullptr);
    const qint64 window = qint64(callbackDays > 0 ? callbackDays : 7) * 24 * 3600 * 1000;

    v1::ScriptStats stats;
    stats.set_script_id(document->script_id());
    stats.set_version(document->version());
    QHash<QString, qint64> reached;
    QHash<QString, qint64> repeats;
    std::map<QString, std::pair<qint64, qint64>> outcomes; // outcome → runs, confirmed
    const QList<ScriptRunRow> runs = scripts.runs(scriptId, document->version());
    for (const ScriptRunRow &run : runs) {
        const qint64 next = scripts.nextContactAfter(run.customerId, run.endedAtMs, run.id);
        const bool repeat = next > 0 && next - run.endedAtMs <= window;
        const QSet<QString> steps(run.path.cbegin(), run.path.cend());
        for (const QString &step : steps) {
            ++reached[step];
            if (repeat)
                ++repeats[step];
        }
        auto &[count, confirmed] = outcomes[run.outcome];
        ++count;
        confirmed += run.customerConfirmed ? 1 : 0;
        stats.set_repeat_contacts(stats.repeat_contacts() + (repeat ? 1 : 0));
    }
    stats.set_runs(runs.size());
    for (const ScriptStep &step : script.steps) {
        v1::ScriptStepStats *s = stats.add_steps();
        s->set_step_id(toStd(step.id));
        s->set_runs_reached(reached.value(step.id));
        s->set_repeat_contacts_after(repeats.value(step.id));
    }
    for (const auto &[outcome, counts] : outcomes) {
        v1::ScriptOutcomeCount *o = stats.add_outcomes();
        o->set_outcome(toStd(outcome));
        o->set_runs(counts.first);
        o->set_confirmed(counts.second);
    }
    return stats;
}

QString ScriptLibrary::format(const v1::ScriptStats &stats)
{
    QString out = u"%1 version %2: %3 runs, %4 followed by another contact within the window\n\n"_s
                      .arg(fromStd(stats.script_id()))
                      .arg(stats.version())
                      .arg(stats.runs())
                      .arg(stats.repeat_contacts());
    out += u"%1 %2 %3\n"_s.arg(u"step"_s, -28).arg(u"reached"_s, 8).arg(u"called again"_s, 13);
    for (const v1::ScriptStepStats &s : stats.steps())
        out += u"%1 %2 %3\n"_s.arg(fromStd(s.step_id()), -28)
                   .arg(s.runs_reached(), 8)
                   .arg(s.repeat_contacts_after(), 13);
    out += u"\n%1 %2 %3\n"_s.arg(u"outcome"_s, -28).arg(u"runs"_s, 8).arg(u"confirmed"_s, 13);
    for (const v1::ScriptOutcomeCount &o : stats.outcomes())
        out += u"%1 %2 %3\n"_s.arg(fromStd(o.outcome()), -28).arg(o.runs(), 8).arg(o.confirmed(), 13);
    return out;
}

} // namespace sanad::server

#include "client/scriptcache.h"

#include "core/arabictext.h"
#include "core/scriptrun.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSaveFile>
#include <QStandardPaths>

#include <algorithm>

namespace sanad::client {

using namespace Qt::StringLiterals;

namespace {

// The file keeps the server's metadata beside the script text.
QByteArray toFile(const ScriptDocumentInfo &d)
{
    QJsonObject o { { u"script_id"_s, d.scriptId },
                    { u"version"_s, d.version },
                    { u"title_ar"_s, d.titleAr },
                    { u"title_en"_s, d.titleEn },
                    { u"category"_s, d.category },
                    { u"queues"_s, QJsonArray::fromStringList(d.queues) },
                    { u"keywords"_s, QJsonArray::fromStringList(d.keywords) },
                    { u"published_at"_s, d.publishedAt.toString(Qt::ISODate) },
                    { u"script"_s, QString::fromUtf8(d.json) } };
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

std::optional<ScriptDocumentInfo> fromFile(const QByteArray &bytes)
{
    const QJsonObject o = QJsonDocument::fromJson(bytes).object();
    if (o.value("script_id"_L1).toString().isEmpty())
        return std::nullopt;
    ScriptDocumentInfo d;
    d.scriptId = o.value("script_id"_L1).toString();
    d.version = o.value("version"_L1).toInt();
    d.titleAr = o.value("title_ar"_L1).toString();
    d.titleEn = o.value("title_en"_L1).toString();
    d.category = o.value("category"_L1).toString();
    for (const QJsonValue &v : o.value("queues"_L1).toArray())
        d.queues.append(v.toString());
    for (const QJsonValue &v : o.value("keywords"_L1).toArray())
        d.keywords.append(v.toString());
    d.publishedAt = QDateTime::fromString(o.value("published_at"_L1).toString(), Qt::ISODate);
    d.json = o.value("script"_L1).toString().toUtf8();
    return d;
}

QString fileName(const QString &scriptId, int version)
{
    return u"%1.v%2.json"_s.arg(scriptId).arg(version);
}

} // namespace

ScriptCache::ScriptCache(QString directory)
    : m_directory(std::move(directory))
{
    QDir().mkpath(m_directory);
    load();
}

QString ScriptCache::defaultDirectory()
{
    return QStandardPaths::writableLocation(QStandardPaths::CacheLocation) + u"/scripts"_s;
}

void ScriptCache::load()
{
    m_all.clear();
    const QDir dir(m_directory);
    for (const QString &name : dir.entryList({ u"*.json"_s }, QDir::Files, QDir::Name)) {
        QFile file(dir.filePath(name));
        if (!file.open(QIODevice::ReadOnly))
            continue;
        if (std::optional<ScriptDocumentInfo> d = fromFile(file.readAll()))
            m_all.append(*d);
    }
}

void ScriptCache::update(const QList<ScriptDocumentInfo> &current)
{
    for (const ScriptDocumentInfo &d : current) {
        QSaveFile file(QDir(m_directory).filePath(fileName(d.scriptId, d.version)));
        if (file.open(QIODevice::WriteOnly)) {
            file.write(toFile(d));
            file.commit();
        }
        const auto same = [&](const ScriptDocumentInfo &o) {
            return o.scriptId == d.scriptId && o.version == d.version;
        };
        m_all.erase(std::remove_if(m_all.begin(), m_all.end(), same), m_all.end());
        m_all.append(d);
    }
}

QList<ScriptDocumentInfo> ScriptCache::scripts() const
{
    // The highest version of each id is the current one.
    QHash<QString, ScriptDocumentInfo> latest;
    for (const ScriptDocumentInfo &d : m_all)
        if (!latest.contains(d.scriptId) || latest.value(d.scriptId).version < d.version)
            latest.insert(d.scriptId, d);
    QList<ScriptDocumentInfo> list = latest.values();
    std::sort(list.begin(), list.end(), [](const auto &a, const auto &b) { return a.titleEn < b.titleEn; });
    return list;
}

std::optional<ScriptDocumentInfo> ScriptCache::find(const QString &scriptId, int version) const
{
    std::optional<ScriptDocumentInfo> found;
    for (const ScriptDocumentInfo &d : m_all) {
        if (d.scriptId != scriptId)
            continue;
        if (version > 0 ? d.version == version : (!found || found->version < d.version))
            found = d;
    }
    return found;
}

QList<ScriptDocumentInfo> ScriptCache::suggested(const QString &category, const QString &queue) const
{
    QList<ScriptDocumentInfo> byCategory;
    QList<ScriptDocumentInfo> byQueue;
    for (const ScriptDocumentInfo &d : scripts()) {
        if (!category.isEmpty() && d.category == category)
            byCategory.append(d);
        else if (!queue.isEmpty() && queue != u"general" && d.queues.contains(queue))
            byQueue.append(d);
    }
    return byCategory + byQueue;
}

QList<ScriptDocumentInfo> ScriptCache::search(const QString &text) const
{
    const QStringList wanted = keyTokens(searchKey(text));
    if (wanted.isEmpty())
        return scripts();
    QList<ScriptDocumentInfo> found;
    for (const ScriptDocumentInfo &d : scripts()) {
        const QString haystack
            = QStringList { d.titleAr, d.titleEn, QString(d.scriptId).replace(u'.', u' ').replace(u'_', u' '),
                            d.keywords.join(u' ') }
                  .join(u' ');
        const QStringList words = keyTokens(searchKey(haystack));
        const bool all = std::all_of(wanted.cbegin(), wanted.cend(), [&](const QString &w) {
            return std::any_of(words.cbegin(), words.cend(), [&](const QString &word) { return word.startsWith(w); });
        });
        if (all)
            found.append(d);
    }
    return found;
}

ScriptRunRecord scriptRunRecord(const ScriptRun &run, const QString &caseId, int publishedVersion,
                                const QDateTime &startedAt)
{
    ScriptRunRecord r;
    r.caseId = caseId;
    r.scriptId = run.script().id;
    r.scriptVersion = publishedVersion;
    r.transcriptJson = QJsonDocument(run.transcriptJson()).toJson(QJsonDocument::Compact);
    r.outcome = scriptOutcomeName(run.outcome().type);
    r.customerConfirmed = run.customerConfirmed();
    r.path = run.path();
    r.fields = run.fields();
    r.startedAt = startedAt;
    r.endedAt = run.transcript().isEmpty() ? QDateTime() : run.transcript().constLast().at;
    r.referralDepartment = run.outcome().department;
    r.referralSlaHours = run.outcome().slaHours;
    r.outcomeReason = run.outcome().reason.en;
    r.identityVerified = run.identityVerified();
    return r;
}

} // namespace sanad::client

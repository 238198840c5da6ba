#pragma once

#include "client/types.h"

#include <QList>
#include <QString>

#include <optional>

namespace sanad {
class ScriptRun;
}

namespace sanad::client {

// The desktop's cache of published guided scripts (docs/scripts.md): every version it has seen,
// one file per script id and version in a folder, so the script panel works before the server
// answers (or while it is unreachable) and a running script keeps the version it started with.
// Not thread-safe: use it on the GUI thread.
class ScriptCache
{
public:
    // directory: created when missing; defaultDirectory() in the desktop.
    explicit ScriptCache(QString directory);

    // <CacheLocation>/scripts
    static QString defaultDirectory();

    // The server's current versions (SanadClient::listScripts): each is written to the folder
    // and becomes current; older versions stay readable by find(id, version).
    void update(const QList<ScriptDocumentInfo> &current);
    // The current version of each script, by English title.
    QList<ScriptDocumentInfo> scripts() const;
    // version 0: the current one.
    std::optional<ScriptDocumentInfo> find(const QString &scriptId, int version = 0) const;
    // For the caller on the line: scripts for the category of their open case first, then those
    // of the contact's queue; empty when nothing fits.
    QList<ScriptDocumentInfo> suggested(const QString &category, const QString &queue) const;
    // Arabic-aware search (core/arabictext) over titles, ids and keywords; every word must match
    // the start of a word.
    QList<ScriptDocumentInfo> search(const QString &text) const;

private:
    void load();
    QString m_directory;
    QList<ScriptDocumentInfo> m_all; // every version on disk
};

// The record of a finished run for SanadClient::recordScriptRun.
ScriptRunRecord scriptRunRecord(const ScriptRun &run, const QString &caseId, int publishedVersion,
                                const QDateTime &startedAt);

} // namespace sanad::client

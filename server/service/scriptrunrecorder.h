#pragma once

#include "core/casepolicy.h"
#include "sanad/v1/sync.pb.h"

#include <QString>

namespace sanad {
class PhoneNumberNormalizer;
}

namespace sanad::server {

class Database;
struct MutationAuthor;

// The record_script_run mutation (docs/scripts.md). Runs inside the transaction that
// MutationApplier::apply (or its caller) opened: it opens none itself.
//
// - The transcript becomes an interaction on the case (id = run_id, marked note, so it never
//   counts as a repeat contact) carrying the script id, version, outcome and the bilingual
//   transcript; the run is kept in script_runs for analytics.
// - Write-back to the case: the collected "category" and "location" fields; the outcome's status
//   (resolved only with the customer's confirmation; referred adds a referral with the end
//   step's department and SLA; the others leave the case in progress). The status rules are
//   core/casestatus's transitionRefusal: a transition they forbid keeps the transcript and says
//   in the result's detail what was not written back. This is the one place to point at other
//   case rules (SLA policies, confirmation rules) when they exist.
// - Changes appended, all with the mutation id: the interaction, then the case and the referral
//   when the write-back changed them.
class ScriptRunRecorder
{
public:
    ScriptRunRecorder(Database &database, const PhoneNumberNormalizer &normalizer, const CasePolicy &policy);

    v1::MutationResult apply(const QString &mutationId, const v1::RecordScriptRun &run, const MutationAuthor &author,
                             qint64 nowMs);

    static constexpr int kMaxTranscriptBytes = 1024 * 1024;

private:
    Database &m_database;
    const PhoneNumberNormalizer &m_normalizer;
    const CasePolicy &m_policy;
};

} // namespace sanad::server

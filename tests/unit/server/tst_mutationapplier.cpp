#include "core/clock.h"
#include "core/phonenumber.h"
#include "server/service/mutationapplier.h"
#include "server/storage/caserepository.h"
#include "server/storage/customerrepository.h"
#include "server/storage/database.h"
#include "server/storage/interactionrepository.h"
#include "server/storage/sqlquery.h"
#include "server/storage/storageerror.h"
#include "server/storage/syncrepository.h"

#include <QTemporaryDir>
#include <QTest>

using namespace sanad;
using namespace sanad::server;
using namespace Qt::StringLiterals;

class TestMutationApplier : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void appliedOnceThenDuplicate();
    void rejectedAndConflictAddNoChange();
    void statusChangesFollowTheRules();
    void notesDoNotBumpTheVersion();
    void interactionsBelongToTheirCustomer();
    void batchIsOneTransaction();

private:
    v1::MutationResult apply(const v1::Mutation &mutation) { return m_applier->apply(mutation, m_author); }
    v1::Mutation createCustomer(const char *mutationId, const char *customerId, const char *phone);
    v1::Mutation createCase(const char *mutationId, const char *caseId, const char *customerId);
    v1::Mutation changeStatus(const char *mutationId, const char *caseId, v1::CaseStatus status, qint64 base,
                              bool confirmed = false);
    int changes() { return int(SyncRepository(*m_database).lastSequence()); }

    std::unique_ptr<QTemporaryDir> m_dir;
    std::unique_ptr<Database> m_database;
    std::unique_ptr<ManualClock> m_clock;
    std::unique_ptr<PhoneNumberNormalizer> m_normalizer;
    std::unique_ptr<MutationApplier> m_applier;
    MutationAuthor m_author { u"user-1"_s, u"Maryam"_s };
};

void TestMutationApplier::init()
{
    m_dir = std::make_unique<QTemporaryDir>();
    m_clock = std::make_unique<ManualClock>(1780000000000);
    m_database = Database::open(u"sqlite:"_s + m_dir->filePath(u"sanad.db"_s), m_clock->nowMs());
    m_normalizer = std::make_unique<PhoneNumberNormalizer>(u"OM"_s);
    m_applier = std::make_unique<MutationApplier>(*m_database, *m_normalizer, *m_clock);
}

void TestMutationApplier::cleanup()
{
    m_applier.reset();
    m_database.reset();
    m_dir.reset();
}

v1::Mutation TestMutationApplier::createCustomer(const char *mutationId, const char *customerId, const char *phone)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(mutationId);
    mutation.mutable_create_customer()->set_customer_id(customerId);
    mutation.mutable_create_customer()->set_name("سالم الكندي");
    mutation.mutable_create_customer()->add_phones(phone);
    return mutation;
}

v1::Mutation TestMutationApplier::createCase(const char *mutationId, const char *caseId, const char *customerId)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(mutationId);
    mutation.mutable_create_case()->set_case_id(caseId);
    mutation.mutable_create_case()->set_customer_id(customerId);
    mutation.mutable_create_case()->set_category("water.burst_pipe");
    mutation.mutable_create_case()->set_summary("Burst pipe in the street");
    return mutation;
}

v1::Mutation TestMutationApplier::changeStatus(const char *mutationId, const char *caseId, v1::CaseStatus status,
                                               qint64 base, bool confirmed)
{
    v1::Mutation mutation;
    mutation.set_mutation_id(mutationId);
    mutation.set_base_version(base);
    mutation.mutable_change_case_status()->set_case_id(caseId);
    mutation.mutable_change_case_status()->set_status(status);
    mutation.mutable_change_case_status()->set_customer_confirmed(confirmed);
    return mutation;
}

void TestMutationApplier::appliedOnceThenDuplicate()
{
    const v1::MutationResult first = apply(createCustomer("m1", "c1", "+968 9123 4567"));
    QCOMPARE(first.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(first.entity_id(), "c1");
    QCOMPARE(first.new_version(), 1);
    QCOMPARE(changes(), 1);

    // The same mutation id again (a retry after a lost answer) changes nothing and answers the same.
    for (int i = 0; i < 3; ++i) {
        const v1::MutationResult again = apply(createCustomer("m1", "c1", "+968 9123 4567"));
        QCOMPARE(again.outcome(), v1::MUTATION_OUTCOME_DUPLICATE);
        QCOMPARE(again.entity_id(), "c1");
        QCOMPARE(again.new_version(), 1);
    }
    QCOMPARE(changes(), 1);
    QCOMPARE(CustomerRepository(*m_database).count(), 1);
    QCOMPARE(SyncRepository(*m_database).countChangesOf(u"m1"_s), 1);
    QCOMPARE(CustomerRepository(*m_database).idByPhone(u"+96891234567"_s), u"c1"_s);

    // A duplicate of a rejected mutation keeps its first detail.
    const v1::MutationResult rejected = apply(createCustomer("m2", "c2", "abc"));
    QCOMPARE(rejected.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    const v1::MutationResult rejectedAgain = apply(createCustomer("m2", "c2", "+96891234567"));
    QCOMPARE(rejectedAgain.outcome(), v1::MUTATION_OUTCOME_DUPLICATE);
    QCOMPARE(rejectedAgain.detail(), rejected.detail());
    QCOMPARE(CustomerRepository(*m_database).count(), 1);
}

void TestMutationApplier::rejectedAndConflictAddNoChange()
{
    QCOMPARE(apply(createCustomer("m1", "c1", "91234567")).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(apply(createCase("m2", "k1", "c1")).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    const int before = changes();

    v1::Mutation noId = createCase("", "k2", "c1");
    QCOMPARE(apply(noId).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    v1::Mutation noPayload;
    noPayload.set_mutation_id("m3");
    QCOMPARE(apply(noPayload).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QCOMPARE(apply(createCase("m4", "k3", "nobody")).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    v1::Mutation badCategory = createCase("m5", "k4", "c1");
    badCategory.mutable_create_case()->set_category("made.up");
    QCOMPARE(apply(badCategory).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QCOMPARE(apply(createCase("m6", "k1", "c1")).outcome(), v1::MUTATION_OUTCOME_REJECTED); // the id exists
    v1::Mutation noName = createCustomer("m7", "c7", "91234567");
    noName.mutable_create_customer()->set_name("   ");
    QCOMPARE(apply(noName).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    v1::Mutation longName = createCustomer("m8", "c8", "91234567");
    longName.mutable_create_customer()->set_name(std::string(201, 'a'));
    QCOMPARE(apply(longName).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    v1::Mutation noPhone = createCustomer("m9", "c9", "");
    QCOMPARE(apply(noPhone).outcome(), v1::MUTATION_OUTCOME_REJECTED);

    const v1::MutationResult conflict = apply(changeStatus("m10", "k1", v1::CASE_STATUS_IN_PROGRESS, 7));
    QCOMPARE(conflict.outcome(), v1::MUTATION_OUTCOME_CONFLICT);
    QVERIFY2(QString::fromStdString(conflict.detail()).contains("version 1"_L1), conflict.detail().c_str());
    QVERIFY2(QString::fromStdString(conflict.detail()).contains("version 7"_L1), conflict.detail().c_str());
    QCOMPARE(conflict.new_version(), 1);

    QCOMPARE(changes(), before);
}

void TestMutationApplier::statusChangesFollowTheRules()
{
    QCOMPARE(apply(createCustomer("m1", "c1", "91234567")).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    const v1::MutationResult created = apply(createCase("m2", "k1", "c1"));
    QCOMPARE(created.new_version(), 1);
    std::optional<v1::Case> record = CaseRepository(*m_database).find(u"k1"_s);
    QCOMPARE(record->status(), v1::CASE_STATUS_NEW);

    const v1::MutationResult started = apply(changeStatus("m3", "k1", v1::CASE_STATUS_IN_PROGRESS, 1));
    QCOMPARE(started.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(started.new_version(), 2);

    // Resolved without the customer's confirmation: refused with core's reason.
    const v1::MutationResult unconfirmed = apply(changeStatus("m4", "k1", v1::CASE_STATUS_RESOLVED, 2));
    QCOMPARE(unconfirmed.outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QVERIFY(QString::fromStdString(unconfirmed.detail()).contains("confirm"_L1));

    m_clock->advance(60000);
    const v1::MutationResult resolved = apply(changeStatus("m5", "k1", v1::CASE_STATUS_RESOLVED, 2, true));
    QCOMPARE(resolved.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(resolved.new_version(), 3);
    record = CaseRepository(*m_database).find(u"k1"_s);
    QCOMPARE(record->status(), v1::CASE_STATUS_RESOLVED);
    QCOMPARE(record->version(), 3);
    QVERIFY(record->customer_confirmed());
    QVERIFY(record->has_closed_at());

    const v1::MutationResult reopened = apply(changeStatus("m6", "k1", v1::CASE_STATUS_REOPENED, 3));
    QCOMPARE(reopened.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    record = CaseRepository(*m_database).find(u"k1"_s);
    QVERIFY(!record->has_closed_at());
    QVERIFY(!record->customer_confirmed());
    // Four applied mutations, four changes, one each.
    for (const char *id : { "m1", "m2", "m3", "m5", "m6" })
        QCOMPARE(SyncRepository(*m_database).countChangesOf(QString::fromLatin1(id)), 1);
    QCOMPARE(SyncRepository(*m_database).countChangesOf(u"m4"_s), 0);
}

void TestMutationApplier::notesDoNotBumpTheVersion()
{
    apply(createCustomer("m1", "c1", "91234567"));
    apply(createCase("m2", "k1", "c1"));
    v1::Mutation note;
    note.set_mutation_id("m3");
    note.mutable_add_note()->set_case_id("k1");
    note.mutable_add_note()->set_text("Called the water department");
    const v1::MutationResult result = apply(note);
    QCOMPARE(result.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(result.new_version(), 1);
    QCOMPARE(CaseRepository(*m_database).find(u"k1"_s)->version(), 1);
    const QList<v1::Interaction> history = InteractionRepository(*m_database).forCustomer(u"c1"_s);
    QCOMPARE(history.size(), 1);
    QVERIFY(history.constFirst().note());
    QCOMPARE(history.constFirst().agent_name(), "Maryam");
    QCOMPARE(QString::fromStdString(history.constFirst().case_number()).left(8), u"SN-2026-"_s);

    v1::Mutation empty = note;
    empty.set_mutation_id("m4");
    empty.mutable_add_note()->set_text("  ");
    QCOMPARE(apply(empty).outcome(), v1::MUTATION_OUTCOME_REJECTED);
}

void TestMutationApplier::interactionsBelongToTheirCustomer()
{
    apply(createCustomer("m1", "c1", "91234567"));
    apply(createCustomer("m2", "c2", "92345678"));
    apply(createCase("m3", "k2", "c2"));
    v1::Mutation contact;
    contact.set_mutation_id("m4");
    contact.mutable_add_interaction()->set_customer_id("c1");
    contact.mutable_add_interaction()->set_case_id("k2");
    contact.mutable_add_interaction()->set_channel(v1::CHANNEL_SMS);
    QCOMPARE(apply(contact).outcome(), v1::MUTATION_OUTCOME_REJECTED); // someone else's case

    contact.set_mutation_id("m5");
    contact.mutable_add_interaction()->clear_case_id();
    const v1::MutationResult result = apply(contact);
    QCOMPARE(result.outcome(), v1::MUTATION_OUTCOME_APPLIED);
    const QList<v1::Interaction> history = InteractionRepository(*m_database).forCustomer(u"c1"_s);
    QCOMPARE(history.size(), 1);
    QCOMPARE(history.constFirst().channel(), v1::CHANNEL_SMS);
    QCOMPARE(history.constFirst().direction(), v1::DIRECTION_INBOUND);
    // The contact is the customer's newest: a number shared with another customer finds this one.
    QCOMPARE(CustomerRepository(*m_database).find(u"c1"_s)->last_contact_at().seconds(), m_clock->nowMs() / 1000);
}

void TestMutationApplier::batchIsOneTransaction()
{
    // A batch: per-mutation outcomes as before, a repeated id inside the batch is a DUPLICATE.
    google::protobuf::RepeatedPtrField<v1::Mutation> batch;
    *batch.Add() = createCustomer("m1", "c1", "91234567");
    *batch.Add() = createCase("m2", "k1", "c1");
    *batch.Add() = createCase("m3", "k2", "nobody");
    *batch.Add() = createCustomer("m1", "c1", "91234567");
    const QList<v1::MutationResult> results = m_applier->applyBatch(batch, m_author);
    QCOMPARE(results.size(), 4);
    QCOMPARE(results.at(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(results.at(1).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(results.at(2).outcome(), v1::MUTATION_OUTCOME_REJECTED);
    QCOMPARE(results.at(3).outcome(), v1::MUTATION_OUTCOME_DUPLICATE);
    QCOMPARE(changes(), 2);

    // The database fails part-way (the notes' table is gone): nothing of the batch is kept, so a
    // retry applies every mutation once.
    google::protobuf::RepeatedPtrField<v1::Mutation> failing;
    *failing.Add() = createCustomer("m10", "c10", "92345678");
    v1::Mutation note;
    note.set_mutation_id("m11");
    note.mutable_add_note()->set_case_id("k1");
    note.mutable_add_note()->set_text("Called back");
    *failing.Add() = note;
    execSql(m_database->connection(), u"ALTER TABLE interactions RENAME TO interactions_away"_s);
    QVERIFY_THROWS_EXCEPTION(StorageError, m_applier->applyBatch(failing, m_author));
    QVERIFY(!SyncRepository(*m_database).findMutation(u"m10"_s));
    QVERIFY(!CustomerRepository(*m_database).exists(u"c10"_s));
    QCOMPARE(changes(), 2);
    execSql(m_database->connection(), u"ALTER TABLE interactions_away RENAME TO interactions"_s);
    const QList<v1::MutationResult> retried = m_applier->applyBatch(failing, m_author);
    QCOMPARE(retried.at(0).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(retried.at(1).outcome(), v1::MUTATION_OUTCOME_APPLIED);
    QCOMPARE(SyncRepository(*m_database).countChangesOf(u"m10"_s), 1);
    QCOMPARE(SyncRepository(*m_database).countChangesOf(u"m11"_s), 1);
}

QTEST_GUILESS_MAIN(TestMutationApplier)
#include "tst_mutationapplier.moc"

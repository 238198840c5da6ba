#pragma once

#include "core/casestatus.h"
#include "core/enums.h"
#include "core/role.h"

#include <QList>
#include <QString>
#include <QStringList>

// A dataset to seed into an empty database: the demo (`sanad-server --demo`) and the benchmarks
// (100,000 customers, 1,000,000 interactions). Plain values; storage/ writes them in bulk.
// Ids are UUID strings; times are UTC milliseconds since the epoch.
namespace sanad::server {

struct SeedUser
{
    QString username;
    QString displayName;
    Role role = Role::Agent;
};

struct SeedCustomer
{
    QString id;
    QString name;
    QStringList phones; // E.164, primary first
    QString city;
    QString nationalId;
    QString email;
    qint64 createdAtMs = 0;
};

struct SeedVerification
{
    QString customerId;
    QString method; // "knowledge_questions", "one_time_code", "national_id"
    qint64 verifiedAtMs = 0;
    QString agentName;
};

struct SeedCase
{
    QString id;
    QString customerId;
    QString category; // core/category.h key
    CaseStatus status = CaseStatus::New;
    Priority priority = Priority::Normal;
    QString location;
    QString summary;
    qint64 openedAtMs = 0; // the case number's year is the year of openedAtMs (UTC)
    qint64 updatedAtMs = 0;
    qint64 closedAtMs = 0; // 0 while open
    bool customerConfirmed = false;
};

struct SeedInteraction
{
    QString id;
    QString customerId;
    QString caseId; // may be empty
    Channel channel = Channel::Voice;
    Direction direction = Direction::Inbound;
    qint64 occurredAtMs = 0;
    QString agentName;
    QString summary;
    QString category;
};

struct SeedReferral
{
    QString id;
    QString caseId;
    QString department;
    QString owner;
    qint64 createdAtMs = 0;
    qint64 dueAtMs = 0;
    ReferralStatus status = ReferralStatus::Open;
};

struct DemoDataset
{
    QList<SeedUser> users; // passwords are generated when seeding, never stored here
    QList<SeedCustomer> customers;
    QList<SeedVerification> verifications;
    QList<SeedCase> cases; // storage numbers them per year in openedAtMs order
    QList<SeedInteraction> interactions;
    QList<SeedReferral> referrals;
    // E.164 numbers of the story callers (water cut, street light, burst pipe, bank), in the order
    // the call simulator rings them first, so a newcomer sees the stories at once.
    QStringList featuredPhones;
};

struct DemoOptions
{
    int customers = 320;
    int maxInteractionsPerCustomer = 40; // each customer gets 1..max
    quint32 seed = 2026;
    qint64 nowMs = 0;                   // "today" for the stories (overdue by two days, this week, ...)
    bool stories = true;                // the PRODUCT.md stories (water cut, street light, burst pipe, bank)
    bool users = true;
};

// Deterministic for the same options.
DemoDataset generateDemoDataset(const DemoOptions &options);

} // namespace sanad::server

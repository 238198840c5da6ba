#include "core/role.h"

#include <QTest>

using namespace sanad;

class TestRole final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void namesRoundTrip()
    {
        for (Role r : {Role::Agent, Role::Lead, Role::Trainer, Role::Admin, Role::Cti})
            QCOMPARE(roleFromName(roleName(r)), std::optional<Role>(r));
        QCOMPARE(roleFromName(u"AGENT"), std::optional<Role>(Role::Agent));
        QVERIFY(!roleFromName(u"supervisor").has_value());
        QVERIFY(!roleFromName(u"").has_value());
    }
};

QTEST_GUILESS_MAIN(TestRole)
#include "tst_role.moc"

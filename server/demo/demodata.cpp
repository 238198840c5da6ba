#include "server/demo/demodataset.h"

#include "core/category.h"

#include <QDateTime>
#include <QSet>
#include <QTimeZone>

#include <random>

namespace sanad::server {

namespace {

constexpr qint64 kMinute = 60LL * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;

// Names common in Oman and the Gulf; a few customers have Latin names (residents from abroad).
const char16_t *const kMaleNames[] = {
    u"محمد", u"أحمد", u"سالم", u"سعيد", u"خالد", u"علي", u"حمد", u"ناصر", u"سيف", u"عبدالله", u"يوسف",
    u"إبراهيم", u"مصطفى", u"سليمان", u"هلال", u"حمود", u"مازن", u"طلال", u"بدر", u"فهد", u"عمر", u"راشد",
    u"هشام", u"عيسى", u"موسى", u"حسن", u"حسين", u"علاء", u"عبد الرحمن", u"زاهر", u"مالك", u"قيس"};
const char16_t *const kFemaleNames[] = {
    u"فاطمة", u"مريم", u"عائشة", u"خديجة", u"زينب", u"إيمان", u"أمل", u"آمال", u"ليلى", u"نورة", u"شيماء",
    u"بثينة", u"منى", u"هدى", u"سلمى", u"رحمة", u"آمنة", u"شريفة", u"عزة", u"جميلة", u"ريم", u"علا",
    u"هالة", u"أسماء", u"بشرى", u"وفاء", u"سميرة", u"ثريا"};
const char16_t *const kFamilyNames[] = {
    u"البلوشي", u"الحارثي", u"الهنائي", u"الريامي", u"الكندي", u"البوسعيدي", u"الشكيلي", u"العامري",
    u"السيابي", u"المعمري", u"الرواحي", u"الغافري", u"الشحي", u"الزدجالي", u"اللواتي", u"المقبالي",
    u"الهاشمي", u"الفارسي", u"الجابري", u"المحروقي", u"السعدي", u"الكلباني", u"الحبسي", u"البادي",
    u"العبري", u"النعماني", u"الراشدي", u"الوهيبي", u"المسكري", u"الرئيسي", u"العلوي", u"الخروصي"};
const char *const kLatinNames[] = {"John Mathew",  "Priya Nair",     "Ahmed Khan",  "Maria Santos",
                                   "Rajesh Kumar", "Sarah Thompson", "Imran Qureshi", "Anna Kowalski"};
const char16_t *const kCities[] = {u"مسقط", u"السيب", u"بوشر", u"مطرح", u"العامرات", u"صلالة", u"صحار",
                                   u"نزوى", u"صور", u"البريمي", u"عبري", u"الرستاق", u"إبراء", u"بهلاء",
                                   u"خصب", u"بركاء"};
const char16_t *const kAgents[] = {u"مريم الهنائي", u"سالم الكندي",  u"نورة الحبسي", u"يوسف البلوشي",
                                   u"شيماء الرواحي", u"هلال العامري", u"ريم الزدجالي"};

struct CategoryText
{
    const char *category;
    const char16_t *summaries[4];
    const char16_t *locations[3];
};

// What callers say, per category: short agent summaries in Arabic, as agents write them.
const CategoryText kTexts[] = {
    {"water.supply_cut",
     {u"أبلغ عن انقطاع المياه عن المنزل منذ الصباح", u"استفسر عن موعد عودة المياه إلى الحي",
      u"انقطاع متكرر للمياه في ساعات الذروة", u"طلب صهريج مياه بسبب طول الانقطاع"},
     {u"الخوض، مسقط", u"المعبيلة الجنوبية، السيب", u"الحيل الشمالية، السيب"}},
    {"water.burst_pipe",
     {u"أبلغ عن تسرب مياه من أنبوب في الشارع", u"انفجار أنبوب أمام المنزل والمياه تغمر الطريق",
      u"تسرب من العداد الخارجي", u"متابعة بلاغ تسرب سابق لم يُصلح"},
     {u"القرم، شارع السلطان قابوس", u"الوادي الكبير، مطرح", u"الغبرة الشمالية، بوشر"}},
    {"water.quality",
     {u"شكوى من تغير لون المياه", u"رائحة غير طبيعية في مياه الشرب", u"طلب فحص جودة المياه في المنزل",
      u"استفسار عن نتائج فحص العينة"},
     {u"روي، مطرح", u"العذيبة، بوشر", u"الموالح، السيب"}},
    {"electricity.outage",
     {u"انقطاع الكهرباء عن المبنى بالكامل", u"تذبذب في التيار الكهربائي", u"انقطاع الكهرباء بعد العاصفة",
      u"استفسار عن سبب الانقطاع المجدول"},
     {u"الخوير، بوشر", u"الأنصب، بوشر", u"المعبيلة، السيب"}},
    {"lighting.street_light",
     {u"أعمدة الإنارة في الشارع مطفأة منذ أسبوع", u"عمود إنارة مائل ويشكل خطراً", u"إنارة الحديقة العامة لا تعمل",
      u"متابعة بلاغ إنارة محال إلى البلدية"},
     {u"العامرات، الشارع الرئيسي", u"الخوض السابعة", u"بوشر، قرب المسجد الكبير"}},
    {"roads.damage",
     {u"حفرة كبيرة في الطريق تسبب حوادث", u"تلف في الرصيف بعد أعمال الحفر", u"طلب وضع مطب قرب المدرسة",
      u"متابعة بلاغ سابق عن الطريق"},
     {u"طريق الباطنة السريع", u"شارع المها، بوشر", u"الحيل الجنوبية"}},
    {"waste.collection",
     {u"لم تُجمع النفايات منذ ثلاثة أيام", u"طلب حاوية نفايات جديدة", u"حاوية مكسورة أمام المنزل",
      u"شكوى من رائحة موقع التجميع"},
     {u"المعبيلة السادسة", u"الغبرة", u"وادي عدي"}},
    {"billing.dispute",
     {u"اعتراض على فاتورة مرتفعة بشكل غير معتاد", u"طلب تقسيط المبلغ المستحق", u"خصم مكرر من الحساب",
      u"استفسار عن قراءة العداد"},
     {u"", u"", u""}},
    {"bank.card",
     {u"طلب إصدار بطاقة بديلة بعد فقدان البطاقة", u"إيقاف البطاقة بسبب عملية مشبوهة", u"البطاقة الجديدة لم تصل",
      u"طلب رفع حد السحب اليومي"},
     {u"", u"", u""}},
    {"bank.account",
     {u"طلب كشف حساب لستة أشهر", u"تحديث بيانات الهوية في الحساب", u"استفسار عن رسوم الحساب",
      u"طلب إغلاق حساب التوفير"},
     {u"", u"", u""}},
    {"telecom.internet",
     {u"الإنترنت المنزلي منقطع منذ أمس", u"بطء شديد في سرعة الإنترنت", u"انقطاع متكرر للاتصال مساءً",
      u"جهاز الراوتر لا يعمل بعد انقطاع الكهرباء"},
     {u"", u"", u""}},
    {"telecom.mobile",
     {u"طلب تحويل الخط من مسبق الدفع إلى فاتورة", u"لا توجد تغطية داخل المنزل", u"استفسار عن باقة التجوال",
      u"طلب استبدال الشريحة"},
     {u"", u"", u""}},
    {"general.complaint",
     {u"شكوى من طول الانتظار على الخط", u"شكوى من تعامل موظف في الفرع", u"لم يتم الرد على بريده الإلكتروني",
      u"شكوى من تأخر الرد على طلب سابق"},
     {u"", u"", u""}},
    {"general.inquiry",
     {u"استفسار عن ساعات عمل الفروع", u"استفسار عن المستندات المطلوبة", u"استفسار عن طريقة الدفع الإلكتروني",
      u"استفسار عن حالة طلب"},
     {u"", u"", u""}},
};

const char16_t *const kDepartmentsAr[][2] = {
    {u"water.supply_cut", u"عمليات شبكة المياه"},
    {u"water.burst_pipe", u"صيانة شبكة المياه"},
    {u"water.quality", u"مختبر جودة المياه"},
    {u"electricity.outage", u"توزيع الكهرباء"},
    {u"lighting.street_light", u"الإنارة البلدية"},
    {u"roads.damage", u"صيانة الطرق"},
    {u"waste.collection", u"خدمات النظافة"},
    {u"billing.dispute", u"الفواتير"},
    {u"bank.card", u"خدمات البطاقات"},
    {u"bank.account", u"عمليات الفروع"},
    {u"telecom.internet", u"دعم الشبكة الثابتة"},
    {u"telecom.mobile", u"خدمات الهاتف المتنقل"},
    {u"general.complaint", u"علاقات العملاء"},
    {u"general.inquiry", u"علاقات العملاء"},
};
const char16_t *const kOwners[] = {u"م. خالد الريامي", u"أ. سعاد المعمري", u"م. طارق الشكيلي", u"أ. منى السيابي",
                                   u"م. فيصل الغافري", u"أ. بدرية الكلباني"};

QString departmentFor(const QString &category)
{
    for (const auto &d : kDepartmentsAr) {
        if (category == QStringView(d[0]))
            return QString::fromUtf16(d[1]);
    }
    return QStringLiteral("علاقات العملاء");
}

class Generator
{
public:
    explicit Generator(const DemoOptions &options)
        : m_options(options)
        , m_rng(options.seed)
        , m_now(options.nowMs > 0 ? options.nowMs : QDateTime::currentMSecsSinceEpoch())
    {
    }

    DemoDataset run()
    {
        if (m_options.users)
            addUsers();
        if (m_options.stories)
            addStories();
        const int remaining = m_options.customers - int(m_data.customers.size());
        m_data.customers.reserve(m_options.customers);
        m_data.interactions.reserve(qsizetype(m_options.customers) * (m_options.maxInteractionsPerCustomer + 1) / 2);
        for (int i = 0; i < remaining; ++i)
            addOrdinaryCustomer();
        return std::move(m_data);
    }

private:
    int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(m_rng); }
    qint64 uniform64(qint64 lo, qint64 hi) { return std::uniform_int_distribution<qint64>(lo, hi)(m_rng); }
    bool chance(double p) { return std::bernoulli_distribution(p)(m_rng); }
    template<typename T, size_t N>
    const T &pick(const T (&array)[N])
    {
        return array[size_t(uniform(0, int(N) - 1))];
    }

    QString uuid()
    {
        // A version-4 shaped UUID from the seeded generator, so the same options give the same data.
        quint64 a = (quint64(m_rng()) << 32) | m_rng();
        quint64 b = (quint64(m_rng()) << 32) | m_rng();
        a = (a & 0xFFFFFFFFFFFF0FFFULL) | 0x0000000000004000ULL;
        b = (b & 0x3FFFFFFFFFFFFFFFULL) | 0x8000000000000000ULL;
        const QString h = QStringLiteral("%1%2").arg(a, 16, 16, QChar(u'0')).arg(b, 16, 16, QChar(u'0'));
        return h.mid(0, 8) + u'-' + h.mid(8, 4) + u'-' + h.mid(12, 4) + u'-' + h.mid(16, 4) + u'-' + h.mid(20, 12);
    }

    QString mobileNumber()
    {
        // Omani mobile ranges: 9[1-9]xxxxxx and 7[1-9]xxxxxx (eight digits after +968).
        for (;;) {
            const QString number = QStringLiteral("+968%1%2%3")
                                       .arg(chance(0.7) ? 9 : 7)
                                       .arg(uniform(1, 9))
                                       .arg(uniform(0, 999999), 6, 10, QChar(u'0'));
            if (!m_usedPhones.contains(number)) {
                m_usedPhones.insert(number);
                return number;
            }
        }
    }

    QString landlineNumber()
    {
        for (;;) {
            const QString number = QStringLiteral("+96824%1").arg(uniform(0, 999999), 6, 10, QChar(u'0'));
            if (!m_usedPhones.contains(number)) {
                m_usedPhones.insert(number);
                return number;
            }
        }
    }

    QString personName()
    {
        if (chance(0.03))
            return QString::fromLatin1(pick(kLatinNames));
        const bool female = chance(0.5);
        const QString first = QString::fromUtf16(female ? pick(kFemaleNames) : pick(kMaleNames));
        QString name = first + u' ';
        if (chance(0.35)) // bin/bint + father's name, as on Omani ids
            name += (female ? QStringLiteral("بنت ") : QStringLiteral("بن ")) + QString::fromUtf16(pick(kMaleNames))
                + u' ';
        return name + QString::fromUtf16(pick(kFamilyNames));
    }

    QString agentName() { return QString::fromUtf16(pick(kAgents)); }

    // Contact centres answer from 07:00 to 22:00 (Oman, UTC+4): a time outside is moved inside
    // the same day, and never into the future.
    qint64 duringOpeningHours(qint64 ms) const
    {
        constexpr qint64 offset = 4 * kHour;
        const qint64 local = ms + offset;
        const qint64 dayStart = local - (local % kDay);
        const qint64 timeOfDay = local - dayStart;
        qint64 moved = ms;
        if (timeOfDay < 7 * kHour || timeOfDay >= 22 * kHour)
            moved = dayStart + 7 * kHour + (timeOfDay % (15 * kHour)) - offset;
        return moved > m_now ? moved - kDay : moved;
    }

    Channel randomChannel()
    {
        // Mostly voice, as in a contact centre; every channel appears.
        const int r = uniform(0, 99);
        if (r < 55)
            return Channel::Voice;
        if (r < 65)
            return Channel::WhatsApp;
        if (r < 74)
            return Channel::Sms;
        if (r < 82)
            return Channel::Email;
        if (r < 89)
            return Channel::App;
        if (r < 95)
            return Channel::Web;
        return Channel::WalkIn;
    }

    SeedCustomer &newCustomer(const QString &name, qint64 createdAtMs)
    {
        SeedCustomer c;
        c.id = uuid();
        c.name = name;
        c.phones << mobileNumber();
        if (chance(0.2))
            c.phones << mobileNumber();
        if (chance(0.1))
            c.phones << landlineNumber();
        c.city = QString::fromUtf16(pick(kCities));
        c.nationalId = QString::number(uniform(10000000, 39999999));
        if (chance(0.3))
            c.email = QStringLiteral("customer%1@example.om").arg(m_data.customers.size() + 1);
        c.createdAtMs = createdAtMs;
        m_data.customers.append(c);
        return m_data.customers.last();
    }

    SeedCase &newCase(const QString &customerId, const QString &category, CaseStatus status, qint64 openedAtMs,
                      const QString &summary, const QString &location = {})
    {
        SeedCase c;
        c.id = uuid();
        c.customerId = customerId;
        c.category = category;
        c.status = status;
        c.priority = Priority::Normal;
        c.location = location;
        c.summary = summary;
        c.openedAtMs = openedAtMs;
        c.updatedAtMs = openedAtMs;
        if (!isOpenStatus(status)) {
            c.closedAtMs = openedAtMs + uniform64(2 * kHour, 10 * kDay);
            c.updatedAtMs = c.closedAtMs;
            c.customerConfirmed = true;
        }
        m_data.cases.append(c);
        return m_data.cases.last();
    }

    void newInteraction(const QString &customerId, const QString &caseId, const QString &category, Channel channel,
                        qint64 at, const QString &summary, Direction direction = Direction::Inbound)
    {
        SeedInteraction i;
        i.id = uuid();
        i.customerId = customerId;
        i.caseId = caseId;
        i.channel = channel;
        i.direction = direction;
        i.occurredAtMs = at;
        i.agentName = channel == Channel::Web || channel == Channel::App ? QString() : agentName();
        i.summary = summary;
        i.category = category;
        m_data.interactions.append(i);
    }

    void newReferral(const QString &caseId, const QString &category, qint64 createdAtMs, qint64 dueAtMs,
                     ReferralStatus status, const QString &owner = {})
    {
        SeedReferral r;
        r.id = uuid();
        r.caseId = caseId;
        r.department = departmentFor(category);
        r.owner = owner.isEmpty() ? QString::fromUtf16(pick(kOwners)) : owner;
        r.createdAtMs = createdAtMs;
        r.dueAtMs = dueAtMs;
        r.status = status;
        m_data.referrals.append(r);
    }

    void newVerification(const QString &customerId, qint64 at)
    {
        static const char *const methods[] = {"knowledge_questions", "one_time_code", "national_id"};
        m_data.verifications.append({customerId, QString::fromLatin1(pick(methods)), at, agentName()});
    }

    void addUsers()
    {
        m_data.users = {
            {QStringLiteral("agent1"), QStringLiteral("مريم الهنائي"), Role::Agent},
            {QStringLiteral("agent2"), QStringLiteral("سالم الكندي"), Role::Agent},
            {QStringLiteral("agent3"), QStringLiteral("نورة الحبسي"), Role::Agent},
            {QStringLiteral("lead1"), QStringLiteral("خليفة الراشدي"), Role::Lead},
            {QStringLiteral("trainer1"), QStringLiteral("سميرة الوهيبي"), Role::Trainer},
            {QStringLiteral("admin"), QStringLiteral("مدير النظام"), Role::Admin},
            {QStringLiteral("cti"), QStringLiteral("Telephony (CTI)"), Role::Cti},
        };
    }

    // PRODUCT.md's stories, told by the data a lead and an agent will see.
    void addStories()
    {
        // 1. A water cut reported three times this week by the same caller.
        {
            SeedCustomer &c = newCustomer(QStringLiteral("فاطمة بنت سالم البلوشي"), m_now - 400 * kDay);
            c.city = QStringLiteral("مسقط");
            const QString cid = c.id;
            m_data.featuredPhones << c.phones.first();
            const QString category = QStringLiteral("water.supply_cut");
            SeedCase &k = newCase(cid, category, CaseStatus::InProgress, m_now - 5 * kDay - 3 * kHour,
                                  QStringLiteral("انقطاع المياه عن المنزل في الخوض منذ خمسة أيام"),
                                  QStringLiteral("الخوض، مسقط، شارع ١٨"));
            k.priority = Priority::High;
            k.updatedAtMs = m_now - 1 * kDay;
            const QString caseId = k.id;
            newInteraction(cid, caseId, category, Channel::Voice, m_now - 5 * kDay - 3 * kHour,
                           QStringLiteral("أبلغت عن انقطاع المياه عن المنزل منذ الصباح؛ أُبلغت بأن فريق الصيانة سيتواصل"));
            newInteraction(cid, caseId, category, Channel::WhatsApp, m_now - 3 * kDay - 5 * kHour,
                           QStringLiteral("المياه ما زالت منقطعة؛ لم يتواصل معها أحد"));
            newInteraction(cid, caseId, category, Channel::Voice, m_now - 1 * kDay - 2 * kHour,
                           QStringLiteral("الاتصال الثالث هذا الأسبوع؛ طلبت صهريج مياه لأن لديها طفلاً رضيعاً"));
            newVerification(cid, m_now - 5 * kDay - 3 * kHour);
            addHistory(cid, 6, m_now - 380 * kDay, m_now - 30 * kDay);
        }
        // 2. A street-light referral two days overdue.
        {
            SeedCustomer &c = newCustomer(QStringLiteral("خالد بن حمد العامري"), m_now - 600 * kDay);
            c.city = QStringLiteral("العامرات");
            const QString cid = c.id;
            m_data.featuredPhones << c.phones.first();
            const QString category = QStringLiteral("lighting.street_light");
            SeedCase &k = newCase(cid, category, CaseStatus::Referred, m_now - 9 * kDay,
                                  QStringLiteral("أعمدة الإنارة في الشارع الرئيسي مطفأة والطريق مظلم ليلاً"),
                                  QStringLiteral("العامرات، الشارع الرئيسي قرب المدرسة"));
            k.updatedAtMs = m_now - 9 * kDay + kHour;
            const QString caseId = k.id;
            newInteraction(cid, caseId, category, Channel::Voice, m_now - 9 * kDay,
                           QStringLiteral("أبلغ عن إطفاء أعمدة الإنارة؛ أُحيل البلاغ إلى الإنارة البلدية"));
            newInteraction(cid, caseId, category, Channel::Voice, m_now - 4 * kDay,
                           QStringLiteral("يسأل عن البلاغ؛ أُبلغ بأنه لدى البلدية ضمن المهلة"));
            newReferral(caseId, category, m_now - 9 * kDay + kHour, m_now - 2 * kDay, ReferralStatus::Open,
                        QStringLiteral("م. خالد الريامي"));
            addHistory(cid, 4, m_now - 580 * kDay, m_now - 60 * kDay);
        }
        // 3. A burst pipe reported five times by different callers, none linked to the others yet.
        {
            const QString category = QStringLiteral("water.burst_pipe");
            const QString location = QStringLiteral("القرم، شارع السلطان قابوس قرب دوار القرم");
            const char16_t *const reporters[] = {u"سعيد بن علي الحارثي", u"ليلى الرواحي", u"Rajesh Kumar",
                                                 u"عبدالله بن ناصر السيابي", u"مريم الكلباني"};
            const char16_t *const words[] = {u"انفجار أنبوب والمياه تغمر الشارع",
                                             u"تسرب كبير للمياه أمام المحلات",
                                             u"Water gushing from a pipe near the roundabout",
                                             u"المياه تجري في الشارع منذ الأمس ولا أحد حضر",
                                             u"الاتصال الخامس عن نفس الأنبوب؛ الطريق أصبح خطراً"};
            for (int i = 0; i < 5; ++i) {
                SeedCustomer &c = newCustomer(QString::fromUtf16(reporters[i]), m_now - uniform64(100, 700) * kDay);
                c.city = QStringLiteral("مسقط");
                const QString cid = c.id;
                if (i == 4)
                    m_data.featuredPhones << c.phones.first();
                const qint64 at = m_now - (48 - i * 10) * kHour;
                SeedCase &k = newCase(cid, category, CaseStatus::New, at, QString::fromUtf16(words[i]), location);
                if (i >= 3)
                    k.priority = Priority::High;
                newInteraction(cid, k.id, category, i == 2 ? Channel::Email : Channel::Voice, at,
                               QString::fromUtf16(words[i]));
                addHistory(cid, uniform(1, 5), m_now - 700 * kDay, m_now - 20 * kDay);
            }
        }
        // 4. A bank request closed as done without the customer's confirmation; the card never came.
        {
            SeedCustomer &c = newCustomer(QStringLiteral("إيمان البلوشي"), m_now - 500 * kDay);
            c.city = QStringLiteral("صحار");
            const QString cid = c.id;
            m_data.featuredPhones << c.phones.first();
            const QString category = QStringLiteral("bank.card");
            SeedCase &k = newCase(cid, category, CaseStatus::Closed, m_now - 20 * kDay,
                                  QStringLiteral("طلب بطاقة بديلة بعد انتهاء صلاحية البطاقة"));
            k.closedAtMs = m_now - 10 * kDay;
            k.updatedAtMs = k.closedAtMs;
            k.customerConfirmed = false;
            const QString caseId = k.id;
            newInteraction(cid, caseId, category, Channel::Voice, m_now - 20 * kDay,
                           QStringLiteral("طلبت بطاقة بديلة؛ أُحيل الطلب إلى خدمات البطاقات"));
            newReferral(caseId, category, m_now - 20 * kDay + kHour, m_now - 15 * kDay, ReferralStatus::Done,
                        QStringLiteral("أ. منى السيابي"));
            newInteraction(cid, caseId, category, Channel::Sms, m_now - 10 * kDay,
                           QStringLiteral("رسالة آلية: تم إغلاق طلبك"), Direction::Outbound);
            newInteraction(cid, QString(), category, Channel::App, m_now - 2 * kDay,
                           QStringLiteral("كتبت عبر التطبيق أن البطاقة لم تصلها رغم إغلاق الطلب"));
            newVerification(cid, m_now - 20 * kDay);
            addHistory(cid, 5, m_now - 480 * kDay, m_now - 40 * kDay);
        }
    }

    void addOrdinaryCustomer()
    {
        const qint64 created = m_now - uniform64(30, 2 * 365) * kDay;
        SeedCustomer &c = newCustomer(personName(), created);
        const QString cid = c.id;
        const int count = uniform(1, std::max(1, m_options.maxInteractionsPerCustomer));
        addHistory(cid, count, std::max(created, m_now - 2 * 365 * kDay), m_now - kHour);
        if (chance(0.3))
            newVerification(cid, m_now - uniform64(1, 300) * kDay);
    }

    // `count` interactions between fromMs and toMs, grouped into cases of one category each.
    void addHistory(const QString &customerId, int count, qint64 fromMs, qint64 toMs)
    {
        int left = count;
        while (left > 0) {
            const CategoryText &text = kTexts[size_t(uniform(0, int(std::size(kTexts)) - 1))];
            const QString category = QString::fromLatin1(text.category);
            const int n = std::min(left, uniform(1, 6));
            left -= n;
            const qint64 start = uniform64(fromMs, std::max(fromMs, toMs - kDay));
            const bool recent = start > m_now - 14 * kDay;
            const bool withCase = category != QLatin1StringView("general.inquiry") || chance(0.2);
            QString caseId;
            if (withCase) {
                CaseStatus status = CaseStatus::Closed;
                if (recent) {
                    const CaseStatus open[] = {CaseStatus::New, CaseStatus::InProgress, CaseStatus::Referred,
                                               CaseStatus::PendingCustomer};
                    status = pick(open);
                } else if (chance(0.15)) {
                    status = CaseStatus::Resolved;
                }
                const QString location = QString::fromUtf16(text.locations[uniform(0, 2)]);
                SeedCase &k = newCase(customerId, category, status, start, QString::fromUtf16(text.summaries[0]),
                                      location);
                if (chance(0.1))
                    k.priority = Priority::High;
                caseId = k.id;
                if (status == CaseStatus::Referred || (!recent && chance(0.25))) {
                    const qint64 due = start + uniform64(2, 10) * kDay;
                    newReferral(caseId, category, start + kHour, due,
                                status == CaseStatus::Referred ? ReferralStatus::Open : ReferralStatus::Done);
                }
            }
            qint64 at = start;
            for (int i = 0; i < n; ++i) {
                const Channel channel = randomChannel();
                const bool outbound = channel == Channel::Sms && chance(0.5);
                newInteraction(customerId, caseId, category, channel, duringOpeningHours(at),
                               QString::fromUtf16(text.summaries[i % 4]),
                               outbound ? Direction::Outbound : Direction::Inbound);
                at = std::min(toMs, at + uniform64(kHour, 6 * kDay));
            }
        }
    }

    DemoOptions m_options;
    std::mt19937 m_rng;
    qint64 m_now;
    DemoDataset m_data;
    QSet<QString> m_usedPhones;
};

} // namespace

DemoDataset generateDemoDataset(const DemoOptions &options)
{
    return Generator(options).run();
}

} // namespace sanad::server

<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ar" sourcelanguage="en">
<context>
    <name>Category</name>
    <message>
        <source>Water supply cut</source>
        <translation>انقطاع المياه</translation>
    </message>
    <message>
        <source>Burst pipe or leak</source>
        <translation>انفجار أنبوب أو تسرّب</translation>
    </message>
    <message>
        <source>Water quality</source>
        <translation>جودة المياه</translation>
    </message>
    <message>
        <source>Power outage</source>
        <translation>انقطاع الكهرباء</translation>
    </message>
    <message>
        <source>Street lighting fault</source>
        <translation>عطل في إنارة الشوارع</translation>
    </message>
    <message>
        <source>Road damage</source>
        <translation>تلف في الطريق</translation>
    </message>
    <message>
        <source>Waste collection</source>
        <translation>جمع النفايات</translation>
    </message>
    <message>
        <source>Billing dispute</source>
        <translation>اعتراض على فاتورة</translation>
    </message>
    <message>
        <source>Bank card request</source>
        <translation>طلب بطاقة مصرفية</translation>
    </message>
    <message>
        <source>Bank account request</source>
        <translation>طلب متعلق بالحساب المصرفي</translation>
    </message>
    <message>
        <source>Internet connection fault</source>
        <translation>عطل في اتصال الإنترنت</translation>
    </message>
    <message>
        <source>Mobile line service</source>
        <translation>خدمة خط الهاتف المتنقل</translation>
    </message>
    <message>
        <source>General complaint</source>
        <translation>شكوى عامة</translation>
    </message>
    <message>
        <source>General inquiry</source>
        <translation>استفسار عام</translation>
    </message>
</context>
<context>
    <name>QGuiApplication</name>
    <message>
        <source>QT_LAYOUT_DIRECTION</source>
        <comment>Translate this string to the string &apos;LTR&apos; in left-to-right languages or to &apos;RTL&apos; in right-to-left languages (such as Hebrew and Arabic) to get proper widget layout.</comment>
        <translation>RTL</translation>
    </message>
</context>
<context>
    <name>SyncStatus</name>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) have not reached the server yet. They stay on this computer and are sent when you sign in again. Sign out anyway?</source>
        <translation>
            <numerusform>لا توجد تغييرات لم تصل إلى الخادم. هل تريد تسجيل الخروج؟</numerusform>
            <numerusform>تغيير واحد لم يصل إلى الخادم بعد. يبقى على هذا الحاسوب ويُرسل عند تسجيل دخولك مجددًا. هل تريد تسجيل الخروج مع ذلك؟</numerusform>
            <numerusform>تغييران لم يصلا إلى الخادم بعد. يبقيان على هذا الحاسوب ويُرسلان عند تسجيل دخولك مجددًا. هل تريد تسجيل الخروج مع ذلك؟</numerusform>
            <numerusform>%n تغييرات لم تصل إلى الخادم بعد. تبقى على هذا الحاسوب وتُرسل عند تسجيل دخولك مجددًا. هل تريد تسجيل الخروج مع ذلك؟</numerusform>
            <numerusform>%n تغييرًا لم تصل إلى الخادم بعد. تبقى على هذا الحاسوب وتُرسل عند تسجيل دخولك مجددًا. هل تريد تسجيل الخروج مع ذلك؟</numerusform>
            <numerusform>%n تغيير لم تصل إلى الخادم بعد. تبقى على هذا الحاسوب وتُرسل عند تسجيل دخولك مجددًا. هل تريد تسجيل الخروج مع ذلك؟</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>sanad::ui::AgentWindow</name>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A tooltip followed by its keyboard shortcut.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Sanad — agent desktop</source>
        <translation>سند — واجهة الموظف</translation>
    </message>
    <message>
        <source>Sanad — %1</source>
        <translation>سند — %1</translation>
    </message>
    <message>
        <source>&amp;Sanad</source>
        <translation>سند</translation>
    </message>
    <message>
        <source>&amp;Contact</source>
        <translation>الاتصال</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>اللغة</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>مساعدة</translation>
    </message>
    <message>
        <source>Presence and search</source>
        <translation>الحالة والبحث</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>قبول</translation>
    </message>
    <message>
        <source>Accept the offered contact</source>
        <translation>قبول الاتصال الوارد</translation>
    </message>
    <message>
        <source>End contact</source>
        <translation>إنهاء المكالمة</translation>
    </message>
    <message>
        <source>End the contact and start wrap-up</source>
        <translation>إنهاء المكالمة والانتقال إلى مرحلة ما بعد المكالمة</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>Become available for contacts; also ends wrap-up</source>
        <translation>التحول إلى «متاح» لاستقبال الاتصالات؛ وينهي أيضًا مرحلة ما بعد المكالمة</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Take a break: no contacts are offered to you</source>
        <translation>أخذ استراحة: لن تُعرض عليك أي اتصالات</translation>
    </message>
    <message>
        <source>Search customers</source>
        <translation>البحث عن العملاء</translation>
    </message>
    <message>
        <source>Search customers by name, number or case number</source>
        <translation>البحث عن العملاء بالاسم أو رقم الهاتف أو رقم البلاغ</translation>
    </message>
    <message>
        <source>Go to contact history</source>
        <translation>الانتقال إلى سجل التواصل</translation>
    </message>
    <message>
        <source>Move to the caller&apos;s contact history</source>
        <translation>الانتقال إلى سجل تواصل المتصل</translation>
    </message>
    <message>
        <source>Go to cases</source>
        <translation>الانتقال إلى البلاغات</translation>
    </message>
    <message>
        <source>Move to the caller&apos;s cases</source>
        <translation>الانتقال إلى بلاغات المتصل</translation>
    </message>
    <message>
        <source>Sign out</source>
        <translation>تسجيل الخروج</translation>
    </message>
    <message>
        <source>Sign out of Sanad</source>
        <translation>تسجيل الخروج من سند</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>خروج</translation>
    </message>
    <message>
        <source>Quit Sanad</source>
        <translation>إغلاق سند</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Show the keyboard shortcuts</source>
        <translation>عرض اختصارات لوحة المفاتيح</translation>
    </message>
    <message>
        <source>Signed in as %1</source>
        <translation>مسجّل الدخول باسم المستخدم %1</translation>
    </message>
    <message>
        <source>Search: name, number or case (Ctrl+F)</source>
        <translation>بحث: الاسم أو الرقم أو البلاغ (Ctrl+F)</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>نتائج البحث</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>البلاغات</translation>
    </message>
    <message>
        <source>Contact history, all channels</source>
        <translation>سجل التواصل عبر جميع القنوات</translation>
    </message>
    <message>
        <source>An offered contact was not answered in time, so you were put on break. Press F9 when you are ready.</source>
        <translation>لم تردّ على اتصال عُرض عليك في الوقت المحدد، لذا حُوّلت حالتك إلى استراحة. اضغط F9 عندما تكون جاهزًا.</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>Presence state and the time spent in it, e.g. &quot;Available · 03:12&quot;.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Your state, as the server has it, and the time in it</source>
        <translation>حالتك كما يسجلها الخادم، والمدة التي قضيتها فيها</translation>
    </message>
    <message>
        <source>● Connected</source>
        <translation>● متصل</translation>
    </message>
    <message>
        <source>Contacts can be offered to you.</source>
        <translation>يمكن عرض الاتصالات عليك.</translation>
    </message>
    <message>
        <source>● Connecting…</source>
        <translation>● جارٍ الاتصال…</translation>
    </message>
    <message>
        <source>Connecting to the server; contacts cannot be offered to you until it is connected.</source>
        <translation>جارٍ الاتصال بالخادم؛ لن تُعرض عليك اتصالات حتى يكتمل الاتصال.</translation>
    </message>
    <message>
        <source>● Not connected</source>
        <translation>● غير متصل</translation>
    </message>
    <message>
        <source>This account cannot receive contacts. Sign in with an agent account to take contacts.</source>
        <translation>هذا الحساب لا يستقبل الاتصالات. سجّل الدخول بحساب موظف لاستقبال الاتصالات.</translation>
    </message>
    <message>
        <source>Your account connected from another desktop, so this one no longer receives contacts. Press F9 here to take them back.</source>
        <translation>اتصل حسابك من جهاز آخر، لذا لم يعد هذا الجهاز يستقبل الاتصالات. اضغط F9 هنا لاستعادتها.</translation>
    </message>
    <message>
        <source>No connection to the server: no contacts can be offered to you. Sanad keeps trying; check the network if this lasts.</source>
        <translation>لا يوجد اتصال بالخادم: لا يمكن عرض أي اتصالات عليك. يواصل سند المحاولة؛ تحقق من الشبكة إذا استمر ذلك.</translation>
    </message>
    <message>
        <source>The contact could not be accepted. %1</source>
        <translation>تعذّر قبول الاتصال. %1</translation>
    </message>
    <message>
        <source>The contact could not be ended. %1</source>
        <translation>تعذّر إنهاء المكالمة. %1</translation>
    </message>
    <message>
        <source>End the current contact first (Ctrl+E), then change your state.</source>
        <translation>أنهِ المكالمة الحالية أولًا (Ctrl+E)، ثم غيّر حالتك.</translation>
    </message>
    <message>
        <source>Your state was not changed. %1</source>
        <translation>لم تتغير حالتك. %1</translation>
    </message>
    <message>
        <source>Cases (%1 open of %2)</source>
        <extracomment>Title of the case list: the number of cases, then how many are open.</extracomment>
        <translation>البلاغات (%1 مفتوحة من %2)</translation>
    </message>
    <message>
        <source>Contact history, all channels (%1)</source>
        <translation>سجل التواصل عبر جميع القنوات (%1)</translation>
    </message>
    <message>
        <source>Searching…</source>
        <translation>جارٍ البحث…</translation>
    </message>
    <message>
        <source>No customer matches %1. Check the spelling, or search by number or case number.</source>
        <translation>لا يوجد عميل يطابق %1. تحقق من الكتابة، أو ابحث برقم الهاتف أو رقم البلاغ.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln customer(s) found. Enter opens the selected one.</source>
        <translation>
            <numerusform>لم يُعثر على أي عميل.</numerusform>
            <numerusform>عُثر على عميل واحد. اضغط Enter لفتح ملفه.</numerusform>
            <numerusform>عُثر على عميلَين. اضغط Enter لفتح المحدد منهما.</numerusform>
            <numerusform>عُثر على %Ln عملاء. اضغط Enter لفتح المحدد منهم.</numerusform>
            <numerusform>عُثر على %Ln عميلًا. اضغط Enter لفتح المحدد منهم.</numerusform>
            <numerusform>عُثر على %Ln عميل. اضغط Enter لفتح المحدد منهم.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Type a name, a phone number, a national ID or a case number; results appear as you type. Down moves to the results, Enter opens one.</source>
        <translation>اكتب اسمًا أو رقم هاتف أو رقم هوية وطنية أو رقم بلاغ؛ تظهر النتائج أثناء الكتابة. السهم للأسفل ينقلك إلى النتائج، وEnter يفتح إحداها.</translation>
    </message>
    <message>
        <source>Your state</source>
        <translation>حالتك</translation>
    </message>
    <message>
        <source>Connection to the server</source>
        <translation>الاتصال بالخادم</translation>
    </message>
    <message>
        <source>Signed-in agent</source>
        <translation>الموظف المسجِّل دخوله</translation>
    </message>
    <message>
        <source>Repeat contact warning</source>
        <translation>تنبيه تكرار الاتصال</translation>
    </message>
    <message>
        <source>The caller&apos;s cases, open ones first, with their referrals. Alt+C moves here.</source>
        <translation>بلاغات المتصل، المفتوحة أولًا، مع إحالاتها. Alt+C ينقلك إلى هنا.</translation>
    </message>
    <message>
        <source>Contact history</source>
        <translation>سجل التواصل</translation>
    </message>
    <message>
        <source>Every contact of the caller on every channel, newest first. Alt+H moves here.</source>
        <translation>كل تواصل للمتصل عبر كل القنوات، الأحدث أولًا. Alt+H ينقلك إلى هنا.</translation>
    </message>
    <message>
        <source>Arabic-Indic digits (%1)</source>
        <translation>أرقام عربية مشرقية (%1)</translation>
    </message>
    <message>
        <source>Latin digits (%1)</source>
        <translation>أرقام لاتينية (%1)</translation>
    </message>
    <message>
        <source>The digits of dates, times, counts and numbers in the Arabic interface; English always uses Latin digits</source>
        <translation>الأرقام المستعملة في التواريخ والأوقات والأعداد والأرقام في الواجهة العربية؛ الواجهة الإنجليزية تستعمل الأرقام اللاتينية دائمًا</translation>
    </message>
    <message>
        <source>The server cannot be reached: these are the customers saved on this desktop, which may be out of date.</source>
        <translation>تعذّر الوصول إلى الخادم: هذه نتائج من العملاء المحفوظين على هذا الجهاز، وقد لا تكون محدَّثة.</translation>
    </message>
    <message>
        <source>Go to guided scripts</source>
        <translation>الانتقال إلى النصوص الإرشادية</translation>
    </message>
    <message>
        <source>Move to the guided scripts: 1 to 9 choose, Enter goes on, Alt+Left goes back</source>
        <translation>الانتقال إلى النصوص الإرشادية: الأرقام من 1 إلى 9 للاختيار، و«إدخال» للمتابعة، وAlt+سهم لليسار للرجوع</translation>
    </message>
    <message>
        <source>Wrap-up saved: you become available as soon as the server has it.</source>
        <translation>حُفظ ملخص ما بعد المكالمة: تصبح «متاحًا» حالما يصل إلى الخادم.</translation>
    </message>
    <message>
        <source>This queue requires a wrap-up: choose the disposition and the caller&apos;s mood, then save with Ctrl+S to become available.</source>
        <translation>قائمة الانتظار هذه تتطلب ملخص ما بعد المكالمة: اختر نتيجة المكالمة وحالة المتصل، ثم احفظ بالضغط على Ctrl+S لتصبح «متاحًا».</translation>
    </message>
</context>
<context>
    <name>sanad::ui::CaseActions</name>
    <message>
        <source>&amp;Resolve case…</source>
        <translation>&amp;حل الحالة…</translation>
    </message>
    <message>
        <source>Resolve the selected case, asking whether the customer confirms it is solved (%1)</source>
        <translation>حل الحالة المحددة بعد سؤال العميل هل يؤكد أنها حُلّت (%1)</translation>
    </message>
    <message>
        <source>Resolve case %1</source>
        <translation>حل الحالة %1</translation>
    </message>
    <message>
        <source>Does the customer confirm that case %1 is solved?</source>
        <translation>هل يؤكد العميل أن الحالة %1 قد حُلّت؟</translation>
    </message>
    <message>
        <source>A case counts as resolved only with the customer&apos;s confirmation. If they cannot confirm yet, the case waits for their confirmation and the team lead follows it up.</source>
        <translation>لا تُعد الحالة محلولة إلا بتأكيد العميل. إن لم يستطع التأكيد بعد، تبقى الحالة بانتظار تأكيده ويتابعها قائد الفريق.</translation>
    </message>
    <message>
        <source>&amp;Yes, the customer confirms</source>
        <translation>&amp;نعم، العميل يؤكد</translation>
    </message>
    <message>
        <source>&amp;Not yet: await confirmation</source>
        <translation>&amp;ليس بعد: انتظار التأكيد</translation>
    </message>
    <message>
        <source>Case %1 changed.</source>
        <translation>تم تغيير الحالة %1.</translation>
    </message>
    <message>
        <source>Someone changed case %1 meanwhile. The case has been reloaded: check it, then try again.</source>
        <translation>غيّر شخص آخر الحالة %1 في الأثناء. أُعيد تحميل الحالة: راجعها ثم حاول مرة أخرى.</translation>
    </message>
    <message>
        <source>The server refused the change to case %1.</source>
        <translation>رفض الخادم تغيير الحالة %1.</translation>
    </message>
    <message>
        <source>Case not changed</source>
        <translation>لم تتغير الحالة</translation>
    </message>
    <message>
        <source>Re&amp;fer case…</source>
        <translation>&amp;إحالة الحالة…</translation>
    </message>
    <message>
        <source>Refer the selected case to a department, with the person who answers for it (%1)</source>
        <translation>إحالة الحالة المحددة إلى قسم، مع الشخص المسؤول عنها (%1)</translation>
    </message>
    <message>
        <source>Refer case %1</source>
        <translation>إحالة الحالة %1</translation>
    </message>
    <message>
        <source>&amp;Department:</source>
        <translation>ال&amp;قسم:</translation>
    </message>
    <message>
        <source>&amp;Owner:</source>
        <translation>ال&amp;مسؤول:</translation>
    </message>
    <message>
        <source>The due time follows from the case&apos;s category and priority.</source>
        <translation>يُحدَّد موعد الاستحقاق حسب فئة الحالة وأولويتها.</translation>
    </message>
    <message>
        <source>&amp;Refer</source>
        <translation>&amp;إحالة</translation>
    </message>
    <message>
        <source>Schedule a &amp;callback…</source>
        <translation>جدولة &amp;معاودة الاتصال…</translation>
    </message>
    <message>
        <source>Promise the customer a call back about the selected case (%1)</source>
        <translation>وعد العميل بمعاودة الاتصال به بشأن الحالة المحددة (%1)</translation>
    </message>
    <message>
        <source>Callback about case %1</source>
        <translation>معاودة الاتصال بشأن الحالة %1</translation>
    </message>
    <message>
        <source>&amp;Why call back:</source>
        <translation>&amp;سبب معاودة الاتصال:</translation>
    </message>
    <message>
        <source>&amp;Schedule</source>
        <translation>&amp;جدولة</translation>
    </message>
    <message>
        <source>&amp;Link to incident…</source>
        <translation>&amp;ربط بحادث…</translation>
    </message>
    <message>
        <source>Make the selected case a report of an incident other callers reported (%1)</source>
        <translation>جعل البلاغ المحدد بلاغًا ضمن حادث أبلغ عنه متصلون آخرون (%1)</translation>
    </message>
    <message>
        <source>Case %1 is now a report of incident %2.</source>
        <translation>أصبح البلاغ %1 بلاغًا ضمن الحادث %2.</translation>
    </message>
</context>
<context>
    <name>sanad::ui::CaseHistoryModel</name>
    <message>
        <source>Note</source>
        <translation>ملاحظة</translation>
    </message>
    <message>
        <source>About: %1</source>
        <translation>بخصوص: %1</translation>
    </message>
    <message>
        <source>A note written by an agent on the case</source>
        <translation>ملاحظة كتبها موظف على البلاغ</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <extracomment>Channel and direction, e.g. &quot;Phone call, inbound&quot;.</extracomment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Channel</source>
        <translation>القناة</translation>
    </message>
    <message>
        <source>Agent</source>
        <translation>الموظف</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>البلاغ</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>الملخص</translation>
    </message>
    <message>
        <source>Date (Gregorian · Hijri, approximate)</source>
        <translation>التاريخ (ميلادي، وهجري تقريبي)</translation>
    </message>
</context>
<context>
    <name>sanad::ui::CaseListModel</name>
    <message>
        <source>Location: %1</source>
        <translation>الموقع: %1</translation>
    </message>
    <message>
        <source>Opened: %1</source>
        <translation>تاريخ الفتح: %1</translation>
    </message>
    <message>
        <source>Closed: %1</source>
        <translation>تاريخ الإغلاق: %1</translation>
    </message>
    <message>
        <source>The customer confirmed the resolution.</source>
        <translation>أكّد العميل حلّ المشكلة.</translation>
    </message>
    <message>
        <source>The customer did not confirm the resolution.</source>
        <translation>لم يؤكد العميل حلّ المشكلة.</translation>
    </message>
    <message>
        <source>no owner yet</source>
        <translation>لم يُحدَّد مسؤول بعد</translation>
    </message>
    <message>
        <source>Referred to %1</source>
        <translation>إحالة إلى %1</translation>
    </message>
    <message>
        <source>owner: %1</source>
        <translation>المسؤول: %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>موعد الإنجاز %1</translation>
    </message>
    <message>
        <source> · </source>
        <extracomment>Separator between the parts of a referral line (department, owner, due time, status).</extracomment>
        <translation>، </translation>
    </message>
    <message>
        <source>Referral of case %1
Created: %2
Due: %3</source>
        <translation>إحالة البلاغ %1
أُنشئت: %2
موعد الإنجاز: %3</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>البلاغ</translation>
    </message>
    <message>
        <source>Category</source>
        <translation>التصنيف</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>تاريخ الفتح</translation>
    </message>
    <message>
        <source>report of incident %1</source>
        <translation>بلاغ ضمن الحادث %1</translation>
    </message>
    <message>
        <source>(number not known yet)</source>
        <translation>(رقمه غير معروف بعد)</translation>
    </message>
    <message>
        <source>incident, reports: %1</source>
        <translation>حادث، عدد البلاغات: %1</translation>
    </message>
</context>
<context>
    <name>sanad::ui::CustomerCard</name>
    <message>
        <source>No caller on screen</source>
        <translation>لا يوجد متصل على الشاشة</translation>
    </message>
    <message>
        <source>Press F9 to become available. An offered contact appears here at once, with the caller&apos;s cases and history. Ctrl+F searches customers.</source>
        <translation>اضغط F9 لتصبح متاحًا. يظهر هنا فورًا كل اتصال يُعرض عليك، مع بلاغات المتصل وسجل تواصله. وللبحث عن العملاء اضغط Ctrl+F.</translation>
    </message>
    <message>
        <source>Opening the customer…</source>
        <translation>جارٍ فتح ملف العميل…</translation>
    </message>
    <message>
        <source>Looking up %1…</source>
        <translation>جارٍ البحث عن %1…</translation>
    </message>
    <message>
        <source>Withheld number</source>
        <translation>رقم محجوب</translation>
    </message>
    <message>
        <source>The caller&apos;s number is withheld. Ask for their name, number or case number and search with Ctrl+F.</source>
        <translation>رقم المتصل محجوب. اسأله عن اسمه أو رقم هاتفه أو رقم البلاغ، ثم ابحث بالضغط على Ctrl+F.</translation>
    </message>
    <message>
        <source>The caller&apos;s details could not be loaded</source>
        <translation>تعذّر تحميل بيانات المتصل</translation>
    </message>
    <message>
        <source>Customer</source>
        <translation>العميل</translation>
    </message>
    <message>
        <source>Numbers:</source>
        <translation>الأرقام:</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>المدينة:</translation>
    </message>
    <message>
        <source>not recorded</source>
        <translation>غير مسجَّل</translation>
    </message>
    <message>
        <source>National ID:</source>
        <translation>رقم الهوية الوطنية:</translation>
    </message>
    <message>
        <source>Customer since:</source>
        <translation>عميل منذ:</translation>
    </message>
    <message>
        <source>Verified before:</source>
        <translation>تحقق سابق من الهوية:</translation>
    </message>
    <message>
        <source>%1, %2, by %3</source>
        <translation>%1، %2، بواسطة %3</translation>
    </message>
    <message>
        <source>never: verify the caller&apos;s identity</source>
        <translation>لم يسبق التحقق: تحقّق من هوية المتصل</translation>
    </message>
    <message>
        <source>Identity checks on earlier contacts, newest first</source>
        <translation>عمليات التحقق من الهوية في الاتصالات السابقة، الأحدث أولًا</translation>
    </message>
</context>
<context>
    <name>sanad::ui::CustomerSearchModel</name>
    <message>
        <source>%1 — %2</source>
        <extracomment>A search result: the customer&apos;s name, then the primary number.</extracomment>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>A search result, then the customer&apos;s city. In Arabic avoid the middle dot, which reads as the Arabic-Indic zero next to digits.</extracomment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Numbers: %1</source>
        <translation>الأرقام: %1</translation>
    </message>
    <message>
        <source>Last contact: %1</source>
        <translation>آخر تواصل: %1</translation>
    </message>
    <message>
        <source>Press Enter to open the customer.</source>
        <translation>اضغط Enter لفتح ملف العميل.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A search result, then why it was found, e.g. &quot;(similar spelling)&quot;.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>National ID: %1</source>
        <translation>رقم الهوية الوطنية: %1</translation>
    </message>
    <message>
        <source>Found by: %1</source>
        <translation>سبب الظهور: %1</translation>
    </message>
</context>
<context>
    <name>sanad::ui::Desk</name>
    <message>
        <source>The copy of your work on this computer could not be used as it was; it was kept aside, changes still waiting were kept, and the rest is filled again from the server.</source>
        <translation>تعذّر استخدام نسخة عملك على هذا الحاسوب كما هي؛ فحُفظت جانبًا، وبقيت التغييرات المنتظرة، ويُملأ الباقي من الخادم من جديد.</translation>
    </message>
</context>
<context>
    <name>sanad::ui::DisplayText</name>
    <message>
        <source>Phone call</source>
        <translation>مكالمة هاتفية</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>رسالة نصية</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>بريد إلكتروني</translation>
    </message>
    <message>
        <source>Web form</source>
        <translation>نموذج الموقع</translation>
    </message>
    <message>
        <source>Mobile app</source>
        <translation>تطبيق الجوال</translation>
    </message>
    <message>
        <source>WhatsApp</source>
        <translation>واتساب</translation>
    </message>
    <message>
        <source>Walk-in</source>
        <translation>زيارة حضورية</translation>
    </message>
    <message>
        <source>Other channel</source>
        <translation>قناة أخرى</translation>
    </message>
    <message>
        <source>inbound</source>
        <translation>وارد</translation>
    </message>
    <message>
        <source>outbound</source>
        <translation>صادر</translation>
    </message>
    <message>
        <source>New</source>
        <translation>جديد</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>قيد المعالجة</translation>
    </message>
    <message>
        <source>Referred</source>
        <translation>محال</translation>
    </message>
    <message>
        <source>Waiting for the customer</source>
        <translation>بانتظار العميل</translation>
    </message>
    <message>
        <source>Resolved</source>
        <translation>محلول</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>مغلق</translation>
    </message>
    <message>
        <source>Reopened</source>
        <translation>أُعيد فتحه</translation>
    </message>
    <message>
        <source>Unknown status</source>
        <translation>حالة غير معروفة</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>منخفضة</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>عادية</translation>
    </message>
    <message>
        <source>High</source>
        <translation>عالية</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>عاجلة</translation>
    </message>
    <message>
        <source>open</source>
        <translation>مفتوحة</translation>
    </message>
    <message>
        <source>in progress</source>
        <translation>قيد التنفيذ</translation>
    </message>
    <message>
        <source>done</source>
        <translation>منجزة</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>ملغاة</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message>
        <source>Available</source>
        <translation>متاح</translation>
    </message>
    <message>
        <source>On contact</source>
        <translation>في مكالمة</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>ما بعد المكالمة</translation>
    </message>
    <message>
        <source>Break</source>
        <translation>استراحة</translation>
    </message>
    <message>
        <source>Security questions</source>
        <translation>أسئلة التحقق</translation>
    </message>
    <message>
        <source>One-time code</source>
        <translation>رمز لمرة واحدة</translation>
    </message>
    <message>
        <source>National ID</source>
        <translation>الهوية الوطنية</translation>
    </message>
    <message>
        <source>topic not recorded</source>
        <translation>موضوع غير مسجَّل</translation>
    </message>
    <message>
        <source>, </source>
        <extracomment>Separator between several phone numbers of one customer.</extracomment>
        <translation>، </translation>
    </message>
    <message>
        <source>%1 AH</source>
        <extracomment>A Hijri date; AH = anno Hegirae (Arabic: هـ).</extracomment>
        <translation>%1 هـ</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <extracomment>A Gregorian date and time, then the Hijri date. In Arabic avoid the middle dot, which reads as the Arabic-Indic zero next to digits.</extracomment>
        <translation>%1، %2</translation>
    </message>
    <message>
        <source>Gregorian: %1
Hijri: %2 (approximate: the tabular Islamic calendar can differ by a day or two from the official date)</source>
        <translation>الميلادي: %1
الهجري: %2 (تقريبي: قد يختلف التقويم الهجري الحسابي يومًا أو يومين عن التاريخ الرسمي)</translation>
    </message>
    <message numerus="yes">
        <source>overdue by %Ln day(s)</source>
        <translation>
            <numerusform>متأخرة %Ln يوم</numerusform>
            <numerusform>متأخرة يومًا واحدًا</numerusform>
            <numerusform>متأخرة يومين</numerusform>
            <numerusform>متأخرة %Ln أيام</numerusform>
            <numerusform>متأخرة %Ln يومًا</numerusform>
            <numerusform>متأخرة %Ln يوم</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>overdue by %Ln hour(s)</source>
        <translation>
            <numerusform>متأخرة %Ln ساعة</numerusform>
            <numerusform>متأخرة ساعة واحدة</numerusform>
            <numerusform>متأخرة ساعتين</numerusform>
            <numerusform>متأخرة %Ln ساعات</numerusform>
            <numerusform>متأخرة %Ln ساعة</numerusform>
            <numerusform>متأخرة %Ln ساعة</numerusform>
        </translation>
    </message>
    <message>
        <source>overdue by less than an hour</source>
        <translation>متأخرة أقل من ساعة</translation>
    </message>
    <message>
        <source>Second call this week about: %1</source>
        <translation>المكالمة الثانية هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Third call this week about: %1</source>
        <translation>المكالمة الثالثة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Fourth call this week about: %1</source>
        <translation>المكالمة الرابعة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Fifth call this week about: %1</source>
        <translation>المكالمة الخامسة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Sixth call this week about: %1</source>
        <translation>المكالمة السادسة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Seventh call this week about: %1</source>
        <translation>المكالمة السابعة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Eighth call this week about: %1</source>
        <translation>المكالمة الثامنة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Ninth call this week about: %1</source>
        <translation>المكالمة التاسعة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Tenth call this week about: %1</source>
        <translation>المكالمة العاشرة هذا الأسبوع بخصوص: %1</translation>
    </message>
    <message>
        <source>Call number %1 this week about: %2</source>
        <translation>المكالمة رقم %1 هذا الأسبوع بخصوص: %2</translation>
    </message>
    <message>
        <source>The Sanad server cannot be reached. Check your network connection and try again; if it persists, ask your administrator whether the service is running.</source>
        <translation>تعذّر الوصول إلى خادم سند. تحقق من اتصال الشبكة وحاول مرة أخرى؛ وإذا استمرت المشكلة فاسأل مسؤول النظام هل الخدمة تعمل.</translation>
    </message>
    <message>
        <source>Cannot reach the Sanad server at %1. Check the address, or ask your administrator whether the service is running.</source>
        <translation>تعذّر الوصول إلى خادم سند على العنوان %1. تحقق من العنوان، أو اسأل مسؤول النظام هل الخدمة تعمل.</translation>
    </message>
    <message>
        <source>Your account is not allowed to do this. Ask your team lead if you need it.</source>
        <translation>حسابك غير مخوَّل بهذا الإجراء. اطلب الصلاحية من قائد فريقك إذا كنت بحاجة إليها.</translation>
    </message>
    <message>
        <source>The server did not accept the request: %1</source>
        <translation>لم يقبل الخادم الطلب: %1</translation>
    </message>
    <message>
        <source>The record was not found on the server; it may have been removed. Search again.</source>
        <translation>لم يُعثر على السجل في الخادم، وربما حُذف. ابحث مرة أخرى.</translation>
    </message>
    <message>
        <source>The server refused the request in the current state: %1</source>
        <translation>رفض الخادم الطلب في الوضع الحالي: %1</translation>
    </message>
    <message>
        <source>The request was cancelled.</source>
        <translation>أُلغي الطلب.</translation>
    </message>
    <message>
        <source>The server reported an error: %1. Try again; if it keeps happening, tell your administrator.</source>
        <translation>أبلغ الخادم عن خطأ: %1. حاول مرة أخرى؛ وإذا تكرر ذلك فأبلغ مسؤول النظام.</translation>
    </message>
    <message>
        <source>Wrong user name or password. Check them and try again; after repeated failures ask your team lead to reset your password.</source>
        <translation>اسم المستخدم أو كلمة المرور غير صحيحة. تحقق منهما وحاول مرة أخرى؛ وإذا تكرر الفشل فاطلب من قائد فريقك إعادة تعيين كلمة المرور.</translation>
    </message>
    <message>
        <source>The server address %1 is not valid. Write it as host:port, for example 127.0.0.1:50051.</source>
        <translation>عنوان الخادم %1 غير صالح. اكتبه بالصيغة host:port، مثل 127.0.0.1:50051.</translation>
    </message>
    <message>
        <source>Your session has expired. Sign in again to continue; your screen will be restored.</source>
        <translation>انتهت صلاحية جلستك. سجّل الدخول مرة أخرى للمتابعة، وستعود شاشتك كما كانت.</translation>
    </message>
    <message>
        <source>This account cannot use the agent desktop. Sign in with an agent, team lead, trainer or administrator account.</source>
        <translation>لا يمكن استخدام واجهة الموظف بهذا الحساب. سجّل الدخول بحساب موظف أو قائد فريق أو مدرّب أو مسؤول نظام.</translation>
    </message>
    <message>
        <source>case %1</source>
        <translation>البلاغ %1</translation>
    </message>
    <message>
        <source>national ID</source>
        <translation>رقم الهوية الوطنية</translation>
    </message>
    <message>
        <source>number starts with the digits typed</source>
        <translation>رقم يبدأ بالأرقام المكتوبة</translation>
    </message>
    <message>
        <source>similar spelling</source>
        <translation>كتابة مشابهة</translation>
    </message>
    <message>
        <source>some of the words</source>
        <translation>بعض الكلمات</translation>
    </message>
    <message>
        <source>%1 · %2 (approximate)</source>
        <extracomment>A Gregorian date and time, then the Hijri date, which the tabular calendar gives to a day or two.</extracomment>
        <translation>%1، %2 (تقريبًا)</translation>
    </message>
    <message>
        <source>Awaiting the customer&apos;s confirmation</source>
        <translation>بانتظار تأكيد العميل</translation>
    </message>
</context>
<context>
    <name>sanad::ui::IncidentLinkDialog</name>
    <message>
        <source>Link case %1 to an incident</source>
        <translation>ربط البلاغ %1 بحادث</translation>
    </message>
    <message>
        <source>Choose the incident that case %1 (%2) is a report of: open incidents of this category, and other callers&apos; open cases of it from the last hours that could become one.</source>
        <translation>اختر الحادث الذي يُعدّ البلاغ %1 (%2) بلاغًا ضمنه: الحوادث المفتوحة في هذه الفئة، وبلاغات المتصلين الآخرين المفتوحة فيها خلال الساعات الأخيرة، التي قد تصبح حادثًا.</translation>
    </message>
    <message>
        <source>&amp;Place (cases whose place shares a word with it; empty for all):</source>
        <translation>&amp;المكان (البلاغات التي يشترك مكانها معه في كلمة؛ اتركه فارغًا لعرضها كلها):</translation>
    </message>
    <message>
        <source>A word of the place, such as the district</source>
        <translation>كلمة من المكان، مثل اسم الحي</translation>
    </message>
    <message>
        <source>&amp;Cases:</source>
        <translation>&amp;البلاغات:</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>البلاغ</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>المكان</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>عدد البلاغات</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>الأولوية</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>الحالة</translation>
    </message>
    <message>
        <source>Opened</source>
        <translation>تاريخ الفتح</translation>
    </message>
    <message>
        <source>&amp;Link as a report</source>
        <translation>&amp;ربط كبلاغ ضمنه</translation>
    </message>
    <message>
        <source>Incidents to link to</source>
        <translation>الحوادث المتاحة للربط</translation>
    </message>
    <message>
        <source>(no place recorded)</source>
        <translation>(لم يُسجَّل مكان)</translation>
    </message>
    <message>
        <source>Incident, %1</source>
        <translation>حادث، %1</translation>
    </message>
    <message>
        <source>Asking the server for incidents…</source>
        <translation>جارٍ طلب الحوادث من الخادم…</translation>
    </message>
    <message>
        <source>No open incident or recent case of this category matches the place. Clear the place to see them all.</source>
        <translation>لا يوجد حادث مفتوح أو بلاغ حديث في هذه الفئة يطابق المكان. امسح المكان لعرضها كلها.</translation>
    </message>
    <message>
        <source>Up and down arrows choose; Enter links case %1 as a report of the chosen one.</source>
        <translation>اختر بالسهمين للأعلى وللأسفل، ثم اضغط Enter لربط البلاغ %1 بلاغًا ضمن المختار.</translation>
    </message>
    <message>
        <source>The incidents could not be listed: %1</source>
        <translation>تعذّر عرض الحوادث: %1</translation>
    </message>
</context>
<context>
    <name>sanad::ui::LoginWindow</name>
    <message>
        <source>Enter the server address, for example 127.0.0.1:50051. Your team lead can tell you which one to use.</source>
        <translation>أدخل عنوان الخادم، مثل 127.0.0.1:50051. يمكن لقائد فريقك أن يخبرك بالعنوان الصحيح.</translation>
    </message>
    <message>
        <source>Enter your user name.</source>
        <translation>أدخل اسم المستخدم.</translation>
    </message>
    <message>
        <source>Enter your password.</source>
        <translation>أدخل كلمة المرور.</translation>
    </message>
    <message>
        <source>Sanad — sign in</source>
        <translation>سند — تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sanad</source>
        <extracomment>The product&apos;s name, سند (&quot;support&quot;).</extracomment>
        <translation>سند</translation>
    </message>
    <message>
        <source>Agent desktop</source>
        <translation>واجهة الموظف</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>اللغة:</translation>
    </message>
    <message>
        <source>Server:</source>
        <translation>الخادم:</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>اسم المستخدم:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>كلمة المرور:</translation>
    </message>
    <message>
        <source>host:port, for example 127.0.0.1:50051</source>
        <translation>host:port، مثل 127.0.0.1:50051</translation>
    </message>
    <message>
        <source>Signing in…</source>
        <translation>جارٍ تسجيل الدخول…</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>تسجيل الدخول</translation>
    </message>
    <message>
        <source>Sign in (Enter)</source>
        <translation>تسجيل الدخول (Enter)</translation>
    </message>
</context>
<context>
    <name>sanad::ui::NewCallerForm</name>
    <message>
        <source>Enter the caller&apos;s name: it is needed to create the customer.</source>
        <translation>أدخل اسم المتصل: الاسم مطلوب لإنشاء ملف العميل.</translation>
    </message>
    <message>
        <source>A national ID has 5 to 15 digits and nothing else. Check it against the caller&apos;s ID card, or leave the field empty.</source>
        <translation>رقم الهوية الوطنية من ٥ إلى ١٥ رقمًا فقط. قارنه ببطاقة هوية المتصل، أو اترك الحقل فارغًا.</translation>
    </message>
    <message>
        <source>New caller</source>
        <translation>متصل جديد</translation>
    </message>
    <message>
        <source>This number is not on file. Ask for the caller&apos;s name and create the customer.</source>
        <translation>هذا الرقم غير مسجَّل لدينا. اسأل المتصل عن اسمه وأنشئ ملف العميل.</translation>
    </message>
    <message>
        <source>This number is not on file, and its range is not known to the number plan: check it with the caller before creating the customer.</source>
        <translation>هذا الرقم غير مسجَّل لدينا، ونطاقه غير معروف في خطة الترقيم: تأكد منه مع المتصل قبل إنشاء ملف العميل.</translation>
    </message>
    <message>
        <source>Name (required):</source>
        <translation>الاسم (مطلوب):</translation>
    </message>
    <message>
        <source>City:</source>
        <translation>المدينة:</translation>
    </message>
    <message>
        <source>National ID:</source>
        <translation>رقم الهوية الوطنية:</translation>
    </message>
    <message>
        <source>The caller&apos;s full name</source>
        <translation>اسم المتصل الكامل</translation>
    </message>
    <message>
        <source>Digits only</source>
        <translation>أرقام فقط</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>جارٍ الإنشاء…</translation>
    </message>
    <message>
        <source>Create customer</source>
        <translation>إنشاء ملف العميل</translation>
    </message>
    <message>
        <source>Create the customer with this number (Enter)</source>
        <translation>إنشاء ملف العميل بهذا الرقم (Enter)</translation>
    </message>
    <message>
        <source>The customer was not created. %1</source>
        <translation>لم يُنشأ ملف العميل. %1</translation>
    </message>
</context>
<context>
    <name>sanad::ui::OfferBanner</name>
    <message>
        <source>withheld number</source>
        <translation>رقم محجوب</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A caller&apos;s name and number.</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Incoming call from %1</source>
        <translation>مكالمة واردة من %1</translation>
    </message>
    <message>
        <source>Incoming %1 contact from %2</source>
        <translation>اتصال وارد عبر %1 من %2</translation>
    </message>
    <message>
        <source>Accepting…</source>
        <translation>جارٍ القبول…</translation>
    </message>
    <message numerus="yes">
        <source>Queue %1 · answer within %Ln second(s)</source>
        <translation>
            <numerusform>قائمة الانتظار %1، انتهت مهلة الرد</numerusform>
            <numerusform>قائمة الانتظار %1، أجب خلال ثانية واحدة</numerusform>
            <numerusform>قائمة الانتظار %1، أجب خلال ثانيتين</numerusform>
            <numerusform>قائمة الانتظار %1، أجب خلال %Ln ثوانٍ</numerusform>
            <numerusform>قائمة الانتظار %1، أجب خلال %Ln ثانية</numerusform>
            <numerusform>قائمة الانتظار %1، أجب خلال %Ln ثانية</numerusform>
        </translation>
    </message>
    <message>
        <source>Queue %1</source>
        <translation>قائمة الانتظار %1</translation>
    </message>
    <message>
        <source>On contact with %1</source>
        <translation>في مكالمة مع %1</translation>
    </message>
    <message>
        <source>Press Ctrl+E to end the contact.</source>
        <translation>اضغط Ctrl+E لإنهاء المكالمة.</translation>
    </message>
    <message>
        <source>Wrap-up after the contact with %1</source>
        <translation>ما بعد المكالمة مع %1</translation>
    </message>
    <message>
        <source>Record the wrap-up and become available with Ctrl+S, or press F9 to go on without it.</source>
        <translation>سجّل ملخص ما بعد المكالمة وتحوّل إلى «متاح» بالضغط على Ctrl+S، أو اضغط F9 للمتابعة دونه.</translation>
    </message>
    <message>
        <source>This contact is no longer offered to you</source>
        <translation>لم يعد هذا الاتصال معروضًا عليك</translation>
    </message>
    <message>
        <source>It went to another agent or the caller hung up. Nothing to do.</source>
        <translation>انتقل إلى موظف آخر أو أنهى المتصل المكالمة. لا يلزم أي إجراء.</translation>
    </message>
    <message>
        <source>The caller hung up: %1</source>
        <translation>أنهى المتصل المكالمة: %1</translation>
    </message>
    <message>
        <source>The contact was abandoned before it was answered. Nothing to do.</source>
        <translation>أغلق المتصل الخط قبل الرد. لا يلزم أي إجراء.</translation>
    </message>
    <message>
        <source>Not answered in time: %1</source>
        <translation>لم يتم الرد في الوقت المحدد: %1</translation>
    </message>
    <message>
        <source>The contact was offered to the next agent. Press F9 when you are ready for the next contact.</source>
        <translation>عُرض الاتصال على الموظف التالي. اضغط F9 عندما تكون جاهزًا للاتصال التالي.</translation>
    </message>
    <message>
        <source>Answered by another agent: %1</source>
        <translation>ردّ عليه موظف آخر: %1</translation>
    </message>
    <message>
        <source>Nothing to do.</source>
        <translation>لا يلزم أي إجراء.</translation>
    </message>
    <message>
        <source>The contact was withdrawn: %1</source>
        <translation>سُحب الاتصال: %1</translation>
    </message>
    <message>
        <source>hung up while waiting, %1</source>
        <extracomment>%1: the date and time the caller hung up while waiting in the queue.</extracomment>
        <translation>أنهى المكالمة أثناء الانتظار، %1</translation>
    </message>
    <message>
        <source>hung up while waiting</source>
        <translation>أنهى المكالمة أثناء الانتظار</translation>
    </message>
    <message>
        <source>Callback to %1: %2</source>
        <translation>معاودة الاتصال بـ%1: %2</translation>
    </message>
    <message>
        <source> · attempt %1</source>
        <translation>، المحاولة %1</translation>
    </message>
    <message>
        <source>Calling back %1</source>
        <translation>جارٍ معاودة الاتصال بـ%1</translation>
    </message>
    <message>
        <source>Dial the customer now. Press Ctrl+E when the call is over, then record whether you reached them.</source>
        <translation>اتصل بالعميل الآن. اضغط Ctrl+E عند انتهاء المكالمة، ثم سجّل هل وصلت إليه.</translation>
    </message>
    <message>
        <source>Wrap-up after the callback to %1</source>
        <translation>ما بعد معاودة الاتصال بـ%1</translation>
    </message>
    <message>
        <source>No need to call back %1</source>
        <translation>لا حاجة لمعاودة الاتصال بـ%1</translation>
    </message>
    <message>
        <source>The customer got through by calling again, or another agent recorded the callback. Nothing to do.</source>
        <translation>اتصل العميل مجددًا وأُجيب، أو سجّل موظف آخر معاودة الاتصال. لا شيء عليك.</translation>
    </message>
    <message>
        <source>This queue requires the wrap-up: record it with Ctrl+S to become available.</source>
        <translation>قائمة الانتظار هذه تتطلب ملخص ما بعد المكالمة: سجّله بالضغط على Ctrl+S لتصبح «متاحًا».</translation>
    </message>
</context>
<context>
    <name>sanad::ui::OfflineNotice</name>
    <message>
        <source>Offline: this is the copy kept on this computer and may be out of date (last updated %1). It updates by itself when the server is back.</source>
        <translation>غير متصل: هذه النسخة المحفوظة على هذا الحاسوب وقد لا تكون محدَّثة (آخر تحديث %1). تتحدّث تلقائيًا عند عودة الخادم.</translation>
    </message>
    <message>
        <source>Offline: this is the copy kept on this computer and may be out of date. It updates by itself when the server is back.</source>
        <translation>غير متصل: هذه النسخة المحفوظة على هذا الحاسوب وقد لا تكون محدَّثة. تتحدّث تلقائيًا عند عودة الخادم.</translation>
    </message>
</context>
<context>
    <name>sanad::ui::ScriptPanel</name>
    <message>
        <source>Recorded in the history of case %1.</source>
        <translation>سُجّل في سجل البلاغ %1.</translation>
    </message>
    <message>
        <source>Recorded in the history of case %1, but not everything was written to the case: %2</source>
        <translation>سُجّل في سجل البلاغ %1، لكن لم يُكتب كل شيء في البلاغ: %2</translation>
    </message>
    <message>
        <source>The code could not be sent or checked: %1 Verify with the questions instead.</source>
        <translation>تعذّر إرسال الرمز أو التحقق منه: %1 تحقق بالأسئلة بدلاً منه.</translation>
    </message>
    <message>
        <source>The run could not be recorded: %1 Try again from a new run, or add a note to the case.</source>
        <translation>تعذّر تسجيل النص الإرشادي: %1 أعد المحاولة بتشغيل جديد، أو أضف ملاحظة إلى البلاغ.</translation>
    </message>
    <message>
        <source>★ %1 (suggested)</source>
        <translation>★ %1 (مقترح)</translation>
    </message>
    <message>
        <source>This script cannot be run: ask an administrator to publish it again.</source>
        <translation>لا يمكن تشغيل هذا النص الإرشادي: اطلب من المسؤول نشره من جديد.</translation>
    </message>
    <message>
        <source>%1. %2</source>
        <translation>%1. %2</translation>
    </message>
    <message>
        <source>The script has ended: %1</source>
        <translation>انتهى النص الإرشادي: %1</translation>
    </message>
    <message>
        <source>The customer confirms the problem is solved</source>
        <translation>العميل يؤكد أن المشكلة حُلّت</translation>
    </message>
    <message>
        <source>The customer does not confirm</source>
        <translation>العميل لا يؤكد</translation>
    </message>
    <message>
        <source>Ask the questions from the customer&apos;s record</source>
        <translation>اطرح الأسئلة من سجل العميل</translation>
    </message>
    <message>
        <source>Send a one-time code to the registered number (the caller may be on any phone)</source>
        <translation>أرسل رمزاً لمرة واحدة إلى الرقم المسجل (يمكن أن يتصل العميل من أي هاتف)</translation>
    </message>
    <message>
        <source>Type the code the caller reads out from their phone.</source>
        <translation>اكتب الرمز الذي يقرؤه المتصل من هاتفه.</translation>
    </message>
    <message>
        <source>Sending the code to the registered number…</source>
        <translation>جارٍ إرسال الرمز إلى الرقم المسجل…</translation>
    </message>
    <message>
        <source>This caller has no open case, so the run is not recorded: open a case first next time.</source>
        <translation>ليس لهذا المتصل بلاغ مفتوح، فلم يُسجَّل النص الإرشادي: افتح بلاغاً أولاً في المرة القادمة.</translation>
    </message>
    <message>
        <source>Recording the run in the case history…</source>
        <translation>جارٍ تسجيل النص الإرشادي في سجل البلاغ…</translation>
    </message>
    <message>
        <source>Guided scripts</source>
        <translation>النصوص الإرشادية</translation>
    </message>
    <message>
        <source>Search scripts</source>
        <translation>البحث في النصوص الإرشادية</translation>
    </message>
    <message>
        <source>Scripts, suggested first</source>
        <translation>النصوص الإرشادية، المقترحة أولاً</translation>
    </message>
    <message>
        <source>Answers: press 1 to 9 to choose</source>
        <translation>الإجابات: اضغط من 1 إلى 9 للاختيار</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>الإجابة</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>رجوع</translation>
    </message>
    <message>
        <source>Go on</source>
        <translation>متابعة</translation>
    </message>
    <message>
        <source>Cannot verify</source>
        <translation>تعذّر التحقق</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>إغلاق</translation>
    </message>
</context>
<context>
    <name>sanad::ui::SyncProblemsDialog</name>
    <message>
        <source>Keep mine and send it again</source>
        <translation>الإبقاء على تغييري وإرساله مجددًا</translation>
    </message>
    <message>
        <source>Keep the server&apos;s version</source>
        <translation>الإبقاء على نسخة الخادم</translation>
    </message>
    <message>
        <source>Changes to decide</source>
        <translation>تغييرات تنتظر قرارك</translation>
    </message>
    <message>
        <source>The server did not take these changes. For a conflict, someone changed the same case first: keep your change to send it again on their version, or keep theirs.</source>
        <translation>لم يقبل الخادم هذه التغييرات. في حالة التعارض غيّر شخص آخر الحالة نفسها قبلك: أبقِ تغييرك ليُرسل مجددًا على نسخته، أو أبقِ تغييره.</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>ملاحظة: %1</translation>
    </message>
    <message>
        <source>Status change to %1</source>
        <translation>تغيير الحالة إلى %1</translation>
    </message>
    <message>
        <source>New case: %1</source>
        <translation>حالة جديدة: %1</translation>
    </message>
    <message>
        <source>New customer: %1</source>
        <translation>عميل جديد: %1</translation>
    </message>
    <message>
        <source>Contact: %1</source>
        <translation>تواصل: %1</translation>
    </message>
    <message>
        <source>Conflict</source>
        <translation>تعارض</translation>
    </message>
    <message>
        <source>Not accepted</source>
        <translation>غير مقبول</translation>
    </message>
</context>
<context>
    <name>sanad::ui::SyncStatus</name>
    <message>
        <source>Online</source>
        <translation>متصل</translation>
    </message>
    <message>
        <source>Offline</source>
        <translation>غير متصل</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) waiting, the oldest for %1</source>
        <translation>
            <numerusform>لا تغييرات منتظرة</numerusform>
            <numerusform>تغيير واحد منتظر منذ %1</numerusform>
            <numerusform>تغييران منتظران، أقدمهما منذ %1</numerusform>
            <numerusform>%n تغييرات منتظرة، أقدمها منذ %1</numerusform>
            <numerusform>%n تغييرًا منتظرًا، أقدمها منذ %1</numerusform>
            <numerusform>%n تغيير منتظر، أقدمها منذ %1</numerusform>
        </translation>
    </message>
    <message>
        <source>everything sent</source>
        <translation>أُرسل كل شيء</translation>
    </message>
    <message>
        <source>Last heard from the server at %1</source>
        <translation>آخر اتصال بالخادم في %1</translation>
    </message>
    <message>
        <source>Not yet heard from the server</source>
        <translation>لم يُتّصل بالخادم بعد</translation>
    </message>
    <message numerus="yes">
        <source>%n change(s) to decide</source>
        <translation>
            <numerusform>لا تغييرات تنتظر قرارك</numerusform>
            <numerusform>تغيير واحد ينتظر قرارك</numerusform>
            <numerusform>تغييران ينتظران قرارك</numerusform>
            <numerusform>%n تغييرات تنتظر قرارك</numerusform>
            <numerusform>%n تغييرًا ينتظر قرارك</numerusform>
            <numerusform>%n تغيير ينتظر قرارك</numerusform>
        </translation>
    </message>
    <message>
        <source>Changes the server did not take: choose which version to keep</source>
        <translation>تغييرات لم يقبلها الخادم: اختر النسخة التي تبقى</translation>
    </message>
</context>
<context>
    <name>sanad::ui::WrapUpPanel</name>
    <message>
        <source>After-call work %1</source>
        <translation>وقت ما بعد المكالمة %1</translation>
    </message>
    <message>
        <source>Choose how the contact ended (the disposition).</source>
        <translation>اختر طريقة انتهاء المكالمة (نتيجة المكالمة).</translation>
    </message>
    <message>
        <source>Choose the caller&apos;s mood: satisfied, neutral or dissatisfied.</source>
        <translation>اختر حالة المتصل: راضٍ أو محايد أو غير راضٍ.</translation>
    </message>
    <message>
        <source>Wrap-up</source>
        <translation>ما بعد المكالمة</translation>
    </message>
    <message>
        <source>&amp;Disposition:</source>
        <translation>نتيجة المكالمة:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>ملاحظات:</translation>
    </message>
    <message>
        <source>Caller&apos;s mood:</source>
        <translation>حالة المتصل:</translation>
    </message>
    <message>
        <source>What was done, what the caller was told</source>
        <translation>ما الذي تم، وما الذي قيل للمتصل</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>اختر…</translation>
    </message>
    <message>
        <source>Satisfied</source>
        <translation>راضٍ</translation>
    </message>
    <message>
        <source>Neutral</source>
        <translation>محايد</translation>
    </message>
    <message>
        <source>Dissatisfied</source>
        <translation>غير راضٍ</translation>
    </message>
    <message>
        <source>Save and become available</source>
        <translation>حفظ والتحول إلى «متاح»</translation>
    </message>
    <message>
        <source>Disposition</source>
        <translation>نتيجة المكالمة</translation>
    </message>
    <message>
        <source>Wrap-up notes</source>
        <translation>ملاحظات ما بعد المكالمة</translation>
    </message>
    <message>
        <source>Choose whether you reached the customer: reached, try again later, or give up.</source>
        <translation>اختر هل وصلت إلى العميل: تم الوصول، أو المحاولة لاحقًا، أو التوقف عن المحاولة.</translation>
    </message>
    <message>
        <source>Wrap-up of the callback</source>
        <translation>ملخص معاودة الاتصال</translation>
    </message>
    <message>
        <source>Callback result:</source>
        <translation>نتيجة معاودة الاتصال:</translation>
    </message>
    <message>
        <source>Reached the customer</source>
        <translation>تم الوصول إلى العميل</translation>
    </message>
    <message>
        <source>Not reached, try again later</source>
        <translation>لم يُرد، حاول لاحقًا</translation>
    </message>
    <message>
        <source>Not reached, give up</source>
        <translation>لم يُرد، توقف عن المحاولة</translation>
    </message>
    <message>
        <source>Records the wrap-up; you become available for the next contact once the server has it (Ctrl+S)</source>
        <translation>يسجّل ملخص ما بعد المكالمة؛ تصبح متاحًا للمكالمة التالية حالما يصل إلى الخادم (Ctrl+S)</translation>
    </message>
    <message>
        <source>The wrap-up was not recorded. %1 Choose again and save with Ctrl+S.</source>
        <translation>لم يُسجَّل ملخص ما بعد المكالمة. %1 اختر من جديد واحفظ بالضغط على Ctrl+S.</translation>
    </message>
</context>
</TS>

"""Word lists the DATE stage reads (plain Arabic, folded where they are used).

General knowledge of Arabic news wording only: deictic adjectives, head nouns,
tense markers, words that make a four-digit number an amount or a label.
"""

from __future__ import annotations

# Deictic adjectives after a month, weekday or period; the feminine forms go
# with «السنة» and «الجمعة».
PAST = ("الماضي", "المنصرم", "الفائت", "السابق", "الماضية", "المنصرمة", "الفائتة", "السابقة")
NEXT = ("المقبل", "القادم", "المقبلة", "القادمة")
CURRENT = ("الجاري", "الحالي", "الجارية", "الحالية")
# A demonstrative before a weekday or period: «هذا الأحد», «هذا الشهر», «هذه السنة».
THIS = ("هذا", "هذه")

ORDINAL_DAYS = (
    "الأول",
    "الثاني",
    "الثالث",
    "الرابع",
    "الخامس",
    "السادس",
    "السابع",
    "الثامن",
    "التاسع",
    "العاشر",
)

# Relative day words → offset from the publication day.
RELATIVE_DAYS = {
    "اليوم": 0,
    "أمس": -1,
    "البارحة": -1,
    "غداً": 1,
    "غدا": 1,
    "بعد غد": 2,
    "أول أمس": -2,
    "أول من أمس": -2,
    "أمس الأول": -2,
}

# Words after which a 4-digit number reads as a year (proclitics stripped).
YEAR_CUES = (
    "عام العام عامي أعوام الأعوام سنة السنة سنوات السنوات في حتى منذ قبل بعد خلال "
    "مطلع بداية نهاية أواخر أوائل أواسط منتصف صيف شتاء ربيع خريف موسم بحلول ومنذ "
    "لعام للعام لسنة وحتى إلى لغاية"
)
# Words after a number that make it an amount, not a year.
UNITS = (
    "دولار دولارا دولارات يورو جنيه جنيها ريال ريالا درهم دينار دينارا ليرة ليرات روبل "
    "يوان ين كيلو كيلومتر كيلومترا كلم كم متر مترا مترات طن طنا أطنان برميل ميغاواط "
    "شخص شخصا أشخاص مليون مليار ألف آلاف بالمئة بالمائة % نسمة فرد فردا"
)
# Words before a bare number that make it an amount, a count or a label, not a
# year: «نحو 2000», «القرار 2046», «رقم 1990», «المادة 1950».
NOT_YEAR_BEFORE = (
    "نحو حوالي حوالى قرابة زهاء أكثر أقل اكثر اقل من بلغ بلغت يبلغ تبلغ بلغا إجمالي "
    "مجموع عدد العدد رقم الرقم قرار القرار مادة المادة بند البند فقرة الفقرة فصل الفصل "
    "صفحة الصفحة غرفة الغرفة طريق الطريق رحلة الرحلة هاتف الهاتف مقعد مقعدا نسبة "
    "أصل يعادل يساوي يقارب"
)
# Before «اليوم», words that make it "nowadays" or "to date", not a calendar day.
GENERIC_TODAY_BEFORE = (
    "حتى إلى لغاية هذا ذلك مثل يمكن يمكننا نرى نعيش نشهد يعيش تعيش نحن بات أصبح صار "
    "عالم شباب جيل أجيال"
)
# Times of day before «اليوم»/«أمس»: «مساء اليوم» is today even in a quotation.
TIMES_OF_DAY = "صباح مساء ظهر عصر فجر ليل ليلة ظهيرة منتصف لاحق لاحقا"
# «اليوم» followed by an ordinal or an adjective is a day of something, not today.
DAY_ADJECTIVE = (
    "الأول الثاني الثالث الرابع الخامس السادس السابع الثامن التاسع العاشر الأخير "
    "التالي نفسه ذاته ذات المشهود الموعود"
)
# Nouns «العام» follows as the adjective "general", not as "year":
# «الأمين العام الحالي», «المدعي العام السابق», «الرأي العام».
GENERAL_NOUNS = (
    "الأمين الأمينة المدير المديرة النائب المدعي المراقب المفتش المنسق القائد المفوض "
    "المستشار المرشد المفتي الرئيس الرأي القطاع المال الأمن النظام الإضراب الصالح الشأن "
    "المؤتمر الاتحاد المجمع الدين الإنفاق التعليم الذوق النفع الحق الخط الإطار"
)
NOT_WEEKDAY_BEFORE = "صلاة خطبة صلوات"
CUE_BEFORE_MONTH = (
    "في شهر خلال مطلع بداية نهاية أواخر أوائل أواسط منتصف منذ حتى قبل بعد إلى لغاية بحلول"
)

# Tense of the clause a bare weekday stands in. A future particle or a verb
# with the future prefix «سـ» points to the coming weekday; a perfect-tense
# reporting verb to the last one.
FUTURE_WORDS = (
    "سوف المقرر مقرر المزمع مزمع المرتقب مرتقب المنتظر المتوقع يعتزم تعتزم يعتزمون "
    "ستكون سيكون سيتم ستتم"
)
# Nouns that begin like a future verb («سيـ», «ستـ», «سنـ») and are not one.
FUTURE_LOOKALIKES = (
    "سياسة سياسي سياسية سياسات سياسيين سياسيون سيارة سيارات سيدة سيدات سيد سيطرة سيادة "
    "سيادي سيول سيولة سيناء سيناريو سيناريوهات سنوات سنويا سنوية سنوي ستين ستون ستة "
    "سيرة سيناتور سياحة سياحي سياق سيبراني سينما سينمائي ستوديو ستار سيئول سيدني سيف "
    "سنتيمتر سنغافورة ستراتيجية سيمفونية سيريلانكا سيراليون سيشل ستوكهولم سنة سنتين"
)
PAST_WORDS = (
    "كان كانت كانوا قد سبق أعلن أعلنت قال قالت أكد أكدت ذكر ذكرت أفاد أفادت كشف كشفت "
    "صرح صرحت عقد عقدت جرى جرت شهد شهدت التقى التقت استقبل استقبلت وصل وصلت غادر غادرت "
    "اختتم اختتمت انطلق انطلقت أصدر أصدرت نشر نشرت بدأ بدأت وقع وقعت أجرى أجرت أعرب "
    "أعربت أوضح أوضحت أشار أشارت نفى نفت زار زارت توجه توجهت قتل قتلت أسفر أسفرت "
    "أطلق أطلقت ناقش ناقشت بحث بحثت ترأس ترأست شارك شاركت حضر حضرت فاز فازت"
)

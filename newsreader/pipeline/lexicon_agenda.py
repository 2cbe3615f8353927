"""Word lists of the agenda stage (data only, no logic).

Every word is written in `normalize.fold`ed spelling (ا for أإآ, ي for ى and ئ,
ه for ة, و for ؤ) because the agenda stage compares folded tokens; a test checks
that folding leaves each word unchanged. The lists are general Arabic: cue verbs
and nouns of meetings, particles, list openers, number words. None is taken from
a scored article.
"""

from __future__ import annotations


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


# --- cue verbs (roots after the imperfect prefix, for the regexes in agenda.py) ---

# roots of verbs that take up topics: future («سيبحث»), present («تتناول»)
VERB_ROOTS = (
    "صادق", "ناقش", "بحث", "نظر", "تناول", "ستعرض", "ركز", "عرض", "طرح", "تطرق", "درس",
    "تدارس", "ستكمل", "تابع", "قر", "ناول", "صوت", "تباحث", "تشاور", "تداول", "راجع",
    "عالج", "ستمع",
)  # fmt: skip
# roots that announce topics by themselves («سيبحث»); others («سيعرض», «سيصوت»)
# need a meeting in the sentence or an agenda under way
STRONG_ROOTS = (
    "ناقش", "بحث", "نظر", "تناول", "ستعرض", "تدارس", "درس", "تطرق", "تباحث", "تشاور", "تداول",
    "ستمع",
)  # fmt: skip
# extra roots after «من المقرر أن»: deciding on a topic
PLANNED_ROOTS = ("تخذ", "صادق", "عتمد", "وقع", "صدر", "قرر", "قر", "ناقش")
# verbs of what a meeting centres on, with «على»/«حول»: «تركز على», «تتركز حول», «ينصب على»
FOCUS_ROOTS = ("ركز", "تركز", "نصب", "نكب", "سلط")
# «يسلط (المؤتمر) الضوء على»
LIGHT = _words("الضوء")
# sentence-opening past verbs that report a session under way today
PAST_CUE_ROOTS = ("ناقش", "بحث", "تناول", "استعرض", "تدارس", "درس", "تطرق")

# verbal nouns after «سيتم», «يجري»: «سيتم النظر في»
CUE_MASDARS = _words("""
    النظر نظر بحث البحث مناقشه المناقشه استعراض دراسه طرح عرض التطرق تناول مراجعه
    التباحث التشاور تبادل""")
# «تبادل وجهات النظر حول X»: the topic is X
VIEWS = _words("وجهات الاراء")
# verbal nouns of discussing that head a topic («مناقشة العلاقات …») and are cut off
DISCUSS_MASDARS = _words("""
    مناقشه المناقشه بحث البحث تناول استعراض التباحث النظر التطرق دراسه""")
# «من المقرر/المنتظر/المتوقع/المرتقب أن»: what a meeting is set to do
PLANNED = _words("المقرر المنتظر المتوقع المرتقب")
# «ويرتقب أن», «ويتوقع أن», «وينتظر أن» (also passive: «يُنتظر»)
EXPECT_VERBS = _words("يرتقب يتوقع ينتظر يترقب")
# before a body a matter is put to, or beside it: «على المجلس», «على هامش القمة»
BEFORE_BODY = _words("علي امام")
# topics put before a meeting: «المطروحة للنقاش», «المدرجة على …»
TABLED = _words("المطروحه المطروح المطروحين المدرجه المدرج")
TABLE_PURPOSES = _words("للنقاش للبحث للمناقشه للتداول للحوار")
# «محور المحادثات»: what a meeting turns around
CENTRE = _words("محور")
# verbs of holding a meeting («يلتقي الوزير نظيره لبحث …»), after the imperfect prefix
MEETING_ROOTS = ("لتقي", "جتمع", "عقد", "ستقبل", "زور", "لتيم")
# verbs of a topic present in a meeting: «تحضر ملفات X في المباحثات», «يبرز»
PRESENCE_ROOTS = ("حضر", "برز")
# manner adverbs between such a topic and the meeting: «بقوة»
MANNER = _words("بقوه بشده بكثافه ايضا كذلك مجددا")
# verbs of a topic that dominates a meeting: «يتصدر», «تطغى … على», «تهيمن … على»
LEAD_ROOTS = ("تصدر", "طغي", "هيمن")
# purpose after a meeting noun: «اجتماع … لبحث»
PURPOSE = _words("لبحث لمناقشه للنظر لدراسه لاستعراض للتباحث لتدارس للتداول للتشاور لمراجعه")
# a meeting devoted to its topics: «اجتماع … يخصص لمتابعة …», «جلسة مخصصة لمناقشة …»
# (present and participle only: a past «خُصص» reports a meeting held)
DEVOTED = _words("يخصص تخصص سيخصص ستخصص مخصص مخصصه مخصصا")
# aim of a meeting named just before: «اجتماع الرياض يأتي بهدف …»
AIMS = _words("بهدف بغيه بغرض")
# verbs of aiming before «إلى بحث»: «وتهدف المحادثات إلى بحث …»
# intending to take a topic up: «ويعتزم الرئيس بحث X»
INTENT_VERBS = _words("يعتزم تعتزم يعتزمان تعتزمان ينوي تنوي")
AIM_VERBS = _words("تهدف يهدف ستهدف سيهدف تسعي يسعي ستسعي سيسعي ترمي يرمي تتطلع يتطلع")
# what a meeting is about: «اجتماع تشاوري بشأن …», «محادثات حول …»
ABOUT = _words("بشان حول عن")
# words that qualify a meeting before «بشأن/حول/عن»: «اجتماع رفيع المستوى»
MEETING_QUALIFIERS = _words("رفيع رفيعه المستوي")
# words that open the list of an agenda: «أبرزها», «تشمل»
LIST_INTROS = _words("ابرزها اهمها اولها تشمل يشمل تتضمن يتضمن ومنها")
# the agenda itself: «جدول (أعمال)», «أجندة»
AGENDA_HEADS = _words("جدول اجنده")
# what an agenda is called: «جدول أعمال», «أجندة», «أولويات», «اهتمامات»
AGENDA_NOUNS = _words("جدول اجنده اولويات اهتمامات قايمه")
# nouns that name an agenda's list in a lead-in ending in «:»
LIST_NAMES = _words("جدول اجنده البنود بنود المحاور محاور")
ONGOING = _words("اليوم حاليا الان الجاري الجاريه")
# verbs that only place a topic («ويأتي ملف X على رأس …»)
FRAME_VERBS = _words("""
    ياتي تاتي يحل تحل يبرز تبرز يقع تقع يظل تظل يبقي تبقي يكون تكون سيكون ستكون""")
# ordinals that number list lines: «أولاً:», «ثانياً -»
ORDINALS = _words("اولا ثانيا ثالثا رابعا خامسا سادسا سابعا ثامنا تاسعا عاشرا")
BULLETS = frozenset("-–—•*·▪●◦")

# --- meetings and those who sit in them ---------------------------------------

MEETING_NOUNS = _words("""
    اجتماع الاجتماع اجتماعات الاجتماعات قمه القمه جلسه الجلسه جلسات موتمر الموتمر
    منتدي المنتدي لقاء اللقاء دوره الدوره اجتماعه اجتماعها ملتقي الملتقي
    محادثات المحادثات مباحثات المباحثات مشاورات المشاورات مفاوضات المفاوضات
    زياره الزياره ندوه الندوه ندوات الندوات ورشه الورشه ورش ورشات""")
# bodies whose present verb reports a meeting under way: «ويصوت المجلس على …»
BODIES = _words("""
    مجلس المجلس اللجنه لجنه البرلمان الحكومه الجمعيه الهييه المحكمه محكمه الكونغرس
    الكنيست المكتب""")
# partners met with: «مع نظيره الصيني», «مع نظرائه العرب»
PARTNERS = _words("نظير نظيره نظيرها نظيريه نظراء نظرايه نظرايهم نظيرته نظيرتها")
# heads of a subject that is the meeting's body or those who sit in it
MEMBERS = _words("""
    مجلس المجلس زعيم زعيما زعيمي الزعيمان الزعيمين الزعماء زعماء قاده القاده قايد
    رييس رييسا رييسي الرييس الرييسان الرييسين روساء الروساء وزير وزيرا الوزير الوزيرين الوزيران
    وزراء الوزراء الجانبان الجانبين الطرفان الطرفين البلدان البلدين المشاركون المشاركين
    الاعضاء اعضاء النواب نواب اللجنه لجنه البرلمان الحكومه الجمعيه الهييه الوفد الوفود
    الملوك ملوك امراء الوفدين الوفدان الحكومتين الحكومتان الدولتين الدولتان
    المندوبون المندوبين مندوبو مندوبي مندوبون مندوبين الممثلون الممثلين ممثلو ممثلي
    السفراء سفراء الخبراء خبراء المسوولون المسوولين مسوولو مسوولي المجتمعون المجتمعين
    المحكمه محكمه""")

# --- small words -------------------------------------------------------------

PARTICLES = _words("ايضا كذلك بدوره بدورها بدورهم خلاله خلالها فيه فيها")
# time words between a verb and its topics: «يبحث المجلس اليوم الثلاثاء …»
TIME_WORDS = _words("""
    اليوم غدا امس الليله مساء صباح ظهر عصر الاحد الاثنين الثلاثاء الاربعاء الخميس
    الجمعه السبت المقبل المقبله القادم القادمه""")
# units of a duration: «على مدى ثلاثة أيام» is when, not what
DURATION_UNITS = _words("""
    يوم يوما يومين يومان ايام اسبوع اسبوعين اسابيع شهر شهرين اشهر ساعه ساعتين ساعات
    عامين سنوات""")
# nouns of a coming period at the end of a topic: «… الأسبوع المقبل»
PERIOD_NOUNS = _words("الاسبوع الشهر يوم")
# prepositions of a meeting's setting: «في/خلال/أثناء اجتماعه»
SETTING_PREPS = _words("في خلال اثناء")
# prepositions before a list header: «في ثلاث قضايا», «إلى عدة ملفات»
HEADER_PREPS = _words("في الي علي")
# a preposition naming a partner: «، ومع الصين» opens a topic of its own
PARTNER_PREPS = _words("مع")
# a locative preposition: the names after it place one topic, they are not topics
LOCATIVE = _words("في")
PREPOSITIONS = _words("في علي الي حول بشان عن من مع بين خلال اثناء عبر لدي ضمن")
# words with «ال» that are not definite nouns
FUNCTION_WORDS = _words("الي الا التي الذي الذين اللذين اللتين اللواتي الان اليوم الاخري الاخر الف")
# adjectives of a meeting: «الدورة العادية المقبلة»
ADJECTIVES = _words("""
    الاعلي الاول الاولي المقبل المقبله الطاري الطاريه العامه العام المغلقه الموسعه المشتركه
    المنعقد المنعقده المرتقب المرتقبه المنتظر المنتظره المقرر المقرره الحالي الحاليه الجاري
    الجاريه الدايم الدايمه الدايمون الدايمين العرب الافارقه الاوروبيون
    الثاني الثانيه الثالث الثالثه الرابع الرابعه الخامس الخامسه السادس السادسه السابع السابعه
    الثامن الثامنه التاسع التاسعه العاشر العاشره الحادي الحاديه عشر عشره""")
# verbs of a descriptive clause after an indefinite topic: «ومرسوم يتعلق بـ…»
CLAUSE_VERBS = _words("""
    يتعلق تتعلق يخص تخص يقضي تقضي يهدف تهدف يتضمن تتضمن ينص تنص يحدد تحدد
    ينظم تنظم يرمي ترمي""")
DEMONSTRATIVES = _words("هذا هذه ذلك تلك هولاء هو هي هم ما من")
# words that end the object of a cue: attribution, circumstance, a new clause
STOP_WORDS = _words("""
    بحسب حسب حسبما وفق وفقا طبقا وذلك فيما بينما حيث بحضور برياسه مشيرا مشيره موضحا
    موضحه بطلب بدعوه بمشاركه واضاف واضافت وقال وقالت واكد واكدت قال قالت اكد اكدت وسط وسيعقد""")
# words before the topics that mark a past meeting
PAST_MARKERS = _words("السابق السابقه الماضي الماضيه امس تم وتم وقد اختتم اختتمت")
PAST_VERBS = _words("بحث بحثا بحثوا ناقش ناقشا ناقشوا تناول تناولا استعرض استعرضا اعتمد اقر وقع")
# words that may stand before a past verb opening a sentence: «وكان … قد بحث»
PAST_LEADS = _words("كما قد وقد كان وكان")

# --- topics and lists ----------------------------------------------------------

# generic nouns that name items without being one («سبع قضايا», «مسايل أخرى»)
GENERIC = _words("""
    قضايا قضيه القضايا مسايل المسايل مساله ملفات الملفات ملفا بنود البنود بندا بند
    مواضيع المواضيع موضوعات الموضوعات موضوعا نقاط النقاط محاور المحاور امور الامور
    عدد جدول""")
# nouns that open a topic although indefinite («ملف القدس», «أمور طارئة»)
TOPIC_NOUNS = _words("""
    ملف ملفات قضيه قضايا مساله مسايل موضوع مواضيع مشروع مشاريع خطه خطط تقرير تقارير
    برنامج اتفاقيه اتفاق قانون قرار قرارات سبل اليات اليه امور مستجدات اوضاع ازمه
    مشروعات سير منح دعم ربط حل نقل رفع فتح وضع حمايه رعايه تشكيل اصلاح بناء تحديد ترشيح
    امكانيه مقترح مقترحات ميزانيه موازنه""")
# phrases that join a further topic: «إضافة إلى», «فضلاً عن», «وكذا», or single one out of
# a list: «خاصة», «لا سيما», «وفي مقدمتها» (each sub-topic is an item of its own)
JOINERS = (
    ("بالاضافه", "الي"),
    ("اضافه", "الي"),
    ("فضلا", "عن"),
    ("علاوه", "علي"),
    ("الي", "جانب"),
    ("كذا",),
    ("خاصه",),
    ("خصوصا",),
    ("بخاصه",),
    ("لا", "سيما"),
    ("لاسيما",),
    ("في", "مقدمتها"),
    ("علي", "راسها"),
    ("بما", "فيها"),
    ("بما", "في", "ذلك"),
)
# a joiner that is also an adjective («جلسة خاصة»): only after «و», «،» or a definite word
ADJECTIVE_JOINERS = _words("خاصه")
# number words and their values («اثني عشر» is «اثني» + «عشر»)
NUMBERS = {
    "اثنين": 2, "اثنان": 2, "اثنتين": 2, "اثنتان": 2,
    "ثلاث": 3, "ثلاثه": 3, "اربع": 4, "اربعه": 4, "خمس": 5, "خمسه": 5,
    "ست": 6, "سته": 6, "سبع": 7, "سبعه": 7, "ثماني": 8, "ثمانيه": 8, "ثمان": 8,
    "تسع": 9, "تسعه": 9, "عشر": 10, "عشره": 10, "عشرين": 20, "عشرون": 20,
    "احد": 1, "احدي": 1, "اثنا": 2, "اثني": 2, "اثنتا": 2, "اثنتي": 2,
}  # fmt: skip
TEENS = _words("عشر عشره")
# nouns that a number counts: «ثلاث قضايا», «12 بنداً»
COUNT_NOUNS = _words("""
    قضايا قضيه مسايل مساله ملفات ملفا بنود بندا بنودا مواضيع موضوعات موضوعا نقاط نقطه
    محاور محورا امور امورا""")
# singulars whose dual («بندين», «قضيتان») counts two items
DUAL_STEMS = _words("قضيه مساله ملف بند موضوع محور نقطه امر طلب مشروع")
# quantifiers before a generic noun: «عدة قضايا», «عدداً من الملفات», «جملة من»
QUANTIFIERS = _words("عدد عددا جمله مجموعه سلسله حزمه العديد")
# «المزيد من التشاور»: a quantity before the topics, not part of them
MORE = _words("المزيد مزيد")
# adjectives of a list header: «قضايا عديدة مهمة»
HEADER_ADJ = _words("""
    عده عديده اخري مهمه هامه رييسيه متعدده التاليه الاتيه ساخنه بارزه
    المهمه الهامه الرييسيه الساخنه البارزه العالقه عالقه""")
# what may close a header before the list: «ثلاث قضايا هي …»
HEADER_CLOSE = _words("هي هما وهي وهما منها ومنها")
# «ما يلي», «ما يأتي»: point to the list that follows, not a topic
POINTERS = _words("يلي ياتي")
# the front of an agenda: «على رأس», «في صدارة», «في مقدمة» (أولويات/اهتمامات القمة)
FOREFRONT = _words("راس صداره مقدمه")
# «كالتالي», «كالآتي»: what follows is the list
AS_FOLLOWS = _words("كالتالي كالاتي التاليه الاتيه")
# the best of a list: «ومن أبرز الملفات …», «ومن أهم القضايا التي …»
FOREMOST = _words("ابرز اهم")
# relative pronouns: a piece that starts with one is a clause, not a topic
RELATIVES = _words("الذي التي الذين اللذين اللتين اللواتي اللاتي")
# what lies on the table: «على طاولة النقاش/البحث» (not a topic)
TABLE_NOUNS = _words("النقاش البحث الحوار المفاوضات المباحثات")
# nouns that begin with «و» themselves (not the conjunction)
WAW_NOUNS = _words("""
    وزاره وزارات وثيقه وثايق وحده وسايل وصول وفد وفود وقف وضع وضعيه ولايه ولايات
    وكاله وكالات وظايف وظيفه ورقه وجهه وجهات ورشه وقود ودايع وعود وساطه واردات""")
# short words after a conjunction «و»/«ف» that show it is one («ومن», «فقد»)
SHORT = _words("من في عن ان لا قد ما لم لن كما مع")
# three-letter past verbs that look like a construct head before a definite subject
VERBISH = _words("قال دعا اكد جاء كان ظل بات عاد بدا اتي اشار اعلن اضاف اوضح افاد شدد")

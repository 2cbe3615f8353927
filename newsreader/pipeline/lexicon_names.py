"""Word lists for the name finder's structural rules (general Arabic, no article's wording).

Data only: the rules that read these live in `newsreader.pipeline.entities`
(and its stages `names_*`)
and `newsreader.pipeline.linking`. Every list holds folded keys
(`normalize.fold_key`), so alef, yaa and teh-marbuta variants match.
"""

from __future__ import annotations

from newsreader.pipeline.normalize import fold_key


def _keys(text: str) -> frozenset[str]:
    return frozenset(fold_key(w) for w in text.split())


# Question words written as one word: never a place («ماهي» is also an island's name).
FUSED_QUESTION_WORDS = _keys("ماهي ماهو ماهى ماذا لماذا")

# Currencies and crypto-currencies, with the article and plural forms the news uses:
# a unit of money is never a name by itself («دينار», «البيتكوين»; «ريال مدريد» is
# two words and stays possible).
CURRENCY_WORDS = _keys("""
    دينار الدينار دنانير الدنانير دولار الدولار دولارات الدولارات يورو اليورو ريال الريال
    ريالات درهم الدرهم دراهم جنيه الجنيه جنيهات ليرة الليرة ليرات روبل الروبل يوان اليوان
    ين الين فرنك الفرنك روبية الروبية شيكل الشيكل بيتكوين البيتكوين إيثريوم الإيثريوم
    أوقية الأوقية استرليني الإسترليني
    """)

# Armed forces are described, not named, by a nationality: «القوات الأمريكية»,
# «قوات الاحتلال الإسرائيلي» are no organisation; «القوات المسلحة» stays a name.
FORCES_HEADS = _keys("قوات القوات")
FORCES_DESCRIPTORS = _keys("الاحتلال")

# Words that describe an outlet or a platform: the name after them is the entity,
# the descriptor stays outside («منصة "إكس"» → «إكس», «صحيفة "الأيام"» → «الأيام»).
OUTLET_DESCRIPTORS = _keys("""
    منصة منصه موقع صحيفة جريدة مجلة قناة فضائية إذاعة اذاعة تلفزيون وكالة تطبيق شبكة حساب
    برنامج مدونة بوابة
    """)

# Heads whose names coordinate two nouns: «حزب العدالة والتنمية», «وزارة الخارجية
# والمغتربين», «حركة العدل والمساواة».
COORDINATING_HEADS = _keys("حزب حركة جبهة تيار وزارة هيئة منظمة ائتلاف تحالف جمعية رابطة")

# Outlet words that stay outside the name even unquoted («قناة الجزيرة» → «الجزيرة»);
# a news agency keeps «وكالة» («وكالة الأنباء الأردنية» is the name).
MEDIA_WORDS = _keys("صحيفة جريدة مجلة قناة فضائية منصة منصه موقع إذاعة اذاعة تلفزيون")

# Platforms named by one bare word after them («منصة إكس»); «تطبيق», «موقع» are too
# often "applying", "position" to say so.
PLATFORM_WORDS = _keys("منصة منصه")

# Verbs and nouns of saying: a quoted name after «لـ» next to one is the outlet
# spoken to («قال … لـ"الأفق اليوم"», «في تصريح لـ"النهار"»).
SPEECH_WORDS = _keys("""
    قال قالت يقول تقول صرح صرحت يصرح أكد أكدت يؤكد أوضح أوضحت يوضح أضاف أضافت يضيف
    كشف كشفت يكشف ذكر ذكرت يذكر أفاد أفادت يفيد أشار أشارت يشير تابع تابعت لفت لفتت
    نقل نقلت أعلن أعلنت أبلغ أبلغت أكدت أردف أردفت تصريح تصريحات تصريحه تصريحها حديث
    حديثه حديثها مقابلة حوار بيان مصدر مصادر
    """)

# Heads of a sports team named after its country or city: «منتخب ليسوتو», «نادي الزمالك».
TEAM_HEADS = _keys("منتخب نادي فريق")

# «X اليوم» is an outlet's name («أخبار اليوم», «مصر اليوم») where it stands as one:
# in quotes, or as the dateline that opens a paragraph before a dash.
OUTLET_TODAY = fold_key("اليوم")
DATELINE_DASHES = frozenset("-–—:")
OPENING_QUOTES = frozenset("\"«“„'‘")
CLOSING_QUOTES = frozenset("\"»”'’")
MAX_QUOTED_NAME = 4  # words of a quoted outlet's or short form's name

# Portfolios in construct after a role, before the country it serves:
# «وزير خارجية أرمينيا …», «رئيس وزراء العراق …» (the name follows the country).
PORTFOLIOS = _keys("""
    خارجية داخلية دفاع مالية عدل صحة تعليم اقتصاد تجارة طاقة نفط زراعة ثقافة إعلام عمل نقل
    سياحة بيئة وزراء أركان جيش حكومة
    """)

# Words that start a purpose or a next clause (ل + verbal noun): a name does not run
# on over them, so a form that ran on («… لبحث …») is never an entity's canonical name.
PURPOSE_WORDS = _keys("""
    لبحث لمناقشة لدراسة لتسليم لتعزيز لإجراء لاجراء لتقديم لحضور لمتابعة لتنسيق لبدء لإطلاق
    لاطلاق لعقد لتوقيع للبحث للنظر لمواجهة لدعم لإنهاء لانهاء
    """)

# Homographs once diacritics are folded: one folded key, distinct entities of one
# label. key -> ((distinct vowelled spelling, cue words that point at that sense), ...).
HOMOGRAPHS: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {
    fold_key("عمان"): (
        ("عُمان", _keys("سلطنة السلطنة مسقط العماني العمانية العمانيين صلالة ظفار")),
        ("عمّان", _keys("الأردن الاردن الأردنية الأردني الهاشمية الاردنية الاردني")),
    ),
}

# Head nouns an organisation's quoted short form may drop («"التعاون الإسلامي"» for
# «منظمة التعاون الإسلامي»); a subset of the name finder's institution heads.
SHORTENABLE_HEADS = _keys("""
    مجلس وزارة هيئة لجنة اتحاد جامعة منظمة وكالة حزب حركة شركة بنك صندوق جمعية مؤسسة
    محكمة رابطة معهد أكاديمية مركز جبهة تحالف ائتلاف مفوضية
    """)

# Words that open a person's name but also stand inside institutions' names.
NAME_CONNECTORS = _keys("عبد أبو ابن بن آل")

# Titles before a person an institution is named after («جامعة الملك سعود»): the
# name after them is part of the institution's name, not a run-on.
NAMED_AFTER_TITLES = _keys("الملك الأمير الشيخ الرئيس السلطان الإمام الشهيد")


# --- the name finder's core word classes ---

FUNCTION_WORDS = (
    _keys("""
    في على من إلى الى عن مع بين حتى منذ خلال عند بعد قبل أن إن ان لا لم لن ما قد كان كانت
    يكون تكون هو هي هم هما هن هذا هذه ذلك تلك هؤلاء الذي التي الذين اللذين اللتين أو ثم بل
    لكن حيث كما إذا إذ بشأن حول ضد دون عبر نحو لدى أيضا فقط كل بعض غير وفق وسط إثر جراء أمام
    إزاء تجاه أنا نحن أنت أنتم إنه إنها أنه أنها عليه عليها فيه فيها منه منها
    له لها لهم إليه به بها أي أيضًا وقد لقد سوف مثل
    يوم اليوم أمس غدا الآن عام العام شهر الشهر أسبوع الأسبوع ساعة الساعة نحو حوالي قرابة
    """)
    | FUSED_QUESTION_WORDS
)
PERSON_TITLES = _keys("""
    الرئيس رئيس رئيسة الرئيسة رئيسي رئيسا الرئيسان الرئيسين وزير الوزير وزيرة الوزيرة وزيري
    وزيرا نظيره نظيرته نظيرها نظيريه الدكتور الدكتورة د العماد اللواء العميد الفريق المشير
    الجنرال العقيد المقدم الرائد النقيب الشيخ الشيخة الأمير الأميرة الملك الملكة المستشار
    المستشارة مستشار السفير السفيرة سفير النائب نائب النائبة زعيم الزعيم زعيما زعيمي
    المتحدث متحدث الناطق ناطق المتحدثة الأمين أمين السيد السيدة القاضي المحامي الأستاذ
    البروفيسور الإمام المفتي البابا السلطان العاهل المبعوث مبعوث المندوب مندوب قائد القائد
    المدير مدير المديرة مديرة الكاتب الكاتبة الشاعر الشاعرة الفنان الفنانة الصحفي الصحفية
    المطرب المطربة الممثل الممثلة المخرج المدرب اللاعب النجم الحاج المرشح المرشحة عضو
    العضو محافظ المحافظ حاكم الحاكم عمدة رئيسة
    """)
# Words that may stand between a title and the name: parts of the role.
TITLE_COMPLEMENTS = _keys("وزراء حكومة مجلس إدارة العام العامة السابق السابقة الحالي الأسبق")
FIRST_NAME_CONNECTORS = _keys("عبد أبو أبي أم ابن بن بنت آل")
ORG_HEADS = _keys("""
    مجلس وزارة هيئة لجنة اتحاد جامعة منظمة وكالة حزب حركة شركة بنك صندوق جمعية مؤسسة
    محكمة إدارة رئاسة دائرة مكتب برلمان مصرف نقابة رابطة معهد أكاديمية مركز جبهة تحالف
    ائتلاف كتلة غرفة سلطة قوات جيش نادي منتخب صحيفة جريدة مجلة قناة إذاعة مفوضية بورصة
    مديرية مصلحة ديوان أمانة حكومة مجمع مستشفى بلدية جهاز
    """)
# Adjectives that turn a definite head into a name («المجلس الأعلى», «اللجنة الدائمة»).
NAMING_ADJECTIVES = _keys("""
    الدائم الدائمة العام العامة الوطني الوطنية الاتحادي الاتحادية المركزي المركزية العليا
    المتحدة الدولي الدولية الاستشاري الاستشارية الشعبي الشعبية الإسلامي الإسلامية
    الديمقراطي الديمقراطية الاشتراكي الاشتراكية الدستوري الدستورية التنفيذي التنفيذية
    الأوروبي الأوروبية العالمي العالمية الأهلي الأهلية المستقلة المستقل الملكي الملكية
    الانتقالي الانتقالية التشريعي التشريعية العسكري الوزاري الوزارية
    """) - _keys("العسكري")
LOCATION_TRIGGERS = _keys("""
    مدينة مدينتي مدن بلدة بلدات قرية قرى مقاطعة مقاطعتي مقاطعات محافظة محافظتي محافظات ولاية
    ولايتي ولايات إقليم إقليمي أقاليم منطقة منطقتي مناطق جزيرة جزر عاصمة ضاحية ضواحي
    """)
VENUE_HEADS = _keys(
    "قصر مطار ملعب ميناء فندق ساحة ستاد جامع مسجد كنيسة سجن معبر مخيم حي شارع جسر سد"
)
# a definite one named by its adjective is the place itself: «المسجد الأقصى», «الحرم المكي»
SANCTUARY_HEADS = _keys("مسجد حرم")
# the nations or states of a region, after an institution head: «رابطة أمم جنوب شرق آسيا»
PEOPLES = _keys("أمم دول بلدان شعوب")
STATE_HEAD = fold_key("دولة")
PLACE_PREPOSITIONS = _keys("في إلى الى من نحو قرب")
TANWEEN = frozenset("\u064b\u064c\u064d")
MAX_NAME_TOKENS = 3

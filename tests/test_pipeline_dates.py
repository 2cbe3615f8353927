"""Calendar expressions: span text and ISO value over a table of invented sentences.

Each row is (sentence, expected [(span text, value)]), resolved against a fixed
publication date, Thursday 2025-06-12. The rows cover every month family, the
ways outlets pair and gloss month names, numeric and Eastern-digit dates, years
with their head nouns outside, Hijri dates, relative days, and what is not a
date (durations, clock times, amounts, «حتى اليوم», «رمضان» alone).
"""

from __future__ import annotations

import datetime as dt

import pytest

from newsreader.pipeline.dates import MONTHS, find_dates, month_number

PUBLISHED = dt.date(2025, 6, 12)  # a Thursday

TABLE: list[tuple[str, list[tuple[str, str]]]] = [
    # month families: Egyptian/Gulf, Levantine, Algerian/Tunisian, Moroccan
    ("عقد المؤتمر في 8 فبراير 2024 بالقاهرة", [("8 فبراير 2024", "2024-02-08")]),
    ("افتتح المعرض في 3 نيسان 2023", [("3 نيسان 2023", "2023-04-03")]),
    ("انطلقت الدورة في 12 جانفي 2024", [("12 جانفي 2024", "2024-01-12")]),
    ("صدر المرسوم في 5 غشت 2022", [("5 غشت 2022", "2022-08-05")]),
    ("أعلن البرنامج في دجنبر 2021", [("دجنبر 2021", "2021-12")]),
    ("تنتهي الأشغال في جويلية", [("جويلية", "2025-07")]),
    ("انتهى العقد في يونيه 2020", [("يونيه 2020", "2020-06")]),
    ("اندلعت الحرب في تشرين أول 1973", [("تشرين أول 1973", "1973-10")]),
    # slash pairs and glosses are one span
    ("وقع الاتفاق في 14 مارس/آذار", [("14 مارس/آذار", "2025-03-14")]),
    ("جرى ذلك في 2 تموز/يوليو 2019", [("2 تموز/يوليو 2019", "2019-07-02")]),
    ("تنتهي المهلة في 28 أيار (مايو)", [("28 أيار (مايو)", "2025-05-28")]),
    # a weekday next to a date joins it
    (
        "تعقد الجلسة الثلاثاء 14 أكتوبر/تشرين الأول 2025 في بيروت",
        [("الثلاثاء 14 أكتوبر/تشرين الأول 2025", "2025-10-14")],
    ),
    # deictic words belong to the span; «مطلع» stays outside
    ("ارتفعت الأسعار منذ مارس/آذار الماضي", [("مارس/آذار الماضي", "2025-03")]),
    ("يبدأ التطبيق في يناير/كانون الثاني المقبل", [("يناير/كانون الثاني المقبل", "2026-01")]),
    ("تجري الانتخابات في مايو المقبل", [("مايو المقبل", "2026-05")]),
    ("صدرت الأرقام خلال الشهر الجاري", [("الشهر الجاري", "2025-06")]),
    ("بدأت الحملة مطلع أغسطس", [("أغسطس", "2025-08")]),
    ("تراجعت المبيعات في مارس من العام الماضي", [("مارس من العام الماضي", "2024-03")]),
    # numeric dates
    ("نشر البيان بتاريخ 2024-11-03", [("2024-11-03", "2024-11-03")]),
    ("الوثيقة مؤرخة 03-11-2024", [("03-11-2024", "2024-11-03")]),
    ("تاريخ الجلسة 17/09/2023", [("17/09/2023", "2023-09-17")]),
    ("صدر في 30.01.2025", [("30.01.2025", "2025-01-30")]),
    ("نشر في 19 يناير، 2024 | 10:12", [("19 يناير، 2024", "2024-01-19")]),
    # Eastern Arabic digits
    ("وقع الحادث في ١٥ أبريل ٢٠٢٣", [("١٥ أبريل ٢٠٢٣", "2023-04-15")]),
    ("تأسست الجمعية عام ١٩٨٧", [("١٩٨٧", "1987")]),
    # years: head nouns and proclitics outside; ranges
    ("أنشئ المصنع عام 1965", [("1965", "1965")]),
    ("في العام 2012 فاز الفريق", [("2012", "2012")]),
    ("تستمر الخطة حتى 2035", [("2035", "2035")]),
    ("ارتفع الإنتاج مقارنة بـ2021", [("2021", "2021")]),
    ("بين عامي 2016 و2017", [("2016", "2016"), ("2017", "2017")]),
    ("ولد الكاتب في 1950م", [("1950م", "1950")]),
    ("برنامج الحكومة للأعوام 2025-2028", [("2025-2028", "2025/2028")]),
    ("الخطة الخمسية 2030–2034", [("2030–2034", "2030/2034")]),
    # Hijri: «هـ» in the span, Gregorian value on Umm al-Qura
    ("يوافق ذلك 10 ذي الحجة 1446 هـ", [("10 ذي الحجة 1446 هـ", "2025-06-06")]),
    ("تأسست المدرسة عام 1390 هـ", [("1390 هـ", "1970/1971")]),
    # relative days against the publication date
    ("يزور الرئيس اليوم الخميس العاصمة", [("اليوم الخميس", "2025-06-12")]),
    ("وصل أمس الأربعاء إلى المطار", [("أمس الأربعاء", "2025-06-11")]),
    ("تبدأ البطولة غداً الجمعة", [("غداً الجمعة", "2025-06-13")]),
    ("يصل الوفد بعد غد السبت", [("بعد غد السبت", "2025-06-14")]),
    ("وقع الانفجار أول أمس", [("أول أمس", "2025-06-10")]),
    ("عقد الاجتماع صباح اليوم", [("اليوم", "2025-06-12")]),
    ("وصل الوفد مساء أمس", [("أمس", "2025-06-11")]),
    ("يلتقي الوزيران الأحد", [("الأحد", "2025-06-15")]),
    ("جرت المباراة الاثنين", [("الاثنين", "2025-06-09")]),
    ("يعود السبت المقبل", [("السبت المقبل", "2025-06-14")]),
    ("غادر الخميس الماضي", [("الخميس الماضي", "2025-06-05")]),
    ("تنطلق يوم الخميس القادم", [("الخميس القادم", "2025-06-19")]),
    # proclitics and «الـ» stay outside; ordinal days
    ("وفي 8 فبراير/شباط 2024 وقع الاتفاق", [("8 فبراير/شباط 2024", "2024-02-08")]),
    ("يبدأ في الـ20 من سبتمبر 2025", [("20 من سبتمبر 2025", "2025-09-20")]),
    ("دخل القانون حيز التنفيذ في الأول من يناير 2024", [("الأول من يناير 2024", "2024-01-01")]),
    # not dates
    ("زار المدينة قبل أسبوع", []),
    ("أنجز العمل خلال شهر", []),
    ("بدأ الاجتماع عند الساعة الثالثة", []),
    ("يبدأ البث الساعة 10:30", []),
    ("سقط 200 قتيل حتى اليوم", []),
    ("يحل شهر رمضان بعد أيام", []),
    ("احتفل المسلمون بعيد الفطر", []),
    ("وقع الطرفان 15 وثيقة", []),
    ("ارتفع العدد حتى 2000 شخص", []),
    ("يستمر التدريب هذا الأسبوع", []),
    ("يحيي العالم اليوم العالمي للمياه", []),
    ("قال الوزير: «يمكن اليوم أن نقول إننا نجحنا»", []),
    ('وقال: "نحن نعيش اليوم مرحلة صعبة"', []),
    ("مارس الوزير ضغوطاً على الشركات", []),
    ("جاء أب مع ابنه إلى المدرسة", []),
    ("فازت في دورته الـ29", []),
]


@pytest.mark.parametrize(("text", "expected"), TABLE, ids=[row[0][:30] for row in TABLE])
def test_dates_table(text: str, expected: list[tuple[str, str]]) -> None:
    found = find_dates(text, PUBLISHED)
    assert [(d.text, d.value) for d in found] == expected
    for d in found:  # offsets address the original text
        assert text[d.start : d.end] == d.text


def test_relative_days_need_a_publication_date() -> None:
    """Without `published` «اليوم» and a bare weekday cannot be resolved, so they are left out."""
    text = "يلتقي الوزيران اليوم الخميس ثم السبت، وكان قد زار البلاد في 3 مايو 2024"
    assert [(d.text, d.value) for d in find_dates(text, None)] == [("3 مايو 2024", "2024-05-03")]


def test_weekday_with_full_date_needs_no_publication_date() -> None:
    found = find_dates("تعقد القمة الجمعة 10 أكتوبر 2025", None)
    assert [(d.text, d.value) for d in found] == [("الجمعة 10 أكتوبر 2025", "2025-10-10")]


def test_weekday_across_comma_takes_the_dates_day() -> None:
    """«الجمعة، 10 أكتوبر 2025»: two spans, and the weekday is that Friday, not this week's."""
    found = find_dates("تعقد القمة الجمعة، 10 أكتوبر 2025", PUBLISHED)
    assert [(d.text, d.value) for d in found] == [
        ("الجمعة", "2025-10-10"),
        ("10 أكتوبر 2025", "2025-10-10"),
    ]


def test_trailing_diacritics_stay_in_the_span() -> None:
    found = find_dates("يصل غداً", PUBLISHED)
    assert [d.text for d in found] == ["غداً"]


def test_month_names_from_every_family() -> None:
    assert month_number("شباط") == month_number("فيفري") == month_number("فبراير") == 2
    assert month_number("غشت") == month_number("آب") == 8
    assert month_number("تشرين الأول") == month_number("أكتوبر") == 10
    assert month_number("كانون الثاني") == month_number("جانفي") == 1
    assert month_number("هلال") is None
    assert len(set(MONTHS.values())) == 12

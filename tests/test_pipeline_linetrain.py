"""The line-classifier experiment: features per line, fit, and the paragraph comparison.

Pages are invented (sites, names and places are made up).
"""

import pytest

from newsreader.pipeline.clean import mark_lines
from newsreader.pipeline.linetrain import FEATURES, _model_decides, _page, fit, paragraph_prf

pytest.importorskip("sklearn")

STORIES = [
    (
        "افتتاح سوق جديد للحرفيين في مدينة الواحة",
        "افتتح محافظ الواحة اليوم سوقا جديدا للحرفيين يضم أكثر من مئة محل في وسط المدينة.",
        "وقال المحافظ إن السوق سيوفر فرص عمل لمئات الشباب في المدينة والقرى المجاورة.",
    ),
    (
        "فريق النخيل يفوز بكأس الدوري للمرة الثالثة",
        "فاز فريق النخيل بكأس الدوري مساء أمس بعد مباراة حماسية أمام فريق الساحل في الملعب.",
        "وأكد مدرب الفريق أن اللاعبين قدموا أداء كبيرا طوال الموسم رغم الإصابات الكثيرة.",
    ),
    (
        "وزير النقل يتفقد أعمال الطريق الساحلي الجديد",
        "تفقد وزير النقل صباح اليوم أعمال الطريق الساحلي الجديد الذي يربط الميناء بالمطار.",
        "وأوضح الوزير أن الطريق سيفتح أمام السيارات في نهاية العام الجاري بعد اكتمال الجسور.",
    ),
]
MENUS = ["الرئيسية محليات رياضة اقتصاد", "الرئيسية | أخبار | فن | منوعات", "عربي دولي رياضة فيديو"]


def page(n: int):
    head, lead, nxt = STORIES[n]
    text = "\n".join([MENUS[n], head, lead, nxt, "زر الذهاب إلى الأعلى"])
    lines, title_at, _, _ = mark_lines(text)
    gold = {"paragraphs": [{"text": t} for t in (head, lead, nxt)]}
    return _page(lines, title_at, gold)


def test_rows_label_the_story_kept_and_the_furniture_dropped() -> None:
    rows = page(0).rows
    assert all(len(f) == len(FEATURES) for _, f, _ in rows)
    assert [label for _, _, label in rows] == [1, 0, 0, 1]  # menu, lead, next, control


def test_a_model_fitted_on_some_pages_cleans_another() -> None:
    weights, threshold = fit([page(0), page(1)], c=1.0)
    assert paragraph_prf([page(2)], _model_decides(weights, threshold)) == (1.0, 1.0, 1.0)

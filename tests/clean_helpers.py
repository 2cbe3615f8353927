"""Shared helpers of the cleaning tests: invented story lines and an article built from them."""

from __future__ import annotations

from newsreader.pipeline.clean import clean

TITLE = "وزير الزراعة يفتتح مهرجان التمور السنوي في المدينة"
LEAD = "افتتح وزير الزراعة صباح اليوم مهرجان التمور السنوي بمشاركة أكثر من مئتي مزارع."
SECOND = "وقال الوزير في كلمته إن الإنتاج المحلي ارتفع بنسبة كبيرة خلال الموسم الحالي."
THIRD = "ومن المقرر أن يستمر المهرجان عشرة أيام تتخللها ندوات عن التسويق والتصدير وورش للحرفيين."


def article(*lines: str) -> str:
    return "\n".join(lines)


def texts(text: str, **kwargs) -> list[str]:
    return [p.text for p in clean(text, **kwargs).paragraphs]


def reasons(text: str) -> dict[str, str]:
    return {d.text: d.reason for d in clean(text).dropped}


STORY_HEAD = "افتتاح سوق جديد للحرفيين في مدينة الواحة"
STORY_LEAD = (
    "افتتح محافظ الواحة اليوم سوقا جديدا للحرفيين يضم أكثر من مئة محل، "
    "وذلك بحضور عدد من المسؤولين والأهالي."
)
STORY_NEXT = "وقال المحافظ إن السوق سيوفر فرص عمل لمئات الشباب في المدينة والقرى المجاورة."

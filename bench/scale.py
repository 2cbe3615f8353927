"""How the pages hold up as the corpus grows: p50 of home, search, reader and entity pages.

    python bench/scale.py [--sizes 1000 10000 100000] [--requests 30] [--database-url URL]
    bin/with-postgres .venv/bin/python bench/scale.py --sizes 1000 10000

The seed article (../shared/seeds/*.txt, else sample/) is ingested once through
the real pipeline; the corpus then grows to each size with varied synthetic
copies of it, written with bulk inserts: each copy gets other people, places
and organisations (drawn from invented pools with a skewed popularity, so a
few entities are in many articles and most in few), another source and date,
and its own raw bytes, paragraphs, mentions, agenda, timeline, dropped lines
and search-index rows. After each size the script runs ANALYZE (VACUUM
ANALYZE on PostgreSQL, as autovacuum would on a live database) and times
pages through Django's test client in this process (DEBUG off; wall times, or
with --clock cpu this process's CPU time):

- home: the first page of the list; home deep: a random page among the first 50;
- search: a name of varied popularity; search-common: a word every article has;
- reader: an article not viewed yet (rendered), then again (from the cache);
- entity: an entity of random popularity rank; entity-top: one of the 5 most frequent.

The database is a new SQLite file in a temporary folder unless --database-url
(or DATABASE_URL) names one, which must hold no articles. Figures are wall
times on whatever else the machine is doing: re-run on an idle machine.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def words(text: str) -> list[str]:
    return text.split()


FIRST = words(
    "سامر رامي هشام باسل نزار وسيم عماد غسان رائد فادي زياد طارق مازن جهاد كمال نبيل سليم"
)
FIRST += words("منير شادي أيمن حسام ماهر وائل رياض عادل ناصر ضياء أنور جمال بلال خالد سعيد ليلى")
FIRST += words("هالة رنا سلمى دينا نادين ميساء")
LAST = words("العمري الحداد النجار الخطيب الصباغ الحلبي الشامي المصري البيطار الزين القاسم الرفاعي")
LAST += words("العطار السقا الحسيني الأيوبي الكردي الدباغ الخياط الفارس العلي الأحمد الحمود")
LAST += words("الجابري الزعبي المحمد الصالح الطحان الشريف البزري القباني الحكيم المعلم الساعاتي")
LAST += words("الخوري الجمال الراوي العباسي الكيلاني النقيب الدجاني المفتي الحسن السيد البنا")
PLACE_HEAD = words("تل بئر عين دير كفر رأس جبل وادي")
PLACE_TAIL = words("السلام الزيتون النخيل الورد الريحان الصفصاف البلوط الرمان الغزلان الحمام")
PLACE_TAIL += words("القمر النجوم الذهب الفضة الحرير الكرمة السنديان الياسمين الليمون التين")
PLACE_TAIL += words("البحر النهر الشمس الربيع الخريف الرمال الصخور الينابيع الأرز العنب")
ORG_HEAD = words("وزارة هيئة مجلس اتحاد شركة جامعة بنك منظمة")
ORG_TAIL = words("الطاقة النقل الصحة التعليم الزراعة المياه الإسكان الاتصالات السياحة الثقافة")
ORG_TAIL += words("الصناعة التجارة العمل الشباب الرياضة البيئة الإعلام الاقتصاد المالية الدفاع")
ORG_TAIL += words("الخارجية الداخلية العدل الأوقاف التخطيط الاستثمار البحث التنمية الإغاثة الطيران")
SOURCES = [f"وكالة أنباء {tail}" for tail in PLACE_TAIL[:20]]
COMMON_WORD = "اجتماع"


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--requests", type=int, default=30, help="timed requests per page")
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL", ""))
    parser.add_argument("--seed", type=int, default=7, help="random seed of the variations")
    parser.add_argument(
        "--clock",
        choices=["wall", "cpu"],
        default="wall",
        help="cpu: this process's CPU time per request (steadier on a busy machine; on "
        "PostgreSQL it leaves out the server's work)",
    )
    parser.add_argument(
        "--measure-only",
        action="store_true",
        help="time the pages of a corpus this script built before (same --seed), add nothing",
    )
    return parser.parse_args()


def setup(database_url: str) -> None:
    if not database_url:
        folder = tempfile.mkdtemp(prefix="qari-scale-")
        database_url = f"sqlite:///{folder}/scale.sqlite3"
    os.environ["DATABASE_URL"] = database_url
    os.environ["DEBUG"] = "0"
    os.environ.setdefault("SECRET_KEY", "bench-scale-only")
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsreader.settings")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def seed_bytes() -> bytes:
    seeds = sorted((ROOT.parent / "shared" / "seeds").glob("*.txt"))
    return (seeds[0] if seeds else ROOT / "sample" / "sample-article.txt").read_bytes()


class Template:
    """The ingested seed article, as rows to copy."""

    def __init__(self, article) -> None:
        from newsreader.pipeline.normalize import search_text

        self.raw = bytes(article.raw)
        self.paragraphs = []  # (index, kind, pieces): text pieces and mention slots
        for p in article.paragraphs.order_by("index"):
            pieces, cursor = [], 0
            for m in p.mentions.filter(rejected=False).order_by("start", "-end"):
                if m.start < cursor:
                    continue
                pieces.append(p.text[cursor : m.start])
                pieces.append(m)
                cursor = m.end
            pieces.append(p.text[cursor:])
            self.paragraphs.append((p.index, p.kind, pieces))
        self.pk_of = {p.index: p.pk for p in article.paragraphs.all()}
        self.agenda = list(article.agenda_items.values("paragraph_id", "order", "text", "origin"))
        self.timeline = list(
            article.timeline_events.values("paragraph_id", "value", "date", "text", "origin")
        )
        self.dropped = list(article.dropped_lines.values("position", "text", "reason"))
        self.shadow: dict[str, str] = {}
        self._search_text = search_text

    def fold(self, text: str) -> str:
        if text not in self.shadow:
            self.shadow[text] = self._search_text(text)
        return self.shadow[text]


def pools(rng: random.Random):
    from newsreader.news.models import Entity
    from newsreader.pipeline.normalize import fold_key

    names = {
        "PERSON": [f"{a} {b}" for b in LAST for a in FIRST],
        "LOCATION": [f"{a} {b}" for a in PLACE_HEAD for b in PLACE_TAIL],
        "ORGANIZATION": [f"{a} {b}" for a in ORG_HEAD for b in ORG_TAIL],
    }
    ranked = {}
    for label, pool in names.items():
        rng.shuffle(pool)
        Entity.objects.bulk_create(
            [Entity(label=label, name=n, key=fold_key(n)) for n in pool], ignore_conflicts=True
        )
        ids = dict(Entity.objects.filter(label=label, name__in=pool).values_list("name", "pk"))
        ranked[label] = [(n, ids[n]) for n in pool]  # rank 0 is the most frequent
    return ranked


def pick(rng: random.Random, pool: list) -> tuple[str, int]:
    """A skewed draw: rank r is picked about as often as 1/r^(2/3) (a few are everywhere)."""
    return pool[int(len(pool) * rng.random() ** 3)]


def next_id(model) -> int:
    from django.db.models import Max

    return (model.objects.aggregate(m=Max("pk"))["m"] or 0) + 1


def insert(cursor, table: str, columns: list[str], rows: list[tuple]) -> None:
    """Bulk rows: COPY on PostgreSQL (several times faster than INSERTs), else executemany."""
    if not rows:
        return
    names = ", ".join(columns)
    if cursor.db.vendor == "postgresql":
        with cursor.cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
            for row in rows:
                copy.write_row(row)
        return
    marks = ", ".join(["%s"] * len(columns))
    cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks})", rows)


def grow(size: int, template: Template, ranked, rng: random.Random) -> None:
    """Add copies until the corpus holds `size` articles, 500 per transaction."""
    from django.db import connection, transaction
    from django.utils import timezone

    from newsreader.news import search
    from newsreader.news.models import (
        AgendaItem,
        Article,
        DroppedLine,
        Mention,
        Paragraph,
        TimelineEvent,
    )

    have = Article.objects.count()
    now = timezone.now()
    while have < size:
        batch = range(have, min(size, have + 500))
        ids = {m: next_id(m) for m in (Article, Paragraph, Mention, AgendaItem, TimelineEvent)}
        ids[DroppedLine] = next_id(DroppedLine)
        rows: dict[str, list[tuple]] = {k: [] for k in "apmdtlsx"}
        for n in batch:
            article_id = ids[Article]
            ids[Article] += 1
            chosen: dict[int, tuple[str, int]] = {}
            para_ids: dict[int, int] = {}
            texts, shadows = [], []
            for index, kind, pieces in template.paragraphs:
                para_id = ids[Paragraph]
                ids[Paragraph] += 1
                para_ids[template.pk_of[index]] = para_id
                text, shadow = "", []
                for piece in pieces:
                    if isinstance(piece, str):
                        text += piece
                        shadow.append(template.fold(piece))
                        continue
                    m = piece
                    name, entity_id = m.text, m.entity_id
                    if m.label in ranked and m.entity_id:
                        if m.entity_id not in chosen:
                            chosen[m.entity_id] = pick(rng, ranked[m.label])
                        name, entity_id = chosen[m.entity_id]
                    start = len(text)
                    text += name
                    shadow.append(template.fold(name))
                    rows["m"].append(
                        (ids[Mention], para_id, start, len(text), name, m.label, entity_id,
                         m.value, m.origin, False)
                    )  # fmt: skip
                    ids[Mention] += 1
                rows["p"].append((para_id, article_id, index, kind, text, 1))
                texts.append(text)
                shadows.append(" ".join(s for s in shadow if s))
                rows["s"].append((shadows[-1], article_id, para_id))
            title = texts[0][:500]
            rows["s"].append((template.fold(title), article_id, 0))
            published = date(2023, 1, 1) + timedelta(days=rng.randrange(3 * 365))
            raw = template.raw + f"\n{n}".encode()
            created = now - timedelta(seconds=size - n)
            rows["a"].append(
                (article_id, title, f"scale-{n}", SOURCES[int(len(SOURCES) * rng.random() ** 2)],
                 "", published, raw, "utf-8", hashlib.sha256(raw).hexdigest(),
                 " ".join(shadows), False, "", None, "new", None, created, created, 0)
            )  # fmt: skip
            for item in template.agenda:
                rows["d"].append(
                    (ids[AgendaItem], article_id, para_ids.get(item["paragraph_id"]),
                     item["order"], item["text"], item["origin"], False)
                )  # fmt: skip
                ids[AgendaItem] += 1
            for event in template.timeline:
                rows["t"].append(
                    (ids[TimelineEvent], article_id, para_ids.get(event["paragraph_id"]),
                     event["value"], event["date"], event["text"], event["origin"], False)
                )  # fmt: skip
                ids[TimelineEvent] += 1
            for line in template.dropped:
                rows["l"].append(
                    (ids[DroppedLine], article_id, line["position"], line["text"],
                     line["reason"], False)
                )  # fmt: skip
                ids[DroppedLine] += 1
        with transaction.atomic(), connection.cursor() as cursor:
            insert(cursor, "news_article", ["id", "title", "slug", "source_name", "source_url",
                   "published", "raw", "raw_encoding", "content_hash", "search_text",
                   "title_uncertain", "agenda_meeting", "agenda_count", "status",
                   "reviewed_by_id", "created", "updated", "dropped_more"],
                   rows["a"])  # fmt: skip
            insert(cursor, "news_paragraph", ["id", "article_id", '"index"', "kind", "text",
                   "version"], rows["p"])  # fmt: skip
            insert(cursor, "news_mention", ["id", "paragraph_id", "start", '"end"', "text",
                   "label", "entity_id", "value", "origin", "rejected"], rows["m"])  # fmt: skip
            insert(cursor, "news_agendaitem", ["id", "article_id", "paragraph_id", '"order"',
                   "text", "origin", "removed"], rows["d"])  # fmt: skip
            insert(cursor, "news_timelineevent", ["id", "article_id", "paragraph_id", "value",
                   "date", "text", "origin", "removed"], rows["t"])  # fmt: skip
            insert(cursor, "news_droppedline", ["id", "article_id", "position", "text",
                   "reason", "restored"], rows["l"])  # fmt: skip
            if search.enabled():
                insert(cursor, search.TABLE, ["text", "article_id", "paragraph_id"], rows["s"])
        have = batch.stop
    reset_sequences()


def reset_sequences() -> None:
    from django.core.management.color import no_style
    from django.db import connection

    from newsreader.news import models

    tables = [models.Article, models.Paragraph, models.Mention, models.AgendaItem,
              models.TimelineEvent, models.DroppedLine]  # fmt: skip
    with connection.cursor() as cursor:
        for sql in connection.ops.sequence_reset_sql(no_style(), tables):
            cursor.execute(sql)
        # what autovacuum does to a live PostgreSQL (visibility map: index-only scans)
        cursor.execute("VACUUM ANALYZE" if connection.vendor == "postgresql" else "ANALYZE")


def database_size() -> int:
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_database_size(current_database())")
            return cursor.fetchone()[0]
    name = Path(connection.settings_dict["NAME"])
    return sum(p.stat().st_size for p in name.parent.glob(name.name + "*"))


CLOCK = time.perf_counter


def timed(client, urls: list[str]) -> list[float]:
    times = []
    for url in urls:
        start = CLOCK()
        response = client.get(url)
        times.append((CLOCK() - start) * 1000)
        if response.status_code != 200:
            raise SystemExit(f"scale: {url} answered {response.status_code}")
    return times


def measure(ranked, n: int, rng: random.Random) -> dict[str, float]:
    from django.test import Client
    from django.urls import reverse

    from newsreader.news.models import Article

    client = Client()
    client.get("/")  # warm up: imports, templates, the connection
    size = Article.objects.count()
    pages = max(1, size // 20)
    slugs = [f"scale-{rng.randrange(1, size)}" for _ in range(n)]  # not viewed yet (likely)
    readers = [reverse("article_detail", args=[s]) for s in slugs]
    people = ranked["PERSON"]
    entities = [pick(rng, people)[1] for _ in range(n)]
    surnames = [pick(rng, people)[0].split()[-1] for _ in range(n)]
    return {
        "home": timed(client, ["/"] * n),
        "home deep": timed(client, [f"/?page={rng.randint(1, min(pages, 50))}" for _ in range(n)]),
        "search": timed(client, [f"/?q={name}" for name in surnames]),
        "search-common": timed(client, [f"/?q={COMMON_WORD}"] * n),
        "reader": timed(client, readers),
        "reader cached": timed(client, readers),
        "entity": timed(client, [reverse("entity_detail", args=[pk]) for pk in entities]),
        "entity-top": timed(client, [reverse("entity_detail", args=[people[i % 5][1]])
                                     for i in range(n)]),
    }  # fmt: skip


def main() -> None:
    args = parse_args()
    global CLOCK
    CLOCK = time.process_time if args.clock == "cpu" else time.perf_counter
    setup(args.database_url)
    from django.db import connection

    from newsreader.news.ingest import ingest_bytes
    from newsreader.news.models import Article

    rng = random.Random(args.seed)
    print(f"engine {connection.vendor}; {args.requests} requests per page; "
          f"{args.clock} times in ms (p50)")  # fmt: skip
    print(f"database {os.environ['DATABASE_URL'].split('@')[-1]}")
    if args.measure_only:
        ranked = pools(rng)
        args.sizes = [Article.objects.count()]
        template = None
    elif Article.objects.exists():
        raise SystemExit("scale: the database already holds articles; give it an empty one")
    else:
        started = time.perf_counter()
        template = Template(ingest_bytes(seed_bytes(), name="seed").article)
        print(f"seed ingested in {time.perf_counter() - started:.1f} s")
        ranked = pools(rng)
    columns = None
    for size in sorted(args.sizes):
        started = time.perf_counter()
        if template is not None:
            grow(size, template, ranked, rng)
        built = time.perf_counter() - started
        figures = measure(ranked, args.requests, rng)
        if columns is None:
            columns = list(figures)
            head = " ".join(f"{c:>13}" for c in columns)
            print(f"{'articles':>9} {'build s':>8} {'db MB':>8} {head}")
        p50 = [statistics.median(figures[c]) for c in columns]
        size_mb = database_size() / 1e6
        print(f"{size:>9} {built:>8.1f} {size_mb:>8.1f} " + " ".join(f"{v:>13.1f}" for v in p50),
              flush=True)  # fmt: skip


if __name__ == "__main__":
    main()

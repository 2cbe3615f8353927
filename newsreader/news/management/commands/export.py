"""manage.py export --format json|jsonl|conll|conll-clitic|brat|archive [--output DIR] [ID...]

json is the evaluation contract's array; jsonl the same dicts one per line;
conll token<TAB>BIO tag with a blank line after each paragraph (conll-clitic
splits a span's attached proclitics off); brat writes <id>.txt/<id>.ann pairs
and an annotation.conf into --output DIR. archive is the whole database (every
article, annotation, human decision, account and source line) for
`import_archive` on another database: see newsreader.news.archive.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from newsreader.news import archive
from newsreader.news.export import article_to_dict, export_queryset
from newsreader.news.formats import brat, conll, jsonl

FORMATS = ["json", "jsonl", "conll", "conll-clitic", "brat", "archive"]


class Command(BaseCommand):
    help = (
        "Print articles (all of them, or the given ids) as JSON, JSONL or CoNLL; write brat files."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("ids", nargs="*", type=int, metavar="ID")
        parser.add_argument("--format", default="json", choices=FORMATS)
        parser.add_argument(
            "--output", type=Path, metavar="DIR", help="Folder for brat's .txt/.ann pairs."
        )

    def handle(self, *args, **options) -> None:
        fmt, output = options["format"], options["output"]
        if fmt == "brat" and output is None:
            raise CommandError("--format brat needs --output DIR")
        if fmt != "brat" and output is not None:
            raise CommandError("--output is only for --format brat; other formats go to stdout")
        if fmt == "archive":
            if options["ids"]:
                raise CommandError("--format archive holds the whole database: give no ids")
            for line in archive.export_lines():
                self.stdout.write(line)
            return
        articles = list(export_queryset(options["ids"] or None))
        missing = set(options["ids"]) - {a.pk for a in articles}
        if missing:
            raise CommandError(f"no article with id {', '.join(map(str, sorted(missing)))}")
        data = [article_to_dict(article) for article in articles]
        if fmt == "json":
            self.stdout.write(json.dumps(data, ensure_ascii=False, indent=1))
        elif fmt == "jsonl":
            self.stdout.write(jsonl.dumps(data), ending="")
        elif fmt in ("conll", "conll-clitic"):
            self.stdout.write(conll.dumps(data, clitic_split=fmt == "conll-clitic"), ending="")
        else:
            self._write_brat(data, output)

    def _write_brat(self, data: list[dict], output: Path) -> None:
        if output.exists() and not output.is_dir():
            raise CommandError(f"--output {output} is not a folder")
        output.mkdir(parents=True, exist_ok=True)
        (output / "annotation.conf").write_text(brat.ANNOTATION_CONF, encoding="utf-8")
        for article in data:
            txt, ann = brat.dumps(article)
            (output / f"{article['id']}.txt").write_text(txt, encoding="utf-8")
            (output / f"{article['id']}.ann").write_text(ann, encoding="utf-8")
        self.stdout.write(f"wrote {len(data)} article(s) as brat standoff to {output}")

"""The review workflow in the admin: status actions, filters, the re-run's changes, the log."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from django.contrib.auth.models import Permission, User
from django.core.management import call_command
from django.test import Client
from django.urls import reverse

from newsreader.news.annotate import AnnotateSummary
from newsreader.news.models import Article, EditLog, Mention, Origin
from newsreader.news.vocabulary import label_name
from tests.factories import make_agenda, make_article, make_mention, paragraph

CHANGELIST = "admin:news_article_changelist"
LOG = "admin:news_editlog_changelist"


@pytest.fixture
def curator_user() -> User:
    return User.objects.create_superuser("curator", "", "pw-curator-1")


@pytest.fixture
def curator(client: Client, curator_user: User) -> Client:
    client.force_login(curator_user)
    return client


def shown(response) -> set[int]:
    assert response.status_code == 200
    return {obj.pk for obj in response.context["cl"].result_list}


def act(client: Client, action: str, *articles: Article, follow: bool = True):
    return client.post(
        reverse(CHANGELIST),
        {"action": action, "_selected_action": [a.pk for a in articles]},
        follow=follow,
    )


# --- review status --------------------------------------------------------------------


@pytest.mark.django_db
def test_mark_in_review_then_reviewed_records_the_user_and_logs(
    curator: Client, curator_user: User
) -> None:
    article = make_article()
    response = act(curator, "mark_in_review", article)
    assert "قيد المراجعة: مقال واحد." in response.content.decode()
    article.refresh_from_db()
    assert (article.status, article.reviewed_by) == (Article.Status.IN_REVIEW, curator_user)

    act(curator, "mark_reviewed", article)
    article.refresh_from_db()
    assert (article.status, article.reviewed_by) == (Article.Status.REVIEWED, curator_user)
    assert list(Article.objects.reviewed()) == [article]

    logs = list(EditLog.objects.filter(article=article).order_by("pk"))
    assert [(e.target, e.target_id, e.action, e.user) for e in logs] == [
        ("article", article.pk, "status", curator_user)
    ] * 2
    assert logs[0].before == {"status": "new", "reviewed_by": None}
    assert logs[0].after == {"status": "in_review", "reviewed_by": curator_user.pk}
    assert logs[1].after == {"status": "reviewed", "reviewed_by": curator_user.pk}


@pytest.mark.django_db
def test_a_step_already_taken_is_skipped_and_not_logged(curator: Client) -> None:
    done = make_article(status=Article.Status.REVIEWED)
    fresh = make_article()
    response = act(curator, "mark_reviewed", done, fresh)
    assert "تمت المراجعة: مقال واحد (تُرك مقال واحد لأن حالته لا تسمح)." in response.content.decode()
    assert EditLog.objects.filter(article=done).count() == 0
    assert EditLog.objects.filter(article=fresh, action="status").count() == 1
    # reopening a reviewed article takes it back into review
    act(curator, "mark_in_review", done)
    done.refresh_from_db()
    assert done.status == Article.Status.IN_REVIEW


# --- permissions ------------------------------------------------------------------------


@pytest.mark.django_db
def test_non_staff_are_redirected_to_the_login(client: Client) -> None:
    article = make_article()
    client.force_login(User.objects.create_user("reader", password="pw-reader-1"))
    for url in [reverse(CHANGELIST), reverse(LOG)]:
        response = client.get(url)
        assert response.status_code == 302
        assert reverse("admin:login") in response["Location"]
    response = act(client, "mark_reviewed", article, follow=False)
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]
    article.refresh_from_db()
    assert article.status == Article.Status.NEW
    assert not EditLog.objects.exists()


@pytest.mark.django_db
def test_staff_who_may_only_view_cannot_change_the_status(client: Client) -> None:
    article = make_article()
    viewer = User.objects.create_user("viewer", password="pw-viewer-1", is_staff=True)
    viewer.user_permissions.add(Permission.objects.get(codename="view_article"))
    client.force_login(viewer)
    assert client.get(reverse(CHANGELIST)).status_code == 200
    act(client, "mark_reviewed", article)
    act(client, "mark_in_review", article)
    article.refresh_from_db()
    assert article.status == Article.Status.NEW
    assert not EditLog.objects.exists()


# --- changelist columns and filters ------------------------------------------------------


@pytest.mark.django_db
def test_filters_status_reviewer_source_and_date(curator: Client, curator_user: User) -> None:
    other = User.objects.create_user("other", is_staff=True)
    mine = make_article(status=Article.Status.REVIEWED, reviewed_by=curator_user)
    theirs = make_article(status=Article.Status.IN_REVIEW, reviewed_by=other)
    old = make_article(published=date(2020, 1, 2))
    Article.objects.filter(pk=old.pk).update(source_name="صحيفة أخرى")
    url = reverse(CHANGELIST)
    assert shown(curator.get(url)) == {mine.pk, theirs.pk, old.pk}
    assert shown(curator.get(url, {"status__exact": "reviewed"})) == {mine.pk}
    assert shown(curator.get(url, {"status__exact": "in_review"})) == {theirs.pk}
    assert shown(curator.get(url, {"reviewed_by__id__exact": other.pk})) == {theirs.pk}
    assert shown(curator.get(url, {"source_name": "صحيفة أخرى"})) == {old.pk}
    dates = {"published__gte": "2026-01-01", "published__lt": "2027-01-01"}
    assert shown(curator.get(url, dates)) == {mine.pk, theirs.pk}
    page = curator.get(url).content.decode()
    assert "column-reviewed_by" in page and "column-has_human_edits" in page


@pytest.mark.django_db
def test_human_edit_filter_counts_mentions_agenda_and_removals(curator: Client) -> None:
    plain = make_article()
    make_mention(paragraph(plain, 1), "ميقاتي")  # the model's only
    removed = make_article()
    make_mention(paragraph(removed, 1), "ميقاتي", rejected=True, origin=Origin.HUMAN)
    agenda = make_article()
    make_agenda(agenda, "خطة الكهرباء", origin=Origin.HUMAN)
    url = reverse(CHANGELIST)
    assert shown(curator.get(url, {"human": "yes"})) == {removed.pk, agenda.pk}
    assert shown(curator.get(url, {"human": "no"})) == {plain.pk}
    result = curator.get(url).context["cl"].result_list
    assert {a.pk: a.has_human for a in result} == {
        plain.pk: False,
        removed.pk: True,
        agenda.pk: True,
    }


@pytest.mark.django_db
def test_label_filter_keeps_articles_with_an_active_mention_of_the_label(
    curator: Client,
) -> None:
    person = make_article()
    make_mention(paragraph(person, 1), "ميقاتي", "PERSON")
    place = make_article()
    make_mention(paragraph(place, 1), "بيروت", "LOCATION", nth=1)
    make_mention(paragraph(place, 3), "ميقاتي", "PERSON", rejected=True, origin=Origin.HUMAN)
    url = reverse(CHANGELIST)
    assert shown(curator.get(url, {"label": "PERSON"})) == {person.pk}
    assert shown(curator.get(url, {"label": "LOCATION"})) == {place.pk}
    assert shown(curator.get(url, {"label": "ORGANIZATION"})) == set()


# --- the edit log -----------------------------------------------------------------------


@pytest.mark.django_db
def test_edit_log_filters_by_user_article_and_action(curator: Client, curator_user: User) -> None:
    other = User.objects.create_user("other", is_staff=True)
    a, b = make_article(), make_article()
    e1 = EditLog.objects.create(user=curator_user, article=a, target="mention", action="add")
    e2 = EditLog.objects.create(user=other, article=a, target="mention", action="remove")
    e3 = EditLog.objects.create(user=other, article=b, target="article", action="status")
    url = reverse(LOG)
    assert shown(curator.get(url)) == {e1.pk, e2.pk, e3.pk}
    assert shown(curator.get(url, {"user__id__exact": other.pk})) == {e2.pk, e3.pk}
    assert shown(curator.get(url, {"article__id__exact": a.pk})) == {e1.pk, e2.pk}
    assert shown(curator.get(url, {"action": "status"})) == {e3.pk}
    both = {"article__id__exact": a.pk, "user__id__exact": other.pk}
    assert shown(curator.get(url, both)) == {e2.pk}


@pytest.mark.django_db
def test_article_page_links_to_its_edit_log(curator: Client, curator_user: User) -> None:
    article, other = make_article(), make_article()
    act(curator, "mark_in_review", article, other)
    page = curator.get(reverse("admin:news_article_change", args=[article.pk])).content.decode()
    link = f"{reverse(LOG)}?article__id__exact={article.pk}"
    assert link in page
    assert shown(curator.get(link)) == set(
        EditLog.objects.filter(article=article).values_list("pk", flat=True)
    )
    assert len(shown(curator.get(link))) == 1


# --- the re-run says what changed ------------------------------------------------------


def test_summary_says_counts_per_label_and_examples() -> None:
    summary = AnnotateSummary(
        4,
        6,
        2,
        0,
        0,
        added={"PERSON": 2, "DATE": 1},
        removed={"LOCATION": 1},
        added_examples=("ميقاتي (PERSON)",),
        removed_examples=("السراي (LOCATION)",),
    )
    text = str(summary)
    assert text.startswith(
        "+3 \u22121 mentions (PERSON +2, DATE +1, LOCATION \u22121); 2 human decisions kept"
    )
    assert "added: ميقاتي (PERSON)" in text and "removed: السراي (LOCATION)" in text
    assert AnnotateSummary(1, 1, 0, 0, 0).changes() == "no mention changed"
    # the admin says it with the label names a curator reads
    arabic = summary.arabic()
    assert arabic.startswith(
        "الإشارات: +3 \u22121 (تاريخ +1، مكان \u22121، شخص +2)؛ قرارات بشرية أُبقيت: 2"
    )
    assert "أُضيف: ميقاتي (شخص)؛ حُذف: السراي (مكان)" in arabic
    assert "PERSON" not in arabic and "LOCATION" not in arabic
    assert AnnotateSummary(1, 1, 0, 0, 0).arabic().startswith("لم تتغير أي إشارة؛")


@pytest.fixture
def ingested(sample_path: Path) -> Article:
    call_command("ingest", str(sample_path), "--published", "2026-03-05", stdout=io.StringIO())
    return Article.objects.get()


@pytest.mark.django_db
def test_rerun_message_says_which_mentions_came_and_went(
    curator: Client, ingested: Article
) -> None:
    from newsreader.news.annotate import annotate_article

    assert annotate_article(ingested).changes() == "no mention changed"  # deterministic
    model = Mention.objects.filter(paragraph__article=ingested, origin=Origin.MODEL)
    dropped = model.exclude(label="DATE").order_by("pk").first()
    dropped.delete()  # the re-run brings it back: +1
    para = dropped.paragraph
    word = para.text.split()[-1].strip(".،")
    start = para.text.rindex(word)
    assert not model.filter(paragraph=para, start__lt=start + len(word), end__gt=start).exists()
    kept = model.exclude(label="DATE").order_by("-pk").first()
    kept.origin = Origin.HUMAN
    kept.save()
    Mention.objects.create(  # a span the model would not tag: −1
        paragraph=para,
        start=start,
        end=start + len(word),
        text=word,
        label="ORGANIZATION",
        origin=Origin.MODEL,
    )

    response = act(curator, "rerun_pipeline", ingested)
    page = response.content.decode()
    name = label_name(dropped.label)
    assert f"الإشارات: +1 \u22121 ({name} +1، منظمة \u22121)؛ قرارات بشرية أُبقيت: 1" in page
    assert f"أُضيف: {dropped.text} ({name})" in page
    assert f"حُذف: {word} (منظمة)" in page

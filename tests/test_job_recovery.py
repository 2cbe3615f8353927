"""Recovering ingest jobs (jobs.recover_jobs): a worker that died mid-run, a queue that lost a task.

A stalled job is set up by dating its start back past INGEST_JOB_STALE_SECONDS;
a lost one by dating its creation back and giving it a task id the queue never had.
"""

from __future__ import annotations

import uuid
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from newsreader.news import job_runs, jobs
from newsreader.news.models import Article, IngestJob

STORY = (
    "افتتاح سوق شعبية جديدة في مدينة الحلة\n"
    "افتتح رئيس بلدية الحلة مروان العبيدي اليوم سوقاً شعبية تضم مئتي محل.\n"
    "وقال العبيدي إن السوق ستوفر فرص عمل لشباب المدينة.\n"
).encode()
TITLE = "افتتاح سوق شعبية جديدة في مدينة الحلة"

DATABASE_TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def running_job(seconds_ago: float, attempts: int = 1) -> IngestJob:
    """A job a worker claimed `seconds_ago` and never finished (the worker is gone)."""
    started = timezone.now() - timedelta(seconds=seconds_ago)
    return IngestJob.objects.create(
        source="souq.txt",
        raw=STORY,
        state=IngestJob.State.RUNNING,
        attempts=attempts,
        created=started,
        started=started,
    )


def queued_job(seconds_ago: float, task_id: str) -> IngestJob:
    return IngestJob.objects.create(
        source="souq.txt",
        raw=STORY,
        task_id=task_id,
        created=timezone.now() - timedelta(seconds=seconds_ago),
    )


def run_task(job: IngestJob) -> str:
    """What a db_worker does with the job's current task: run it with its arguments."""
    from django_tasks_db.models import DBTaskResult

    task = DBTaskResult.objects.get(id=job.task_id)
    return task.task.call(*task.task_result.args)


@pytest.mark.django_db
def test_a_stalled_running_job_is_failed_with_the_reason_then_a_retry_ingests_it() -> None:
    job = running_job(seconds_ago=1000)
    recovery = jobs.recover_jobs()
    assert [j.pk for j in recovery.stalled] == [job.pk] and recovery.requeued == []
    job.refresh_from_db()
    since = timezone.localtime(job.started).strftime("%Y-%m-%d %H:%M")
    assert job.state == "failed"
    assert job.error.startswith(f"the worker stopped before finishing (running since {since}")
    assert "over 900 s" in job.error and "توقف العامل" in job.error
    assert jobs.recover_jobs().stalled == []  # failed once, not again

    (retried,) = jobs.retry_jobs(IngestJob.objects.all())
    assert (retried.state, retried.outcome, retried.error, retried.attempts) == (
        "done",
        "created",
        "",
        2,
    )
    assert retried.article.title == TITLE


@pytest.mark.django_db
def test_a_job_running_within_the_stale_limit_is_left_alone(settings) -> None:
    settings.INGEST_JOB_STALE_SECONDS = 60
    fresh, old = running_job(seconds_ago=50), running_job(seconds_ago=70)
    recovery = jobs.recover_jobs()
    assert [j.pk for j in recovery.stalled] == [old.pk]
    fresh.refresh_from_db()
    assert (fresh.state, fresh.error, fresh.finished) == ("running", "", None)
    assert jobs.is_stalled(old) and not jobs.is_stalled(fresh)


@pytest.mark.django_db
def test_recovery_keeps_to_the_jobs_it_is_given() -> None:
    first, second = running_job(seconds_ago=1000), running_job(seconds_ago=1000)
    recovery = jobs.recover_jobs(IngestJob.objects.filter(pk=second.pk))
    assert [j.pk for j in recovery.stalled] == [second.pk]
    first.refresh_from_db()
    assert first.state == "running"


@pytest.mark.django_db
def test_a_stale_worker_finishing_late_does_not_overwrite_the_retry(settings, monkeypatch) -> None:
    """Run 1, failed as stalled, ends after its retry (run 2) ingested: run 2's record stays."""
    settings.TASKS = DATABASE_TASKS
    (job,) = jobs.queue_inputs([jobs.JobInput("souq.txt", STORY)])
    real_ingest = job_runs._ingest

    def slow_ingest(claimed: IngestJob):
        if claimed.attempts == 1:  # run 1 "hangs" past the limit; meanwhile a curator acts
            started = timezone.now() - timedelta(seconds=1000)
            IngestJob.objects.filter(pk=claimed.pk).update(started=started)
            assert len(jobs.recover_jobs().stalled) == 1
            (retried,) = jobs.retry_jobs(IngestJob.objects.all())
            assert run_task(retried) == "created"  # run 2, by another worker
        return real_ingest(claimed)

    monkeypatch.setattr(job_runs, "_ingest", slow_ingest)
    assert job_runs.run_job(job.pk) == "superseded"  # run 1's late end records nothing
    job.refresh_from_db()
    assert (job.state, job.outcome, job.attempts, job.error) == ("done", "created", 2, "")
    assert job.article.title == TITLE and Article.objects.count() == 1


@pytest.mark.django_db
def test_a_stale_worker_failing_late_does_not_fail_a_queued_retry(settings, monkeypatch) -> None:
    settings.TASKS = DATABASE_TASKS
    (job,) = jobs.queue_inputs([jobs.JobInput("souq.txt", STORY)])

    def hang_then_break(claimed: IngestJob):
        IngestJob.objects.filter(pk=claimed.pk).update(started=timezone.now() - timedelta(hours=1))
        jobs.recover_jobs()
        jobs.retry_jobs(IngestJob.objects.all())  # queued, waiting for a worker
        raise RuntimeError("the tagger fell over")

    monkeypatch.setattr(job_runs, "_ingest", hang_then_break)
    with pytest.raises(RuntimeError):
        job_runs.run_job(job.pk)
    job.refresh_from_db()
    assert (job.state, job.attempts) == ("queued", 1)  # the retry waits, as it was queued
    assert "the worker stopped" in job.error and "tagger" not in job.error
    monkeypatch.undo()
    assert run_task(job) == "created"


@pytest.mark.django_db
def test_a_stalled_job_whose_worker_finishes_after_all_records_its_outcome(monkeypatch) -> None:
    """Failed as stalled, not retried: the run that ends after all says what became of it."""
    (job,) = jobs.queue_inputs([jobs.JobInput("first.txt", STORY)])  # the article, ingested
    IngestJob.objects.filter(pk=job.pk).update(state="queued", outcome="", article=None)
    real_ingest = job_runs._ingest

    def slow_ingest(claimed: IngestJob):
        IngestJob.objects.filter(pk=claimed.pk).update(started=timezone.now() - timedelta(hours=1))
        assert len(jobs.recover_jobs().stalled) == 1
        return real_ingest(claimed)

    monkeypatch.setattr(job_runs, "_ingest", slow_ingest)
    assert job_runs.run_job(job.pk) == "exists"
    job.refresh_from_db()
    assert (job.state, job.outcome, job.error, job.attempts) == ("done", "exists", "", 2)


@pytest.mark.django_db
def test_a_queued_job_whose_task_the_queue_lost_is_queued_again_and_runs(settings) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    lost = queued_job(seconds_ago=1000, task_id=str(uuid.uuid4()))  # e.g. moved by the archive
    untasked = queued_job(seconds_ago=1000, task_id="")
    recent_task = str(uuid.uuid4())
    recent = queued_job(seconds_ago=10, task_id=recent_task)
    recovery = jobs.recover_jobs()
    assert [j.pk for j in recovery.requeued] == [lost.pk, untasked.pk]
    assert recovery.stalled == []
    assert DBTaskResult.objects.count() == 2
    lost, untasked = recovery.requeued
    for job in (lost, untasked):
        assert job.state == "queued" and DBTaskResult.objects.filter(id=job.task_id).exists()
    assert jobs.recover_jobs().requeued == []  # their tasks now wait for a worker
    assert run_task(lost) == "created"
    assert run_task(untasked) == "exists"  # the same text
    lost.refresh_from_db()
    assert (lost.state, lost.outcome, lost.article.title) == ("done", "created", TITLE)
    recent.refresh_from_db()
    assert (recent.state, recent.task_id) == ("queued", recent_task)  # not yet lost


@pytest.mark.django_db
def test_a_queued_job_is_queued_again_only_once_its_task_is_over(settings) -> None:
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = DATABASE_TASKS
    (job,) = jobs.queue_inputs([jobs.JobInput("souq.txt", STORY)])
    first_task = job.task_id
    IngestJob.objects.filter(pk=job.pk).update(created=timezone.now() - timedelta(hours=2))
    assert jobs.recover_jobs().requeued == []  # its task waits for a worker (READY)
    DBTaskResult.objects.filter(id=first_task).update(
        status="RUNNING", started_at=timezone.now() - timedelta(hours=1)
    )
    (requeued,) = jobs.recover_jobs().requeued  # taken by a worker that died before the job
    assert requeued.task_id != first_task
    DBTaskResult.objects.filter(id=requeued.task_id).update(status="SUCCESSFUL")
    (again,) = jobs.recover_jobs().requeued  # over, and the job never ran
    assert run_task(again) == "created"
    again.refresh_from_db()
    assert (again.state, again.attempts) == ("done", 1)


@pytest.mark.django_db
def test_with_the_immediate_backend_a_lost_queued_job_runs_at_once() -> None:
    lost = queued_job(seconds_ago=1000, task_id=str(uuid.uuid4()))  # from a database backend
    (job,) = jobs.recover_jobs().requeued
    assert (job.pk, job.state, job.outcome) == (lost.pk, "done", "created")
    assert job.task_id != lost.task_id


@pytest.mark.django_db
def test_the_command_fails_stalled_jobs_and_with_retry_runs_them_again() -> None:
    from io import StringIO

    stalled = running_job(seconds_ago=1000)
    lost = queued_job(seconds_ago=1000, task_id="")
    out = StringIO()
    call_command("recover_jobs", stdout=out)
    lines = out.getvalue().splitlines()
    assert lines[0].startswith(
        f"job {stalled.pk}: souq.txt: stalled, failed: the worker stopped before finishing"
    )
    assert lines[1] == f"job {lost.pk}: souq.txt: queued again, now done"
    assert lines[2] == "1 stalled jobs failed, 0 of them retried; 1 lost queued jobs queued again"
    stalled.refresh_from_db()
    assert stalled.state == "failed"

    again = running_job(seconds_ago=1000)
    out = StringIO()
    call_command("recover_jobs", "--retry", stdout=out)
    assert out.getvalue().splitlines()[1:] == [
        f"job {again.pk}: souq.txt: queued again, now done",
        "1 stalled jobs failed, 1 of them retried; 0 lost queued jobs queued again",
    ]
    again.refresh_from_db()
    assert (again.state, again.outcome, again.attempts) == ("done", "exists", 2)


@pytest.mark.django_db
def test_the_admin_list_names_stalled_jobs_and_its_action_recovers_them(curator: Client) -> None:
    stalled, fresh = running_job(seconds_ago=1000), running_job(seconds_ago=5)
    changelist = reverse("admin:news_ingestjob_changelist")
    page = curator.get(changelist).content.decode()
    since = timezone.localtime(stalled.started).strftime("%Y-%m-%d %H:%M")
    assert page.count("عالقة: قيد التنفيذ منذ") == 1
    assert f"عالقة: قيد التنفيذ منذ {since}" in page
    assert "استرجع المهام العالقة المحددة" in page

    response = curator.post(
        changelist,
        {"action": "recover_selected", "_selected_action": [stalled.pk, fresh.pk]},
        follow=True,
    )
    assert "عُدّت 1 مهمة عالقة فاشلةً" in response.content.decode()
    stalled.refresh_from_db()
    fresh.refresh_from_db()
    assert (stalled.state, fresh.state) == ("failed", "running")
    curator.post(changelist, {"action": "retry_selected", "_selected_action": [stalled.pk]})
    stalled.refresh_from_db()
    assert (stalled.state, stalled.outcome, stalled.article.title) == ("done", "created", TITLE)

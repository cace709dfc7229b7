"""Print queue rows: the only code that touches `print_jobs` through a session."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from desktop_app.domain.print_jobs import JobState
from desktop_app.store.print_models import PrintJob


def add_job(session: Session, *, job_id: str, kind: str, payload: Any, copy: bool,
            at: datetime, created_by: str | None, reprint_of: str | None = None) -> PrintJob:
    job = PrintJob(id=job_id, kind=kind, payload=payload, copy=copy, reprint_of=reprint_of,
                   state=JobState.QUEUED.value, attempts=0, last_error=None,
                   next_attempt_at=at, created_by=created_by, created_at=at, updated_at=at)
    session.add(job)
    session.flush()
    return job


def job_by_id(session: Session, job_id: str) -> PrintJob | None:
    return session.scalar(select(PrintJob).where(PrintJob.id == job_id))


def head_of_queue(session: Session) -> PrintJob | None:
    """The oldest job still to print. Jobs parked with no next attempt (a receipt that can
    never render) do not hold up the ones behind them; anything else does, so receipts come
    out in the order they were made."""
    return session.scalar(
        select(PrintJob)
        .where(PrintJob.state.in_((JobState.QUEUED.value, JobState.FAILED.value)),
               PrintJob.next_attempt_at.is_not(None))
        .order_by(PrintJob.seq)
        .limit(1)
    )


def jobs_in_state(session: Session, state: JobState) -> Sequence[PrintJob]:
    return session.scalars(select(PrintJob).where(PrintJob.state == state.value)
                           .order_by(PrintJob.seq)).all()


def recent_jobs(session: Session, limit: int) -> Sequence[PrintJob]:
    return session.scalars(select(PrintJob).order_by(PrintJob.seq.desc()).limit(limit)).all()


def count_by_state(session: Session) -> dict[str, int]:
    rows = session.execute(select(PrintJob.state, func.count()).group_by(PrintJob.state))
    return {state: count for state, count in rows}

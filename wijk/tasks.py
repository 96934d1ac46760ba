"""Background tasks (Django's task framework; `manage.py db_worker` runs them)."""

from __future__ import annotations

from django.tasks import task

from wijk.services import ververs_wijkbeeld as ververs


@task()
def ververs_wijkbeeld() -> dict:
    """Recompute the Wijkbeeld's summary table (`manage.py ververs_wijkbeeld` enqueues it;
    a cron job or systemd timer runs that command every quarter of an hour)."""
    verversing = ververs()
    return {"rijen": verversing.rijen}

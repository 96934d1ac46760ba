"""Background tasks (Django's task framework; `manage.py db_worker` runs them).

The destruction of signals that led to no contact runs once a day: the task does its
work and queues itself again for the next night (the database backend supports a
`run_after`). `manage.py vroegsignalen_vernietigen` starts that chain (or, with `--nu`,
runs one round at once)."""

from __future__ import annotations

import datetime

from django.tasks import default_task_backend, task
from django.utils import timezone

from vroegsignalering.services import destroy_no_contact

NACHT = datetime.time(2, 30)


def volgende_nacht(nu: datetime.datetime | None = None) -> datetime.datetime:
    nu = timezone.localtime(nu)
    morgen = nu.date() + datetime.timedelta(days=1)
    return timezone.make_aware(datetime.datetime.combine(morgen, NACHT))


@task()
def vernietig_vroegsignalen(herhalen: bool = True) -> dict:
    """Destroy the no-contact signals past the retention period; queue the next run."""
    ronde = destroy_no_contact()
    if herhalen:
        plan_vernietiging()
    return {"zaken": ronde.zaken, "signalen": ronde.signalen, "grens": ronde.grens.isoformat()}


def plan_vernietiging() -> None:
    """Queue the next nightly run (at once when the backend cannot defer)."""
    if default_task_backend.supports_defer:
        vernietig_vroegsignalen.using(run_after=volgende_nacht()).enqueue(True)
    else:
        vernietig_vroegsignalen.enqueue(False)

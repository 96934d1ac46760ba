"""Background tasks (Django's task framework; `manage.py db_worker` runs them).

A dossier of a heavy household takes seconds to lay out: never in a web worker."""

from __future__ import annotations

from django.tasks import task


@task()
def maak_dossier(export_id: int) -> dict:
    """Make the PDF of one queued dossier export; returns its page count."""
    from sociaaldomein.verantwoording.services import generate_dossier

    export = generate_dossier(export_id=export_id)
    return {"export": export_id, "paginas": export.paginas if export else None}

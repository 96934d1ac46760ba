"""Background tasks (Django's task framework; `manage.py db_worker` runs them).

A dossier of a heavy household takes seconds to lay out: never in a web worker."""

from __future__ import annotations

from django.tasks import task

from verantwoording.models import DossierExport
from verantwoording.services import generate_dossier


@task()
def maak_dossier(export_id: int) -> dict:
    """Make the PDF of one queued dossier export; returns its page count."""
    export = generate_dossier(export_id=export_id)
    return {"export": export_id, "paginas": export.paginas if export else None}


def enqueue_dossier(export: DossierExport) -> None:
    """Hand a requested export to the background worker."""
    result = maak_dossier.enqueue(export.pk)
    DossierExport.objects.filter(pk=export.pk, taak_id="").update(taak_id=str(result.id)[:64])

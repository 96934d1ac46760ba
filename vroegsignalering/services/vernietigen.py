"""Destroying the signals that led to no contact, after the retention period.

A zaak closed with an outcome without contact (not reached, referred without contact, not
a resident) and without any contact attempt that reached the resident is destroyed
`VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN` months (default 6) after it was closed: its signals,
its contact attempts and the zaak itself. The run is logged with counts only."""

from __future__ import annotations

import datetime
import logging

from django.conf import settings
from django.db import transaction
from django.db.models import Count, Exists, OuterRef
from django.utils import timezone

from vroegsignalering.models import (
    ZONDER_CONTACT,
    Aanlevering,
    Contactpoging,
    Vernietigingsronde,
    Vroegsignaal,
    Vroegsignaalzaak,
)

logger = logging.getLogger(__name__)
UPLOAD_BEWAREN = datetime.timedelta(days=7)


def maanden_terug(dag: datetime.date, maanden: int) -> datetime.date:
    """The same day `maanden` months earlier (the last day of a shorter month)."""
    jaar, maand = divmod(dag.year * 12 + dag.month - 1 - maanden, 12)
    maand += 1
    for day in (dag.day, 30, 29, 28):
        try:
            return datetime.date(jaar, maand, min(dag.day, day))
        except ValueError:
            continue
    raise ValueError(dag)


def bewaargrens(vandaag: datetime.date | None = None) -> datetime.date:
    maanden = getattr(settings, "VROEGSIGNAAL_BEWAARTERMIJN_MAANDEN", 6)
    return maanden_terug(vandaag or timezone.localdate(), maanden)


def te_vernietigen(grens: datetime.date):
    bereikt = Contactpoging.objects.filter(zaak=OuterRef("pk"), bereikt=True)
    return Vroegsignaalzaak.objects.filter(
        status=Vroegsignaalzaak.Status.AFGEROND,
        eindresultaat__in=ZONDER_CONTACT,
        afgerond_op__lt=grens,
    ).exclude(Exists(bereikt))


@transaction.atomic
def destroy_no_contact(*, vandaag: datetime.date | None = None) -> Vernietigingsronde:
    grens = bewaargrens(vandaag)
    zaken = te_vernietigen(grens)
    per_soort = dict(
        Vroegsignaal.objects.filter(zaak__in=zaken)
        .values_list("partnersoort")
        .annotate(n=Count("id"))
        .values_list("partnersoort", "n")
    )
    ids = list(zaken.values_list("pk", flat=True))
    Contactpoging.objects.filter(zaak_id__in=ids).delete()
    signalen, _ = Vroegsignaal.objects.filter(zaak_id__in=ids).delete()
    Vroegsignaalzaak.objects.filter(pk__in=ids).delete()
    # an upload that was checked but never imported keeps no personal data for long
    Aanlevering.objects.filter(
        geimporteerd__isnull=True, aangemaakt_op__lt=timezone.now() - UPLOAD_BEWAREN
    ).exclude(inhoud="").update(inhoud="")
    ronde = Vernietigingsronde.objects.create(
        grens=grens, zaken=len(ids), signalen=signalen, per_partnersoort=per_soort
    )
    logger.info(
        "Vroegsignalering: %s zaken en %s signalen zonder contact vernietigd (afgerond voor %s).",
        len(ids),
        signalen,
        grens,
    )
    return ronde

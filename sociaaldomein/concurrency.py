"""Optimistic concurrency: two people editing the same record never silently overwrite
each other. Every editable aggregate has a `versie` column; a save states the version it
read, and loses (with the current values shown to the user) when someone was first."""

from __future__ import annotations

from collections.abc import Sequence

from django.db.models import F, Model
from django.utils import timezone


class VersionConflict(Exception):
    """The row changed since it was read; `current` holds the values now stored."""

    def __init__(self, current: Model):
        super().__init__(f"{type(current).__name__} {current.pk} is intussen gewijzigd")
        self.current = current


def save_versioned(instance: Model, *, expected: int, fields: Sequence[str]) -> None:
    """Write `fields` of `instance` only if its row still has version `expected`.

    One UPDATE ... WHERE versie = expected: atomic without locks, so it is safe under any
    concurrency. Raises VersionConflict when zero rows matched.
    """
    model = type(instance)
    values = {field: getattr(instance, field) for field in fields}
    if any(f.name == "gewijzigd_op" for f in model._meta.fields):
        values["gewijzigd_op"] = timezone.now()
    updated = model._default_manager.filter(pk=instance.pk, versie=expected).update(
        versie=F("versie") + 1, **values
    )
    if updated == 0:
        raise VersionConflict(model._default_manager.get(pk=instance.pk))
    instance.versie = expected + 1

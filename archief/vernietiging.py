"""The one documented path past the append-only triggers: deleting a household file.

Plan history, assessments, toetsen and maatwerk decisions refuse UPDATE and DELETE by
trigger, and many foreign keys PROTECT their rows. Destruction therefore runs in one
transaction with `SET LOCAL session_replication_role = replica`, which switches off the
user triggers (and the foreign-key checks) for that transaction only; it needs the
database owner's rights, which only this path uses. Because the database no longer
checks, the rows are collected here from Django's model graph: every row that hangs off
the household (reverse foreign keys and many-to-many links, recursively) is deleted
children first; a link that is SET_NULL (the list's own record) is cleared instead. The
access-log entries about the household are pseudonymised in the same transaction
(`sociaaldomein.accesslog.pseudonymise_entries`); the triggers are switched on again
before anything is written to the log.
"""

from __future__ import annotations

from django.db import connection, models

from huishoudens.models import Huishouden
from sociaaldomein.accesslog import pseudonymise_entries


def _collect(model, queryset, stappen: list, pad: tuple = ()) -> None:
    """Append (action, queryset) pairs for everything that refers to `queryset`'s
    rows, children before their parents. A model reached along several paths (a toets
    of the household and of one of its actions) is collected along each; only a cycle
    (a model already on the current path) stops the walk."""
    pad = (*pad, model)
    for m2m in model._meta.local_many_to_many:
        through = m2m.remote_field.through
        veld = m2m.m2m_field_name()
        stappen.append(("delete", through._base_manager.filter(**{f"{veld}__in": queryset})))
    # every reverse relation, hidden ones (related_name="+") included
    for rel in model._meta._get_fields(forward=False, reverse=True, include_hidden=True):
        if rel.many_to_many:
            through = rel.through
            veld = rel.field.m2m_reverse_field_name()
            stappen.append(("delete", through._base_manager.filter(**{f"{veld}__in": queryset})))
            continue
        kind = rel.related_model
        rijen = kind._base_manager.filter(**{f"{rel.field.name}__in": queryset.values("pk")})
        if rel.on_delete is models.SET_NULL:
            stappen.append(("null", rijen, rel.field.name))
            continue
        if kind not in pad:
            _collect(kind, rijen, stappen, pad)
        stappen.append(("delete", rijen))


def delete_household(*, huishouden_id: int, grond: str) -> None:
    """Delete one household file with everything that hangs off it, pseudonymise its
    access-log entries. Call inside `transaction.atomic()` (the list's service does)."""
    wortel = Huishouden._base_manager.filter(pk=huishouden_id)
    stappen: list = []
    _collect(Huishouden, wortel, stappen)
    stappen.append(("delete", wortel))
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL session_replication_role = replica")
    try:
        for stap in stappen:
            if stap[0] == "null":
                stap[1].update(**{stap[2]: None})
            else:
                stap[1]._raw_delete(stap[1].db)
        pseudonymise_entries(huishouden_id=huishouden_id, grond=grond)
    finally:
        with connection.cursor() as cursor:
            cursor.execute("SET LOCAL session_replication_role = origin")

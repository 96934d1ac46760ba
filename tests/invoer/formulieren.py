"""Every form of the product, for the malicious-input sweep (tests/invoer/test_sweep.py).

Forms are derived from the access matrix (tests/toegang/matrix.py): every URL whose POST
writes for a professional or team lead and has a valid body (`post_data`) is a form, and
every field of that body is attacked. `TOONT` says which pages show the data afterwards,
by URL namespace. Add an entry to `EXTRA` only for a form the matrix cannot describe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.urls import reverse

from tests.toegang.matrix import MATRIX

# Fields that are plumbing, not input: attacking them tests Django, not the product.
PLUMBING = {"versie", "vorige", "csrfmiddlewaretoken"}


@dataclass
class Formulier:
    url: Callable[[object], str]
    geldig: Callable[[object], dict]
    rol: str = "professional"
    toont: Callable[[object], list[str]] = field(default=lambda w: [])
    velden: list[str] | None = None  # None: every field of the valid body

    def fields(self, wereld) -> list[str]:
        if self.velden is not None:
            return self.velden
        return [name for name in self.geldig(wereld) if name not in PLUMBING]


def _huishouden(w) -> list[str]:
    return [reverse("huishoudens:detail", args=[w.huishouden.pk])]


def _plan(w) -> list[str]:
    return [reverse("casussen:plan", kwargs={"huishouden_pk": w.huishouden.pk}), *_huishouden(w)]


TOONT: dict[str, Callable[[object], list[str]]] = {
    "huishoudens": _huishouden,
    "casussen": _plan,
}


def _from_matrix() -> dict[str, Formulier]:
    formulieren = {}
    for name, regel in MATRIX.items():
        if regel.post is None or regel.public:
            continue
        rol = next(
            (
                r
                for r in ("professional", "teamleider")
                if r in regel.writes and regel.post.get(r, set()) & {200, 302}
            ),
            None,
        )
        if rol is None:
            continue

        def url(w, name=name, regel=regel):
            return reverse(name, kwargs=regel.kwargs(w))

        formulieren[name] = Formulier(
            url=url,
            geldig=regel.post_data,
            rol=rol,
            toont=TOONT.get(name.split(":")[0], lambda w: []),
        )
    return formulieren


EXTRA: dict[str, Formulier] = {}
FORMULIEREN: dict[str, Formulier] = {**_from_matrix(), **EXTRA}

"""Every form of the product, for the malicious-input sweep (tests/invoer/test_sweep.py).

An entry names the URL the form posts to (built from the test world, tests/wereld.py),
who submits it, a valid body, the fields to attack, and the pages that show the data
afterwards (to prove nothing is rendered unescaped). Add an entry for every form you
build; `test_every_form_view_is_in_the_sweep` reminds you.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field


@dataclass
class Formulier:
    url: Callable[[object], str]
    geldig: Callable[[object], dict]
    velden: list[str]
    rol: str = "professional"
    toont: Callable[[object], list[str]] = field(default=lambda w: [])
    htmx: bool = False
    # views that accept a refusal status other than 200 (e.g. 409 on a version conflict)
    weigerstatussen: frozenset[int] = frozenset({200})


FORMULIEREN: dict[str, Formulier] = {}

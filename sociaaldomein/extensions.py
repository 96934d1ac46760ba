"""Extension points: how a page of a lower app shows what a higher app knows.

The layers (README, "Architecture") let an app import only the apps below it. Yet the
household page shows the plan, the plan page shows the toetsen of each goal, and Mijn
werk shows the work of every app. Such a page offers a named *slot*; a higher app
registers a provider for it in its `AppConfig.ready()`, and the page's view asks
`panels(slot, ...)` for what to show. Each provider fetches its own data there, in the
view (never in a template tag), and names the template that shows it; the page renders
the panels of each place (`plek`) where it has room for them:

    {% for panel in panels.doel %}{% include panel.template %}{% endfor %}

The template is rendered with the page's context plus `panel` (its `data`). A panel that
shows personal data names the households it shows (`huishoudens`), so the page can write
one access-log entry for all of it.

Slots, their arguments and places:
- "mijn_werk" (user): the blocks of the start page ("blok").
- "huishouden" (user, huishouden, matrix): the household page ("knoppen" in the header,
  "hoofd" below the domain matrix).
- "plan" (user, huishouden, plan, overzicht): the plan page ("doel" at every goal,
  "actie" at every action, both with `doel` / `actie` from the page's loops; "signalen"
  below the plan's own signals; "zijkant" on top of the side column).
- "actie_formulier" (user, huishouden, actie): the action form with its suggestions of the
  sociale kaart ("suggestie" at every suggested service, with `s` from the form's loop;
  `actie` is None on a new action). Providers must not query.
- "kop" (user): the page header, on every page: providers must not query.
- "dossier" (huishouden): extra chapters of the PDF case dossier ("hoofdstuk"), each with
  a `verantwoording.dossier.Hoofdstuk` as data (plain formatted values: printed after the
  maatwerk requests and counted in the fingerprint); a fixed number of queries each.
- "inloggen" (no arguments): the login page ("onder", below the form), such as the
  residents' DigiD button: providers must not query.

Navigation items register the same way (`nav_item`): each app names its own screens; so
does the start page of a role outside the staff (`home`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from typing import Any

from sociaaldomein import urlcache


@dataclass(frozen=True)
class Panel:
    plek: str
    template: str
    data: Any = None
    huishoudens: tuple[int, ...] = ()


class Panels(dict):
    """Panels by place; a place without panels is an empty list (also in templates)."""

    def __missing__(self, plek: str) -> list[Panel]:
        return []

    @property
    def huishoudens(self) -> list[int]:
        """The households every panel together shows, sorted (for the access log)."""
        return sorted(
            {pk for lijst in self.values() for panel in lijst for pk in panel.huishoudens}
        )


Provider = Callable[..., Panel | Iterable[Panel] | None]
_providers: dict[str, list[tuple[int, Provider]]] = defaultdict(list)


def provides(slot: str, *, order: int = 100) -> Callable[[Provider], Provider]:
    """Register the decorated function as a provider of `slot`; lower `order` comes first."""

    def decorator(provider: Provider) -> Provider:
        if provider not in [p for _, p in _providers[slot]]:
            _providers[slot].append((order, provider))
            _providers[slot].sort(key=lambda item: item[0])
        return provider

    return decorator


def panels(slot: str, **kwargs: Any) -> Panels:
    """What every provider of `slot` contributes, by place, in provider order."""
    result = Panels()
    for _, provider in _providers[slot]:
        contributed = provider(**kwargs)
        if contributed is None:
            continue
        for panel in [contributed] if isinstance(contributed, Panel) else contributed:
            result.setdefault(panel.plek, []).append(panel)
    return result


# --- navigation --------------------------------------------------------------------------------


@dataclass(frozen=True)
class NavEntry:
    label: str
    url_name: str
    visible: Callable[[Any], bool]
    active: tuple[str, ...]
    order: int


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


_nav: list[NavEntry] = []


def nav_item(
    label: str,
    url_name: str,
    *,
    order: int,
    visible: Callable[[Any], bool],
    active: tuple[str, ...] = (),
) -> None:
    """An item of the main navigation, shown to the users for whom `visible(user)` holds
    (decided from what the authentication backend loaded: no query)."""
    if any(entry.url_name == url_name for entry in _nav):
        return
    _nav.append(NavEntry(label, url_name, visible, active or (url_name,), order))
    _nav.sort(key=lambda entry: entry.order)


def navigation(user, current: str) -> list[NavItem]:
    """The items this user sees, with the one for the current URL name marked."""
    return [
        NavItem(
            entry.label,
            urlcache.url(entry.url_name),
            any(current.startswith(prefix) for prefix in entry.active),
        )
        for entry in _nav
        if entry.visible(user)
    ]


# --- the start page of roles outside the staff ----------------------------------------------

_homes: dict[str, str] = {}


def home(rol: str, url_name: str) -> None:
    """Where a user of a role outside the staff starts (their Mijn plan, their referrals):
    `/` sends them there."""
    _homes.setdefault(str(rol), url_name)


def home_for(user) -> str | None:
    """The URL name of the user's own start page, or None (staff start at Mijn werk)."""
    return next((_homes[rol] for rol in sorted(user.rol_namen) if rol in _homes), None)

"""URLs reversed once per URL configuration instead of on every use.

A `reverse()` costs some 50 µs on this machine: a dozen in the page header and two per
row of a twenty-row table add milliseconds to every request. The navigation's URLs
have no arguments; the rows' take only the object's integer key. Both are reversed
once per (URL configuration, script prefix) and then put together from the parts, the
same text `reverse()` gives (tests/sociaaldomein/test_urlcache.py compares them).
"""

from __future__ import annotations

from django.conf import settings
from django.urls import get_script_prefix, get_urlconf, reverse

# A key no table reaches, to find where the pk goes in a reversed URL.
_MERKTEKEN = 918_273_645_546_372

_delen: dict[tuple, tuple[str, ...]] = {}


def _sleutel(url_name: str, soort: str) -> tuple:
    return (settings.ROOT_URLCONF, get_urlconf(), get_script_prefix(), url_name, soort)


def url(url_name: str) -> str:
    """`reverse(url_name)` for a URL without arguments."""
    key = _sleutel(url_name, "zonder")
    if key not in _delen:
        _delen[key] = (reverse(url_name),)
    return _delen[key][0]


def url_met_pk(url_name: str, pk: int) -> str:
    """`reverse(url_name, args=[pk])` for a URL whose one argument is an `<int:…>`
    (another URL raises NoReverseMatch, as `reverse()` does)."""
    key = _sleutel(url_name, "pk")
    delen = _delen.get(key)
    if delen is None:
        delen = tuple(reverse(url_name, args=[_MERKTEKEN]).split(str(_MERKTEKEN)))
        if len(delen) != 2:
            raise ValueError(f"{url_name} heeft niet precies één getal als argument")
        _delen[key] = delen
    return f"{delen[0]}{int(pk)}{delen[1]}"

"""Answers that work with and without htmx, once for every app.

A page and its htmx partial come from the same template (`page`). After a successful
write a plain form redirects (post/redirect/get); an htmx form asks the browser to go
there (`HX-Redirect`), so the result shows whatever page the form was opened on: inside
its page, or as a page of its own in a new tab.

A form that lives inside a page and answers with a part of that page (the plan redrawn
into `#plan`) asks `swap_or_go_to`: the part is swapped in only when the browser shows
that page (`HX-Current-URL`); from anywhere else (the form opened as its own page: a new
tab, a bookmark, a link shared with a colleague) the browser goes to the page instead,
so a save never ends in a missing swap target (`htmx:targetError`) and nobody saves
twice."""

from __future__ import annotations

from collections.abc import Callable
from urllib.parse import urlsplit

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect, reswap, retarget


def page(
    request: HttpRequest, template: str, partial: str, context: dict, **kwargs
) -> HttpResponse:
    """The full page, or for htmx the named partial of the same template."""
    return render(request, f"{template}#{partial}" if request.htmx else template, context, **kwargs)


def go_to(request: HttpRequest, url: str, message: str = "") -> HttpResponse:
    """Go to `url` after a write: a redirect, or for htmx a client-side redirect; with a
    success message shown on the page it lands on."""
    if message:
        messages.success(request, message)
    return HttpResponseClientRedirect(url) if request.htmx else redirect(url)


def shows(request: HttpRequest, url: str) -> bool:
    """Whether this htmx request comes from the page at `url` (the page the browser shows,
    `HX-Current-URL`, has the same path)."""
    current = request.htmx.current_url if request.htmx else None
    return bool(current) and urlsplit(current).path == urlsplit(url).path


def swap_or_go_to(
    request: HttpRequest,
    *,
    url: str,
    target: str,
    part: Callable[[], HttpResponse],
    message: str = "",
) -> HttpResponse:
    """After a write from a form that belongs on the page at `url`: on that page the
    redrawn `part` replaces `target`; anywhere else, or without htmx, go to the page."""
    if request.htmx and shows(request, url):
        return reswap(retarget(part(), target), "outerHTML")
    return go_to(request, url, message)

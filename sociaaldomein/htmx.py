"""Answers that work with and without htmx, once for every app.

A page and its htmx partial come from the same template (`page`). After a successful
write a plain form redirects (post/redirect/get); an htmx form asks the browser to go
there (`HX-Redirect`), so the result shows whatever page the form was opened on: inside
its page, or as a page of its own in a new tab."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django_htmx.http import HttpResponseClientRedirect


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

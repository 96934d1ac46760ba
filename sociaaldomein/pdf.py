"""PDF rendering with WeasyPrint, locked down: the only resources a document may load are
the application's own static files (and data: URIs). No network, no local files.

User text is escaped by the template engine before WeasyPrint sees it; the restricted
fetcher is the second line of defence should markup ever slip through.
"""

from __future__ import annotations

import contextlib
import logging
import mimetypes
import re
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from urllib.parse import unquote, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from weasyprint import HTML, Document
from weasyprint.text.fonts import FontConfiguration
from weasyprint.urls import URLFetcher, URLFetcherResponse

logger = logging.getLogger(__name__)

# Relative URLs in PDF templates ({% static %} gives /static/...) resolve against this
# base; `.invalid` (RFC 2606) can never reach a real host.
BASE_URL = "https://eenplan.invalid/"


class StaticOnlyURLFetcher(URLFetcher):
    """Serves /static/... from the staticfiles finders and data: URIs; refuses the rest."""

    def __init__(self):
        super().__init__(allowed_protocols={"https", "data"}, allow_redirects=False)
        self.refused: list[str] = []

    def fetch(self, url, headers=None):
        if url.startswith("data:"):
            return super().fetch(url, headers)
        parts = urlsplit(url)
        prefix = "/" + settings.STATIC_URL.strip("/") + "/"
        if f"{parts.scheme}://{parts.netloc}/" == BASE_URL and parts.path.startswith(prefix):
            relative = unquote(parts.path[len(prefix) :])
            if ".." not in Path(relative).parts:
                found = finders.find(relative)
                if found:
                    mime, _ = mimetypes.guess_type(found)
                    headers = {"Content-Type": mime or "application/octet-stream"}
                    return URLFetcherResponse(url, Path(found).read_bytes(), headers)
        self.refused.append(url)
        logger.warning("PDF: resource refused: %s", url[:200])
        raise ValueError(f"resource not allowed in PDF documents: {url[:200]}")


def html_to_document(
    html: str,
    *,
    fetcher: StaticOnlyURLFetcher | None = None,
    on_page: Callable[[int], None] | None = None,
) -> Document:
    """Lay out the pages (the slow part); `document.write_pdf()` then paints them.

    `on_page(n)` is called as WeasyPrint lays out page n (for a progress indicator)."""
    fetcher = fetcher or StaticOnlyURLFetcher()
    with _page_progress(on_page):
        return HTML(string=html, base_url=BASE_URL, url_fetcher=fetcher).render(
            font_config=FontConfiguration()
        )


def html_to_pdf(html: str, *, fetcher: StaticOnlyURLFetcher | None = None) -> bytes:
    return html_to_document(html, fetcher=fetcher).write_pdf()


_PAGE = re.compile(r"Creating layout - Page (\d+)")


class _PageHandler(logging.Handler):
    """Turns WeasyPrint's progress log ('Step 5 - Creating layout - Page 12') into calls,
    only for the thread that asked for them."""

    def __init__(self, on_page: Callable[[int], None]):
        super().__init__(logging.INFO)
        self.on_page = on_page
        self.thread = threading.get_ident()

    def emit(self, record: logging.LogRecord) -> None:
        if record.thread != self.thread:
            return
        match = _PAGE.search(record.getMessage())
        if match:
            self.on_page(int(match.group(1)))


@contextlib.contextmanager
def _page_progress(on_page: Callable[[int], None] | None) -> Iterator[None]:
    if on_page is None:
        yield
        return
    progress = logging.getLogger("weasyprint.progress")
    handler = _PageHandler(on_page)
    saved = progress.level, progress.propagate
    progress.setLevel(logging.INFO)
    progress.propagate = False  # the console only gets WeasyPrint's errors
    progress.addHandler(handler)
    try:
        yield
    finally:
        progress.removeHandler(handler)
        progress.setLevel(saved[0])
        progress.propagate = saved[1]


def render_pdf(template_name: str, context: dict, *, request=None) -> bytes:
    """Render a print template (templates/pdf/…) to PDF bytes."""
    return html_to_pdf(render_to_string(template_name, context, request=request))

"""PDFs only ever load the application's own static files."""

import subprocess

import pytest

from sociaaldomein.pdf import StaticOnlyURLFetcher, html_to_pdf


def _text(pdf: bytes) -> str:
    return subprocess.run(
        ["pdftotext", "-layout", "-", "-"], input=pdf, capture_output=True, check=True
    ).stdout.decode()


def test_a_pdf_renders_with_the_static_print_stylesheet():
    fetcher = StaticOnlyURLFetcher()
    pdf = html_to_pdf(
        '<html><head><link rel="stylesheet" href="/static/pdf/basis.css"></head>'
        "<body><h1>Dossier</h1><p>Inhoud</p></body></html>",
        fetcher=fetcher,
    )
    assert pdf.startswith(b"%PDF")
    assert fetcher.refused == []
    text = _text(pdf)
    assert "Dossier" in text
    assert "Vertrouwelijk" in text
    assert "pagina 1 van 1" in text


@pytest.mark.parametrize(
    "url",
    [
        "file:///etc/passwd",
        "http://127.0.0.1:8000/healthz",
        "https://example.com/tracker.png",
        "/static/../../../etc/passwd",
        "/etc/passwd",
        "//example.com/x.png",
    ],
)
def test_local_files_and_the_network_are_never_fetched(url):
    fetcher = StaticOnlyURLFetcher()
    pdf = html_to_pdf(f'<p>voor</p><img src="{url}"><p>na</p>', fetcher=fetcher)
    assert pdf.startswith(b"%PDF")
    assert len(fetcher.refused) == 1
    assert "root:" not in _text(pdf)

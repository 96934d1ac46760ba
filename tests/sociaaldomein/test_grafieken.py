"""Charts (sociaaldomein.charts): accessible SVG that our CSP allows, the same every time,
with the figures in a table beside them."""

from sociaaldomein.charts import Grafiek


def _grafiek(**kwargs) -> Grafiek:
    defaults = {
        "id": "aanvragen",
        "titel": "Aanvragen per kwartaal",
        "labels": ["K1 2026", "K2 2026"],
        "reeksen": {"Wmo": [12, 30], "Jeugdwet": [7, None]},
    }
    return Grafiek(**{**defaults, **kwargs})


def test_a_chart_holds_nothing_the_csp_blocks_and_says_what_it_shows():
    svg = _grafiek().svg
    assert svg.startswith("<svg")
    for blocked in ("<script", "<style", ' style="', " onload=", "<foreignObject", 'href="http'):
        assert blocked not in svg, blocked
    assert 'role="img"' in svg and 'aria-labelledby="aanvragen-title aanvragen-desc"' in svg
    assert '<title id="aanvragen-title">Aanvragen per kwartaal</title>' in svg
    assert 'fill="#0072B2"' in svg  # colours as presentation attributes, not CSS


def test_labels_come_out_escaped_and_the_chart_is_deterministic():
    hostile = _grafiek(
        titel='Aanvragen <script>alert("x")</script>',
        labels=["<b>K1</b>", "K2"],
        reeksen={"<img src=x onerror=alert(1)>": [1, 2]},
    )
    svg = hostile.svg
    assert "<script" not in svg and "<img" not in svg and "<b>" not in svg
    assert "&lt;img src=x onerror=alert(1)&gt;" in svg
    assert (
        svg
        == _grafiek(
            titel='Aanvragen <script>alert("x")</script>',
            labels=["<b>K1</b>", "K2"],
            reeksen={"<img src=x onerror=alert(1)>": [1, 2]},
        ).svg
    )


def test_the_table_shows_every_figure_in_dutch_and_what_may_not_be_shown():
    grafiek = _grafiek(reeksen={"Bedrag": [1234.5, 20000]}, weergave={("Bedrag", 1): "< 10"})
    assert grafiek.rijen == [("K1 2026", ["1.234,5"]), ("K2 2026", ["< 10"])]
    assert _grafiek().rijen[1] == ("K2 2026", ["30", "—"])

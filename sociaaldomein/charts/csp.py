"""Make library-generated SVG safe to inline under a strict CSP.

    Content-Security-Policy: default-src 'self'; script-src 'self'; style-src 'self'

Under that policy a browser blocks, inside an inline <svg> in an HTML page:
  * every <script> element (inline script),
  * every <style> element (inline stylesheet, no nonce/hash),
  * every style="..." attribute (style-src-attr falls back to style-src),
  * on*="..." event-handler attributes.
SVG *presentation attributes* (fill="#c00", stroke-width="2", font-size="12")
are plain attributes, not CSS, and are not affected by CSP.

WeasyPrint (checked with 70.0) does NOT apply the HTML document's stylesheets to
the inside of an inline <svg>; it only honours presentation attributes, the
SVG's own <style> element and style attributes.  So converting all CSS into
presentation attributes gives one SVG that renders identically in the browser
(under the CSP) and in the PDF.

Dependencies: tinycss2 + cssselect2 (both already required by WeasyPrint).
Only the Python standard library's ElementTree is used for XML.
"""

from __future__ import annotations

import functools
import re
import xml.etree.ElementTree as ET

import cssselect2
import tinycss2

SVG_NS = "http://www.w3.org/2000/svg"
XLINK_NS = "http://www.w3.org/1999/xlink"
ET.register_namespace("", SVG_NS)
ET.register_namespace("xlink", XLINK_NS)

# CSS properties that are also SVG presentation attributes (SVG 1.1 + SVG 2).
# Anything else found in CSS (transition, cursor styles for hover, -webkit-*,
# user-select, background-color on <svg>, ...) is dropped.
PRESENTATION_ATTRS = frozenset(
    [
        "alignment-baseline",
        "baseline-shift",
        "clip",
        "clip-path",
        "clip-rule",
        "color",
        "color-interpolation",
        "color-interpolation-filters",
        "color-rendering",
        "cursor",
        "direction",
        "display",
        "dominant-baseline",
        "fill",
        "fill-opacity",
        "fill-rule",
        "filter",
        "flood-color",
        "flood-opacity",
        "font-family",
        "font-size",
        "font-size-adjust",
        "font-stretch",
        "font-style",
        "font-variant",
        "font-weight",
        "image-rendering",
        "letter-spacing",
        "lighting-color",
        "marker-end",
        "marker-mid",
        "marker-start",
        "mask",
        "opacity",
        "overflow",
        "paint-order",
        "pointer-events",
        "shape-rendering",
        "stop-color",
        "stop-opacity",
        "stroke",
        "stroke-dasharray",
        "stroke-dashoffset",
        "stroke-linecap",
        "stroke-linejoin",
        "stroke-miterlimit",
        "stroke-opacity",
        "stroke-width",
        "text-anchor",
        "text-decoration",
        "text-rendering",
        "transform-origin",
        "unicode-bidi",
        "vector-effect",
        "visibility",
        "word-spacing",
        "writing-mode",
    ]
)

_DROP_TAGS = {"script", "style", "metadata", "foreignObject"}
_URL_REF = re.compile(r"url\(\s*['\"]?#([^)'\"\s]+)['\"]?\s*\)")


def _local(tag) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


@functools.lru_cache(maxsize=4096)
def _parse_declarations(text: str) -> tuple[tuple[str, str, bool], ...]:
    out = []
    for decl in tinycss2.parse_declaration_list(text, skip_comments=True, skip_whitespace=True):
        if decl.type == "declaration":
            out.append((decl.lower_name, tinycss2.serialize(decl.value).strip(), decl.important))
    return tuple(out)


@functools.lru_cache(maxsize=64)
def _build_matcher(css_texts: tuple[str, ...]) -> cssselect2.Matcher:
    """Compile the SVG's stylesheet(s).  Cached: a library emits the same CSS
    for every chart of the same type/style, and compiling is the slow part."""
    matcher = cssselect2.Matcher()
    for css in css_texts:
        for rule in tinycss2.parse_stylesheet(css, skip_comments=True, skip_whitespace=True):
            if rule.type != "qualified-rule":
                continue  # @media, @font-face, @import ... ignored
            try:
                selectors = cssselect2.compile_selector_list(rule.prelude)
            except cssselect2.SelectorError:
                continue  # e.g. pygal's empty selector when no_prefix=True
            decls = _parse_declarations(tinycss2.serialize(rule.content))
            for sel in selectors:
                if sel.pseudo_element is None:
                    matcher.add_selector(sel, decls)
    return matcher


def css_to_presentation_attributes(root: ET.Element) -> None:
    """Resolve <style> rules and style="" attributes into presentation attributes.

    Cascade order implemented: presentation attribute < stylesheet rules
    (by specificity, then source order) < style attribute < !important rules.
    Inheritance needs no work: presentation attributes inherit like CSS.
    """
    css_texts = tuple(el.text or "" for el in root.iter() if _local(el.tag) == "style")
    matcher = _build_matcher(css_texts) if css_texts else None
    wrapper = cssselect2.ElementWrapper.from_xml_root(root)
    for node in wrapper.iter_subtree():
        el = node.etree_element
        normal: dict[str, str] = {}
        important: dict[str, str] = {}
        if matcher is not None:
            for _spec, _order, _pseudo, decls in matcher.match(node):
                for name, value, imp in decls:
                    (important if imp else normal)[name] = value
        style = el.attrib.pop("style", None)
        if style:
            for name, value, imp in _parse_declarations(style):
                (important if imp else normal)[name] = value
        normal.update(important)
        for name, value in normal.items():
            if name in PRESENTATION_ATTRS and value:
                el.set(name, value)


def _strip(root: ET.Element) -> None:
    """Remove scripts, styles, metadata, comments, event handlers, external refs."""
    for parent in list(root.iter()):
        for child in list(parent):
            if not isinstance(child.tag, str) or _local(child.tag) in _DROP_TAGS:
                parent.remove(child)  # comments / processing instructions too
    for el in root.iter():
        for attr in list(el.attrib):
            name = _local(attr)
            if name.startswith("on"):
                del el.attrib[attr]
            elif name == "href" and not el.attrib[attr].startswith("#"):
                del el.attrib[attr]  # no external resources
    # remove now-empty <defs>
    for parent in list(root.iter()):
        for child in list(parent):
            if _local(child.tag) == "defs" and len(child) == 0:
                parent.remove(child)


def _prefix_ids(root: ET.Element, prefix: str) -> None:
    """Make ids unique per chart and drop ids nothing refers to."""
    referenced = set()
    for el in root.iter():
        for attr, value in el.attrib.items():
            referenced.update(_URL_REF.findall(value))
            if _local(attr) == "href" and value.startswith("#"):
                referenced.add(value[1:])
    for el in root.iter():
        old = el.attrib.get("id")
        if old is None:
            continue
        if old in referenced:
            el.set("id", f"{prefix}-{old}")
        else:
            del el.attrib["id"]
    for el in root.iter():
        for attr, value in list(el.attrib.items()):
            if "url(" in value:
                el.set(attr, _URL_REF.sub(lambda m: f"url(#{prefix}-{m.group(1)})", value))
            elif _local(attr) == "href" and value.startswith("#"):
                el.set(attr, f"#{prefix}-{value[1:]}")


def _svg(tag: str) -> str:
    return f"{{{SVG_NS}}}{tag}"


def make_csp_safe(
    svg: str | bytes,
    *,
    chart_id: str,
    title: str,
    desc: str = "",
    width: str | None = None,
    height: str | None = None,
    drop_classes: bool = False,
    css_class: str | None = "chart",
    drop_inner_desc: bool = True,
) -> str:
    """Return an <svg> string safe for inline use under style-src/script-src 'self'.

    chart_id  unique per page; used for id prefixing and aria-labelledby.
    title     short accessible name (becomes <title>).
    desc      longer description, e.g. "Zie de tabel hieronder voor de cijfers."
    drop_inner_desc  remove library <desc> elements (pygal tooltip data).
                Nested <title> elements are kept: browsers show them as native
                hover tooltips, no JS needed.
    width/height  override the root size.  width="100%" with height=None drops
              the height attribute so the viewBox aspect ratio is used
              (works in browsers and in WeasyPrint).
    """
    if isinstance(svg, str):
        svg = svg.encode("utf-8")
    # ElementTree ignores the DOCTYPE and never fetches external entities;
    # defusedxml is unnecessary because the input comes from our own renderer.
    root = ET.fromstring(svg)  # noqa: S314 - SVG of our own renderer, not user input
    if drop_inner_desc:
        # pygal writes ~4 <desc> per data point as data for its JS tooltips;
        # without JS they are dead weight (and slow down the CSS matching).
        for parent in list(root.iter()):
            for child in list(parent):
                if _local(child.tag) == "desc":
                    parent.remove(child)

    css_to_presentation_attributes(root)  # must run before <style> is dropped
    _strip(root)
    _prefix_ids(root, chart_id)

    # root attributes
    for attr in ("id", "class", "version"):
        root.attrib.pop(attr, None)
    if drop_classes:
        for el in root.iter():
            el.attrib.pop("class", None)
    if css_class:
        root.set("class", css_class)  # for sizing from the page's own CSS file
    if "viewBox" not in root.attrib and root.get("width") and root.get("height"):
        w, h = (re.sub(r"[a-z%]+$", "", root.get(a)) for a in ("width", "height"))
        root.set("viewBox", f"0 0 {w} {h}")
    if width is not None:
        root.set("width", width)
        if height is None:
            root.attrib.pop("height", None)  # aspect ratio comes from viewBox
    if height is not None:
        root.set("height", height)

    # accessibility: role=img, <title>/<desc> first, aria-labelledby
    for el in list(root):
        if _local(el.tag) in ("title", "desc"):
            root.remove(el)
    title_el = ET.Element(_svg("title"), id=f"{chart_id}-title")
    title_el.text = title
    labelled = [title_el.get("id")]
    children = [title_el]
    if desc:
        desc_el = ET.Element(_svg("desc"), id=f"{chart_id}-desc")
        desc_el.text = desc
        children.append(desc_el)
        labelled.append(desc_el.get("id"))
    for i, child in enumerate(children):
        root.insert(i, child)
    root.set("role", "img")
    root.set("aria-labelledby", " ".join(labelled))
    # inner aria from the library (Vega adds role/aria-label on groups) is
    # redundant: role=img makes children presentational.  Keep tree small:
    for el in root.iter():
        if el is root:
            continue
        for attr in ("role", "aria-roledescription", "aria-label", "aria-hidden"):
            el.attrib.pop(attr, None)
    root.set("focusable", "false")

    # Another library may have registered the default prefix for its own namespace since
    # import (the map is global): without this the SVG came out as <ns0:svg>, which an HTML
    # page does not draw.
    ET.register_namespace("", SVG_NS)
    ET.register_namespace("xlink", XLINK_NS)
    return ET.tostring(root, encoding="unicode")


def audit(svg: str) -> dict:
    """Count the things a strict CSP (or a PDF renderer) cares about."""
    return {
        "bytes": len(svg.encode()),
        "script_el": len(re.findall(r"<script\b", svg)),
        "style_el": len(re.findall(r"<style\b", svg)),
        "style_attr": len(re.findall(r"\sstyle=\"", svg)),
        "on_attr": len(re.findall(r"\son[a-z]+=\"", svg)),
        "foreignObject": svg.count("<foreignObject"),
        "image_el": len(re.findall(r"<image\b", svg)),
        "external_href": len(re.findall(r"href=\"(?!#)", svg)),
        "xml_stylesheet_pi": svg.count("<?xml-stylesheet"),
        "comments": svg.count("<!--"),
    }

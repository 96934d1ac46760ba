"""Django's own widget templates and our components/field.html, written out in Python: the
same HTML, byte for byte, at a fraction of the cost.

A form renders every widget through the template engine (`input.html` includes
`attrs.html`, a radio button goes through four templates), about 0.1 ms a widget, and
every field through components/field.html, another 0.3 ms. A page with a hundred fields
(toets step 1) spent most of its time there. `FormRenderer` asks `render` first: it
answers for the widget templates below as long as they are Django's own (a project or app
that overrides one of them gets the template engine again), and for `{{ field.as_field_group }}`
as long as components/field.html is the one `field` was written from (`FIELD_TEMPLATE_SHA256`:
after an edit of the template the engine renders it again until `field` follows, and
tests/sociaaldomein/test_formhtml.py says so). That test compares both ways of rendering for
every widget type, value and attribute kind, and every field of the toets forms.
"""

from __future__ import annotations

import hashlib
import html
from pathlib import Path

import django
from django.template.base import render_value_in_context
from django.template.defaultfilters import stringformat
from django.utils.safestring import SafeData, SafeString, mark_safe

WIDGETS = "django/forms/widgets/"
DJANGO_TEMPLATES = Path(django.__file__).parent / "forms" / "templates"


class _Context:
    """What `render_value_in_context` reads of a template context (the defaults)."""

    autoescape = True
    use_l10n = None
    use_tz = None


_CONTEXT = _Context()


def _var(value) -> str:
    """`{{ value }}` (a plain or safe string, the usual case, without the detours)."""
    kind = type(value)
    if kind is str:
        return html.escape(value)  # what django.utils.html.escape does to a str
    if kind is SafeString:
        return value
    return render_value_in_context(value, _CONTEXT)


def _as_s(value) -> str:
    """`{{ value|stringformat:'s' }}` (the filter keeps a safe string safe)."""
    if type(value) in (str, SafeString):
        return _var(value)
    text = stringformat(value, "s")
    if isinstance(value, SafeData):
        text = mark_safe(text)  # noqa: S308 - the value was safe already
    return _var(text)


def _attrs(attrs: dict) -> str:
    """attrs.html"""
    parts = []
    for name, value in attrs.items():
        if value is not False:
            parts.append(f" {_var(name)}" if value is True else f' {_var(name)}="{_as_s(value)}"')
    return "".join(parts)


def _input(widget: dict) -> str:
    """input.html"""
    value = widget["value"]
    waarde = f' value="{_as_s(value)}"' if value != None else ""  # noqa: E711 - as the template
    return (
        f'<input type="{_var(widget["type"])}" name="{_var(widget["name"])}"{waarde}'
        f"{_attrs(widget['attrs'])}>\n"
    )


def _input_option(option: dict) -> str:
    """input_option.html"""
    if not option["wrap_label"]:
        return _input(option) + "\n"
    id_ = option["attrs"].get("id")
    voor = f' for="{_var(id_)}"' if id_ else ""
    return f"<label{voor}>{_input(option)} {_var(option['label'])}</label>\n"


def _select_option(option: dict) -> str:
    """select_option.html"""
    return (
        f'<option value="{_as_s(option["value"])}"{_attrs(option["attrs"])}>'
        f"{_var(option['label'])}</option>\n"
    )


def select_options(choices, chosen: str) -> SafeString:
    """The <option>s of a select over flat (value, label) choices, the one whose value is
    `chosen` selected, as select_option.html writes them (without the newlines): for a
    select written out in a template, such as the inbox's filters, where hundreds of
    options through the widget templates cost milliseconds."""
    # safe: every value and label goes through _as_s / _var, as in the widget templates
    return SafeString(
        "".join(
            f'<option value="{_as_s(value)}"{" selected" if str(value) == chosen else ""}>'
            f"{_var(label)}</option>"
            for value, label in choices
        )
    )


def _textarea(widget: dict) -> str:
    """textarea.html"""
    inhoud = _var(widget["value"]) if widget["value"] else ""
    naam = _var(widget["name"])
    return f'<textarea name="{naam}"{_attrs(widget["attrs"])}>\n{inhoud}</textarea>\n'


def _select(widget: dict) -> str | None:
    """select.html"""
    parts = [f'<select name="{_var(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _ in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_var(group_name)}">')
        for option in options:
            if option["template_name"] != f"{WIDGETS}select_option.html":
                return None
            parts.append("\n  " + _select_option(option))
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>\n")
    return "".join(parts)


def _multiple_input(widget: dict) -> str | None:
    """multiple_input.html, included by radio.html and checkbox_select.html"""
    attrs = widget["attrs"]
    id_ = attrs.get("id")
    parts = ["<div"]
    if id_:
        parts.append(f' id="{_var(id_)}"')
    if attrs.get("class"):
        parts.append(f' class="{_var(attrs["class"])}"')
    parts.append(">")
    for group, options, _ in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{_var(group)}</label>")
        for option in options:
            if option["template_name"] not in OPTION_TEMPLATES:
                return None
            parts.append(f"<div>\n    {_input_option(option)}\n</div>")
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>\n")
    return "".join(parts)


INPUTS = [
    "checkbox",
    "color",
    "date",
    "datetime",
    "email",
    "hidden",
    "number",
    "password",
    "search",
    "tel",
    "text",
    "time",
    "url",
]
OPTION_TEMPLATES = {f"{WIDGETS}radio_option.html", f"{WIDGETS}checkbox_option.html"}
RENDERERS = {
    **{f"{WIDGETS}{naam}.html": lambda w: _input(w) + "\n" for naam in INPUTS},
    f"{WIDGETS}textarea.html": _textarea,
    f"{WIDGETS}select.html": _select,
    f"{WIDGETS}radio.html": lambda w: _with_newline(_multiple_input(w)),
    f"{WIDGETS}checkbox_select.html": lambda w: _with_newline(_multiple_input(w)),
}
# every template the functions above stand in for
USED = {
    *RENDERERS,
    *OPTION_TEMPLATES,
    f"{WIDGETS}input.html",
    f"{WIDGETS}attrs.html",
    f"{WIDGETS}input_option.html",
    f"{WIDGETS}multiple_input.html",
    f"{WIDGETS}select_option.html",
}


def _with_newline(html: str | None) -> str | None:
    return None if html is None else html + "\n"


def is_djangos_own(origin_name: str) -> bool:
    return Path(origin_name).is_relative_to(DJANGO_TEMPLATES)


def render(template_name: str, context: dict) -> str | None:
    """The widget's HTML, or None when this template is not one written out here."""
    renderer = RENDERERS.get(template_name)
    widget = context.get("widget")
    if renderer is None or not isinstance(widget, dict):
        return None
    html = renderer(widget)
    return None if html is None else html.strip()  # as BaseRenderer.render


# --- components/field.html ---------------------------------------------------------------

FIELD_TEMPLATE = "components/field.html"
# the template `field` below writes out; a different one is rendered by the engine
FIELD_TEMPLATE_SHA256 = "5308682b337947a361341584dc326f72f6cd0eeac51cd99388410a80808871af"


def is_field_template(source: str) -> bool:
    return hashlib.sha256(source.encode()).hexdigest() == FIELD_TEMPLATE_SHA256


def _markering(field, niet_verplicht: bool) -> str:
    verplicht_label = getattr(field.field, "verplicht_label", None)
    if verplicht_label:
        return f' <span class="verplicht">({_var(verplicht_label)})</span>'
    if niet_verplicht:
        return ' <span class="optioneel">(niet verplicht)</span>'
    return ""


def field(field) -> str:
    """components/field.html for a bound field (as the `{% include %}` gives it)."""
    widget_type = field.widget_type
    errors = field.errors
    auto_id = _var(field.auto_id)
    parts = [
        f'\n<div class="utrecht-form-field utrecht-form-field--{_var(widget_type)}',
        " utrecht-form-field--invalid" if errors else "",
        f'" id="{auto_id}-veld">\n',
    ]
    fieldset = field.use_fieldset
    if fieldset:
        aria = field.aria_describedby
        parts += [
            '\n  <fieldset class="utrecht-form-fieldset"',
            f' aria-describedby="{_var(aria)}"' if aria else "",
            '>\n    <legend class="utrecht-form-fieldset__legend utrecht-form-label">',
            _var(field.label),
            _markering(field, not field.field.required),
            "</legend>\n",
        ]
    else:
        checkbox = widget_type == "checkbox"
        parts += [
            '\n  <div class="utrecht-form-field__label">\n    <label class="utrecht-form-label',
            " utrecht-form-label--checkbox" if checkbox else "",
            f'" for="{_var(field.id_for_label)}">',
            _var(field.label),
            _markering(field, not field.field.required and not checkbox),
            "</label>\n  </div>\n",
        ]
    parts.append("\n  ")
    help_text = field.help_text
    if help_text:
        parts.append(
            f'<div class="utrecht-form-field-description" id="{auto_id}_helptext">'
            f"{_var(help_text)}</div>"
        )
    parts.append("\n  ")
    if errors:
        parts.append(
            f'\n    <div class="utrecht-form-field-error-message" id="{auto_id}_error">\n      '
        )
        parts += [f"<p>{_var(error)}</p>" for error in errors]
        parts.append("\n    </div>\n  ")
    parts.append(f'\n  <div class="utrecht-form-field__input">{_var(field)}</div>\n')
    if fieldset:
        parts.append("</fieldset>")
    parts.append("\n</div>\n")
    return "".join(parts)

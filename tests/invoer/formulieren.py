"""Every form of the product, for the malicious-input sweep (tests/invoer/test_sweep.py).

Forms are derived from the access matrix (tests/toegang/matrix.py): every URL whose POST
writes for a professional or team lead and has a valid body (`post_data`) is a form, and
every field of that body is attacked. `TOONT` says which pages show the data afterwards,
by URL namespace. Add an entry to `EXTRA` only for a form the matrix cannot describe.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from html.parser import HTMLParser

from django.urls import reverse

from tests.toegang.matrix import MATRIX

# Fields that are plumbing, not input: attacking them tests Django, not the product.
PLUMBING = {"versie", "vorige", "csrfmiddlewaretoken"}


@dataclass
class Formulier:
    url: Callable[[object], str]
    geldig: Callable[[object], dict]
    rol: str = "professional"
    toont: Callable[[object], list[str]] = field(default=lambda w: [])
    velden: list[str] | None = None  # None: every field of the valid body

    def fields(self, wereld) -> list[str]:
        if self.velden is not None:
            return self.velden
        return [name for name in self.geldig(wereld) if name not in PLUMBING]


def _huishouden(w) -> list[str]:
    return [reverse("huishoudens:detail", args=[w.huishouden.pk])]


def _plan(w) -> list[str]:
    return [reverse("casussen:plan", kwargs={"huishouden_pk": w.huishouden.pk}), *_huishouden(w)]


def _toetsen(w) -> list[str]:
    return [reverse("toetsing:lijst", args=[w.huishouden.pk]), *_plan(w)]


def _maatwerk(w) -> list[str]:
    return [
        reverse("maatwerk:verzoek", args=[w.verzoek.pk]),
        reverse("maatwerk:verzoek", args=[w.verzoek_vraag.pk]),
        reverse("maatwerk:register"),
        reverse("maatwerk:inbox"),
    ]


TOONT: dict[str, Callable[[object], list[str]]] = {
    "huishoudens": _huishouden,
    "casussen": _plan,
    "toetsing": _toetsen,
    "maatwerk": _maatwerk,
    "inwoner": _plan,
}


def _from_matrix() -> dict[str, Formulier]:
    formulieren = {}
    for name, regel in MATRIX.items():
        if regel.post is None or regel.public:
            continue
        rol = next(
            (
                r
                for r in ("professional", "teamleider")
                if r in regel.writes and regel.post.get(r, set()) & {200, 302}
            ),
            None,
        )
        if rol is None:
            continue

        def url(w, name=name, regel=regel):
            return reverse(name, kwargs=regel.kwargs(w))

        formulieren[name] = Formulier(
            url=url,
            geldig=regel.post_data,
            rol=rol,
            toont=TOONT.get(name.split(":")[0], lambda w: []),
        )
    return formulieren


EXTRA: dict[str, Formulier] = {}


# --- the omgekeerde toets (issue 5) -------------------------------------------------------------


def _toets_url(naam: str, toets: str):
    from django.urls import reverse

    return lambda w: reverse(f"toetsing:{naam}", args=[w.huishouden.pk, w.objects[toets].pk])


def _toets_paginas(toets: str):
    from django.urls import reverse

    def paginas(w):
        args = [w.huishouden.pk, w.objects[toets].pk]
        return [
            reverse("toetsing:toets", args=args),
            reverse("casussen:plan", args=[w.huishouden.pk]),
        ]

    return paginas


def _starten_url(w) -> str:
    from django.urls import reverse

    return reverse("toetsing:starten_actie", args=[w.huishouden.pk, w.actie.pk])


def _stap1(w) -> dict:
    from toetsing.models import Grondwaarde, Toets

    toets = Toets.objects.get(pk=w.toets_concept.pk)
    gw = Grondwaarde.objects.get(wet__code="wgs", naam="aandacht voor kinderen in het gezin")
    effect = toets.effecten.first()
    return {
        "versie": toets.versie,
        "actie": "opslaan",
        "behoefte": "Wij willen de post samen openen.",
        "analyse": "Overzicht ontbreekt.",
        "kosten_oplossing": "125,50",
        "kosten_alternatief": "2.400",
        "horizon_maanden": "12",
        "alternatief": "beschermingsbewind",
        "ethisch_verantwoord": "ja",
        "is_nodig": "ja",
        "conclusie_toelichting": "Nodig.",
        f"gw_{gw.pk}": "on",
        f"gw_{gw.pk}_toelichting": "De kinderen merken de rust.",
        f"effect_{effect.pk}_verwachting": "beter",
        f"effect_{effect.pk}_toelichting": "Minder stress.",
    }


def _stap1_velden(w=None) -> list[str]:
    return [
        "behoefte",
        "kosten_oplossing",
        "horizon_maanden",
        "alternatief",
        "ethisch_verantwoord",
        "conclusie_toelichting",
        "ethiek_precedent",
        "nieuw_lid",
    ]


def _stap2(w) -> dict:
    from toetsing.models import Toets

    toets = Toets.objects.get(pk=w.toets_stap2.pk)
    data = {
        "versie": toets.versie,
        "actie": "opslaan",
        "uitkomst": "maatwerk",
        "financiering": "wgs",
        "afwijking_regel": "de beleidsregel: geen kwijtschelding zonder traject",
        "bijzondere_omstandigheden": "Ziekte.",
        "evenredigheid_afwijking": "Klein bedrag.",
    }
    for keuze in toets.artikelen.all():
        data[f"artikel_{keuze.artikel_id}_motivering"] = "Realiseert de grondwaarden."
    return data


EXTRA.update(
    {
        "toetsing:starten_actie": Formulier(
            url=_starten_url,
            geldig=lambda w: {"vraag": "Budgetcoaching inzetten"},
            velden=["vraag"],
            toont=lambda w: [
                f"/huishoudens/{w.huishouden.pk}/plan/",
                f"/huishoudens/{w.huishouden.pk}/toetsen/",
            ],
        ),
        "toetsing:stap1": Formulier(
            url=_toets_url("stap1", "toets_concept"),
            geldig=_stap1,
            velden=_stap1_velden(),
            toont=_toets_paginas("toets_concept"),
        ),
        "toetsing:stap1_opslaan": Formulier(
            url=_toets_url("stap1_opslaan", "toets_concept"),
            geldig=_stap1,
            velden=["behoefte", "kosten_oplossing", "horizon_maanden", "versie"],
            toont=_toets_paginas("toets_concept"),
        ),
        "toetsing:stap2": Formulier(
            url=_toets_url("stap2", "toets_stap2"),
            geldig=_stap2,
            velden=[
                "uitkomst",
                "financiering",
                "afwijking_regel",
                "bijzondere_omstandigheden",
                "evenredigheid_afwijking",
                "toevoegen",
                "verwijderen",
            ],
            toont=_toets_paginas("toets_stap2"),
        ),
        "toetsing:stap2_opslaan": Formulier(
            url=_toets_url("stap2_opslaan", "toets_stap2"),
            geldig=_stap2,
            velden=["afwijking_regel", "evenredigheid_afwijking", "versie"],
            toont=_toets_paginas("toets_stap2"),
        ),
        "toetsing:corrigeren": Formulier(
            url=_toets_url("corrigeren", "toets_ingediend"),
            geldig=lambda w: {"reden": "De huurprijs klopte niet."},
            velden=["reden"],
            toont=_toets_paginas("toets_ingediend"),
        ),
    }
)


def _dossier(w) -> str:
    from django.urls import reverse

    return reverse("verantwoording:dossier", args=[w.huishouden.pk])


EXTRA.update(
    {
        # accountability (issue 7)
        "dossier_maken": Formulier(
            url=lambda w: _dossier(w) + "maken/",
            geldig=lambda w: w.post_dossier,
            velden=["doel", "toelichting"],
            rol="auditor",
            toont=lambda w: [_dossier(w)],
        ),
        "dossier_controleren": Formulier(
            url=lambda w: "/dossiers/controleren/",
            geldig=lambda w: w.post_controle,
            velden=["vingerafdruk"],
            rol="auditor",
        ),
        "doorbraak": Formulier(
            url=lambda w: "/uitzonderlijke-toegang/",
            geldig=lambda w: w.post_doorbraak,
            velden=["reden", "kenmerk"],
            rol="ander_team",
            toont=lambda w: [f"/huishoudens/{w.huishouden.pk}/"],
        ),
    }
)


# --- Mijn plan (issue 15): the member's own forms, shown on the member's pages -------------


def _gezien_tot(w) -> int:
    from casussen.services import laatste_inhoudswijziging

    return laatste_inhoudswijziging(w.plan)


EXTRA["inwoner:inbreng (lid)"] = Formulier(
    url=lambda w: reverse("inwoner:inbreng"),
    geldig=lambda w: {"soort": "actie", "tekst": "Mijn zus helpt met de post."},
    rol="inwoner",
    toont=lambda w: [reverse("inwoner:mijn_plan")],
)
EXTRA["inwoner:rechten (lid)"] = Formulier(
    url=lambda w: reverse("inwoner:rechten"),
    geldig=lambda w: {"soort": "correctie", "toelichting": "Mijn adres klopt niet."},
    rol="inwoner",
    toont=lambda w: [reverse("inwoner:rechten")],
)
EXTRA["inwoner:avg_antwoord (wissen)"] = Formulier(
    url=lambda w: reverse(
        "inwoner:avg_antwoord", kwargs={"pk": w.huishouden.pk, "verzoek_pk": w.avg_wissen.pk}
    ),
    geldig=lambda w: {
        "status": "afgewezen",
        "antwoord": "De gegevens vallen onder de bewaarplicht.",
        "grond": "bewaarplicht_jeugdwet",
    },
    toont=_plan,
)
EXTRA["inwoner:akkoord (lid)"] = Formulier(
    url=lambda w: reverse("inwoner:akkoord"),
    geldig=lambda w: {
        "keuze": "niet_akkoord",
        "zienswijze": "Te snel.",
        "gezien_tot": _gezien_tot(w),
    },
    rol="inwoner",
    toont=lambda w: [reverse("inwoner:mijn_plan")],
    velden=["keuze", "zienswijze"],
)


def _aanbieder(pk_naam: str, pad: str):
    def url(w) -> str:
        return f"/verwijzingen/{w.objects[pk_naam].pk}/{pad}/"

    return url


EXTRA.update(
    {
        # the provider's forms (issue 16)
        "verwijzingen:antwoord": Formulier(
            url=_aanbieder("verwijzing", "antwoord"),
            geldig=lambda w: {"antwoord": "afwijzen", "reden": "Geen plek"},
            rol="aanbieder",
            toont=lambda w: [f"/verwijzingen/{w.verwijzing.pk}/", *_plan(w)],
        ),
        "verwijzingen:stop": Formulier(
            url=_aanbieder("verwijzing_geaccepteerd", "stop"),
            geldig=lambda w: {
                "datum": w.verwijzing_geaccepteerd.aangemaakt_op.date().isoformat(),
                "resultaat": "anders",
                "toelichting": "Verhuisd naar een andere gemeente",
            },
            rol="aanbieder",
            toont=lambda w: [f"/verwijzingen/{w.verwijzing_geaccepteerd.pk}/", *_plan(w)],
        ),
        "verwijzingen:voortgang": Formulier(
            url=_aanbieder("verwijzing_geaccepteerd", "voortgang"),
            geldig=lambda w: {"tekst": "Eerste gesprek gevoerd."},
            rol="aanbieder",
            toont=lambda w: [f"/verwijzingen/{w.verwijzing_geaccepteerd.pk}/", *_plan(w)],
        ),
    }
)


FORMULIEREN: dict[str, Formulier] = {**_from_matrix(), **EXTRA}


# --- the fields of a form, read from the form as the product renders it ---------------------

# Inputs that are not data: buttons and the name of the action, and the CSRF token.
NIET_INVOER = {"actie", "csrfmiddlewaretoken"}


class _Velden(HTMLParser):
    def __init__(self):
        super().__init__()
        self.in_form = 0
        self.names: set[str] = set()
        self.maxlength: dict[str, int] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "form" and (attrs.get("method") or "").lower() == "post":
            self.in_form += 1
        elif self.in_form and tag in {"input", "select", "textarea"} and attrs.get("name"):
            soort = (attrs.get("type") or tag).lower()
            # buttons are not input; hidden fields are plumbing (a version, where to go
            # next); a file field takes no text
            if soort not in {"submit", "button", "reset", "image", "hidden", "file"}:
                self.names.add(attrs["name"])
                if (attrs.get("maxlength") or "").isdigit():
                    self.maxlength[attrs["name"]] = int(attrs["maxlength"])

    def handle_endtag(self, tag):
        if tag == "form" and self.in_form:
            self.in_form -= 1


def rendered_fields(client, url: str) -> tuple[set[str], dict[str, int]]:
    """The names of every input of the POST forms on the form's own page, and the maximum
    length of those that have one (both empty: the URL has no page of its own, its form
    lives on another page)."""
    response = client.get(url)
    if response.status_code != 200:
        return set(), {}
    parser = _Velden()
    parser.feed(response.content.decode(errors="replace"))
    return parser.names - NIET_INVOER - PLUMBING, parser.maxlength

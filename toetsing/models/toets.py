"""The omgekeerde toets for one decision question in a household's plan.

Seed 000: "Hierbij kijkt u allereerst naar dat wat nodig is. En of dat past binnen de
grondwaarden van de diverse wetten [...] Pas als dit helder is, komt de juridische toets."
Step 1 holds questions 1–4 of the instrument (Stimulansz 2017, see DOMAIN.md): the need,
the intended effect, the effects in full breadth and the costs, the core values served,
the ethical weighing, and a conclusion. Step 2 (question 5) cites the articles that make
the solution possible and records the outcome: within the rules, or maatwerk.

Invariants that matter live in PostgreSQL (migration 0004): exactly one decision question
(a goal or an action) of the toets's own household, the step order (step 2 and submission
only after a positive step 1), and immutability: a submitted or ended toets and its parts
can never be changed or deleted; a correction is a new toets that replaces it.
"""

from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal
from typing import TYPE_CHECKING

from django.db import models
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone

from casussen.models import Financiering
from sociaaldomein.models import user_ref

if TYPE_CHECKING:
    from toetsing.models.delen import Effect, ToetsArtikel, ToetsGrondwaarde

MAX_TEKST = 4000
MAX_TOELICHTING = 1000
MAX_BEDRAG = Decimal("9999999.99")
MAX_HORIZON = 120  # months: ten years is the longest horizon a return is estimated over

BEWERKBAAR = ("concept", "stap2")
AFGESLOTEN = ("beeindigd", "ingediend", "vervangen")


def leeg(text: str | None) -> bool:
    return not (text or "").strip()


class ToetsQuerySet(models.QuerySet):
    def bewerkbaar(self) -> ToetsQuerySet:
        return self.filter(status__in=BEWERKBAAR)

    def voor_weergave(self) -> ToetsQuerySet:
        """What the toets pages show of the toets row itself, in one query. Not the
        household: the pages have it already (`toetsing.selectors.toets_in`), and joining
        it among the optional relations made PostgreSQL spend some 14 ms planning the
        query. Not the toets it corrects nor its correction either: two more toetsen of
        sixty columns each made Django spend 10 ms compiling and reading the query on
        every toets page, for two links that only the result page shows (it reads them
        when it shows them: one query, two for a correction)."""
        return self.select_related(
            "doel__plan",
            "actie__doel__plan",
            "actie__lid",
            "aangemaakt_door",
            "gewijzigd_door",
            "ingediend_door",
            "beeindigd_door",
            "maatwerkverzoek",
        )


class Toets(models.Model):
    class Status(models.TextChoices):
        CONCEPT = "concept", "Concept: stap 1"
        STAP2 = "stap2", "Stap 2 open"
        BEEINDIGD = "beeindigd", "Beëindigd na stap 1"
        INGEDIEND = "ingediend", "Ingediend"
        VERVANGEN = "vervangen", "Vervangen door een correctie"

    class Uitkomst(models.TextChoices):
        BINNEN_REGELS = "binnen_regels", "Past binnen de bestaande regels"
        MAATWERK = "maatwerk", "Maatwerk: afwijken van een regel of beleid"

    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.PROTECT,
        related_name="toetsen",
        verbose_name="huishouden",
    )
    # The decision question belongs to exactly one goal or one action of the plan.
    doel = models.ForeignKey(
        "casussen.Doel",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toetsen",
        verbose_name="doel",
    )
    actie = models.ForeignKey(
        "casussen.Actie",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="toetsen",
        verbose_name="actie",
    )
    vraag = models.CharField(
        "beslisvraag",
        max_length=300,
        help_text="Wat wordt besloten? Bijvoorbeeld: een maand huur betalen om "
        "huisuitzetting te voorkomen.",
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.CONCEPT
    )
    vorige = models.OneToOneField(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="correctie",
        verbose_name="corrigeert toets",
    )
    reden_correctie = models.TextField(
        "reden van de correctie", max_length=MAX_TOELICHTING, blank=True
    )

    # --- step 1: wat is nodig? (questions 1–4) -----------------------------------------------
    behoefte = models.TextField(
        "wat is nodig, in de woorden van het huishouden",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Wat vraagt het huishouden zelf? Noteer hun eigen woorden.",
    )
    analyse = models.TextField(
        "analyse van de professional",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Wat ziet u: oorzaak, samenhang tussen leefdomeinen, eigen kracht en netwerk.",
    )
    effect_kort = models.TextField(
        "beoogd effect op korte termijn",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Wat verandert er de komende weken voor het huishouden?",
    )
    effect_lang = models.TextField(
        "beoogd effect op lange termijn",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Waar staat het huishouden over een jaar of langer?",
    )
    effect_omgeving = models.TextField(
        "effect op de omgeving",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Netwerk, buren, school, verhuurder, werkgever: wie merkt er iets van?",
    )
    kosten_oplossing = models.DecimalField(
        "kosten van deze oplossing (euro)", max_digits=9, decimal_places=2, null=True, blank=True
    )
    alternatief = models.CharField(
        "het gebruikelijke alternatief",
        max_length=300,
        blank=True,
        help_text="Wat gebeurt er anders? Bijvoorbeeld: huisuitzetting en opvang, "
        "uithuisplaatsing van de kinderen.",
    )
    kosten_alternatief = models.DecimalField(
        "geschatte kosten van het alternatief (euro)",
        max_digits=9,
        decimal_places=2,
        null=True,
        blank=True,
    )
    horizon_maanden = models.PositiveSmallIntegerField(
        "over hoeveel maanden",
        null=True,
        blank=True,
        help_text="De periode waarover u de kosten vergelijkt, bijvoorbeeld 12 of 24 maanden.",
    )
    ethisch_verantwoord = models.BooleanField("ethisch verantwoord", null=True, blank=True)
    ethiek_gelijkheid = models.TextField(
        "gelijke behandeling",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Zou een vergelijkbaar huishouden hetzelfde krijgen?",
    )
    ethiek_autonomie = models.TextField(
        "autonomie van het huishouden",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Houdt het huishouden de regie? Wil het dit zelf?",
    )
    ethiek_evenredigheid = models.TextField(
        "evenredigheid",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Staan middel en doel in verhouding?",
    )
    ethiek_precedent = models.TextField(
        "precedent",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Welk precedent schept dit, en is dat wenselijk?",
    )
    is_nodig = models.BooleanField("is dit wat nodig is", null=True, blank=True)
    past_bij_grondwaarden = models.BooleanField(
        "past het bij de grondwaarden", null=True, blank=True
    )
    conclusie_toelichting = models.TextField(
        "toelichting op de conclusie", max_length=MAX_TOELICHTING, blank=True
    )
    reden_beeindiging = models.TextField(
        "reden om de toets te beëindigen",
        max_length=MAX_TOELICHTING,
        blank=True,
        help_text="Alleen bij een negatieve conclusie: waarom niet, en wat gebeurt er nu?",
    )

    # --- step 2: juridische toets (question 5) -----------------------------------------------
    uitkomst = models.CharField("uitkomst", max_length=14, choices=Uitkomst.choices, blank=True)
    financiering = models.CharField(
        "wet of financiering",
        max_length=16,
        choices=Financiering.choices,
        blank=True,
        help_text="Uit welk budget wordt het betaald?",
    )
    afwijking_regel = models.CharField(
        "van welke regel of welk beleid wordt afgeweken",
        max_length=300,
        blank=True,
        help_text="Noem de regel precies, bijvoorbeeld: beleidsregel bijzondere bijstand, "
        "geen vergoeding van huurschulden.",
    )
    bijzondere_omstandigheden = models.TextField(
        "bijzondere omstandigheden", max_length=MAX_TOELICHTING, blank=True
    )
    evenredigheid_afwijking = models.TextField(
        "waarom de afwijking evenredig is", max_length=MAX_TOELICHTING, blank=True
    )
    # Maatwerk as a last resort, and the precedent register (issue 6).
    voorliggend_overwogen = models.TextField(
        "welke algemene en voorliggende voorzieningen zijn eerst overwogen",
        max_length=MAX_TOELICHTING,
        blank=True,
        db_default="",
        help_text="Maatwerk is het laatste redmiddel: wat is er eerst overwogen, en waarom "
        "volstaat dat niet?",
    )
    samenvatting_deelbaar = models.TextField(
        "de situatie in algemene termen, voor het precedentenregister",
        max_length=MAX_TOELICHTING,
        blank=True,
        db_default="",
        help_text="Deze tekst is zichtbaar voor alle professionals van de gemeente. Noem "
        "geen namen, BSN, adres of andere herkenbare gegevens.",
    )
    precedent = models.ForeignKey(
        "toetsing.MaatwerkVerzoek",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        verbose_name="volgt dit precedent",
    )
    precedent_afwijking = models.TextField(
        "waarom deze casus anders is dan de vergelijkbare besluiten",
        max_length=MAX_TOELICHTING,
        blank=True,
        db_default="",
    )

    # --- the record ------------------------------------------------------------------------
    # [[heading, paragraph], ...]: Dutch prose built from the answers on submission.
    motivering = models.JSONField("motivering", default=list, blank=True)
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_door = user_ref("gestart door")
    aangemaakt_op = models.DateTimeField("gestart op", default=timezone.now)
    gewijzigd_door = user_ref("laatst gewijzigd door", optional=True)
    gewijzigd_op = models.DateTimeField("laatst gewijzigd op", default=timezone.now)
    stap2_op = models.DateTimeField("stap 2 geopend op", null=True, blank=True)
    ingediend_door = user_ref("ingediend door", optional=True)
    ingediend_op = models.DateTimeField("ingediend op", null=True, blank=True)
    beeindigd_door = user_ref("beëindigd door", optional=True)
    beeindigd_op = models.DateTimeField("beëindigd op", null=True, blank=True)
    vervangen_op = models.DateTimeField("vervangen op", null=True, blank=True)

    objects = ToetsQuerySet.as_manager()

    class Meta:
        verbose_name = "omgekeerde toets"
        verbose_name_plural = "omgekeerde toetsen"
        ordering = ["-aangemaakt_op", "-id"]
        indexes = [
            models.Index(fields=["huishouden", "-aangemaakt_op"], name="toets_huishouden"),
            models.Index(
                fields=["aangemaakt_door", "-gewijzigd_op"],
                name="toets_in_bewerking",
                condition=Q(status__in=BEWERKBAAR),
            ),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(doel__isnull=False, actie__isnull=True)
                | Q(doel__isnull=True, actie__isnull=False),
                name="toets_doel_of_actie",
                violation_error_message="Een toets hoort bij één doel of één actie.",
            ),
            models.CheckConstraint(condition=~Q(vraag=""), name="toets_vraag"),
            models.CheckConstraint(
                condition=Q(status__in=[*BEWERKBAAR, *AFGESLOTEN]), name="toets_status_geldig"
            ),
            # Step order: step 2, and so submission, only after a positive step 1.
            models.CheckConstraint(
                condition=~Q(status__in=["stap2", "ingediend"])
                | Q(
                    # IS NOT NULL first: a NULL answer must fail the check, not pass it
                    is_nodig__isnull=False,
                    past_bij_grondwaarden__isnull=False,
                    ethisch_verantwoord__isnull=False,
                    is_nodig=True,
                    past_bij_grondwaarden=True,
                    ethisch_verantwoord=True,
                    stap2_op__isnull=False,
                ),
                name="toets_stap2_na_positieve_stap1",
            ),
            models.CheckConstraint(
                condition=~Q(status="beeindigd")
                | (~Q(reden_beeindiging="") & Q(beeindigd_op__isnull=False)),
                name="toets_beeindigd_met_reden",
            ),
            models.CheckConstraint(
                condition=~Q(status="ingediend")
                | (
                    ~Q(uitkomst="")
                    & Q(ingediend_op__isnull=False, ingediend_door__isnull=False)
                    & ~Q(motivering=[])
                ),
                name="toets_ingediend_compleet",
            ),
            models.CheckConstraint(
                condition=~Q(status="ingediend", uitkomst="maatwerk")
                | (
                    ~Q(afwijking_regel="")
                    & ~Q(bijzondere_omstandigheden="")
                    & ~Q(evenredigheid_afwijking="")
                    & ~Q(financiering="")
                ),
                name="toets_maatwerk_gemotiveerd",
            ),
            models.CheckConstraint(
                condition=~Q(status="vervangen") | Q(vervangen_op__isnull=False),
                name="toets_vervangen_met_datum",
            ),
            models.CheckConstraint(
                condition=(Q(kosten_oplossing__isnull=True) | Q(kosten_oplossing__gte=0))
                & (Q(kosten_alternatief__isnull=True) | Q(kosten_alternatief__gte=0)),
                name="toets_kosten_niet_negatief",
            ),
            models.CheckConstraint(
                condition=Q(horizon_maanden__isnull=True)
                | Q(horizon_maanden__gte=1, horizon_maanden__lte=MAX_HORIZON),
                name="toets_horizon",
            ),
            models.CheckConstraint(
                condition=Q(vorige__isnull=True) | ~Q(vorige=F("pk")), name="toets_vorige_ander"
            ),
        ]

    def __str__(self) -> str:
        return self.vraag

    def get_absolute_url(self) -> str:
        return reverse("toetsing:toets", args=[self.huishouden_id, self.pk])

    # --- state --------------------------------------------------------------------------------

    @property
    def is_bewerkbaar(self) -> bool:
        return self.status in BEWERKBAAR

    @property
    def is_afgesloten(self) -> bool:
        return self.status in AFGESLOTEN

    @property
    def stap2_open(self) -> bool:
        return self.status == self.Status.STAP2

    @property
    def is_maatwerk(self) -> bool:
        return self.uitkomst == self.Uitkomst.MAATWERK

    @property
    def conclusie_positief(self) -> bool:
        return bool(self.is_nodig and self.past_bij_grondwaarden and self.ethisch_verantwoord)

    @property
    def conclusie_gekozen(self) -> bool:
        return self.is_nodig is not None and self.past_bij_grondwaarden is not None

    @property
    def onderdeel(self):
        """The goal or action the decision question belongs to."""
        return self.actie if self.actie_id else self.doel

    @property
    def plan_doel(self):
        return self.actie.doel if self.actie_id else self.doel

    @property
    def onderdeel_label(self) -> str:
        return "actie" if self.actie_id else "doel"

    # --- money (DOMAIN.md: euros with cents, Decimal, never floats) -----------------------------

    @property
    def kosten_bekend(self) -> bool:
        return self.kosten_oplossing is not None and self.kosten_alternatief is not None

    @property
    def besparing(self) -> Decimal | None:
        """The estimated long-term return: the avoided cost minus the cost of this solution
        (seed 002: one month's rent is cheaper than an eviction). Negative when this
        solution costs more."""
        if not self.kosten_bekend:
            return None
        return self.kosten_alternatief - self.kosten_oplossing

    @property
    def rendement_factor(self) -> Decimal | None:
        """How many times its cost the solution avoids (one decimal), None without cost."""
        if not self.kosten_bekend or not self.kosten_oplossing:
            return None
        return (self.kosten_alternatief / self.kosten_oplossing).quantize(
            Decimal("0.1"), rounding=ROUND_HALF_UP
        )

    # --- completeness --------------------------------------------------------------------------

    def stap1_problemen(
        self, grondwaarden: list[ToetsGrondwaarde], effecten: list[Effect]
    ) -> dict[str, str]:
        """What is missing before step 1 can be concluded, by field ('' when complete).

        Keys are field names, 'grondwaarden' and 'effecten' for the sections, and
        'grondwaarde-<id>' / 'effect-<id>' for one row."""
        p: dict[str, str] = {}
        if self.is_nodig is None:
            p["is_nodig"] = "Geef aan of dit is wat nodig is."
        if self.past_bij_grondwaarden is None:
            p["past_bij_grondwaarden"] = "Geef aan of het past bij de grondwaarden."
        if leeg(self.conclusie_toelichting):
            p["conclusie_toelichting"] = "Licht de conclusie kort toe."
        if leeg(self.behoefte):
            p["behoefte"] = "Schrijf op wat nodig is, in de woorden van het huishouden."
        if self.conclusie_gekozen and not (self.is_nodig and self.past_bij_grondwaarden):
            # A negative conclusion ends the toets: only its reason is needed.
            if leeg(self.reden_beeindiging):
                p["reden_beeindiging"] = (
                    "Bij een negatieve conclusie stopt de toets: geef de reden, en wat er nu "
                    "gebeurt."
                )
            return p
        verplicht = {
            "analyse": "Geef uw analyse.",
            "effect_kort": "Beschrijf het beoogde effect op korte termijn.",
            "effect_lang": "Beschrijf het beoogde effect op lange termijn.",
            "effect_omgeving": "Beschrijf het effect op de omgeving (of schrijf: geen).",
            "alternatief": "Beschrijf het gebruikelijke alternatief.",
            "ethiek_gelijkheid": "Licht toe of vergelijkbare huishoudens hetzelfde krijgen.",
            "ethiek_autonomie": "Licht toe hoe het huishouden de regie houdt.",
            "ethiek_evenredigheid": "Licht toe of middel en doel in verhouding staan.",
            "ethiek_precedent": "Licht toe welk precedent dit schept.",
        }
        for name, message in verplicht.items():
            if leeg(getattr(self, name)):
                p[name] = message
        if self.kosten_oplossing is None:
            p["kosten_oplossing"] = "Vul de kosten van deze oplossing in (0 als er geen zijn)."
        if self.kosten_alternatief is None:
            p["kosten_alternatief"] = "Schat de kosten van het gebruikelijke alternatief."
        if self.horizon_maanden is None:
            p["horizon_maanden"] = "Kies over hoeveel maanden u de kosten vergelijkt."
        if self.ethisch_verantwoord is None:
            p["ethisch_verantwoord"] = "Geef aan of de oplossing ethisch verantwoord is."
        elif not self.ethisch_verantwoord and self.is_nodig and self.past_bij_grondwaarden:
            p["ethisch_verantwoord"] = (
                "Een oplossing die niet ethisch verantwoord is, kan niet positief worden "
                "afgesloten. Pas de oplossing aan of sluit de toets negatief af."
            )
        if not grondwaarden:
            p["grondwaarden"] = "Kies minstens één grondwaarde die deze oplossing dient."
        for keuze in grondwaarden:
            if leeg(keuze.toelichting):
                p[f"grondwaarde-{keuze.grondwaarde_id}"] = (
                    f"Licht toe hoe de oplossing ‘{keuze.naam}’ dient."
                )
        if not effecten:
            p["effecten"] = "Beschrijf het effect voor minstens één lid of het huishouden."
        for effect in effecten:
            if not effect.verwachting:
                p[f"effect-{effect.pk}"] = "Kies beter, gelijk of slechter."
            elif effect.verwachting != "gelijk" and leeg(effect.toelichting):
                p[f"effect-{effect.pk}"] = "Licht kort toe wat er verandert."
        return p

    def stap2_problemen(
        self,
        artikelen: list[ToetsArtikel],
        *,
        gerelateerde_wetten: set[int],
        geldige_artikelen: set[int],
        verplichte_artikelen: set[int],
    ) -> dict[str, str]:
        """What is missing before the toets can be submitted."""
        p: dict[str, str] = {}
        gekozen = {keuze.artikel_id for keuze in artikelen}
        if len(gekozen - verplichte_artikelen) == 0:
            p["artikelen"] = (
                "Kies minstens één artikel dat de oplossing mogelijk maakt, naast evenredigheid "
                "en motivering."
            )
        if verplichte_artikelen - gekozen:
            p["artikelen"] = "Evenredigheid (Awb 3:4) en motivering (Awb 3:46) horen erbij."
        for keuze in artikelen:
            if keuze.artikel_id not in geldige_artikelen:
                p[f"artikel-{keuze.artikel_id}"] = (
                    f"{keuze.verwijzing_kort} is ingetrokken; kies een geldig artikel."
                )
            elif leeg(keuze.motivering):
                p[f"artikel-{keuze.artikel_id}"] = (
                    "Motiveer hoe dit artikel de grondwaarden uit stap 1 realiseert."
                )
            elif keuze.wet_id not in gerelateerde_wetten and leeg(keuze.reden_andere_wet):
                p[f"artikel-{keuze.artikel_id}-reden"] = (
                    f"De {keuze.wet_afkorting} hoort niet bij de grondwaarden uit stap 1: "
                    "geef een reden om dit artikel toch te gebruiken."
                )
        if not self.uitkomst:
            p["uitkomst"] = "Kies de uitkomst: binnen de regels of maatwerk."
        elif self.is_maatwerk:
            if leeg(self.afwijking_regel):
                p["afwijking_regel"] = "Noem de regel of het beleid waarvan wordt afgeweken."
            if leeg(self.bijzondere_omstandigheden):
                p["bijzondere_omstandigheden"] = "Beschrijf de bijzondere omstandigheden."
            if leeg(self.evenredigheid_afwijking):
                p["evenredigheid_afwijking"] = "Leg uit waarom de afwijking evenredig is."
            if not self.financiering:
                p["financiering"] = "Kies uit welke wet of welk budget het wordt betaald."
            if not any(keuze.afwijkingsgrond for keuze in artikelen):
                p.setdefault(
                    "artikelen",
                    "Maatwerk heeft een grondslag nodig om af te wijken, bijvoorbeeld Awb 4:84 "
                    "of Pw art. 35: kies zo'n artikel.",
                )
        return p

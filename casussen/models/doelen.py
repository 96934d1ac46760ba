"""Goals and their actions (principles 2 and 6 of seed 000), and the funding streams."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q

from casussen.models.basis import MAX_KOSTEN, MAX_TEKST, check_datum, leeg
from casussen.models.plan import Plan
from huishoudens.models import Leefdomein, Lid, age_on
from socialekaart.models import Dienst, Wet


class Doel(models.Model):
    """A result the household wants, for members or the household as a whole (principle 2)."""

    class Status(models.TextChoices):
        OPEN = "open", "Open"
        BEREIKT = "bereikt", "Bereikt"
        BIJGESTELD = "bijgesteld", "Bijgesteld"
        GESTOPT = "gestopt", "Gestopt"

    # A goal that was adjusted (bijgesteld) is still being worked on, in its new form.
    ACTIEF = (Status.OPEN, Status.BIJGESTELD)

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="doelen", verbose_name="plan"
    )
    omschrijving = models.CharField(
        "doel",
        max_length=300,
        help_text="Als resultaat dat het huishouden wil bereiken, in hun woorden: "
        "'Wij hebben weer overzicht over onze rekeningen.'",
    )
    leefdomeinen = models.ManyToManyField(
        Leefdomein, related_name="doelen", verbose_name="leefdomeinen"
    )
    leden = models.ManyToManyField(
        Lid, related_name="doelen", blank=True, verbose_name="voor wie (leden)"
    )
    heel_huishouden = models.BooleanField(
        "voor het hele huishouden",
        default=False,
        help_text="Kies dit als het doel het huishouden als geheel dient, niet één of meer leden.",
    )
    status = models.CharField("status", max_length=12, choices=Status.choices, default=Status.OPEN)
    evaluatie = models.TextField(
        "evaluatie",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Wat is bereikt, wat niet, en waarom? Verplicht als het doel niet meer open is.",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "doel"
        verbose_name_plural = "doelen"
        ordering = ["plan", "id"]
        indexes = [models.Index(fields=["plan", "status"], name="doel_plan_status")]
        constraints = [
            models.CheckConstraint(condition=~Q(omschrijving=""), name="doel_omschrijving"),
            models.CheckConstraint(
                condition=Q(status="open") | ~Q(evaluatie=""),
                name="doel_status_met_evaluatie",
                violation_error_message="Schrijf de evaluatie op als het doel niet meer open is.",
            ),
        ]

    def __str__(self) -> str:
        return self.omschrijving

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEF

    def clean(self) -> None:
        errors = {}
        if leeg(self.omschrijving):
            errors["omschrijving"] = "Beschrijf het doel als resultaat dat het huishouden wil."
        if self.status != self.Status.OPEN and leeg(self.evaluatie):
            errors["evaluatie"] = (
                "Schrijf kort op wat de evaluatie opleverde als het doel "
                f"{self.get_status_display().lower()} is."
            )
        if errors:
            raise ValidationError(errors)

    def validate_links(self, *, leefdomeinen, leden) -> None:
        """Principle 2: at least one life domain, and members of this household or the
        household as a whole. Called by the services before the links are written."""
        errors = {}
        if not list(leefdomeinen):
            errors["leefdomeinen"] = "Kies minstens één leefdomein waar dit doel over gaat."
        leden = list(leden)
        if self.heel_huishouden and leden:
            errors["leden"] = "Kies leden óf het hele huishouden, niet allebei."
        elif not self.heel_huishouden and not leden:
            errors["leden"] = (
                "Kies voor wie dit doel is: één of meer leden, of het hele huishouden."
            )
        elif any(lid.huishouden_id != self.plan.huishouden_id for lid in leden):
            errors["leden"] = "Kies alleen leden van dit huishouden."
        if errors:
            raise ValidationError(errors)


# Law or funding stream of an action: separate at the back, one plan at the front. The
# same list as the laws of the social map's services, so an action and a service match.
Financiering = Wet


# Ages for which a law is meant: [from, until). Outside them an action under that law
# needs an explicit reason. Jeugdwet art. 1.1: a 'jeugdige' is under 18, or under 23 when
# help continues (verlengde jeugdhulp). Wmo 2015 and the Participatiewet serve adults;
# for minors the Jeugdwet comes first.
WET_LEEFTIJD: dict[str, tuple[int | None, int | None]] = {
    Financiering.JEUGDWET: (None, 23),
    Financiering.WMO: (18, None),
    Financiering.PARTICIPATIEWET: (18, None),
}


class Actie(models.Model):
    """A support action under a goal (principle 6: as short as possible, as long as needed)."""

    class Uitvoerder(models.TextChoices):
        HUISHOUDEN = "huishouden", "Het huishouden zelf"
        NETWERK = "netwerk", "Het netwerk (familie, buren, vrienden)"
        VOORLIGGEND = "voorliggend", "Voorliggende voorziening (algemeen, in de wijk)"
        WIJKTEAM = "wijkteam", "Het wijkteam"
        AANBIEDER = "aanbieder", "Een aanbieder"

    class Status(models.TextChoices):
        GEPLAND = "gepland", "Gepland"
        LOPEND = "lopend", "Loopt"
        AFGEROND = "afgerond", "Afgerond"
        GESTOPT = "gestopt", "Gestopt"

    ACTIEF = (Status.GEPLAND, Status.LOPEND)
    NAAM_VERPLICHT = (Uitvoerder.VOORLIGGEND, Uitvoerder.AANBIEDER)
    # Who can be a service of the sociale kaart (not the household or its network).
    MET_DIENST = (Uitvoerder.VOORLIGGEND, Uitvoerder.AANBIEDER, Uitvoerder.WIJKTEAM)

    doel = models.ForeignKey(
        Doel, on_delete=models.PROTECT, related_name="acties", verbose_name="doel"
    )
    wat = models.CharField("wat", max_length=300)
    lid = models.ForeignKey(
        Lid,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name="voor wie",
        help_text="Leeg laten als de actie het hele doel dient.",
    )
    uitvoerder = models.CharField("wie doet het", max_length=12, choices=Uitvoerder.choices)
    uitvoerder_naam = models.CharField(
        "naam",
        max_length=200,
        blank=True,
        help_text="Wie precies: de buurvrouw, de voedselbank, de naam van de aanbieder. "
        "Bij een dienst van de sociale kaart mag dit leeg blijven.",
    )
    # Issue 16: the provider from the sociale kaart instead of free text. PROTECT: a
    # service a plan has used stays (the beheerder sets it inactive), so the plan's
    # history keeps naming who did the action; `uitvoerder_naam` keeps its name as text.
    dienst = models.ForeignKey(
        Dienst,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="acties",
        verbose_name="dienst van de sociale kaart",
        help_text="Kies de voorziening of aanbieder van de sociale kaart die dit doet. "
        "Leeg laten bij hulp van het huishouden zelf of het netwerk.",
    )
    wet = models.CharField("wet of financiering", max_length=16, choices=Financiering.choices)
    startdatum = models.DateField("start")
    einddatum = models.DateField("geplande einddatum")
    evaluatiedatum = models.DateField("evaluatie op")
    kosten = models.DecimalField(
        "verwachte kosten (euro)", max_digits=9, decimal_places=2, default=Decimal("0.00")
    )
    status = models.CharField(
        "status", max_length=10, choices=Status.choices, default=Status.GEPLAND
    )
    leeftijd_motivering = models.TextField(
        "motivering leeftijd",
        max_length=MAX_TEKST,
        blank=True,
        help_text="Alleen nodig als de wet niet bij de leeftijd past, bijvoorbeeld "
        "Jeugdwet voor iemand van 23 of ouder.",
    )
    versie = models.PositiveIntegerField(default=1, editable=False)
    aangemaakt_op = models.DateTimeField(auto_now_add=True)
    gewijzigd_op = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "actie"
        verbose_name_plural = "acties"
        ordering = ["doel", "startdatum", "id"]
        indexes = [
            models.Index(
                fields=["evaluatiedatum"],
                name="actie_evaluatie_actief",
                condition=Q(status__in=["gepland", "lopend"]),
            ),
            models.Index(
                fields=["einddatum"],
                name="actie_einde_actief",
                condition=Q(status__in=["gepland", "lopend"]),
            ),
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(wat=""), name="actie_wat"),
            models.CheckConstraint(
                condition=Q(einddatum__gte=F("startdatum")),
                name="actie_einde_na_start",
                violation_error_message="De einddatum ligt voor de startdatum.",
            ),
            models.CheckConstraint(
                condition=Q(evaluatiedatum__gte=F("startdatum"))
                & Q(evaluatiedatum__lte=F("einddatum")),
                name="actie_evaluatie_binnen_periode",
                violation_error_message="De evaluatiedatum ligt buiten de looptijd.",
            ),
            models.CheckConstraint(
                condition=Q(kosten__gte=0),
                name="actie_kosten_niet_negatief",
                violation_error_message="Kosten kunnen niet negatief zijn.",
            ),
            models.CheckConstraint(
                condition=~Q(uitvoerder__in=["voorliggend", "aanbieder"]) | ~Q(uitvoerder_naam=""),
                name="actie_aanbieder_met_naam",
            ),
        ]

    def __str__(self) -> str:
        return self.wat

    @property
    def is_actief(self) -> bool:
        return self.status in self.ACTIEF

    @property
    def wie_tekst(self) -> str:
        """Who does it, as the pages print it: the service and its organisation when one
        is chosen, else the free text."""
        wie = self.get_uitvoerder_display()
        naam = self.dienst_naam if self.dienst_id else self.uitvoerder_naam
        return f"{wie}: {naam}" if naam else wie

    @property
    def dienst_naam(self) -> str:
        """'Service (organisation)', or '' without a service."""
        if not self.dienst_id:
            return ""
        return f"{self.dienst.naam} ({self.dienst.organisatie.naam})"

    def evaluatie_te_laat(self, vandaag: datetime.date) -> bool:
        return self.is_actief and self.evaluatiedatum < vandaag

    def clean(self) -> None:
        errors: dict[str, str] = {}
        if leeg(self.wat):
            errors["wat"] = "Beschrijf wat er gebeurt."
        for field in ("startdatum", "einddatum", "evaluatiedatum"):
            check_datum(errors, field, getattr(self, field))
        if self.startdatum and self.einddatum and self.einddatum < self.startdatum:
            errors.setdefault("einddatum", "De einddatum ligt voor de startdatum.")
        datums = (self.startdatum, self.einddatum, self.evaluatiedatum)
        if all(datums) and not (self.startdatum <= self.evaluatiedatum <= self.einddatum):
            errors.setdefault(
                "evaluatiedatum",
                "Kies een evaluatiedatum binnen de looptijd, van "
                f"{self.startdatum:%d-%m-%Y} tot en met {self.einddatum:%d-%m-%Y}.",
            )
        if self.kosten is not None and self.kosten < 0:
            errors["kosten"] = "Kosten kunnen niet negatief zijn."
        elif self.kosten is not None and self.kosten > MAX_KOSTEN:
            errors["kosten"] = "Dat bedrag is te hoog; controleer de kosten."
        self._clean_dienst(errors)
        if self.uitvoerder in self.NAAM_VERPLICHT and leeg(self.uitvoerder_naam):
            errors["uitvoerder_naam"] = (
                "Vul de naam van de aanbieder in."
                if self.uitvoerder == self.Uitvoerder.AANBIEDER
                else "Vul de naam van de voorziening in, bijvoorbeeld de voedselbank."
            )
        if self.doel_id and self.lid_id:
            doel = self.doel
            if doel.heel_huishouden:
                if self.lid.huishouden_id != doel.plan.huishouden_id:
                    errors["lid"] = "Kies een lid van dit huishouden."
            elif not doel.leden.filter(pk=self.lid_id).exists():
                errors["lid"] = "Kies een lid voor wie het doel is, of laat het veld leeg."
        if not errors and leeg(self.leeftijd_motivering):
            probleem = self.leeftijd_probleem()
            if probleem:
                errors["leeftijd_motivering"] = probleem
        if errors:
            raise ValidationError(errors)

    def _clean_dienst(self, errors: dict[str, str]) -> None:
        """A service fits a provider, a voorliggende voorziening or the wijkteam, and must
        be active when it is chosen; it fills in the name when that is left empty."""
        if not self.dienst_id:
            return
        dienst = self.dienst
        gewijzigd = self._state.adding or self.dienst_id != self._dienst_id_bij_laden
        if gewijzigd and dienst.status != Dienst.Status.ACTIEF:
            errors["dienst"] = (
                "Deze dienst staat niet (meer) actief op de sociale kaart; kies een andere."
            )
        elif self.uitvoerder and self.uitvoerder not in self.MET_DIENST:
            errors["dienst"] = (
                "Het huishouden of het netwerk is geen dienst van de sociale kaart: laat de "
                "dienst leeg, of kies bij 'wie doet het' een voorziening of aanbieder."
            )
        elif leeg(self.uitvoerder_naam):
            self.uitvoerder_naam = self.dienst_naam[:200]

    @classmethod
    def from_db(cls, db, field_names, values, *, fetch_mode=None):
        actie = super().from_db(db, field_names, values, fetch_mode=fetch_mode)
        actie._dienst_id_bij_laden = actie.__dict__.get("dienst_id")
        return actie

    _dienst_id_bij_laden: int | None = None

    def betrokken_leden(self) -> list[Lid]:
        """The member this action is for, or else the members of its goal."""
        if self.lid_id:
            return [self.lid]
        doel = self.doel
        if doel.heel_huishouden:
            return list(doel.plan.huishouden.leden.filter(einddatum__isnull=True))
        return list(doel.leden.all())

    def leeftijd_probleem(self) -> str:
        """A Dutch explanation when the law does not fit the age of the member(s), else ''.

        Checked on the start date (lower bound) and the planned end date (upper bound):
        Jeugdwet help that runs past a 23rd birthday needs a reason too."""
        grenzen = WET_LEEFTIJD.get(self.wet)
        if not grenzen or not (self.startdatum and self.einddatum and self.doel_id):
            return ""
        van, tot = grenzen
        leden = self.betrokken_leden()
        if not leden:
            return ""
        passend = [
            lid
            for lid in leden
            if (van is None or age_on(lid.geboortedatum, self.startdatum) >= van)
            and (tot is None or age_on(lid.geboortedatum, self.einddatum) < tot)
        ]
        if passend:
            return ""
        namen = ", ".join(
            f"{lid.voornamen.split()[0]} ({age_on(lid.geboortedatum, self.startdatum)} jaar)"
            for lid in leden
        )
        wet = self.get_wet_display()
        if tot is not None:
            return (
                f"{wet} is bedoeld voor jeugdigen tot {tot} jaar; {namen} valt daarbuiten in "
                "de looptijd van deze actie. Geef een motivering of kies een andere wet."
            )
        return (
            f"{wet} is bedoeld voor volwassenen vanaf {van} jaar; {namen} is jonger. "
            "Geef een motivering of kies een andere wet."
        )

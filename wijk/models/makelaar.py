"""The sociale makelaar (seed 003: "match people: the man in the wheelchair who is good at
paperwork and needs help in his garden, the boy who can do odd jobs but whose finances are
a mess — connect them!").

A task of the wijkteam's professionals, not a role of its own: every caseworker of a
team acts as makelaar for the team's wijk. Offers (a member's talents and eigen kracht,
a volunteer, a neighbourhood initiative) and needs (from a household's plan) meet within
one wijk by life domain and kind of help. Nobody is put in touch before both sides have
consented: a match goes proposed → accepted (both consents recorded) → active → ended.
"""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from sociaaldomein.models import user_ref


class Hulpsoort(models.TextChoices):
    BOODSCHAPPEN = "boodschappen", "Boodschappen doen"
    KLUSSEN = "klussen", "Klussen in huis en tuin"
    ADMINISTRATIE = "administratie", "Hulp bij post en administratie"
    GEZELSCHAP = "gezelschap", "Gezelschap, samen iets ondernemen"
    VERVOER = "vervoer", "Vervoer"
    TAAL = "taal", "Taal en huiswerk"
    OPVOEDING = "opvoeding", "Oppassen en opvoeden"
    WERK = "werk", "Werkervaring, meelopen"
    OVERIG = "overig", "Anders"


class MatchKant(models.Model):
    """One side of a match, an offer or a need: what it is matched on (life domain and
    kind of help) and who recorded it when; the newest first."""

    leefdomein = models.ForeignKey(
        "huishoudens.Leefdomein",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="leefdomein",
    )
    hulpsoort = models.CharField("soort hulp", max_length=16, choices=Hulpsoort.choices)
    vastgelegd_door = user_ref("vastgelegd door")
    aangemaakt_op = models.DateTimeField(auto_now_add=True)

    class Meta:
        abstract = True
        ordering = ["-aangemaakt_op", "-id"]


class Aanbod(MatchKant):
    class Soort(models.TextChoices):
        TALENT = "talent", "Talent of eigen kracht van een inwoner"
        VRIJWILLIGER = "vrijwilliger", "Vrijwilliger"
        INITIATIEF = "initiatief", "Buurtinitiatief"

    team = models.ForeignKey(
        "sociaaldomein.Team", on_delete=models.PROTECT, related_name="+", verbose_name="team"
    )
    soort = models.CharField("soort", max_length=12, choices=Soort.choices)
    naam = models.CharField(
        "naam",
        max_length=120,
        help_text="Wie biedt het aan? Bij een inwoner alleen de voornaam.",
    )
    omschrijving = models.CharField("wat wordt aangeboden", max_length=300)
    actief = models.BooleanField("beschikbaar", default=True)

    class Meta(MatchKant.Meta):
        verbose_name = "aanbod"
        verbose_name_plural = "aanbod"

    def __str__(self) -> str:
        return f"{self.naam}: {self.omschrijving}"


class Behoefte(MatchKant):
    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="huishouden",
    )
    omschrijving = models.CharField(
        "wat is nodig", max_length=300, help_text="Bijvoorbeeld: iemand die boodschappen doet."
    )

    class Meta(MatchKant.Meta):
        verbose_name = "behoefte"
        verbose_name_plural = "behoeften"

    def __str__(self) -> str:
        return self.omschrijving


class Match(models.Model):
    class Status(models.TextChoices):
        VOORGESTELD = "voorgesteld", "Voorgesteld"
        GEACCEPTEERD = "geaccepteerd", "Geaccepteerd door beide kanten"
        ACTIEF = "actief", "Actief"
        BEEINDIGD = "beeindigd", "Beëindigd"

    OPEN = (Status.VOORGESTELD, Status.GEACCEPTEERD, Status.ACTIEF)

    aanbod = models.ForeignKey(
        Aanbod, on_delete=models.PROTECT, related_name="matches", verbose_name="aanbod"
    )
    behoefte = models.ForeignKey(
        Behoefte, on_delete=models.PROTECT, related_name="matches", verbose_name="behoefte"
    )
    status = models.CharField(
        "status", max_length=12, choices=Status.choices, default=Status.VOORGESTELD
    )
    toestemming_aanbieder_op = models.DateTimeField("toestemming aanbieder", null=True, blank=True)
    toestemming_huishouden_op = models.DateTimeField(
        "toestemming huishouden", null=True, blank=True
    )
    voorgesteld_door = user_ref("voorgesteld door")
    voorgesteld_op = models.DateTimeField("voorgesteld op", default=timezone.now)
    actief_op = models.DateTimeField("actief sinds", null=True, blank=True)
    beeindigd_op = models.DateTimeField("beëindigd op", null=True, blank=True)

    class Meta:
        verbose_name = "match"
        verbose_name_plural = "matches"
        ordering = ["-voorgesteld_op", "-id"]
        constraints = [
            # both sides consent before any contact
            models.CheckConstraint(
                condition=models.Q(status="voorgesteld")
                | models.Q(status="beeindigd")
                | (
                    models.Q(toestemming_aanbieder_op__isnull=False)
                    & models.Q(toestemming_huishouden_op__isnull=False)
                ),
                name="match_toestemming_beide_kanten",
            ),
            models.UniqueConstraint(
                fields=["aanbod", "behoefte"],
                condition=models.Q(status__in=["voorgesteld", "geaccepteerd", "actief"]),
                name="match_een_open_per_paar",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.aanbod} ↔ {self.behoefte}"

    @staticmethod
    def can_broker(user, team_id: int) -> bool:
        """The sociale makelaar: a caseworker (professional or lead) of the team."""
        return user.works_in(team_id)

    # --- the steps: proposed → accepted → active → ended ----------------------------------

    STAPPEN = {
        "toestemming_aanbieder": "De aanbieder stemt in",
        "toestemming_huishouden": "Het huishouden stemt in",
        "starten": "Contact gelegd: match actief",
        "beeindigen": "Match beëindigen",
    }

    def stappen(self) -> list[str]:
        """The steps open now."""
        if self.status == self.Status.VOORGESTELD:
            return [
                stap
                for stap, veld in [
                    ("toestemming_aanbieder", self.toestemming_aanbieder_op),
                    ("toestemming_huishouden", self.toestemming_huishouden_op),
                ]
                if veld is None
            ] + ["beeindigen"]
        if self.status == self.Status.GEACCEPTEERD:
            return ["starten", "beeindigen"]
        if self.status == self.Status.ACTIEF:
            return ["beeindigen"]
        return []

    def zet(self, stap: str) -> None:
        """Take a step (the service saves); a step that is not open: ValidationError."""
        if stap not in self.stappen():
            raise ValidationError("Deze stap kan nu niet.")
        nu = timezone.now()
        if stap == "toestemming_aanbieder":
            self.toestemming_aanbieder_op = nu
        elif stap == "toestemming_huishouden":
            self.toestemming_huishouden_op = nu
        elif stap == "starten":
            self.status, self.actief_op = self.Status.ACTIEF, nu
        else:
            self.status, self.beeindigd_op = self.Status.BEEINDIGD, nu
        if (
            self.status == self.Status.VOORGESTELD
            and self.toestemming_aanbieder_op
            and self.toestemming_huishouden_op
        ):
            self.status = self.Status.GEACCEPTEERD

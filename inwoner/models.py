"""The member's account, its invitation, their contributions to the plan and their AVG
requests. Rules about one row live here; writes that span rows in `inwoner.services`."""

from __future__ import annotations

import datetime
import secrets

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.crypto import salted_hmac

from casussen.models import MAX_TEKST, Plan
from huishoudens.models import Huishouden, Lid, months_ago
from sociaaldomein.models import user_ref

VOLWASSEN = 18
GELDIG_DAGEN = 14
# Unambiguous characters (no 0/O, 1/I/L): 12 of 31 give about 59 bits.
CODE_TEKENS = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"


def code_hash(code: str) -> str:
    """The stored form of an activation code: an HMAC keyed by SECRET_KEY, so a copy of
    the database alone does not allow trying codes offline."""
    normaal = "".join(ch for ch in code.upper() if ch.isalnum())
    return salted_hmac("inwoner.uitnodiging", normaal, algorithm="sha256").hexdigest()


def new_code() -> str:
    tekens = "".join(secrets.choice(CODE_TEKENS) for _ in range(12))
    return "-".join(tekens[i : i + 4] for i in range(0, 12, 4))


def invite_problem(lid: Lid, on: datetime.date | None = None) -> str:
    """Why this member cannot be invited (Dutch), or '' when they can."""
    if not lid.is_actief:
        return "Dit lid hoort niet meer bij het huishouden."
    if lid.leeftijd(on) < VOLWASSEN:
        return "Alleen volwassen leden (18 jaar of ouder) krijgen een eigen account."
    return ""


class Lidaccount(models.Model):
    """A user account of a household member: their Mijn plan."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        related_name="lidaccount",
        verbose_name="account",
    )
    lid = models.OneToOneField(
        Lid, on_delete=models.PROTECT, related_name="account", verbose_name="lid"
    )
    aangemaakt_op = models.DateTimeField("geactiveerd op", default=timezone.now)

    class Meta:
        verbose_name = "account van een lid"
        verbose_name_plural = "accounts van leden"

    def __str__(self) -> str:
        return f"{self.user} → {self.lid}"

    @property
    def is_geldig(self) -> bool:
        """A member who left the household no longer reaches its plan."""
        return self.user.is_active and self.lid.is_actief


class Uitnodiging(models.Model):
    """A one-time activation code for an adult member, printed in a letter.

    Only the code's HMAC is stored. A new invitation for the same member replaces the
    open one (at most one open invitation per member, a database constraint)."""

    lid = models.ForeignKey(
        Lid, on_delete=models.PROTECT, related_name="uitnodigingen", verbose_name="lid"
    )
    code_hash = models.CharField(max_length=64, unique=True, editable=False)
    aangemaakt_op = models.DateTimeField("aangemaakt op", default=timezone.now)
    aangemaakt_door = user_ref("aangemaakt door")
    geldig_tot = models.DateTimeField("geldig tot")
    gebruikt_op = models.DateTimeField("gebruikt op", null=True, blank=True)
    vervallen_op = models.DateTimeField("vervallen op", null=True, blank=True)

    class Meta:
        verbose_name = "uitnodiging"
        verbose_name_plural = "uitnodigingen"
        ordering = ["-aangemaakt_op", "-id"]
        constraints = [
            models.UniqueConstraint(
                fields=["lid"],
                condition=Q(gebruikt_op__isnull=True, vervallen_op__isnull=True),
                name="uitnodiging_een_open_per_lid",
            ),
            models.CheckConstraint(
                condition=Q(geldig_tot__gt=models.F("aangemaakt_op")),
                name="uitnodiging_geldig_na_aanmaken",
            ),
        ]

    def __str__(self) -> str:
        return f"Uitnodiging voor {self.lid} ({self.aangemaakt_op:%d-%m-%Y})"

    @staticmethod
    def can_invite(user, huishouden: Huishouden) -> bool:
        """The caseworkers who may change the household invite its adult members."""
        return huishouden.can_change(user)

    def is_bruikbaar(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.gebruikt_op is None and self.vervallen_op is None and now < self.geldig_tot


class Inbreng(models.Model):
    """A comment or a proposed action of a member on the plan; the professional accepts or
    declines it with a reason. Both show in the plan's history."""

    class Soort(models.TextChoices):
        OPMERKING = "opmerking", "Opmerking"
        ACTIE = "actie", "Voorstel voor een actie"

    class Status(models.TextChoices):
        OPEN = "open", "Wacht op reactie"
        AANVAARD = "aanvaard", "Overgenomen"
        AFGEWEZEN = "afgewezen", "Niet overgenomen"

    plan = models.ForeignKey(
        Plan, on_delete=models.PROTECT, related_name="inbreng", verbose_name="plan"
    )
    lid = models.ForeignKey(Lid, on_delete=models.PROTECT, related_name="+", verbose_name="lid")
    soort = models.CharField("soort", max_length=10, choices=Soort.choices)
    tekst = models.TextField("wat wilt u zeggen of voorstellen", max_length=MAX_TEKST)
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now)
    ingediend_door = user_ref("ingediend door")
    status = models.CharField("status", max_length=10, choices=Status.choices, default=Status.OPEN)
    reden = models.TextField("reden", max_length=MAX_TEKST, blank=True)
    besloten_op = models.DateTimeField("besloten op", null=True, blank=True)
    besloten_door = user_ref("besloten door", optional=True)

    class Meta:
        verbose_name = "inbreng van het huishouden"
        verbose_name_plural = "inbreng van het huishouden"
        ordering = ["-ingediend_op", "-id"]
        indexes = [models.Index(fields=["plan"], name="inbreng_open", condition=Q(status="open"))]
        constraints = [
            models.CheckConstraint(condition=~Q(tekst=""), name="inbreng_tekst"),
            models.CheckConstraint(
                condition=Q(status="open", besloten_op__isnull=True)
                | (~Q(status="open") & Q(besloten_op__isnull=False) & ~Q(reden="")),
                name="inbreng_besluit_met_reden",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()}: {self.tekst[:40]}"

    @staticmethod
    def can_decide(user, huishouden: Huishouden) -> bool:
        return huishouden.can_change(user)

    def clean(self) -> None:
        if not self.tekst.strip():
            raise ValidationError({"tekst": "Schrijf op wat u wilt zeggen of voorstellen."})
        if self.status != self.Status.OPEN and not self.reden.strip():
            raise ValidationError({"reden": "Geef een reden; het huishouden leest die."})


class Grond(models.TextChoices):
    """The legal outcome of an erasure or restriction request, as the casusregisseur
    records it with the answer (shown to the member and in the dossier)."""

    GEWIST = "gewist", "Gewist (AVG artikel 17 lid 1)"
    DEELS_GEWIST = (
        "deels_gewist",
        "Deels gewist; de rest valt onder een wettelijke bewaarplicht (AVG artikel 17 lid 3 sub b)",
    )
    BEWAARPLICHT_JEUGDWET = (
        "bewaarplicht_jeugdwet",
        "Niet gewist: wettelijke bewaarplicht (AVG artikel 17 lid 3 sub b); Jeugdwet artikel "
        "7.3.8: 20 jaar bewaren",
    )
    BEWAARPLICHT_ARCHIEFWET = (
        "bewaarplicht_archiefwet",
        "Niet gewist: wettelijke bewaarplicht (AVG artikel 17 lid 3 sub b); Archiefwet en "
        "Selectielijst gemeenten (Wmo 2015, Participatiewet)",
    )
    RECHTSVORDERING = (
        "rechtsvordering",
        "Niet gewist: nodig voor een rechtsvordering (AVG artikel 17 lid 3 sub e)",
    )
    GEEN_GROND_WISSEN = (
        "geen_grond_17",
        "Niet gewist: geen van de gronden van AVG artikel 17 lid 1 is van toepassing",
    )
    BEPERKT_BEWAREN = (
        "beperkt_bewaren",
        "Verwerking beperkt tot bewaren (AVG artikel 18 lid 2)",
    )
    BEPERKT_ONDERZOEK = (
        "beperkt_onderzoek",
        "Verwerking beperkt zolang de juistheid wordt onderzocht (AVG artikel 18 lid 1 sub a)",
    )
    GEEN_GROND_BEPERKEN = (
        "geen_grond_18",
        "Niet beperkt: geen van de gronden van AVG artikel 18 lid 1 is van toepassing",
    )
    # requests answered before the ground was recorded (the migration); never chosen
    NIET_VASTGELEGD = "niet_vastgelegd", "Grond niet vastgelegd (beantwoord vóór registratie)"


# Which ground fits which request and which decision (the form offers these; the database
# refuses any other combination).
_TOEGEWEZEN, _DEELS, _AFGEWEZEN = "toegewezen", "deels", "afgewezen"
GRONDEN: dict[str, tuple[str, set[str]]] = {
    Grond.GEWIST: ("wissen", {_TOEGEWEZEN}),
    Grond.DEELS_GEWIST: ("wissen", {_DEELS}),
    Grond.BEWAARPLICHT_JEUGDWET: ("wissen", {_AFGEWEZEN, _DEELS}),
    Grond.BEWAARPLICHT_ARCHIEFWET: ("wissen", {_AFGEWEZEN, _DEELS}),
    Grond.RECHTSVORDERING: ("wissen", {_AFGEWEZEN, _DEELS}),
    Grond.GEEN_GROND_WISSEN: ("wissen", {_AFGEWEZEN}),
    Grond.BEPERKT_BEWAREN: ("beperken", {_TOEGEWEZEN, _DEELS}),
    Grond.BEPERKT_ONDERZOEK: ("beperken", {_TOEGEWEZEN, _DEELS}),
    Grond.GEEN_GROND_BEPERKEN: ("beperken", {_AFGEWEZEN}),
}


def gronden_voor(soort: str, status: str = "") -> list[tuple[str, str]]:
    """The grounds for this kind of request (and decision, when given), as choices."""
    return [
        (grond.value, grond.label)
        for grond in Grond
        if grond in GRONDEN
        and GRONDEN[grond][0] == soort
        and (not status or status in GRONDEN[grond][1])
    ]


def _grond_past() -> Q:
    """The database's rule: erasure and restriction answered with a fitting ground;
    no ground while open or for a correction."""
    past = Q(grond="") & (Q(status="open") | Q(soort="correctie"))
    past |= Q(grond=Grond.NIET_VASTGELEGD) & ~Q(status="open") & ~Q(soort="correctie")
    for grond, (soort, statussen) in GRONDEN.items():
        past |= Q(grond=grond, soort=soort, status__in=sorted(statussen))
    return past


class AvgVerzoek(models.Model):
    """A request of a member under the AVG: correction (art. 16), erasure (art. 17) or
    restriction (art. 18). Answered with a reason within one month (art. 12(3)); an
    erasure or restriction also with its legal ground (`grond`); kept."""

    class Soort(models.TextChoices):
        CORRECTIE = "correctie", "Gegevens verbeteren (AVG artikel 16)"
        WISSEN = "wissen", "Gegevens wissen (AVG artikel 17)"
        BEPERKEN = "beperken", "Verwerking beperken (AVG artikel 18)"

    class Status(models.TextChoices):
        OPEN = "open", "In behandeling"
        TOEGEWEZEN = "toegewezen", "Toegewezen"
        DEELS = "deels", "Deels toegewezen"
        AFGEWEZEN = "afgewezen", "Afgewezen"

    huishouden = models.ForeignKey(
        Huishouden, on_delete=models.PROTECT, related_name="+", verbose_name="huishouden"
    )
    lid = models.ForeignKey(Lid, on_delete=models.PROTECT, related_name="+", verbose_name="lid")
    soort = models.CharField("wat vraagt u", max_length=10, choices=Soort.choices)
    toelichting = models.TextField(
        "welke gegevens, en wat moet er gebeuren",
        max_length=MAX_TEKST,
        help_text="Noem de gegevens en wat er volgens u niet klopt of weg moet.",
    )
    ingediend_op = models.DateTimeField("ingediend op", default=timezone.now)
    ingediend_door = user_ref("ingediend door")
    uiterlijk_op = models.DateField("uiterlijk beantwoorden op")
    status = models.CharField("besluit", max_length=10, choices=Status.choices, default=Status.OPEN)
    antwoord = models.TextField("antwoord met reden", max_length=MAX_TEKST, blank=True)
    grond = models.CharField(
        "wettelijke grond", max_length=30, choices=Grond.choices, blank=True, default=""
    )
    beantwoord_op = models.DateTimeField("beantwoord op", null=True, blank=True)
    beantwoord_door = user_ref("beantwoord door", optional=True)

    class Meta:
        verbose_name = "AVG-verzoek"
        verbose_name_plural = "AVG-verzoeken"
        ordering = ["-ingediend_op", "-id"]
        indexes = [
            models.Index(
                fields=["huishouden", "uiterlijk_op"],
                name="avgverzoek_open",
                condition=Q(status="open"),
            )
        ]
        constraints = [
            models.CheckConstraint(condition=~Q(toelichting=""), name="avgverzoek_toelichting"),
            models.CheckConstraint(
                condition=Q(status="open", beantwoord_op__isnull=True)
                | (~Q(status="open") & Q(beantwoord_op__isnull=False) & ~Q(antwoord="")),
                name="avgverzoek_antwoord_met_reden",
            ),
            models.CheckConstraint(condition=_grond_past(), name="avgverzoek_grond_past"),
        ]

    def __str__(self) -> str:
        return f"{self.get_soort_display()} ({self.ingediend_op:%d-%m-%Y})"

    @staticmethod
    def termijn(ingediend: datetime.date) -> datetime.date:
        """AVG art. 12(3): an answer within one month of receipt."""
        return months_ago(ingediend, -1)

    @staticmethod
    def can_answer(user, huishouden: Huishouden) -> bool:
        return huishouden.can_change(user)

    def is_te_laat(self, vandaag: datetime.date) -> bool:
        return self.status == self.Status.OPEN and self.uiterlijk_op < vandaag

    def clean(self) -> None:
        if not self.toelichting.strip():
            raise ValidationError({"toelichting": "Schrijf op welke gegevens het gaat."})
        if self.status != self.Status.OPEN and not self.antwoord.strip():
            raise ValidationError({"antwoord": "Geef een antwoord met de reden."})
        if self.status != self.Status.OPEN and self.soort != self.Soort.CORRECTIE:
            passend = {value for value, _ in gronden_voor(self.soort, self.status)}
            if self.grond not in passend:
                raise ValidationError(
                    {"grond": "Kies de wettelijke grond die bij dit verzoek en besluit past."}
                )
        elif self.grond:
            raise ValidationError(
                {
                    "grond": "Een wettelijke grond hoort alleen bij een besluit "
                    "over wissen of beperken."
                }
            )

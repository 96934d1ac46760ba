"""Stories: a professional's short account of a household's journey, told with the
household's consent, anonymised before the lead may select it for the council report."""

from __future__ import annotations

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone

from sociaaldomein.models import user_ref


class Verhaal(models.Model):
    huishouden = models.ForeignKey(
        "huishoudens.Huishouden",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name="huishouden",
    )
    titel = models.CharField("titel", max_length=120)
    tekst = models.TextField(
        "het verhaal",
        max_length=4000,
        help_text="Kort, in gewone woorden: waar stond het huishouden, wat is er gebeurd, "
        "waar staan ze nu. Namen, BSN, geboortedata, adressen en postcodes worden "
        "automatisch verwijderd.",
    )
    geanonimiseerd = models.TextField("geanonimiseerde tekst", editable=False)
    toestemming_op = models.DateField(
        "toestemming gegeven op",
        help_text="De datum waarop het huishouden toestemming gaf om dit verhaal "
        "geanonimiseerd aan de gemeenteraad te vertellen.",
    )
    toestemming_van = models.CharField(
        "toestemming gegeven door", max_length=120, help_text="Wie gaf de toestemming?"
    )
    geschreven_door = user_ref("geschreven door")
    geschreven_op = models.DateTimeField("geschreven op", default=timezone.now)
    geselecteerd_op = models.DateTimeField("geselecteerd voor de raad op", null=True, blank=True)
    geselecteerd_door = user_ref("geselecteerd door", optional=True)

    class Meta:
        verbose_name = "verhaal"
        verbose_name_plural = "verhalen"
        ordering = ["-geschreven_op", "-id"]
        constraints = [
            # no story without the household's consent, none selected before anonymising
            models.CheckConstraint(
                condition=~models.Q(toestemming_van=""), name="verhaal_toestemming"
            ),
            models.CheckConstraint(
                condition=models.Q(geselecteerd_op__isnull=True) | ~models.Q(geanonimiseerd=""),
                name="verhaal_geselecteerd_geanonimiseerd",
            ),
        ]

    def __str__(self) -> str:
        return self.titel

    def clean(self) -> None:
        if self.toestemming_op and self.toestemming_op > timezone.localdate():
            raise ValidationError({"toestemming_op": "Deze datum ligt in de toekomst."})

    @staticmethod
    def can_write(user, huishouden) -> bool:
        """Professionals and leads of the household's team write its story."""
        return user.works_in(huishouden.team_id)

    @staticmethod
    def can_select(user, team_id: int) -> bool:
        """The team's lead selects stories for the council report."""
        return user.leads(team_id)

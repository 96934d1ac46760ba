"""Issue 19b: the retention periods checked against the VNG Selectielijst gemeenten en
intergemeentelijke organen 2020, and the Jeugdwet request for early destruction.

Source of the categories and periods: the Selectielijst API of VNG/Open Zaak
(https://selectielijst.openzaak.nl/api/v1/resultaten, procestype 8 'Voorzieningen
verstrekken', jaar 2020), as recorded on 2 April 2025 in Open Archiefbeheer's test
cassette maykinmedia/open-archiefbeheer
backend/src/openarchiefbeheer/zaken/tests/cassettes/ZaakSerialisersTests.test_selectielijstklasse.yaml
(commit 28a375a1ffb9b89387bc6adbc4e78a009a81080d). What it says for our laws:

- 8.1.1 Verstrekt / 8.3.1 Beëindigd, WMO voorziening: P15Y, vernietigen (Wmo 2015 art. 5.3.4)
- 8.1.2 / 8.3.2 Individuele jeugdhulp voorziening, 3.1.4 Plan van aanpak jeugdhulp: P20Y
  (Jeugdwet art. 7.3.8 lid 3 and 7.3.9)
- 8.1.9 Verstrekt / 8.3.5 Beëindigd, Schuldhulpverlening: P5Y, vernietigen (risicoanalyse)
- 8.3 Beëindigd (generic, any voorziening): P10Y; 12.1.1 Hercontrole uitkering sociaal
  domein: P10Y. The 2020 list has no category of its own for the Participatiewet.

So Wmo (15), Jeugdwet (20) and Participatiewet (10) stand; Wgs was 7 and is 5. A row the
beheerder already changed (another period or source) is left alone.

The schema part: `VernietigingsVerzoek` (Jeugdwet art. 7.3.9, four eyes by constraint),
the list item's link to the request that put it on a list early, and the review step for it.
"""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models

LIJST = "Selectielijst gemeenten en intergemeentelijke organen 2020"

# wet code: (old jaren, old bron, new jaren, new bron)
CORRECTIES = {
    "jeugdwet": (
        20,
        "Jeugdwet art. 7.3.8: bewaren tot 20 jaar na het einde van de jeugdhulp",
        20,
        "Jeugdwet art. 7.3.8 lid 3: 20 jaar na het einde van de jeugdhulp; ook "
        f"{LIJST}, cat. 8.1.2 en 8.3.2 (individuele jeugdhulpvoorziening) en 3.1.4 "
        "(plan van aanpak jeugdhulp cliënt): 20 jaar, vernietigen",
    ),
    "wmo-2015": (
        15,
        f"{LIJST}, Wmo-maatwerkvoorziening",
        15,
        f"{LIJST}, cat. 8.1.1 (verstrekt) en 8.3.1 (beëindigd): WMO voorziening, 15 jaar, "
        "vernietigen (Wmo 2015 art. 5.3.4); ook 3.1.5 (plan van aanpak WMO cliënt): 15 jaar",
    ),
    "participatiewet": (
        10,
        f"{LIJST}, Participatiewet",
        10,
        f"{LIJST}, cat. 8.3 (voorziening beëindigd, generiek): 10 jaar, vernietigen; "
        "12.1.1 (hercontrole uitkering sociaal domein): 10 jaar. De lijst 2020 kent geen "
        "eigen categorie voor de Participatiewet",
    ),
    "wgs": (
        7,
        f"{LIJST}, schuldhulpverlening (Wgs)",
        5,
        f"{LIJST}, cat. 8.1.9 (verstrekt) en 8.3.5 (beëindigd): schuldhulpverlening, "
        "5 jaar, vernietigen",
    ),
    None: (
        10,
        f"{LIJST}, dossier zonder vastgelegde wet (algemene casusregie)",
        10,
        f"Keuze van de gemeente: de {LIJST} heeft geen categorie voor een huishoudplan "
        "zonder vastgelegde wet; gelijk gesteld aan cat. 8.3 (voorziening beëindigd, "
        "generiek): 10 jaar. De archivaris stelt dit vast",
    ),
}


def _apply(apps, richting: str) -> None:
    Bewaartermijn = apps.get_model("archief", "Bewaartermijn")
    for code, (oud_jaren, oude_bron, nieuw_jaren, nieuwe_bron) in CORRECTIES.items():
        if richting == "terug":
            oud_jaren, oude_bron, nieuw_jaren, nieuwe_bron = (
                nieuw_jaren,
                nieuwe_bron,
                oud_jaren,
                oude_bron,
            )
        rij = Bewaartermijn.objects.filter(
            **({"wet__code": code} if code else {"wet__isnull": True})
        ).first()
        if rij is None or rij.jaren != oud_jaren or rij.bron != oude_bron:
            continue  # not seeded, or the beheerder's own choice: left alone
        rij.jaren = nieuw_jaren
        rij.bron = nieuwe_bron
        rij.save(update_fields=["jaren", "bron"])


def correct_periods(apps, schema_editor):
    _apply(apps, "heen")


def restore_periods(apps, schema_editor):
    _apply(apps, "terug")


class Migration(migrations.Migration):
    dependencies = [
        ("archief", "0002_bewaartermijnen"),
        ("huishoudens", "0004_delen_afsluiten_sorteren"),
        ("sociaaldomein", "0007_issue19_toegangslog_pseudoniem"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.RunPython(correct_periods, restore_periods),
        migrations.AlterField(
            model_name="beoordeling",
            name="stap",
            field=models.CharField(
                choices=[
                    ("ingediend", "Ter beoordeling aangeboden"),
                    ("akkoord", "Akkoord van de teamleider"),
                    ("wijzigingen", "Wijzigingen gevraagd"),
                    ("naar_archivaris", "Aangeboden aan de archivaris"),
                    ("archivaris", "Akkoord van de archivaris"),
                    ("vernietigd", "Vernietigd"),
                    ("verzoek", "Vernietigingsverzoek toegewezen (Jeugdwet art. 7.3.9)"),
                ],
                max_length=16,
                verbose_name="stap",
            ),
        ),
        migrations.CreateModel(
            name="VernietigingsVerzoek",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "huishouden_nummer",
                    models.PositiveIntegerField(verbose_name="nummer van het huishouden"),
                ),
                (
                    "referentie_dossier",
                    models.CharField(max_length=20, verbose_name="referentie van het dossier"),
                ),
                (
                    "verzoeker",
                    models.CharField(
                        choices=[
                            ("jeugdige", "De jeugdige zelf (12 jaar of ouder)"),
                            ("ouder", "Een ouder of de voogd"),
                        ],
                        max_length=10,
                        verbose_name="wie vraagt het",
                    ),
                ),
                ("ontvangen_op", models.DateField(verbose_name="verzoek ontvangen op")),
                ("uiterlijk_op", models.DateField(verbose_name="uiterlijk vernietigen op")),
                (
                    "toelichting",
                    models.CharField(blank=True, max_length=500, verbose_name="toelichting"),
                ),
                (
                    "vastgelegd_op",
                    models.DateTimeField(
                        default=django.utils.timezone.now, verbose_name="vastgelegd op"
                    ),
                ),
                (
                    "status",
                    models.CharField(
                        choices=[
                            ("open", "Wacht op beoordeling"),
                            ("toegewezen", "Toegewezen: op een vernietigingslijst"),
                            ("afgewezen", "Afgewezen"),
                        ],
                        default="open",
                        max_length=10,
                        verbose_name="besluit",
                    ),
                ),
                (
                    "grond",
                    models.CharField(
                        blank=True,
                        choices=[
                            (
                                "belang_ander",
                                "Aanmerkelijk belang van een ander (art. 7.3.9 lid 2)",
                            ),
                            (
                                "wettelijk",
                                "Een wettelijk voorschrift verzet zich ertegen (art. 7.3.9 lid 2)",
                            ),
                            ("blokkade", "Juridische blokkade (bezwaar, beroep, auditor, rechter)"),
                            (
                                "niet_bekwaam",
                                "De jeugdige is niet in staat tot een redelijke waardering van de eigen belangen",
                            ),
                        ],
                        max_length=12,
                        verbose_name="grond voor afwijzing",
                    ),
                ),
                (
                    "motivering",
                    models.CharField(blank=True, max_length=500, verbose_name="motivering"),
                ),
                (
                    "beoordeeld_op",
                    models.DateTimeField(blank=True, null=True, verbose_name="beoordeeld op"),
                ),
                (
                    "beoordeeld_door",
                    models.ForeignKey(
                        blank=True,
                        db_index=False,
                        null=True,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="beoordeeld door",
                    ),
                ),
                (
                    "huishouden",
                    models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="huishoudens.huishouden",
                        verbose_name="huishouden",
                    ),
                ),
                (
                    "jeugdige",
                    models.ForeignKey(
                        blank=True,
                        help_text="Het lid van het huishouden om wiens jeugdhulp het gaat.",
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="huishoudens.lid",
                        verbose_name="jeugdige",
                    ),
                ),
                (
                    "team",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to="sociaaldomein.team",
                        verbose_name="team",
                    ),
                ),
                (
                    "vastgelegd_door",
                    models.ForeignKey(
                        db_index=False,
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="+",
                        to=settings.AUTH_USER_MODEL,
                        verbose_name="vastgelegd door",
                    ),
                ),
            ],
            options={
                "verbose_name": "vernietigingsverzoek",
                "verbose_name_plural": "vernietigingsverzoeken",
                "ordering": ["uiterlijk_op", "id"],
            },
        ),
        migrations.AddField(
            model_name="lijstitem",
            name="verzoek",
            field=models.ForeignKey(
                blank=True,
                help_text="Leeg: op de lijst omdat de bewaartermijn verstreken is.",
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="+",
                to="archief.vernietigingsverzoek",
                verbose_name="vervroegd op verzoek",
            ),
        ),
        migrations.AddIndex(
            model_name="vernietigingsverzoek",
            index=models.Index(
                condition=models.Q(("status", "open")),
                fields=["team", "uiterlijk_op"],
                name="verzoek_open",
            ),
        ),
        migrations.AddConstraint(
            model_name="vernietigingsverzoek",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    ("beoordeeld_door__isnull", True),
                    models.Q(("beoordeeld_door", models.F("vastgelegd_door")), _negated=True),
                    _connector="OR",
                ),
                name="verzoek_vier_ogen",
            ),
        ),
        migrations.AddConstraint(
            model_name="vernietigingsverzoek",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("beoordeeld_op__isnull", True), ("grond", ""), ("status", "open")),
                    models.Q(
                        ("beoordeeld_op__isnull", False), ("grond", ""), ("status", "toegewezen")
                    ),
                    models.Q(
                        ("beoordeeld_op__isnull", False),
                        ("status", "afgewezen"),
                        models.Q(("grond", ""), _negated=True),
                        models.Q(("motivering", ""), _negated=True),
                    ),
                    _connector="OR",
                ),
                name="verzoek_afwijzing_met_grond",
            ),
        ),
        migrations.AddConstraint(
            model_name="vernietigingsverzoek",
            constraint=models.CheckConstraint(
                condition=models.Q(("uiterlijk_op__gt", models.F("ontvangen_op"))),
                name="verzoek_termijn",
            ),
        ),
    ]

"""DossierExport moves here from `sociaaldomein` (issue 13: accountability is its own app,
above the domain apps). The table already exists: the model enters this app's state with
its old table name, then the table is renamed to this app's name. The content type (and
with it the model permissions) moves along, so nothing refers to the old app any more."""

import django.db.models.deletion
import django.utils.timezone
from django.conf import settings
from django.db import migrations, models


def move_content_type(apps, schema_editor):
    ContentType = apps.get_model("contenttypes", "ContentType")
    if not ContentType.objects.filter(app_label="verantwoording", model="dossierexport").exists():
        ContentType.objects.filter(app_label="sociaaldomein", model="dossierexport").update(
            app_label="verantwoording"
        )


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("huishoudens", "0004_delen_afsluiten_sorteren"),
        ("sociaaldomein", "0004_dossierexport"),
        ("contenttypes", "0002_remove_content_type_name"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="DossierExport",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "doel",
                            models.CharField(
                                choices=[
                                    ("casusregie", "Casusregie en ondersteuning"),
                                    ("besluitvorming", "Besluitvorming (toets, maatwerk)"),
                                    ("verantwoording", "Verantwoording en controle (audit)"),
                                    ("bezwaar", "Bezwaar en beroep"),
                                    ("uitzondering", "Uitzonderlijke toegang met reden"),
                                ],
                                max_length=16,
                                verbose_name="doel",
                            ),
                        ),
                        (
                            "toelichting",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="toelichting"
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("wachtrij", "In de wachtrij"),
                                    ("bezig", "Wordt gemaakt"),
                                    ("klaar", "Klaar"),
                                    ("mislukt", "Mislukt"),
                                ],
                                default="wachtrij",
                                max_length=10,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "voortgang",
                            models.PositiveSmallIntegerField(
                                default=0, verbose_name="voortgang (procent)"
                            ),
                        ),
                        ("stap", models.CharField(blank=True, max_length=80, verbose_name="stap")),
                        (
                            "taak_id",
                            models.CharField(blank=True, max_length=64, verbose_name="taak"),
                        ),
                        (
                            "vingerafdruk",
                            models.CharField(
                                blank=True, max_length=64, verbose_name="vingerafdruk (SHA-256)"
                            ),
                        ),
                        (
                            "log_volgnummer",
                            models.BigIntegerField(
                                blank=True, null=True, verbose_name="toegangslog tot en met regel"
                            ),
                        ),
                        (
                            "log_hash",
                            models.CharField(
                                blank=True, max_length=64, verbose_name="hash van die regel"
                            ),
                        ),
                        (
                            "bestand_hash",
                            models.CharField(
                                blank=True, max_length=64, verbose_name="SHA-256 van het bestand"
                            ),
                        ),
                        ("pdf", models.BinaryField(blank=True, null=True, verbose_name="PDF")),
                        (
                            "paginas",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="pagina's"
                            ),
                        ),
                        (
                            "grootte",
                            models.PositiveIntegerField(
                                blank=True, null=True, verbose_name="bestandsgrootte (bytes)"
                            ),
                        ),
                        (
                            "foutmelding",
                            models.CharField(
                                blank=True, max_length=300, verbose_name="foutmelding"
                            ),
                        ),
                        (
                            "aangevraagd_op",
                            models.DateTimeField(
                                default=django.utils.timezone.now, verbose_name="aangevraagd op"
                            ),
                        ),
                        (
                            "gestart_op",
                            models.DateTimeField(blank=True, null=True, verbose_name="gestart op"),
                        ),
                        (
                            "klaar_op",
                            models.DateTimeField(blank=True, null=True, verbose_name="klaar op"),
                        ),
                        (
                            "aangevraagd_door",
                            models.ForeignKey(
                                db_index=False,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="aangevraagd door",
                            ),
                        ),
                        (
                            "huishouden",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="dossierexports",
                                to="huishoudens.huishouden",
                                verbose_name="huishouden",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "sociaaldomein_dossierexport",
                        "verbose_name": "dossierexport",
                        "verbose_name_plural": "dossierexports",
                        "ordering": ["-aangevraagd_op", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["huishouden", "-aangevraagd_op"],
                                name="dossierexport_huishouden",
                            ),
                            models.Index(
                                condition=models.Q(("status", "klaar")),
                                fields=["vingerafdruk"],
                                name="dossierexport_vingerafdruk",
                            ),
                            models.Index(
                                condition=models.Q(("status", "klaar")),
                                fields=["bestand_hash"],
                                name="dossierexport_bestand",
                            ),
                        ],
                        "constraints": [
                            models.CheckConstraint(
                                condition=models.Q(("voortgang__gte", 0), ("voortgang__lte", 100)),
                                name="dossierexport_voortgang",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("status", "klaar"), _negated=True),
                                    models.Q(
                                        ("bestand_hash__regex", "^[0-9a-f]{64}$"),
                                        ("klaar_op__isnull", False),
                                        ("paginas__gte", 1),
                                        ("pdf__isnull", False),
                                        ("vingerafdruk__regex", "^[0-9a-f]{64}$"),
                                        ("voortgang", 100),
                                    ),
                                    _connector="OR",
                                ),
                                name="dossierexport_klaar_compleet",
                            ),
                            models.CheckConstraint(
                                condition=models.Q(
                                    models.Q(("status", "mislukt"), _negated=True),
                                    models.Q(("foutmelding", ""), _negated=True),
                                    _connector="OR",
                                ),
                                name="dossierexport_mislukt_met_melding",
                            ),
                            models.UniqueConstraint(
                                condition=models.Q(("status__in", ["wachtrij", "bezig"])),
                                fields=("huishouden",),
                                name="dossierexport_een_actief",
                                violation_error_message="Er wordt al een dossier van dit huishouden gemaakt.",
                            ),
                        ],
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="dossierexport", table=None),
        migrations.RunPython(move_content_type, migrations.RunPython.noop),
    ]

"""Issue 14: procedural articles (keeping and destroying a file) are never suggested for
a decision; the beheerder marks them in the admin."""

from django.db import migrations, models

PROCEDUREEL = [("jeugdwet", "7.3.8"), ("jeugdwet", "7.3.9")]


def mark_procedural(apps, schema_editor):
    Artikel = apps.get_model("toetsing", "Artikel")
    for wet, nummer in PROCEDUREEL:
        Artikel.objects.filter(wet__code=wet, nummer=nummer).update(procedureel=True)


class Migration(migrations.Migration):
    dependencies = [("toetsing", "0008_maatwerk_inbox_index")]

    operations = [
        migrations.AddField(
            model_name="artikel",
            name="procedureel",
            field=models.BooleanField(
                default=False,
                help_text="Regelt de gang van zaken (bewaren, vernietigen, termijnen), geen "
                "grond voor een besluit: wordt nooit voorgesteld.",
                verbose_name="procedureel",
            ),
        ),
        migrations.RunPython(mark_procedural, migrations.RunPython.noop),
    ]

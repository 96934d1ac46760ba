"""DossierExport moved to the `verantwoording` app (issue 13). Only the state changes
here: the table is kept and renamed by verantwoording's first migration."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("sociaaldomein", "0004_dossierexport"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="DossierExport")],
        ),
    ]

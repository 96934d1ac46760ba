"""The iWmo/iJw code list: the national product categories (WMO001 / JZ020) with product
codes in the shape of the standard lists (WMO021 / JZ21: category + three characters).
The codes below are this municipality's demo selection, not a copy of the national list;
the beheerder maintains the list in /beheer/."""

from django.db import migrations

CODES = [
    ("wmo", "01", "Hulp bij het huishouden", "01A01", "Hulp bij het huishouden"),
    ("wmo", "01", "Hulp bij het huishouden", "01A02", "Hulp bij het huishouden plus"),
    ("wmo", "02", "Begeleiding", "02A01", "Begeleiding individueel"),
    ("wmo", "02", "Begeleiding", "02A02", "Begeleiding individueel specialistisch"),
    ("wmo", "03", "Persoonlijke verzorging", "03A01", "Persoonlijke verzorging"),
    ("wmo", "04", "Kortdurend verblijf", "04A01", "Logeren / kortdurend verblijf"),
    ("wmo", "07", "Dagbesteding", "07A01", "Dagbesteding basis"),
    ("wmo", "07", "Dagbesteding", "07A02", "Dagbesteding intensief"),
    ("wmo", "15", "Beschermd wonen", "15A01", "Beschermd wonen"),
    ("jeugdwet", "43", "Jeugdhulp verblijf (incl. behandeling)", "43A01", "Behandelgroep"),
    ("jeugdwet", "44", "Jeugdhulp verblijf (excl. behandeling)", "44A01", "Pleegzorg"),
    ("jeugdwet", "45", "Jeugdhulp ambulant", "45A01", "Ambulante gezinsbegeleiding"),
    ("jeugdwet", "45", "Jeugdhulp ambulant", "45A02", "Jeugd-ggz ambulant"),
    ("jeugdwet", "45", "Jeugdhulp ambulant", "45A03", "Ouderbegeleiding"),
    ("jeugdwet", "46", "Jeugdhulp crisis", "46A01", "Crisisinterventie ambulant"),
    ("jeugdwet", "50", "Maatwerkarrangementen jeugd", "50A01", "Maatwerkarrangement jeugd"),
]


def add_codes(apps, schema_editor):
    Productcode = apps.get_model("verwijzingen", "Productcode")
    for wet, categorie, categorie_naam, code, omschrijving in CODES:
        Productcode.objects.get_or_create(
            wet=wet,
            categorie=categorie,
            code=code,
            defaults={"categorie_naam": categorie_naam, "omschrijving": omschrijving},
        )


class Migration(migrations.Migration):
    dependencies = [("verwijzingen", "0001_initial")]

    operations = [migrations.RunPython(add_codes, migrations.RunPython.noop)]

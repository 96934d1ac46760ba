import hashlib

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from tests.sociaaldomein.factories import UserFactory


class DossierExportFactory(DjangoModelFactory):
    """A finished dossier export (a tiny stand-in PDF; real ones come from the task)."""

    class Meta:
        model = "verantwoording.DossierExport"

    huishouden = factory.SubFactory("tests.huishoudens.factories.HuishoudenFactory")
    aangevraagd_door = factory.SubFactory(UserFactory)
    doel = "verantwoording"
    status = "klaar"
    voortgang = 100
    stap = "Klaar"
    pdf = b"%PDF-1.7\n% Een Plan testdossier\n%%EOF\n"
    vingerafdruk = factory.Sequence(lambda n: f"{n:064x}")
    bestand_hash = factory.LazyAttribute(lambda o: hashlib.sha256(o.pdf).hexdigest())
    paginas = 1
    grootte = factory.LazyAttribute(lambda o: len(o.pdf))
    klaar_op = factory.LazyFunction(timezone.now)

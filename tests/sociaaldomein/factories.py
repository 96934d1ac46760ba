import factory
from factory.django import DjangoModelFactory

from sociaaldomein.models import Team, User
from sociaaldomein.roles import Rol, ensure_roles


class TeamFactory(DjangoModelFactory):
    class Meta:
        model = Team
        django_get_or_create = ["naam"]

    naam = factory.Sequence(lambda n: f"Wijkteam {n}")
    wijk = factory.Sequence(lambda n: f"Wijk {n}")


class UserFactory(DjangoModelFactory):
    """A user with roles and teams.

    UserFactory(rol=Rol.TEAMLEIDER, teams=[team]); rol=[Rol.A, Rol.B] for several roles,
    rol=[] for none. The default is a professional without a team.
    """

    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = factory.Faker("first_name", locale="nl_NL")
    last_name = factory.Faker("last_name", locale="nl_NL")
    email = factory.LazyAttribute(lambda user: f"{user.username}@voorbeeldstad.example")
    password = factory.django.Password("correct-horse-battery")

    @factory.post_generation
    def rol(self, create, extracted, **kwargs):
        if not create:
            return
        rollen = [Rol.PROFESSIONAL] if extracted is None else extracted
        if isinstance(rollen, Rol):
            rollen = [rollen]
        # Groups are made on demand: transactional tests flush the rows migrations made.
        groups = ensure_roles()
        for rol in rollen:
            self.groups.add(groups[rol.value])

    @factory.post_generation
    def teams(self, create, extracted, **kwargs):
        if create and extracted:
            for team in extracted:
                team.leden.add(self)

"""Roles are Django groups; what each role may do in the admin is declared here.

Case data is never reached through these model permissions: it is scoped per team by
the querysets of each app (`Huishouden.objects.visible_to(user)`). The permissions below
only open the Django admin for reference data to the functioneel beheerder.
"""

from django.db import models


class Rol(models.TextChoices):
    PROFESSIONAL = "Professional", "Professional"
    TEAMLEIDER = "Teamleider", "Teamleider"
    AUDITOR = "Auditor", "Auditor"
    BEHEERDER = "Functioneel beheerder", "Functioneel beheerder"
    # Outside the municipality's staff: a member of a household (Mijn plan), a provider
    # (its referrals), and the archivist (destruction lists, no case data).
    INWONER = "Inwoner", "Inwoner"
    AANBIEDER = "Aanbieder", "Aanbieder"
    ARCHIVARIS = "Archivaris", "Archivaris"


# The municipality's staff of the sociaal domein: every page is theirs unless a view says
# otherwise (`open_to`); anyone else reaches only the views opened to their role.
MEDEWERKERS = frozenset({Rol.PROFESSIONAL, Rol.TEAMLEIDER, Rol.AUDITOR, Rol.BEHEERDER})


def open_to(*rollen: Rol):
    """Open a view to roles outside the staff as well (the member's Mijn plan, the
    provider's referrals). Checked by `sociaaldomein.middleware.RoleAreaMiddleware`."""

    def decorator(view_func):
        view_func.open_voor = frozenset(rol.value for rol in rollen)
        return view_func

    return decorator


# Model permissions (app_label.codename) per role, for the admin only.
ROLE_PERMISSIONS: dict[str, list[str]] = {
    Rol.PROFESSIONAL: [],
    Rol.TEAMLEIDER: [],
    Rol.AUDITOR: [],
    Rol.INWONER: [],
    Rol.AANBIEDER: [],
    Rol.ARCHIVARIS: [],
    Rol.BEHEERDER: [
        "sociaaldomein.view_team",
        "sociaaldomein.add_team",
        "sociaaldomein.change_team",
        "sociaaldomein.view_user",
        "huishoudens.view_leefdomein",
        "huishoudens.add_leefdomein",
        "huishoudens.change_leefdomein",
        *[
            f"toetsing.{action}_{model}"
            for model in ("wet", "grondwaarde", "artikel", "maatwerkmandaat", "maatwerkbudget")
            for action in ("view", "add", "change")
        ],
        *[
            f"vroegsignalering.{action}_{model}"
            for model in ("partnerorganisatie", "teaminstelling", "wijkindeling")
            for action in ("view", "add", "change")
        ],
        "vroegsignalering.view_aanleverlog",
        "vroegsignalering.view_vernietigingsronde",
        # issue 19: retention periods and legal holds (reference data with their source)
        *[
            f"archief.{action}_{model}"
            for model in ("bewaartermijn", "juridischeblokkade")
            for action in ("view", "add", "change")
        ],
        # the sociale kaart (issue 16) and the iWmo/iJw code list
        *[
            f"socialekaart.{action}_{model}"
            for model in ("organisatie", "locatie", "dienst")
            for action in ("view", "add", "change")
        ],
        "verwijzingen.view_productcode",
        "verwijzingen.add_productcode",
        "verwijzingen.change_productcode",
    ],
}


def ensure_roles() -> dict[str, "models.Model"]:
    """Create the role groups (idempotent) and return them by name."""
    from django.contrib.auth.models import Group

    return {rol.value: Group.objects.get_or_create(name=rol.value)[0] for rol in Rol}


def sync_role_permissions(**kwargs) -> None:
    """post_migrate: make each role group hold exactly the permissions declared above."""
    from django.contrib.auth.models import Permission

    groups = ensure_roles()
    for rol, perms in ROLE_PERMISSIONS.items():
        wanted = []
        for perm in perms:
            app_label, codename = perm.split(".")
            wanted += Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            )
        groups[rol].permissions.set(wanted)

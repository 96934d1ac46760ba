from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse


@dataclass(frozen=True)
class NavItem:
    label: str
    url: str
    active: bool


def navigation(request):
    """Main navigation per role. Uses only what the authentication backend loaded."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"gemeente_naam": settings.GEMEENTE_NAAM}
    match = request.resolver_match
    current = (
        f"{match.namespace}:{match.url_name}"
        if match and match.namespace
        else (match.url_name if match else "")
    )
    items: list[tuple[str, str, tuple[str, ...]]] = [("Mijn werk", "start", ("start",))]
    if user.team_ids or user.is_auditor:
        items.append(("Huishoudens", "huishoudens:lijst", ("huishoudens:",)))
    if user.is_auditor:
        items.append(("Toegangslog", "verantwoording:toegangslog", ("verantwoording:toegangslog",)))
        items.append(
            (
                "Dossier controleren",
                "verantwoording:dossier_controleren",
                ("verantwoording:dossier_controleren",),
            )
        )
    if user.is_teamleider or user.is_auditor:
        items.append(("Maatwerk", "maatwerk:inbox", ("maatwerk:inbox", "maatwerk:verzoek")))
    items.append(("Precedenten", "maatwerk:register", ("maatwerk:register",)))
    if user.is_beheerder or user.is_superuser:
        items.append(("Beheer", "admin:index", ("admin:",)))
    nav = [
        NavItem(label, reverse(name), any(current.startswith(p) for p in prefixes))
        for label, name, prefixes in items
    ]
    return {
        "nav_items": nav,
        "gemeente_naam": settings.GEMEENTE_NAAM,
        # set by huishoudens.selectors when this page shows a household opened by break
        # the glass: base.html shows the banner
        "doorbraak": getattr(request, "doorbraak", None),
    }

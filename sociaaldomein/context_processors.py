from django.conf import settings
from django.utils.functional import SimpleLazyObject

from sociaaldomein.extensions import navigation as nav_items
from sociaaldomein.extensions import panels


def navigation(request):
    """Main navigation per role and the header's contributions of the apps (registered in
    sociaaldomein.extensions). Uses only what the authentication backend loaded, and only
    when the template shows them: an htmx partial, which has no header, pays nothing."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {"gemeente_naam": settings.GEMEENTE_NAAM}
    match = request.resolver_match
    current = (
        f"{match.namespace}:{match.url_name}"
        if match and match.namespace
        else (match.url_name if match else "")
    )
    return {
        "nav_items": SimpleLazyObject(lambda: nav_items(user, current or "")),
        "kop_panels": SimpleLazyObject(lambda: panels("kop", user=user)),
        "gemeente_naam": settings.GEMEENTE_NAAM,
        # set by huishoudens.selectors when this page shows a household opened by break
        # the glass: base.html shows the banner
        "doorbraak": getattr(request, "doorbraak", None),
    }

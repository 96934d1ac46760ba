"""The household list in the navigation (see sociaaldomein.extensions)."""

from sociaaldomein.extensions import nav_item

nav_item(
    "Huishoudens",
    "huishoudens:lijst",
    order=20,
    visible=lambda user: user.is_team_caseworker or user.is_auditor,
    active=("huishoudens:",),
)

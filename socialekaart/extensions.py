"""What the sociale kaart contributes to lower pages: its navigation item."""

from __future__ import annotations

from sociaaldomein.extensions import nav_item

nav_item(
    "Sociale kaart",
    "socialekaart:zoeken",
    order=40,
    visible=lambda user: user.is_medewerker,
    active=("socialekaart:",),
)

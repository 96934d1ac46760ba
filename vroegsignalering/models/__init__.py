from vroegsignalering.models.partner import (
    Aanlevering,
    Aanleverlog,
    Partnerorganisatie,
    Partnersoort,
    Teaminstelling,
    Vernietigingsronde,
    Wijkindeling,
)
from vroegsignalering.models.signaal import (
    ZONDER_CONTACT,
    Contactpoging,
    Contactsoort,
    Dagdeel,
    Eindresultaat,
    Persoonsgegevens,
    Vroegsignaal,
    Vroegsignaalzaak,
    koppeltermijn,
)

__all__ = [
    "ZONDER_CONTACT",
    "Aanlevering",
    "Aanleverlog",
    "Contactpoging",
    "Contactsoort",
    "Dagdeel",
    "Eindresultaat",
    "Partnerorganisatie",
    "Partnersoort",
    "Persoonsgegevens",
    "Teaminstelling",
    "Vernietigingsronde",
    "Vroegsignaal",
    "Vroegsignaalzaak",
    "Wijkindeling",
    "koppeltermijn",
]

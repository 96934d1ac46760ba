"""Writes of vroegsignalering: keyword-only, one transaction each."""

from vroegsignalering.services.koppelen import Resultaat, bewaar_signalen
from vroegsignalering.services.vernietigen import destroy_no_contact
from vroegsignalering.services.zaak import (
    create_huishouden_from_zaak,
    record_eindresultaat,
    register_contactpoging,
    take_up_in_plan,
)

__all__ = [
    "Resultaat",
    "bewaar_signalen",
    "create_huishouden_from_zaak",
    "destroy_no_contact",
    "record_eindresultaat",
    "register_contactpoging",
    "take_up_in_plan",
]

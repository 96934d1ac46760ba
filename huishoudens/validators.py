"""Validation of Dutch identifiers (see DOMAIN.md, "Identifiers and formats")."""

import re

from django.core.exceptions import ValidationError

# Four digits, the first not 0, a space, two capitals; SA, SD and SS are not issued.
POSTCODE_REGEX = r"^[1-9][0-9]{3} (?!SA|SD|SS)[A-Z]{2}$"
_POSTCODE_INPUT = re.compile(r"^\s*([1-9][0-9]{3})\s?([A-Za-z]{2})\s*$")


def normalise_postcode(value: str) -> str:
    """'1234ab' and ' 1234 AB ' become '1234 AB'; anything else is returned unchanged."""
    match = _POSTCODE_INPUT.match(value or "")
    if not match:
        return (value or "").strip()
    return f"{match.group(1)} {match.group(2).upper()}"


def validate_postcode(value: str) -> None:
    if not re.match(POSTCODE_REGEX, value or ""):
        raise ValidationError(
            "Vul een geldige postcode in: vier cijfers en twee letters, bijvoorbeeld 1234 AB.",
            code="postcode",
        )


def is_valid_bsn(value: str) -> bool:
    """The elfproef: Σ digit × weight (9, 8, …, 2, −1) is divisible by 11, not all zero."""
    if not (isinstance(value, str) and len(value) == 9 and value.isdigit()):
        return False
    if value == "000000000":
        return False
    weights = (9, 8, 7, 6, 5, 4, 3, 2, -1)
    return sum(int(digit) * weight for digit, weight in zip(value, weights, strict=True)) % 11 == 0


def validate_bsn(value: str) -> None:
    if not (isinstance(value, str) and len(value) == 9 and value.isdigit()):
        raise ValidationError("Een BSN bestaat uit precies 9 cijfers.", code="bsn_formaat")
    if not is_valid_bsn(value):
        raise ValidationError(
            "Dit BSN klopt niet (de elfproef faalt). Controleer de cijfers.", code="bsn_elfproef"
        )

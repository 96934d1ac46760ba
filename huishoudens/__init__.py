"""Households, their members and the assessment of every life domain.

Layer: huishoudens, above sociaaldomein. Imports only sociaaldomein.

The scoping of all case data starts here: `Huishouden.objects.visible_to(user)` and
`editable_by(user)` (with django-guardian grants for other teams), and
`huishoudens.selectors.huishouden_for_view / _for_change`, the single gate that decides
404 or 403 and writes the access log. Rules about one household are methods of the model
(`Huishouden.can_change`, `can_share`); writes are keyword-only services
(`huishoudens.services`). What a higher app shows on the household page arrives through
the "huishouden" slot (sociaaldomein.extensions).
"""

"""Vroegsignalering: signals of payment arrears from the partners of the Wgs reach the
household's own plan early.

Layer: vroegsignalering, above casussen, beside toetsing (siblings do not import each
other). Imports casussen, huishoudens and sociaaldomein.

The concepts follow the national data model for vroegsignalering (DDAS: VNG, Divosa,
NVVK, CBS) and carry its Dutch names: a `Vroegsignaal` of a `Partnerorganisatie` (with
its `Partnersoort`), grouped per resident into a `Vroegsignaalzaak` within the
koppeltermijn; `Contactpoging`en and one `Eindresultaat` per zaak. See README,
"Vroegsignalering", for what could and could not be obtained of the model.

Where each rule lives:
- who may see a team's queue or a zaak: `Vroegsignaalzaak.can_view` / `can_work`, and
  the scoped queryset `Vroegsignaalzaak.objects.visible_to(user)`;
- matching (BSN of a member, else the address) and routing (the casusregisseur of a
  household with an active plan, else the team of the wijk): `services.koppelen`;
- the intake of a CSV file, row by row: `intake`; the partner endpoint: `api`;
- the first-contact deadline: `Vroegsignaalzaak.bereken_termijn` (working days of
  `casussen.termijnen`, numbers per team in `Teaminstelling`);
- destruction of signals that led to no contact: `services.vernietigen`, scheduled by
  `tasks.vernietig_vroegsignalen`.
Its panels on the plan page and Mijn werk, and its navigation item, arrive through
`vroegsignalering.extensions`.
"""

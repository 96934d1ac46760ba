"""One integrated support plan per household ("1 huishouden, 1 plan", seed 000).

Principles 2–7 of seed 000, in the model:
2. A goal (Doel) serves one or more members or the household as a whole, on one or more
   life domains.
3. The household directs: their agreement with each plan version is recorded (or their
   disagreement, with their view); their own network is an actor in the plan.
4. Their own words (request, problem, solution, where they want to be in a year) are
   recorded first and shown first; the professional's analysis can only follow them.
5. A safety concern (Veiligheidszorg) with an assessment, possibly a compulsory framework.
6. Every action (Actie) has a start, a planned end and an evaluation date in between.
7. Basic needs first: see `casussen.selectors.signalen`.

Writes go through `casussen.services`; this module holds fields, invariants (database
constraints plus `clean()` for the Dutch message) and rules about one row.
"""

from casussen.models.basis import LAATSTE_DATUM, MAX_KOSTEN, MAX_TEKST, VROEGSTE_DATUM
from casussen.models.doelen import WET_LEEFTIJD, Actie, Doel, Financiering
from casussen.models.geschiedenis import Planwijziging
from casussen.models.plan import Plan, Planversie
from casussen.models.termijn import Termijn
from casussen.models.veiligheid import Veiligheidszorg

__all__ = [
    "LAATSTE_DATUM",
    "MAX_KOSTEN",
    "MAX_TEKST",
    "VROEGSTE_DATUM",
    "WET_LEEFTIJD",
    "Actie",
    "Doel",
    "Financiering",
    "Plan",
    "Planversie",
    "Planwijziging",
    "Termijn",
    "Veiligheidszorg",
]

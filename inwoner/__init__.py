"""The household's own view: "Mijn plan" for an adult member, and their AVG rights.

Layer: inwoner, above verantwoording (sibling of wijk). Reads the apps below it through
their models and selectors; writes the plan only through `casussen.services` (the
household's digital agreement is `record_agreement` with `wijze=digitaal`).

- An adult member gets an account by invitation (`Uitnodiging`: a one-time code valid
  14 days, only its hash is kept) and is linked to their `Lid` (`Lidaccount`).
- What a member may see is decided once, in `inwoner.selectors` (`mijn_plan`): goals
  and actions for them or for the household as a whole, the agreed versions, their own
  contributions. Safety concerns, the dwangkader, other members' assessments and the
  professional's content history are never read for a member.
- Who may invite, answer a contribution or an AVG request: `Uitnodiging.can_invite`,
  `Inbreng.can_decide`, `AvgVerzoek.can_answer` (all: a caseworker who may change the
  household).
- What this app shows on staff pages (the invite button on the household page, the
  contributions on the plan, the requests on Mijn werk) arrives through
  `inwoner.extensions`.
"""

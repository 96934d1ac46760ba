"""Verwijzingen: referrals from a plan action to a provider's service, with consent,
the iWmo/iJw allocation, the provider's own access, and the data-sharing log.

Layer: sibling of toetsing (toetsing | verwijzingen | vroegsignalering), above casussen
and socialekaart, below verantwoording. A referral references the action (casussen) and
the service (socialekaart); the plan page and the household page show it through the
"plan" and "huishouden" slots (sociaaldomein.extensions).

Where its rules live:
- No referral without consent or an override with a legal ground and reason: a CHECK
  constraint (`verwijzing_toestemming_of_grondslag`), `Verwijzing.clean` for the Dutch
  message, and the services check the consent is current and for this organisation.
- Status flow (concept → verzonden → geaccepteerd/afgewezen → gestart → gestopt/afgerond):
  `Verwijzing.can_*` methods, asked by services, views and templates alike; results of an
  end from a fixed list (`Resultaat`), CHECK constraints per status.
- Who sees a referral outside the team: `Verwijzing.objects.voor_aanbieder(user)` (only
  the provider's own organisation, never a concept); `Verwijzing.can_handle(user)`.
- Every disclosure outside the team is one `Gegevensdeling` row per member (see
  `models/gegevensdeling.py` for the mapping to Logboek Dataverwerkingen).
- iWmo/iJw 3.2 allocation fields and the seeded code list (`Productcode`); the 301
  content in `iwmo.py`.
"""

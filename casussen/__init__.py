"""The one integrated support plan of a household ("1 huishouden, 1 plan", seed 000).

Layer: casussen, above huishoudens. Imports huishoudens and sociaaldomein.

Owns the plan, its versions and history, goals and actions, statutory deadlines, safety
concerns, Mijn werk's caseload, and the household's status (activating a household
starts its plan: `casussen.services.activate_huishouden` calls the household's service
and creates the plan in one transaction). Rules about one row live on the models, writes
in `casussen.services`, reads in `casussen.selectors`; it contributes the plan summary
and the status buttons to the household page and the caseload to Mijn werk
(`casussen.extensions`), and offers the "plan" slot to the apps above it.
"""

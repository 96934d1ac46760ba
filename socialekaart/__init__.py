"""Sociale kaart: the catalogue of local provisions, shaped after Open Referral HSDS 3.

Layer: between casussen (above) and huishoudens (below). It knows organisations, their
services and locations (with the wijk), the life domains a service serves (huishoudens'
Leefdomein) and the laws or funding streams behind it; it knows nothing of plans or
referrals. The plan links an action to a service through verwijzingen (a higher app).

Where its rules live: who maintains it (the functioneel beheerder, in /beheer/, through
the role permissions of sociaaldomein.roles); whether an entry is overdue for a check
(`Dienst.is_verouderd`, 12 months after `gecontroleerd_op`, HSDS `assured_date`); search
(`selectors.zoek_diensten`: Dutch full text on a trigger-maintained tsvector plus pg_trgm
word similarity on the name, both GIN-indexed). The HSDS mapping is in `hsds.py`.
"""

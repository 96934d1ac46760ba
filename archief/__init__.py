"""Retention and destruction: bewaartermijnen, legal holds, destruction lists with their
review, the deletion itself and the verklaring van vernietiging.

Layer: archief, the top layer. Reads every app below it and, only when a destruction
list is carried out, deletes a household with everything that hangs off it
(`archief.vernietiging`, the one documented path past the append-only triggers).

Who may do what lives once on `Vernietigingslijst` (`can_author`, `can_review`,
`can_archive`, `can_see`); the archivist (role `archivaris`, `roles.open_to`) reaches only
the pages of this app and never a household's case data: a list shows the minimal record
(reference, period, laws, dates), never names.
"""

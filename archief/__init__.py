"""Retention and destruction: bewaartermijnen, legal holds, destruction lists with their
review, the deletion itself and the verklaring van vernietiging.

Layer: archief, the top layer. Reads every app below it and, only when a destruction
list is carried out, deletes a household with everything that hangs off it
(`archief.vernietiging`, the one documented path past the append-only triggers).

Who may do what lives once on `Vernietigingslijst` (`can_author`, `can_review`,
`can_archive`, `can_see`); the archivist (role `archivaris`, `roles.open_to`) reaches only
the pages of this app and never a household's case data: a list shows the minimal record
(reference, period, laws, dates), never names.

The Jeugdwet request for early destruction (art. 7.3.9, `VernietigingsVerzoek`,
`archief.verzoeken`) is casework, not archive work: the owning team records it from the
household page (`can_record`), a lead of that team other than the recorder decides
(`can_review`); its pages load the household through `huishoudens.selectors` (404 for
another team, logged) and only those show a name. A granted request puts the file on a
list of its own, which then goes the usual way.
"""

"""Accountability: the PDF case dossier, the letters to the household, the access-log
screens, break-the-glass access and checking a dossier.

Layer: verantwoording, above toetsing. Reads every domain app below it (through their
own selectors) and never writes their data.

Who may open a dossier or a letter is `DossierExport.can_open`; who may read the access
log is `Toegangslog.can_read` (in sociaaldomein, with the log itself). The PDF is made
by a background task (`tasks.py`) from the content `dossier/` reads in a constant number
of queries. Its links on the household page, the break-the-glass block on Mijn werk and
its navigation items arrive through `verantwoording.extensions`.
"""

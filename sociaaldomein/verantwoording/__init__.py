"""Accountability: the PDF case dossier, the decision letter, the access-log screens and
break-the-glass access (issue 7). Cross-cutting, so it lives in `sociaaldomein`; it reads
households, plans and toetsen through their own selectors and never writes them."""

"""The proofs of this directory share one test world per module (see tests/gedeelde_wereld.py)."""

from tests.gedeelde_wereld import gedeelde_wereld, wereld  # noqa: F401

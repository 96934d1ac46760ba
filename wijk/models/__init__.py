from wijk.models.cijfers import ALLE_WIJKEN, Wijkcijfer, Wijkverversing

__all__ = ["ALLE_WIJKEN", "Wijkcijfer", "Wijkverversing"]

"""Screens of vroegsignalering (thin: rules in models, services and selectors)."""

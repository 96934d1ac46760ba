"""What verwijzingen shows on lower pages."""

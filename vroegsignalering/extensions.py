"""What vroegsignalering shows on pages of lower apps (see sociaaldomein.extensions)."""

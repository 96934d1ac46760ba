"""Reads of toetsen (`toetsen.py`) and of maatwerk (`maatwerk.py`), always within what
the user may see, in a constant number of queries per page."""

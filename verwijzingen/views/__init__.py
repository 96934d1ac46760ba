"""Views of referrals: the team's (views/team.py) and the provider's (views/aanbieder.py)."""

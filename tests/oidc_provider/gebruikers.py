"""The test provider's users and the claims it gives about them."""

WACHTWOORD = "sso-wachtwoord-123"
GEBRUIKERS = {
    # signed in with a second factor at the provider: the local one is skipped
    "sso.teamleider": {
        "given_name": "Sanne",
        "family_name": "de Vries",
        "email": "sanne@gemeente.example",
        "roles": ["eenplan-teamleider", "intranet-lezer"],
        "teams": ["Wijkteam Noord"],
        "amr": ["pwd", "mfa"],
    },
    # a password only: Eén Plan asks its own second factor
    "sso.professional": {
        "given_name": "Pim",
        "family_name": "Bakker",
        "roles": ["eenplan-professional"],
        "teams": ["Wijkteam Noord"],
        "amr": ["pwd"],
    },
    # an employee of the municipality without a role in Eén Plan
    "sso.parkeren": {"given_name": "Ali", "roles": ["parkeren-medewerker"], "amr": ["pwd", "mfa"]},
    # residents signing in with DigiD through the broker (inwoner.digid): the BSN of the
    # member with an account in tests/inwoner/gezin.py, at level Midden (a second factor)
    "digid.iris": {
        "bsn": "111222333",
        "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    },
    # a resident DigiD knows but Eén Plan has no account for
    "digid.onbekend": {
        "bsn": "999999990",
        "acr": "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract",
    },
}

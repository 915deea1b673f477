"""Demo accounts, one per kind of user; the README lists them."""

from allauth.account.models import EmailAddress
from django.contrib.auth.models import Group

from portal.models import User

# Published in the README; accounts only with DEBUG or when asked.
DEMO_PASSWORD = "demo-wachtwoord-2026"  # nosec B105

DEMO_USERS = [
    {"email": "redacteur@nji.example", "first_name": "Noor", "last_name": "de Redacteur", "group": "Moderators"},
    {"email": "beheer@nji.example", "first_name": "Bram", "last_name": "Beheerder", "superuser": True},
    {"email": "beleid@velsen.example", "first_name": "Fenna", "last_name": "Velsen"},
    {"email": "beleid@zaanstad.example", "first_name": "Joris", "last_name": "Zaanstad"},
]


def ensure_demo_users() -> list[User]:
    users = []
    for spec in DEMO_USERS:
        user = User.objects.filter(email=spec["email"]).first()
        if user is None:
            user = User(
                username=spec["email"],
                email=spec["email"],
                first_name=spec["first_name"],
                last_name=spec["last_name"],
                is_superuser=spec.get("superuser", False),
                is_staff=spec.get("superuser", False),
            )
            user.set_password(DEMO_PASSWORD)
            user.save()
            if "group" in spec:
                user.groups.add(Group.objects.get(name=spec["group"]))
        EmailAddress.objects.get_or_create(user=user, email=user.email, defaults={"verified": True, "primary": True})
        users.append(user)
    return users

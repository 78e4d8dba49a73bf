"""What django-axes records of a failed admin sign-in."""


def attempted_username(request, credentials) -> str:
    """The username tried, cut to the length of a real one: axes stores it in a 255-character
    column, and a longer value (which no account can have) would make PostgreSQL refuse the
    insert and the sign-in page fail."""
    if credentials:
        username = credentials.get("username")
    else:
        username = request.POST.get("username")
    return str(username or "")[:150]

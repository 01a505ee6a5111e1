"""Sentry's short-id numbers: base 32 with the alphabet of sentry.utils.numbers
(digits and capitals without I, L, O, U), e.g. 42 -> "1A", so BACKEND-1A."""

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def encode(number):
    if number == 0:
        return ALPHABET[0]
    digits = []
    while number:
        number, rest = divmod(number, 32)
        digits.append(ALPHABET[rest])
    return "".join(reversed(digits))


def decode(text):
    """Inverse of encode, forgiving like Sentry's (O->0, I/L->1, any case); None if invalid."""
    text = text.upper().replace("O", "0").replace("I", "1").replace("L", "1")
    value = 0
    for char in text:
        index = ALPHABET.find(char)
        if index < 0:
            return None
        value = value * 32 + index
    return value if text else None

"""The room secret, the join code that carries it, and per-device claim tokens.

The secret is 140 random bits written as 28 characters of Crockford's base32 (digits and
capital letters without I, L, O and U, so nothing reads as something else). The join code on
the projector is the same 28 characters in groups of four; typing it is forgiving: case,
spaces and dashes do not matter, and O, I and L read as 0, 1 and 1.
"""

from __future__ import annotations

import hashlib
import hmac
import secrets

ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"  # Crockford base32
SECRET_BITS = 140
SECRET_LENGTH = SECRET_BITS // 5  # 28 characters
_READS_AS = str.maketrans({"O": "0", "I": "1", "L": "1"})


def new_secret() -> str:
    """A fresh room secret: 28 base32 characters, 140 bits from the operating system's random source."""
    n = secrets.randbits(SECRET_BITS)
    return "".join(ALPHABET[(n >> (5 * i)) & 31] for i in range(SECRET_LENGTH))


def join_code(secret: str) -> str:
    """The secret as people read it off the projector: ``K7QF-2M9X-…`` (groups of four)."""
    return "-".join(secret[i:i + 4] for i in range(0, len(secret), 4))


def normalise(code: str) -> str:
    """What someone typed, as a secret: upper case, without spaces or dashes, O/I/L read as 0/1/1."""
    return "".join(c for c in code.upper().translate(_READS_AS) if c not in " -\t")


def same_secret(candidate: str, secret: str) -> bool:
    """Constant-time comparison of a typed or linked code with the room secret."""
    return hmac.compare_digest(normalise(candidate).encode("ascii", "replace"), secret.encode("ascii"))


def new_token() -> str:
    """A claim token for one device: 256 random bits, URL-safe."""
    return secrets.token_urlsafe(32)


def token_key(token: str) -> str:
    """What the room keeps of a claim token (its hash), so a log or a debugger never shows a usable one."""
    return hashlib.sha256(token.encode("utf-8", "replace")).hexdigest()

"""The room: participants vote from their own phones over the local network, nothing leaves the laptop.

Off by default; it exists only while the facilitator keeps the room open.

* :mod:`.codes`: the room secret (at least 128 bits), its join code and the claim tokens;
* :mod:`.limits`: request size and rate limits;
* :mod:`.state`: :class:`~.state.Room`, what the phones may see and do (claims, the current
  question, the participant's own vote), independent of any web framework and of Qt;
* :mod:`.server`: the Starlette app under Uvicorn, in a background thread;
* :mod:`.network`: which address of this computer the phones can reach;
* :mod:`.headless`: ``readiness room FILE``, the room without the desktop app.

The page the phones load is static HTML, CSS and JavaScript in ``static/``. The threat model
is in ``docs/room.md``. Nothing here imports Qt; the desktop app hands votes to its
operations layer through the ``submit`` callable a :class:`~.state.Room` is built with.
"""

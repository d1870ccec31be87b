"""The interview's state as it travels in the form, signed: the server keeps nothing.

Every page's form carries one hidden ``state`` field: the answers kept (those
a later change took off the path too), the text left in a number field, the
place and question shown, where a change returns, the language and when the
page was made, as compact JSON, then an HMAC-SHA256 of it under the server's
key. A process that holds the same key (``ALTERNANCE_WEB_SECRET``) reads any
other's forms, so a load balancer may send any request to any process.

A state whose signature does not match (changed in the browser, or made by a
server with another key) is refused whole: ``Tampered``. A kiosk also refuses
the answers of a state older than its idle reset (``expired``), so that a form
replayed from the browser's history cannot bring back the last visitor's. What a
state holds is still checked as typed answers are (``Interview.load_answers``):
the signature says who made it, not that today's flow takes it.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import hmac
import json
import secrets
from dataclasses import dataclass
from typing import Any, get_args

from alternance_tui.flow.model import Flow
from alternance_tui.interview.state import Interview, Place, ReturnPlace
from alternance_tui.wording.lookup import LANGUAGES

SECRET_VARIABLE = "ALTERNANCE_WEB_SECRET"
MIN_SECRET = 16  # characters of a secret given by the operator
MAX_STATE = 16_384  # characters of a state field: a whole interview takes well under 2,000
_VERSION = 1


class Tampered(ValueError):
    """The state was not made by a server holding this key, or not whole."""


@dataclass(frozen=True, slots=True)
class Opened:
    interview: Interview
    issued: float  # when the page holding it was made (seconds since the epoch)
    # Older than ``max_age`` (a kiosk's idle reset): its answers must not come back.
    expired: bool = False


def key_from(secret: str | None) -> bytes:
    """The signing key: from the operator's secret (shared by every process behind
    one address), else a new random one (this process's forms only)."""
    if not secret:
        return secrets.token_bytes(32)
    if len(secret) < MIN_SECRET:
        raise ValueError(
            f"{SECRET_VARIABLE} is {len(secret)} characters long: give at least {MIN_SECRET} "
            "random characters, e.g. the output of: python3 -c 'import secrets; "
            "print(secrets.token_urlsafe(32))'"
        )
    return hashlib.sha256(b"alternance-web:" + secret.encode("utf-8", "surrogatepass")).digest()


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


class Seal:
    def __init__(self, key: bytes) -> None:
        self._key = key

    def _mac(self, payload: bytes) -> bytes:
        return hmac.new(self._key, payload, hashlib.sha256).digest()

    def seal(self, interview: Interview, now: float) -> str:
        data = {
            "v": _VERSION,
            "l": interview.lang,
            "p": interview.place,
            "c": interview.current,
            "r": interview.returning_to,
            "a": interview.answers_json(),
            "d": interview.drafts,
            "t": int(now),
        }
        payload = json.dumps(data, separators=(",", ":"), ensure_ascii=True).encode("ascii")
        return f"{_b64(payload)}.{_b64(self._mac(payload))}"

    def open(self, token: str, flow: Flow, now: float, max_age: float | None = None) -> Opened:
        """The interview ``token`` holds (``expired`` when older than ``max_age``);
        Tampered when this server's key did not make it."""
        if len(token) > MAX_STATE or token.count(".") != 1:
            raise Tampered("not a state this server makes")
        body, mac = token.split(".")
        try:
            payload, signature = _unb64(body), _unb64(mac)
        except (binascii.Error, ValueError):
            raise Tampered("not base64") from None
        if not hmac.compare_digest(signature, self._mac(payload)):
            raise Tampered("signature does not match")
        data = json.loads(payload)  # ours, as the signature shows
        issued = float(data["t"])
        expired = max_age is not None and not (now - max_age <= issued <= now + 60)
        return Opened(_interview(flow, data), issued, expired)


def _interview(flow: Flow, data: dict[str, Any]) -> Interview:
    lang = data["l"] if data["l"] in LANGUAGES else LANGUAGES[0]
    interview = Interview(flow, lang=lang)
    # Checked again as any answers file is: a flow changed since the page was made
    # (a new release behind the same key) drops what it no longer takes.
    interview.load_answers(data["a"])
    interview.drafts = {str(q): str(text) for q, text in data["d"].items() if q in flow.questions}
    place, current, returning = data["p"], data["c"], data["r"]
    interview.place = place if place in get_args(Place) else "welcome"
    interview.returning_to = returning if returning in get_args(ReturnPlace) else None
    if interview.place == "question":
        if current in flow.questions:
            interview.current = current
        else:
            interview.place = "welcome"
    elif interview.place == "results" and not interview.complete:
        interview.results()  # to the first required question still missing
    return interview

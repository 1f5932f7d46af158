"""Story links: a link's identity, and the key /why looks it up by."""

from __future__ import annotations

from urllib.parse import unquote_plus, urlsplit, urlunsplit

_TRACKING_KEYS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid",
        "mc_cid", "mc_eid", "ocid", "cmp", "cmpid", "_ga", "_gl", "ref_src", "ito", "xtor", "icid",
        "smid", "sr_share",
    }
)  # fmt: skip
_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "pk_", "mtm_", "hsa_")


def _is_tracking(pair: str) -> bool:
    key = unquote_plus(pair.split("=", 1)[0]).strip().lower()
    return key in _TRACKING_KEYS or key.startswith(_TRACKING_PREFIXES)


def normalise_link(url: str) -> str:
    """A link's identity: lower-case scheme and host, no default port, no fragment, no trackers."""
    url = url.strip()
    try:
        parts = urlsplit(url)
        host = parts.hostname or ""
        port = parts.port
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if not host:
        return urlunsplit((parts.scheme, parts.netloc, parts.path, parts.query, ""))
    netloc = f"[{host}]" if ":" in host else host
    if port is not None and (scheme, port) not in (("http", 80), ("https", 443)):
        netloc = f"{netloc}:{port}"
    if "@" in parts.netloc:
        netloc = f"{parts.netloc.rsplit('@', 1)[0]}@{netloc}"
    query = "&".join(p for p in parts.query.split("&") if p and not _is_tracking(p))
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


def link_key(url: str) -> str:
    """A story link as /why looks it up: tracking parameters, http/https, ``www.``, a fragment and a
    trailing slash make no difference."""
    key = normalise_link(url)
    scheme, sep, rest = key.partition("://")
    if sep and scheme in ("http", "https"):
        key = rest
    key = key.removeprefix("www.")
    path, _, query = key.partition("?")
    return (path.rstrip("/") + (f"?{query}" if query else ""))[:1000]

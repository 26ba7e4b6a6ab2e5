"""Canonical URLs: one spelling per address, so duplicates that differ only in noise match.

Readers' copies of the same article arrive with tracking parameters (`utm_*`, `fbclid`...),
fragments, upper-case hosts, default ports and trailing slashes. `canonical_url` removes
those differences and nothing else: the path's case and the meaningful query stay.
"""

from __future__ import annotations

from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

# Query parameters that identify the click, not the page.
TRACKING_PARAMS = frozenset(
    {
        "fbclid",
        "gclid",
        "dclid",
        "gclsrc",
        "msclkid",
        "yclid",
        "twclid",
        "igshid",
        "mc_eid",
        "mc_cid",
        "_ga",
        "_gl",
        "_hsenc",
        "_hsmi",
        "mkt_tok",
        "oly_anon_id",
        "oly_enc_id",
        "vero_id",
        "wickedid",
        "ref_src",
        "cmpid",
        "ncid",
        "ocid",
        "sr_share",
        "share",
        "smid",
        "at_medium",
        "at_campaign",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_")
DEFAULT_PORTS = {"http": 80, "https": 443, "ftp": 21}


def is_tracking_param(name: str) -> bool:
    lowered = name.lower()
    return lowered in TRACKING_PARAMS or lowered.startswith(TRACKING_PREFIXES)


def canonical_url(url: str) -> str:
    """The canonical spelling of `url`; text that is not an absolute URL comes back trimmed."""
    text = (url or "").strip()
    try:
        parts = urlsplit(text)
        port = parts.port
    except ValueError:
        return text
    if not parts.scheme or not parts.netloc:
        return text
    scheme = parts.scheme.lower()
    host = (parts.hostname or "").rstrip(".")
    # hostname drops the brackets of an IPv6 literal; netloc needs them back.
    if ":" in host:
        host = f"[{host}]"
    netloc = host
    if parts.username is not None:
        credentials = parts.username + (f":{parts.password}" if parts.password is not None else "")
        netloc = f"{credentials}@{host}"
    if port is not None and DEFAULT_PORTS.get(scheme) != port:
        netloc += f":{port}"
    path = parts.path.rstrip("/")
    query = sorted(
        (name, value) for name, value in parse_qsl(parts.query, keep_blank_values=True) if not is_tracking_param(name)
    )
    return urlunsplit((scheme, netloc, path, urlencode(query), ""))

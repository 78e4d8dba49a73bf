"""Which addresses a document import may fetch: the policy, as plain functions.

No Django and no network here (``documents/fetching.py`` resolves and connects). A URL is
read once, by ``urllib.parse``, and everything after that — the check, the connection, the
``Host`` header — uses what this module made of it, so no second parser can disagree.

A host is read the way browsers read it (the WHATWG URL standard): ``2130706433``,
``0x7f.1`` and ``0177.0.0.1`` are all 127.0.0.1, and a host whose last label is a number
but which is not a valid address is refused rather than handed to the resolver.

Only public unicast addresses are fetched: loopback, private, shared (CGNAT), link-local,
multicast, documentation, benchmarking, reserved and unspecified addresses are refused, and
so are the IPv6 forms that carry an IPv4 address (mapped ``::ffff:a.b.c.d`` and NAT64
``64:ff9b::a.b.c.d`` are judged by the address they carry; 6to4 and Teredo, which relay to
an address chosen by whoever built it, are refused). An ``AllowList`` lets a deployment
name internal hosts or networks it trusts.
"""

import ipaddress
import re
from dataclasses import dataclass
from urllib.parse import quote, urlsplit

from documents.sources import SourceError

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
DEFAULT_PORTS = {"http": 80, "https": 443}

# Besides what ``ipaddress`` calls private (whose list changes between Python releases),
# and whatever it calls multicast, reserved, loopback, link-local or unspecified.
REFUSED_NETWORKS = tuple(
    ipaddress.ip_network(network)
    for network in (
        "0.0.0.0/8",  # "this network"
        "10.0.0.0/8",
        "100.64.0.0/10",  # shared address space (carrier-grade NAT)
        "127.0.0.0/8",
        "169.254.0.0/16",  # link-local, where clouds keep their metadata service
        "172.16.0.0/12",
        "192.0.0.0/24",  # IETF protocol assignments
        "192.0.2.0/24",  # documentation
        "192.88.99.0/24",  # 6to4 relays
        "192.168.0.0/16",
        "198.18.0.0/15",  # benchmarking
        "198.51.100.0/24",  # documentation
        "203.0.113.0/24",  # documentation
        "224.0.0.0/4",  # multicast
        "240.0.0.0/4",  # reserved, and the broadcast address
        "64:ff9b:1::/48",  # local-use NAT64
        "100::/64",  # discard
        "2001::/23",  # IETF protocol assignments, Teredo among them
        "2001:db8::/32",  # documentation
        "2002::/16",  # 6to4
        "3fff::/20",  # documentation
        "5f00::/16",  # segment routing
        "fc00::/7",  # unique local
        "fe80::/10",  # link-local
        "fec0::/10",  # site-local (deprecated, still routed by some)
        "ff00::/8",  # multicast
    )
)
GLOBAL_UNICAST_V6 = ipaddress.ip_network("2000::/3")
NAT64 = ipaddress.ip_network("64:ff9b::/96")

_DECIMAL = re.compile(r"[0-9]+")
_OCTAL = re.compile(r"0[0-7]*")
_HEX = re.compile(r"0[xX][0-9a-fA-F]*")
_HOST_NAME = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,62})(?:\.[a-z0-9_](?:[a-z0-9_-]{0,62}))*")
# What a request target may hold as is; anything else is percent-encoded.
_PATH_SAFE = "/%:@!$&'()*+,;=-._~?"


def _ipv4_number(part: str) -> int | None:
    if _HEX.fullmatch(part):
        return int(part[2:] or "0", 16)
    if len(part) > 1 and part.startswith("0"):
        return int(part, 8) if _OCTAL.fullmatch(part) else None
    if _DECIMAL.fullmatch(part):
        return int(part)
    return None


def _ends_in_a_number(host: str) -> bool:
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    last = parts[-1]
    return bool(_DECIMAL.fullmatch(last) or _HEX.fullmatch(last))


def parse_ipv4(host: str) -> ipaddress.IPv4Address:
    """An IPv4 address written in any form browsers accept: dotted, with one to four parts,
    each decimal, octal (``0177``) or hexadecimal (``0x7f``). ``ValueError`` otherwise."""
    parts = host.split(".")
    if parts[-1] == "" and len(parts) > 1:
        parts.pop()
    if len(parts) > 4:
        raise ValueError(f"{host!r} has more than four parts")
    numbers = [_ipv4_number(part) for part in parts]
    if None in numbers:
        raise ValueError(f"{host!r} is not a number in every part")
    *leading, last = numbers
    if any(number > 255 for number in leading) or last >= 256 ** (5 - len(numbers)):
        raise ValueError(f"{host!r} is out of range")
    value = last + sum(number << (8 * (3 - index)) for index, number in enumerate(leading))
    return ipaddress.IPv4Address(value)


def parse_host(host: str) -> IPAddress | str:
    """The address a URL's host names, or its host name (lower case, ASCII, without a
    trailing dot). ``ValueError`` when it is neither."""
    if not host:
        raise ValueError("no host")
    if ":" in host:  # urlsplit took the brackets off
        address = ipaddress.IPv6Address(host)
        if address.scope_id:
            raise ValueError("an IPv6 zone is not an address on the web")
        return address
    try:
        name = host.encode("idna").decode("ascii").lower()
    except UnicodeError as error:
        raise ValueError(f"{host!r} is not a valid host name") from error
    if _ends_in_a_number(name):
        return parse_ipv4(name)
    name = name.removesuffix(".")
    if not _HOST_NAME.fullmatch(name) or len(name) > 253:
        raise ValueError(f"{host!r} is not a valid host name")
    return name


def is_public_address(address: IPAddress) -> bool:
    """Whether ``address`` is a public unicast address of the internet."""
    if isinstance(address, ipaddress.IPv6Address):
        if address.scope_id:
            return False
        if address.ipv4_mapped is not None:
            return is_public_address(address.ipv4_mapped)
        if address in NAT64:
            return is_public_address(ipaddress.IPv4Address(int(address) & 0xFFFFFFFF))
        if address not in GLOBAL_UNICAST_V6:
            return False
    return address.is_global and not (
        address.is_multicast
        or address.is_reserved
        or address.is_loopback
        or address.is_link_local
        or address.is_unspecified
        or any(address in network for network in REFUSED_NETWORKS)
    )


@dataclass(frozen=True)
class AllowList:
    """Hosts a deployment trusts though they are not public: exact host names (whatever
    they resolve to) and networks (any host resolving into them)."""

    names: frozenset[str] = frozenset()
    networks: tuple[ipaddress.IPv4Network | ipaddress.IPv6Network, ...] = ()

    @classmethod
    def parse(cls, entries) -> "AllowList":
        """From host names and addresses or CIDR networks (``wiki.intranet``,
        ``10.1.0.0/16``, ``[::1]``). ``ValueError`` names an entry that is neither."""
        names, networks = set(), []
        for entry in entries:
            entry = entry.strip()
            if not entry:
                continue
            try:
                networks.append(ipaddress.ip_network(entry.strip("[]"), strict=False))
                continue
            except ValueError:
                pass
            try:
                host = parse_host(entry)
            except ValueError as error:
                raise ValueError(f"{entry!r} is neither a host name nor a network") from error
            if isinstance(host, str):
                names.add(host)
            else:
                networks.append(ipaddress.ip_network(host))
        return cls(frozenset(names), tuple(networks))

    def allows(self, host: IPAddress | str, address: IPAddress) -> bool:
        if isinstance(host, str) and host in self.names:
            return True
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
            address = address.ipv4_mapped
        return any(address in network for network in self.networks)


NOTHING_ALLOWED = AllowList()


@dataclass(frozen=True)
class Target:
    """Where one request goes, as read from its URL."""

    url: str
    scheme: str
    host: IPAddress | str  # an address, or a host name to resolve
    port: int
    request_target: str  # path and query, as sent

    @property
    def host_text(self) -> str:
        if isinstance(self.host, ipaddress.IPv6Address):
            return f"[{self.host}]"
        return str(self.host)

    @property
    def host_header(self) -> str:
        if self.port == DEFAULT_PORTS[self.scheme]:
            return self.host_text
        return f"{self.host_text}:{self.port}"

    @property
    def tls_name(self) -> str:
        """The name the certificate must be for (and the SNI sent)."""
        return str(self.host)


def refused(origin: str, reason: str) -> SourceError:
    """The one error every refused address gives, whatever its port or how it was
    reached, so that the answers tell nothing about what listens inside."""
    return SourceError("private_address", f"{origin}: {reason}; not fetched.", origin=origin)


def check_url(url: str, origin: str = "") -> Target:
    """Read ``url`` into a ``Target``: http or https, a valid host and port. ``origin`` is
    the address the curator gave (for the messages), when ``url`` is a redirection."""
    origin = origin or url
    try:
        parts = urlsplit(url)
        scheme = parts.scheme.lower()
        if scheme not in DEFAULT_PORTS:
            raise SourceError(
                "bad_scheme", f"{url}: only http and https URLs are read.", origin=origin
            )
        host = parse_host(parts.hostname or "")
        port = parts.port or DEFAULT_PORTS[scheme]
    except ValueError as error:
        raise SourceError(
            "bad_url", f"{url} is not a valid web address: {error}.", origin=origin
        ) from error
    path = quote(parts.path or "/", safe=_PATH_SAFE)
    query = quote(parts.query, safe=_PATH_SAFE)
    return Target(url, scheme, host, port, f"{path}?{query}" if query else path)


def check_addresses(target: Target, addresses, allowed: AllowList, origin: str) -> None:
    """Refuse ``target`` unless every address it resolved to is public or allowed."""
    for address in addresses:
        if not (is_public_address(address) or allowed.allows(target.host, address)):
            raise refused(origin, f"{target.host_text} is not a public address")

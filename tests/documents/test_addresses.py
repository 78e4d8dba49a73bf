"""The address policy of imports (documents/addresses.py): how a host is read, which
addresses are public, what a deployment may allow. Plain functions, fuzzed."""

import ipaddress
import socket

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from documents.addresses import (
    AllowList,
    check_addresses,
    check_url,
    is_public_address,
    parse_host,
    parse_ipv4,
)
from documents.sources import SourceError

FAST = settings(max_examples=300, deadline=None)

# The IANA special-purpose registries' address blocks that are not globally reachable, and
# the multicast and reserved ranges: the specification the policy is held to, written apart
# from it.
NOT_PUBLIC_V4 = [
    ipaddress.IPv4Network(network)
    for network in (
        "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16",
        "172.16.0.0/12", "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16",
        "198.18.0.0/15", "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
    )
]  # fmt: skip
PRIVATE_V4 = [
    ipaddress.IPv4Network(network)
    for network in (
        "127.0.0.0/8", "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16", "169.254.0.0/16",
        "0.0.0.0/8", "100.64.0.0/10", "224.0.0.0/4", "240.0.0.0/4",
    )
]  # fmt: skip
NOT_PUBLIC_V6 = [
    ipaddress.IPv6Network(network)
    for network in (
        "64:ff9b:1::/48", "2001::/23", "2001:db8::/32", "2002::/16", "3fff::/20", "5f00::/16",
    )
]  # fmt: skip


def address_in(networks):
    return st.sampled_from(networks).flatmap(
        lambda network: st.integers(int(network.network_address), int(network.broadcast_address))
    )


# Every way of writing one IPv4 address in a URL that a browser, or the C library's
# inet_aton behind getaddrinfo, reads as that address.
def dotted(n):
    return str(ipaddress.IPv4Address(n))


def octets(n):
    return ipaddress.IPv4Address(n).packed


IPV4_FORMS = {
    "dotted": dotted,
    "decimal": str,
    "hexadecimal": hex,
    "octal octets": lambda n: ".".join(f"0{byte:o}" for byte in octets(n)),
    "hexadecimal octets": lambda n: ".".join(hex(byte) for byte in octets(n)),
    "two parts": lambda n: f"{n >> 24}.{n & 0xFFFFFF}",
    "three parts": lambda n: f"{n >> 24}.{(n >> 16) & 0xFF}.{n & 0xFFFF}",
    "mixed": lambda n: f"0x{n >> 24:x}.0{(n >> 16) & 0xFF:o}.{n & 0xFFFF}",
}
IPV6_FORMS = {
    "mapped": lambda n: f"[::ffff:{dotted(n)}]",
    "mapped in hexadecimal": lambda n: f"[::ffff:{n >> 16:x}:{n & 0xFFFF:x}]",
    "NAT64": lambda n: f"[64:ff9b::{dotted(n)}]",
    "6to4": lambda n: f"[2002:{n >> 16:x}:{n & 0xFFFF:x}::1]",
}


@pytest.mark.parametrize(
    "host",
    ["127.0.0.1", "2130706433", "0x7f000001", "0177.0.0.1", "0x7f.1", "127.1", "127.0.1",
     "0X7F.0.0.0x1", "127.0.0.1.", "017700000001"],
)  # fmt: skip
def test_loopback_is_read_in_every_form_browsers_read(host):
    assert parse_host(host) == ipaddress.IPv4Address("127.0.0.1")


@pytest.mark.parametrize(
    "host", ["256.0.0.1", "1.2.3.4.5", "0x1g.1", "08.0.0.1", "example.123", "1.2.3.09", "1..1"]
)
def test_a_host_ending_in_a_number_that_is_no_address_is_refused(host):
    with pytest.raises(ValueError):
        parse_host(host)
    with pytest.raises(SourceError) as error:
        check_url(f"http://{host}/")
    assert error.value.code == "bad_url"


@FAST
@given(number=st.integers(0, 2**32 - 1), form=st.sampled_from(sorted(IPV4_FORMS)))
def test_every_form_of_an_ipv4_address_is_the_address_the_system_reads(number, form):
    written = IPV4_FORMS[form](number)
    assert parse_ipv4(written) == ipaddress.IPv4Address(number)
    assert socket.inet_aton(written) == octets(number)


@FAST
@given(
    number=address_in(PRIVATE_V4),
    form=st.sampled_from(sorted(IPV4_FORMS) + sorted(IPV6_FORMS)),
    port=st.integers(1, 65535),
)
def test_every_private_address_is_refused_in_every_form(number, form, port):
    written = {**IPV4_FORMS, **IPV6_FORMS}[form](number)
    target = check_url(f"http://{written}:{port}/latest/meta-data/")
    assert not is_public_address(target.host)
    with pytest.raises(SourceError) as error:
        check_addresses(target, [target.host], AllowList(), target.url)
    assert error.value.code == "private_address"


@FAST
@given(number=st.integers(0, 2**32 - 1))
def test_an_ipv4_address_is_public_exactly_when_no_special_block_holds_it(number):
    address = ipaddress.IPv4Address(number)
    special = any(address in network for network in NOT_PUBLIC_V4)
    assert is_public_address(address) is not special
    # The same, written as an IPv4-mapped or a NAT64 IPv6 address.
    assert is_public_address(ipaddress.IPv6Address(f"::ffff:{address}")) is not special
    assert is_public_address(ipaddress.IPv6Address(f"64:ff9b::{address}")) is not special


@FAST
@given(number=st.integers(int(ipaddress.IPv6Address("2000::")), 2**126 - 1))
def test_global_unicast_ipv6_is_public_unless_a_special_block_holds_it(number):
    address = ipaddress.IPv6Address(number)
    special = any(address in network for network in NOT_PUBLIC_V6)
    assert is_public_address(address) is not special


@FAST
@given(number=st.integers(0, 2**128 - 1))
def test_no_ipv6_address_outside_global_unicast_is_public_but_for_embedded_ipv4(number):
    address = ipaddress.IPv6Address(number)
    if address.ipv4_mapped or address in ipaddress.IPv6Network("64:ff9b::/96"):
        return
    if not address in ipaddress.IPv6Network("2000::/3"):  # noqa: E713
        assert not is_public_address(address)


@pytest.mark.parametrize(
    "address",
    ["127.0.0.1", "::1", "10.1.2.3", "172.31.255.255", "192.168.1.1", "169.254.169.254",
     "224.0.0.1", "239.255.255.250", "255.255.255.255", "0.0.0.0", "100.64.0.1", "::",
     "fc00::1", "fd12:3456::1", "fe80::1", "fec0::1", "ff02::1", "::ffff:127.0.0.1",
     "::ffff:10.0.0.1", "64:ff9b::7f00:1", "64:ff9b::a00:1", "64:ff9b:1::8.8.8.8",
     "2002:7f00:1::1", "2002:c0a8:101::1", "2002:808:808::1", "2001::1", "2001:db8::1",
     "::127.0.0.1", "fe80::1%eth0"],
)  # fmt: skip
def test_local_private_and_special_addresses_are_not_public(address):
    assert not is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    "address",
    ["8.8.8.8", "1.1.1.1", "93.184.216.34", "172.32.0.1", "192.169.0.1", "100.128.0.1",
     "2606:4700:4700::1111", "2a00:1450:4007:80e::200e", "::ffff:8.8.8.8", "64:ff9b::808:808"],
)  # fmt: skip
def test_public_addresses_are_public(address):
    assert is_public_address(ipaddress.ip_address(address))


@pytest.mark.parametrize(
    ("url", "code"),
    [
        ("ftp://example.org/file.txt", "bad_scheme"),
        ("file:///etc/passwd", "bad_scheme"),
        ("gopher://127.0.0.1:6379/_INFO", "bad_scheme"),
        ("http:///no-host", "bad_url"),
        ("http://[::1/", "bad_url"),
        ("http://example.org:99999/", "bad_url"),
        ("http://exa mple.org/", "bad_url"),
        ("http://[fe80::1%25eth0]/", "bad_url"),
    ],
)
def test_an_address_that_is_not_a_web_address_is_refused(url, code):
    with pytest.raises(SourceError) as error:
        check_url(url)
    assert error.value.code == code


def test_the_request_goes_where_the_url_says_with_its_host_header():
    target = check_url("https://Example.ORG./a path/é?q=1#fragment")
    assert (target.host, target.port, target.host_header) == ("example.org", 443, "example.org")
    assert target.request_target == "/a%20path/%C3%A9?q=1"
    assert check_url("http://[2606:4700::1]:8080/").host_header == "[2606:4700::1]:8080"
    assert check_url("http://bücher.example/").host == "xn--bcher-kva.example"


def test_the_allow_list_trusts_the_hosts_and_networks_it_names():
    allowed = AllowList.parse(["wiki.intranet", " 10.20.0.0/16", "[::1]", "", "192.168.1.7"])
    inside, elsewhere = ipaddress.ip_address("10.20.3.4"), ipaddress.ip_address("10.9.0.1")
    assert allowed.allows("wiki.intranet", elsewhere)
    assert allowed.allows("any.example", inside)
    assert not allowed.allows("other.intranet", elsewhere)
    assert allowed.allows("localhost", ipaddress.ip_address("::1"))
    assert allowed.allows(ipaddress.ip_address("192.168.1.7"), ipaddress.ip_address("192.168.1.7"))
    assert allowed.allows("x", ipaddress.ip_address("::ffff:10.20.0.1"))


@pytest.mark.parametrize("entry", ["not a host!", "10.0.0.0/33", "http://wiki/"])
def test_an_allow_list_entry_that_is_neither_a_host_nor_a_network_is_an_error(entry):
    with pytest.raises(ValueError, match="neither a host name nor a network"):
        AllowList.parse([entry])


def test_every_resolved_address_must_be_public_or_allowed():
    target = check_url("http://example.org/")
    public, private = ipaddress.ip_address("93.184.216.34"), ipaddress.ip_address("10.0.0.1")
    check_addresses(target, [public], AllowList(), target.url)
    with pytest.raises(SourceError) as error:
        check_addresses(target, [public, private], AllowList(), target.url)
    assert error.value.code == "private_address"
    check_addresses(target, [public, private], AllowList.parse(["10.0.0.0/8"]), target.url)

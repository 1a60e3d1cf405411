"""Which address of this computer the phones in the room can reach.

The room must listen on the laptop's address in the room's Wi-Fi (or its own hotspot), not on
loopback, which no phone can reach, and preferably not on a virtual adapter (Docker, VPN,
virtual machines). :func:`interfaces` lists the IPv4 addresses found, best first; the
facilitator may pick another. Finding the addresses sends nothing: the default-route check
"connects" a UDP socket, which only asks the operating system which address it would use.
"""

from __future__ import annotations

import contextlib
import ipaddress
import socket
import struct
import sys
from dataclasses import dataclass

VIRTUAL = ("docker", "br-", "veth", "virbr", "vmnet", "vboxnet", "tun", "tap", "wg", "zt", "lxc", "lxd",
           "utun", "vEthernet", "tailscale", "cni", "flannel")


@dataclass(frozen=True, slots=True)
class Interface:
    address: str
    name: str = ""  # the adapter's name, when the system tells it
    kind: str = "lan"  # "lan", "virtual", "link-local" or "loopback"
    default_route: bool = False

    @property
    def label(self) -> str:
        return f"{self.address} ({self.name})" if self.name else self.address


def _kind(address: str, name: str) -> str:
    ip = ipaddress.IPv4Address(address)
    if ip.is_loopback:
        return "loopback"
    if ip.is_link_local:
        return "link-local"
    if name and any(name.lower().startswith(v.lower()) for v in VIRTUAL):
        return "virtual"
    return "lan"


def _by_adapter() -> dict[str, str]:
    """address -> adapter name, on Linux (SIOCGIFADDR per interface); empty elsewhere."""
    found: dict[str, str] = {}
    if not sys.platform.startswith("linux"):
        return found
    try:
        import fcntl

        names = [n for _i, n in socket.if_nameindex()]
    except (ImportError, OSError):
        return found
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        for name in names:
            with contextlib.suppress(OSError):
                packed = fcntl.ioctl(s.fileno(), 0x8915, struct.pack("256s", name[:15].encode()))
                found.setdefault(socket.inet_ntoa(packed[20:24]), name)
    return found


def _by_hostname() -> set[str]:
    with contextlib.suppress(OSError, UnicodeError):
        return {str(info[4][0]) for info in socket.getaddrinfo(socket.gethostname(), None, socket.AF_INET)}
    return set()


def default_route_address() -> str | None:
    """The address this computer would send from to the outside (no packet is sent); None without a route."""
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
        s.connect(("192.0.2.1", 9))  # TEST-NET-1: never routed anywhere real; UDP connect sends nothing
        address = str(s.getsockname()[0])
        return None if address == "0.0.0.0" else address
    return None


def interfaces(*, include_loopback: bool = False) -> list[Interface]:
    """This computer's IPv4 addresses, best first: the default route's, other LAN ones, virtual,
    link-local (and loopback last, only when asked)."""
    named = _by_adapter()
    default = default_route_address()
    addresses = set(named) | _by_hostname() | ({default} if default else set())
    found = [Interface(a, named.get(a, ""), _kind(a, named.get(a, "")), a == default) for a in addresses]
    rank = {"lan": 0, "virtual": 1, "link-local": 2, "loopback": 3}
    found.sort(key=lambda i: (rank[i.kind], not i.default_route, ipaddress.IPv4Address(i.address)))
    return [i for i in found if include_loopback or i.kind != "loopback"]


def best(found: list[Interface]) -> Interface | None:
    """The address to open the room on, or None when there is no network the phones could share."""
    usable = [i for i in found if i.kind != "loopback"]
    return usable[0] if usable else None

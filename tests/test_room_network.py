"""Which address the room opens on: the laptop's Wi-Fi or hotspot address, never loopback."""

from __future__ import annotations

import sys

import pytest

from readiness_app.room import network


def _machine(monkeypatch: pytest.MonkeyPatch, named: dict[str, str], by_name: set[str], default: str | None) -> None:
    monkeypatch.setattr(network, "_by_adapter", lambda: dict(named))
    monkeypatch.setattr(network, "_by_hostname", lambda: set(by_name))
    monkeypatch.setattr(network, "default_route_address", lambda: default)


def test_the_default_route_lan_address_comes_first_and_virtual_ones_last(monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, {"127.0.0.1": "lo", "172.17.0.1": "docker0", "10.42.0.1": "wlan0",
                           "192.168.1.23": "eth0", "169.254.3.9": "eth1"}, {"127.0.1.1"}, "192.168.1.23")
    found = network.interfaces()
    assert [i.address for i in found] == ["192.168.1.23", "10.42.0.1", "172.17.0.1", "169.254.3.9"]
    assert [i.kind for i in found] == ["lan", "lan", "virtual", "link-local"]
    assert found[0].default_route and found[0].label == "192.168.1.23 (eth0)"
    assert network.best(found) == found[0]
    with_loopback = network.interfaces(include_loopback=True)
    assert [i.address for i in with_loopback][-2:] == ["127.0.0.1", "127.0.1.1"]


def test_a_hotspot_without_a_route_elsewhere_is_chosen(monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, {"127.0.0.1": "lo", "192.168.137.1": "wlan0"}, set(), None)
    best = network.best(network.interfaces())
    assert best is not None and best.address == "192.168.137.1"


def test_no_network_means_no_address(monkeypatch: pytest.MonkeyPatch) -> None:
    _machine(monkeypatch, {"127.0.0.1": "lo"}, {"127.0.1.1"}, None)
    assert network.interfaces() == [] and network.best(network.interfaces()) is None
    assert network.best(network.interfaces(include_loopback=True)) is None


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="adapter names are read on Linux only")
def test_this_computers_adapters_are_read_by_name() -> None:
    found = {i.address: i for i in network.interfaces(include_loopback=True)}
    assert found["127.0.0.1"].name == "lo" and found["127.0.0.1"].kind == "loopback"
    assert "127.0.0.1" not in {i.address for i in network.interfaces()}

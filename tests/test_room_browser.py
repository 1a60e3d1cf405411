"""The real phone page in headless Chromium against the room served on 127.0.0.1.

Join with the code, claim a name, vote, see the reveal, follow the facilitator, reconnect after
the network drops, and two phones racing for one participant. Skipped when Chromium is absent.
"""

from __future__ import annotations

import os
import shutil
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from readiness_app.questionnaire.loader import Library
from readiness_app.room.limits import RoomLimits
from room_helpers import Served, go, make_file, served

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not (Path(CHROMIUM).exists() and Path(CHROMEDRIVER).exists()),
                       reason="Chromium and chromedriver are not installed (/usr/bin/chromium, /usr/bin/chromedriver)"),
]


def _shot(driver: Any, folder: Path, name: str) -> Path:
    """A screenshot of the whole page on a phone-sized window (ROOM_SHOTS=DIR keeps a copy to look at)."""
    height = driver.execute_script("return document.documentElement.scrollHeight")
    driver.set_window_size(390, max(844, int(height) + 100))
    driver.execute_script("window.scrollTo(0, 0)")
    path = folder / name
    driver.save_screenshot(str(path))
    if os.environ.get("ROOM_SHOTS"):
        shutil.copy(path, Path(os.environ["ROOM_SHOTS"]) / name)
    assert path.stat().st_size > 10_000
    return path


@pytest.fixture
def browser(tmp_path: Path) -> Iterator[Callable[..., Any]]:
    from selenium import webdriver
    from selenium.webdriver.chrome.service import Service

    drivers: list[Any] = []

    def make(name: str = "phone", lang: str = "en-US") -> Any:
        opts = webdriver.ChromeOptions()
        opts.binary_location = CHROMIUM
        for arg in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                    "--disable-component-update", "--disable-sync", "--no-first-run",
                    f"--user-data-dir={tmp_path / ('profile-' + name)}", "--window-size=390,844", f"--lang={lang}"):
            opts.add_argument(arg)
        opts.add_experimental_option("prefs", {"intl.accept_languages": lang})
        driver = webdriver.Chrome(options=opts, service=Service(CHROMEDRIVER))
        driver.set_page_load_timeout(20)
        drivers.append(driver)
        return driver

    yield make
    for d in drivers:
        d.quit()
    for p in tmp_path.glob("profile-*"):
        shutil.rmtree(p, ignore_errors=True)


@pytest.fixture
def s(tmp_path: Path, mini_library: Library) -> Iterator[Served]:
    limits = RoomLimits(poll_ms=300)  # the page asks every 0.3 s instead of 2 s: the same path, sooner
    with served(make_file(tmp_path / "room.readiness", mini_library), limits) as room:
        go(room, "mat.mon.drift")
        yield room


def _wait(driver: Any, condition: Callable[[Any], Any], timeout: float = 10) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, timeout, poll_frequency=0.1).until(condition)


def _by_id(driver: Any, element_id: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.ID, element_id)


def _visible(element_id: str) -> Callable[[Any], bool]:
    return lambda d: _by_id(d, element_id).is_displayed()


def _text(element_id: str, part: str) -> Callable[[Any], bool]:
    return lambda d: part in _by_id(d, element_id).text


def _person(driver: Any, name: str) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.XPATH, f"//ul[@id='people']//button[span[1][normalize-space()='{name}']]")


def _level(driver: Any, value: int) -> Any:
    from selenium.webdriver.common.by import By

    return driver.find_element(By.XPATH, f"//input[@name='answer'][@value='{value}']/following-sibling::label")


def _join(driver: Any, s: Served, name: str) -> None:
    driver.get(s.server.join_url)
    _wait(driver, _visible("pick"))
    _person(driver, name).click()
    _wait(driver, _visible("vote"))


def test_join_with_the_code_claim_a_name_and_vote(s: Served, browser: Callable[..., Any],
                                                  tmp_path: Path) -> None:
    phone = browser()
    phone.get(f"http://127.0.0.1:{s.port}/")
    _shot(phone, tmp_path, "room-phone-join.png")
    code = _by_id(phone, "code")
    assert phone.switch_to.active_element == code  # the cursor waits in the code field
    code.send_keys("wrong-code")
    code.submit()
    _wait(phone, _text("join-status", "not right"))
    code.clear()
    code.send_keys(s.room.join_code.lower())  # as typed off the projector, in lower case with dashes
    code.submit()
    _wait(phone, _visible("pick"))
    assert phone.current_url == s.server.join_url
    _shot(phone, tmp_path, "room-phone-pick.png")
    _person(phone, "Anna Muster").click()
    _wait(phone, _visible("vote"))
    assert _by_id(phone, "who").text == "You vote as Anna Muster"
    assert _by_id(phone, "q-text").text == "Is drift monitored?"
    labels = [e.text for e in phone.find_elements("css selector", "#choice-list label")]
    assert labels == ["0\nNo", "1\nAd hoc", "2\nPartly", "3\nMostly", "4\nFully"]
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Choose an answer first"))
    assert s.file.answer("mat.mon.drift", "org", "p1") is None
    _level(phone, 3).click()
    _by_id(phone, "note").send_keys("dashboards only")
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Received"))
    a = s.file.answer("mat.mon.drift", "org", "p1")
    assert a is not None and (a.value, a.note, a.author, a.source) == (3, "dashboards only", "Anna Muster", "room")
    assert s.room.progress() == (1, 3)
    assert _by_id(phone, "send").text == "Change my vote"
    _shot(phone, tmp_path, "room-phone-vote.png")


def test_the_phone_follows_the_facilitator_and_closes_at_the_reveal(s: Served, browser: Callable[..., Any]) -> None:
    phone = browser()
    _join(phone, s, "Ben Beispiel")
    _level(phone, 1).click()
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Received"))
    s.console.command("reveal")
    _wait(phone, _visible("revealed"))
    assert not _by_id(phone, "send").is_enabled()
    assert _by_id(phone, "vote-status").text == "Your vote is saved."
    go(s, "mat.mon.kpi")  # the next question on the projector
    _wait(phone, _text("q-text", "Overrides per week"))
    assert _by_id(phone, "number-box").is_displayed() and "(per week)" in _by_id(phone, "number-label").text
    _by_id(phone, "na").click()
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Say why"))
    _by_id(phone, "reason").send_keys("we do not count them")
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Received"))
    a = s.file.answer("mat.mon.kpi", "org", "p2")
    assert a is not None and a.not_applicable and a.note == "we do not count them"
    s.console.command("go nothing")  # an unknown id leaves the projector as it is
    s.room.update(current=None)
    _wait(phone, _visible("wait"))


def test_the_page_in_german(s: Served, browser: Callable[..., Any]) -> None:
    phone = browser("de", lang="de-DE")
    _join(phone, s, "Cleo Test")
    assert _by_id(phone, "q-text").text == "Wird Drift überwacht?"
    assert _by_id(phone, "send").text == "Meine Stimme senden" and phone.find_element("tag name", "html").get_attribute("lang") == "de"
    _by_id(phone, "lang").click()
    _wait(phone, _text("q-text", "Is drift monitored?"))


def test_the_page_reconnects_after_the_network_drops(s: Served, browser: Callable[..., Any]) -> None:
    phone = browser()
    _join(phone, s, "Anna Muster")
    phone.execute_cdp_cmd("Network.enable", {})
    phone.execute_cdp_cmd("Network.emulateNetworkConditions",
                          {"offline": True, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    _wait(phone, _text("conn", "Reconnecting"))
    go(s, "mat.mon.kpi")  # the facilitator moves on while the phone is away
    phone.execute_cdp_cmd("Network.emulateNetworkConditions",
                          {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": -1})
    _wait(phone, _text("q-text", "Overrides per week"), timeout=15)
    assert not _by_id(phone, "conn").is_displayed()
    _by_id(phone, "number").send_keys("12")
    _by_id(phone, "send").click()
    _wait(phone, _text("vote-status", "Received"))
    assert s.file.answer("mat.mon.kpi", "org", "p1").value == 12


def test_two_phones_racing_for_one_participant(s: Served, browser: Callable[..., Any]) -> None:
    phones = [browser("a"), browser("b")]
    for p in phones:
        p.get(s.server.join_url)
        _wait(p, _visible("pick"))
    buttons = [_person(p, "Anna Muster") for p in phones]
    go_now = threading.Barrier(2)

    def tap(i: int) -> None:
        go_now.wait()
        buttons[i].click()

    threads = [threading.Thread(target=tap, args=(i,)) for i in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()

    def settled(_d: Any) -> bool:
        return sum(_by_id(p, "vote").is_displayed() for p in phones) == 1 and any(
            "Another device" in _by_id(p, "pick-status").text for p in phones)

    _wait(phones[0], settled)
    winner, loser = (phones[0], phones[1]) if _by_id(phones[0], "vote").is_displayed() else (phones[1], phones[0])
    assert not _person(loser, "Anna Muster").is_enabled()  # shown as taken
    assert s.room.claimed() == {"p1"}
    s.room.release("p1")  # the facilitator frees the name
    _wait(winner, _visible("pick"))  # the first phone no longer votes for Anna
    loser.refresh()
    _wait(loser, _visible("pick"))
    _person(loser, "Anna Muster").click()
    _wait(loser, _visible("vote"))
    _level(loser, 2).click()
    _by_id(loser, "send").click()
    _wait(loser, _text("vote-status", "Received"))
    assert s.file.answer("mat.mon.drift", "org", "p1").value == 2

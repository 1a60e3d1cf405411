"""Interface strings of the room (participants voting from their phones), in English and German.

Merged into :data:`readiness_app.ui.i18n.STRINGS` when that module loads; ``tr()`` finds them
like any other key. The phone page's own words are in ``room/static/room.js`` (both languages).
"""

from __future__ import annotations

STRINGS: dict[str, tuple[str, str]] = {
    "action.room": ("Open the &room (votes from phones)…", "&Raum öffnen (Stimmen per Telefon)…"),
    "q.room": ("Room (phones)", "Raum (Telefone)"),
    "q.room_tip": ("Let the participants vote from their own phones over this laptop's network",
                   "Die Teilnehmenden mit ihren eigenen Telefonen über das Netz dieses Laptops abstimmen lassen"),
    "undo.room_vote": ("Vote of {name} from the room on {question}", "Stimme von {name} aus dem Raum zu {question}"),
    "room.window_title": ("Room – Readiness Studio", "Raum – Readiness Studio"),
    "room.title": ("Vote from your phone", "Mit dem Telefon abstimmen"),
    "room.step1": ("1. Connect your phone to the same Wi-Fi as this laptop.",
                   "1. Verbinden Sie Ihr Telefon mit demselben WLAN wie dieser Laptop."),
    "room.step2": ("2. Scan the code, or open this address and type the join code:",
                   "2. Scannen Sie den Code, oder öffnen Sie diese Adresse und geben Sie den Beitrittscode ein:"),
    "room.step3": ("3. Pick your name, then vote on the question shown here.",
                   "3. Wählen Sie Ihren Namen und stimmen Sie über die hier gezeigte Frage ab."),
    "room.private": ("The votes go only to this laptop, nothing to the internet. They stay hidden until revealed.",
                     "Die Stimmen gehen nur an diesen Laptop, nichts ins Internet. Sie bleiben verdeckt, bis sie "
                     "aufgedeckt werden."),
    "room.waiting": ("No question is open for voting: show a question step.",
                     "Keine Frage ist zur Abstimmung offen: Zeigen Sie einen Fragenschritt."),
    "room.question": ("Now: {question}", "Jetzt: {question}"),
    "room.revealed": ("Votes revealed: voting on this question is closed.",
                      "Stimmen aufgedeckt: Die Abstimmung zu dieser Frage ist geschlossen."),
    "room.network": ("&Network:", "&Netzwerk:"),
    "room.network_name": ("The network the phones use to reach this laptop",
                          "Das Netzwerk, über das die Telefone diesen Laptop erreichen"),
    "room.refresh": ("&Refresh", "A&ktualisieren"),
    "room.no_network": ("No network found. Connect this laptop to the room's Wi-Fi or turn on its mobile hotspot, "
                        "then choose Refresh. The phones talk to this laptop directly; no internet is needed.",
                        "Kein Netzwerk gefunden. Verbinden Sie diesen Laptop mit dem WLAN des Raums oder schalten "
                        "Sie seinen mobilen Hotspot ein und wählen Sie dann Aktualisieren. Die Telefone sprechen "
                        "direkt mit diesem Laptop; Internet ist nicht nötig."),
    "room.kind_virtual": ("virtual adapter", "virtueller Adapter"),
    "room.kind_link_local": ("no DHCP address", "ohne DHCP-Adresse"),
    "room.self_join": ("Participants may &add themselves", "Teilnehmende dürfen sich selbst &hinzufügen"),
    "room.claims": ("Phones connected: {count} of {total}", "Verbundene Telefone: {count} von {total}"),
    "room.claims_name": ("Participants and their phones", "Teilnehmende und ihre Telefone"),
    "room.claimed": ("{name} – phone connected", "{name} – Telefon verbunden"),
    "room.unclaimed": ("{name} – not yet", "{name} – noch nicht"),
    "room.release": ("Re&lease the name", "Namen &freigeben"),
    "room.release_tip": ("Lets another phone claim the selected name (the old phone can no longer vote as them)",
                         "Ein anderes Telefon darf den gewählten Namen übernehmen (das alte Telefon stimmt nicht mehr "
                         "für ihn ab)"),
    "room.close": ("&Close the room", "Raum &schließen"),
    "room.start_failed": ("The room could not be opened on {address} ({reason}). Choose another network or try "
                          "again.",
                          "Der Raum konnte auf {address} nicht geöffnet werden ({reason}). Wählen Sie ein anderes "
                          "Netzwerk oder versuchen Sie es erneut."),
    "room.qr_name": ("QR code with the join address", "QR-Code mit der Beitrittsadresse"),
    "room.address_name": ("Join address", "Beitrittsadresse"),
    "room.code_name": ("Join code", "Beitrittscode"),
    "room.no_session": ("Open an assessment first.", "Öffnen Sie zuerst eine Bewertung."),
}

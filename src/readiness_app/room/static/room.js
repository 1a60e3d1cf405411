/* The room's phone page: pick your name, then vote on the question on the projector.
   Polls the state every 2 s while the page is visible; catches up at once when the phone wakes. */
"use strict";
(function () {
  var TEXT = {
    en: {
      lang_other: "Deutsch", pick_title: "Who are you?", not_me: "Not you?",
      pick_intro: "Pick your name. Your phone then votes for you, and only for you.",
      self_title: "Not in the list?", self_name: "Your name", self_role: "Your role", self_button: "Add me",
      wait_title: "Waiting for the next question",
      wait_text: "The facilitator will put a question on the projector. It appears here by itself.",
      help: "What is meant?", na: "Does not apply to us", reason: "Why not? (required)", note: "Note (optional)",
      send: "Send my vote", send_again: "Change my vote", number_label: "Your estimate",
      revealed: "The votes are revealed: voting on this question is closed. Look at the projector.",
      not_votable: "The room answers this question together. Look at the projector.",
      gone_title: "The room is closed", gone_text: "The facilitator has closed the room. Your votes are saved.",
      you_vote_as: "You vote as {name}", taken: "taken", pick_level: "Pick a level", pick_one: "Pick one",
      pick_any: "Tick all that apply", sending: "Sending…", received: "Received ✓ Your vote is saved.",
      saved_before: "Your vote is saved. You can change it until the votes are revealed.",
      closed_saved: "Your vote is saved.", closed_none: "You did not vote on this question.",
      reconnecting: "Connection lost. Reconnecting…",
      err_claimed: "Another device has already claimed this name. Ask the facilitator to release it.",
      err_not_claimed: "This phone no longer votes for you (the facilitator released it). Pick your name again.",
      err_not_current: "The facilitator has moved on: this question is no longer on the projector.",
      err_voting_closed: "The votes are revealed: voting on this question is closed.",
      err_reason_missing: "Say why the question does not apply.", err_pick: "Choose an answer first.",
      err_number: "Type a number, for example 12 or 3.5.", err_too_long: "That text is too long.",
      err_name_missing: "Enter your name.", err_name_taken: "That name is in the list already; pick it there.",
      err_slow_down: "Too many requests; wait a moment and try again.",
      err_not_saved: "The vote could not be saved. Tell the facilitator.",
      err_other: "That did not work ({code}). Try again.", unit: "Unit: {unit}"
    },
    de: {
      lang_other: "English", pick_title: "Wer sind Sie?", not_me: "Nicht Sie?",
      pick_intro: "Wählen Sie Ihren Namen. Ihr Telefon stimmt dann für Sie ab, und nur für Sie.",
      self_title: "Nicht in der Liste?", self_name: "Ihr Name", self_role: "Ihre Rolle", self_button: "Mich hinzufügen",
      wait_title: "Warten auf die nächste Frage",
      wait_text: "Die Moderation zeigt gleich eine Frage am Beamer. Sie erscheint hier von selbst.",
      help: "Was ist gemeint?", na: "Trifft bei uns nicht zu", reason: "Warum nicht? (Pflichtfeld)",
      note: "Notiz (optional)", send: "Meine Stimme senden", send_again: "Meine Stimme ändern",
      number_label: "Ihre Schätzung",
      revealed: "Die Stimmen sind aufgedeckt: Die Abstimmung zu dieser Frage ist geschlossen. Schauen Sie auf den Beamer.",
      not_votable: "Diese Frage beantwortet die Runde gemeinsam. Schauen Sie auf den Beamer.",
      gone_title: "Der Raum ist geschlossen",
      gone_text: "Die Moderation hat den Raum geschlossen. Ihre Stimmen sind gespeichert.",
      you_vote_as: "Sie stimmen ab als {name}", taken: "vergeben", pick_level: "Stufe wählen",
      pick_one: "Eine Antwort wählen", pick_any: "Alles Zutreffende ankreuzen", sending: "Wird gesendet…",
      received: "Angekommen ✓ Ihre Stimme ist gespeichert.",
      saved_before: "Ihre Stimme ist gespeichert. Sie können sie ändern, bis die Stimmen aufgedeckt werden.",
      closed_saved: "Ihre Stimme ist gespeichert.", closed_none: "Sie haben zu dieser Frage nicht abgestimmt.",
      reconnecting: "Verbindung unterbrochen. Neuer Versuch…",
      err_claimed: "Ein anderes Gerät hat diesen Namen schon gewählt. Bitten Sie die Moderation, ihn freizugeben.",
      err_not_claimed: "Dieses Telefon stimmt nicht mehr für Sie ab (die Moderation hat es freigegeben). Wählen Sie Ihren Namen erneut.",
      err_not_current: "Die Moderation ist weiter: Diese Frage ist nicht mehr am Beamer.",
      err_voting_closed: "Die Stimmen sind aufgedeckt: Die Abstimmung zu dieser Frage ist geschlossen.",
      err_reason_missing: "Sagen Sie, warum die Frage nicht zutrifft.", err_pick: "Wählen Sie zuerst eine Antwort.",
      err_number: "Geben Sie eine Zahl ein, zum Beispiel 12 oder 3,5.", err_too_long: "Der Text ist zu lang.",
      err_name_missing: "Geben Sie Ihren Namen ein.",
      err_name_taken: "Dieser Name steht schon in der Liste; wählen Sie ihn dort.",
      err_slow_down: "Zu viele Anfragen; bitte kurz warten und erneut versuchen.",
      err_not_saved: "Die Stimme konnte nicht gespeichert werden. Sagen Sie es der Moderation.",
      err_other: "Das hat nicht geklappt ({code}). Bitte erneut versuchen.", unit: "Einheit: {unit}"
    }
  };
  var POLL_MS = 2000;  // the room tells its own interval with each state
  var secret = (location.pathname.match(/\/j\/([^/]+)\//) || [])[1] || "";
  var api = "/j/" + secret + "/api/";
  var tokenKey = "readiness.room.claim." + secret;
  var lang = localStorage.getItem("readiness.room.lang") ||
    ((navigator.language || "en").toLowerCase().indexOf("de") === 0 ? "de" : "en");
  var token = localStorage.getItem(tokenKey) || "";
  var state = null, shownKey = null, timer = null, failures = 0, busy = false, peopleShown = "";

  function $(id) { return document.getElementById(id); }
  function t(key, values) {
    var s = (TEXT[lang] && TEXT[lang][key]) || TEXT.en[key] || key;
    Object.keys(values || {}).forEach(function (k) { s = s.split("{" + k + "}").join(values[k]); });
    return s;
  }
  function errorText(body, status) {
    var code = (body && body.code) || String(status);
    return TEXT.en["err_" + code] ? t("err_" + code) : t("err_other", {code: code});
  }
  function show(id) {
    ["pick", "wait", "vote", "gone"].forEach(function (s) { $(s).hidden = s !== id; });
  }

  function request(method, path, body) {
    var headers = {"Accept": "application/json"};
    if (token) headers["X-Claim"] = token;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    var sep = path.indexOf("?") < 0 ? "?" : "&";
    return fetch(api + path + sep + "lang=" + lang, {
      method: method, headers: headers, cache: "no-store", credentials: "omit",
      body: body === undefined ? undefined : JSON.stringify(body)
    }).then(function (r) {
      return r.json().catch(function () { return {}; }).then(function (data) {
        return {status: r.status, ok: r.ok, body: data};
      });
    });
  }

  function setToken(value) {
    token = value || "";
    if (token) localStorage.setItem(tokenKey, token); else localStorage.removeItem(tokenKey);
  }

  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach(function (el) { el.textContent = t(el.getAttribute("data-t")); });
    $("lang").textContent = t("lang_other");
    $("lang").setAttribute("lang", lang === "de" ? "en" : "de");
  }

  // ------------------------------------------------------------------ picking a name

  function loadPeople() {
    return request("GET", "participants").then(function (r) {
      if (!r.ok) return handleFailure(r);
      connected();
      show("pick");
      schedule(POLL_MS);  // names taken or released meanwhile show up by themselves
      var seen = JSON.stringify(r.body) + lang;
      if (seen === peopleShown) return;
      peopleShown = seen;
      var list = $("people");
      list.textContent = "";
      r.body.participants.forEach(function (p) {
        var li = document.createElement("li");
        var b = document.createElement("button");
        b.type = "button";
        b.dataset.id = p.id;
        b.disabled = p.taken;
        var name = document.createElement("span");
        name.textContent = p.name;
        var role = document.createElement("span");
        role.className = "role";
        role.textContent = p.role + (p.taken ? " · " + t("taken") : "");
        b.appendChild(name);
        b.appendChild(role);
        b.addEventListener("click", function () { claim(p.id); });
        li.appendChild(b);
        list.appendChild(li);
      });
      $("self-join").hidden = !r.body.self_join;
      var roles = $("self-role");
      roles.textContent = "";
      (r.body.roles || []).forEach(function (role) {
        var o = document.createElement("option");
        o.value = role.id;
        o.textContent = role.label;
        roles.appendChild(o);
      });
      roles.value = "other";
    });
  }

  function claimed(r, statusEl) {
    if (!r.ok) {
      statusEl.textContent = errorText(r.body, r.status);
      if (r.status === 409) loadPeople();
      return;
    }
    setToken(r.body.token);
    statusEl.textContent = "";
    shownKey = null;
    peopleShown = "";
    poll();
  }

  function claim(id) {
    request("POST", "claim", {participant: id}).then(function (r) { claimed(r, $("pick-status")); }, lost);
  }

  // ------------------------------------------------------------------ the question

  function renderQuestion(q, vote) {
    shownKey = q.key;
    $("q-context").textContent = q.context || "";
    $("q-context").hidden = !q.context;
    $("q-text").textContent = q.text;
    $("q-help").textContent = q.help || "";
    $("q-help-box").hidden = !q.help;
    $("q-help-box").open = false;
    var list = $("choice-list");
    list.textContent = "";
    var isNumber = q.type === "number";
    $("choices").hidden = isNumber || !q.votable;
    $("number-box").hidden = !isNumber;
    $("number-label").textContent = t("number_label") + (q.unit ? " (" + q.unit + ")" : "");
    $("choices-legend").textContent = q.type === "scale" ? t("pick_level") : q.type === "checklist" ? t("pick_any") : t("pick_one");
    var items = q.type === "scale" ? q.levels.map(function (l) { return {id: l.value, mark: String(l.value), label: l.label}; })
      : q.options.map(function (o, i) { return {id: o.id, mark: String(i + 1), label: o.label}; });
    items.forEach(function (item, i) {
      var box = document.createElement("div");
      box.className = "choice";
      var input = document.createElement("input");
      input.type = q.type === "checklist" ? "checkbox" : "radio";
      input.name = "answer";
      input.id = "answer-" + i;
      input.value = String(item.id);
      var label = document.createElement("label");
      label.htmlFor = input.id;
      var mark = document.createElement("span");
      mark.className = "mark";
      mark.textContent = item.mark;
      var text = document.createElement("span");
      text.textContent = item.label;
      label.appendChild(mark);
      label.appendChild(text);
      box.appendChild(input);
      box.appendChild(label);
      list.appendChild(box);
    });
    $("number").value = "";
    $("na").checked = false;
    $("reason").value = "";
    $("note").value = "";
    $("reason-box").hidden = true;
    $("vote-status").textContent = "";
    $("vote-status").className = "status";
    if (vote) fillVote(q, vote);
  }

  function fillVote(q, vote) {
    $("na").checked = !!vote.na;
    $("reason-box").hidden = !vote.na;
    if (vote.na) {
      var parts = (vote.note || "").split("\n");
      $("reason").value = parts[0];
      $("note").value = parts.slice(1).join("\n");
    } else {
      $("note").value = vote.note || "";
    }
    if (q.type === "number" && vote.value !== null) $("number").value = String(vote.value);
    var values = Array.isArray(vote.value) ? vote.value.map(String) : [String(vote.value)];
    document.querySelectorAll("#choice-list input").forEach(function (input) {
      input.checked = !vote.na && values.indexOf(input.value) >= 0;
    });
    $("vote-status").textContent = t("saved_before");
    $("vote-status").className = "status ok";
  }

  function render(s) {
    var wasClosed = !!(state && state.question && state.question.key === (s.question && s.question.key) &&
      state.revealed);
    state = s;
    $("who").textContent = t("you_vote_as", {name: s.participant.name});
    $("not-me").hidden = false;
    var q = s.question;
    if (!q) { shownKey = null; show("wait"); return; }
    if (q.key !== shownKey) renderQuestion(q, s.vote);
    var closed = s.revealed || !q.votable;
    $("revealed").hidden = !s.revealed || !q.votable;
    $("not-votable").hidden = q.votable;
    $("vote-form").hidden = !q.votable;
    document.querySelectorAll("#vote-form input, #vote-form textarea, #vote-form button").forEach(function (el) {
      el.disabled = closed;
    });
    $("send").textContent = s.vote ? t("send_again") : t("send");
    if (s.revealed && q.votable && !wasClosed) {  // voting just closed: say where the vote stands
      $("vote-status").textContent = s.vote ? t("closed_saved") : t("closed_none");
      $("vote-status").className = "status";
    }
    show("vote");
  }

  function collect(q) {
    var body = {participant: state.participant.id, question: q.id, scope: q.scope, note: $("note").value};
    if ($("na").checked) {
      body.na = true;
      body.reason = $("reason").value;
      if (!body.reason.trim()) return {error: t("err_reason_missing"), focus: "reason"};
      return {body: body};
    }
    if (q.type === "number") {
      var n = Number($("number").value.trim().replace(",", "."));
      if (!$("number").value.trim() || !isFinite(n)) return {error: t("err_number"), focus: "number"};
      body.value = n;
      return {body: body};
    }
    var picked = Array.prototype.filter.call(document.querySelectorAll("#choice-list input"), function (i) { return i.checked; })
      .map(function (i) { return i.value; });
    if (q.type === "checklist") { body.value = picked; return {body: body}; }
    if (!picked.length) return {error: t("err_pick"), focus: "answer-0"};
    body.value = q.type === "scale" ? Number(picked[0]) : picked[0];
    return {body: body};
  }

  function send(event) {
    event.preventDefault();
    if (!state || !state.question || busy) return;
    var q = state.question;
    var status = $("vote-status");
    var c = collect(q);
    if (c.error) {
      status.textContent = c.error;
      status.className = "status error";
      if ($(c.focus)) $(c.focus).focus();
      return;
    }
    busy = true;
    status.textContent = t("sending");
    status.className = "status";
    request("POST", "vote", c.body).then(function (r) {
      busy = false;
      if (r.ok) {
        status.textContent = t("received");
        status.className = "status ok";
        state.vote = r.body.vote;
        $("send").textContent = t("send_again");
        return;
      }
      status.textContent = errorText(r.body, r.status);
      status.className = "status error";
      if (r.status === 401) { setToken(""); loadPeople(); }
      else poll();
    }, function () { busy = false; lost(); });
  }

  // ------------------------------------------------------------------ staying in touch

  function connected() { failures = 0; $("conn").textContent = ""; }

  function handleFailure(r) {
    if (r.status === 401) {
      if (token) $("pick-status").textContent = t("err_not_claimed");
      setToken("");
      state = null;
      shownKey = null;
      $("who").textContent = "";
      $("not-me").hidden = true;
      return loadPeople();
    }
    if (r.status === 503 && r.body && r.body.code === "closed") { show("gone"); return; }
    if (r.status === 403) { show("gone"); return; }
    lost();
  }

  function lost() {
    failures += 1;
    $("conn").textContent = t("reconnecting");
    schedule(Math.min(1000 * Math.pow(2, failures - 1), 8000));
  }

  function schedule(ms) {
    clearTimeout(timer);
    if (document.visibilityState === "hidden") return;  // the phone sleeps: wake() polls again
    timer = setTimeout(poll, ms);
  }

  function poll() {
    clearTimeout(timer);
    if (!token) { loadPeople().catch(lost); return; }
    request("GET", "state").then(function (r) {
      if (!r.ok) return handleFailure(r);
      connected();
      if (r.body.poll_ms >= 250) POLL_MS = r.body.poll_ms;
      if (!state || r.body.version !== state.version || r.body.question === null || shownKey === null ||
          (r.body.question && r.body.question.key !== shownKey) || r.body.revealed !== state.revealed) {
        render(r.body);
      }
      schedule(POLL_MS);
    }, lost);
  }

  function wake() { if (document.visibilityState !== "hidden") poll(); }

  document.addEventListener("visibilitychange", wake);
  window.addEventListener("online", wake);
  window.addEventListener("pageshow", wake);
  window.addEventListener("focus", wake);
  $("vote-form").addEventListener("submit", send);
  $("na").addEventListener("change", function () {
    $("reason-box").hidden = !$("na").checked;
    document.querySelectorAll("#choice-list input, #number").forEach(function (el) { el.disabled = $("na").checked; });
    if ($("na").checked) $("reason").focus();
  });
  $("self-join").addEventListener("submit", function (event) {
    event.preventDefault();
    request("POST", "join", {name: $("self-name").value, role: $("self-role").value})
      .then(function (r) { claimed(r, $("pick-status")); }, lost);
  });
  $("not-me").addEventListener("click", function () {
    request("POST", "unclaim").then(function () { setToken(""); state = null; shownKey = null; $("who").textContent = ""; $("not-me").hidden = true; loadPeople(); }, lost);
  });
  $("lang").addEventListener("click", function () {
    lang = lang === "de" ? "en" : "de";
    localStorage.setItem("readiness.room.lang", lang);
    translate();
    shownKey = null;
    state = null;
    poll();
  });
  translate();
  poll();
})();

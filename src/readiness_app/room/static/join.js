/* The join form: check the typed code with the room, then open the voting page. */
"use strict";
(function () {
  var TEXT = {
    en: {join_title: "Join the room", join_intro: "Type the join code shown on the projector.",
         join_label: "Join code", join_button: "Join", lang_other: "Deutsch",
         wrong: "That code is not right. Check it on the projector and try again.",
         slow: "Too many tries. Wait a minute, then try again.", offline: "The room cannot be reached. Is it still open?"},
    de: {join_title: "Dem Raum beitreten", join_intro: "Geben Sie den Beitrittscode vom Beamer ein.",
         join_label: "Beitrittscode", join_button: "Beitreten", lang_other: "English",
         wrong: "Der Code stimmt nicht. Prüfen Sie ihn am Beamer und versuchen Sie es erneut.",
         slow: "Zu viele Versuche. Warten Sie eine Minute und versuchen Sie es dann erneut.",
         offline: "Der Raum ist nicht erreichbar. Ist er noch geöffnet?"}
  };
  var lang = localStorage.getItem("readiness.room.lang") ||
    ((navigator.language || "en").toLowerCase().indexOf("de") === 0 ? "de" : "en");
  function $(id) { return document.getElementById(id); }
  function translate() {
    document.documentElement.lang = lang;
    document.querySelectorAll("[data-t]").forEach(function (el) { el.textContent = TEXT[lang][el.getAttribute("data-t")]; });
    $("lang").textContent = TEXT[lang].lang_other;
    $("lang").setAttribute("lang", lang === "de" ? "en" : "de");
  }
  function normalise(code) {
    return code.toUpperCase().replace(/O/g, "0").replace(/[IL]/g, "1").replace(/[\s-]/g, "");
  }
  $("join-form").addEventListener("submit", function (event) {
    event.preventDefault();
    var code = normalise($("code").value);
    var status = $("join-status");
    if (!/^[0-9A-Z]+$/.test(code)) { status.textContent = TEXT[lang].wrong; status.className = "status error"; return; }
    fetch("/j/" + code + "/api/participants", {cache: "no-store", credentials: "omit"}).then(function (r) {
      if (r.ok) { location.assign("/j/" + code + "/"); return; }
      status.textContent = r.status === 429 ? TEXT[lang].slow : TEXT[lang].wrong;
      status.className = "status error";
      $("code").focus();
    }, function () { status.textContent = TEXT[lang].offline; status.className = "status error"; });
  });
  $("lang").addEventListener("click", function () {
    lang = lang === "de" ? "en" : "de";
    localStorage.setItem("readiness.room.lang", lang);
    translate();
  });
  translate();
  $("code").focus();
})();

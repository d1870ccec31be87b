// alternance web works without this script; it only adds:
// - the language switch keeps what the question's fields hold (they are copied in);
// - a "Print" button on the results;
// - on a kiosk, the idle countdown (WCAG 2.2.1: a warning, and at least 20 s to stay),
//   then the welcome page with everything erased; while a person is active, the
//   page's state is renewed so that a long read is not taken for having left.
(function () {
  "use strict";
  var answerForm = document.getElementById("answer-form");
  document.querySelectorAll("form.lang-switch").forEach(function (form) {
    form.addEventListener("submit", function () {
      if (!answerForm) return;
      var asked = answerForm.querySelector("input[name=asked]");
      var fields = [asked];
      answerForm.querySelectorAll("input[name=answer]").forEach(function (input) {
        if (input.type === "text" || input.checked) fields.push(input);
      });
      fields.forEach(function (input) {
        if (!input) return;
        var copy = document.createElement("input");
        copy.type = "hidden";
        copy.name = input.name;
        copy.value = input.value;
        form.appendChild(copy);
      });
    });
  });
  document.querySelectorAll("[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
  var summary = document.getElementById("error-summary");
  if (summary) summary.focus();

  var body = document.body;
  var idle = Number(body.dataset.idle || 0);
  if (!idle) return;
  var countdown = Number(body.dataset.countdown || 30);
  var dialog = document.getElementById("idle");
  var text = document.getElementById("idle-text");
  var template = text ? text.dataset.template : "";
  var quietSince = Date.now();
  var renewedAt = Date.now();
  var counting = false;

  function renew() {
    var state = document.querySelector("input[name=state]");
    if (!state || Date.now() - renewedAt < idle * 500) return;
    renewedAt = Date.now();
    var data = new URLSearchParams();
    data.set("state", state.value);
    fetch("/renew", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.text() : ""; })
      .then(function (token) {
        if (!token) return;
        document.querySelectorAll("input[name=state]").forEach(function (input) {
          input.value = token;
        });
      })
      .catch(function () {});
  }
  function active() {
    quietSince = Date.now();
    if (counting) {
      counting = false;
      if (dialog && dialog.open) dialog.close();
    }
    renew();
  }
  ["keydown", "pointerdown", "wheel", "touchstart", "scroll", "input"].forEach(function (name) {
    window.addEventListener(name, active, { passive: true, capture: true });
  });
  if (dialog) {
    document.getElementById("idle-stay").addEventListener("click", active);
    dialog.addEventListener("cancel", active);
  }
  setInterval(function () {
    var quiet = (Date.now() - quietSince) / 1000;
    if (quiet >= idle + countdown) {
      window.location.replace(body.dataset.reset);
      return;
    }
    if (quiet >= idle) {
      if (!counting) {
        counting = true;
        if (dialog && !dialog.open) dialog.showModal();
      }
      if (text) text.textContent = template.replace("{seconds}", String(Math.ceil(idle + countdown - quiet)));
    }
  }, 1000);
})();

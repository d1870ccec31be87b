// alternance serve: load the fonts before the terminal starts (xterm.js measures
// its cells and draws its glyphs with whatever font is loaded at that moment),
// give the terminal the keyboard as soon as it exists (keys did nothing until
// the page was clicked: a person at a kiosk or with a keyboard alone may never
// click), and the "Restart" button without inline script (the page's
// Content-Security-Policy allows scripts from this server only).
(function () {
  "use strict";
  const start = window.onload; // set by textual.js, which is loaded before this file
  // Every upright face of the family, the symbols' one included (asking for
  // text to be loaded loads only Roboto Mono's face in Chromium).
  const faces = () =>
    Array.from(document.fonts).filter(
      (face) => face.family.replace(/["']/g, "") === "Roboto Mono" && face.style === "normal",
    );
  window.onload = async (event) => {
    try {
      await Promise.all(faces().map((face) => face.load()));
    } catch (error) {
      console.log("fonts not loaded", error);
    }
    if (start) {
      start.call(window, event);
    }
    // Once the app has drawn (textual.js then sets -first-byte): earlier, the
    // focus event would be sent on a socket still connecting.
    const waiting = setInterval(() => {
      if (focusTerminal()) clearInterval(waiting);
    }, 50);
    setTimeout(() => clearInterval(waiting), 60000);
  };
  // The terminal's input (xterm.js's hidden text area) takes the keys.
  function focusTerminal() {
    const input = document.querySelector(".textual-terminal .xterm-helper-textarea");
    if (!input || !document.body.classList.contains("-first-byte")) return false;
    if (document.activeElement !== input) input.focus({ preventScroll: true });
    return true;
  }
  // Back to this tab or window: the keys go to the terminal again.
  window.addEventListener("focus", focusTerminal);
  function restart() {
    const url = new URL(window.location.href);
    url.searchParams.delete("delay");
    window.location.href = url.pathname + "?" + url.searchParams.toString();
  }
  document.querySelectorAll("[data-restart]").forEach((button) => {
    button.addEventListener("click", restart);
  });
})();

// alternance serve: load the fonts before the terminal starts (xterm.js measures
// its cells and draws its glyphs with whatever font is loaded at that moment),
// and the "Restart" button without inline script (the page's
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
  };
  function restart() {
    const url = new URL(window.location.href);
    url.searchParams.delete("delay");
    window.location.href = url.pathname + "?" + url.searchParams.toString();
  }
  document.querySelectorAll("[data-restart]").forEach((button) => {
    button.addEventListener("click", restart);
  });
})();

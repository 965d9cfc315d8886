/* ikgen: the search page. Pagefind's UI and index are fetched from our own host (pagefind/)
   only when the visitor searches: on submitting a query (sok/?q=…) or focusing the search field
   on this page. Nothing for search is downloaded on any other page. */
(function () {
  "use strict";
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "../", window.location.href);
  var bundle = new URL("pagefind/", root).href;
  var started = false;

  function load(href, tag) {
    return new Promise(function (resolve, reject) {
      var el = document.createElement(tag);
      if (tag === "link") { el.rel = "stylesheet"; el.href = href; } else { el.src = href; }
      el.onload = resolve;
      el.onerror = reject;
      document.head.appendChild(el);
    });
  }

  function start(query) {
    if (started) return;
    started = true;
    var form = document.getElementById("ik-sokform");
    var status = document.getElementById("ik-sokstatus");
    status.textContent = "Sökningen laddas …";
    Promise.all([load(bundle + "pagefind-ui.css", "link"), load(bundle + "pagefind-ui.js", "script")])
      .then(function () {
        var ui = new window.PagefindUI({
          element: "#ik-sok",
          bundlePath: bundle,
          baseUrl: root.pathname,
          showSubResults: true,
          showImages: false,
          autofocus: true,
          translations: { placeholder: "Sök i planer och uppföljningar" }
        });
        form.hidden = true;
        status.textContent = "";
        if (query) ui.triggerSearch(query);
      })
      .catch(function () {
        started = false;
        status.textContent = "Sökningen kunde inte laddas. Den fungerar bara på den byggda " +
          "webbplatsen (ikgen build), inte i förhandsgranskningen.";
      });
  }

  function init() {
    var query = new URLSearchParams(window.location.search).get("q");
    var field = document.getElementById("ik-sok-q");
    if (!field) return;
    if (query) {
      field.value = query;
      start(query);
      return;
    }
    field.addEventListener("focus", function () { start(field.value); }, { once: true });
    document.getElementById("ik-sokform").addEventListener("submit", function (event) {
      event.preventDefault();
      start(field.value);
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

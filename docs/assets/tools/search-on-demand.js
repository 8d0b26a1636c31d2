/* Search on demand, for Material for MkDocs 9.8.
   The theme starts its search worker and downloads the whole search index as each page opens:
   most of a first visit's bytes, for a box that few readers use. This script runs just before
   the theme's bundle and holds both back until the reader opens or focuses search. A query typed
   or pasted meanwhile waits in the theme and runs once the index is ready. A reader who arrives
   from a search result (?h=) gets both at once, for the highlighting.
   Nothing in the theme is changed. When the page is not what this script expects, or anything
   here fails, it steps aside and search loads at start-up as before. */
(function () {
  "use strict";

  var toggle = document.getElementById("__search");
  var form = document.forms.namedItem("search");
  var config;
  try {
    config = JSON.parse(document.getElementById("__config").textContent);
  } catch (error) {
    return;
  }
  if (!toggle || !form || !config.search || /[?&]h=/.test(location.search)) return;

  var held = [];
  var released = false;
  var open = XMLHttpRequest.prototype.open;
  var send = XMLHttpRequest.prototype.send;
  var Native = window.Worker;

  function hold(start) {
    if (released) start();
    else held.push(start);
  }

  function release() {
    if (released) return;
    released = true;
    held.splice(0).forEach(function (start) {
      try { start(); } catch (error) { /* a request cancelled meanwhile: nothing to send */ }
    });
  }

  /* The index: the theme asks for search/search_index.json with XMLHttpRequest (over HTTP; from
     file:// it loads search_index.js as a script, which is left as it is). */
  function holdIndex() {
    XMLHttpRequest.prototype.open = function (method, url) {
      this.searchIndex = /\/search\/search_index\.json$/.test(String(url));
      return open.apply(this, arguments);
    };
    XMLHttpRequest.prototype.send = function () {
      var request = this, args = arguments;
      if (!request.searchIndex) return send.apply(request, args);
      hold(function () { send.apply(request, args); });
    };
  }

  /* The worker: the theme creates it at once and sends it the index when the index arrives. It
     gets a stand-in that starts the real worker (from file://, the iframe-worker shim's) on
     release and passes messages both ways. Other workers are not touched. */
  function holdWorker() {
    window.Worker = function (url, options) {
      if (String(url) !== config.search) return new Native(url, options);
      var standIn = new EventTarget(), worker = null;
      function start() {
        if (worker) return;
        worker = new Native(url, options);
        worker.addEventListener("message", function (event) {
          standIn.dispatchEvent(new MessageEvent("message", {data: event.data}));
        });
        worker.addEventListener("error", function () { standIn.dispatchEvent(new Event("error")); });
      }
      standIn.postMessage = function (message) { start(); worker.postMessage(message); };
      standIn.terminate = function () { if (worker) worker.terminate(); };
      hold(start);
      return standIn;
    };
  }

  try {
    holdIndex();
    holdWorker();
    /* Opening search (a click, the / key, focus in the search box) checks the toggle. */
    toggle.addEventListener("change", release);
    form.addEventListener("focusin", release);
    form.addEventListener("pointerdown", release);
  } catch (error) {
    XMLHttpRequest.prototype.open = open;
    XMLHttpRequest.prototype.send = send;
    window.Worker = Native;
  }
})();

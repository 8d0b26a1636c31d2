/* A tool's data, read on first use. The build inlines each tool's data as a global; the heavy ones
   it then moves to a file beside the page and leaves the file's name in the global instead, so a
   visit that never uses the tool never downloads them. The file is a classic script that sets the
   global: unlike a request for JSON, that works from file:// too. Loaded before the tool scripts (overrides/main.html). */
(function () {
  "use strict";

  var waiting = {};  // name -> callbacks, while its file loads

  /* Call done(data) once the global `name` holds the data: at once if it is inline, else after its
     file has run. If the file cannot be read, failed() is called instead. */
  window.fieldguideData = function (name, done, failed) {
    var value = window[name];
    if (value && typeof value === "object") { done(value); return; }
    if (typeof value !== "string") { if (failed) failed(); return; }
    if (waiting[name]) { waiting[name].push([done, failed]); return; }
    waiting[name] = [[done, failed]];
    var script = document.createElement("script");
    script.src = value;
    var settle = function () {
      var data = window[name], calls = waiting[name];
      var ready = data && typeof data === "object";
      delete waiting[name];
      if (!ready) script.remove();  // a later call tries again
      calls.forEach(function (call) {
        if (ready) call[0](data); else if (call[1]) call[1]();
      });
    };
    script.onload = settle;
    script.onerror = settle;
    document.head.appendChild(script);
  };
})();

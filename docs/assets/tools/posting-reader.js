/* Job-posting reader: marks the phrases in a pasted posting that signal each role's work and
   says which role the posting describes. Everything happens in this page: nothing is sent or
   stored. The signals come from data/roles.yml, inlined in the page as window.fieldguideSignals.
   No framework, no dependency; works from file:// and with instant navigation. */
(function () {
  "use strict";

  var ROLES = ["data_scientist", "ml_engineer"];
  var OTHER = ["analyst", "data_engineer"];
  var VERDICTS = {data_scientist: "data-scientist", ml_engineer: "ml-engineer", mixed: "mixed", other: "other"};

  function compile(signal) {
    // Whole words only: no letter or digit may touch the match on either side.
    return new RegExp("(^|[^A-Za-z0-9_])(" + signal.pattern + ")(?![A-Za-z0-9_])", "gi");
  }

  function looksBinary(text) {
    var sample = text.slice(0, 4000), odd = 0;
    for (var i = 0; i < sample.length; i++) {
      var c = sample.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
    }
    return sample.length > 0 && odd / sample.length > 0.02;
  }

  /* The analysis, free of the page so it can be tested on its own. */
  function analyse(input, data) {
    var text = String(input || "");
    var limit = data.limit || 20000;
    var result = {length: text.length, cut: text.length > limit, hits: [], found: {}, scores: {}};
    if (!text.trim()) { result.problem = "empty"; return result; }
    if (looksBinary(text)) { result.problem = "binary"; return result; }
    text = text.slice(0, limit);
    result.text = text;
    var all = [];
    data.signals.forEach(function (signal, order) {
      var re = compile(signal), m;
      while ((m = re.exec(text)) !== null) {
        var start = m.index + m[1].length, end = start + m[2].length;
        if (end > start) all.push({start: start, end: end, signal: signal, order: order});
        re.lastIndex = Math.max(end, m.index + 1);
      }
    });
    // One phrase counts once: the longest match wins, then the signal listed first.
    all.sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start) || a.order - b.order; });
    var reach = 0;
    all.forEach(function (hit) {
      if (hit.start >= reach) { result.hits.push(hit); reach = hit.end; }
    });
    result.hits.forEach(function (hit) {
      var entry = result.found[hit.signal.id] || (result.found[hit.signal.id] = {signal: hit.signal, count: 0, phrases: []});
      entry.count++;
      var phrase = text.slice(hit.start, hit.end);
      if (entry.phrases.indexOf(phrase) < 0 && entry.phrases.length < 3) entry.phrases.push(phrase);
    });
    ROLES.concat(OTHER).forEach(function (kind) { result.scores[kind] = 0; });
    Object.keys(result.found).forEach(function (id) {
      var entry = result.found[id];
      // A signal repeated adds a little: a posting that says "deploy" five times is not five times as sure.
      result.scores[entry.signal.kind] += entry.signal.weight * (entry.count > 1 ? 1.5 : 1);
    });
    result.verdict = verdict(result.scores);
    return result;
  }

  // Engineering postings list more tools, each a signal of its own, so the data scientist's
  // score is scaled up before the two are compared.
  var BALANCE = 1.4;

  function verdict(s) {
    var ds = s.data_scientist * BALANCE, ml = s.ml_engineer, other = s.analyst + s.data_engineer;
    var top = Math.max(ds, ml), low = Math.min(ds, ml);
    if (top + other === 0) return "other";
    if (other >= 4 && other > top) return "other";
    if (top < 3 && other > top) return "other";
    if (s.data_scientist >= 6 && s.ml_engineer >= 6 && low / top >= 0.8) return "mixed";
    if (ds === ml) return "mixed";
    return ds > ml ? "data_scientist" : "ml_engineer";
  }

  /* --- the page ------------------------------------------------------------------------------ */

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function link(href, text) {
    var a = el("a", "", text);
    a.href = href;
    return a;
  }

  function kindName(data, kind) { return data.kinds[kind] || kind; }

  // "Data scientist" -> "data scientist", but "ML engineer" keeps its capitals.
  function lower(name) {
    return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  }

  function sentence(result, data) {
    var v = result.verdict, s = result.scores;
    var other = s.analyst >= s.data_engineer ? "analyst" : "data_engineer";
    var headline = {
      data_scientist: "This posting mostly describes a data scientist's work.",
      ml_engineer: "This posting mostly describes an ML engineer's work.",
      mixed: "This posting mixes the two roles' work in about equal measure.",
      other: (s.analyst + s.data_engineer) > 0
        ? "This posting mostly describes other work: it reads most like a " + lower(kindName(data, other)) + " role."
        : "This posting shows too few signals of either role to say."
    }[v];
    return headline;
  }

  function summary(result, data) {
    var parts = [];
    ROLES.concat(OTHER).forEach(function (kind) {
      var n = 0;
      Object.keys(result.found).forEach(function (id) { if (result.found[id].signal.kind === kind) n++; });
      if (n) parts.push(n + " " + (n === 1 ? "signal" : "signals") + " of " + lower(kindName(data, kind)) + " work");
    });
    return parts.length ? "Found " + parts.join(", ") + "." : "No signal phrase was found.";
  }

  function render(tool, result, data) {
    var verdictNode = tool.querySelector(".fg-verdict");
    var details = tool.querySelector(".fg-details");
    details.textContent = "";
    verdictNode.textContent = "";
    if (result.problem) {
      verdictNode.removeAttribute("data-verdict");
      verdictNode.textContent = result.problem === "empty"
        ? "Nothing to read yet. Paste the text of a job posting into the box, then choose Read the posting."
        : "This does not look like the text of a job posting. Copy the posting's words from the page or document and paste them again.";
      return;
    }
    verdictNode.setAttribute("data-verdict", VERDICTS[result.verdict]);
    verdictNode.appendChild(el("strong", "", sentence(result, data)));
    verdictNode.appendChild(document.createTextNode(" " + summary(result, data)));
    if (result.cut) {
      details.appendChild(el("p", "fg-note", "Only the first " + data.limit.toLocaleString("en") + " of " +
        result.length.toLocaleString("en") + " characters were read; the duties usually come early."));
    }
    var next = el("p", "", "Read next: ");
    next.appendChild(link(data.pages[result.verdict], {
      data_scientist: "the data scientist's role", ml_engineer: "the ML engineer's role",
      mixed: "one person doing both roles", other: "warning signs in postings"}[result.verdict]));
    next.appendChild(document.createTextNode("."));
    details.appendChild(next);
    ROLES.concat(OTHER).forEach(function (kind) {
      var entries = Object.keys(result.found).map(function (id) { return result.found[id]; })
        .filter(function (e) { return e.signal.kind === kind; });
      if (!entries.length) return;
      details.appendChild(el("p", "fg-kind-title fg-kind-" + kind, kindName(data, kind) + " signals"));
      var list = el("ul", "fg-found");
      entries.forEach(function (e) {
        var item = el("li");
        item.appendChild(link(e.signal.href, e.signal.label));
        item.appendChild(document.createTextNode(": \u201c" + e.phrases.join("\u201d, \u201c") + "\u201d" +
          (e.count > 1 ? " (" + e.count + " times)" : "") + "; explained in " + e.signal.section + "."));
        list.appendChild(item);
      });
      details.appendChild(list);
    });
    details.appendChild(el("p", "fg-kind-title", "The posting, with its signals marked"));
    var marked = el("div", "fg-marked");
    marked.setAttribute("role", "region");
    marked.setAttribute("aria-label", "The posting with its signals marked");
    marked.tabIndex = 0;
    var at = 0;
    result.hits.forEach(function (hit) {
      marked.appendChild(document.createTextNode(result.text.slice(at, hit.start)));
      var mark = el("mark", "fg-mark fg-kind-" + hit.signal.kind, result.text.slice(hit.start, hit.end));
      mark.title = kindName(data, hit.signal.kind) + ": " + hit.signal.label;
      marked.appendChild(mark);
      marked.appendChild(el("span", "fg-sr", " (" + kindName(data, hit.signal.kind) + ")"));
      at = hit.end;
    });
    marked.appendChild(document.createTextNode(result.text.slice(at)));
    details.appendChild(marked);
  }

  function init() {
    var tools = document.querySelectorAll(".fg-reader");
    Array.prototype.forEach.call(tools, function (tool) {
      if (tool.getAttribute("data-ready") || tool.closest(".fg-print-page")) return;
      tool.setAttribute("data-ready", "true");
      var note = tool.parentNode.querySelector(".fg-needs-script");
      if (note) note.hidden = true;
      var box = tool.querySelector("textarea");
      var out = tool.querySelector(".fg-result");
      out.textContent = "";
      var verdictNode = el("p", "fg-verdict");
      verdictNode.setAttribute("aria-live", "polite");
      out.appendChild(verdictNode);
      out.appendChild(el("div", "fg-details"));
      tool.hidden = false;
      tool.querySelector(".fg-read").addEventListener("click", function () {
        var data = window.fieldguideSignals;
        if (!data) return;
        render(tool, analyse(box.value, data), data);
      });
      tool.querySelector(".fg-clear").addEventListener("click", function () {
        box.value = "";
        verdictNode.removeAttribute("data-verdict");
        verdictNode.textContent = "";
        out.querySelector(".fg-details").textContent = "";
        box.focus();
      });
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {analyse: analyse, verdict: verdict};
  } else if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

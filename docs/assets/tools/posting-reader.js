/* Job-posting reader: marks the phrases in a pasted posting that signal each kind of work and
   says which job the posting describes, and why. Everything happens in this page: nothing is sent
   or stored. Signals and rules come from data/roles.yml, as window.fieldguideSignals, read on first use
   (tool-data.js).
   No framework, no dependency; works from file:// and with instant navigation. */
(function () {
  "use strict";

  var ROLES = ["data_scientist", "ml_engineer"];
  var OTHER = ["analyst", "data_engineer"];
  var KINDS = ROLES.concat(OTHER);
  // Each main role's neighbour: the job its context words point to when its evidence is missing.
  var NEAR = {data_scientist: "analyst", ml_engineer: "data_engineer", analyst: "data_scientist", data_engineer: "ml_engineer"};
  var VERDICTS = {data_scientist: "data-scientist", ml_engineer: "ml-engineer", mixed: "mixed", other: "other"};
  var WORK = {data_scientist: "modelling, inference or experiment design",
    ml_engineer: "putting models into production (serving, training pipelines, model monitoring, MLOps)"};

  function rx(pattern, flags) { return new RegExp(pattern, flags || "i"); }

  function compile(signal) {
    // Whole words only: no letter or digit may touch the match on either side.
    return rx("(^|[^A-Za-z0-9_])(" + signal.pattern + ")(?![A-Za-z0-9_])", "gi");
  }

  function looksBinary(text) {
    var sample = text.slice(0, 4000), odd = 0;
    for (var i = 0; i < sample.length; i++) {
      var c = sample.charCodeAt(i);
      if ((c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffd) odd++;
    }
    return sample.length > 0 && odd / sample.length > 0.02;
  }

  /* The posting's parts: each sentence gets the weight of its section (found by its heading) or
     of the passage rule it matches (boilerplate, company blurb, "nice to have"), the lower. */
  function parts(text, rules) {
    var heads = rules.sections.map(function (s) { return {rule: s, re: rx("^(?:" + s.pattern + ")$")}; });
    var passages = rules.passages.map(function (p) {
      return {rule: p, re: rx(p.pattern), unless: p.unless ? rx(p.unless) : null};
    });
    function heading(words) {
      if (!words || words.split(/\s+/).length > 8) return null;
      for (var i = 0; i < heads.length; i++) if (heads[i].re.test(words)) return heads[i].rule;
      return null;
    }
    var out = [], section = null, at = 0;
    text.split("\n").forEach(function (line) {
      var start = at;
      at += line.length + 1;
      // A heading may come with bullets, numbers, emoji, bold marks or a colon or question mark.
      var clean = line.length > 200 ? "" : line.replace(/^[^A-Za-z]+/, "").replace(/[^A-Za-z0-9).]+$/, "");
      var head = /\.$/.test(clean) ? null : heading(clean);
      if (head) { section = head; out.push({start: start, end: at, rule: head}); return; }
      var colon = clean.indexOf(":"), inline = colon > 0 ? heading(clean.slice(0, colon).trim()) : null;
      var base = inline || section, carry = null, cut = /[.!?;:](\s+|$)|\s(?=[-*\u2022\u00b7\u25aa\u25cf\u2013\u2014]\s)/g, from = 0, m;
      while (from < line.length) {
        m = cut.exec(line);
        var to = m ? m.index + m[0].length : line.length, s = line.slice(from, to), rule = base;
        if (carry && carry.unless && carry.unless.test(s)) carry = null;
        passages.forEach(function (p) {
          if (p.re.test(s) && !(p.unless && p.unless.test(s))) {
            if (!rule || p.rule.weight < rule.weight) rule = p.rule;
            if (p.rule.carry && (!carry || p.rule.weight <= carry.rule.weight)) carry = p;
          }
        });
        if (carry && (!rule || carry.rule.weight < rule.weight)) rule = carry.rule;
        out.push({start: start + from, end: start + to, rule: rule});
        from = to;
      }
    });
    return out;
  }

  // Is the phrase negated: a cue such as "no" or "not" shortly before it, or "not needed" after it,
  // in the same clause?
  function negation(rule) {
    return {before: compile({pattern: rule.before}), after: compile({pattern: rule.after}), boundary: rx(rule.boundary), window: rule.window};
  }

  function negated(sentence, from, to, neg) {
    var before = sentence.slice(0, from), after = sentence.slice(to), m, last = null;
    function near(gap) { return !neg.boundary.test(gap) && gap.split(/\s+/).filter(Boolean).length <= neg.window; }
    neg.before.lastIndex = neg.after.lastIndex = 0;
    while ((m = neg.before.exec(before)) !== null) { last = m; neg.before.lastIndex = m.index + Math.max(m[0].length, 1); }
    if (last && near(before.slice(last.index + last[0].length))) return true;
    m = neg.after.exec(after);
    return !!m && near(after.slice(0, m.index + m[1].length));
  }

  /* The analysis, free of the page so it can be tested on its own. */
  function analyse(input, data) {
    var text = String(input || "");
    var limit = data.limit || 20000, rules = data.rules, v = rules.verdict;
    var result = {length: text.length, cut: text.length > limit, hits: [], found: {}, scores: {}, evidence: {}, context: {}};
    if (!text.trim()) { result.problem = "empty"; return result; }
    if (looksBinary(text)) { result.problem = "binary"; return result; }
    result.text = text = text.slice(0, limit);
    // Curly apostrophes and no-break spaces read as plain ones; one character for one, so places hold.
    text = text.replace(/[\u2018\u2019\u02bc]/g, "'").replace(/[\u00a0\u2000-\u200a\u202f\t]/g, " ");
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
    var reach = 0, pieces = parts(text, rules), p = 0, neg = negation(rules.negation);
    all.forEach(function (hit) {
      if (hit.start < reach) return;
      reach = hit.end;
      while (p < pieces.length - 1 && pieces[p].end <= hit.start) p++;
      var piece = pieces[p], rule = piece.rule;
      hit.weight = rule ? rule.weight : 1;
      if (hit.weight < 1) hit.why = rule.label;
      if (hit.weight > 0 && negated(text.slice(piece.start, piece.end), hit.start - piece.start, hit.end - piece.start, neg)) {
        hit.weight = 0;
        hit.why = "negated";
      }
      result.hits.push(hit);
    });
    result.hits.forEach(function (hit) {
      var id = hit.signal.id;
      var entry = result.found[id] || (result.found[id] = {signal: hit.signal, count: 0, phrases: [], weights: []});
      var phrase = result.text.slice(hit.start, hit.end);
      if (!hit.weight) return;
      entry.count++;
      entry.weights.push(hit.weight);
      if (entry.phrases.indexOf(phrase) < 0 && entry.phrases.length < 3) entry.phrases.push(phrase);
    });
    KINDS.forEach(function (kind) { result.evidence[kind] = result.context[kind] = 0; });
    Object.keys(result.found).forEach(function (id) {
      var entry = result.found[id], w = entry.weights.sort(function (a, b) { return b - a; });
      // A signal repeated adds a little: a posting that says "deploy" five times is not five times as sure.
      entry.score = entry.signal.weight * ((w[0] || 0) + (w[1] || 0) / 2);
      result[entry.signal.role === "evidence" ? "evidence" : "context"][entry.signal.kind] += entry.score;
    });
    KINDS.forEach(function (kind) { result.scores[kind] = result.evidence[kind] + v.context * result.context[kind]; });
    decide(result, v);
    return result;
  }

  /* A main role needs its own evidence, and must not be outweighed by its neighbouring job. */
  function decide(r, v) {
    var e = r.evidence, s = r.scores, ok = {};
    r.why = {};
    ROLES.forEach(function (role) {
      r.why[role] = e[role] < v.evidence ? (e[role] > 0 ? "weak" : "none")
        : s[role] < v.outweigh * s[NEAR[role]] ? "outweighed" : "";
      ok[role] = !r.why[role];
    });
    var ds = s.data_scientist * v.balance, ml = s.ml_engineer;
    if (ok.data_scientist && ok.ml_engineer) {
      r.verdict = Math.min(ds, ml) / Math.max(ds, ml) >= v.mixed ? "mixed" : ds > ml ? "data_scientist" : "ml_engineer";
    } else if (ok.data_scientist || ok.ml_engineer) {
      r.verdict = ok.data_scientist ? "data_scientist" : "ml_engineer";
    } else {
      r.verdict = "other";
      var lean = OTHER.map(function (k) { return s[k] + v.lean * r.context[NEAR[k]]; });
      r.named = lean[0] + lean[1] > 0 ? (lean[0] >= lean[1] ? OTHER[0] : OTHER[1]) : null;
    }
    if (r.verdict !== "other" && r.verdict !== "mixed") {
      var other = ROLES[1 - ROLES.indexOf(r.verdict)];
      if (!r.why[other]) r.why[other] = "fewer";
    }
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

  function add(node, text) { node.appendChild(document.createTextNode(text)); }

  function kindName(data, kind) { return data.kinds[kind] || kind; }

  // "Data scientist" -> "data scientist", but "ML engineer" keeps its capitals.
  function lower(name) {
    return /^[A-Z][a-z]/.test(name) ? name.charAt(0).toLowerCase() + name.slice(1) : name;
  }

  function entries(result, kind, role) {
    return Object.keys(result.found).map(function (id) { return result.found[id]; })
      .filter(function (e) { return e.signal.kind === kind && e.count && (!role || e.signal.role === role); })
      .sort(function (a, b) { return b.score - a.score; });
  }

  // "Data scientist" -> "a data scientist's"; "ML engineer" -> "an ML engineer's".
  function whose(data, kind) {
    var name = lower(kindName(data, kind));
    return (/^[aeiouAEIOU]|^ML/.test(name) ? "an " : "a ") + name + "'s";
  }

  /* The verdict in words: a headline, then sentences whose parts are text or signals to link. */
  function explain(result, data) {
    var v = result.verdict, who = v === "other" ? result.named : v, out = [];
    out.push(v === "mixed" ? "This posting asks for both roles' work: modelling and putting models into production."
      : v === "other" ? (who ? "This reads as " + whose(data, who) + " job." : "This posting shows too few signals of any of these jobs to say.")
      : "This posting mostly describes " + whose(data, v) + " work.");
    var deciding = v === "mixed" ? entries(result, ROLES[0], "evidence").slice(0, 2).concat(entries(result, ROLES[1], "evidence").slice(0, 2))
      : who ? entries(result, who, OTHER.indexOf(who) < 0 ? "evidence" : "").slice(0, 4) : [];
    if (deciding.length) {
      out.push(" Deciding " + (v === "other" ? "signals" : "evidence") + ": ");
      deciding.forEach(function (e, i) {
        if (i) out.push(i === deciding.length - 1 ? " and " : ", ");
        out.push(e);
      });
      out.push(".");
    }
    if (v !== "mixed") ROLES.forEach(function (role) {
      var why = result.why[role], work = WORK[role];
      if (why) out.push(" " + {
        none: "No sign of " + work + ".",
        weak: "Too little sign of " + work + " for " + whose(data, role) + " job: a passing mention, or only among the nice-to-haves.",
        outweighed: "Some sign of " + work + ", but more of " + whose(data, NEAR[role]) + " work.",
        fewer: "Less sign of " + work + " than of " + whose(data, v) + " work."
      }[why]);
    });
    return out;
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
    explain(result, data).forEach(function (part, i) {
      if (!i) verdictNode.appendChild(el("strong", "", part));
      else if (typeof part === "string") add(verdictNode, part);
      else verdictNode.appendChild(link(part.signal.href, part.signal.label));
    });
    if (result.cut) {
      details.appendChild(el("p", "fg-note", "Only the first " + data.limit.toLocaleString("en") + " of " +
        result.length.toLocaleString("en") + " characters were read; the duties usually come early."));
    }
    var next = el("p", "", "Read next: ");
    next.appendChild(link(data.pages[result.verdict], {
      data_scientist: "the data scientist's role", ml_engineer: "the ML engineer's role",
      mixed: "one person doing both roles", other: "warning signs in postings"}[result.verdict]));
    add(next, ".");
    details.appendChild(next);
    var off = [];
    result.hits.forEach(function (hit) {
      if (!hit.weight && off.length < 12) off.push("\u201c" + result.text.slice(hit.start, hit.end) + "\u201d (" + hit.why + ")");
    });
    KINDS.forEach(function (kind) {
      var list = entries(result, kind);
      if (!list.length) return;
      details.appendChild(el("p", "fg-kind-title fg-kind-" + kind, kindName(data, kind) + " signals"));
      var ul = el("ul", "fg-found");
      list.forEach(function (e) {
        var item = el("li");
        item.appendChild(link(e.signal.href, e.signal.label));
        add(item, (e.signal.role === "evidence" ? " (evidence)" : " (context)") + ": \u201c" + e.phrases.join("\u201d, \u201c") + "\u201d" +
          (e.count > 1 ? " (" + e.count + " times)" : "") + "; explained in " + e.signal.section + ".");
        ul.appendChild(item);
      });
      details.appendChild(ul);
    });
    if (off.length) details.appendChild(el("p", "fg-note", "Not counted: " + off.join("; ") + "."));
    details.appendChild(el("p", "fg-kind-title", "The posting, with its signals marked"));
    details.appendChild(key(data, result.hits));
    var marked = el("div", "fg-marked");
    marked.setAttribute("role", "region");
    marked.setAttribute("aria-label", "The posting with its signals marked");
    marked.tabIndex = 0;
    var at = 0;
    result.hits.forEach(function (hit) {
      var name = kindName(data, hit.signal.kind) + (hit.weight ? "" : ", not counted: " + hit.why);
      add(marked, result.text.slice(at, hit.start));
      var mark = el("mark", "fg-mark fg-kind-" + hit.signal.kind + (hit.weight ? "" : " fg-off"), result.text.slice(hit.start, hit.end));
      mark.title = name + ": " + hit.signal.label;
      marked.appendChild(mark);
      marked.appendChild(tag(hit.signal.kind));
      marked.appendChild(el("span", "fg-sr", " (" + name + ")"));
      at = hit.end;
    });
    add(marked, result.text.slice(at));
    details.appendChild(marked);
  }

  // A short visible tag after each mark, so kinds differ by more than their underline.
  var TAGS = {data_scientist: "DS", ml_engineer: "MLE", analyst: "DA", data_engineer: "DE"};

  function tag(kind) {
    var node = el("span", "fg-tag fg-tag-" + kind, TAGS[kind] || "");
    node.setAttribute("aria-hidden", "true");
    return node;
  }

  // The key: one entry per kind found, with its mark and tag as they appear in the text.
  function key(data, hits) {
    var list = el("ul", "fg-key");
    list.setAttribute("aria-label", "Key to the marks");
    Object.keys(TAGS).forEach(function (kind) {
      if (!hits.some(function (hit) { return hit.signal.kind === kind; })) return;
      var item = el("li");
      item.appendChild(el("mark", "fg-mark fg-kind-" + kind, "phrase"));
      item.appendChild(tag(kind));
      add(item, " " + kindName(data, kind) + "'s work");
      list.appendChild(item);
    });
    var off = el("li");
    off.appendChild(el("mark", "fg-mark fg-off", "phrase"));
    add(off, " seen but not counted");
    list.appendChild(off);
    return list;
  }

  function init() {
    if (!window.fieldguideData) return;
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
      var withData = function (done) {
        window.fieldguideData("fieldguideSignals", done, function () {
          verdictNode.textContent = "The reader's signals could not be loaded. The table of signals below lets you read a posting by eye.";
        });
      };
      // The signals are read when the reader turns to the box, so a click finds them ready.
      box.addEventListener("focus", function () { withData(function () {}); });
      tool.querySelector(".fg-read").addEventListener("click", function () {
        withData(function (data) { render(tool, analyse(box.value, data), data); });
      });
      tool.querySelector(".fg-sample").addEventListener("click", function () {
        withData(function (data) {
          if (!data.rules.sample) return;
          box.value = data.rules.sample;
          render(tool, analyse(box.value, data), data);
        });
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
    module.exports = {analyse: analyse, explain: explain};
  } else if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

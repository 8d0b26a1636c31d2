/* Self-assessment: turns the numbered statements on "Choosing between the roles" into a form and
   says which role's work fits the reader, why, and what to read next. Without this script the
   statements stay a plain list. The statements come from data/roles.yml, inlined in the page as
   window.fieldguideAssessment. Nothing is sent or stored. No framework, no dependency. */
(function () {
  "use strict";

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /* Which role the ticked statements point to: "data_scientist", "ml_engineer", "mixed" or "none". */
  function lean(statements, ticked) {
    var counts = {};
    ticked.forEach(function (i) {
      var role = statements[i].role;
      counts[role] = (counts[role] || 0) + 1;
    });
    var roles = Object.keys(counts).sort(function (a, b) { return counts[b] - counts[a]; });
    if (!roles.length) return {result: "none", counts: counts};
    if (roles.length > 1 && counts[roles[0]] === counts[roles[1]]) return {result: "mixed", counts: counts};
    return {result: roles[0], counts: counts};
  }

  function links(list) {
    var ul = el("ul");
    list.forEach(function (item) {
      var li = el("li"), a = el("a", "", item.label);
      a.href = item.href;
      li.appendChild(a);
      ul.appendChild(li);
    });
    return ul;
  }

  /* How many of the ticked statements point to the role, said as a person would say it. */
  function share(n, total) {
    if (n === total && total === 1) return "the one statement you ticked points there";
    if (n === total) return (total === 2 ? "both" : "all " + total) + " statements you ticked point there";
    return n + " of the " + total + " statements you ticked " + (n === 1 ? "points" : "point") + " there";
  }

  /* The result as a callout whose title takes the focus, so that on a phone it comes into view
     and a screen reader starts there. */
  function land(out) {
    var title = out.querySelector(".admonition-title");
    title.setAttribute("tabindex", "-1");
    title.focus({preventScroll: true});
    out.scrollIntoView({block: "start"});
  }

  function show(out, data, ticked) {
    var answer = lean(data.statements, ticked);
    out.textContent = "";
    out.className = "fg-assess-result admonition note";
    out.setAttribute("data-result", answer.result);
    out.appendChild(el("p", "admonition-title", "Your result"));
    if (answer.result === "none") {
      out.appendChild(el("p", "", "Tick at least one statement that describes you, then show your result again."));
      return;
    }
    var total = ticked.length;
    if (answer.result === "mixed") {
      out.appendChild(el("p", "fg-lean", "Your answers are split evenly between the two roles."));
      out.appendChild(el("p", "", "That is common: the roles share a foundation. Start with the shared skills, or look at organisations where one person does both."));
      out.appendChild(el("p", "", "Read next:"));
      out.appendChild(links(data.mixed));
      return;
    }
    var role = data.roles[answer.result];
    var n = answer.counts[answer.result];
    out.appendChild(el("p", "fg-lean", "Your answers lean toward the " + role.in_sentence + "'s work: " + share(n, total) + "."));
    out.appendChild(el("p", "", "Why: these are the statements that pointed there."));
    var why = el("ul");
    ticked.forEach(function (i) {
      if (data.statements[i].role === answer.result) why.appendChild(el("li", "", data.statements[i].text));
    });
    out.appendChild(why);
    out.appendChild(el("p", "", "Read next:"));
    out.appendChild(links(role.next));
  }

  function build(tool, data) {
    var form = el("form", "fg-assess-form");
    var set = el("fieldset");
    set.appendChild(el("legend", "", "Tick each statement that describes the work you would enjoy"));
    data.statements.forEach(function (statement, i) {
      var row = el("p", "fg-check");
      var label = el("label");
      var box = el("input");
      box.type = "checkbox";
      box.value = String(i);
      label.appendChild(box);
      label.appendChild(document.createTextNode(" " + (i + 1) + ". " + statement.text));
      row.appendChild(label);
      set.appendChild(row);
    });
    form.appendChild(set);
    var button = el("button", "md-button md-button--primary", "Show my result");
    button.type = "submit";
    form.appendChild(button);
    var out = el("div", "fg-assess-result");
    out.setAttribute("aria-live", "polite");
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      var ticked = [];
      Array.prototype.forEach.call(form.querySelectorAll("input:checked"), function (box) { ticked.push(Number(box.value)); });
      show(out, data, ticked);
      land(out);
    });
    tool.appendChild(form);
    tool.appendChild(out);
  }

  function init(attempt) {
    var tools = document.querySelectorAll(".fg-assessment");
    var data = window.fieldguideAssessment;
    if (!tools.length) return;
    if (!data) {
      // With instant navigation the page's data script may run just after this: look once more.
      if ((attempt || 0) < 5) setTimeout(function () { init((attempt || 0) + 1); }, 50);
      return;
    }
    Array.prototype.forEach.call(tools, function (tool) {
      if (tool.getAttribute("data-ready") || tool.closest(".fg-print-page")) return;
      tool.setAttribute("data-ready", "true");
      build(tool, data);
      var list = tool.parentNode.querySelector(".fg-statements");
      if (list) list.hidden = true;
      tool.hidden = false;
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {lean: lean, share: share};
  } else if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(function () { init(0); });
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

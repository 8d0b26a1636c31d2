/* Pay by area: choose a state or metropolitan area and see each occupation's range from the 10th
   to the 90th percentile, with the median, beside the national figures, as a small chart and as
   text. The figures come from data/pay-areas.csv, as window.fieldguideAreas, read on first use
   (tool-data.js).
   Nothing is sent or stored; without this script the page's tables stay. */
(function () {
  "use strict";

  var SVG = "http://www.w3.org/2000/svg";
  var WIDTH = 360, LEFT = 4, RIGHT = 356, ROW = 22, LABEL = 14;

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  function shape(tag, attrs) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attrs).forEach(function (name) { node.setAttribute(name, String(attrs[name])); });
    return node;
  }

  function dollars(value) {
    return value === null || value === undefined ? "not released" : "$" + Math.round(value).toLocaleString("en-US");
  }

  /* "median $141,590 (10th percentile $77,480, 90th $224,920)", or what is missing. */
  function range(figures) {
    if (!figures || figures[1] === null && figures[0] === null && figures[2] === null) return "not released";
    return "median " + dollars(figures[1]) + " (10th percentile " + dollars(figures[0]) + ", 90th " + dollars(figures[2]) + ")";
  }

  function find(data, typed) {
    var wanted = typed.trim().toLowerCase();
    for (var i = 0; i < data.areas.length; i++) {
      if (data.areas[i].name.toLowerCase() === wanted) return data.areas[i];
    }
    return null;
  }

  function bar(svg, scale, y, figures, className) {
    if (!figures || figures[0] === null || figures[2] === null) {
      var none = shape("text", {x: LEFT, y: y + 4, "class": "fg-small"});
      none.textContent = "not released";
      svg.appendChild(none);
      return;
    }
    svg.appendChild(shape("line", {x1: scale(figures[0]), y1: y, x2: scale(figures[2]), y2: y, "class": className}));
    if (figures[1] !== null) {
      svg.appendChild(shape("line", {x1: scale(figures[1]), y1: y - 6, x2: scale(figures[1]), y2: y + 6, "class": "fg-median"}));
    }
  }

  /* One row per occupation: the area's range, then the nation's, under the occupation's name. */
  function chart(data, area) {
    var top = 0;
    data.occupations.forEach(function (o) {
      [area.figures[o.soc], data.nation[o.soc]].forEach(function (f) {
        if (f && f[2] !== null) top = Math.max(top, f[2]);
      });
    });
    top = Math.ceil((top || 1) / 50000) * 50000;
    var scale = function (value) { return LEFT + (RIGHT - LEFT) * value / top; };
    var height = data.occupations.length * (LABEL + 2 * ROW) + 24;
    var svg = shape("svg", {viewBox: "0 0 " + WIDTH + " " + height, "class": "fg-chart fg-area-chart", "aria-hidden": "true", focusable: "false"});
    var y = 0;
    data.occupations.forEach(function (o) {
      var name = shape("text", {x: LEFT, y: y + LABEL - 2, "class": "fg-label"});
      name.textContent = o.name;
      svg.appendChild(name);
      bar(svg, scale, y + LABEL + ROW / 2, area.figures[o.soc], "fg-area-bar");
      bar(svg, scale, y + LABEL + ROW * 1.5, data.nation[o.soc], "fg-area-bar-us");
      y += LABEL + 2 * ROW;
    });
    svg.appendChild(shape("line", {x1: LEFT, y1: y, x2: RIGHT, y2: y, "class": "fg-rule"}));
    var axis = shape("text", {x: RIGHT, y: y + 16, "text-anchor": "end", "class": "fg-small"});
    axis.textContent = "0 to " + dollars(top) + " a year; upper bar: this area, lower bar: United States";
    svg.appendChild(axis);
    return svg;
  }

  function show(out, data, area) {
    out.textContent = "";
    if (!area) {
      out.appendChild(el("p", "", "Choose a state or metropolitan area from the list."));
      return;
    }
    out.setAttribute("data-area", area.name);
    out.appendChild(el("p", "fg-lean", area.name + ", " + data.period + ": annual wages of employees"));
    out.appendChild(chart(data, area));
    var list = el("ul", "fg-area-figures");
    data.occupations.forEach(function (o) {
      var item = el("li");
      item.setAttribute("data-soc", o.soc);
      item.appendChild(el("strong", "", o.name + " (" + o.soc + ", " + o.role.toLowerCase().replace("ml ", "ML ") + "): "));
      item.appendChild(el("span", "fg-area-here", range(area.figures[o.soc])));
      item.appendChild(document.createTextNode(". United States: " + range(data.nation[o.soc]) + "."));
      list.appendChild(item);
    });
    out.appendChild(list);
  }

  /* The areas fill the list once their data has arrived; until then typing waits for it. */
  function build(tool, index) {
    var input = tool.querySelector(".fg-area-choice");
    var options = tool.querySelector("datalist");
    var out = tool.querySelector(".fg-area-result");
    if (!input || !options || !out) return;
    if (index) {  // a second block on one page keeps ids unique
      options.id += "-" + index;
      input.id += "-" + index;
      input.setAttribute("list", options.id);
      tool.querySelector("label").setAttribute("for", input.id);
    }
    var data = null;
    var update = function (event) {
      if (!data) return;
      var area = find(data, input.value);
      if (event.type === "keydown" || area || !input.value.trim()) show(out, data, area);
    };
    var start = function () {
      window.fieldguideData("fieldguideAreas", function (loaded) {
        if (data) return;
        data = loaded;
        data.areas.forEach(function (area) {
          var option = el("option");
          option.value = area.name;
          options.appendChild(option);
        });
        if (input.value.trim()) update({type: "input"});
      }, function () {
        out.textContent = "";
        out.appendChild(el("p", "", "The figures could not be loaded. The tables above give the same figures."));
      });
    };
    // Read the figures as soon as the reader turns to the box, not with the page.
    ["focus", "pointerdown", "input"].forEach(function (type) { input.addEventListener(type, start); });
    input.addEventListener("input", update);
    input.addEventListener("change", update);
    input.addEventListener("keydown", function (event) {
      if (event.key === "Enter") {
        event.preventDefault();
        update(event);
      }
    });
  }

  function init() {
    if (!window.fieldguideData) return;
    Array.prototype.forEach.call(document.querySelectorAll(".fg-area-lookup"), function (tool, index) {
      if (tool.getAttribute("data-ready") || tool.closest(".fg-print-page")) return;
      tool.setAttribute("data-ready", "true");
      build(tool, index);
      var note = tool.parentNode.querySelector(".fg-needs-script");
      if (note) note.hidden = true;
      tool.hidden = false;
    });
  }

  if (typeof module !== "undefined" && module.exports) {
    module.exports = {range: range, dollars: dollars};
  } else if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

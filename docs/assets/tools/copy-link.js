/* Copy a link in one click or key press: the button beside each address on the links page, and
   each heading's ¶ (which still jumps to its section). A short note says what happened.
   The copied address is the published one, from the page's canonical link, so a link copied
   from the offline copy works for the person it is sent to.
   Where the Clipboard API is missing or refused (some browsers, from file://), it falls back to
   the older copy command, then shows the address selected, for Ctrl+C. Without scripts the
   buttons are hidden (overrides/main.html) and the links page still shows every address as text. */
(function () {
  "use strict";

  /* One live region, in place before anything is said so screen readers announce it; shown only
     while it has something to say. */
  var note = document.createElement("div"), timer = 0;
  note.className = "fg-copy-note";
  note.setAttribute("role", "status");
  document.body.appendChild(note);

  /* `address`, when given, is shown selected, for the reader to copy by hand. */
  function say(text, address) {
    note.textContent = text;
    if (address) {
      var code = document.createElement("code");
      code.textContent = address;
      note.appendChild(code);
      select(code);
    }
    clearTimeout(timer);
    timer = setTimeout(function () { note.textContent = ""; }, address ? 15000 : 3000);
  }

  /* The older copy command, from a hidden text box: works where the Clipboard API does not. */
  function copyByCommand(text) {
    var box = document.createElement("textarea");
    box.value = text;
    box.setAttribute("readonly", "");
    box.style.position = "fixed";
    box.style.opacity = "0";
    document.body.appendChild(box);
    box.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    box.remove();
    return copied;
  }

  function select(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  /* Copy the text, then give the focus back to what had it (the copy command takes it away). */
  function copy(text, focusAfter) {
    function fallback() {
      var copied = copyByCommand(text);
      if (focusAfter) focusAfter.focus();
      if (copied) say("Link copied");
      else say("Press Ctrl+C (\u2318C on a Mac) to copy the selected link: ", text);
    }
    if (navigator.clipboard && window.isSecureContext) {
      navigator.clipboard.writeText(text).then(function () { say("Link copied"); }, fallback);
    } else {
      fallback();
    }
  }


  /* The theme puts each code block's copy button in a <nav>. Unnamed, two of them are landmarks a
     screen reader cannot tell apart (axe landmark-unique): each is named after its section. The
     theme adds them when the page has loaded, after this script has run. */
  document.addEventListener("DOMContentLoaded", function () {
    var section = "", count = 0;
    document.querySelectorAll(".md-typeset :is(h2, h3), .md-code__nav").forEach(function (element) {
      if (!element.classList.contains("md-code__nav")) section = element.textContent.replace("\u00b6", "").trim();
      else if (!element.hasAttribute("aria-label")) element.setAttribute("aria-label", "Code block " + ++count + ": " + section);
    });
  });

  /* The links page's buttons (in the page from the build: blocks/site.py) copy the address beside
     them, under the site's. Every heading's ¶ copies the published address of its section. */
  var canonical = document.querySelector("link[rel=canonical]");
  var page = canonical ? canonical.href : location.href.split("#")[0];
  document.addEventListener("click", function (event) {
    var target = event.target.closest ? event.target : event.target.parentNode;
    var button = target.closest(".fg-links .fg-copy");
    if (button) {
      var site = button.closest(".fg-links").getAttribute("data-site") || "";
      copy(site + button.parentNode.querySelector("code").textContent, button);
      return;
    }
    var permalink = target.closest(".md-typeset .headerlink");
    if (permalink) copy(page + permalink.getAttribute("href"), permalink);
  });
})();

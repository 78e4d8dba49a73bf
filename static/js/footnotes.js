// A footnote reference previews its note — the quote and its document — on hover and on
// focus, so a reader need not jump to the end of the page and back. The link still leads to
// the note, and does without script. The preview can be hovered (it stays while the pointer
// moves onto it) and dismissed with Escape (WCAG 1.4.13).
(function () {
  "use strict";

  var preview = null;
  var owner = null;
  var hideTimer = null;

  function hide() {
    window.clearTimeout(hideTimer);
    if (owner) owner.removeAttribute("aria-describedby");
    if (preview) preview.remove();
    preview = owner = null;
  }

  function hideSoon() {
    window.clearTimeout(hideTimer);
    hideTimer = window.setTimeout(hide, 300);
  }

  function show(link) {
    var note = document.getElementById(decodeURIComponent(link.hash.slice(1)));
    if (!note) return;
    hide();
    preview = document.createElement("div");
    preview.className = "footnote-preview";
    preview.id = "footnote-preview";
    preview.setAttribute("role", "tooltip");
    var quote = note.querySelector("blockquote");
    var source = note.querySelector(".source a");
    if (quote) preview.appendChild(quote.cloneNode(true));
    if (source) {
      var line = document.createElement("p");
      line.textContent = source.textContent;
      preview.appendChild(line);
    }
    preview.addEventListener("mouseenter", function () { window.clearTimeout(hideTimer); });
    preview.addEventListener("mouseleave", hideSoon);
    document.body.appendChild(preview);
    owner = link;
    link.setAttribute("aria-describedby", preview.id);
    var box = link.getBoundingClientRect();
    var width = document.documentElement.clientWidth;
    var left = Math.max(8, Math.min(box.left, width - preview.offsetWidth - 8));
    preview.style.left = window.scrollX + left + "px";
    preview.style.top = window.scrollY + box.bottom + 6 + "px";
  }

  function reference(event) {
    return event.target.closest ? event.target.closest(".footnote-ref a") : null;
  }

  document.addEventListener("mouseover", function (event) {
    var link = reference(event);
    if (link && link !== owner) show(link);
    else if (link) window.clearTimeout(hideTimer);
  });
  document.addEventListener("mouseout", function (event) {
    if (reference(event)) hideSoon();
  });
  document.addEventListener("focusin", function (event) {
    var link = reference(event);
    if (link) show(link);
  });
  document.addEventListener("focusout", function (event) {
    if (reference(event)) hide();
  });
  document.addEventListener("keydown", function (event) {
    if (event.key === "Escape") hide();
  });
  document.addEventListener("click", function (event) {
    if (reference(event)) hide();
  });
})();

// A quote that overlaps another is cut into several <mark> pieces on the document page; CSS
// alone (:target) highlights only the first piece, so mark every piece of the quote the
// address points to. Without JavaScript the first piece is still highlighted and scrolled to.
(function () {
  "use strict";

  function highlightTarget() {
    var target = decodeURIComponent(window.location.hash.slice(1));
    document.querySelectorAll("mark.passage[data-cites]").forEach(function (piece) {
      var cites = piece.getAttribute("data-cites").split(" ");
      piece.classList.toggle("is-target", target !== "" && cites.indexOf(target) !== -1);
    });
  }

  window.addEventListener("hashchange", highlightTarget);
  highlightTarget();
})();

// Starts Redoc on templates/api/redoc.html. Redoc's components inject their styles at run
// time: it gives them this script's CSP nonce, which the page's policy allows.
(function () {
  "use strict";
  var container = document.getElementById("redoc-container");
  Redoc.init(container.dataset.specUrl, { nonce: document.currentScript.nonce }, container);
})();

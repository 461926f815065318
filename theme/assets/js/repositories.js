/* Repositories page: hide a GitHub statistics image that cannot load (offline, blocked,
   rate-limited); the card keeps its name as text. Runs only where such images exist. */
(function () {
  "use strict";
  function hide(img) {
    img.hidden = true;
    img.closest(".repo") && img.closest(".repo").classList.add("repo--no-image");
  }
  document.addEventListener(
    "error",
    function (event) {
      var target = event.target;
      if (target && target.tagName === "IMG" && target.classList.contains("repo-img")) hide(target);
    },
    true
  );
  function sweep() {
    document.querySelectorAll("img.repo-img").forEach(function (img) {
      if (img.complete && img.naturalWidth === 0 && img.currentSrc) hide(img);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", sweep);
  else sweep();
})();

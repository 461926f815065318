/* mkdocs-folio publications: Abs/Bib/award/video toggles (one open at a time per entry, like
   al-folio), the "N more authors" expander, the annotation popover, copying BibTeX, and the
   `bib_search` filter box. Plain JS with event delegation, so it also works on pages loaded
   by instant navigation; every control is a button (or role=button) usable with the keyboard. */
(function () {
  "use strict";

  var reducedMotion = window.matchMedia
    ? window.matchMedia("(prefers-reduced-motion: reduce)")
    : { matches: false };

  function entryOf(el) {
    return el.closest("[data-bib-entry]") || el.closest("li");
  }

  /* -- toggles: award / abstract / bibtex / video ------------------------------------------ */

  function loadVideo(block) {
    var frame = block.querySelector("iframe[data-src]");
    if (frame && !frame.getAttribute("src")) {
      frame.setAttribute("src", frame.getAttribute("data-src")); // no third-party request before
    }
  }

  function toggleBlock(button) {
    var entry = entryOf(button);
    if (!entry) return;
    var name = button.getAttribute("data-bib-toggle");
    var block = entry.querySelector('[data-bib-block="' + name + '"]');
    if (!block) return;
    var opening = !block.classList.contains("open");
    entry.querySelectorAll("[data-bib-block]").forEach(function (other) {
      other.classList.remove("open");
    });
    entry.querySelectorAll("[data-bib-toggle]").forEach(function (other) {
      other.setAttribute("aria-expanded", "false");
    });
    if (opening) {
      block.classList.add("open");
      button.setAttribute("aria-expanded", "true");
      if (name === "video") loadVideo(block);
    }
  }

  /* -- "N more authors" --------------------------------------------------------------------- */

  function typeText(el, text, delay) {
    if (el._folioTimer) clearInterval(el._folioTimer);
    if (reducedMotion.matches || !delay || delay <= 0) {
      el.textContent = text;
      return;
    }
    var i = 0;
    el.textContent = "";
    el._folioTimer = setInterval(function () {
      i += 1;
      el.textContent = text.slice(0, i);
      if (i >= text.length) {
        clearInterval(el._folioTimer);
        el._folioTimer = null;
      }
    }, delay);
  }

  function toggleMoreAuthors(el) {
    var expanded = el.getAttribute("aria-expanded") === "true";
    var delay = parseInt(el.getAttribute("data-delay") || "10", 10);
    var more = el.getAttribute("data-more-authors") || "";
    var less = el.getAttribute("data-less-authors") || "";
    el.setAttribute("aria-expanded", expanded ? "false" : "true");
    el.setAttribute("title", expanded ? "click to view " + less : "click to hide");
    if (expanded) {
      if (el._folioTimer) clearInterval(el._folioTimer);
      el.textContent = less;
    } else {
      typeText(el, more, delay);
    }
  }

  /* -- annotation popover ------------------------------------------------------------------- */

  function setPopover(button, open) {
    var pop = document.getElementById(button.getAttribute("aria-controls"));
    if (!pop) {
      var entry = entryOf(button);
      pop = entry && entry.querySelector(".annotation-popover");
    }
    if (!pop) return;
    pop.hidden = !open;
    button.setAttribute("aria-expanded", open ? "true" : "false");
  }

  function closePopovers(except) {
    document.querySelectorAll('.annotation-toggle[aria-expanded="true"]').forEach(function (b) {
      if (b !== except) setPopover(b, false);
    });
  }

  /* -- copy BibTeX -------------------------------------------------------------------------- */

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      try {
        document.execCommand("copy") ? resolve() : reject(new Error("copy failed"));
      } catch (err) {
        reject(err);
      } finally {
        document.body.removeChild(area);
      }
    });
  }

  function copyBibtex(button) {
    var block = button.closest(".bibtex");
    var code = block && block.querySelector("code");
    if (!code) return;
    var label = button.querySelector(".bibtex-copy-label");
    var done = function (text) {
      if (!label) return;
      label.textContent = text;
      setTimeout(function () {
        label.textContent = "Copy";
      }, 2000);
    };
    copyText(code.textContent).then(
      function () {
        done("Copied");
      },
      function () {
        done("Press Ctrl+C");
      }
    );
  }

  /* -- event delegation --------------------------------------------------------------------- */

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (!(target instanceof Element)) return;
    var toggle = target.closest("[data-bib-toggle]");
    if (toggle) {
      event.preventDefault();
      toggleBlock(toggle);
      return;
    }
    var more = target.closest(".more-authors");
    if (more) {
      toggleMoreAuthors(more);
      return;
    }
    var note = target.closest(".annotation-toggle");
    if (note) {
      var open = note.getAttribute("aria-expanded") !== "true";
      closePopovers(note);
      setPopover(note, open);
      return;
    }
    var copy = target.closest(".bibtex-copy");
    if (copy) {
      copyBibtex(copy);
      return;
    }
    if (!target.closest(".annotation-popover")) closePopovers(null);
  });

  document.addEventListener("keydown", function (event) {
    var target = event.target;
    if (event.key === "Escape") {
      closePopovers(null);
      return;
    }
    if (!(target instanceof Element) || !target.classList.contains("more-authors")) return;
    if (event.key === "Enter" || event.key === " " || event.key === "Spacebar") {
      event.preventDefault(); // Space must not scroll the page
      toggleMoreAuthors(target);
    }
  });

  /* -- bib_search --------------------------------------------------------------------------- */

  function fold(text) {
    var lower = (text || "").toLowerCase();
    return lower.normalize ? lower.normalize("NFD").replace(/[\u0300-\u036f]/g, "") : lower;
  }

  function headingFor(list) {
    var prev = list.previousElementSibling;
    if (!prev && list.parentElement) prev = list.parentElement.previousElementSibling;
    return prev && /^H[1-6]$/.test(prev.tagName) ? prev : null;
  }

  /**
   * Show only the publications whose text contains every word of `query` (case and accents
   * ignored); hide year headings whose list became empty. `root` defaults to the document.
   * Returns the number of entries left visible.
   */
  function folioBibSearch(query, root) {
    root = root || document;
    var terms = fold(query).split(/\s+/).filter(Boolean);
    var visible = 0;
    root.querySelectorAll("ol.bibliography").forEach(function (list) {
      var shown = 0;
      Array.prototype.forEach.call(list.children, function (item) {
        if (item.tagName !== "LI") return;
        if (item._folioText === undefined) {
          // authors hidden behind "N more authors" are searchable too
          var hidden = Array.prototype.map
            .call(item.querySelectorAll("[data-more-authors]"), function (el) {
              return el.getAttribute("data-more-authors");
            })
            .join(" ");
          item._folioText = fold(item.textContent + " " + hidden);
        }
        var match = terms.every(function (t) {
          return item._folioText.indexOf(t) >= 0;
        });
        item.classList.toggle("unloaded", !match);
        item.hidden = !match;
        if (match) shown += 1;
      });
      visible += shown;
      list.hidden = shown === 0;
      var heading = headingFor(list);
      if (heading) heading.hidden = shown === 0;
    });
    var status = root.querySelector ? root.querySelector(".bibsearch-status") : null;
    if (status) status.textContent = terms.length ? visible + " publications shown" : "";
    return visible;
  }

  window.folioBibSearch = folioBibSearch;

  var pending = null;
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (!(target instanceof Element) || target.id !== "bibsearch") return;
    if (pending) cancelAnimationFrame(pending);
    pending = requestAnimationFrame(function () {
      pending = null;
      folioBibSearch(target.value);
    });
  });

  function initSearch() {
    var input = document.getElementById("bibsearch");
    if (!input) return;
    var fromHash = decodeURIComponent((location.hash || "").slice(1));
    if (!input.value && fromHash && !document.getElementById(fromHash)) input.value = fromHash;
    if (input.value) folioBibSearch(input.value);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", initSearch);
  } else {
    initSearch();
  }
  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(initSearch); // Material's instant navigation
  }
})();

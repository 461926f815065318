/* mkdocs-folio base behaviour: theme toggle, navbar menu and dropdowns, Ctrl+K search,
   reading progress. Plain JS, no dependencies; every control works with the keyboard. */
(function () {
  "use strict";

  var root = document.documentElement;
  var THEMES = ["system", "light", "dark"];
  var media = window.matchMedia ? window.matchMedia("(prefers-color-scheme: dark)") : null;

  function storedTheme() {
    try {
      var value = localStorage.getItem("theme");
      return THEMES.indexOf(value) >= 0 ? value : "system";
    } catch (e) {
      return "system";
    }
  }

  function applyTheme(setting) {
    var dark = setting === "dark" || (setting === "system" && media && media.matches);
    root.setAttribute("data-theme-setting", setting);
    root.setAttribute("data-theme", dark ? "dark" : "light");
    root.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
    if (document.body) {
      document.body.setAttribute("data-md-color-scheme", dark ? "slate" : "default");
    }
    var button = document.getElementById("light-toggle");
    if (button) {
      var next = THEMES[(THEMES.indexOf(setting) + 1) % THEMES.length];
      button.setAttribute("aria-label", "Theme: " + setting + ". Switch to " + next);
      button.setAttribute("title", "Theme: " + setting + " (click for " + next + ")");
    }
    document.dispatchEvent(new CustomEvent("folio:theme", { detail: { dark: dark, setting: setting } }));
  }

  function cycleTheme() {
    var current = storedTheme();
    var next = THEMES[(THEMES.indexOf(current) + 1) % THEMES.length];
    try {
      localStorage.setItem("theme", next);
    } catch (e) {
      /* private mode: the choice lasts for this page only */
    }
    applyTheme(next);
  }

  if (media) {
    var onChange = function () {
      if (storedTheme() === "system") applyTheme("system");
    };
    if (media.addEventListener) media.addEventListener("change", onChange);
    else if (media.addListener) media.addListener(onChange);
  }

  function closeDropdowns(except) {
    document.querySelectorAll(".folio-header .dropdown.show").forEach(function (item) {
      if (item === except) return;
      item.classList.remove("show");
      var toggle = item.querySelector(".dropdown-toggle");
      if (toggle) toggle.setAttribute("aria-expanded", "false");
    });
  }

  function openSearch() {
    var toggle = document.getElementById("__search");
    if (!toggle) return;
    toggle.checked = true;
    toggle.dispatchEvent(new Event("change"));
    var input = document.querySelector(".md-search__input");
    if (input) setTimeout(function () { input.focus(); }, 0);
  }

  function init() {
    applyTheme(storedTheme());

    var light = document.getElementById("light-toggle");
    if (light) light.addEventListener("click", cycleTheme);

    var toggler = document.querySelector(".folio-header .navbar-toggler");
    var collapse = document.getElementById("navbarNav");
    if (toggler && collapse) {
      toggler.addEventListener("click", function () {
        var open = collapse.classList.toggle("show");
        toggler.setAttribute("aria-expanded", open ? "true" : "false");
      });
    }

    document.querySelectorAll(".folio-header .dropdown-toggle").forEach(function (toggle) {
      var item = toggle.closest(".dropdown");
      toggle.addEventListener("click", function (event) {
        event.stopPropagation();
        var open = !item.classList.contains("show");
        closeDropdowns(item);
        item.classList.toggle("show", open);
        toggle.setAttribute("aria-expanded", open ? "true" : "false");
        if (open) {
          var first = item.querySelector(".dropdown-item");
          if (first && event.detail === 0) first.focus();
        }
      });
      item.addEventListener("keydown", function (event) {
        var links = Array.prototype.slice.call(item.querySelectorAll(".dropdown-item"));
        var index = links.indexOf(document.activeElement);
        if (event.key === "Escape") {
          closeDropdowns();
          toggle.focus();
        } else if (event.key === "ArrowDown" && links.length) {
          event.preventDefault();
          if (!item.classList.contains("show")) toggle.click();
          links[(index + 1) % links.length].focus();
        } else if (event.key === "ArrowUp" && links.length) {
          event.preventDefault();
          links[(index - 1 + links.length) % links.length].focus();
        }
      });
    });
    document.addEventListener("click", function () { closeDropdowns(); });

    var searchToggle = document.getElementById("search-toggle");
    if (searchToggle) searchToggle.addEventListener("click", openSearch);
    // Ctrl+K only when the site has search (`search_enabled: false` leaves the browser's own).
    if (searchToggle || document.querySelector(".md-search")) {
      document.addEventListener("keydown", function (event) {
        if ((event.ctrlKey || event.metaKey) && (event.key === "k" || event.key === "K")) {
          event.preventDefault();
          openSearch();
        }
      });
    }

    var progress = document.getElementById("progress");
    if (progress) {
      var update = function () {
        var height = document.documentElement.scrollHeight - window.innerHeight;
        progress.value = height > 0 ? Math.min(100, (window.scrollY / height) * 100) : 0;
      };
      window.addEventListener("scroll", update, { passive: true });
      update();
    }

    if (document.querySelector(".folio-footer.fixed-bottom")) {
      document.body.classList.add("has-fixed-footer");
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

/* mkdocs-folio content widgets: tabs, image zoom, pretty tables, table-of-contents sidebar,
   notebook frames. Plain JS, no dependencies, no network request; each part only acts on
   pages that hold its markup. Every control works with the keyboard. */
(function () {
  "use strict";

  /* ---- Tabs ({% tabs %}): WAI-ARIA tabs, arrows/Home/End move between them ------------- */
  function selectTab(tab, focus) {
    var list = tab.closest('[role="tablist"]');
    var box = tab.closest(".folio-tabs");
    if (!list || !box) return;
    list.querySelectorAll('[role="tab"]').forEach(function (other) {
      var selected = other === tab;
      other.setAttribute("aria-selected", selected ? "true" : "false");
      other.setAttribute("tabindex", selected ? "0" : "-1");
      other.classList.toggle("active", selected);
      var panel = document.getElementById(other.getAttribute("aria-controls"));
      if (panel) panel.classList.toggle("folio-tab-hidden", !selected);
    });
    if (focus) tab.focus();
  }

  function initTabs() {
    document.querySelectorAll(".folio-tabs [role='tablist']").forEach(function (list) {
      var tabs = Array.prototype.slice.call(list.querySelectorAll('[role="tab"]'));
      tabs.forEach(function (tab, index) {
        tab.addEventListener("click", function () { selectTab(tab, false); });
        tab.addEventListener("keydown", function (event) {
          var next = null;
          if (event.key === "ArrowRight" || event.key === "ArrowDown") next = tabs[(index + 1) % tabs.length];
          else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = tabs[(index - 1 + tabs.length) % tabs.length];
          else if (event.key === "Home") next = tabs[0];
          else if (event.key === "End") next = tabs[tabs.length - 1];
          if (next) {
            event.preventDefault();
            selectTab(next, true);
          }
        });
      });
    });
  }

  /* Enter or Space on `node` runs `action`, as on a button. */
  function onActivateKey(node, action) {
    node.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        action();
      }
    });
  }

  /* ---- Zoom (data-zoomable): click or Enter opens, Esc/click/Enter closes -------------- */
  var overlay = null;
  var opener = null;

  function closeZoom() {
    if (!overlay) return;
    overlay.remove();
    overlay = null;
    document.documentElement.style.overflow = "";
    if (opener) opener.focus();
    opener = null;
  }

  /* `node`: an <img> (shown at full size) or any element, e.g. a diagram's <svg> (cloned). */
  function openZoom(node) {
    closeZoom();
    opener = node;
    overlay = document.createElement("div");
    overlay.className = "folio-zoom-overlay";
    overlay.setAttribute("role", "dialog");
    overlay.setAttribute("aria-modal", "true");
    overlay.setAttribute("aria-label", (node.getAttribute("alt") || "Image") + " (press Escape to close)");
    overlay.tabIndex = -1;
    var big;
    if (node.tagName === "IMG") {
      big = document.createElement("img");
      big.src = node.currentSrc || node.src;
      big.alt = node.getAttribute("alt") || "";
    } else {
      big = node.cloneNode(true);
      big.removeAttribute("tabindex");
      big.removeAttribute("role");
      big.style.width = "100%";
      big.style.height = "100%";
      big.style.maxWidth = "none";
    }
    overlay.appendChild(big);
    overlay.addEventListener("click", closeZoom);
    onActivateKey(overlay, closeZoom);
    document.body.appendChild(overlay);
    document.documentElement.style.overflow = "hidden";
    overlay.focus();
  }

  /* Make `node` (an <img>, a diagram's <svg>) a button that opens the zoom: focusable,
     named `label` unless it has a name, opened by a click, Enter or Space. */
  function makeZoomable(node, label) {
    if (!node.hasAttribute("tabindex")) node.setAttribute("tabindex", "0");
    node.setAttribute("role", "button");
    if (!node.getAttribute("aria-label")) node.setAttribute("aria-label", label);
    var open = function () { openZoom(node); };
    node.addEventListener("click", open);
    onActivateKey(node, open);
  }

  function initZoom() {
    document.querySelectorAll("img[data-zoomable]").forEach(function (img) {
      makeZoomable(img, (img.getAttribute("alt") || "Image") + ": zoom");
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape") closeZoom();
    });
  }

  /* ---- Pretty tables (table[data-toggle="table"]): sort, search, pages, remote data ---- */
  function cellText(cell) { return (cell.textContent || "").trim(); }

  function compare(a, b) {
    var x = parseFloat(a.replace(/[^0-9.+-eE]/g, ""));
    var y = parseFloat(b.replace(/[^0-9.+-eE]/g, ""));
    var numeric = /^[\s$€£¥%+-]*[0-9]/.test(a) && /^[\s$€£¥%+-]*[0-9]/.test(b);
    if (numeric && !isNaN(x) && !isNaN(y)) return x - y;
    return a.localeCompare(b, undefined, { numeric: true, sensitivity: "base" });
  }

  function prettyTable(table) {
    if (table.dataset.folioPretty) return;
    table.dataset.folioPretty = "1";
    table.classList.add("folio-pretty-table");
    var head = table.tHead;
    var headRow = head ? head.rows[0] : null;
    if (!headRow) return;
    var body = table.tBodies[0] || table.appendChild(document.createElement("tbody"));
    var columns = Array.prototype.slice.call(headRow.cells);
    var fields = columns.map(function (th) { return th.getAttribute("data-field"); });
    var checkbox = columns.map(function (th) { return th.getAttribute("data-checkbox") === "true"; });
    var pageSize = parseInt(table.getAttribute("data-page-size") || "10", 10) || 10;
    var paginate = table.getAttribute("data-pagination") === "true";
    var searchable = table.getAttribute("data-search") !== "false";
    var rows = [];
    var query = "";
    var page = 0;
    var sortIndex = -1;
    var sortDir = 1;

    var wrap = document.createElement("div");
    wrap.className = "folio-table-wrap";
    table.parentNode.insertBefore(wrap, table);
    var tools = document.createElement("div");
    tools.className = "folio-table-tools";
    if (searchable) {
      var search = document.createElement("input");
      search.type = "search";
      search.className = "folio-table-search";
      search.placeholder = "Search";
      search.setAttribute("aria-label", "Search this table");
      search.addEventListener("input", function () {
        query = search.value.trim().toLowerCase();
        page = 0;
        draw();
      });
      tools.appendChild(search);
      wrap.appendChild(tools);
    }
    wrap.appendChild(table);
    var pager = document.createElement("nav");
    pager.className = "folio-table-pages";
    pager.setAttribute("aria-label", "Table pages");
    wrap.appendChild(pager);
    var status = document.createElement("p");
    status.className = "sr-only";
    status.setAttribute("aria-live", "polite");
    wrap.appendChild(status);

    columns.forEach(function (th, index) {
      if (checkbox[index] || th.getAttribute("data-sortable") === "false") return;
      var button = document.createElement("button");
      button.type = "button";
      button.className = "folio-sort";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      th.setAttribute("aria-sort", "none");
      button.addEventListener("click", function () {
        sortDir = sortIndex === index ? -sortDir : 1;
        sortIndex = index;
        columns.forEach(function (other) {
          if (other.hasAttribute("aria-sort")) other.setAttribute("aria-sort", "none");
        });
        th.setAttribute("aria-sort", sortDir > 0 ? "ascending" : "descending");
        draw();
      });
    });

    function align(cell, th) {
      var value = th.getAttribute("data-align");
      if (value) cell.style.textAlign = value;
    }
    columns.forEach(function (th) {
      var halign = th.getAttribute("data-halign");
      if (halign) th.style.textAlign = halign;
    });

    function rowFromData(record) {
      var tr = document.createElement("tr");
      columns.forEach(function (th, index) {
        var td = document.createElement("td");
        if (checkbox[index]) {
          var box = document.createElement("input");
          box.type = "checkbox";
          box.setAttribute("aria-label", "Select row");
          td.appendChild(box);
        } else if (fields[index]) {
          var value = record[fields[index]];
          td.textContent = value === undefined || value === null ? "" : String(value);
        }
        align(td, th);
        tr.appendChild(td);
      });
      if (table.getAttribute("data-click-to-select") === "true") {
        tr.addEventListener("click", function (event) {
          var box = tr.querySelector('input[type="checkbox"]');
          if (box && event.target !== box) box.checked = !box.checked;
        });
      }
      return tr;
    }

    function collect() {
      rows = Array.prototype.slice.call(body.rows).map(function (tr, order) {
        return { tr: tr, order: order, text: (tr.textContent || "").toLowerCase() };
      });
    }

    function draw() {
      var shown = rows.filter(function (row) { return !query || row.text.indexOf(query) >= 0; });
      if (sortIndex >= 0) {
        shown.sort(function (a, b) {
          var result = compare(cellText(a.tr.cells[sortIndex] || a.tr), cellText(b.tr.cells[sortIndex] || b.tr));
          return result * sortDir || a.order - b.order;
        });
      } else {
        shown.sort(function (a, b) { return a.order - b.order; });
      }
      var pages = paginate ? Math.max(1, Math.ceil(shown.length / pageSize)) : 1;
      if (page >= pages) page = pages - 1;
      var visible = paginate ? shown.slice(page * pageSize, (page + 1) * pageSize) : shown;
      while (body.firstChild) body.removeChild(body.firstChild);
      visible.forEach(function (row) { body.appendChild(row.tr); });
      if (!shown.length) {
        var empty = document.createElement("tr");
        empty.className = "folio-table-empty";
        var td = document.createElement("td");
        td.colSpan = columns.length || 1;
        td.textContent = "No matching records";
        empty.appendChild(td);
        body.appendChild(empty);
      }
      pager.innerHTML = "";
      if (paginate && pages > 1) {
        for (var p = 0; p < pages; p++) {
          (function (index) {
            var button = document.createElement("button");
            button.type = "button";
            button.textContent = String(index + 1);
            button.setAttribute("aria-label", "Page " + (index + 1));
            if (index === page) button.setAttribute("aria-current", "page");
            button.addEventListener("click", function () {
              page = index;
              draw();
            });
            pager.appendChild(button);
          })(p);
        }
      }
      status.textContent = shown.length + " of " + rows.length + " rows";
    }

    var url = table.getAttribute("data-url");
    if (url) {
      fetch(url, { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          var records = Array.isArray(data) ? data : (data && (data.rows || data.data)) || [];
          records.forEach(function (record) { body.appendChild(rowFromData(record)); });
          collect();
          draw();
        })
        .catch(function () {
          status.textContent = "The table data could not be loaded.";
        });
    } else {
      collect();
      draw();
    }
  }

  function initTables() {
    document.querySelectorAll('.folio-typeset table[data-toggle="table"]').forEach(prettyTable);
  }

  /* ---- Table of contents sidebar: phone toggle, current section ------------------------ */
  function initToc() {
    var nav = document.getElementById("toc-sidebar");
    if (!nav) return;
    var toggle = nav.querySelector(".folio-toc-toggle");
    if (toggle) {
      toggle.addEventListener("click", function () {
        toggle.setAttribute("aria-expanded", toggle.getAttribute("aria-expanded") === "true" ? "false" : "true");
      });
    }
    var links = Array.prototype.slice.call(nav.querySelectorAll('a[href^="#"]'));
    if (!links.length || !("IntersectionObserver" in window)) return;
    var byId = {};
    links.forEach(function (link) {
      byId[decodeURIComponent(link.getAttribute("href").slice(1))] = link;
    });
    var visible = {};
    var observer = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) { visible[entry.target.id] = entry.isIntersecting; });
      var current = null;
      for (var i = 0; i < links.length; i++) {
        var id = decodeURIComponent(links[i].getAttribute("href").slice(1));
        if (visible[id]) { current = links[i]; break; }
      }
      if (current) {
        links.forEach(function (link) { link.classList.toggle("active", link === current); });
      }
    }, { rootMargin: "0px 0px -60% 0px" });
    Object.keys(byId).forEach(function (id) {
      var heading = document.getElementById(id);
      if (heading) observer.observe(heading);
    });
  }

  /* ---- Notebook frames: as tall as their content (same site) --------------------------- */
  function initNotebooks() {
    document.querySelectorAll("iframe.jupyter-notebook-iframe").forEach(function (frame) {
      frame.addEventListener("load", function () {
        try {
          var doc = frame.contentDocument;
          if (doc && doc.body) frame.style.height = doc.documentElement.scrollHeight + 20 + "px";
        } catch (e) {
          /* another origin: keep the CSS height */
        }
      });
    });
  }

  window.folio = window.folio || {};
  window.folio.zoomable = makeZoomable; /* page/diagrams.js: zoomable Mermaid diagrams */

  function init() {
    initTabs();
    initZoom();
    initTables();
    initToc();
    initNotebooks();
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", init);
  else init();
})();

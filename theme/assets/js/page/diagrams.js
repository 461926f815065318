/* mkdocs-folio diagrams and charts: draws the fenced blocks (```mermaid, ```chartjs,
   ```echarts, ```plotly, ```vega_lite, ```diff2html, ```geojson, ```pseudocode) with the
   library the page loaded from jsDelivr. The library scripts are only on pages with such a
   block (the build adds them), deferred, so they have all run by DOMContentLoaded.
   A block whose library is missing (offline, blocked) keeps showing its source. Charts are
   drawn again in the other palette when the reader switches light/dark mode. */
(function () {
  "use strict";

  var rendered = [];
  var lastDark = null;

  /* A heading id="mermaid" also makes a window.mermaid: check for the library's function. */
  function lib(name, method) {
    var value = window[name];
    return !!value && typeof value[method] === "function";
  }

  function isDark() {
    return document.documentElement.getAttribute("data-theme") === "dark";
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.documentElement).getPropertyValue(name);
    return (value && value.trim()) || fallback;
  }

  function sourceOf(box) {
    if (box.folioSource === undefined) {
      var pre = box.querySelector(".folio-diagram-source");
      box.folioSource = pre ? pre.textContent : "";
    }
    return box.folioSource;
  }

  function freshCanvas(box, tag) {
    var old = box.querySelector(".folio-diagram-canvas");
    if (old) old.remove();
    var canvas = document.createElement(tag || "div");
    canvas.className = "folio-diagram-canvas";
    box.appendChild(canvas);
    return canvas;
  }

  function json(box) {
    return JSON.parse(sourceOf(box));
  }

  function ok(box) {
    box.classList.add("folio-rendered");
  }

  function failed(box, error) {
    box.classList.remove("folio-rendered");
    var canvas = box.querySelector(".folio-diagram-canvas");
    if (canvas) canvas.remove();
    if (window.console) console.warn("mkdocs-folio: diagram not drawn:", error);
  }

  var draw = {
    mermaid: function (box) {
      if (!lib("mermaid", "initialize")) return false;
      window.mermaid.initialize({
        startOnLoad: false,
        securityLevel: "strict",
        theme: isDark() ? "dark" : "default",
      });
      var canvas = freshCanvas(box);
      var node = document.createElement("pre");
      node.className = "mermaid";
      node.textContent = sourceOf(box);
      canvas.appendChild(node);
      window.mermaid.run({ nodes: [node] }).then(function () {
        ok(box);
        var svg = node.querySelector("svg");
        if (svg && box.classList.contains("folio-zoomable") && window.folio && window.folio.zoomable) {
          window.folio.zoomable(svg, "Diagram: zoom"); /* content.js */
        }
      }, function (error) { failed(box, error); });
      return true;
    },

    chartjs: function (box) {
      if (typeof window.Chart !== "function") return false;
      if (box.folioChart) box.folioChart.destroy();
      var Chart = window.Chart;
      Chart.defaults.color = cssVar("--folio-text-color", "#666");
      Chart.defaults.borderColor = cssVar("--folio-divider-color", "rgba(0,0,0,0.1)");
      var canvas = document.createElement("canvas");
      freshCanvas(box).appendChild(canvas);
      box.folioChart = new Chart(canvas, json(box));
      ok(box);
      return true;
    },

    echarts: function (box) {
      if (!lib("echarts", "init")) return false;
      if (box.folioChart) box.folioChart.dispose();
      var canvas = freshCanvas(box);
      var chart = window.echarts.init(canvas, isDark() ? "dark" : null);
      var option = json(box);
      if (isDark() && option.backgroundColor === undefined) option.backgroundColor = "transparent";
      chart.setOption(option);
      box.folioChart = chart;
      ok(box);
      return true;
    },

    plotly: function (box) {
      if (!lib("Plotly", "newPlot")) return false;
      var spec = json(box);
      var layout = spec.layout || {};
      if (isDark()) {
        layout.paper_bgcolor = layout.paper_bgcolor || "rgba(0,0,0,0)";
        layout.plot_bgcolor = layout.plot_bgcolor || "rgba(0,0,0,0)";
        layout.font = Object.assign({ color: cssVar("--folio-text-color", "#e8e8e8") }, layout.font || {});
      }
      var canvas = freshCanvas(box);
      window.Plotly.newPlot(canvas, spec.data || [], layout, Object.assign({ responsive: true }, spec.config || {}));
      ok(box);
      return true;
    },

    vega_lite: function (box) {
      if (typeof window.vegaEmbed !== "function") return false;
      var canvas = freshCanvas(box);
      var options = { actions: { export: true, source: true, compiled: false, editor: false } };
      if (isDark()) options.theme = "dark";
      window.vegaEmbed(canvas, json(box), options).then(function () { ok(box); }, function (error) { failed(box, error); });
      return true;
    },

    diff2html: function (box) {
      if (typeof window.Diff2HtmlUI !== "function") return false;
      var canvas = freshCanvas(box);
      var ui = new window.Diff2HtmlUI(canvas, sourceOf(box), {
        drawFileList: true,
        matching: "lines",
        outputFormat: "line-by-line",
        highlight: true,
        colorScheme: isDark() ? "dark" : "light",
      });
      ui.draw();
      if (ui.highlightCode) ui.highlightCode();
      ok(box);
      return true;
    },

    leaflet: function (box) {
      if (!lib("L", "geoJSON")) return false;
      if (box.folioChart) box.folioChart.remove();
      var canvas = freshCanvas(box);
      var map = window.L.map(canvas, { scrollWheelZoom: false });
      window.L.tileLayer("https://tile.openstreetmap.org/{z}/{x}/{y}.png", {
        maxZoom: 19,
        attribution: '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
      }).addTo(map);
      var layer = window.L.geoJSON(json(box), {
        onEachFeature: function (feature, item) {
          var props = feature.properties || {};
          var text = props.popupContent || props.name;
          if (text) item.bindPopup(String(text));
        },
      }).addTo(map);
      var bounds = layer.getBounds();
      if (bounds.isValid()) map.fitBounds(bounds);
      else map.setView([0, 0], 1);
      box.folioChart = map;
      ok(box);
      return true;
    },

    pseudocode: function (box) {
      if (!lib("pseudocode", "renderElement")) return false;
      var canvas = freshCanvas(box);
      var node = document.createElement("pre");
      /* al-folio asks authors to write $$x$$ in pseudocode (kramdown needs it); pseudocode.js
         with KaTeX wants $x$. */
      node.textContent = sourceOf(box).replace(/\$\$/g, "$");
      canvas.appendChild(node);
      window.pseudocode.renderElement(node, { lineNumber: true });
      ok(box);
      return true;
    },
  };
  draw.geojson = draw.leaflet;

  function render(box) {
    var kind = box.getAttribute("data-folio-diagram");
    var fn = draw[kind];
    if (!fn) return;
    try {
      if (fn(box)) rendered.push(box);
    } catch (error) {
      failed(box, error);
    }
  }

  /* Hand-written <pre class="mermaid"> (al-folio allows it): wrap it like a fence. */
  function adoptRawMermaid() {
    document.querySelectorAll(".folio-typeset pre.mermaid").forEach(function (pre) {
      if (pre.closest(".folio-diagram")) return;
      var box = document.createElement("div");
      box.className = "folio-diagram folio-diagram-mermaid";
      box.setAttribute("data-folio-diagram", "mermaid");
      pre.parentNode.insertBefore(box, pre);
      pre.className = "folio-diagram-source";
      box.appendChild(pre);
    });
  }

  function init() {
    var boxes = document.querySelectorAll(".folio-diagram[data-folio-diagram]");
    if (!boxes.length && !document.querySelector(".folio-typeset pre.mermaid")) return;
    adoptRawMermaid();
    lastDark = isDark();
    document.querySelectorAll(".folio-diagram[data-folio-diagram]").forEach(render);
    document.addEventListener("folio:theme", function () {
      var dark = isDark();
      if (dark === lastDark) return;
      lastDark = dark;
      var again = rendered;
      rendered = [];
      again.forEach(render);
    });
  }

  /* This file runs inside the deferred theme bundle, before the (also deferred) library
     scripts that follow it: wait for DOMContentLoaded, which fires after all of them. */
  if (document.readyState === "complete") init();
  else document.addEventListener("DOMContentLoaded", init);
})();

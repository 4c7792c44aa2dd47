(function () {
  "use strict";
  // Draw each chart when it comes near the screen (or its folded section opens), so a
  // long report opens fast; draw them all before printing.
  var data = document.getElementById("cc-chart-specs");
  if (!data) { return; }
  var specs = {};
  JSON.parse(data.textContent).forEach(function (item) { specs[item.id] = item.spec; });
  var dark = window.matchMedia && window.matchMedia("(prefers-color-scheme: dark)").matches;
  var charts = Array.prototype.slice.call(document.querySelectorAll(".cc-chart"));
  function draw(target) {
    var spec = specs[target.id];
    if (!spec || target.getAttribute("data-drawn")) { return; }
    target.setAttribute("data-drawn", "yes");
    if (typeof vegaEmbed !== "function") {
      target.textContent = "This chart could not be drawn: the Vega script did not load.";
      return;
    }
    vegaEmbed(target, spec, {renderer: "svg", actions: false, theme: dark ? "dark" : undefined}).catch(function (error) {
      target.textContent = "This chart could not be drawn: " + error;
      console.error(error);
    });
  }
  if ("IntersectionObserver" in window) {
    var watcher = new IntersectionObserver(function (entries) {
      entries.forEach(function (entry) {
        if (entry.isIntersecting) { watcher.unobserve(entry.target); draw(entry.target); }
      });
    }, {rootMargin: "400px 0px"});
    charts.forEach(function (chart) { watcher.observe(chart); });
  } else {
    charts.forEach(draw);
  }
  window.ccDrawCharts = function () { charts.forEach(draw); };
  window.addEventListener("beforeprint", window.ccDrawCharts);
})();

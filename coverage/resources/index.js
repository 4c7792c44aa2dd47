(function () {
  "use strict";
  // The index's table of stories: search, sort by any column, and pages of PAGE rows,
  // built from the JSON data block so the page holds only the rows on screen.
  var PAGE = 50;
  var block = document.getElementById("cc-index-data");
  var table = document.getElementById("cc-stories");
  if (!block || !table) { return; }
  var data = JSON.parse(block.textContent);
  var body = table.querySelector("tbody");
  var search = document.getElementById("cc-search");
  var status = document.getElementById("cc-shown");
  var more = document.getElementById("cc-more-rows");
  var state = {key: -1, down: false, shown: PAGE, rows: data.rows};
  var text = data.rows.map(function (row) { return row.join(" ").toLowerCase(); });

  function cell(row, k) {
    var td = document.createElement("td");
    if (data.numeric[k]) { td.className = "cc-num"; }
    if (k === data.link) {
      var a = document.createElement("a");
      a.setAttribute("href", data.hrefs[row[row.length - 1]]);
      a.textContent = row[k];
      td.appendChild(a);
    } else {
      td.textContent = row[k];
    }
    return td;
  }
  function show() {
    var fragment = document.createDocumentFragment();
    state.rows.slice(0, state.shown).forEach(function (row) {
      var tr = document.createElement("tr");
      for (var k = 0; k < data.numeric.length; k++) { tr.appendChild(cell(row, k)); }
      fragment.appendChild(tr);
    });
    body.replaceChildren(fragment);
    var count = Math.min(state.shown, state.rows.length);
    status.textContent = "Showing " + count + " of " + state.rows.length + " stories.";
    more.hidden = state.rows.length <= state.shown;
  }
  function filter() {
    var words = search.value.toLowerCase().split(/\s+/).filter(Boolean);
    var rows = [];
    data.rows.forEach(function (row, k) {
      if (words.every(function (w) { return text[k].indexOf(w) >= 0; })) { rows.push(row); }
    });
    state.rows = rows;
    sort();
  }
  function sort() {
    if (state.key >= 0) {
      var key = state.key, sign = state.down ? -1 : 1, numeric = data.numeric[key];
      state.rows = state.rows.slice().sort(function (x, y) {
        var a = x[key], b = y[key];
        var order = numeric ? a - b : String(a).localeCompare(String(b));
        return sign * order || x[x.length - 1] - y[y.length - 1];
      });
    }
    state.shown = PAGE;
    show();
  }
  // rows carry their position last, so ties keep the corpus order
  data.rows.forEach(function (row, k) { row.push(k); });
  Array.prototype.forEach.call(table.querySelectorAll("th button"), function (button, k) {
    button.addEventListener("click", function () {
      state.down = state.key === k ? !state.down : data.numeric[k];
      state.key = k;
      Array.prototype.forEach.call(table.querySelectorAll("th"), function (th, j) {
        th.setAttribute("aria-sort", j === k ? (state.down ? "descending" : "ascending") : "none");
      });
      sort();
    });
  });
  search.addEventListener("input", filter);
  more.addEventListener("click", function () { state.shown += PAGE; show(); });
  document.getElementById("cc-controls").hidden = false;
  show();
})();

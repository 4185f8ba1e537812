/* Sortable tables: every column header of a table.kf-sortable becomes a button that sorts the rows by the
   cells' data-sort values (numbers for th[data-sort-type=number]; empty values last either way), and says
   so with aria-sort. The table is complete without this script; it only reorders the rows. Also keeps the
   "n of m shown" line of a filtered table up to date (the filters are filters.js's). */
(function () {
  function compare(a, b, numeric) {
    if (a === "" || b === "") { return a === b ? 0 : (a === "" ? 1 : -1); }
    if (numeric) { return parseFloat(a) - parseFloat(b); }
    return a.localeCompare(b, document.documentElement.lang || undefined, { numeric: true, sensitivity: "base" });
  }
  function sortBy(table, index, descending) {
    var body = table.tBodies[0];
    var header = table.tHead.rows[0].cells[index];
    var numeric = header.getAttribute("data-sort-type") === "number";
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (x, y) {
      var a = x.cells[index].getAttribute("data-sort") || "";
      var b = y.cells[index].getAttribute("data-sort") || "";
      var order = compare(a, b, numeric);
      if (a === "" || b === "") { return order; }  // empty last, ascending or descending
      return descending ? -order : order;
    });
    rows.forEach(function (row) { body.appendChild(row); });
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, i) {
      if (i === index) { cell.setAttribute("aria-sort", descending ? "descending" : "ascending"); }
      else { cell.removeAttribute("aria-sort"); }
    });
  }
  function count(scope) {
    var line = scope.querySelector(".kf-count[data-count-template]");
    if (!line) { return; }
    var rows = scope.querySelectorAll("tbody .kf-row");
    var shown = scope.querySelectorAll("tbody .kf-row:not([hidden])").length;
    line.textContent = line.getAttribute("data-count-template")
      .replace("{shown}", String(shown)).replace("{total}", String(rows.length));
  }
  function init() {
    document.querySelectorAll("table.kf-sortable").forEach(function (table) {
      if (table.getAttribute("data-sortable-ready")) { return; }
      table.setAttribute("data-sortable-ready", "1");
      Array.prototype.forEach.call(table.tHead.rows[0].cells, function (cell, index) {
        var button = document.createElement("button");
        button.type = "button";
        button.className = "kf-sort";
        while (cell.firstChild) { button.appendChild(cell.firstChild); }
        cell.appendChild(button);
        button.addEventListener("click", function () {
          sortBy(table, index, cell.getAttribute("aria-sort") === "ascending");
        });
      });
    });
    document.querySelectorAll("[data-filter-scope]").forEach(function (scope) {
      count(scope);
      scope.querySelectorAll("select[data-filter]").forEach(function (select) {
        select.addEventListener("change", function () { count(scope); });
      });
    });
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();

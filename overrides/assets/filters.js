/* Timeline and directory filters: each <select data-filter="attr"> hides items whose data-attr
   (a space-separated list) does not contain the chosen value. Works without a server. */
(function () {
  function apply(scope) {
    var selects = scope.querySelectorAll("select[data-filter]");
    var items = scope.querySelectorAll(".kf-event, .kf-row");
    items.forEach(function (item) {
      var shown = true;
      selects.forEach(function (select) {
        var wanted = select.value;
        var have = (item.getAttribute("data-" + select.getAttribute("data-filter")) || "").split(" ");
        if (wanted && have.indexOf(wanted) === -1) { shown = false; }
      });
      item.hidden = !shown;
    });
    scope.querySelectorAll("h2[id^='year-']").forEach(function (heading) {
      var list = heading.nextElementSibling;
      var any = list && list.querySelector(".kf-event:not([hidden])");
      heading.hidden = !any;
      if (list) { list.hidden = !any; }
    });
  }
  function init() {
    document.querySelectorAll("[data-filter-scope]").forEach(function (scope) {
      scope.querySelectorAll("select[data-filter]").forEach(function (select) {
        select.addEventListener("change", function () { apply(scope); });
      });
    });
  }
  if (window.document$) { window.document$.subscribe(init); } else { document.addEventListener("DOMContentLoaded", init); }
})();

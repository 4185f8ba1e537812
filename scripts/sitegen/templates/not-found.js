// Shows the root 404 page in the language of the path asked for (<base>en/... in English, <base>ko/... in
// Korean); without JavaScript both languages show.
(function () {
  var base = document.documentElement.getAttribute("data-base") || "/";
  var rest = location.pathname.indexOf(base) === 0 ? location.pathname.slice(base.length) : "";
  var lang = rest.indexOf("en/") === 0 ? "en" : (rest.indexOf("ko/") === 0 ? "ko" : null);
  if (!lang) { return; }
  document.documentElement.lang = lang;
  var blocks = document.querySelectorAll("[data-lang]");
  for (var i = 0; i < blocks.length; i++) { blocks[i].hidden = blocks[i].getAttribute("data-lang") !== lang; }
})();

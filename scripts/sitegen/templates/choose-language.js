(function () {
  var langs = navigator.languages || [navigator.language || ""];
  var korean = langs.some(function (l) { return /^ko\b/i.test(l); });
  if (!/[?&]stay\b/.test(location.search)) { location.replace(korean ? "ko/" : "en/"); }
})();

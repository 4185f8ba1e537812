/* Site search: Material's search box (partials/search.html) over this language's Pagefind index.

   Nothing is fetched until the reader opens search (the header's search button, a click in the box, or the
   keys "/", "s" and "f"); then pagefind.js is imported and fetches only the index chunks and the result pages
   a query needs. Queries are searched on every `input` and `compositionend` event, so Hangul composed with an
   input method searches as soon as the syllable is composed, without a further key.

   The query is also searched in the forms a reader may mean: Korean particles dropped (엑사원은 -> 엑사원),
   Hangul split from digits (엑사원3.5 -> 엑사원 3.5), Hangul words joined (카카오 브레인 -> 카카오브레인), two
   or three words joined (open source -> opensource, as Pagefind indexes open-source), and Hangul romanised
   next to Latin letters (코GPT -> kogpt); each page keeps its best score over these forms. Records named
   by the query come before Pagefind's ranking (see "searching" below). A result shows its kind and name,
   then the field that matched as "label: value" (from Pagefind's anchors: a claim row's <tr id="claim-x">
   and its value cell <td id="claim-x-value">), or its names. */
(function () {
  "use strict";
  var root = document.querySelector("[data-kf-search]");
  var toggle = document.getElementById("__search");
  if (!root || !toggle) { return; }
  var input = root.querySelector(".md-search__input");
  var meta = root.querySelector(".md-search-result__meta");
  var list = root.querySelector(".md-search-result__list");
  var moreButton = root.querySelector(".kf-search-more");
  var bundle = new URL(root.getAttribute("data-kf-search"), document.baseURI).href;
  var BATCH = 5;  // results listed at once: their fragments are most of a query's bytes
  var CONTEXT_WORDS = 14;
  var PAUSE_MS = 150;
  // Names weigh most through the index (data-pagefind-weight); the page-length penalty is kept small so
  // that long pages mentioning a name once do not beat short ones, and term similarity favours whole words.
  var RANKING = { termSimilarity: 10.0, pageLength: 0.2, termSaturation: 0.8, termFrequency: 0.5 };
  var engine = null;
  var searched = null;
  var state = null;  // the current query's results: those not listed yet
  var generation = 0;

  function load() {
    if (!engine) {
      engine = import(bundle + "pagefind.js").then(function (pagefind) {
        return pagefind.options({ baseUrl: new URL("..", bundle).pathname, ranking: RANKING })
          .then(function () { return pagefind.init(); })
          .then(function () { return pagefind; });
      });
    }
    return engine;
  }

  // -- the forms of a query ------------------------------------------------------------------------
  var PARTICLES = ["에서는", "으로는", "이라는", "에서", "으로", "에게", "께서", "까지", "부터", "라는", "이란",
                   "하고", "처럼", "보다", "은", "는", "이", "가", "을", "를", "의", "에", "도", "로", "와", "과",
                   "란", "만"];
  var HANGUL = /[\uac00-\ud7a3]/;
  var INITIALS = ["g", "kk", "n", "d", "tt", "r", "m", "b", "pp", "s", "ss", "", "j", "jj", "ch", "k", "t", "p", "h"];
  var VOWELS = ["a", "ae", "ya", "yae", "eo", "e", "yeo", "ye", "o", "wa", "wae", "oe", "yo", "u", "wo", "we", "wi",
                "yu", "eu", "ui", "i"];
  var FINALS = ["", "k", "k", "k", "n", "n", "n", "t", "l", "l", "l", "l", "l", "l", "l", "l", "m", "p", "p", "t",
                "t", "ng", "t", "t", "k", "t", "p", "t"];

  function romanise(text) {
    return text.replace(/[\uac00-\ud7a3]/g, function (syllable) {
      var code = syllable.charCodeAt(0) - 0xac00;
      return INITIALS[Math.floor(code / 588)] + VOWELS[Math.floor((code % 588) / 28)] + FINALS[code % 28];
    });
  }

  function withoutParticle(token) {
    if (!/[\uac00-\ud7a3]$/.test(token)) { return token; }
    for (var i = 0; i < PARTICLES.length; i++) {
      var particle = PARTICLES[i];
      var stem = token.slice(0, -particle.length);
      if (token.length > particle.length && token.slice(-particle.length) === particle
          && (stem.length >= 2 || /[a-z0-9]$/.test(stem))) {
        return stem;
      }
    }
    return token;
  }

  // The forms of a query; for Pagefind (`forIndex`) without its one-character Latin words and digits.
  function queryForms(query, forIndex) {
    var text = query.normalize("NFC").toLowerCase().replace(/[()\[\]{}"'“”‘’,!?]/g, " ").trim();
    if (!text) { return []; }
    var tokens = text.split(/\s+/).map(withoutParticle).join(" ")
      .replace(/([\uac00-\ud7a3])(?=[0-9])/g, "$1 ").split(/\s+/);
    // A one-character word (the 7 of "Nuri 7") matches half the index: Pagefind gets it only joined to the
    // others (nuri7, a spelling every name is also indexed by), which spares its index chunk.
    var words = forIndex && tokens.length > 1
      ? tokens.filter(function (token) { return !/^[a-z0-9]$/.test(token); }) : tokens;
    var forms = [words.join(" ")];
    forms.push(words.join(" ").replace(/([\uac00-\ud7a3]) (?=[\uac00-\ud7a3])/g, "$1"));
    if (tokens.length === 2 || tokens.length === 3) { forms.push(tokens.join("")); }  // open source: opensource
    if (words.some(function (token) { return HANGUL.test(token) && /[a-z]/.test(token); })) {
      forms.push(words.map(function (token) { return /[a-z]/.test(token) ? romanise(token) : token; }).join(" "));
    }
    return forms.filter(function (form, index) { return form && forms.indexOf(form) === index; });
  }

  // -- searching ------------------------------------------------------------------------------------
  // Names first: the query's key (lower case, without spaces, dots, hyphens) is looked up in the name shard
  // of its first two characters (scripts/sitegen/search.py writes them). A page one of whose names is the
  // query comes first, then one whose name starts with it, then one whose name is one letter away (a typo),
  // then one one of whose names is a word of the query. Then Pagefind's results, ranked by the words' weights
  // (names 10, parameter counts 8, claims 3, other quantities 2, notes 1, quotes on source pages 0.5).
  var EXACT = 8, PREFIX = 4, TYPO = 3, WORD = 2;
  var NAME_SHARDS = 128;
  var shards = {};

  function key(text) { return text.normalize("NFC").toLowerCase().replace(/[\s\-_.·:/()'’]+/g, ""); }

  function shardOf(text) {
    var first = Array.from(text).slice(0, 2).map(function (c) { return c.codePointAt(0); }).concat([0]);
    return (first[0] * 31 + first[1]) % NAME_SHARDS;
  }

  function shard(text) {
    var name = shardOf(text);
    if (!shards[name]) {
      shards[name] = fetch(new URL("../search-names/" + name + ".json", bundle))
        .then(function (response) { return response.ok ? response.json() : []; })
        .catch(function () { return []; });
    }
    return shards[name];
  }

  function nearlyEqual(a, b) {
    if (Math.min(a.length, b.length) < 4 || Math.abs(a.length - b.length) > 1) { return false; }
    var i = 0;
    while (i < a.length && a[i] === b[i]) { i++; }
    var swapped = a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2);
    return swapped || a.slice(i + 1) === b.slice(i + 1) || a.slice(i + 1) === b.slice(i) || a.slice(i) === b.slice(i + 1);
  }

  function nameHits(forms) {
    var wanted = [];
    forms.forEach(function (form) {
      wanted.push({ key: key(form), whole: true });
      form.split(" ").forEach(function (word) { wanted.push({ key: key(word), whole: false }); });
    });
    wanted = wanted.filter(function (w) { return Array.from(w.key).length >= 2; });
    return Promise.all(wanted.map(function (w) { return shard(w.key); })).then(function (found) {
      var hits = {};
      found.forEach(function (entries, index) {
        var w = wanted[index];
        entries.forEach(function (entry) {
          var level = 0;
          entry.keys.forEach(function (k) {
            if (k === w.key) { level = Math.max(level, w.whole ? EXACT : WORD); }
            else if (w.whole && k.indexOf(w.key) === 0) { level = Math.max(level, PREFIX); }
            else if (w.whole && nearlyEqual(k, w.key)) { level = Math.max(level, TYPO); }
          });
          if (level && (!hits[entry.url] || hits[entry.url].level < level)) {
            hits[entry.url] = { level: level, entry: entry };
          }
        });
      });
      return Object.keys(hits).map(function (url) { return hits[url]; });
    });
  }

  function pagefindResults(pagefind, forms) {
    return Promise.all(forms.map(function (form) { return pagefind.search(form); })).then(function (answers) {
      var best = {};
      answers.forEach(function (answer) {
        ((answer && answer.results) || []).forEach(function (result) {
          if (!best[result.id] || best[result.id].score < result.score) { best[result.id] = result; }
        });
      });
      return Object.keys(best).map(function (id) { return best[id]; })
        .sort(function (a, b) { return b.score - a.score; });
    });
  }

  // A name hit's page; its link keeps the anchor of a part of a page (the licence matrix: #licences), and
  // `url` (the path) is what keeps Pagefind from listing the same page again.
  function nameItem(hit, languageRoot) {
    var address = new URL(hit.entry.url, languageRoot);
    return { url: address.pathname, href: address.pathname + address.hash,
             meta: { title: hit.entry.title, kind: hit.entry.kind, names: hit.entry.names } };
  }

  // The next `count` of Pagefind's results not listed yet (their fragments fetched only now).
  function fill(state, count) {
    var found = [];
    function step() {
      if (found.length >= count || state.next >= state.ranked.length) { return Promise.resolve(found); }
      var batch = state.ranked.slice(state.next, state.next + count - found.length);
      state.next += batch.length;
      return Promise.all(batch.map(function (result) { return result.data(); })).then(function (pages) {
        pages.forEach(function (page) {
          var url = new URL(page.url, state.languageRoot).pathname;
          if (!state.listed[url]) { state.listed[url] = true; found.push(page); }
        });
        return step();
      });
    }
    return step();
  }

  // Pagefind's ranking of the query's forms, asked once per query and only when the names run out.
  function rank(state) {
    if (state.ranked) { return Promise.resolve(state); }
    return load().then(function (pagefind) { return pagefindResults(pagefind, state.forms); })
      .then(function (ranked) { state.ranked = ranked; return state; });
  }

  // The next BATCH results: records named by the query first, then Pagefind's. When the names fill the batch,
  // Pagefind is not asked yet: a word in thousands of names ("Nuri" of Nuri 1 to Nuri 5000) has an index
  // chunk of nearly 200 KB at 5,000 models, fetched only if the reader asks for more.
  function nextBatch(state) {
    var items = state.hits.splice(0, BATCH).map(function (hit) { return nameItem(hit, state.languageRoot); });
    if (items.length >= BATCH) { return Promise.resolve(items); }
    return rank(state).then(function () { return fill(state, BATCH - items.length); })
      .then(function (pages) { return items.concat(pages); });
  }

  function search(query) {
    var forms = queryForms(query, true);
    if (forms.join("\n") === searched) {
      root.setAttribute("data-kf-query", query);
      return;
    }
    searched = forms.join("\n");
    var mine = ++generation;
    if (!forms.length) { state = null; show(mine, query, [], 0); return; }
    var languageRoot = new URL("..", bundle);
    nameHits(queryForms(query, false))
      .then(function (hits) {
        hits.sort(function (a, b) { return b.level - a.level || a.entry.url.localeCompare(b.entry.url); });
        var listed = {};
        hits.forEach(function (hit) { listed[nameItem(hit, languageRoot).url] = true; });
        var named = hits.length;
        var found = { mine: mine, forms: forms, ranked: null, next: 0, hits: hits, listed: listed,
                      languageRoot: languageRoot };
        return nextBatch(found).then(function (items) {
          if (mine !== generation) { return; }
          state = found;
          show(mine, query, items, found.ranked ? Math.max(found.ranked.length, named) : named, !found.ranked);
        });
      }).catch(function (error) { console.error("search:", error); });
  }

  function hasMore() {
    return !!state && (state.hits.length > 0 || !state.ranked || state.next < state.ranked.length);
  }

  function showMore() {
    var mine = generation;
    if (!hasMore() || state.mine !== mine) { return; }
    moreButton.disabled = true;
    nextBatch(state).then(function (items) {
      if (mine !== generation) { return; }
      items.forEach(function (page) { list.appendChild(item(page)); });
      moreButton.disabled = false;
      moreButton.hidden = !hasMore();
    }).catch(function (error) { console.error("search:", error); });
  }

  // How many pages match; `atLeast` while only the names have been searched.
  function count(total, atLeast) {
    if (atLeast) { return root.getAttribute("data-kf-at-least").replace("#", total); }
    if (total === 0) { return root.getAttribute("data-kf-none"); }
    if (total === 1) { return root.getAttribute("data-kf-one"); }
    return root.getAttribute("data-kf-other").replace("#", total);
  }

  function show(mine, query, pages, total, atLeast) {
    if (mine !== generation) { return; }
    list.textContent = "";
    meta.textContent = query.trim() ? count(total || 0, atLeast) : root.getAttribute("data-kf-placeholder");
    pages.forEach(function (page) { list.appendChild(item(page)); });
    moreButton.hidden = !hasMore();
    root.setAttribute("data-kf-query", query);
  }

  // -- what a result says ---------------------------------------------------------------------------
  function anchorAt(anchors, location) {
    var found = null;
    anchors.forEach(function (anchor) { if (anchor.location <= location) { found = anchor; } });
    return found;
  }

  function nextAnchor(anchors, location) {
    var found = null;
    anchors.forEach(function (anchor) {
      if (anchor.location > location && (!found || anchor.location < found.location)) { found = anchor; }
    });
    return found;
  }

  function text(page, from, to, matched) {
    var all = page.content.split(/\s+/);
    var fragment = document.createDocumentFragment();
    for (var i = from; i < Math.min(to, all.length); i++) {
      if (i > from) { fragment.appendChild(document.createTextNode(" ")); }
      if (matched[i]) {
        var mark = document.createElement("mark");
        mark.textContent = all[i];
        fragment.appendChild(mark);
      } else {
        fragment.appendChild(document.createTextNode(all[i]));
      }
    }
    return fragment;
  }

  function field(page) {
    // the page's parts: a claim row <tr id="claim-x">, its value cell <td id="claim-x-value">, footnotes...;
    // not the permalinks of single values inside a cell (<li id="c-<record>-<property>-<n>">)
    var anchors = (page.anchors || []).filter(function (a) { return !/^c-/.test(a.id); })
      .sort(function (a, b) { return a.location - b.location; });
    var hidden = anchors.filter(function (a) { return a.id === "kf-search-terms"; })[0];
    var end = hidden ? hidden.location : Infinity;
    var matched = {};
    (page.locations || []).forEach(function (location) { matched[location] = true; });
    var visible = (page.weighted_locations || [])
      .filter(function (w) { return w.location < end; })
      .sort(function (a, b) { return b.weight - a.weight || a.location - b.location; });
    var paragraph = document.createElement("p");
    var first = anchors.length ? anchors[0].location : end;
    if (!visible.length || visible[0].location < Math.min(first, end)) {
      paragraph.textContent = (page.meta && page.meta.names) || "";
      return paragraph;
    }
    var location = visible[0].location;
    var anchor = anchorAt(anchors, location);
    var row = anchor && /^claim-/.test(anchor.id) ? anchor.id.replace(/-value$/, "") : null;
    var from = anchor ? anchor.location : 0;
    var to = (nextAnchor(anchors, location) || { location: end }).location;
    if (row) {
      var label = anchors.filter(function (a) { return a.id === row; })[0];
      var value = anchors.filter(function (a) { return a.id === row + "-value"; })[0];
      if (label && value) {
        var strong = document.createElement("strong");
        strong.appendChild(text(page, label.location, value.location, matched));
        paragraph.appendChild(strong);
        paragraph.appendChild(document.createTextNode(": "));
        from = value.location;
        to = (nextAnchor(anchors, value.location) || { location: end }).location;
      }
    }
    var start = Math.max(from, location - CONTEXT_WORDS);
    var stop = Math.min(to, Math.max(location, start) + CONTEXT_WORDS);
    if (start > from) { paragraph.appendChild(document.createTextNode("… ")); }
    paragraph.appendChild(text(page, start, stop, matched));
    if (stop < to) { paragraph.appendChild(document.createTextNode(" …")); }
    return paragraph;
  }

  function item(page) {
    var li = document.createElement("li");
    li.className = "md-search-result__item";
    var link = document.createElement("a");
    link.className = "md-search-result__link";
    link.href = page.href || page.url;
    link.tabIndex = -1;
    var article = document.createElement("article");
    article.className = "md-search-result__article md-typeset";
    var heading = document.createElement("h1");
    if (page.meta && page.meta.kind) {
      var kind = document.createElement("span");
      kind.className = "kf-search-kind";
      kind.textContent = page.meta.kind;
      heading.appendChild(kind);
      heading.appendChild(document.createTextNode(" "));
    }
    heading.appendChild(document.createTextNode((page.meta && page.meta.title) || page.url));
    article.appendChild(heading);
    article.appendChild(field(page));
    link.appendChild(article);
    li.appendChild(link);
    return li;
  }

  // -- opening, closing and keys --------------------------------------------------------------------
  function open() {
    if (!toggle.checked) {
      toggle.checked = true;
      toggle.dispatchEvent(new Event("change"));
    }
    input.focus();
    input.select();
    load();
  }

  function close() {
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
    input.blur();
  }

  function editing(target) {
    return target instanceof HTMLElement
      && (target.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(target.tagName));
  }

  input.addEventListener("focus", open);
  // Typing searches after a short pause (no fetch for every key); the end of a composition searches at once.
  var pause = null;
  input.addEventListener("input", function () {
    window.clearTimeout(pause);
    pause = window.setTimeout(function () { search(input.value); }, PAUSE_MS);
  });
  input.addEventListener("compositionend", function () {
    window.clearTimeout(pause);
    search(input.value);
  });
  toggle.addEventListener("change", function () { if (toggle.checked) { load(); } });
  document.querySelectorAll("label[for='__search']").forEach(function (label) {
    label.addEventListener("click", function () { if (!toggle.checked) { input.focus(); } });
  });
  root.querySelector("form").addEventListener("submit", function (event) {
    event.preventDefault();
    var best = list.querySelector("a");
    if (best) { best.click(); }
  });
  root.querySelector("form").addEventListener("reset", function () {
    window.setTimeout(function () { search(""); input.focus(); });
  });
  moreButton.addEventListener("click", showMore);
  list.addEventListener("click", function (event) {
    if (event.target instanceof Element && event.target.closest("a")) { toggle.checked = false; }
  });
  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) { return; }
    if (!toggle.checked) {
      if ((event.key === "/" || event.key === "s" || event.key === "f") && !editing(event.target)) {
        event.preventDefault();
        open();
      }
      return;
    }
    if (event.key === "Escape") {
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      var links = [input].concat(Array.prototype.slice.call(list.querySelectorAll("a")));
      var at = links.indexOf(document.activeElement);
      links[(Math.max(at, 0) + links.length + (event.key === "ArrowUp" ? -1 : 1)) % links.length].focus();
      event.preventDefault();
    }
  });
})();

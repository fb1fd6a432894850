/*
 * Search and filters for the chronology on the home page. Plain JavaScript, no framework, nothing
 * loaded from another host.
 *
 * Progressive enhancement: without this script the page shows the whole chronology and every link
 * works. With it, a search box (titles, people under any spelling, places, summaries) and filters
 * (thread, person, kind, country, year) hide the cards that do not match, and empty month and year
 * sections with them. The state lives in the URL (?q=&thread=&person=&kind=&country=&year=) so a
 * filtered view can be shared, and it is restored on load.
 *
 * Data: search-index.json under the site's base path (from <meta name="timeline-base">, else from
 * this script's own URL). If it cannot be fetched (a page opened from disk), search falls back to
 * the text of the cards themselves. Every string from the data is put in the page with textContent
 * or as an option's text, never as HTML.
 */
(function () {
  "use strict";

  var script = document.currentScript;
  var FILTERS = [
    { key: "thread", attr: "threads", label: "Thread", all: "All threads", separator: " " },
    { key: "person", attr: "people", label: "Person", all: "Everyone", separator: " " },
    { key: "kind", attr: "kind", label: "Kind", all: "All kinds", separator: null },
    { key: "country", attr: "countries", label: "Country", all: "All countries", separator: "|" },
    { key: "year", attr: "year", label: "Year", all: "All years", separator: null }
  ];
  var DEBOUNCE_MS = 150;

  var STYLE = [
    ".tl-search{margin:1.5rem 0 .75rem}",
    ".tl-search label,.tl-filters label{display:block;font:600 .85rem/1.3 var(--sans,sans-serif);color:var(--muted,#555);margin-bottom:.25rem}",
    ".tl-search input{width:100%;max-width:32rem;font:inherit;padding:.5rem .65rem;border:1px solid var(--rule,#ccc);border-radius:.3rem;background:var(--surface,#fff);color:var(--ink,#111)}",
    ".tl-search .tl-help{font-size:.85rem;color:var(--muted,#555);margin:.3rem 0 0}",
    ".tl-filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:0 0 1rem;padding:.75rem 0;border-top:1px solid var(--rule,#ddd);border-bottom:1px solid var(--rule,#ddd)}",
    ".tl-filters select{font:inherit;max-width:16rem;padding:.35rem .4rem;border:1px solid var(--rule,#ccc);border-radius:.3rem;background:var(--surface,#fff);color:var(--ink,#111)}",
    ".tl-filters button{font:inherit;padding:.38rem .8rem;border:1px solid var(--accent,#1d4f91);border-radius:.3rem;background:transparent;color:var(--accent,#1d4f91);cursor:pointer}",
    ".tl-filters button[disabled]{opacity:.45;cursor:default}",
    ".tl-status{flex-basis:100%;margin:0;font-weight:600}",
    ".tl-search input:focus-visible,.tl-filters select:focus-visible,.tl-filters button:focus-visible{outline:3px solid var(--focus,#1d4f91);outline-offset:2px}",
    // What the filters hide stays hidden whatever a stylesheet's `display` says (the theme's gap markers are flex).
    ".chronology [hidden]{display:none!important}"
  ].join("\n");

  function basePath() {
    var meta = document.querySelector('meta[name="timeline-base"]');
    if (meta && meta.content) {
      return meta.content.replace(/\/?$/, "/");
    }
    if (script && script.src) {
      // .../static/search.js -> .../
      return new URL("../", script.src).pathname;
    }
    return "/";
  }

  // Case- and accent-insensitive: "Muñir" and "munir" are the same word here.
  function fold(text) {
    return String(text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
  }

  function words(query) {
    return fold(query).split(/[\s,;]+/).filter(function (w) { return w.length > 0; });
  }

  function element(tag, attrs, text) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) { node.setAttribute(name, attrs[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function cardValues(card, filter) {
    var raw = card.getAttribute("data-" + filter.attr) || "";
    if (!raw) { return []; }
    return filter.separator ? raw.split(filter.separator).filter(Boolean) : [raw];
  }

  function Chronology(cards, index) {
    this.cards = cards;
    this.index = index;
    this.haystacks = {};
    var self = this;
    var byId = {};
    (index && index.events || []).forEach(function (record) { byId[record.id] = record; });
    cards.forEach(function (card) {
      var id = card.getAttribute("data-id");
      var record = byId[id];
      self.haystacks[id] = fold(record ? [
        record.title, record.people.join(" "), record.place, record.summary, record.kind, record.date,
        record.countries.join(" "), record.threads.map(function (t) { return (index.threads || {})[t] || t; }).join(" ")
      ].join(" \u0001 ") : card.textContent);
    });
  }

  Chronology.prototype.label = function (filter, value) {
    var index = this.index || {};
    if (filter.key === "thread" && index.threads && index.threads[value]) { return index.threads[value]; }
    if (filter.key === "person" && index.people && index.people[value]) { return index.people[value]; }
    return value;
  };

  Chronology.prototype.options = function (filter) {
    var counts = {};
    this.cards.forEach(function (card) {
      cardValues(card, filter).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
    });
    var self = this;
    return Object.keys(counts).map(function (value) {
      return { value: value, label: self.label(filter, value), count: counts[value] };
    }).sort(function (a, b) {
      if (filter.key === "year") { return Number(a.value) - Number(b.value); }
      return a.label.localeCompare(b.label);
    });
  };

  Chronology.prototype.matches = function (card, state) {
    var id = card.getAttribute("data-id");
    for (var i = 0; i < FILTERS.length; i++) {
      var wanted = state[FILTERS[i].key];
      if (wanted && cardValues(card, FILTERS[i]).indexOf(wanted) === -1) { return false; }
    }
    var haystack = this.haystacks[id] || "";
    return words(state.q).every(function (word) { return haystack.indexOf(word) !== -1; });
  };

  function readState(valid) {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "" };
    FILTERS.forEach(function (filter) {
      var value = params.get(filter.key) || "";
      // A link to a value no event has any more (renamed thread, removed person) shows everything.
      state[filter.key] = valid[filter.key].indexOf(value) !== -1 ? value : "";
    });
    return state;
  }

  function writeState(state) {
    var params = new URLSearchParams(window.location.search);
    ["q"].concat(FILTERS.map(function (f) { return f.key; })).forEach(function (key) {
      if (state[key]) { params.set(key, state[key]); } else { params.delete(key); }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    if (url !== window.location.pathname + window.location.search + window.location.hash) {
      window.history.replaceState(null, "", url);
    }
  }

  function isActive(state) {
    return Boolean(state.q) || FILTERS.some(function (f) { return Boolean(state[f.key]); });
  }

  function start(index) {
    var root = document.getElementById("search-root");
    var filtersBox = document.getElementById("filters");
    var chronology = document.querySelector(".chronology");
    if (!root || !filtersBox || !chronology) { return; }
    var cards = Array.prototype.slice.call(chronology.querySelectorAll("[data-id]"));
    if (cards.length === 0) { return; }
    var model = new Chronology(cards, index);

    var style = element("style", {}, STYLE);
    document.head.appendChild(style);

    // The search box.
    var form = element("form", { "class": "tl-search", role: "search", action: "" });
    var input = element("input", {
      id: "tl-q", type: "search", name: "q", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "tl-q-help", "aria-controls": "tl-status"
    });
    form.appendChild(element("label", { "for": "tl-q" }, "Search the chronology"));
    form.appendChild(input);
    form.appendChild(element("p", { id: "tl-q-help", "class": "tl-help" },
      index ? "Titles, people (any spelling of a name), places and summaries. Results update as you type."
            : "Titles, names, places and summaries as shown on this page. Results update as you type."));
    root.appendChild(form);
    // Search first, then the filters, whatever order the template put the two containers in.
    if (root.compareDocumentPosition(filtersBox) & Node.DOCUMENT_POSITION_PRECEDING) {
      filtersBox.parentNode.insertBefore(root, filtersBox);
    }

    // The filters, from the values the cards carry.
    var selects = {};
    var valid = {};
    filtersBox.classList.add("tl-filters");
    filtersBox.setAttribute("role", "group");
    filtersBox.setAttribute("aria-label", "Filter the chronology");
    FILTERS.forEach(function (filter) {
      var options = model.options(filter);
      valid[filter.key] = options.map(function (o) { return o.value; });
      if (options.length === 0) { return; }  // no card carries this attribute: nothing to choose
      var id = "tl-filter-" + filter.key;
      var wrap = element("div", { "class": "tl-filter" });
      var select = element("select", { id: id, name: filter.key, "aria-controls": "tl-status" });
      select.appendChild(element("option", { value: "" }, filter.all));
      options.forEach(function (option) {
        select.appendChild(element("option", { value: option.value }, option.label + " (" + option.count + ")"));
      });
      wrap.appendChild(element("label", { "for": id }, filter.label));
      wrap.appendChild(select);
      filtersBox.appendChild(wrap);
      selects[filter.key] = select;
    });
    var clear = element("button", { type: "button", "class": "tl-clear" }, "Clear filters");
    filtersBox.appendChild(clear);
    var status = element("p", { id: "tl-status", "class": "tl-status", role: "status", "aria-live": "polite" });
    filtersBox.appendChild(status);
    filtersBox.hidden = false;

    var state = readState(valid);

    function apply() {
      var shown = 0;
      cards.forEach(function (card) {
        var match = model.matches(card, state);
        card.hidden = !match;
        if (match) { shown += 1; }
      });
      var active = isActive(state);
      // "N months later" markers describe the full sequence; they mislead in a filtered one.
      Array.prototype.forEach.call(chronology.querySelectorAll(".gap"), function (gap) { gap.hidden = active; });
      Array.prototype.forEach.call(chronology.querySelectorAll("section.month, section.year"), function (section) {
        section.hidden = !section.querySelector("[data-id]:not([hidden])");
      });
      var total = cards.length;
      var noun = total === 1 ? "event" : "events";
      if (!active) {
        status.textContent = "Showing all " + total + " " + noun + ".";
      } else if (shown === 0) {
        status.textContent = "No events match. Change the search or clear the filters.";
      } else {
        status.textContent = "Showing " + shown + " of " + total + " " + noun + ".";
      }
      clear.disabled = !active;
    }

    function sync() {
      input.value = state.q;
      Object.keys(selects).forEach(function (key) { selects[key].value = state[key]; });
    }

    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        state.q = input.value.trim();
        writeState(state);
        apply();
      }, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        state.q = "";
        writeState(state);
        apply();
      }
    });
    form.addEventListener("submit", function (event) {
      // Enter applies at once; the page does not reload.
      event.preventDefault();
      window.clearTimeout(timer);
      state.q = input.value.trim();
      writeState(state);
      apply();
    });
    Object.keys(selects).forEach(function (key) {
      selects[key].addEventListener("change", function () {
        state[key] = selects[key].value;
        writeState(state);
        apply();
      });
    });
    clear.addEventListener("click", function () {
      state = { q: "" };
      FILTERS.forEach(function (f) { state[f.key] = ""; });
      sync();
      writeState(state);
      apply();
      input.focus();
    });
    window.addEventListener("popstate", function () {
      state = readState(valid);
      sync();
      apply();
    });

    sync();
    writeState(state);  // drops unknown values from a shared link
    apply();
  }

  function load() {
    var url = basePath() + "search-index.json";
    var done = false;
    function once(index) {
      if (!done) { done = true; start(index); }
    }
    if (!window.fetch || window.location.protocol === "file:") {
      once(null);
      return;
    }
    window.fetch(url, { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("search index: HTTP " + response.status); }
        return response.json();
      })
      .then(function (index) { once(index); })
      .catch(function () { once(null); });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", load);
  } else {
    load();
  }
})();

/*
 * Search and filters for the chronology pages. Plain JavaScript, no framework, nothing loaded from
 * another host.
 *
 * Progressive enhancement: without this script every page shows its part of the chronology and every
 * link works. With it, a search box (titles, people under any spelling, places, summaries) and filters
 * (thread, person, kind, country, year). The state lives in the URL (?q=&thread=&person=&kind=&country=&year=)
 * so a filtered view can be shared, and it is restored on load.
 *
 * Two ways, chosen by the page (site/chronology.py decides which a site gets):
 * - a chronology on one page: the cards that do not match are hidden, and empty month and year sections
 *   with them; the filters' choices come from the cards themselves;
 * - a chronology split into pages (`<div class="chronology" data-search="site">`): a search or filter
 *   looks through every event of the site and lists the matches, each linked to its event page and to
 *   its card on the page of its year or month; the filters open on demand.
 *
 * Data: search-index.json under the site's base path (from <meta name="timeline-base">, else from this
 * script's own URL), fetched only once the reader focuses the search box or opens the filters, or when
 * the page's URL already holds a search. If it cannot be fetched (a page opened from disk), a one-page
 * chronology searches the text of its cards. Every string from the data is put in the page with
 * textContent or as an option's text, never as HTML.
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
  var RESULTS_AT_ONCE = 100;  // matches listed before "Show more": a list of thousands would be slow to lay out

  var STYLE = [
    ".tl-search{margin:1.5rem 0 .75rem}",
    ".tl-search label,.tl-filters label{display:block;font:600 .85rem/1.3 var(--sans,sans-serif);color:var(--muted,#555);margin-bottom:.25rem}",
    ".tl-search input{width:100%;max-width:32rem;font:inherit;padding:.5rem .65rem;border:1px solid var(--rule,#ccc);border-radius:.3rem;background:var(--surface,#fff);color:var(--ink,#111)}",
    ".tl-search .tl-help{font-size:.85rem;color:var(--muted,#555);margin:.3rem 0 0}",
    ".tl-filters{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;margin:0 0 1rem;padding:.75rem 0;border-top:1px solid var(--rule,#ddd);border-bottom:1px solid var(--rule,#ddd)}",
    ".tl-filter-panel{display:flex;flex-wrap:wrap;gap:.75rem 1rem;align-items:flex-end;flex-basis:100%}",
    ".tl-filters select{font:inherit;max-width:16rem;padding:.35rem .4rem;border:1px solid var(--rule,#ccc);border-radius:.3rem;background:var(--surface,#fff);color:var(--ink,#111)}",
    ".tl-filters button,.tl-more{font:inherit;padding:.38rem .8rem;border:1px solid var(--accent,#1d4f91);border-radius:.3rem;background:transparent;color:var(--accent,#1d4f91);cursor:pointer}",
    ".tl-filters button[disabled]{opacity:.45;cursor:default}",
    ".tl-status{flex-basis:100%;margin:0;font-weight:600}",
    ".tl-results{list-style:none;margin:0 0 1.5rem;padding:0}",
    ".tl-result{padding:.6rem 0;border-bottom:1px solid var(--rule,#ddd)}",
    ".tl-result-title{font:700 1.05rem/1.3 var(--serif,serif)}",
    ".tl-result-meta{display:block;font-size:.9rem;color:var(--muted,#555)}",
    ".tl-search input:focus-visible,.tl-filters select:focus-visible,.tl-filters button:focus-visible,.tl-more:focus-visible{outline:3px solid var(--focus,#1d4f91);outline-offset:2px}",
    // What the filters hide stays hidden whatever a stylesheet's `display` says (the theme's gap markers are flex).
    ".chronology [hidden],.chronology[hidden]{display:none!important}"
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

  // --- The index: fetched once, when first needed ---------------------------------------------

  var indexPromise = null;
  var indexSettled = false;
  var loadedIndex = null;

  function loadIndex() {
    if (indexPromise) { return indexPromise; }
    if (!window.fetch || !window.Promise || window.location.protocol === "file:") {
      indexSettled = true;
      indexPromise = { then: function (callback) { callback(null); } };
      return indexPromise;
    }
    indexPromise = window.fetch(basePath() + "search-index.json", { credentials: "same-origin" })
      .then(function (response) {
        if (!response.ok) { throw new Error("search index: HTTP " + response.status); }
        return response.json();
      })
      .then(function (data) { return data && data.version === 2 ? new SearchIndex(data) : null; })
      .catch(function () { return null; })
      .then(function (index) { indexSettled = true; loadedIndex = index; return index; });
    return indexPromise;
  }

  // `run` at once when the index is not being fetched, else once it has arrived (or failed).
  function whenIndexSettles(run) {
    if (!indexPromise || indexSettled) { run(loadedIndex); } else { indexPromise.then(run); }
  }

  function SearchIndex(data) {
    var at = {};
    data.fields.forEach(function (name, position) { at[name] = position; });
    var people = data.people || [];
    var threadIds = (data.threads || []).map(function (t) { return t[0]; });
    this.threadLabels = {};
    this.personLabels = {};
    var self = this;
    (data.threads || []).forEach(function (t) { self.threadLabels[t[0]] = t[1]; });
    people.forEach(function (p) { self.personLabels[p[0]] = p[1]; });
    this.records = data.events.map(function (values) {
      var kind = values[at.kind];
      kind = typeof kind === "number" ? data.kinds[kind] : kind;
      var persons = values[at.people].map(function (n) { return people[n]; });
      var threads = values[at.threads].map(function (n) { return threadIds[n]; });
      var countries = values[at.countries].map(function (n) { return data.countries[n]; });
      var names = values[at.names].slice();
      persons.forEach(function (p) { names = names.concat(p.slice(1)); });
      var year = values[at.year];
      var record = {
        id: values[at.id], title: values[at.title], date: values[at.date], kind: kind,
        year: year === null || year === undefined ? "" : String(year),
        threads: threads, people: persons.map(function (p) { return p[0]; }), countries: countries,
        page: data.pages[values[at.page]] || ["", ""]
      };
      record.haystack = fold([
        record.title, names.join(" "), values[at.place], values[at.summary], kind, record.date,
        countries.join(" "), threads.map(function (t) { return self.threadLabels[t] || t; }).join(" ")
      ].join(" \u0001 "));
      return record;
    });
    this.byId = {};
    this.records.forEach(function (record) { self.byId[record.id] = record; });
  }

  SearchIndex.prototype.label = function (filter, value) {
    if (filter.key === "thread" && this.threadLabels[value]) { return this.threadLabels[value]; }
    if (filter.key === "person" && this.personLabels[value]) { return this.personLabels[value]; }
    return value;
  };

  function recordValues(record, filter) {
    switch (filter.key) {
      case "thread": return record.threads;
      case "person": return record.people;
      case "kind": return record.kind ? [record.kind] : [];
      case "country": return record.countries;
      default: return record.year ? [record.year] : [];
    }
  }

  function cardValues(card, filter) {
    var raw = card.getAttribute("data-" + filter.attr) || "";
    if (!raw) { return []; }
    return filter.separator ? raw.split(filter.separator).filter(Boolean) : [raw];
  }

  function options(items, valuesOf, filter, labelOf) {
    var counts = {};
    items.forEach(function (item) {
      valuesOf(item, filter).forEach(function (value) { counts[value] = (counts[value] || 0) + 1; });
    });
    return Object.keys(counts).map(function (value) {
      return { value: value, label: labelOf(filter, value), count: counts[value] };
    }).sort(function (a, b) {
      if (filter.key === "year") { return Number(a.value) - Number(b.value); }
      return a.label.localeCompare(b.label);
    });
  }

  function matches(values, haystack, state, wanted) {
    for (var i = 0; i < FILTERS.length; i++) {
      var value = state[FILTERS[i].key];
      if (value && values(FILTERS[i]).indexOf(value) === -1) { return false; }
    }
    return wanted.every(function (word) { return haystack.indexOf(word) !== -1; });
  }

  function readState(valid) {
    var params = new URLSearchParams(window.location.search);
    var state = { q: params.get("q") || "" };
    FILTERS.forEach(function (filter) {
      var value = params.get(filter.key) || "";
      // A link to a value no event has any more (renamed thread, removed person) shows everything.
      state[filter.key] = !valid || valid[filter.key].indexOf(value) !== -1 ? value : "";
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

  function countText(shown, total) {
    if (shown === 0) { return "No events match. Change the search or clear the filters."; }
    return "Showing " + shown + " of " + total + " " + (total === 1 ? "event" : "events") + ".";
  }

  // --- A chronology on one page: hide the cards that do not match -------------------------------

  function CardsView(chronology, cards) {
    this.chronology = chronology;
    this.cards = cards;
    this.index = null;
    this.haystacks = {};
    this.useIndex(null);
  }

  CardsView.prototype.useIndex = function (index) {
    this.index = index;
    var haystacks = this.haystacks;
    this.cards.forEach(function (card) {
      var record = index && index.byId[card.getAttribute("data-id")];
      haystacks[card.getAttribute("data-id")] = record ? record.haystack : fold(card.textContent);
    });
  };

  CardsView.prototype.options = function (filter) {
    var index = this.index;
    var chronology = this.chronology;
    return options(this.cards, cardValues, filter, function (f, value) {
      return index ? index.label(f, value) : pageLabel(chronology, f, value);
    });
  };

  // Before the index is loaded, a thread or person is named as the cards name it: their links' text.
  function pageLabel(chronology, filter, value) {
    if (filter.key !== "thread" && filter.key !== "person") { return value; }
    var path = basePath() + (filter.key === "thread" ? "threads/" : "people/") + encodeURIComponent(value) + "/";
    var links = chronology.querySelectorAll("a[href]");
    for (var i = 0; i < links.length; i++) {
      if (links[i].getAttribute("href") === path && links[i].textContent.trim()) { return links[i].textContent.trim(); }
    }
    return value;
  }

  CardsView.prototype.apply = function (state, status) {
    var shown = 0;
    var wanted = words(state.q);
    var haystacks = this.haystacks;
    this.cards.forEach(function (card) {
      var match = matches(function (filter) { return cardValues(card, filter); },
                          haystacks[card.getAttribute("data-id")] || "", state, wanted);
      card.hidden = !match;
      if (match) { shown += 1; }
    });
    var active = isActive(state);
    var chronology = this.chronology;
    // "N months later" markers describe the full sequence; they mislead in a filtered one.
    Array.prototype.forEach.call(chronology.querySelectorAll(".gap"), function (gap) { gap.hidden = active; });
    Array.prototype.forEach.call(chronology.querySelectorAll("section.month, section.year"), function (section) {
      section.hidden = !section.querySelector("[data-id]:not([hidden])");
    });
    var total = this.cards.length;
    status.textContent = active ? countText(shown, total)
                                : "Showing all " + total + " " + (total === 1 ? "event" : "events") + ".";
  };

  // --- A chronology split into pages: list the matches from every page --------------------------

  function SiteView(chronology) {
    this.chronology = chronology;
    this.index = null;
    this.limit = RESULTS_AT_ONCE;
    this.list = element("ol", { "class": "tl-results", id: "tl-results", "aria-label": "Search results" });
    this.more = element("button", { type: "button", "class": "tl-more" }, "Show more");
    this.list.hidden = true;
    this.more.hidden = true;
    chronology.parentNode.insertBefore(this.list, chronology);
    chronology.parentNode.insertBefore(this.more, chronology);
  }

  SiteView.prototype.useIndex = function (index) { this.index = index; };

  SiteView.prototype.options = function (filter) {
    var index = this.index;
    return index ? options(index.records, recordValues, filter, function (f, value) { return index.label(f, value); })
                 : [];
  };

  SiteView.prototype.apply = function (state, status) {
    var active = isActive(state);
    this.chronology.hidden = active;
    this.list.hidden = !active;
    this.more.hidden = true;
    this.list.textContent = "";
    if (!active) {
      status.textContent = "";
      return;
    }
    if (!this.index) {
      status.textContent = "Search could not be loaded. Try again later, or browse the years below.";
      return;
    }
    var wanted = words(state.q);
    var found = this.index.records.filter(function (record) {
      return matches(function (filter) { return recordValues(record, filter); }, record.haystack, state, wanted);
    });
    var base = basePath();
    var fragment = document.createDocumentFragment();
    found.slice(0, this.limit).forEach(function (record) {
      var item = element("li", { "class": "tl-result" });
      item.appendChild(element("a", { "class": "tl-result-title", href: base + "events/" + encodeURIComponent(record.id) + "/" },
                               record.title));
      var meta = element("span", { "class": "tl-result-meta" }, record.date + " · " + record.kind + " · in ");
      meta.appendChild(element("a", { href: base + record.page[0] + "#event-" + encodeURIComponent(record.id) },
                               record.page[1]));
      item.appendChild(meta);
      fragment.appendChild(item);
    });
    this.list.appendChild(fragment);
    this.more.hidden = found.length <= this.limit;
    var noun = found.length === 1 ? " matching event" : " matching events";
    if (found.length === 0) {
      status.textContent = countText(0, 0);
    } else if (found.length <= this.limit) {
      status.textContent = found.length + noun + " from every year.";
    } else {
      status.textContent = "Showing the first " + this.limit + " of " + found.length + noun + " from every year.";
    }
  };

  // --- The controls --------------------------------------------------------------------------------

  function start(index) {
    var root = document.getElementById("search-root");
    var filtersBox = document.getElementById("filters");
    var chronology = document.querySelector(".chronology");
    if (!root || !filtersBox || !chronology) { return; }
    var everywhere = chronology.getAttribute("data-search") === "site";
    var cards = Array.prototype.slice.call(chronology.querySelectorAll("[data-id]"));
    if (!everywhere && cards.length === 0) { return; }
    var view = everywhere ? new SiteView(chronology) : new CardsView(chronology, cards);
    view.useIndex(index);

    document.head.appendChild(element("style", {}, STYLE));

    // The search box.
    var form = element("form", { "class": "tl-search", role: "search", action: "" });
    var input = element("input", {
      id: "tl-q", type: "search", name: "q", autocomplete: "off", spellcheck: "false",
      "aria-describedby": "tl-q-help", "aria-controls": "tl-status"
    });
    form.appendChild(element("label", { "for": "tl-q" }, everywhere ? "Search every year" : "Search the chronology"));
    form.appendChild(input);
    var help = element("p", { id: "tl-q-help", "class": "tl-help" },
      "Titles, people (any spelling of a name), places and summaries. Results update as you type.");
    form.appendChild(help);
    root.appendChild(form);
    // Search first, then the filters, whatever order the template put the two containers in.
    if (root.compareDocumentPosition(filtersBox) & Node.DOCUMENT_POSITION_PRECEDING) {
      filtersBox.parentNode.insertBefore(root, filtersBox);
    }

    var selects = {};
    var valid = everywhere ? null : {};
    filtersBox.classList.add("tl-filters");
    filtersBox.setAttribute("role", "group");
    filtersBox.setAttribute("aria-label", "Filter the chronology");
    var panel = filtersBox;
    var toggle = null;
    if (everywhere) {
      // The filters' choices come from the whole index, fetched when the reader opens them.
      toggle = element("button", { type: "button", "class": "tl-toggle", "aria-expanded": "false",
                                   "aria-controls": "tl-filter-panel" }, "Filters");
      filtersBox.appendChild(toggle);
      panel = element("div", { id: "tl-filter-panel", "class": "tl-filter-panel" });
      panel.hidden = true;
      filtersBox.appendChild(panel);
    }
    var clear = element("button", { type: "button", "class": "tl-clear" }, "Clear filters");
    filtersBox.appendChild(clear);
    var status = element("p", { id: "tl-status", "class": "tl-status", role: "status", "aria-live": "polite" });
    filtersBox.appendChild(status);

    function fillFilters() {
      if (everywhere && Object.keys(selects).length) { return; }
      valid = {};
      FILTERS.forEach(function (filter) {
        var choices = view.options(filter);
        valid[filter.key] = choices.map(function (o) { return o.value; });
        if (choices.length === 0) { return; }  // no event carries this value: nothing to choose
        var id = "tl-filter-" + filter.key;
        var wrap = element("div", { "class": "tl-filter" });
        var select = element("select", { id: id, name: filter.key, "aria-controls": "tl-status" });
        select.appendChild(element("option", { value: "" }, filter.all));
        choices.forEach(function (option) {
          select.appendChild(element("option", { value: option.value }, option.label + " (" + option.count + ")"));
        });
        wrap.appendChild(element("label", { "for": id }, filter.label));
        wrap.appendChild(select);
        panel.appendChild(wrap);
        selects[filter.key] = select;
        select.addEventListener("change", function () {
          state[filter.key] = select.value;
          refresh();
        });
      });
    }
    if (!everywhere || index) { fillFilters(); }
    filtersBox.hidden = false;

    var state = readState(valid);

    function apply() {
      view.apply(state, status);
      clear.disabled = !isActive(state);
    }

    // After a change: with the index when it is on its way, so the URL changes once the results are final.
    function refresh() {
      whenIndexSettles(function (loaded) {
        if (loaded !== view.index) { useIndex(loaded); }
        writeState(state);
        apply();
      });
    }

    function sync() {
      input.value = state.q;
      Object.keys(selects).forEach(function (key) { selects[key].value = state[key]; });
    }

    // The index's names for the filters' choices (the registry's, not the cards' spelling).
    function useIndex(loaded) {
      view.useIndex(loaded);
      if (!loaded || everywhere) { return; }
      FILTERS.forEach(function (filter) {
        var select = selects[filter.key];
        if (!select) { return; }
        var counts = {};
        view.options(filter).forEach(function (o) { counts[o.value] = o.label + " (" + o.count + ")"; });
        Array.prototype.forEach.call(select.options, function (option) {
          if (counts[option.value]) { option.textContent = counts[option.value]; }
        });
      });
    }

    function openFilters(then) {
      loadIndex().then(function (loaded) {
        view.useIndex(loaded);
        fillFilters();
        panel.hidden = false;
        toggle.setAttribute("aria-expanded", "true");
        sync();
        if (then) { then(); }
      });
    }

    input.addEventListener("focus", function () {
      loadIndex().then(function (loaded) {
        if (loaded !== view.index) { useIndex(loaded); }
        if (!loaded && !everywhere) {
          help.textContent = "Titles, names, places and summaries as shown on this page. Results update as you type.";
        }
      });
    });
    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(function () {
        state.q = input.value.trim();
        refresh();
      }, DEBOUNCE_MS);
    });
    input.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && input.value) {
        input.value = "";
        state.q = "";
        refresh();
      }
    });
    form.addEventListener("submit", function (event) {
      // Enter applies at once; the page does not reload.
      event.preventDefault();
      window.clearTimeout(timer);
      state.q = input.value.trim();
      loadIndex();
      refresh();
    });
    if (toggle) {
      toggle.addEventListener("click", function () {
        if (toggle.getAttribute("aria-expanded") === "true") {
          panel.hidden = true;
          toggle.setAttribute("aria-expanded", "false");
        } else {
          openFilters(function () { var first = panel.querySelector("select"); if (first) { first.focus(); } });
        }
      });
    }
    if (view.more) {
      view.more.addEventListener("click", function () {
        view.limit += RESULTS_AT_ONCE;
        apply();
      });
    }
    clear.addEventListener("click", function () {
      state = { q: "" };
      FILTERS.forEach(function (f) { state[f.key] = ""; });
      if (view.limit) { view.limit = RESULTS_AT_ONCE; }
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

    if (everywhere && FILTERS.some(function (f) { return state[f.key]; })) {
      // A shared link with filters: show which are set, and drop values no event has any more.
      openFilters(function () {
        state = readState(valid);
        sync();
        writeState(state);
        apply();
      });
    }
    sync();
    writeState(state);  // drops unknown values from a shared link
    apply();
  }

  function boot() {
    var params = new URLSearchParams(window.location.search);
    var chronology = document.querySelector(".chronology");
    var everywhere = chronology && chronology.getAttribute("data-search") === "site";
    // A shared link with a search (or, across pages, a filter) needs the index before anything is shown.
    var needed = params.get("q") || (everywhere && FILTERS.some(function (f) { return params.get(f.key); }));
    if (needed) {
      loadIndex().then(start);
    } else {
      start(null);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", boot);
  } else {
    boot();
  }
})();

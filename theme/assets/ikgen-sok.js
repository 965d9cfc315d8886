/* ikgen: the search page. Pagefind's search API (pagefind.js, its WebAssembly and the index
   chunks of the searched words) is fetched from our own host (pagefind/) only when the visitor
   searches: on opening sok/?q=… from the header form or submitting the form on this page.
   Nothing for search is downloaded on any other page. The result list is ours (Swedish,
   plain links and headings, a status line for screen readers) instead of Pagefind's UI, which
   would cost another 45 KB gzipped (its script, styles and web worker) on the first search.
   On a large site each nämnd has its own index (pagefind/n/<id>/, ikgen/sok.py): with ?n=<id>
   (sent by the header's form on the nämnd's pages) that index is searched, with a link to
   search all nämnder. Each year also has its own index (pagefind/ar/<år>/, listed newest first in
   the script's data-ar): without ?n the newest year's is searched, with links to each other
   year (?ar=<år>) and to all years (?ar=alla, the whole site's index). A small site has
   neither: the whole site's index is searched, as it is when a split index is missing. */
(function () {
  "use strict";
  var PAGE = 5;         // results whose text is fetched at a time (one fragment file each)
  var SUBRESULTS = 3;   // headings within a page shown under it, best first
  var script = document.currentScript;
  var root = new URL(script.getAttribute("data-root") || "../", window.location.href);
  var years = JSON.parse(script.getAttribute("data-ar") || "[]");
  var bundles = {};     // bundle URL -> promise of Pagefind's API
  var current = null;   // { query, results, shown }
  var el = {};

  function load(path) {
    var bundle = new URL(path, root).href;
    if (!bundles[bundle]) {
      bundles[bundle] = import(bundle + "pagefind.js").then(function (api) {
        return api.options({ noWorker: true, baseUrl: root.pathname, excerptLength: 24 })
          .then(function () { return api; });
      });
      bundles[bundle].catch(function () { delete bundles[bundle]; });
    }
    return bundles[bundle];
  }

  /* What is searched: { namnd } from ?n=<id> (if the site knows it), else { year } from
     ?ar=<år> or the newest year on a site split by year, else {} for the whole site. */
  function scope() {
    var params = new URLSearchParams(window.location.search);
    var id = params.get("n");
    if (id && Object.prototype.hasOwnProperty.call(el.namnder, id)) return { namnd: id };
    if (!years.length || params.get("ar") === "alla") return {};
    var year = parseInt(params.get("ar"), 10);
    return { year: years.indexOf(year) !== -1 ? year : years[0] };
  }

  /* Pagefind's API for the scope's own index, or the whole site's when there is none. */
  function api(where) {
    var whole = function () { return load("pagefind/").then(function (a) { return { api: a }; }); };
    var path = where.namnd ? "pagefind/n/" + where.namnd + "/" :
      where.year ? "pagefind/ar/" + where.year + "/" : null;
    if (!path) return whole();
    return load(path).then(function (a) {
      return { api: a, namnd: where.namnd, year: where.year };
    }, whole);
  }

  function scopeLink(query, text, params) {
    var url = new URL(window.location.href);
    url.searchParams.delete("n");
    url.searchParams.delete("ar");
    Object.keys(params).forEach(function (k) { url.searchParams.set(k, params[k]); });
    url.searchParams.set("q", query);
    var a = document.createElement("a");
    a.href = url.href;
    a.textContent = text;
    return a;
  }

  /* After a search of one year: the same search in all years, or in one other year. */
  function yearLinks(query, year) {
    el.all.textContent = "Sökningen gällde " + year + ". ";
    el.all.appendChild(scopeLink(query, "Sök i alla år", { ar: "alla" }));
    el.all.appendChild(document.createTextNode(" eller i ett annat år: "));
    years.filter(function (y) { return y !== year; }).forEach(function (y, i) {
      if (i) el.all.appendChild(document.createTextNode(", "));
      el.all.appendChild(scopeLink(query, String(y), { ar: y }));
    });
    el.all.appendChild(document.createTextNode("."));
    el.all.hidden = false;
  }

  function allLink(query) {
    el.all.textContent = "";
    el.all.appendChild(scopeLink(query, "Sök i alla nämnder", {}));
    el.all.hidden = false;
  }

  /* Pagefind's excerpts are escaped text with <mark> around the hits: build them as DOM. */
  function excerpt(html) {
    var p = document.createElement("p");
    var decoder = document.createElement("textarea");
    p.className = "ik-traff__utdrag";
    html.split(/(<\/?mark>)/).reduce(function (inMark, part) {
      if (part === "<mark>") return true;
      if (part === "</mark>") return false;
      decoder.innerHTML = part;
      var text = document.createTextNode(decoder.value);
      if (inMark) {
        var mark = document.createElement("mark");
        mark.appendChild(text);
        p.appendChild(mark);
      } else {
        p.appendChild(text);
      }
      return inMark;
    }, false);
    return p;
  }

  function link(url, title, tag) {
    var heading = document.createElement(tag);
    var a = document.createElement("a");
    a.className = "ik-traff__lank";
    a.href = url;
    a.textContent = title;
    heading.appendChild(a);
    return heading;
  }

  function subResults(data) {
    var subs = (data.sub_results || []).filter(function (s) { return s.url !== data.url; });
    var best = subs.slice().sort(function (a, b) {
      return (b.locations || []).length - (a.locations || []).length;
    }).slice(0, SUBRESULTS);
    return subs.filter(function (s) { return best.indexOf(s) !== -1; });
  }

  function item(data) {
    var li = document.createElement("li");
    li.className = "ik-traff";
    li.appendChild(link(data.url, data.meta.title || data.url, "h2"));
    li.appendChild(excerpt(data.excerpt));
    var subs = subResults(data);
    if (subs.length) {
      var ul = document.createElement("ul");
      ul.className = "ik-traff__delar";
      subs.forEach(function (sub) {
        var s = document.createElement("li");
        s.appendChild(link(sub.url, sub.title, "h3"));
        s.appendChild(excerpt(sub.excerpt));
        ul.appendChild(s);
      });
      li.appendChild(ul);
    }
    return li;
  }

  function showMore() {
    var search = current;
    var next = search.results.slice(search.shown, search.shown + PAGE);
    el.more.hidden = true;
    return Promise.all(next.map(function (r) { return r.data(); })).then(function (pages) {
      if (search !== current) return;
      var first = null;
      pages.forEach(function (data) {
        var li = item(data);
        first = first || li;
        el.list.appendChild(li);
      });
      search.shown += next.length;
      el.more.hidden = search.shown >= search.results.length;
      return first;
    });
  }

  function status(text) {
    el.status.textContent = text;
  }

  function run(query) {
    query = query.trim();
    if (!query) return;
    status("Söker …");
    el.all.hidden = true;
    var where = "";
    api(scope()).then(function (found) {
      where = found.namnd ? " i " + el.namnder[found.namnd] : found.year ? " i " + found.year : "";
      if (found.namnd) allLink(query);
      if (found.year) yearLinks(query, found.year);
      return found.api.search(query);
    }).then(function (found) {
      var n = found.results.length;
      current = { query: query, results: found.results, shown: 0 };
      el.list.textContent = "";
      return showMore().then(function () {
        status("Sökningen på ”" + query + "”" + where + " gav " +
          (n === 0 ? "inga träffar." : n === 1 ? "1 träff." : n + " träffar."));
      });
    }).catch(function () {
      status("Sökningen kunde inte laddas. Den fungerar bara på den byggda " +
        "webbplatsen (ikgen build), inte i förhandsgranskningen.");
    });
  }

  function init() {
    el.form = document.getElementById("ik-sokform");
    el.field = document.getElementById("ik-sok-q");
    el.status = document.getElementById("ik-sokstatus");
    var box = document.getElementById("ik-sok");
    if (!el.form || !el.field || !box) return;
    el.namnder = JSON.parse(box.getAttribute("data-namnder") || "{}");
    el.all = document.createElement("p");
    el.all.className = "ik-sok__alla";
    el.all.hidden = true;
    el.status.parentNode.insertBefore(el.all, el.status.nextSibling);
    el.list = document.createElement("ol");
    el.list.className = "ik-traffar";
    el.more = document.createElement("button");
    el.more.type = "button";
    el.more.className = "md-button ik-sok__fler";
    el.more.textContent = "Visa fler träffar";
    el.more.hidden = true;
    el.more.addEventListener("click", function () {
      showMore().then(function (first) {
        if (first) first.querySelector("a").focus();
      });
    });
    box.appendChild(el.list);
    box.appendChild(el.more);
    el.form.addEventListener("submit", function (event) {
      event.preventDefault();
      var url = new URL(window.location.href);
      url.searchParams.set("q", el.field.value.trim());
      window.history.replaceState(null, "", url.href);
      run(el.field.value);
    });
    var query = new URLSearchParams(window.location.search).get("q");
    if (query) {
      el.field.value = query;
      run(query);
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();

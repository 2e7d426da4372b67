/* Sự kiện Lai Châu: the site's only script (no dependency, no other host).
   1. On the home page, hide the events that ended since the build.
   2. In month grids, mark today's cell (the page may be older than today).
   2b. On event and press pages, say "over" and "closed" once the instant
      has come (data-sk-ends, data-sk-closes): an ended event offers no
      "add to calendar", a passed accreditation deadline reads as closed.
   3. On the search page, search accent-insensitively in small per-year
      files that are fetched only when the visitor searches; what is on now
      or ahead (judged by its last day) ranks before what is over. */
(function () {
  "use strict";
  var now = Date.now();

  function ended(card) {
    return Date.parse(card.getAttribute("data-end")) <= now;
  }

  var STALE = 3 * 86400000;  /* a home page older than this missed its nightly rebuilds */

  function stale(section) {
    var built = Date.parse(section.getAttribute("data-built") || "");
    return !isNaN(built) && now - built > STALE;
  }

  /* Home: a card that ended since the build goes, and a section with none
     left; on a stale page they stay, marked as ended. */
  function hideEnded() {
    document.querySelectorAll("[data-sk-section]").forEach(function (section) {
      if (stale(section)) { return; }
      var cards = section.querySelectorAll(".sk-card[data-end]");
      var left = 0;
      cards.forEach(function (card) {
        if (ended(card)) { card.hidden = true; } else { left += 1; }
      });
      if (cards.length && !left) { section.hidden = true; }
    });
  }

  /* Other lists (and a stale home page): a card that ended since the build says so. */
  function markEnded() {
    document.querySelectorAll("ul.sk-cards[data-ended]").forEach(function (list) {
      var section = list.closest("[data-sk-section]");
      if (section && !stale(section)) { return; }
      list.querySelectorAll(".sk-card[data-end]:not(.sk-card--ended)").forEach(function (card) {
        if (!ended(card)) { return; }
        card.classList.add("sk-card--ended");
        var badge = document.createElement("span");
        badge.className = "sk-badge sk-badge--ended";
        badge.textContent = list.getAttribute("data-ended");
        var head = card.querySelector(".sk-card__head");
        if (head) { head.appendChild(document.createTextNode(" ")); head.appendChild(badge); }
      });
    });
  }

  function passed(element, name) {
    return Date.parse(element.getAttribute(name)) <= now;
  }

  function sayPast() {
    document.querySelectorAll("[data-sk-ends]").forEach(function (banner) {
      if (!passed(banner, "data-sk-ends")) { return; }
      banner.hidden = false;
      document.querySelectorAll(".sk-add").forEach(function (add) { add.hidden = true; });
    });
    document.querySelectorAll("[data-sk-closes]").forEach(function (mark) {
      if (passed(mark, "data-sk-closes")) { mark.hidden = false; }
    });
    document.querySelectorAll("[data-sk-until]").forEach(function (row) {
      if (passed(row, "data-sk-until")) { row.hidden = true; }
    });
    document.querySelectorAll(".sk-desk").forEach(function (section) {
      section.querySelectorAll(".sk-desk-day").forEach(function (day) {
        day.hidden = !day.querySelector("[data-sk-until]:not([hidden])");
      });
      var rows = section.querySelectorAll("[data-sk-until]");
      var empty = section.querySelector(".sk-empty--js");
      if (empty && rows.length && !section.querySelector("[data-sk-until]:not([hidden])")) {
        empty.hidden = false;
      }
    });
  }

  function localDay(offsetMinutes) {
    return new Date(now + offsetMinutes * 60000).toISOString().slice(0, 10);
  }

  function markToday() {
    document.querySelectorAll("table.sk-month").forEach(function (table) {
      var today = localDay(parseInt(table.getAttribute("data-utc-offset") || "0", 10));
      table.querySelectorAll("td[data-date]").forEach(function (cell) {
        var isToday = cell.getAttribute("data-date") === today;
        cell.classList.toggle("sk-today", isToday);
        if (isToday) { cell.setAttribute("aria-current", "date"); } else { cell.removeAttribute("aria-current"); }
      });
    });
  }

  /* ---- sharing ------------------------------------------------------------ */

  /* The phone's share sheet (Zalo, Messenger...) and copying the link: each
     button is shown only where the browser can do it. */
  function sharing(box) {
    var url = box.getAttribute("data-url") || location.href;
    var meta = document.querySelector("meta[property='og:title']");
    var title = meta ? meta.getAttribute("content") : document.title;
    var status = box.querySelector(".sk-share__status");
    var native = box.querySelector("[data-share=native]");
    var copy = box.querySelector("[data-share=copy]");
    if (native && navigator.share) {
      native.parentNode.hidden = false;
      native.addEventListener("click", function () {
        navigator.share({ title: title, url: url }).catch(function () {});
      });
    }
    if (copy && navigator.clipboard && window.isSecureContext) {
      copy.parentNode.hidden = false;
      copy.addEventListener("click", function () {
        navigator.clipboard.writeText(url).then(function () {
          if (status) { status.textContent = copy.getAttribute("data-done"); }
        }, function () {});
      });
    }
  }

  /* ---- month filters ---------------------------------------------------- */

  /* Each group of filter links becomes a choice; the grid's events and the
     list's cards that do not match are hidden, and days left empty. */
  function monthFilters(box) {
    var chosen = {};
    var everything = box.getAttribute("data-all") || "*";
    function apply() {
      var shown = 0;
      document.querySelectorAll(".sk-chip[data-category], .sk-days .sk-card[data-category]").forEach(function (item) {
        var match = Object.keys(chosen).every(function (kind) {
          return !chosen[kind] || item.getAttribute("data-" + kind) === chosen[kind];
        });
        item.hidden = !match;
        if (match && item.classList.contains("sk-card")) { shown += 1; }
      });
      document.querySelectorAll(".sk-days section").forEach(function (day) {
        day.hidden = !day.querySelector(".sk-card:not([hidden])");
      });
      var none = box.querySelector(".sk-filter__none");
      if (none) { none.hidden = shown > 0; }
    }
    box.querySelectorAll(".sk-filter__group").forEach(function (group) {
      var kind = group.getAttribute("data-kind");
      var label = group.querySelector(".sk-filter__label");
      var select = document.createElement("select");
      select.id = "sk-filter-" + kind;
      select.appendChild(new Option(everything, ""));
      group.querySelectorAll("a[data-id]").forEach(function (a) {
        select.appendChild(new Option(a.textContent, a.getAttribute("data-id")));
      });
      var title = document.createElement("label");
      title.htmlFor = select.id;
      title.className = "sk-filter__label";
      title.textContent = label ? label.textContent : kind;
      group.textContent = "";
      group.appendChild(title);
      group.appendChild(select);
      select.addEventListener("change", function () { chosen[kind] = select.value; apply(); });
    });
    box.classList.add("sk-filter--live");
  }

  /* ---- search ---------------------------------------------------------- */

  function fold(text) {
    return (text || "").normalize("NFD").replace(/[\u0300-\u036f]/g, "")
      .replace(/đ/g, "d").replace(/Đ/g, "D").toLowerCase()
      .replace(/[^a-z0-9]+/g, " ").trim();
  }

  function Search(form) {
    this.form = form;
    this.input = form.querySelector("input[type=search]");
    this.past = form.querySelector("#sk-past");
    this.status = document.getElementById("sk-status");
    this.results = document.getElementById("sk-results");
    this.root = form.getAttribute("data-root") || "";
    this.lang = form.getAttribute("data-lang") || "vi";
    this.labels = JSON.parse(form.getAttribute("data-status") || "{}");
    this.records = [];
    this.seen = {};
    this.loaded = {};
    this.years = null;
    this.today = localDay(420);
  }

  Search.prototype.manifest = function () {
    var self = this;
    if (this.years) { return Promise.resolve(this.years); }
    return fetch(this.form.getAttribute("data-index")).then(function (r) { return r.json(); })
      .then(function (data) { self.years = data.years || []; return self.years; });
  };

  Search.prototype.load = function () {
    var self = this;
    var thisYear = parseInt(this.today.slice(0, 4), 10);
    return this.manifest().then(function (years) {
      var wanted = years.filter(function (y) {
        return !self.loaded[y] && (self.past.checked || y >= thisYear);
      });
      return Promise.all(wanted.map(function (year) {
        self.loaded[year] = true;
        return fetch(self.root + "search/" + self.lang + "-" + year + ".json")
          .then(function (r) { return r.json(); })
          .then(function (rows) {
            rows.forEach(function (row) {
              if (self.seen[row[0]]) { return; }  /* an event spanning years is in each year's file */
              self.seen[row[0]] = true;
              self.records.push({
                row: row,
                title: " " + fold(row[1]) + " ",
                text: " " + fold([row[1], row[4], row[5], row[6]].join(" ")) + " "
              });
            });
          });
      }));
    });
  };

  Search.prototype.find = function (query) {
    var words = fold(query).split(" ").filter(Boolean);
    if (!words.length) { return []; }
    var today = this.today;
    var showPast = this.past.checked;
    var found = [];
    this.records.forEach(function (record) {
      var score = 0;
      for (var i = 0; i < words.length; i += 1) {
        if (record.text.indexOf(" " + words[i]) < 0) { return; }
        score += record.title.indexOf(" " + words[i]) >= 0 ? 2 : 1;
      }
      var ends = record.row[10] ? Date.parse(record.row[10]) : NaN;
      var upcoming = isNaN(ends) ? record.row[8] >= today : ends > now;
      if (!upcoming && !showPast) { return; }
      found.push({ record: record, score: score, upcoming: upcoming });
    });
    found.sort(function (a, b) {
      if (a.upcoming !== b.upcoming) { return a.upcoming ? -1 : 1; }
      if (a.score !== b.score) { return b.score - a.score; }
      var x = a.record.row[3], y = b.record.row[3];
      return a.upcoming ? (x < y ? -1 : x > y ? 1 : 0) : (x < y ? 1 : x > y ? -1 : 0);
    });
    return found.map(function (item) { return item.record.row; });
  };

  /* The card's date badge: day, month and lunar date (cards.badge_parts). */
  function dateBadge(parts) {
    var badge = document.createElement("p");
    badge.className = "sk-date";
    badge.setAttribute("aria-hidden", "true");
    ["sk-date__day", "sk-date__month", "sk-date__lunar"].forEach(function (className, i) {
      if (!parts[i]) { return; }
      var span = document.createElement("span");
      span.className = className;
      span.textContent = parts[i];
      badge.appendChild(span);
    });
    return badge;
  }

  Search.prototype.show = function (query) {
    var self = this;
    var rows = this.find(query);
    this.results.textContent = "";
    rows.slice(0, 100).forEach(function (row) {
      var li = document.createElement("li");
      li.className = "sk-card sk-card--" + row[7];
      var head = document.createElement("p");
      head.className = "sk-card__head";
      var a = document.createElement("a");
      a.className = "sk-card__title";
      a.href = self.root + row[0];
      a.textContent = row[1];
      head.appendChild(a);
      var vietnamese = row[12] || "";  /* on an English record: what is untranslated */
      function mark(element, flag) {
        if (vietnamese.indexOf(flag) >= 0) { element.setAttribute("lang", "vi"); }
        return element;
      }
      mark(a, "t");
      function addBadge(kind, text) {
        var badge = document.createElement("span");
        badge.className = "sk-badge sk-badge--" + kind;
        badge.textContent = text;
        head.appendChild(document.createTextNode(" "));
        head.appendChild(badge);
      }
      if (vietnamese.indexOf("t") >= 0) { addBadge("untranslated", self.form.getAttribute("data-in-vi")); }
      if (self.labels[row[7]]) { addBadge(row[7], self.labels[row[7]]); }
      var ended = row[10] ? Date.parse(row[10]) <= now : row[8] < self.today;
      if (ended) {
        li.className += " sk-card--ended";
        addBadge("ended", self.form.getAttribute("data-ended"));
      }
      var body = document.createElement("div");
      body.className = "sk-card__body";
      function line(className, text) {
        var p = document.createElement("p");
        p.className = className;
        p.textContent = text;
        body.appendChild(p);
        return p;
      }
      body.appendChild(head);
      var meta = line("sk-card__meta", row[2] + " · ");
      var placeLength = row[13] || 0;
      var place = document.createElement("span");
      place.textContent = row[4].slice(0, placeLength);
      meta.appendChild(mark(place, "p"));
      meta.appendChild(document.createTextNode(row[4].slice(placeLength) + " · " + row[5]));
      if (row[9]) { line("sk-card__lunar sk-lunar", row[9]); }
      mark(line("sk-card__summary", row[6]), "s");
      if (row[11]) { li.appendChild(dateBadge(row[11])); }
      li.appendChild(body);
      self.results.appendChild(li);
    });
    var words = fold(query);
    var count = rows.length === 1 ? "data-count-one" : "data-count";
    this.status.textContent = !words ? "" : rows.length
      ? (this.form.getAttribute(count) || "{n}").replace("{n}", rows.length)
      : this.form.getAttribute("data-none");
  };

  Search.prototype.run = function () {
    var self = this;
    var query = this.input.value;
    var params = new URLSearchParams();
    if (query) { params.set("q", query); }
    if (this.past.checked) { params.set("past", "1"); }
    var search = params.toString();
    history.replaceState(null, "", search ? "?" + search : location.pathname);
    if (!fold(query)) { this.show(""); return; }
    this.load().then(function () { self.show(self.input.value); }, function () {
      self.status.textContent = self.form.getAttribute("data-none");
    });
  };

  Search.prototype.start = function () {
    var self = this;
    var params = new URLSearchParams(location.search);
    this.input.value = params.get("q") || "";
    this.past.checked = params.get("past") === "1";
    var timer = null;
    this.input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { self.run(); }, 120);
    });
    this.past.addEventListener("change", function () { self.run(); });
    this.form.addEventListener("submit", function (event) { event.preventDefault(); self.run(); });
    var header = document.getElementById("sk-header-q");
    if (header) { header.value = this.input.value; }
    if (this.input.value) { this.run(); }
  };

  hideEnded();
  markEnded();
  sayPast();
  markToday();
  document.querySelectorAll("[data-sk-filter]").forEach(monthFilters);
  document.querySelectorAll(".sk-share[data-url]").forEach(sharing);
  var form = document.getElementById("sk-search");
  if (form) { new Search(form).start(); }
})();

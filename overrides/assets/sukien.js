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

  function hideEnded() {
    document.querySelectorAll("[data-sk-section]").forEach(function (section) {
      var cards = section.querySelectorAll(".sk-card[data-end]");
      var left = 0;
      cards.forEach(function (card) {
        if (Date.parse(card.getAttribute("data-end")) <= now) { card.hidden = true; } else { left += 1; }
      });
      var empty = section.querySelector(".sk-empty--js");
      if (empty && cards.length && !left) {
        empty.hidden = false;
        var list = section.querySelector(".sk-cards");
        if (list) { list.hidden = true; }
      }
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
      var last = record.row[8];
      var upcoming = last >= today;
      if (!upcoming && !showPast && last.slice(0, 4) < today.slice(0, 4)) { return; }
      found.push({ record: record, score: score, upcoming: upcoming });
    });
    found.sort(function (a, b) {
      if (a.score !== b.score) { return b.score - a.score; }
      if (a.upcoming !== b.upcoming) { return a.upcoming ? -1 : 1; }
      var x = a.record.row[3], y = b.record.row[3];
      return a.upcoming ? (x < y ? -1 : x > y ? 1 : 0) : (x < y ? 1 : x > y ? -1 : 0);
    });
    return found.map(function (item) { return item.record.row; });
  };

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
      if (self.labels[row[7]]) {
        var badge = document.createElement("span");
        badge.className = "sk-badge sk-badge--" + row[7];
        badge.textContent = self.labels[row[7]];
        head.appendChild(document.createTextNode(" "));
        head.appendChild(badge);
      }
      var meta = document.createElement("p");
      meta.className = "sk-card__meta";
      meta.textContent = [row[2], row[4], row[5]].join(" · ");
      var summary = document.createElement("p");
      summary.className = "sk-card__summary";
      summary.textContent = row[6];
      li.appendChild(head);
      li.appendChild(meta);
      li.appendChild(summary);
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
  sayPast();
  markToday();
  var form = document.getElementById("sk-search");
  if (form) { new Search(form).start(); }
})();

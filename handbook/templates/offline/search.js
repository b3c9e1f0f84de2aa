/* Search in the offline copy (handbook/offline.py), which a browser opens from file://: no server, no
 * worker, no fetch. The index is a script (search-index.js, window.__offlineSearch: [url, page title,
 * [[anchor, heading, text], …]] per page), loaded when the reader first types. A query is split into
 * terms at spaces and punctuation; a page is found when one of its sections holds every term as typed.
 * Pages rank by where the terms are (title, heading, text); each shows its best section with the terms
 * marked. Text goes into the page as text nodes only: the index holds the site's text, not markup.
 */
(function () {
  "use strict"
  var base = document.currentScript.getAttribute("data-base") || ""
  var SPLIT = /[\s\u3000\u200b、。，．？！；：“”‘’（）《》〈〉【】〔〕…—,.:;!?()"'-]+/
  var MAX_RESULTS = 30, BEFORE = 24, AFTER = 72
  var index = null, waiting = []

  function load(then) {
    if (index) return then()
    waiting.push(then)
    if (waiting.length > 1) return
    var script = document.createElement("script")
    script.src = base + "assets/offline/search-index.js"
    script.onload = function () {
      index = window.__offlineSearch || []
      waiting.splice(0).forEach(function (f) { f() })
    }
    document.head.appendChild(script)
  }

  function terms(query) {
    return query.toLowerCase().split(SPLIT).filter(Boolean)
  }

  function count(hay, ts) {
    return ts.reduce(function (n, t) { return n + (hay.indexOf(t) >= 0 ? 1 : 0) }, 0)
  }

  function search(query) {
    var ts = terms(query), found = []
    if (!ts.length) return found
    index.forEach(function (page, order) {
      var title = page[1].toLowerCase(), best = null
      page[2].forEach(function (section) {
        var heading = section[1].toLowerCase(), text = section[2].toLowerCase()
        var all = title + "\n" + heading + "\n" + text
        if (count(all, ts) < ts.length) return
        var score = 4 * count(title, ts) + 2 * count(heading, ts) + count(text, ts)
        if (!best || score > best.score) best = { score: score, page: page, section: section, order: order }
      })
      if (best) found.push(best)
    })
    found.sort(function (a, b) { return b.score - a.score || a.order - b.order })
    return found.slice(0, MAX_RESULTS)
  }

  /* Append `text` to `el`, the terms wrapped in <mark>. */
  function marked(el, text, ts) {
    var lower = text.toLowerCase(), at = 0
    while (at < text.length) {
      var next = -1, len = 0
      ts.forEach(function (t) {
        var i = lower.indexOf(t, at)
        if (i >= 0 && (next < 0 || i < next)) { next = i; len = t.length }
      })
      if (next < 0) { el.appendChild(document.createTextNode(text.slice(at))); break }
      el.appendChild(document.createTextNode(text.slice(at, next)))
      var mark = document.createElement("mark")
      mark.textContent = text.slice(next, next + len)
      el.appendChild(mark)
      at = next + len
    }
    return el
  }

  function passage(text, ts) {
    var lower = text.toLowerCase(), first = text.length
    ts.forEach(function (t) { var i = lower.indexOf(t); if (i >= 0 && i < first) first = i })
    if (first === text.length) first = 0
    var start = Math.max(0, first - BEFORE), end = Math.min(text.length, first + AFTER)
    return (start > 0 ? "…" : "") + text.slice(start, end) + (end < text.length ? "…" : "")
  }

  function show(list, meta, query) {
    var ts = terms(query), results = search(query)
    list.textContent = ""
    meta.textContent = results.length ? "找到 " + results.length + " 篇" : "没有找到含有“" + query.trim() + "”的页面"
    results.forEach(function (r) {
      var item = document.createElement("li"), link = document.createElement("a")
      link.href = base + r.page[0] + (r.section[0] ? "#" + encodeURIComponent(r.section[0]) : "")
      var title = document.createElement("strong")
      marked(title, r.page[1], ts)
      link.appendChild(title)
      if (r.section[1] && r.section[1] !== r.page[1]) {
        link.appendChild(document.createTextNode(" › "))
        marked(link, r.section[1], ts)
      }
      item.appendChild(link)
      if (r.section[2]) item.appendChild(marked(document.createElement("p"), passage(r.section[2], ts), ts))
      list.appendChild(item)
    })
  }

  function mount() {
    var form = document.createElement("form")
    form.className = "offline-search"
    form.setAttribute("role", "search")
    form.innerHTML = '<input type="search" class="offline-search__input" placeholder="搜索" aria-label="搜索本书（离线）" autocomplete="off">' +
      '<div class="offline-search__results" role="region" aria-live="polite" aria-label="搜索结果" hidden>' +
      '<p class="offline-search__meta"></p><ol class="offline-search__list"></ol></div>'
    var input = form.querySelector("input"), panel = form.lastChild
    var meta = panel.firstChild, list = panel.lastChild, timer = 0
    function update() {
      var query = input.value
      if (!terms(query).length) { panel.hidden = true; return }
      load(function () { show(list, meta, query); panel.hidden = false })
    }
    input.addEventListener("input", function () { clearTimeout(timer); timer = setTimeout(update, 150) })
    input.addEventListener("focus", function () { load(function () {}) })
    input.addEventListener("keydown", function (e) {
      if (e.key === "Escape") { input.value = ""; panel.hidden = true }
    })
    form.addEventListener("submit", function (e) { e.preventDefault(); update() })
    var header = document.querySelector(".md-header__inner")
    if (header) header.insertBefore(form, header.querySelector(".md-header__source"))
    else document.body.insertBefore(form, document.body.firstChild)
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mount)
  else mount()
})()

/* The handbook's search worker: Chinese phrase search over Pagefind's chunked index, in place of
 * Material's lunr worker.
 *
 * Material runs search in a web worker whose address is `search` in its #__config (overrides/main.html
 * points it here) and talks to it in four messages: SETUP (its settings; the handbook leaves Material's
 * own index empty) → READY, QUERY (what the reader typed) → RESULT (pages, each a list of sections with
 * highlighted title and text). This worker keeps that protocol and answers a query by asking Pagefind,
 * which fetches only the parts of the index that the query's words are in (handbook/plugins/search_index.py).
 *
 * - A query is split into terms at spaces and punctuation. Every term must occur in the chapter exactly
 *   as typed: 四通工作法 finds the chapters that hold the phrase, not every chapter that holds 工作. The
 *   index holds Chinese as overlapping character pairs, so a term becomes the pairs of its characters
 *   and Pagefind's exact-phrase search finds them in a row; a multi-term query needs all of its terms.
 * - Pagefind is loaded on the first query, not on every page view.
 * - Only the best chapters (RESULTS) get their text fetched and shown, each with its sections: the
 *   passage around the match with the terms marked, linking to the section (#anchor), where Material's
 *   search.highlight marks the terms again. Ranking: a title that holds a term first, then a match on
 *   word boundaries (the browser's own word segmenter, only for ranking) above one inside a longer
 *   word, then Pagefind's score.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const RESULTS = 10          // chapters shown with their sections; their text is fetched per query
const EXCERPT_WORDS = 120   // Pagefind words (here: characters) around a match
const PASSAGE_BEFORE = 30, PASSAGE_AFTER = 70   // characters of context around a match in a passage
const PARAGRAPH = "\u00b6"  // after each block in the index (handbook/plugins/search_index.py)
const WEIGHT = { title: 8, word: 2, allTerms: 2 }
const HAN = "\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff"   // as handbook/plugins/search_index.py
const HAN_RUN = new RegExp(`[${HAN}]+`, "g")
const PAIR_THEN_NEXT = new RegExp(`([${HAN}])([${HAN}]) (?=\\2)`, "g")
const SPACE_BY_HAN = new RegExp(`\\s+(?=[${HAN}])|(?<=[${HAN}])\\s+`, "g")
const ENTITY = new Map([["amp", "&"], ["lt", "<"], ["gt", ">"], ["quot", "\""], ["nbsp", " "], ["#39", "'"]])
const ESCAPED = new Map([["&", "&amp;"], ["<", "&lt;"], [">", "&gt;"], ["\"", "&quot;"], ["'", "&#39;"]])

let separator = /\s+/
let pagefind = null         // a promise of the Pagefind module, set on the first query
let latest = 0              // number of the latest query: answers to older ones are dropped
const words = typeof Intl.Segmenter === "function" ? new Intl.Segmenter("zh", { granularity: "word" }) : null

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, ch => ESCAPED.get(ch))
}

/** Pagefind's text (HTML-escaped, Chinese as pairs) → what the reader sees. */
function readerText(html) {
  return (html || "")
    .replace(/<[^>]*>/g, "")
    .replace(/&(amp|lt|gt|quot|nbsp|#39);/g, (_, name) => ENTITY.get(name))
    .replace(PAIR_THEN_NEXT, "$1")   // 人民 民群 群众 众 → 人民群众 (a run ends in one character)
    .replace(SPACE_BY_HAN, "")
    .trim()
}

/** The passage to show from a section's excerpt: in the paragraph that holds the most terms (not the
 *  heading, which is shown as the title), the match with some context, the terms marked. */
function passage(excerpt, terms, title) {
  const paragraphs = excerpt.split(PARAGRAPH).map(p => p.trim()).filter(p => p && !title.includes(p))  // an excerpt may start inside the heading
  const held = p => terms.filter(t => p.toLowerCase().includes(t)).length
  const best = paragraphs.reduce((a, b) => (held(b) > held(a) ? b : a), "")
  if (!held(best)) return ""
  const first = Math.min(...terms.map(t => occurrences(best, t)[0]?.[0] ?? best.length))
  const from = Math.max(0, first - PASSAGE_BEFORE), to = Math.min(best.length, first + PASSAGE_AFTER)
  return "<p>" + (from > 0 ? "…" : "") + highlight(best.slice(from, to), terms) + (to < best.length ? "…" : "") + "</p>"
}

/** A term as Pagefind is asked for it: the index's words (handbook/plugins/search_index.py pairs()), in a row. */
function pagefindQuery(term) {
  const parts = []
  let at = 0
  for (const m of term.matchAll(HAN_RUN)) {
    parts.push(term.slice(at, m.index))
    const run = m[0], end = m.index + run.length
    const pairs = []
    for (let i = 0; i < run.length - 1; i++) pairs.push(run.slice(i, i + 2))
    // the run's last character stands alone in the index only where the run ends there
    if (run.length === 1 || end < term.length) pairs.push(run[run.length - 1])
    parts.push(` ${pairs.join(" ")} `)
    at = end
  }
  parts.push(term.slice(at))
  const tokens = parts.join("").trim().split(/\s+/).filter(Boolean)
  // one word: Pagefind's prefix search (法 finds 法规 and 法); more: its exact-phrase search
  return tokens.length > 1 ? `"${tokens.join(" ")}"` : tokens.join("")
}

/** The terms of a query, split where the index splits text; Latin letters match in any case. */
function queryTerms(query) {
  const terms = query.toLowerCase().replace(/["*+~^]/g, " ").split(separator).filter(Boolean)
  return [...new Set(terms)]
}

/** Where `term` occurs in `text` (any case): [start, end] pairs. */
function occurrences(text, term) {
  const found = [], lower = text.toLowerCase()
  for (let i = lower.indexOf(term); i !== -1; i = lower.indexOf(term, i + term.length))
    found.push([i, i + term.length])
  return found
}

/** `text` as HTML with every occurrence of the terms marked. */
function highlight(text, terms) {
  const spans = terms.flatMap(term => occurrences(text, term)).sort((a, b) => a[0] - b[0])
  let html = "", at = 0
  for (const [start, end] of spans) {
    if (end <= at) continue
    html += escapeHtml(text.slice(at, Math.max(start, at))) + "<mark>" + escapeHtml(text.slice(Math.max(start, at), end)) + "</mark>"
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

/** Does `term` occur in `text` as a whole word, by the browser's word segmenter? */
function asWord(text, term) {
  if (!words) return false
  const bounds = new Set([0, text.length])
  for (const { index, segment } of words.segment(text)) bounds.add(index).add(index + segment.length)
  return occurrences(text, term).some(([start, end]) => bounds.has(start) && bounds.has(end))
}

function load() {
  if (!pagefind)
    pagefind = import(new URL("../../pagefind/pagefind.js", self.location).href).then(async module => {
      await module.options({ baseUrl: "/", excerptLength: EXCERPT_WORDS })
      await module.init()
      return module
    })
  return pagefind
}

/** A chapter as Material shows a result: its best sections first, the chapter itself always there. */
async function chapterItems(results, terms) {
  const sections = new Map()   // location → { title, excerpts: [text], terms: Set, words }
  let chapter = null
  for (const [term, result] of results) {
    const data = await result.data()
    chapter = chapter || { location: data.url.replace(/^\//, ""), title: readerText(data.meta.title) }
    for (const sub of data.sub_results) {
      // the chapter's title is its first heading: that section is the chapter itself
      const location = sub.anchor?.element === "h1" ? chapter.location : sub.url.replace(/^\//, "")
      const section = sections.get(location) || { title: readerText(sub.title), excerpts: [], terms: new Set(), words: 0 }
      const excerpt = readerText(sub.excerpt)
      section.excerpts.push(excerpt)
      section.terms.add(term)
      if (asWord(excerpt.split(PARAGRAPH).join(" "), term)) section.words++
      sections.set(location, section)
    }
  }
  const items = [...sections].map(([location, s]) => {
    const inTitle = terms.filter(t => s.title.toLowerCase().includes(t)).length
    const found = Object.create(null)
    for (const t of terms) found[t] = s.terms.has(t)
    return {
      location,
      title: highlight(s.title, terms),
      text: s.excerpts.map(e => passage(e, terms, s.title)).find(Boolean) || "",
      score: (WEIGHT.title * inTitle + WEIGHT.word * s.words + s.terms.size)
        * (s.terms.size === terms.length ? WEIGHT.allTerms : 1),
      terms: found
    }
  }).sort((a, b) => b.score - a.score)
  if (!items.some(item => item.location === chapter.location))
    items.push({ location: chapter.location, title: escapeHtml(chapter.title), text: "", score: 0, terms: {} })
  const inTitle = terms.filter(t => chapter.title.toLowerCase().includes(t)).length
  return { items, rank: WEIGHT.title * inTitle + items[0].score }
}

async function search(query) {
  const terms = queryTerms(query)
  if (!terms.length) return []
  const module = await load()
  const perTerm = await Promise.all(terms.map(term => module.search(pagefindQuery(term))))
  /* a chapter is a result when it holds every term; Pagefind's scores add up */
  const chapters = new Map()   // Pagefind's id → { score, results: [[term, result]] }
  perTerm[0].results.forEach(r => chapters.set(r.id, { score: r.score, results: [[terms[0], r]] }))
  perTerm.slice(1).forEach(({ results }, i) => {
    const ids = new Set()
    for (const r of results) {
      const chapter = chapters.get(r.id)
      if (!chapter) continue
      chapter.score += r.score
      chapter.results.push([terms[i + 1], r])
      ids.add(r.id)
    }
    for (const id of [...chapters.keys()]) if (!ids.has(id)) chapters.delete(id)
  })
  const best = [...chapters.values()].sort((a, b) => b.score - a.score).slice(0, RESULTS)
  const shown = await Promise.all(best.map(async (c, order) =>
    ({ ...(await chapterItems(c.results, terms)), order })))
  return shown.sort((a, b) => b.rank - a.rank || a.order - b.order).map(c => c.items)
}

addEventListener("message", async ({ data: message }) => {
  if (message.type === SETUP) {
    separator = new RegExp(message.data.config.separator)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    const number = ++latest
    let items = []
    try {
      items = await search(message.data)
    } catch (error) {
      console.error("search:", error)   // e.g. the index could not be fetched: no results, not a hang
    }
    if (number === latest) postMessage({ type: RESULT, data: { items } })
  }
})

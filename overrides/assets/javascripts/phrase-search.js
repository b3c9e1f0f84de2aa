/* The handbook's search worker: Chinese phrase search, in place of Material's lunr worker.
 *
 * Material runs search in a web worker whose address is `search` in its #__config (overrides/main.html
 * points it here) and talks to it in four messages: SETUP (the index) → READY, QUERY (what the reader
 * typed) → RESULT (pages, each a list of sections with highlighted title and text). This worker keeps
 * that protocol; what changes is what a match is.
 *
 * - A query is split into terms where the index splits text: spaces and punctuation. Every term must
 *   occur in the page exactly as typed: 四通工作法 finds the pages that hold the phrase, not every page
 *   that holds 工作. Single words are phrases of one word; a phrase and a second word need both.
 * - The index text is segmented by jieba at build time, words joined by U+200B. A term is matched in
 *   that same text, across the word marks, so the browser never segments a query on its own and cannot
 *   disagree with the index; the marks inside and around each match are jieba's own segmentation of
 *   that spot and are used for ranking: a match on word boundaries (书记 the word) ranks above a match
 *   inside a longer word, a title above text, a section that holds every term above one that holds some.
 * - Each section shows the passage around its best match with the terms marked, and links to the
 *   section (#anchor), where Material's search.highlight marks the terms again.
 */
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
const MARK = "\u200b"
const PASSAGE_BEFORE = 30, PASSAGE_AFTER = 70   // characters of context around a match
const WEIGHT = { title: 4, word: 2, text: 1, allTerms: 2 }

let sections = []          // one per index entry, in index order
let separator = /\s+/      // where the index splits text into words
let isBreak = () => false  // is this character a word or punctuation boundary of the index?

const ENTITY = { amp: "&", lt: "<", gt: ">", quot: "\"", nbsp: " " }
const ESCAPED = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" }

/** Index HTML → text with the index's word marks: block ends become line breaks, tags go. */
function plainText(html) {
  return (html || "")
    .replace(/<\/(?:p|li|h\d|div|tr|blockquote|pre|dd|dt)>|<br\s*\/?>/gi, "\n")
    .replace(/<[^>]*>/g, "")
    // one pass, so that "&amp;lt;" stays the text "&lt;"
    .replace(/&(amp|lt|gt|quot|nbsp|#\d+|#x[0-9a-f]+);/gi, (_, name) => name[0] === "#"
      ? String.fromCodePoint(Number(name[1].toLowerCase() === "x" ? "0" + name.slice(1) : name.slice(1)))
      : ENTITY[name.toLowerCase()])
}

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, ch => ESCAPED[ch])
}

function escapeRegExp(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
}

/** A field as stored for matching: `marked` keeps jieba's word marks, `text` is what a reader sees. */
function field(html) {
  const marked = plainText(html)
  return { marked, text: marked.split(MARK).join("") }
}

function setup({ config, docs }) {
  separator = new RegExp(config.separator)
  const breakChar = new RegExp(`^(?:${config.separator})$`)
  isBreak = ch => ch === undefined || breakChar.test(ch)
  sections = docs.map(doc => ({
    location: doc.location,
    page: doc.location.split("#")[0],
    tags: doc.tags,
    title: field(doc.title),
    body: field(doc.text)
  }))
}

/** The terms of a query, split where the index splits text; Latin letters match in any case. */
function queryTerms(query) {
  const terms = query.toLowerCase().replace(/["*+~^]/g, " ").split(separator).filter(Boolean)
  return [...new Set(terms)]
}

/** Every match of `term` in a field: where it starts and ends in the reader's text, and whether it
 *  begins and ends on one of the index's word boundaries. */
function matches(term, f) {
  const pattern = new RegExp([...term].map(escapeRegExp).join(`${MARK}?`), "gi")
  const found = []
  let removed = 0   // word marks before the current match, to map positions to the reader's text
  let last = 0
  for (const m of f.marked.matchAll(pattern)) {
    removed += countMarks(f.marked, last, m.index)
    last = m.index
    const end = m.index + m[0].length
    const start = m.index - removed
    found.push({
      start,
      end: start + m[0].length - countMarks(m[0], 0, m[0].length),
      word: isBreak(f.marked[m.index - 1]) && isBreak(f.marked[end])
    })
  }
  return found
}

function countMarks(text, from, to) {
  let n = 0
  for (let i = text.indexOf(MARK, from); i !== -1 && i < to; i = text.indexOf(MARK, i + 1)) n++
  return n
}

/** A quick test before the slower one: a term without letters that have a case is in the section
 *  only if its reader's text contains it as it is. */
function mayHold(section, term) {
  return term !== term.toUpperCase() || section.title.text.includes(term) || section.body.text.includes(term)
}

/** How well a section answers the query, and where. */
function score(section, terms) {
  const found = Object.create(null)  // a term such as "__proto__" is a key like any other
  const spans = { title: [], body: [] }
  let value = 0
  for (const term of terms) {
    if (!mayHold(section, term)) {
      found[term] = false
      continue
    }
    const inTitle = matches(term, section.title)
    const inBody = matches(term, section.body)
    found[term] = inTitle.length + inBody.length > 0
    if (!found[term]) continue
    const words = inTitle.concat(inBody).filter(m => m.word).length
    value += (inTitle.length ? WEIGHT.title : 0)
      + Math.log2(1 + WEIGHT.text * inBody.length + WEIGHT.word * words)
    spans.title.push(...inTitle)
    spans.body.push(...inBody)
  }
  if (terms.every(term => found[term])) value *= WEIGHT.allTerms
  return { value, found, spans }
}

/** `text` as HTML with the given spans marked. */
function highlight(text, spans, offset = 0) {
  const sorted = spans
    .map(s => [Math.max(s.start - offset, 0), Math.min(s.end - offset, text.length)])
    .filter(([start, end]) => start < end)
    .sort((a, b) => a[0] - b[0])
  let html = "", at = 0
  for (const [start, end] of sorted) {
    if (end <= at) continue
    html += escapeHtml(text.slice(at, Math.max(start, at))) + "<mark>" + escapeHtml(text.slice(Math.max(start, at), end)) + "</mark>"
    at = end
  }
  return html + escapeHtml(text.slice(at))
}

/** The passage around the section's best match: its paragraph, cut to a window on a phone-sized
 *  preview, with every match inside marked. */
function passage(text, spans) {
  if (!spans.length) return ""
  const best = spans.find(s => s.word) || spans[0]
  const paragraphStart = text.lastIndexOf("\n", best.start - 1) + 1
  const paragraphEnd = (text.indexOf("\n", best.end) + 1 || text.length + 1) - 1
  let from = Math.max(paragraphStart, best.start - PASSAGE_BEFORE)
  let to = Math.min(paragraphEnd, best.end + PASSAGE_AFTER)
  while (from < best.start && /\s/.test(text[from])) from++
  while (to > best.end && /\s/.test(text[to - 1])) to--
  const inside = spans.filter(s => s.start >= from && s.end <= to)
  return "<p>" + (from > paragraphStart ? "…" : "") + highlight(text.slice(from, to), inside, from)
    + (to < paragraphEnd ? "…" : "") + "</p>"
}

function search(query) {
  const terms = queryTerms(query)
  if (!terms.length) return []

  /* Score every section; a page is a result when its sections together hold every term */
  const pages = new Map()
  for (const section of sections) {
    const result = score(section, terms)
    const page = pages.get(section.page) || { found: new Set(), items: [], article: null }
    if (section.location === section.page) page.article = section
    terms.filter(t => result.found[t]).forEach(t => page.found.add(t))
    if (result.value > 0)
      page.items.push({
        location: section.location,
        title: highlight(section.title.text, result.spans.title),
        text: passage(section.body.text, result.spans.body),
        tags: section.tags,
        score: result.value,
        terms: result.found
      })
    pages.set(section.page, page)
  }

  /* Best page first; inside a page, best section first, and the page itself always present */
  return [...pages.values()]
    .filter(page => page.found.size === terms.length)
    .map(page => {
      const items = page.items.sort((a, b) => b.score - a.score)
      if (page.article && !items.some(item => item.location === page.article.location))
        items.push({ location: page.article.location, title: escapeHtml(page.article.title.text), text: "",
                     tags: page.article.tags, score: 0, terms: Object.create(null) })
      return items
    })
    .sort((a, b) => b[0].score - a[0].score)
}

addEventListener("message", ({ data: message }) => {
  if (message.type === SETUP) {
    setup(message.data)
    postMessage({ type: READY })
  } else if (message.type === QUERY) {
    postMessage({ type: RESULT, data: { items: search(message.data) } })
  }
})

/*
 * Clause search worker — a drop-in replacement for Material for MkDocs'
 * (9.8.1) lunr search worker, ranking clauses and sentences of the policy
 * documents for Chinese queries typed without spaces.
 *
 * Wiring: overrides/main.html points `__config.search` at this file, so
 * Material's bundle starts it with `new Worker(url)` and speaks its protocol:
 *
 *   bundle -> worker  {type: 0 SETUP,  data: {config, docs, options}}
 *                      (Material's own search/search_index.json; ignored here)
 *   worker -> bundle  {type: 1 READY}
 *   bundle -> worker  {type: 2 QUERY,  data: "<raw text of the search box>"}
 *   worker -> bundle  {type: 3 RESULT, data: {items: SearchItem[][]}}
 *
 * SearchItem = {location, title, text, score, terms}; `title` and `text` are
 * inserted by the bundle with innerHTML, so both are escaped here before any
 * <mark> is added.  Each inner array is rendered as one result <li>: the
 * first item whose location has no "#" becomes the <h1> header, the others
 * <h2> + text; items scoring below the first item's score are folded into a
 * "N more" <details>, so the header gets score 0 and clauses stay visible.
 *
 * Our index (data/search-index.json, built by build_scripts/publish/search_index.py)
 * is fetched relative to this file: <site>/assets/javascripts/ -> ../../data/.
 * Override with `?index=<url>` on the worker URL if the layout changes.
 *
 * No dependencies; runs as a classic worker.
 */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;

/* Every clause and sentence found is returned, not the first 20: Material counts the groups it is
 * given (商标 said 16 个符合条件的结果 of 42) and renders 10 of them, then 4 more each time the reader
 * scrolls to the end of the list, so a long answer costs the reader nothing until read.  知识产权, the
 * longest, is 996 results in 480 groups: about 60 ms here and 280 KB posted to the page. */
var SNIPPET = 160;         /* characters of text shown around the match */
var MIN_COVER = 0.5;       /* share of the query that must be found */

var INDEX_URL = (function () {
  var here = new URL(self.location.href);
  return new URL(here.searchParams.get("index") || "../../data/search-index.json", here).href;
})();

/* ------------------------------------------------------------------------
 * Normalisation: NFKC, lower case, drop whitespace, punctuation, symbols; 〇 is 零.
 * "众创、众包" -> "众创众包", "ＰＣＴ" -> "pct", "〔2016〕86号" -> "2016|86号".
 *
 * Digits keep their bounds.  What is dropped between two digits leaves a "|"
 * (〔2016〕86号 -> 2016|86号, 2025—2030年 -> 2025|2030年), so no number runs
 * into the next; a lone point between two digits is kept (6.3 stays 6.3,
 * not 63), while a numbering point before text goes (63.保护 -> 63保护).
 * Queries are normalised alike, so 〔2016〕86号 still finds 〔2016〕86号.
 * ---------------------------------------------------------------------- */

var DROP = /[\s\p{P}\p{S}\p{Z}\p{C}]/u;
var DIGIT = /[0-9]/;
var charCache = new Map();

var ZERO = { "〇": "零" };  /* 〇 is written for 零 (第一百〇六项): one form in index and query alike */
/* Traditional → simplified, for the characters of the texts (the index's "t"): 專利導航 is read as 专利导航. */
var TRAD = new Map();

function normChar(ch) {
  var out = charCache.get(ch);
  if (out === undefined) {
    out = "";
    for (var c of (ZERO[ch] || TRAD.get(ch) || ch).normalize("NFKC").toLowerCase())
      if (!DROP.test(c)) out += c;
    charCache.set(ch, out);
  }
  return out;
}

/* Normalised string plus, when `withMap`, per UTF-16 unit of it the [start, end)
 * of the original characters it came from — used to put <mark> on the raw text. */
function normalizeWithMap(text, withMap) {
  var s = "", start = [], end = [], i = 0;
  var gap = null;          /* characters dropped since a digit: {from, to, point} */
  function put(n, from, to) {
    s += n;
    if (withMap) for (var k = 0; k < n.length; k++) { start.push(from); end.push(to); }
  }
  for (var ch of text) {
    var n = normChar(ch);
    if (!n) {
      if (gap) { gap.to = i + ch.length; gap.point = false; }
      else if (DIGIT.test(s.charAt(s.length - 1)))
        gap = { from: i, to: i + ch.length, point: ch.normalize("NFKC") === "." };
    } else {
      if (gap && DIGIT.test(n.charAt(0))) put(gap.point ? "." : "|", gap.from, gap.to);
      gap = null;
      put(n, i, i + ch.length);
    }
    i += ch.length;
  }
  return { s: s, start: start, end: end };
}

function normalize(text) {
  return normalizeWithMap(text, false).s;
}

/* A table row's (and header's) text is one cell a line (…（亿美元）\n44.4\n100\n55.6): the cells
 * are normalised apart and joined by "|", which a query holds only between two digits of its own,
 * so no match runs across two cells into a number no cell holds (the 20\n20 of a growth row is not 2020). */
var CELL_KINDS = { table_row: true, table_header: true };

function normalizeCells(text) {
  return text.split("\n").map(normalize).filter(Boolean).join("|");
}

/* Numbers match whole numbers only: 2020 is not the 202 of 2025 nor the 20 of a cell 220, 专栏2 is
 * not 专栏23, 6.3 is not 63.  `at` cuts a number of `s` when digits (or a decimal point) stand on
 * both sides of it; a point is kept only between digits, so it counts as one. */
var NUMBER_CHAR = /[0-9.]/;

function cutsNumber(s, at) {
  return at > 0 && at < s.length && NUMBER_CHAR.test(s.charAt(at - 1)) && NUMBER_CHAR.test(s.charAt(at));
}

/* First position from `from` of `needle` in `hay` where it neither starts nor ends inside a number, or -1. */
function findWhole(hay, needle, from) {
  for (var pos = hay.indexOf(needle, from || 0); pos >= 0; pos = hay.indexOf(needle, pos + 1))
    if (!cutsNumber(hay, pos) && !cutsNumber(hay, pos + needle.length)) return pos;
  return -1;
}

/* An everyday form of latin letters is not read inside a longer latin word of the query: the ip of iphone is no IP
 * (知识产权). Only the query's own words are read so: in a text's normalised form, latin words its punctuation or
 * markup parted run together (</b>Zsentence is bzsentence), so a clause is not searched by this rule. */
var LATIN = /[a-z]/;

function cutsWord(s, at) {  /* `s` a string, or an array of its characters */
  return at > 0 && at < s.length && LATIN.test(s[at - 1]) && LATIN.test(s[at]);
}

var ESC = { "&": "&amp;", "<": "&lt;", ">": "&gt;", "\"": "&quot;", "'": "&#39;" };
function escapeHTML(text) {
  return String(text).replace(/[&<>"']/g, function (c) { return ESC[c]; });
}

/* ------------------------------------------------------------------------
 * Index
 * ---------------------------------------------------------------------- */

var index = null;          /* {pages, entries, postings, labels} */
var YEAR_OF_WENHAO = /〔[0-9]{4}〕/g;  /* the year of 渝府发〔2016〕25号 */
var loading = null;        /* Promise of index */

function buildIndex(data) {
  TRAD = new Map(Object.entries(data.t || {}));
  charCache.clear();
  var pages = data.p || [];
  var entries = (data.e || []).map(function (e, id) {
    return {
      id: id,
      location: e.l,
      title: e.t || "",
      text: e.x || "",
      kind: e.k || "",
      group: typeof e.g === "number" ? e.g : -1,
      parent: typeof e.u === "number" ? e.u : -1,
      norm: CELL_KINDS[e.k] ? normalizeCells(e.x || "") : normalize(e.x || ""),
      normTitle: normalize(e.t || ""),
      names: Array.isArray(e.n) ? e.n.map(normalize) : null,
      labels: Array.isArray(e.c) ? e.c.map(normalize) : [],
      r: e.r
    };
  });
  /* A page's citation, and its names (title and citation) as a query word may name the document:
   * 重庆 of 重庆市人民政府关于…, 86号 of 国发〔2016〕86号.  A 文号 is said without its year as well (渝府发25号,
   * 国发86号): the citation holds it so too, or 渝府发25号 人才培养 found the document only. */
  for (var p of pages) {
    p.cite = normalize(p.c || "") + "|" + normalize((p.c || "").replace(YEAR_OF_WENHAO, ""));
    p.name = normalize(p.t || "") + "|" + p.cite;
    p.kinds = kindsOf(p);
  }
  /* A table row is read under its table's header (指标|2015年|2020年|…): the years of the columns
   * are the row's as well when a query's numbers are checked (2020 in 计算机软件著作权登记数量2020年). */
  var headers = new Map();
  for (var h of entries) if (h.kind === "table_header" && h.parent >= 0) headers.set(h.parent, h.norm);
  for (var r of entries) r.header = r.kind === "table_row" ? headers.get(r.parent) || "" : "";
  /* Character-bigram postings of the normalised text (title too, lightly). */
  var postings = new Map();
  for (var e of entries) {
    var seen = new Set();
    var s = e.norm;
    for (var j = 0; j + 1 < s.length; j++) {
      var bg = s.substr(j, 2);
      if (seen.has(bg)) continue;
      seen.add(bg);
      var list = postings.get(bg);
      if (list) list.push(e.id); else postings.set(bg, [e.id]);
    }
  }
  /* How rare each character is: the fewer entries hold it, the more finding it tells (押 is in a few
   * dozen entries, 专 in a fifth of them, 知 in most).  What a query finds is weighed by it. */
  var holding = new Map();
  for (var he of entries)
    for (var hc of new Set(he.norm)) holding.set(hc, (holding.get(hc) || 0) + 1);
  var rarity = new Map();
  holding.forEach(function (n, hc) { rarity.set(hc, Math.log((entries.length + 1) / (n + 1))); });
  /* Labels (第四部分第六条第2项, 任务55), and each tail of one from a 第 on (第六条第2项, 第2项): a
   * citation may be given whole or by its last steps.  A task's label without its 任务 (四（六）1,
   * 二（三）第三段: the number its page is headed by) is whole too, so it may follow its document
   * (86号 四（六）1); a bare number (55) only after its document (66号 55, 66号文 17): alone it would
   * take any query of digits for a task. */
  var labels = new Map();
  function addLabel(tail, en, whole, bare) {
    var byTail = labels.get(tail);
    if (!byTail) labels.set(tail, byTail = []);
    byTail.push({ entry: en, whole: whole, bare: !!bare });
  }
  for (var en of entries)
    for (var label of en.labels) {
      for (var k = 0; k < label.length; k++)
        if (k === 0 || label.charAt(k) === "第") addLabel(label.slice(k), en, k === 0);
      var number = label.indexOf("任务") === 0 ? label.slice(2) : "";
      if (number && number.charAt(0) !== "第") addLabel(number, en, true, /^[0-9]+$/.test(number));
    }
  /* A full name is also said with a short run of its inner characters left out: 最高人民法院 as 最高法院, 最高人民
   *检察院 as 最高检察院 (人民 left out).  Such a name (two or three characters left out, two or more kept on each
   * side) is one more name of the page where no text holds it and no other page is named so; before, 最高检察院 was
   * read as 最高检 and 察院, 66号's tasks naming 高检院 said to lack a 高检院察院. */
  var given = new Map();
  for (var ge of entries) if (ge.names) for (var gn of ge.names) given.set(gn, (given.get(gn) || 0) + 1);
  var shortened = new Map();
  function heldAnywhere(word) {
    for (var b = 0; b + 1 < word.length; b++) if (!postings.has(word.substr(b, 2))) return false;
    return entries.some(function (we) { return we.norm.indexOf(word) >= 0; });
  }
  /* Nor where it keeps none of a shorter name's characters but its last, the kind (办, 局, 院): 国务院法制办公室 without
   * 法制 is 国务院办公室, holding nothing of 法制办 but 办; it was 法制办's name, and 国务院办公室 印发 found the 66号 tasks
   * 法制办 shares, not the 国务院办公厅's documents the name is misremembered for.  最高检察院 keeps 高检院's 高 and 检. */
  function keepsAShortName(page, shorter) {
    return page.names.every(function (name) {
      if (name.length >= shorter.length) return true;
      for (var c = 0; c + 1 < name.length; c++) if (shorter.indexOf(name.charAt(c)) >= 0) return true;
      return false;
    });
  }
  for (var se of entries) {
    if (!se.names) continue;
    for (var full of se.names)
      for (var from = 2; from < full.length; from++)
        for (var run = 2; run <= 2 && from + run + 2 <= full.length; run++) {
          var shorter = full.slice(0, from) + full.slice(from + run);
          if (given.has(shorter) || heldAnywhere(shorter)) continue;
          if (!shortened.has(shorter)) shortened.set(shorter, se);
          else if (shortened.get(shorter) !== se) shortened.set(shorter, null);  /* two pages' names: neither's */
        }
  }
  var kept = [];
  shortened.forEach(function (page, shorter) {
    if (page && page.names.indexOf(shorter) < 0 && keepsAShortName(page, shorter)) kept.push([page, shorter]);
  });
  kept.forEach(function (pair) { pair[0].names.push(pair[1]); });
  /* Each name a page is known by (国知局) → all that page's names (国家知识产权局, 知识产权局, 国知局). */
  var named = new Map();
  for (var ne of entries)
    if (ne.names) for (var name of ne.names) named.set(name, (named.get(name) || []).concat(ne.names));
  /* Each everyday form (电商) → the texts' wordings for it (电子商务), both as queries are read (readingsOf). */
  var forms = new Map(), longestForm = 0;
  Object.keys(data.a || {}).forEach(function (form) {
    var read = normalize(form), means = (data.a[form] || []).map(normalize).filter(Boolean);
    if (read.length < MIN_FORM) return;
    /* a word holding a form where it means something else (国家机密 of 机密, which is 商业秘密 in 公司机密) has no
     * wording: it is read as typed, and found before the shorter form at its place, the longest first */
    forms.set(read, means.length ? means : [read]);
    longestForm = Math.max(longestForm, read.length);
  });
  /* A page's name no text holds (an agency's full name 中国科学院, its everyday form 国知局), typed beside other
   * words (中国科学院 职务发明, 国知局牵头 专利导航图), is read as the names of that page the texts hold (中科院,
   * 知识产权局), as an everyday form is: searched as typed, no clause held it and the query found the page or
   * nothing.  Alone it means the page (otherNames, readingsOf), which finds the texts naming it otherwise. */
  /* Whose a task is: a 66号 task's responsibility note, the sentence closing it ((知识产权局、农业部…负责)), the
   * list of agencies a task page's text ends with, and an agency page's text, its names (each page's "r": how many
   * characters at the end of its text name agencies).  From `asideFrom` on, an entry's normalised text says who
   * does a task, not what the task is (scoreEntry). */
  for (var ae of entries) {
    ae.asideFrom = -1;
    if (typeof ae.r === "number" && ae.r > 0) ae.asideFrom = normalize(ae.text.slice(0, ae.text.length - ae.r)).length;
  }
  for (var ne0 of entries) {
    if (!isNote(ne0, entries)) continue;
    var task0 = entries[ne0.parent];
    ne0.asideFrom = 0;
    if (task0.norm.endsWith(ne0.norm)) task0.asideFrom = task0.norm.length - ne0.norm.length;
  }
  /* The names of agencies (an agency page's "r" is all its text): a query holding one names an agency (namesAgency). */
  var agencyNames = [];
  for (var an of entries) if (an.names && an.asideFrom === 0) agencyNames.push.apply(agencyNames, an.names);
  /* Each clause's first clause (entries are in reading order): a heading standing alone is followed by it (search). */
  var firstChild = new Map();
  for (var fc of entries) if (fc.parent >= 0 && !firstChild.has(fc.parent)) firstChild.set(fc.parent, fc.id);
  var nameForms = new Map();
  var texts = entries.filter(function (te) { return !te.names && te.kind !== "document" && te.kind !== "page"; });
  function heldByText(name) { return texts.some(function (te) { return te.norm.indexOf(name) >= 0; }); }
  for (var ne2 of entries) {
    if (!ne2.names) continue;
    var heldNames = ne2.names.filter(heldByText).sort(function (a, b) { return a.length - b.length; });
    if (!heldNames.length) continue;
    for (var other of ne2.names)
      if (other.length >= MIN_FORM && heldNames.indexOf(other) < 0 && !forms.has(other) && !heldByText(other)) {
        nameForms.set(other, heldNames);
        longestForm = Math.max(longestForm, other.length);
      }
  }
  /* The words of a question the texts do not hold (QUESTION_WORDS), longest first: they part a query's words. */
  var asking = QUESTION_WORDS.filter(function (word) {
    return !entries.some(function (qe) { return qe.norm.indexOf(word) >= 0; });
  }).sort(function (a, b) { return b.length - a.length; });
  return {
    pages: pages, entries: entries, postings: postings, labels: labels, rarity: rarity, named: named,
    forms: forms, nameForms: nameForms, firstChild: firstChild, longestForm: longestForm, agencyNames: agencyNames,
    asking: asking.length ? new RegExp(asking.join("|"), "g") : null,
    /* one a text holds (几个: 59号's 某几个) still asks where it ends the query: 引领型强省要建几个, 试点省最多几个 */
    askingLast: new RegExp("(?:" + QUESTION_WORDS.slice().sort(function (a, b) { return b.length - a.length; })
      .join("|") + ")$")
  };
}

/* The kinds of document a page is (规划, 方案, 意见, 通知): the last two characters of its title and of the title
 * its citation quotes (《…规划》), less a （试行） after it.  People name a document by a part of its name and its
 * kind (十三五规划 for 《“十三五”国家知识产权保护和运用规划》, 强市建设意见, 强省建设方案), which no name holds side by
 * side: saidBy reads such a word as naming the page. */
var QUOTED_TITLE = /《([^》]*)》/, TRIAL_END = /[（(][^（）()]*[）)]$/;

function kindsOf(page) {
  var kinds = [];
  for (var title of [page.t || "", (QUOTED_TITLE.exec(page.c || "") || ["", ""])[1]]) {
    var kind = normalize(title.replace(TRIAL_END, "")).slice(-2);
    if (kind.length === 2 && kinds.indexOf(kind) < 0) kinds.push(kind);
  }
  return kinds;
}

/* Whether `word` names `page` by `name` (its citation, or all its names): `name` holds it whole, or holds it less
 * one of the page's kinds at its end, two characters or more left (十三五规划: 十三五 and 规划, 86号's kind). */
function saidBy(page, name, word) {
  if (findWhole(name, word) >= 0) return true;
  return (page.kinds || []).some(function (kind) {
    return word.length >= kind.length + 2 && word.slice(-kind.length) === kind &&
      findWhole(name, word.slice(0, -kind.length)) >= 0;
  });
}

/* The summed rarity of the characters of `text`; one no entry holds is as rare as one entry's. */
function rarityOf(text) {
  var sum = 0, most = Math.log((index.entries.length + 1) / 2);
  for (var ch of text) sum += index.rarity.has(ch) ? index.rarity.get(ch) : most;
  return sum;
}

/* How much each character of a query tells: half the rarity of the word it is part of, so that a
 * word of two characters counts its rarity once.  Its word is the pair of characters beside it that
 * the most entries hold: for the 质 of 专利质押, 质押 (33 entries), not 利质 (10: the end of 专利 and
 * the start of 质量); for the 展 of 海外展会, 展会 (12), not 外展 (3, each inside 海外展会 itself).
 * The rarity of a character alone says nothing of its words: 展 is in every 发展 and 会 in every 社会,
 * so counted by its characters 海外 was the rare half of 海外展会, though the word 展会 is in 12
 * entries and 海外 in 80.  A pair no entry holds is as rare as one entry's; a query word of one
 * character counts that character's rarity. */
function weightsOf(seg) {
  if (seg.length === 1) return [rarityOf(seg)];
  var n = index.entries.length, out = [];
  for (var i = 0; i < seg.length; i++) {
    var most = 1;
    for (var j = Math.max(0, i - 1); j <= i && j + 1 < seg.length; j++) {
      var list = index.postings.get(seg.substr(j, 2));
      if (list && list.length > most) most = list.length;
    }
    out.push(Math.log((n + 1) / (most + 1)) / 2);
  }
  return out;
}

/* The weight of the characters a piece of segment `seg` takes, from its position `from` on. */
function weightOf(q, seg, from, length) {
  var sum = 0, w = q.weights[seg];
  for (var k = from; k < from + length; k++) sum += w[k];
  return sum;
}

function sumOf(values) {
  return values.reduce(function (a, b) { return a + b; }, 0);
}

/* The JSON file at `url`; a failed request or an HTTP error status rejects. */
function fetchJSON(url, options) {
  return fetch(url, Object.assign({ credentials: "same-origin" }, options)).then(function (res) {
    if (!res.ok) throw new Error(res.status + " " + res.statusText);
    return res.json();
  });
}

function load() {
  if (!loading)
    loading = fetchJSON(INDEX_URL, { cache: "no-cache" })  /* revalidate: 304 when unchanged */
      .then(function (data) { index = buildIndex(data); return index; })
      .catch(function (err) {
        console.error("clause search: cannot load " + INDEX_URL, err);
        index = buildIndex({});
        loading = null;          /* allow a retry on the next query */
        return index;
      });
  return loading;
}

/* ------------------------------------------------------------------------
 * Query parsing — Material passes the raw input; lunr syntax a user may
 * type (+must -not term* term~1 term^2 "phrase" title:x) is reduced to text.
 * ---------------------------------------------------------------------- */

/* People name a document by its 文号 with 文 or 文件 after the 号 (66号文, 106号文件, 国发〔2016〕86号文), which
 * no text writes so: the 文 or 文件 goes, as a 文件 typed apart after it does (86号 文件), so 66号文第17项 is
 * 66号第17项 and 71号文 finds the clauses citing 国发〔2015〕71号.  A 文 that begins a word of the texts with
 * what follows it stays (59号文化: 文化, not 59号化). */
var WEN_AFTER_HAO = /([0-9]号)文(件?)/g, WEN_ALONE = /^文件?$/, HAO_END = /[0-9]号$/;

function withoutWen(segment) {
  return segment.replace(WEN_AFTER_HAO, function (all, hao, jian, at) {
    var next = segment.charAt(at + all.length);
    return !jian && next && index && index.postings.has("文" + next) ? all : hao;
  });
}

/* A 文号 typed with the words after it, as Chinese is typed without spaces (86号专利导航, 25号质押融资, 86号文专利导航
 * once its 文 is gone), is two words, as 86号 专利导航 is: its number names the document, the rest is found in
 * that document's clauses.  Together they were one word no clause holds, and the query found nothing.  A 号 the
 * texts write with the character after it stays with it. */
var HAO_THEN_HAN = /[0-9]号(?=\p{Script=Han})/gu;

function apartAfterHao(segment) {
  var parts = [], start = 0, m;
  HAO_THEN_HAN.lastIndex = 0;
  while ((m = HAO_THEN_HAN.exec(segment)) !== null) {
    var end = m.index + m[0].length;
    if (index && index.postings.has("号" + segment.charAt(end))) continue;
    parts.push(segment.slice(start, end));
    start = end;
  }
  parts.push(segment.slice(start));
  return parts;
}

/* The measure words a question of how many or which one is asked with (有几个, 哪几种, 哪条): QUESTION_WORDS and
 * ASKING_KIND both. */
var ASKING_MEASURES = "个种项条类年次家批";

/* A query is often a question (专利代理机构有什么要求, 专利导航是什么, 重庆怎么落实专利质押融资): its words of asking
 * are in no text, and weighed as rare as the rarest (weightsOf), so they outweighed the words the texts hold
 * and the query found nothing.  Those the texts do not hold (buildIndex) part the query's words instead, as a
 * space does: 专利代理机构 要求, 专利导航, 重庆 落实专利质押融资 (whose 重庆 then names its document).  A query
 * that is only such words is kept as typed. */
var QUESTION_WORDS = [
  "是什么意思", "什么意思", "有没有", "是不是", "有什么", "有哪些", "是什么", "是否有", "怎么样", "怎么办", "为什么", "请问",
  "什么", "哪些", "哪里", "如何", "怎么", "怎样", "是否", "多少", "啥", "咋", "吗", "呢", "吧",
  /* asked how long, when, who: 试点期限多长, 实施方案多久内印发, 什么时候建成, 谁来督查 */
  "多长时间", "什么时候", "多长", "多久", "何时", "由谁", "谁来", "谁",
  /* asked what is done: 2020到2025年强省干什么 kept 强省干, a word no clause holds, and found the heading alone */
  "干什么", "做什么", "干啥", "做啥", "干嘛"
].concat(
  /* how many and which one, asked with a measure word: 知产法院有几个, 强省有哪几种类型, 税务总局负责哪条, and where,
   * 知识产权法院在哪几个城市 (its 在 was the end of 知识产权法院在, a word no clause holds; 设在哪里 keeps its 设在) (before,
   * each found only what shares the words of asking: 知产法院有几个 the one sentence on 某几个).  几个 itself is
   * 59号's (某几个重点环节), so the buildIndex filter keeps it a word; 有几个 and 哪几个 are asking words still. */
  ASKING_MEASURES.split("").flatMap(function (measure) {
    return ["有哪几" + measure, "有几" + measure, "在哪几" + measure, "在哪" + measure, "哪几" + measure, "几" + measure,
      "哪" + measure];
  })
);
/* and as typed in traditional characters: 誰 and 麼 stand for 谁 and 么, which no text holds, so the index maps
 * them to nothing (its "t" has the characters the texts hold) and 專利導航由誰負責 kept 由誰 as its words. */
QUESTION_WORDS = QUESTION_WORDS.concat(QUESTION_WORDS.filter(function (word) { return /[么谁]/.test(word); })
  .map(function (word) { return word.replace(/么/g, "麼").replace(/谁/g, "誰"); }));

/* A character an asking word leaves alone is part of the phrase, not a word to find: 几年来 (these few years) holds
 * 几年, and was read as 来; 在哪里投诉 is 投诉.  A word that leaves nothing longer is kept as typed. */
function withoutAsking(segment) {
  if (!index) return [{ text: segment, kind: false }];
  var asked = segment.replace(index.askingLast, " "), parts = [], from = 0, kind = false, m;
  if (index.asking) {
    index.asking.lastIndex = 0;
    while ((m = index.asking.exec(asked)) !== null) {
      parts.push({ text: asked.slice(from, m.index), kind: kind });
      kind = ASKING_KIND.test(m[0]);
      from = m.index + m[0].length;
    }
  }
  parts.push({ text: asked.slice(from), kind: kind });
  parts = [].concat.apply([], parts.map(function (part) {
    return part.text.split(" ").map(function (text, k) {
      return { text: text, kind: part.kind && k === 0 && text.length <= 2 };
    });
  })).filter(function (part) { return part.text.length > 1 || RUN_CHAR.test(part.text); });
  return parts.length ? parts : [{ text: segment, kind: false }];
}

/* The word a question asks the kind of (城市 of 知识产权法院在哪几个城市, 要求 of 专利代理机构有什么要求) names what the
 * answer is, not what it is about: the answer names the cities (北京、上海和广州), not 城市.  It stays a word of the
 * query, but is not its main word where another is: 城市, the rarer, made 示范城市's indicators the best answers.
 * Only a word of two characters, a noun alone: 部门负责 of 商业秘密保护由哪个部门负责 says what is asked of it too. */
var ASKING_KIND = new RegExp("^(?:有|在)?(?:什么|哪些|哪几?[" + ASKING_MEASURES + "]|几[" + ASKING_MEASURES + "])$");

/* A year typed among words without a space (质押融资2020年目标, 重庆2020年要达到) is a word of its own, as 2020年 typed
 * apart is: together they were one word no clause holds, and 重庆 could not name its document.  Only a year: 专栏2,
 * 任务55 and 第2项 are labels whole; nor a character alone, which the texts write with the year (到2020年, 2020年前).
 * A word beginning with 年 keeps it, the year being the number alone (2016年度报告: 2016 and 年度报告, as typed apart;
 * cut after 年, 度报告 was no word and 106号's 2016年工作要点 the one result): the texts' 年度 and 年均, and 年底, 年初,
 * 年末, 年内, which readers write after a year. */
var YEAR_AMONG =
  /(?<=\p{Script=Han}{2})(?=[0-9]{4}年)|(?<=[0-9]{4})(?=年[度均底初末内]\p{Script=Han})|(?<=[0-9]{4}年)(?![度均底初末内])(?=\p{Script=Han}{2})/u;

function apartAroundYears(segment) {
  return segment.split(YEAR_AMONG);
}

/* The texts write a span of years, or of a count, with a dash (2020—2025年, 3—4个), which normalisation leaves as
 * the "|" between two numbers (2020|2025年); people type 到 or 至 there (2020到2025年, 2020至2025年, 3到4个), and
 * 2020到2025年 found the heading marked at 2020 and 2025年 apart, not the clause under it.  It is read as the dash,
 * with the unit typed after both numbers once, as the texts write it (2020年到2025年, 2020年-2025年: 2020—2025年);
 * not where the texts write the 到 or 至 after such a number or unit (none does).  Read before normalisation, which
 * drops a dash after a unit with no trace (2020年2025年). */
var RANGE = /([0-9]+)(\p{Script=Han})?(?:([到至])|[\p{Pd}~])(?=[0-9]+(\p{Script=Han})?)/gu;
/* Where the dash finds nothing, every way, the query is searched again with its 到 and 至 as typed (answer):
 * no text writes 2016—2020, and 2016到2020 found 86号's 到2020年 goals before the dash was read, nothing after;
 * 66号文第3到5项 (a span of labels, 第3—5项 in no text) its document, then nothing. */
var rangesAsTyped = false;

function rangeAsDash(token) {
  if (rangesAsTyped) return token;
  return token.normalize("NFKC").replace(RANGE, function (all, from, unit, dao, unitAfter) {
    if (unit && unit !== unitAfter) return all;
    return dao && index && index.postings.has(normalize(unit || from.slice(-1)) + dao) ? all : from + "—";
  });
}

function parseQuery(raw) {
  var tokens = String(raw || "")
    .replace(/["“”]/g, " ")
    .split(/\s+/)
    /* an address is no words to find: 复制引用 puts the clause's after its citation */
    .filter(function (t) { return !/^[a-z][a-z0-9+.\-]*:\/\//i.test(t); })
    .map(function (t) {
      return t
        .replace(/^(?:title|text|tags):/i, "")
        .replace(/^[+\-]+/, "")
        .replace(/(?:[*~^]\d*)+$/, "")
        .replace(/^\*+/, "");
    })
    .filter(Boolean);
  var segments = [], words = [], kinds = [];
  for (var t of tokens) {
    var n = withoutWen(normalize(rangeAsDash(t)));
    if (WEN_ALONE.test(n) && segments.length && HAO_END.test(segments[segments.length - 1])) continue;
    if (!n) continue;
    var parts = [].concat.apply([], [].concat.apply([], apartAfterHao(n).map(apartAroundYears)).map(withoutAsking));
    if (parts.length === 1 && parts[0].text === n) { segments.push(n); words.push(t); kinds.push(false); }
    else for (var part of parts) { segments.push(part.text); words.push(part.text); kinds.push(part.kind); }
  }
  /* numbers and latin runs must be present (12330, 2020, 6.3, PCT); each with the index of its word */
  var terms = [], termWords = [];
  segments.forEach(function (seg, i) {
    for (var m of seg.match(/[0-9]+(?:\.[0-9]+)*|[a-z0-9]{2,}/g) || []) { terms.push(m); termWords.push(i); }
  });
  var joined = segments.join("");
  return {
    segments: segments, words: words, kinds: kinds, terms: terms, termWords: termWords, joined: joined, length: joined.length,
    latinOnly: /^[a-z0-9.|]+$/.test(joined),
    /* the number of a 文号 (86号, 〔2016〕86号 → 2016|86号) is in the text: 86号 must not find 106号;
     * other numbers (2020年) may sit in a title or a table header instead of the text */
    docNumbers: joined.match(/[0-9]+(?=号)/g) || []
  };
}

function bigramsOf(segments) {
  var set = new Set();
  for (var seg of segments)
    for (var j = 0; j + 1 < seg.length; j++) set.add(seg.substr(j, 2));
  return [...set];
}

/* Greedy cover of a query segment by the longest substrings (>= 2 chars, or
 * a lone char if the segment has only one) present in `hay`.  A piece holds
 * the query's numbers whole and finds whole numbers (findWhole): the 20 of
 * 2020 is no piece, nor is 2020 found in 2025.
 * Returns chunks [{q: text, at: first position in hay, from: position in seg}]
 * and covered count. */
function cover(seg, hay) {
  var chunks = [], covered = 0, i = 0;
  if (seg.length === 1) {
    var p = findWhole(hay, seg);
    if (p >= 0) { chunks.push({ q: seg, at: p, from: 0 }); covered = 1; }
    return { chunks: chunks, covered: covered };
  }
  while (i < seg.length) {
    var len = 0, at = -1;
    for (var L = 2; i + L <= seg.length; L++) {
      var piece = seg.substr(i, L);
      if (hay.indexOf(piece) < 0) break;       /* nor is any longer piece there */
      if (cutsNumber(seg, i) || cutsNumber(seg, i + L)) continue;
      var pos = findWhole(hay, piece);
      if (pos >= 0) { len = L; at = pos; }
    }
    if (len) { chunks.push({ q: seg.substr(i, len), at: at, from: i }); covered += len; i += len; }
    else i++;
  }
  return withoutHalfWords(seg, chunks);
}

/* A piece does not take half of a word the entry lacks.  Chinese words are mostly two characters,
 * and the greedy cover runs a piece as far as the entry allows: 专利质押 against 专利质量 covers
 * 专利质, whose 质 is the 质 of 质量, and leaves 押 alone; it counted three characters of four where
 * the entry holds one word of two (专利).  A query character left alone (no piece on either side of
 * it, or the segment's end) is half of a word whose other half the piece beside it took from another
 * word: that character of the piece is neither counted nor marked.  Only a piece of three or more
 * gives one up (one character is no piece), and only once per lone character; numbers and latin runs
 * are words whole (cover keeps them so), not pairs of characters.
 * This is a guess at where the query's words part, and a query it leaves finding nothing is searched again
 * without it (halvesKept, searchByPieces): 中小学生 知识产权课 gave 学 to 学生 and 权 to 权课, and was found in no
 * clause, though 86号's 全国中小学知识产权教育 holds 中小学 and 知识产权 whole. */
var RUN_CHAR = /[0-9a-z.|]/;
var halvesKept = false;

function withoutHalfWords(seg, chunks) {
  var taken = new Uint8Array(seg.length);
  for (var c of chunks) taken.fill(1, c.from, c.from + c.q.length);
  function lone(at) {
    return at >= 0 && at < seg.length && !taken[at] && !RUN_CHAR.test(seg.charAt(at)) &&
      (at === 0 || taken[at - 1]) && (at === seg.length - 1 || taken[at + 1]);
  }
  var covered = 0;
  for (var ch of chunks) {
    var end = ch.from + ch.q.length;
    if (!halvesKept && ch.q.length >= 3 && lone(end) && !RUN_CHAR.test(seg.charAt(end - 1))) {
      ch.q = ch.q.slice(0, -1);
      taken[end - 1] = 0;
    }
    if (!halvesKept && ch.q.length >= 3 && lone(ch.from - 1) && !RUN_CHAR.test(seg.charAt(ch.from))) {
      taken[ch.from] = 0;
      ch.q = ch.q.slice(1); ch.from++; ch.at++;
    }
    covered += ch.q.length;
  }
  return { chunks: chunks, covered: covered };
}

/* Whether a piece of the query that a number of the query abuts (the 专栏 of 专栏2, the 年 of
 * 2020年) abuts another number in `hay` on that side (专栏3): the entry is about another numbered
 * thing, not one that merely lacks the number (the page of 每万人口发明专利拥有量 for 2020年每万…). */
function numberedOtherwise(seg, chunk, hay) {
  var before = chunk.from, after = chunk.from + chunk.q.length, end = chunk.at + chunk.q.length;
  return (before > 0 && DIGIT.test(seg.charAt(before - 1)) && NUMBER_CHAR.test(hay.charAt(chunk.at - 1))) ||
    (DIGIT.test(seg.charAt(after)) && NUMBER_CHAR.test(hay.charAt(end)));
}

/* ------------------------------------------------------------------------
 * Scoring
 * ---------------------------------------------------------------------- */

/* A word of a query of several words that the entry's document is named by (重庆 of 重庆市人民政府关于…,
 * 渝府发〔2016〕25号) is held by each clause of that document, whose sentences do not repeat it: 重庆
 * 知识产权质押 is answered by 渝府发's 完善知识产权质押融资…, which never says 重庆.  Only where the clause
 * holds the query's other words on its own (the floor, MIN_COVER, met by them alone): the document's name
 * is not a clause's text, and 重庆 知识产权 (both in the name) finds what holds them in its text. */
function namedByDocument(e, q, wholes, covers) {
  var page = q.segments.length > 1 && e.group >= 0 ? index.pages[e.group] : null;
  var names = [];
  /* Likewise a word of a table's head (2020年 of 指标|2015年|2020年|…) is held by each of its rows, which
   * name the years of their columns only there: 2020年 PCT 6万件 finds the PCT row. */
  if (e.header && q.segments.length > 1) names.push(e.header);
  /* And a word of the heading a clause stands under (its title: 主要目标 of 一、（三） 主要目标) is held by the
   * clause, which does not repeat it: 59号 引领型 主要目标 finds ——建成3—4个引领型知识产权强省 under （三）主要目标,
   * where before it found the heading and the clauses naming 引领型 elsewhere.  Only under a heading standing
   * alone: a sentence of a clause whose text holds it (66号's tasks, titled by their first words) is found
   * with that clause, which holds every word itself (学科 创新: task 103, not its sentence on 创新 alone). */
  var parent = e.parent >= 0 ? index.entries[e.parent] : null;
  if (page && e.normTitle && parent && parent.norm.indexOf(e.norm) < 0) names.push(e.normTitle);
  /* So does a word of the nearest heading above it, a section's or subsection's standing alone, where the clause is
   * an item under it or a sentence of one, whose title is the item's own: 助推特色产业做大做强 (59号 二、（三）4) is under
   * （三）特色型知识产权强省建设试点省主要任务, and 强省方案 特色型 农业 found the clauses naming 特色型, not its 提升农业
   * 产品知识产权附加值 (at best seventh). */
  for (var up = parent; page && up; up = up.parent >= 0 ? index.entries[up.parent] : null)
    if (HEADING_KINDS[up.kind]) {
      var first = index.firstChild.get(up.id);
      if (first !== undefined && up.norm.indexOf(index.entries[first].norm) < 0) names.push(up.norm);
      break;
    }
  if (!page && !names.length) return null;
  var others = names.join("|");
  return heldBy(function (seg) {
    return (page && saidBy(page, page.name, seg)) || (others !== "" && findWhole(others, seg) >= 0);
  }, q, wholes, covers);
}

/* Which words of `q` (not whole in the entry) the names hold (`holds`), where the entry holds the others on
 * its own; null when there are none, or it does not. */
function heldBy(holds, q, wholes, covers) {
  var byName = q.segments.map(function (seg, i) { return !wholes[i] && holds(seg); });
  if (byName.indexOf(true) < 0) return null;
  var own = 0, ownLength = 0, ownRarity = 0, ownFound = 0;
  q.segments.forEach(function (seg, i) {
    if (byName[i]) return;
    var c = covers[i];
    own += c.covered; ownLength += seg.length; ownRarity += sumOf(q.weights[i]);
    ownFound += c.chunks.reduce(function (n, ch) { return n + weightOf(q, i, ch.from, ch.q.length); }, 0);
  });
  var f = ownLength ? own / ownLength : 0, share = ownRarity ? ownFound / ownRarity : 0;
  return f < MIN_COVER || (f + share) / 2 < MIN_COVER ? null : byName;
}

/* The length of the shortest stretch of `hay` holding every piece, each where it stands nearest the
 * others (a piece's first place, `at`, may be far from them: 质押融资 in 加大知识产权质押融资担保力度，
 * 完善知识产权质押融资市场化风险补偿机制). */
function nearestSpan(hay, pieces) {
  var places = pieces.map(function (pc) {
    var out = [];
    for (var p = findWhole(hay, pc.q); p >= 0 && out.length < 64; p = findWhole(hay, pc.q, p + 1)) out.push(p);
    return out.length ? out : [pc.at];
  });
  var best = Infinity;
  for (var starts of places)
    for (var from of starts) {            /* the stretch from here: each piece at its first place after */
      var end = from;
      for (var k = 0; k < pieces.length && end < Infinity; k++) {
        var next = places[k].find(function (p) { return p >= from; });
        end = next === undefined ? Infinity : Math.max(end, next + pieces[k].q.length);
      }
      best = Math.min(best, end - from);
    }
  return best;
}

function scoreEntry(e, q) {
  var hay = e.norm;
  var exact = q.joined.length > 0 && findWhole(hay, q.joined) >= 0;
  var covered = 0, chunks = [], segExact = 0, renumbered = false, main = false;
  /* each word whole in the text, and its cover, worked out once: namedByDocument reads them too */
  var wholes = q.segments.map(function (seg) { return findWhole(hay, seg) >= 0; });
  var covers = q.segments.map(function (seg, i) {
    var c = cover(seg, hay);
    for (var piece of c.chunks) piece.seg = i;
    return c;
  });
  var byName = exact ? null : namedByDocument(e, q, wholes, covers);
  q.segments.forEach(function (seg, i) {
    var whole = wholes[i];
    if (byName && byName[i]) {         /* held by the document: whole, at no place in the text */
      covered += seg.length;
      chunks.push({ q: seg, at: -1, from: 0, seg: i, byName: true });
      whole = true;
    } else {
      var c = covers[i];
      covered += c.covered;
      chunks.push.apply(chunks, c.chunks);
      if (!renumbered) renumbered = c.chunks.some(function (ch) { return numberedOtherwise(seg, ch, hay); });
    }
    if (whole) segExact++;
    if (whole && i === q.main) main = true;
  });
  /* Of a query of several words, a hit whose own text lacks none of them (none Material would mark 缺少,
   * termsFor) ranks with one holding the main word whole, and one doing both above either: of 贸促会 海外维权,
   * the sentences holding 海外维权 and no 贸促会 came before 66号's task 86 (…维权援助机构名录…贸促会), which
   * holds every word, its 海外 and 维权 apart.  A word the document's name holds is not the clause's text:
   * of 重庆 知识产权质押, what holds 知识产权质押 whole stays above 25号's clauses holding 知识产权 and 质押 apart. */
  var lacksNone = q.segments.length > 1 && q.segments.every(function (seg, i) {
    return wholes[i] || covers[i].covered >= 0.75 * seg.length;
  });
  /* A query that is a page's name means that page.  An entry not holding it verbatim is about the
   * page only where what it shares with the query is part of another of the page's names that it
   * holds: 最高法's 高法 in 高法院 (66号's name for the court), not 国知局's 国知 in 全国知识产权 (the
   * end of 全国 and the start of 知识) nor 最高法's 最高 in 最高人民检察院. */
  if (q.otherNames && !exact) {
    var held = q.otherNames.filter(function (name) { return hay.indexOf(name) >= 0; });
    chunks = chunks.filter(function (ch) { return held.some(function (name) { return name.indexOf(ch.q) >= 0; }); });
    covered = chunks.reduce(function (n, ch) { return n + ch.q.length; }, 0);
  }
  /* What is found counts by its characters (f) and by the rarity of their words (share, weightsOf): of
   * 专利质押, 质押 is the telling half, 专利 a word of every sixth entry; of 海外展会, 展会 is.  Half the
   * characters must be found, and half the query counting both alike, so a common half is not enough
   * (专利 of 专利质押, 海外 of 海外展会) where the rare one is (质押: 66号's task 102 on 知识产权质押融资;
   * 展会: task 17 on 国际展会).  Ranked by share. */
  var f = q.length ? covered / q.length : 0;
  var share = exact || !q.rarity ? f :
    chunks.reduce(function (n, ch) { return n + weightOf(q, ch.seg, ch.from, ch.q.length); }, 0) / q.rarity;
  if (!exact && (f < MIN_COVER || (f + share) / 2 < MIN_COVER) && !answersKind(q, chunks)) return null;

  var score = (exact ? 10 : 0) + 6 * share * share + 2 * (segExact / q.segments.length);

  /* Proximity of the pieces when the query is not found verbatim.  One piece is as near as pieces
   * get: it counted nothing, so two pieces side by side outranked one piece as long as both
   * (专栏2 知识产权保护工程 above 专栏5's own 提升知识产权评议能力 for 知识产权评议工程; 强省建设第三阶段
   * found 59号's （三）第三阶段 sixth, after five sentences holding 强省建设 and a 阶段 apart). */
  var placed = chunks.filter(function (pc) { return !pc.byName; }), together = false;
  if (!exact && placed.length > 0) {
    var lo = Infinity, hi = -Infinity, near = 0;
    for (var ch of placed) { lo = Math.min(lo, ch.at); hi = Math.max(hi, ch.at + ch.q.length); near += ch.q.length; }
    score += 2 * Math.min(1, (1.5 * near) / Math.max(1, hi - lo));
    /* Every word of the query, together (as near as earns the whole bonus, where they stand nearest),
     * is the query in other words: it ranks with the hits holding the main word whole (search). */
    together = f >= 1 && 1.5 * near >= nearestSpan(hay, placed);
  }
  /* A query found only in the agencies a task names (asideFrom), naming none of them whole, is about something
   * else: 农业 of 农业部, 海关 of 海关总署, 侵权假冒 of 全国打击侵权假冒工作领导小组办公室 (session 43's search review:
   * 农业's first fifteen were tasks 农业部 shares, and the two clauses on 农业 were not among them).  Such a hit
   * ranks a step lower (`main`), not below all, as this rule's first form
   * put it (a review: 海关牵头的任务 then found a sentence with no 海关 before the tasks 海关总署 shares, 牵头 in their
   * notes, and KTV唱歌的版权费给谁了 lost task 7, 版权局's).  At the lowest rank it stays level with the clauses there
   * (农业技术 finds 农业部's tasks before 59号's 提升农业产品知识产权附加值, a second review found): lowering it further,
   * by rank or by half its score, lost those two again.  A query naming an agency (知识产权局牵头, 农业部) finds its
   * tasks as before. */
  var aside = false;
  if (e.asideFrom >= 0 && !namesAgency(q)) {
    if (exact) aside = findWhole(hay, q.joined) >= e.asideFrom;
    else aside = placed.length > 0 && placed.every(function (pc) { return pc.at >= e.asideFrom; });
  }
  /* numbers and latin terms (12330, PCT) are required when they are the whole query or
   * the number of a 文号, and weigh heavily otherwise; a word the clause's document is named by holds
   * its number (86号 专利导航: the clauses of 国发〔2016〕86号 on 专利导航, which do not say 86号) */
  var lacks = 0;
  if (renumbered) score *= 0.4;
  for (var k = 0; k < q.terms.length; k++) {
    var t = q.terms[k];
    if (byName && byName[q.termWords[k]]) continue;
    if (findWhole(hay, t) >= 0 || findWhole(e.normTitle, t) >= 0 || findWhole(e.header, t) >= 0) continue;  /* 专栏9: the 9 is in the title */
    if (q.latinOnly || q.docNumbers.indexOf(t) >= 0) return null;
    score *= 0.4;
    lacks++;
  }
  /* heading / label hit */
  if (q.joined.length > 1 && findWhole(e.normTitle, q.joined) >= 0) score += 2;
  /* short clauses (sentences) beat whole sections */
  score += 1.5 * 30 / (30 + hay.length);
  if (e.kind === "document" || e.kind === "page") score += 0.5;
  /* a page known by names: first when the query is one of them (国家知识产权局), not when it is only
   * part of one (国务院 in 国务院法制办公室, where the documents of the 国务院 come first) */
  if (e.names) {
    if (e.names.indexOf(q.joined) >= 0) score += 3;
    else if (e.names.some(function (name) { return name.indexOf(q.joined) >= 0; })) score -= 3;
  }

  var rank = (exact || main || together ? 1 : 0) + (exact || lacksNone ? 1 : 0);
  return { entry: e, score: score, exact: exact, f: f, chunks: chunks, lacks: lacks, renumbered: renumbered, main: aside ? Math.max(0, rank - 1) : rank };
}

/* Whether the query holds a name an agency's page is known by (知识产权局, 农业部, 高法院, 国知局, 工商 — and so
 * 工商业 too): worked out once a reading. */
function namesAgency(q) {
  if (q.namesAgency === undefined)
    q.namesAgency = index.agencyNames.some(function (name) { return name.length >= 2 && q.joined.indexOf(name) >= 0; });
  return q.namesAgency;
}

/* Whether what `chunks` find of the words other than the one a question asks the kind of (类型 of 强省有哪几种类型)
 * meets the floor by itself: the answer names the kinds (引领型、支撑型和特色型知识产权强省), not the word 类型, and
 * 类型, the rarer word, kept every clause on 强省 below the floor (106号's 多种类型的改革探索 came first). */
function answersKind(q, chunks) {
  if (!q.kinds || q.kinds.length !== q.segments.length || q.kinds.indexOf(true) < 0 || q.kinds.indexOf(false) < 0)
    return false;
  var length = 0, rarity = 0, found = 0, weight = 0;
  q.segments.forEach(function (seg, i) { if (!q.kinds[i]) { length += seg.length; rarity += sumOf(q.weights[i]); } });
  for (var ch of chunks) if (!q.kinds[ch.seg]) { found += ch.q.length; weight += weightOf(q, ch.seg, ch.from, ch.q.length); }
  var f = length ? found / length : 0, share = rarity ? weight / rarity : 0;
  return f >= MIN_COVER && (f + share) / 2 >= MIN_COVER;
}

/* ------------------------------------------------------------------------
 * Labels: how the site labels and cites a clause or task (任务55, 第55项,
 * 第四部分第（六）条第2项, 专栏2), given alone or after its document's
 * citation as 复制引用 writes it (《重点任务分工方案》（国办函〔2016〕66号）第55项,
 * 国办函〔2016〕66号 任务55).  The index also lists a task's or item's number in
 * Chinese numerals (任务五十五, 第五十五项), so those are labels like any other
 * and match whole as well.  Entry id -> {rank, label}: 3 a whole label,
 * 2 a whole label after its document, 1 the last steps of one (第2项 for
 * 第四部分第（六）条第2项, where 66号's 第2项 is whole), alone or after its
 * document (25号 第三条: 25号's 第二部分第（三）条 and 第三部分第（三）条, no
 * other document's).  A task's bare number (17) is a label only after its
 * document (66号 17), and not after one ending in a digit: 国办函〔2016〕66 is
 * the document's 文号 typed without its 号, not task 66 of 国办函〔2016〕.
 * ---------------------------------------------------------------------- */

var NUMBER_END = /[0-9|.]$/;

/* 条 is said for a numbered item as much as 项 (66号第47条 for its task 47): a 第N条 ending the query that labels
 * nothing is read as 第N项.  One that labels a clause (25号 第三条: its 第（三）条) stays as it is. */
var TIAO_END = /(第(?:[0-9]+|[零一二三四五六七八九十百]+))条$/;
/* A 条 in Arabic digits is first the 条 of that number: the texts number theirs in Chinese numerals (（六）), the
 * index holds 第六条 only, and 86号第6条 was read as 86号's items 6 where 86号第六条 finds its 四、（六）. */
var TIAO_ARABIC = /第([1-9][0-9]{0,2})条$/;

/* A subsection cited as officials also write it, its part and its number without the 第…条 of the citation the build
 * writes (第二部分第（五）条): 第二部分（五）, 第二部分第五项.  Read as that citation where it labels nothing as typed:
 * 渝府发〔2016〕25号 第二部分（五） found 25号's page alone, 25号 第二部分第（五）项 its 二、 and （一）. */
var PART_THEN_SUB = /第([零一二三四五六七八九十]+)部分第?([零一二三四五六七八九十]+)[条项]?$/;

function labelled(q) {
  var found = labelledAs(q.joined);
  var part = found.size ? null : PART_THEN_SUB.exec(q.joined);
  if (part) {
    found = labelledAs(q.joined.slice(0, part.index) + "第" + part[1] + "部分第" + part[2] + "条");
    if (found.size) return found;
  }
  if (found.size || !TIAO_END.test(q.joined)) return found;
  var arabic = TIAO_ARABIC.exec(q.joined);
  if (arabic) found = labelledAs(q.joined.replace(TIAO_ARABIC, "第" + chineseNumber(+arabic[1]) + "条"));
  return found.size ? found : labelledAs(q.joined.replace(TIAO_END, "$1项"));
}

/* 1–999 in Chinese numerals, as the build writes them (numerals.int_to_cn): 6 六, 16 十六, 105 一百零五, 110 一百一十. */
function chineseNumber(n) {
  var digit = "零一二三四五六七八九", hundreds = Math.floor(n / 100), tens = Math.floor(n / 10) % 10, units = n % 10;
  var words = hundreds ? digit.charAt(hundreds) + "百" : "";
  if (tens) words += (tens === 1 && !hundreds ? "" : digit.charAt(tens)) + "十";
  else if (hundreds && units) words += "零";
  return units ? words + digit.charAt(units) : words;
}

function labelledAs(joined) {
  var found = new Map();
  for (var j = 0; j < joined.length; j++) {
    var head = joined.slice(0, j), byTail = index.labels.get(joined.slice(j));
    if (!byTail) continue;
    for (var at of byTail) {
      var e = at.entry, page = e.group >= 0 ? index.pages[e.group] : null;
      var rank = !head ? (at.bare ? 0 : at.whole ? 3 : 1) : !page || !citedAs(page, head) ? 0 :
        at.bare && NUMBER_END.test(head) ? 0 : at.whole ? 2 : 1;
      var prev = found.get(e.id);
      if (rank && (!prev || rank > prev.rank)) found.set(e.id, { rank: rank, label: joined.slice(j) });
    }
  }
  return found;
}

/* Whether `head`, typed before a label, names `page` by its citation (a part of it: 66号, 国办函〔2016〕66号,
 * 分工方案), or by a part of it and the page's kind (十三五规划). */
function citedAs(page, head) {
  return page.cite.indexOf(head) >= 0 || saidBy(page, page.cite, head);
}

/* A labelled entry is found by its label, above any text that only mentions it. */
function labelHit(e, match) {
  var score = 16 + 4 * match.rank + 1.5 * 30 / (30 + e.norm.length) + (e.kind === "page" ? 0.5 : 0);
  return { entry: e, score: score, exact: true, f: 1, chunks: [], lacks: 0, renumbered: false, main: 2, label: match.label };
}

function candidates(q) {
  var entries = index.entries;
  var bigrams = bigramsOf(q.segments);
  if (!bigrams.length) {                       /* one-character query */
    return entries.filter(function (e) { return findWhole(e.norm, q.joined) >= 0; });
  }
  var counts = new Uint16Array(entries.length);
  for (var bg of bigrams) {
    var list = index.postings.get(bg);
    if (list) for (var id of list) counts[id]++;
  }
  /* An entry covering the least the floor allows (MIN_COVER of the query's characters, in pieces of
   * two) holds one pair per piece: so many pairs are needed, no more.  Asking for more let a pair
   * across two words count as much as a word: 专利质押's 专利 and 利质 put 专利质量 in, while a clause
   * holding 质押 alone, half the query, was never scored. */
  var need = Math.max(1, Math.ceil(Math.ceil(MIN_COVER * q.length) / 2));
  /* A word of a query of several words that a document's name holds (重庆 of 重庆市人民政府关于…) is held by
   * each of its clauses (namedByDocument), and its pairs count for them as if in their text: 督查落实 重庆
   * never scored 25号's 市政府督查室牵头…专项督查, whose text has one pair (督查) of the two asked.  Not where
   * the name holds every word (国办函2016 66, 重庆 知识产权): then the query names the document, and its clauses
   * are found by their own text, as namedByDocument has them.  Its 文号 (106号 of 106号 试点) counts all the same: it
   * says which document, not what about it, and 106号文试点多长时间 found no clause of 106号, whose name holds 试点 too
   * (知识产权综合管理改革试点总体方案), but 66号's task 106, its text lacking 试点. */
  var byName = index.pages.map(function (page) {
    var n = 0, numbered = 0, all = true;
    for (var seg of q.segments) {
      if (!saidBy(page, page.name, seg)) { all = false; continue; }
      if (HAO_END.test(seg)) numbered += Math.max(0, seg.length - 1); else n += Math.max(0, seg.length - 1);
    }
    return q.segments.length > 1 ? numbered + (all ? 0 : n) : 0;
  });
  var out = [];
  for (var id2 = 0; id2 < counts.length; id2++) {
    var group = entries[id2].group;
    if (counts[id2] + (group >= 0 && group < byName.length ? byName[group] : 0) >= need) out.push(entries[id2]);
  }
  return out;
}

/* ------------------------------------------------------------------------
 * Highlighting: escape first, then wrap matched ranges in <mark>.
 * ---------------------------------------------------------------------- */

/* A bracket the match opened is closed inside the mark: the label 四（六） normalises to 四六, whose
 * last character is 六, so the mark stopped at 四、（六 and left its ）outside. */
var PAIRS = { "（": "）", "(": ")", "〔": "〕", "《": "》", "“": "”" };

function closed(text, start, end) {
  var open = [];
  for (var ch of text.slice(start, end)) {
    if (PAIRS[ch]) open.push(PAIRS[ch]);
    else if (open.length && ch === open[open.length - 1]) open.pop();
  }
  while (open.length && text.charAt(end) === open[open.length - 1]) { end++; open.pop(); }
  return end;
}

function markRanges(text, needles) {
  var m = normalizeWithMap(text, true), ranges = [];
  for (var n of needles) {
    if (!n) continue;
    var from = 0, hits = 0, pos;
    while ((pos = findWhole(m.s, n, from)) >= 0 && hits < 20) {
      ranges.push([m.start[pos], closed(text, m.start[pos], m.end[pos + n.length - 1])]);
      from = pos + n.length; hits++;
    }
  }
  ranges.sort(function (a, b) { return a[0] - b[0] || b[1] - a[1]; });
  var merged = [];
  for (var r of ranges) {
    var last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

function highlight(text, needles, limit) {
  return marked(text, markRanges(text, needles), limit);
}

/* `text` escaped, its `ranges` (markRanges) marked; cut to `limit` characters around the first when longer. */
function marked(text, ranges, limit) {
  var from = 0, to = text.length;
  if (limit && text.length > limit) {
    var first = ranges.length ? ranges[0][0] : 0;
    from = Math.max(0, Math.min(first - Math.floor(limit / 4), text.length - limit));
    to = Math.min(text.length, from + limit);
  }
  var html = from > 0 ? "…" : "", at = from;
  for (var r of ranges) {
    var a = Math.max(r[0], from), b = Math.min(r[1], to);
    if (b <= a) continue;
    html += escapeHTML(text.slice(at, a)) + "<mark>" + escapeHTML(text.slice(a, b)) + "</mark>";
    at = b;
  }
  html += escapeHTML(text.slice(at, to)) + (to < text.length ? "…" : "");
  return html;
}

/* ------------------------------------------------------------------------
 * Everyday forms (source_texts/search_terms.yaml, the index's "a").  The public types 电商 where the
 * texts say 电子商务, 知产 for 知识产权, 双创 for 大众创业、万众创新 or 创新创业, 两法衔接 for
 * 行政执法与刑事司法衔接.  No text holds a form (the build refuses one a text uses), so a query holding
 * one found nothing, or only what shares the words typed beside it.  It is read with each of the form's
 * wordings in its place (电商侵权: 电子商务侵权), and finds what those readings find; each result is
 * marked where it holds the texts' wording.  A form is looked for in each word of the query, the
 * longest first at each place, also inside a longer word (跨境电商); a query holding several forms, or
 * a form of several wordings, is read in each combination, the first MAX_READINGS of them.
 * ---------------------------------------------------------------------- */

var MIN_FORM = 2, MAX_READINGS = 8;

/* A count is read in both numerals: the texts write 试点期限为1年 and 3—4个 in Arabic digits, 三个阶段 and 两个月内 in
 * Chinese ones, and people type either (综合管理改革试点 期限 一年 found 试点期限为1年 in no first five; 分3个阶段 would not
 * find 分三个阶段).  A number of 1–99 before a measure word is read as typed and in the other numerals, as a form is
 * with its wordings, the reading as typed first (统一年度 is 统一 and 年度 still); not an Arabic one inside a longer number
 * (2020年). */
var COUNT_UNITS = "年个项次家批月倍种类名件所天周";
var CN_COUNT = new RegExp("^([一二两三四五六七八九十]{1,3})[" + COUNT_UNITS + "]");
var ARABIC_COUNT = new RegExp("^([1-9][0-9]?)[" + COUNT_UNITS + "]");

function cnToInt(text) {
  var digit = "零一二三四五六七八九", t = text.replace(/两/g, "二"), at = t.indexOf("十");
  if (at < 0) return t.length === 1 ? digit.indexOf(t) : -1;
  var tens = at === 0 ? 1 : at === 1 ? digit.indexOf(t.charAt(0)) : -1, rest = t.slice(at + 1);
  var units = rest === "" ? 0 : rest.length === 1 ? digit.indexOf(rest) : -1;
  return tens > 0 && units >= 0 && t.indexOf("十", at + 1) < 0 ? 10 * tens + units : -1;
}

/* The count at `seg`'s position `i` in the other numerals ({length, other}), or null. */
function countAt(seg, i) {
  var rest = seg.slice(i), m = CN_COUNT.exec(rest);
  if (m) {
    var n = cnToInt(m[1]);
    if (n > 0) return { length: m[1].length, other: String(n) };
  }
  m = ARABIC_COUNT.exec(rest);
  if (m && !(i > 0 && RUN_CHAR.test(seg.charAt(i - 1)))) return { length: m[1].length, other: chineseNumber(+m[1]) };
  return null;
}

/* Whether forms are read (readingsOf, heldStretches): not while the query is searched as typed besides (withTyped). */
var formsRead = true;

/* The parsed readings of `q`: `q` alone when it holds no form, and `q` last when a form in it may be no form
 * but the end of one word and the start of the next, the texts holding a word across its edge (学科创新:
 * 学科 and 创新, not 学科技创新; 各地标准: 各地 and 标准, not 各地理标志准). */
function readingsOf(q) {
  if (!formsRead) return [q];
  /* the texts' wordings of an everyday form, or of a page's name not alone: nor inside a name typed alone
   * (国家发改委, a name of the page, holds 发改委, another one: alone it means the page, not 国家发展改革委) */
  var alone = index.named.has(q.joined);
  function formAt(text) {
    return index.forms.get(text) || (!alone && index.nameForms.get(text)) || null;
  }
  var held = false, across = false;
  function crossed(seg, at, form) {
    return (at > 0 && index.postings.has(seg.charAt(at - 1) + form.charAt(0))) ||
      (at + form.length < seg.length && index.postings.has(form.slice(-1) + seg.charAt(at + form.length)));
  }
  function each(lists) {         /* every combination of one item of each list, the first MAX_READINGS */
    var out = [[]];
    for (var list of lists) {
      var next = [];
      for (var head of out)
        for (var item of list) if (next.length < MAX_READINGS) next.push(head.concat([item]));
      out = next;
    }
    return out;
  }
  var words = q.segments.map(function (seg) {
    var parts = [];
    for (var i = 0; i < seg.length;) {
      var count = countAt(seg, i);
      if (count) {
        held = true;
        parts.push([seg.substr(i, count.length), count.other]);
        i += count.length;
        continue;
      }
      var form = "";
      /* not a latin form inside a latin word: the ip of iphone is no IP (知识产权) */
      for (var L = Math.min(index.longestForm, seg.length - i); L >= MIN_FORM && !form; L--)
        if (formAt(seg.substr(i, L)) && !cutsWord(seg, i) && !cutsWord(seg, i + L)) form = seg.substr(i, L);
      if (form) {
        held = true;
        across = across || crossed(seg, i, form);
        /* a form read inside a longer word as other words (识别人脸: 识他人脸; not 中小企业, its not_in, read as typed) */
        q.formInside = q.formInside || (form.length < seg.length && formAt(form).join() !== form);
        parts.push(formAt(form));
        i += form.length;
      }
      else { parts.push([seg.charAt(i)]); i++; }
    }
    return each(parts).map(function (chars) { return chars.join(""); });
  });
  if (!held) return [q];
  var readings = each(words).map(function (reading) {
    var read = parseQuery(reading.join(" "));
    /* the words typed, for a result to say it lacks (termsFor): 跨境电商, not the 跨境电子商务 nobody typed */
    if (read.segments.length === q.segments.length) { read.typed = q.words; read.kinds = q.kinds; }
    return read;
  });
  return across ? readings.concat([q]) : readings;
}

/* ------------------------------------------------------------------------
 * Search
 * ---------------------------------------------------------------------- */

/* The hits of a parsed query (its best reading, readingsOf), each knowing its query (`q`), unsorted. */
function hitsOf(q) {
  q.weights = q.segments.map(weightsOf);
  q.rarity = sumOf(q.weights.map(sumOf));
  /* Of several words, the one that tells most (the greatest summed weight, weightsOf: the longer, the
   * rarer) is the query's main word.  What holds it whole ranks above what lacks it: of 重庆 知识产权质押,
   * a clause on 知识产权质押 before 探索重庆市知识产权统一管理模式, which holds 重庆 and only the common
   * 知识产权.  So does what holds every word of the query together (scoreEntry): of 质押融资风险补偿 市场化,
   * 完善知识产权质押融资市场化风险补偿机制, whose 市场化 stands inside the main word, was ninth, after
   * seven results lacking 市场化. */
  q.main = -1;
  if (q.segments.length > 1) {
    var most = -1;
    var asked = q.kinds && q.kinds.length === q.segments.length && q.kinds.indexOf(false) >= 0 ? q.kinds : null;
    q.weights.forEach(function (w, i) { var r = sumOf(w); if (r > most && !(asked && asked[i])) { most = r; q.main = i; } });
  }
  q.otherNames = index.named.has(q.joined) ?
    index.named.get(q.joined).filter(function (name) { return name !== q.joined; }) : null;
  var hits = [], byLabel = labelled(q);
  for (var e of candidates(q)) {
    if (byLabel.has(e.id)) continue;
    var h = scoreEntry(e, q);
    if (h) hits.push(h);
  }
  byLabel.forEach(function (match, id) { hits.push(labelHit(index.entries[id], match)); });
  /* An entry with another number where the query has one (专栏3 for 专栏2) is shown only when no
   * entry has all the query's numbers: it is neither listed nor counted beside the ones that do. */
  if (hits.some(function (h) { return !h.lacks && !h.renumbered; }))
    hits = hits.filter(function (h) { return !h.renumbered; });
  for (var hit of hits) hit.q = q;
  return hits;
}

var HEADING_KINDS = { section: true, subsection: true };
var NOTE = /^（[^（）]*(?:负责|牵头)[^（）]*）$/;

function isNote(e, entries) {
  entries = entries || index.entries;
  return e.kind === "sentence" && e.parent >= 0 && entries[e.parent].kind === "item" && NOTE.test(e.text);
}

function search(raw) {
  var q = parseQuery(raw);
  if (!q.joined || !index) return { items: [] };

  /* Each entry once, by its best hit of the query's readings (readingsOf: the query itself, or it read
   * with the texts' wording for an everyday form).  Of hits alike in holding the query's main word, those
   * of an earlier reading come first: a form's first wording is what it stands for (双创: 大众创业、万众创新
   * before the 创新创业 it is also said for, which 16 short sentences held before the 4 holding the first).
   * The query as typed, read too where a form may be two words' edges (readingsOf), ranks with the first
   * wording, by score: after it, 提高工作质量 (高工 of 提高 and 工作) put 培养专利高级工程师 first. */
  function better(a, b) { return (b.main - a.main) || a.reading - b.reading || b.score - a.score; }
  var best = new Map();
  readingsOf(q).forEach(function (reading, order) {
    for (var found of hitsOf(reading)) {
      found.reading = reading === q ? 0 : order;
      var prev = best.get(found.entry.id);
      if (!prev || better(found, prev) < 0) best.set(found.entry.id, found);
    }
  });
  /* A task's responsibility note, the sentence closing a 66号 task ((保监会、知识产权局负责)), says whose the task
   * is, not which: found alone it was shown alone (保监会负责的任务 answered only by it).  It is shown as its task,
   * whose text holds it, where it ranked; the task found as well keeps the better of the two. */
  for (var noted of [...best.values()]) {
    if (!isNote(noted.entry)) continue;
    best.delete(noted.entry.id);
    var task = index.entries[noted.entry.parent], had = best.get(task.id);
    var asTask = Object.assign({}, noted, { entry: task });
    if (!had || better(asTask, had) < 0) best.set(task.id, asTask);
  }
  var hits = [...best.values()];
  hits.sort(function (a, b) { return better(a, b) || a.entry.id - b.entry.id; });
  var formInside = Boolean(q.formInside);

  /* A parent clause is dropped when one of its sentences, already listed,
   * covers the query as well; a sentence is dropped when its (already
   * listed) parent is hardly longer than it, its agencies aside (a 66号 task's
   * first sentence is the task less its responsibility note: session 43's search
   * review found 66号 30 listed as task 30's page, its clause and that sentence). */
  var chosen = [], shown = new Map(), bestChild = new Map();
  for (var hit of hits) {
    var en = hit.entry;
    var child = bestChild.get(en.id);
    if (child && child.f >= hit.f - 1e-9 && (child.exact || !hit.exact)) continue;
    var up = en.parent >= 0 ? index.entries[en.parent] : null;
    if (up && shown.has(up.id) && en.norm.length >= 0.8 * (up.asideFrom >= 0 ? up.asideFrom : up.norm.length)) continue;
    chosen.push(hit);
    shown.set(en.id, hit);
    if (up) {
      var prev = bestChild.get(up.id);
      if (!prev || hit.f > prev.f || (hit.exact && !prev.exact)) bestChild.set(up.id, hit);
    }
  }

  /* The one heading standing alone (三、主要任务; （二）加强资金保障。) found for all the query asks (by its label,
   * 86号 第三部分, or its words, 25号 加强资金保障) is followed by the clause it heads: its text is the heading only,
   * and what the reader looks for is under it (86号 第三部分 found 三、主要任务 and the document, nothing more).
   * Not a heading whose text holds its clauses' (86号's （一）深化知识产权领域改革。积极研究…), nor one of several
   * found alike (25号 第三条: its 第二部分 and 第三部分's （三）, side by side), nor a 专栏 (its page follows it). */
  var alone = chosen.filter(function (c) {
    var first = index.firstChild.get(c.entry.id);
    return c.f >= 1 && HEADING_KINDS[c.entry.kind] && first !== undefined &&
      c.entry.norm.indexOf(index.entries[first].norm) < 0;
  });
  var heading = alone.length === 1 ? alone[0] : null, under = heading ? index.firstChild.get(heading.entry.id) : -1;
  if (heading && !chosen.some(function (c) { return c.entry.id === under; }))
    chosen.splice(chosen.indexOf(heading) + 1, 0,
      Object.assign({}, heading, { entry: index.entries[under], exact: false, chunks: [], label: null, headed: true }));

  /* Terms shown by Material as "missing" (<del>) and used for ?h= links: the words of the reading found, which
   * the page opened marks (电子商务 for 电商), and the words typed that it lacks: of a form read inside a longer word
   * (跨境电商, 最高检察院) the reading's word is the wording spliced into the rest (跨境电子商务, 高检院察院), a word
   * nobody typed, which results said they lacked. */
  function termsFor(hit) {
    var q = hit.q, terms = {};
    if (hit.label || hit.headed) { q.words.forEach(function (word) { terms[word] = true; }); return terms; }
    q.segments.forEach(function (seg, i) {
      var whole = findWhole(hit.entry.norm, seg) >= 0, pieces = whole ? [] : cover(seg, hit.entry.norm);
      var present = whole || pieces.covered >= 0.75 * seg.length ||
        hit.chunks.some(function (ch) { return ch.byName && ch.q === seg; });  /* the document's name holds it */
      /* found in pieces (专利质押: 专利…质押): the pieces, which the page holds and marks, not the whole it lacks */
      if (present && !whole && pieces.chunks && pieces.covered >= 0.75 * seg.length && q.words[i] === seg) {
        pieces.chunks.forEach(function (ch) { terms[ch.q] = true; });
        return;
      }
      var word = present || !q.typed ? q.words[i] : q.typed[i];
      terms[word] = terms[word] || present;
    });
    return terms;
  }

  /* The ?h= words: what the result marks in the clause, as the page writes it, each once. The words typed were
   * sent, and the page, marking only what it holds as given, marked nothing for 21% of the results a search review
   * opened (session 39): 專利導航 as typed, a pasted sentence with a comma where the text has 、, or no word at all
   * where the query was found in pieces (恶意侵权要赔多少, 公证保全证据). The words it lacks stay (缺少). */
  function pageTerms(hit, text, ranges) {
    var terms = termsFor(hit);
    /* a task found by its number marks its label, a digit or two that the page holds in every other number */
    if (!ranges.length || hit.label || hit.headed) return terms;
    var marked = {};
    for (var r of ranges) marked[text.slice(r[0], r[1])] = true;
    for (var word in terms) if (!terms[word] && !(word in marked)) marked[word] = false;
    return marked;
  }

  function item(hit) {
    var q = hit.q;
    var needles = hit.label ? [hit.label] : hit.exact ? [q.joined].concat(q.segments) :
      hit.chunks.filter(function (c) { return !c.byName; }).map(function (c) { return c.q; });
    needles = needles.concat(q.terms);
    var ranges = markRanges(hit.entry.text, needles);
    return {
      location: hit.entry.location,
      title: highlight(hit.entry.title, hit.label ? [hit.label] : hit.exact ? [q.joined] : [], 0),
      text: "<p>" + marked(hit.entry.text, ranges, SNIPPET) + "</p>",
      score: Math.round(hit.score * 1000) / 1000,
      terms: pageTerms(hit, hit.entry.text, ranges)
    };
  }

  /* Material renders one <li> per group.  Consecutive clause hits of the
   * same document share a group whose first item is the document header
   * (score 0, so no clause is folded away and Enter opens the best clause);
   * page-level hits (document / other pages) are a group of their own.
   * The header carries the terms of the group's first clause: its ?h= marks them on the page it opens (with
   * none, a tap on a document's title opened the top of a 29,566 px page with nothing marked: session 40's
   * phone review).  Material shows no 缺少 line under a header (its score is 0). */
  var items = [], current = null, currentGroup = null;
  for (var c of chosen) {
    var it = item(c);
    if (c.entry.location.indexOf("#") < 0) {
      items.push([it]); current = null; currentGroup = null;
      continue;
    }
    var g = c.entry.group;
    if (!current || g < 0 || g !== currentGroup) {
      var page = g >= 0 ? index.pages[g] : null;
      var header = page
        ? { location: page.l, title: escapeHTML(page.t), text: "", score: 0, terms: Object.assign({}, it.terms) }
        : { location: c.entry.location.split("#")[0], title: escapeHTML(c.entry.title), text: "", score: 0, terms: Object.assign({}, it.terms) };
      current = [header];
      currentGroup = g;
      items.push(current);
    }
    current.push(it);
  }
  return { items: items, formInside: formInside };
}

/* A form found inside a longer word may be no form there but the end of one word and the start of the next, where
 * the texts hold neither word and cannot tell (识别人脸: 识别 and 人脸, read as 识他人脸; 个别人: 个别).  What the query
 * finds as typed, with no form read, follows what the forms' readings find (`found`), each clause once; and where
 * `found` is what the query finds with its words no text holds set aside (`held`, searchHeld: its readings found
 * nothing), what it finds so with no form read follows that: before 别人 was read as 他人, 人工智能 识别人脸 专利 found
 * 86号's 四（二）6 on 移动智能终端 so (智能 and 专利); read so with 别人, only 专栏2 on 他人. */
function withTyped(found, raw, held) {
  formsRead = false;
  try {
    var typed = search(raw);
    if (held && !typed.items.length) typed = searchHeld(raw, typed);
  } finally {
    formsRead = true;
  }
  var listed = new Set();
  for (var group of found.items) for (var it of group) listed.add(it.location);
  var items = found.items.slice();
  for (var more of typed.items) {
    var whole = more.length === 1, left = more.filter(function (t, k) { return !whole && !k || !listed.has(t.location); });
    if (whole ? left.length : left.length > 1) items.push(left);
  }
  return { items: items, formInside: true };
}

/* ------------------------------------------------------------------------
 * Sound-alike characters.  A query that finds nothing is read again with a character the texts do
 * not hold there replaced by one of the same sound (pinyin without tones) that they do: a pinyin
 * input method's commonest slip (质压融资 for 质押融资, 专利倒航 for 专利导航).  A word of the query the
 * texts hold as it is stays as it is; in one they do not, one character is changed (two in a word
 * of four or more, when one is not enough), and of the readings the texts hold, the one the most
 * clauses hold is taken.  The results say what was searched instead.  The readings of GB 2312's
 * characters (clause-search-readings.json, 31 KB, written by tests/readings_table.py) are fetched
 * only when a query first finds nothing.
 * ---------------------------------------------------------------------- */

var READINGS_URL = new URL("clause-search-readings.json", self.location.href).href;
var sounds = null;          /* {of: character -> its readings, alike: reading -> the texts' characters, pairs} */
var soundsLoading = null;

function loadSounds() {
  if (!soundsLoading)
    soundsLoading = fetchJSON(READINGS_URL)
      .then(function (table) {
        var held = new Set(), pairs = new Set();  /* the characters the texts hold, and each two side by side */
        for (var e of index.entries)
          for (var i = 0; i < e.norm.length; i++) {
            held.add(e.norm.charAt(i));
            if (i) pairs.add(e.norm.substr(i - 1, 2));
          }
        var of = new Map(), alike = new Map();
        Object.keys(table).forEach(function (reading) {
          for (var ch of table[reading]) {
            if (!of.has(ch)) of.set(ch, []);
            of.get(ch).push(reading);
            if (!held.has(ch)) continue;
            if (!alike.has(reading)) alike.set(reading, []);
            alike.get(reading).push(ch);
          }
        });
        sounds = { of: of, alike: alike, pairs: pairs };
      })
      .catch(function (err) {
        console.warn("clause search: cannot load " + READINGS_URL, err);
        soundsLoading = null;    /* no sound-alike reading this time; a later query tries again */
      });
  return soundsLoading;
}

/* How many clauses hold `word` as it is. */
function holding(word) {
  var n = 0;
  for (var e of index.entries) if (findWhole(e.norm, word) >= 0) n++;
  return n;
}

/* The characters that sound like `ch` in the texts (itself left out). */
function alikeOf(ch) {
  var found = new Set();
  for (var reading of sounds.of.get(ch) || [])
    for (var other of sounds.alike.get(reading) || []) if (other !== ch) found.add(other);
  return [...found];
}

/* Chinese characters in a row: what is respelled (numbers and Latin letters stay as typed), and how
 * long it may be: a run of one or two characters (李明, 微信) is too short to tell a slip from a name
 * the texts do not hold, and a longer one than MAX_RUN is no word. */
var HAN_RUN = /\p{Script=Han}+/gu;
var MIN_RUN = 3, MAX_RUN = 20;

/* `run` (Chinese characters) with one or two characters replaced by sound-alike ones, or two neighbours
 * swapped, as the texts hold it most often; null when they hold `run` itself, or no such reading of it.  Every two neighbours of
 * a reading must occur in the texts, so the characters replaced are those of the pairs that do not
 * (质压融资: 质压 and 压融, so 压): at most two places are tried, whatever the run's length. */
function respelled(run) {
  var chars = [...run];
  if (chars.length < MIN_RUN || chars.length > MAX_RUN || holding(run) > 0) return null;
  var missing = [];    /* j: the pair chars[j] chars[j + 1] does not occur in the texts */
  for (var j = 0; j + 1 < chars.length; j++) if (!sounds.pairs.has(chars[j] + chars[j + 1])) missing.push(j);
  function covers(places) {
    return missing.every(function (m) { return places.indexOf(m) >= 0 || places.indexOf(m + 1) >= 0; });
  }
  /* the places to change: one that touches every missing pair, else two that do (any one place, when
   * every pair occurs but not the whole run) */
  var near = missing.length ? [...new Set(missing.flatMap(function (m) { return [m, m + 1]; }))] : chars.map(function (_, i) { return i; });
  var sets = near.filter(function (i) { return covers([i]); }).map(function (i) { return [i]; });
  if (!sets.length && chars.length >= 4 && missing.length)
    near.forEach(function (i) {
      near.forEach(function (k) { if (i < k && covers([i, k])) sets.push([i, k]); });
    });
  var best = null, most = 0;
  function consider(copy) {
    var candidate = copy.join("");
    for (var c = 0; c + 1 < copy.length; c++) if (!sounds.pairs.has(copy[c] + copy[c + 1])) return;
    var n = holding(candidate);
    if (n > most) { most = n; best = candidate; }
  }
  sets.forEach(function (places) {
    var first = alikeOf(chars[places[0]]), second = places.length > 1 ? alikeOf(chars[places[1]]) : [null];
    for (var a of first)
      for (var b of second) {
        var copy = chars.slice();
        copy[places[0]] = a;
        if (b !== null) copy[places[1]] = b;
        consider(copy);
      }
  });
  /* two neighbours typed the other way round (专利航导: 专利导航), where swapping them touches every
   * missing pair; weighed with the sound-alike readings, the one the most clauses hold */
  for (var s = 0; s + 1 < chars.length; s++)
    if (chars[s] !== chars[s + 1] && covers([s, s + 1])) {
      var swapped = chars.slice();
      swapped[s] = chars[s + 1];
      swapped[s + 1] = chars[s];
      consider(swapped);
    }
  return best;
}

/* `segment` (normalised) with each run of Chinese characters the texts do not hold respelled; null when
 * none is. */
function respelledSegment(segment) {
  var changed = false;
  var out = segment.replace(HAN_RUN, function (run) {
    var fixed = respelled(run);
    if (fixed) changed = true;
    return fixed || run;
  });
  return changed ? out : null;
}

/* What `raw` finds read with sound-alike characters, after a notice of what was searched; `none` (what
 * `raw` itself found: nothing) when no word of it has such a reading, or that reading finds nothing. */
function searchAlike(raw, none) {
  var q = parseQuery(raw);
  if (!sounds || !q.joined || q.latinOnly) return none;
  var changed = false;
  var words = q.segments.map(function (segment, i) {
    var fixed = holding(segment) > 0 ? null : respelledSegment(segment);
    if (fixed) changed = true;
    return fixed || q.words[i];
  });
  if (!changed) return none;
  return searchInstead(q, words.join(" "), none);
}

/* What `instead` finds, after a notice that `q` found nothing and `instead` was searched; `none` when it
 * finds nothing either. */
function searchInstead(q, instead, none) {
  var found = search(instead);
  if (!found.items.length) return none;
  /* Material draws the notice as a result, a link: it opens the first result, as Enter does (it opened the first
   * result's document at its top, the clause and its marks left to find: session 39's search review) */
  var group = found.items[0], first = group.length > 1 ? group[1] : group[0];
  var notice = {
    location: first.location,
    title: "没有找到“" + escapeHTML(q.words.join(" ")) + "”，以下是“" + escapeHTML(instead) + "”的结果",
    text: "", score: 0, terms: Object.assign({}, first.terms)
  };
  found.items.unshift([notice]);
  return found;
}

/* ------------------------------------------------------------------------
 * Pinyin typed without converting it: the input method off, or a phone keyboard in Latin mode
 * (zhuanli zhiya, zhishichanquanbaohu, zhuan li, shangbiao).  A query that finds nothing as typed is read
 * again with each run of its words made only of Latin letters that split into pinyin syllables (the
 * readings table's, with or without spaces between them; v for ü) written in the Chinese the texts hold
 * with those readings; Latin words the texts hold (PCT, GDP) find them as typed, and a word that is no
 * pinyin (pct) stays as it is.  Of the ways to write a run, the one of the fewest words the texts hold
 * whole is taken, and of those, the one whose words the most clauses hold: zhuanlizhiya is 专利质押,
 * held as it is, not 专利 and 质押 apart; zhuan li is 专利.  The results say what was searched instead.
 * ---------------------------------------------------------------------- */

var PINYIN_WORD = /^[a-z]+$/, LONGEST_SYLLABLE = 6, PINYIN_WORDS = 8, MIN_PINYIN = 2;
var holdingChar = new Map();   /* a character → the ids of the entries holding it */

function idsHolding(ch) {
  var ids = holdingChar.get(ch);
  if (!ids) {
    ids = [];
    for (var e of index.entries) if (e.norm.indexOf(ch) >= 0) ids.push(e.id);
    holdingChar.set(ch, ids);
  }
  return ids;
}

/* Whether `letters` split into syllables of the readings table. */
function isPinyin(letters) {
  var ends = [true];
  for (var i = 0; i < letters.length; i++) {
    if (!ends[i]) continue;
    for (var L = 1; L <= LONGEST_SYLLABLE && i + L <= letters.length; L++)
      if (sounds.alike.has(letters.substr(i, L))) ends[i + L] = true;
  }
  return !!ends[letters.length];
}

/* The words the texts hold that `letters` may be read as from its place `from` on: {end, w, n}, `n` the
 * entries holding `w`; of the words ending at one place, the PINYIN_WORDS the most entries hold. */
function wordsFrom(letters, from) {
  var entries = index.entries, best = new Map();
  function grow(at, word, ids) {
    if (word.length >= MAX_RUN) return;
    for (var L = 1; L <= LONGEST_SYLLABLE && at + L <= letters.length; L++)
      for (var ch of sounds.alike.get(letters.substr(at, L)) || []) {
        if (word && !sounds.pairs.has(word.slice(-1) + ch)) continue;
        var longer = word + ch;
        var held = word ? ids.filter(function (id) { return entries[id].norm.indexOf(longer) >= 0; }) : idsHolding(ch);
        if (!held.length) continue;
        var list = best.get(at + L) || [];
        best.set(at + L, list);
        list.push({ end: at + L, w: longer, n: held.length });
        grow(at + L, longer, held);
      }
  }
  grow(from, "", null);
  var out = [];
  best.forEach(function (list) {
    list.sort(function (a, b) { return b.n - a.n; });
    out.push.apply(out, list.slice(0, PINYIN_WORDS));
  });
  return out;
}

/* `letters` (pinyin, no spaces) in the texts' characters, as words apart; null when it has no such
 * writing.  `spaces`: the places in `letters` where the reader typed a space.  Of the ways to write it as
 * words the texts hold (wordsFrom), the one of the fewest words is taken; of those, the one whose words
 * begin where a space was typed (qinquanpeichang dilibiaozhi: 侵权赔偿 地理标志, not 侵权赔偿的 理标志), then
 * the one whose words the most entries hold (the sum of their logarithms): zhuanlizhiya is 专利 质押, not
 * 专利质 押, though the texts hold both.  Every measure adds up word by word, so the best way to each place
 * is the best way to a place before it and one word more. */
function fromPinyin(letters, spaces) {
  function better(a, b) { return a.count - b.count || a.off - b.off || b.held - a.held; }
  var best = [{ count: 0, off: 0, held: 0, words: [] }];
  for (var i = 0; i < letters.length; i++) {
    var way = best[i];
    if (!way) continue;
    var off = i > 0 && !spaces.has(i) ? 1 : 0;
    for (var word of wordsFrom(letters, i)) {
      var next = {
        count: way.count + 1, off: way.off + off, held: way.held + Math.log(word.n + 1), words: way.words.concat([word.w])
      };
      if (!best[word.end] || better(next, best[word.end]) < 0) best[word.end] = next;
    }
  }
  var last = best[letters.length];
  return last && last.words.join("").length >= MIN_PINYIN ? last.words : null;
}

/* What `raw` finds with its pinyin written in Chinese, after a notice of what was searched; `none` when
 * it holds no pinyin, or that reading finds nothing. */
function searchPinyin(raw, none) {
  var q = parseQuery(raw);
  if (!sounds || !q.joined) return none;
  var words = [], changed = false;
  for (var i = 0; i < q.segments.length;) {
    var k = i, letters = "", spaces = new Set();
    while (k < q.segments.length && PINYIN_WORD.test(q.segments[k]) && isPinyin(q.segments[k])) {
      if (letters) spaces.add(letters.length);
      letters += q.segments[k++];
    }
    var written = k > i ? fromPinyin(letters, spaces) : null;
    if (written) { words.push.apply(words, written); changed = true; i = k; }
    else { words.push(q.words[i]); i++; }
  }
  return changed ? searchInstead(q, words.join(" "), none) : none;
}

/* ------------------------------------------------------------------------
 * Words no text holds.  A question asked as it is said (员工在公司搞出来的发明归谁, 听说侵权赔偿上限要提高了是真的吗)
 * is mostly words no text holds, each weighed as rare as the rarest (weightsOf: so that a slip finds nothing and
 * is read again by sound), and the words the texts do hold (员工, 发明) were too small a share of it: it found
 * nothing.  A query that finds nothing, and has no pinyin or sound-alike reading that finds something, is searched
 * again with its words no text holds set aside: in each word the texts do not hold whole, a character is kept where
 * it and a neighbour are two characters the texts hold side by side (员工, 的发明), and the stretches between are set
 * aside (在公司搞出来, 归) and shown as lacking on each result, as a word a result lacks is.  What is kept must be
 * more than one word of two characters (MIN_HELD): 黑洞辐射 (辐射 alone, of 向省域辐射) still finds nothing.
 * ---------------------------------------------------------------------- */

var MIN_HELD = 3;

/* `segment` as the stretches the texts hold (each character beside a neighbour the texts hold it with; numbers
 * and latin runs whole; an everyday form) and the stretches between them.  Kept characters are one word only where
 * each two neighbours are held side by side (or in one form): 国外参展 is 国外 and 参展, the texts holding no 外参, and
 * 侵权了有 (of 被侵权了有人帮) 侵权 and 了有. */
var PARTICLE = /^[的了]$/;

function heldStretches(segment) {
  var chars = [...segment], keep = chars.map(function () { return false; }), joined = chars.map(function () { return false; });
  for (var i = 0; i + 1 < chars.length; i++)
    if ((RUN_CHAR.test(chars[i]) && RUN_CHAR.test(chars[i + 1])) || index.postings.has(chars[i] + chars[i + 1]))
      keep[i] = keep[i + 1] = joined[i] = true;
  /* a latin word no text holds (RCEP, 5G, iPhone) is set aside as a Chinese word no text holds is: kept, it left
   * RCEP 知识产权合作 finding nothing, with no offer, though 66号 holds 知识产权合作 (search review, session 39) */
  for (var run of segment.matchAll(/[0-9a-z.|]*[a-z][0-9a-z.|]*/g))
    if (holding(run[0]) === 0) {
      var first = [...segment.slice(0, run.index)].length;
      keep.fill(false, first, first + run[0].length);
      joined.fill(false, Math.max(first - 1, 0), first + run[0].length);
    }
  /* an everyday form (电商) is in no text, but read as the texts' wording (readingsOf): it is a word the search holds */
  for (var a = 0; formsRead && a + MIN_FORM <= chars.length; a++)
    for (var L = MIN_FORM; L <= index.longestForm && a + L <= chars.length; L++)
      if (index.forms.has(chars.slice(a, a + L).join("")) && !cutsWord(chars, a) && !cutsWord(chars, a + L)) {
        keep.fill(true, a, a + L);
        joined.fill(true, a, a + L - 1);
      }
  /* a 的 or 了 at a kept word's edge is the particle joining it to the words set aside (祖传的中药: 的中 is two
   * characters the texts hold side by side, but no word of 中药 and 的): kept, 的中医药 was found in no clause on
   * 中医药, and 祖传的中药方子能保护起来吗 found only clauses on 保护.  It goes, and a character it leaves alone, kept
   * only as its neighbour, is set aside: 了有 is the 了 of 被侵权了 and the 有 of 有人帮, held side by side only in
   * 提供了有力支撑 (every 了 of the texts is that particle), and kept, 小企业被侵权了有人帮吗 found 86号's 规划背景 on it. */
  var gone = chars.map(function () { return false; });
  for (var from = 0, to; from < chars.length; from = to) {
    for (to = from + 1; keep[from] && to < chars.length && joined[to - 1]; to++);
    if (!keep[from]) continue;
    var lo = from, hi = to;
    while (hi - lo > 1 && PARTICLE.test(chars[lo])) gone[lo++] = true;
    while (hi - lo > 1 && PARTICLE.test(chars[hi - 1])) gone[--hi] = true;
    if (hi - lo === 1 && (PARTICLE.test(chars[lo]) || !RUN_CHAR.test(chars[lo]))) keep[lo] = false;
  }
  var held = [], aside = [];
  for (var at = 0, end; at < chars.length; at = end) {
    if (gone[at]) { end = at + 1; continue; }
    for (end = at + 1; end < chars.length && !gone[end] && keep[end] === keep[at] && (!keep[at] || joined[end - 1]); end++);
    (keep[at] ? held : aside).push(chars.slice(at, end).join(""));
  }
  return { held: held, aside: aside };
}

/* What `raw` finds with its words no text holds set aside, each result showing them as lacking; `none` (what
 * `raw` itself found: nothing) when it has no such word, too little is left, or what is left finds nothing. */
function searchHeld(raw, none) {
  var q = parseQuery(raw);
  if (!q.joined || q.latinOnly) return none;
  var parts = heldAndAside(q), held = parts.held, aside = parts.aside;
  /* counted: the words kept of two characters or more, less 的, which the texts hold beside nearly any word (李明的专利
   * kept 的专利, 个人所得税怎么算 kept 个人 and 算: each one word of two characters, as 黑洞辐射's 辐射), as the search
   * reads them: a mark typed after one is no character of it (外卖小哥 专利？ found 专利's 147 clauses as 3 kept) */
  var kept = held.map(normalize).filter(function (word) { return word.length >= 2; }).join("").replace(/的/g, "");
  if (!aside.length || kept.length < MIN_HELD) return none;
  var found = search(held.join(" "));
  return found.items.length ? shownLacking(found, aside) : none;
}

/* The words of `q` the texts hold (a segment held whole, or one character, as typed) and the stretches of its
 * other segments no text holds (heldStretches). */
function heldAndAside(q) {
  var held = [], aside = [];
  q.segments.forEach(function (segment, i) {
    if (segment.length < 2 || holding(segment) > 0) { held.push(q.words[i]); return; }
    var parts = heldStretches(segment);
    held.push.apply(held, parts.held);
    /* a word set aside whole is said as typed (RCEP, not the rcep it is read as) */
    if (!parts.held.length && parts.aside.length === 1) aside.push(q.words[i]);
    else aside.push.apply(aside, parts.aside);
  });
  return { held: held, aside: aside };
}

/* `found` with each result (not a group's document header) marked as lacking `words` (缺少): the words of the query
 * that were set aside to find it. */
function shownLacking(found, words) {
  for (var group of found.items)
    for (var it of group)
      if (it.location.indexOf("#") >= 0 || group.length === 1)
        for (var word of words) it.terms[word] = false;
  return found;
}

/* What `raw` finds by its pieces as the texts hold them, no piece giving up a character as half of a word the
 * entry lacks (withoutHalfWords); `none` when it finds nothing either.  Last, where nothing else found anything:
 * 中小学生 知识产权课 is 中小学 and 知识产权 each with a character more, not 中小 and 知识产 (the 学 of 学生, the 权 of
 * 权课), and finds 86号's 全国中小学知识产权教育.  Where a query finds anything as it is read first, the guess
 * stands (专利质押 finds the clauses on 质押, not those on 专利质量). */
function searchByPieces(raw, none) {
  halvesKept = true;
  try {
    var found = search(raw);
  } finally {
    halvesKept = false;
  }
  return found.items.length ? found : none;
}

/* What `raw` finds with one of its words set aside, or two where one is not enough and four or more are typed; `none`
 * when it has fewer than three words the texts hold, or finds nothing so either.  Last, where nothing else found
 * anything: every word of 学校专利免费给大学生创业用 is in a text (学校, 专利, 免费, 大学生, 创业), but no clause holds
 * enough of them together, and it found nothing, though 66号's task 49 is on 高等院校 licensing 专利 无偿 to support
 * 大学生创新创业.  The words held by the most entries are set aside first (they tell least), and a word set aside
 * is shown as lacking, as searchHeld shows the words no text holds.  Numbers and latin runs are not set aside. */
var FEWER_MIN_WORDS = 3;

function searchFewer(raw, none) {
  var q = parseQuery(raw);
  if (!q.joined || q.latinOnly) return none;
  var words = [];
  q.segments.forEach(function (segment) {
    var held = segment.length >= 2 && holding(segment) > 0 ? [segment] : heldStretches(segment).held;
    for (var word of held) if (word.length >= 2 || RUN_CHAR.test(word)) words.push(word);
  });
  var asideable = [];
  words.forEach(function (word, i) {
    if (!/^[0-9a-z.|]+$/.test(word)) asideable.push({ at: i, word: word, held: holding(word) });
  });
  if (words.length < FEWER_MIN_WORDS || !asideable.length) return none;
  asideable.sort(function (a, b) { return b.held - a.held || a.at - b.at; });
  var tries = asideable.map(function (a) { return [a]; });
  if (words.length > FEWER_MIN_WORDS)
    for (var i = 0; i < asideable.length; i++)
      for (var j = i + 1; j < asideable.length; j++) tries.push([asideable[i], asideable[j]]);
  for (var aside of tries) {
    var left = words.filter(function (word, k) { return !aside.some(function (a) { return a.at === k; }); });
    var found = search(left.join(" "));
    if (found.items.length) return shownLacking(found, aside.map(function (a) { return a.word; }));
  }
  return none;
}

/* ------------------------------------------------------------------------
 * A narrower search to offer.  Of the everyday questions of two blind batteries (session 35), 18 of 60 found
 * nothing at all, each an everyday word no text holds (奶粉, 微商, 展销会) beside a word the texts do hold (投诉,
 * 假货): too little to search alone (MIN_HELD), as 黑洞辐射's 辐射 and 李明的专利's 专利 are, whose clauses are no
 * answer to what was asked.  Where a query finds nothing every way, its words the texts hold are not searched for
 * the reader, but offered: the one result is a link that searches them alone (买到假奶粉去哪投诉 → 改为只搜其中的“投诉”),
 * saying how many results that gives, and the result line still says nothing was found (site.js).  The reader
 * judges whether 投诉's clauses answer the question; 专利's 147 plainly do not answer 李明的专利.
 * ---------------------------------------------------------------------- */

/* The link to a search of `raw`'s words the texts hold, as the only result (marked `offer`: no clause found, so a
 * span typed with 到 is still read as typed, spanRead); `none` when it has none of two characters or more (a
 * number or latin run counts), or they find nothing alone either.  A word is as typed, less the marks at its ends
 * (专利？ is offered as 专利), its characters counted as the search reads it (李明 专？ was offered “专？”, one
 * character, 191 results). */
function offerNarrower(raw, none) {
  var q = parseQuery(raw);
  if (!q.joined || q.latinOnly) return none;
  var words = heldAndAside(q).held.map(function (word) {
    return word.replace(/^[\p{P}\p{S}]+|[\p{P}\p{S}]+$/gu, "");  /* 专利？, 《专利》: the marks at its ends are no part of it */
  }).filter(function (word) {
    var read = normalize(word);
    return (read.length >= 2 && !/^[的了]+$/.test(read)) || RUN_CHAR.test(read);
  });
  var narrower = words.join(" ");
  if (!words.length || narrower === q.words.join(" ")) return none;
  var found = search(narrower);
  if (!found.items.length) return none;
  return { items: [[{
    location: "?q=" + encodeURIComponent(narrower),
    title: "改为只搜其中的“" + escapeHTML(narrower) + "”",
    text: "<p>" + found.items.length + " 个结果</p>",
    score: 0, terms: {}
  }]], offer: true };
}

/* ------------------------------------------------------------------------
 * Protocol
 * ---------------------------------------------------------------------- */

/* The index (about 700 KB, 98 KB gzipped) is fetched for the first query the reader types, not on
 * every page load: the worker starts on every page, and most visits, on a phone especially, never
 * search. Material also sends an empty QUERY at start; it is answered without the index. */
var answered = Promise.resolve();  /* answers leave in the order their queries came */

/* What `text` finds: as read, and where that finds nothing, as pinyin, as a slip of the pen, by the stretches the
 * texts hold, by its pieces, with fewer of its words; else the offer of a search of its words the texts hold. */
/* A clause's id or link pasted into the box, as staff copy them from the change log, crossrefs.yaml or a shared
 * address (guofa-2016-86/4-2-3, https://…/documents/guofa-2016-86/#c4-2-3, guofa-2016-86#c4-2-3), or an anchor
 * alone (#c4-2-3, c4-2-3-s2, t14): that clause, in each document holding the anchor. Read before any wording: an
 * id is no words, and the reading of its letters and digits found nothing (public-reader review, session 38). */
var ID_TYPED = /^(?:\S*\/documents\/)?([a-z][a-z0-9]*(?:-[a-z0-9]+)*-[0-9]{4}-[0-9]+)\/?#?\/?([a-z0-9][a-z0-9\/-]*)$/;
var ANCHOR_TYPED = /^#?((?:c[0-9]+|t[0-9]+|box[0-9]+|table[0-9]+|pre[0-9]+[a-z]?|ch[0-9]+|art[0-9]+)(?:-[a-z0-9]+)*)$/;

function searchById(text) {
  var typed = String(text || "").normalize("NFKC").trim().toLowerCase(), slug = null, anchor = null;
  var id = ID_TYPED.exec(typed), alone = ANCHOR_TYPED.exec(typed);
  if (id) {
    slug = id[1];
    anchor = id[2].replace(/\/+$/, "").replace(/\//g, "-");
    if (/^[0-9]/.test(anchor)) anchor = "c" + anchor;
  } else if (alone) anchor = alone[1];
  if (!anchor) return null;
  var items = [];
  for (var e of index.entries) {
    var at = e.location.split("#");
    if (at[1] !== anchor || (slug && at[0] !== "documents/" + slug + "/")) continue;
    var page = e.group >= 0 ? index.pages[e.group] : null;
    items.push([
      { location: page ? page.l : at[0], title: escapeHTML(page ? page.t : e.title), text: "", score: 0, terms: {} },
      { location: e.location, title: escapeHTML(e.title), text: "<p>" + escapeHTML(e.text) + "</p>", score: 1, terms: {} }
    ]);
  }
  return items.length ? { items: items } : null;
}

function searchEveryWay(text) {
  var byId = index.entries.length ? searchById(text) : null;
  if (byId) return Promise.resolve(byId);
  var found = search(text), inside = found.formInside;  /* a form read inside a longer word (withTyped) */
  if (found.items.length || !index.entries.length)  /* no index: not a slip of the pen */
    return Promise.resolve(inside ? withTyped(found, text, false) : found);
  return loadSounds().then(function () {
    var read = searchPinyin(text, found);
    if (read.items.length) return read;
    read = searchAlike(text, found);
    if (read.items.length) return read;
    read = searchHeld(text, found);
    if (inside) read = withTyped(read, text, true);
    if (read.items.length) return read;
    read = searchByPieces(text, found);
    if (read.items.length) return read;
    read = searchFewer(text, found);
    return read.items.length ? read : offerNarrower(text, found);
  });
}

/* Whether `text` holds a span typed with 到 or 至 that is read as the texts' dash (rangeAsDash). */
function spanRead(text) {
  var raw = String(text || "");
  return /[到至]/.test(raw) && rangeAsDash(raw) !== raw.normalize("NFKC");
}

function answer(text) {
  answered = answered.then(function () {
    if (!String(text || "").trim()) return { items: [] };  /* sent at start and when the box is cleared */
    return load().then(function () {
      return searchEveryWay(text).then(function (found) {
        if ((found.items.length && !found.offer) || !spanRead(text)) return found;
        rangesAsTyped = true;  /* answers are one at a time: no other query is read meanwhile */
        return searchEveryWay(text).then(function (typed) { return typed.items.length && !typed.offer ? typed : found; });
      }).finally(function () { rangesAsTyped = false; });
    });
  }).catch(function (err) {
    console.warn("clause search: query failed", err);
    return { items: [] };
  }).then(function (data) {
    self.postMessage({ type: RESULT, data: data });
  });
}

self.addEventListener("message", function (ev) {
  var msg = ev.data || {};
  switch (msg.type) {
    case SETUP:
      self.postMessage({ type: READY });
      break;
    case QUERY:
      answer(msg.data);
      break;
    default:
      break;
  }
});


/*
 * Citable clauses: copy a clause's link or citation, and say so when a link's
 * fragment no longer exists on the page.
 *
 * Everything else works without this script: every clause, sentence, table row
 * and heading has an id and a permalink, and CSS `:target` highlights the
 * clause a URL points at.  This script only
 *   1. shows a small "复制链接 / 复制引用" toolbar beside the clause the URL points
 *      at (after opening such a URL, or after clicking a ¶ / # permalink);
 *      the citation text is printed by the build: `data-cite-doc` (the
 *      document part, once per page) + `data-cite` (the position, per element);
 *   2. when the URL's fragment matches no element, reads it as a link almost right (`forgiven`:
 *      #C4-2-3, #4-2-3, #c4-2-3。 → #c4-2-3) and opens that, or looks it up in
 *      data/redirects.json (build_scripts/track/redirects.py: {"/documents/<slug>/#old":
 *      {"to": "/documents/<slug>/#new" or null when retired, "date", "note", "notice": "…"}})
 *      and jumps to the new place, with a notice just above it naming it as
 *      its citation does, or shows a visible notice at the top of the page
 *      instead of leaving the reader at the top with no explanation; on the
 *      404 page, an address of a whole removed document (its record is under
 *      "/documents/<slug>/") gets the document's notice; a task page's 重庆落实 entry or a 对照 page's
 *      pair that is gone (the matcher's, staff's, redirects.yaml's doing) says which sentence it named
 *      and where that is now (explainMatcherAnchor).
 *
 * Material's instant navigation is off, so a plain page load runs this once.
 */
(function () {
  "use strict";

  var config = {};
  try { config = JSON.parse(document.getElementById("__config").textContent); } catch (e) { /* no config */ }
  var siteRoot = new URL(config.base || ".", location.href);   /* http://host/base/ */

  function currentUrl(id) {
    return location.origin + location.pathname + "#" + id;
  }

  /* A fragment's %-escapes decoded; as written where they are no UTF-8 (#%, a link cut inside a
   * character's escapes), which decodeURIComponent throws at. */
  function decoded(text) {
    try { return decodeURIComponent(text); } catch (e) { return text; }
  }

  /* The element a fragment names, or null. */
  function byFragment(hash) {
    if (!hash || hash.length < 2) return null;
    return document.getElementById(decoded(hash.slice(1)));
  }

  /* The anchor a link almost right means, as build_scripts/model.py clause_anchor writes it: a fragment
   * in upper case or full-width letters, with a full stop, space or bracket pasted onto it (。 %20 ）),
   * or written as a clause id (4-2-3, guofa-2016-86/4-2-3, guobanhan-2016-66-t14) reads as c4-2-3,
   * t14. Only punctuation, symbols and spaces at either end are dropped; a fragment holding anything
   * else an anchor cannot (#任务5, #专栏2, #四（二）3, #c4-2-3（一）) has no such reading (null): which
   * clause it meant is not to be guessed (#任务5 is not section 五's c5), nor is a link cut short
   * (#c4-2-: c4-2-1, c4-2-2…?). */
  function forgiven(hash) {
    var text = decoded(hash.slice(1))
      .normalize("NFKC").toLowerCase().replace(/\//g, "-")
      .replace(/^[\s\p{P}\p{S}]+|[\s\p{P}\p{S}]+$/gu, function (cut, at) { return cut === "-" && at ? cut : ""; });
    if (!/^[a-z0-9-]+$/.test(text)) return null;
    var page = /^\/documents\/([a-z0-9-]+)\//.exec(sitePath());
    if (page && text.indexOf(page[1] + "-") === 0) text = text.slice(page[1].length + 1);
    return /^[0-9]/.test(text) ? "c" + text : text;   /* ids never start with a digit */
  }

  /* Open `anchor` as if the link had named it (the browser scrolls, marks it :target, and the
   * hashchange handler does the rest), in place of the address as written. */
  function correctTo(anchor) {
    location.replace(location.pathname + location.search + "#" + anchor);
  }

  /* ------------------------------------------------------------ copying */

  function copyText(text) {
    if (navigator.clipboard && navigator.clipboard.writeText)
      return navigator.clipboard.writeText(text);
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.style.position = "fixed";
      area.style.opacity = "0";
      document.body.appendChild(area);
      area.select();
      var ok = document.execCommand("copy");
      document.body.removeChild(area);
      if (ok) resolve(); else reject(new Error("copy failed"));
    });
  }

  function citationOf(el) {
    var holder = document.querySelector("[data-cite-doc]");
    var doc = holder ? holder.getAttribute("data-cite-doc") : document.title;
    return doc + (el.getAttribute("data-cite") || "") + " " + currentUrl(el.id);
  }

  var toolbar = null, status = null, current = null;

  function button(label, action) {
    var b = document.createElement("button");
    b.type = "button";
    b.className = "cite-tools__button";
    b.textContent = label;
    b.setAttribute("data-action", action);
    b.addEventListener("click", function () {
      if (!current) return;
      var text = action === "link" ? currentUrl(current.id) : citationOf(current);
      copyText(text).then(
        function () { status.textContent = action === "link" ? "链接已复制" : "引用已复制"; },
        function () { status.textContent = "无法复制，请手动选择：" + text; }
      );
    });
    return b;
  }

  function makeToolbar() {
    var bar = document.createElement("span");
    bar.className = "cite-tools";
    bar.setAttribute("role", "group");
    bar.setAttribute("aria-label", "复制本条的链接或引用");
    bar.appendChild(button("复制链接", "link"));
    bar.appendChild(button("复制引用", "cite"));
    status = document.createElement("span");
    status.className = "cite-tools__status";
    status.setAttribute("role", "status");
    bar.appendChild(status);
    return bar;
  }

  /* Put the toolbar beside `el` (a clause, sentence, heading or table row). */
  function showToolbar(el) {
    if (!el || !el.hasAttribute("data-cite")) return;
    if (!toolbar) toolbar = makeToolbar();
    current = el;
    status.textContent = "";
    if (el.tagName === "TR") el.firstElementChild.appendChild(toolbar);   /* the row label wraps; the last cells do not */
    else if (/^H[1-6]$/.test(el.tagName) || el.tagName === "P") el.appendChild(toolbar);
    else el.insertAdjacentElement("afterend", toolbar);
  }

  /* ------------------------------------------------- missing fragments */

  function clearNotice() {
    var old = document.querySelector(".fragment-notice");
    if (old) (old.closest(".fragment-notice-row") || old).remove();
  }

  /* Show `message` just above `near`, the clause a link was sent to, and scroll both into sight; or,
   * when it is about no clause, at the top of the page, scrolled to. `links`: [{text, href}] after it. */
  function notice(message, near, links) {
    clearNotice();
    var box = document.createElement("div");
    box.className = "fragment-notice admonition warning";
    box.setAttribute("role", "alert");
    var p = document.createElement("p");
    p.textContent = message;
    (links || []).forEach(function (link, n) {
      var a = document.createElement("a");
      a.href = link.href;
      a.textContent = link.text;
      p.appendChild(document.createTextNode(n ? " · " : " "));
      p.appendChild(a);
    });
    box.appendChild(p);
    if (!near) {
      var inner = document.querySelector(".md-content__inner") || document.body;
      inner.insertBefore(box, inner.firstChild);
      window.scrollTo(0, 0);
      return;
    }
    if (near.tagName === "TR") {   /* a table row: in a row of its own above it */
      var row = document.createElement("tr"), cell = document.createElement("td");
      row.className = "fragment-notice-row";
      cell.colSpan = near.cells.length;
      cell.appendChild(box);
      row.appendChild(cell);
      near.parentNode.insertBefore(row, near);
    } else if (near.tagName === "LI") {   /* a list's entry (a task's 重庆落实): in an entry of its own */
      var item = document.createElement("li");
      item.className = "fragment-notice-row";
      item.appendChild(box);
      near.parentNode.insertBefore(item, near);
    } else near.parentNode.insertBefore(box, near);
    box.scrollIntoView();   /* below the header (scroll-margin-top), the clause under it */
  }

  /* "链接所指的条款（#p3-s1）已移至正文末段，已为您跳转。": where a clause went, named as its 复制引用
   * citation names it (data-cite; after the document's data-cite-doc when it went to another page),
   * with the date and note of its redirects.json record, in one sentence. */
  function movedNotice(moved, el, otherPage) {
    var holder = otherPage ? document.querySelector("[data-cite-doc]") : null;
    var where = (holder ? holder.getAttribute("data-cite-doc") : "") + (el.getAttribute("data-cite") || "");
    var note = (moved.note || "").replace(/[。！？]$/, "");
    return "链接所指的条款（" + moved.shown + "）已" + (moved.date ? "于" + moved.date : "") + "移至" +
      (where || "新位置") + (note ? "（" + note + "）" : "") + "，已为您跳转。";
  }

  function sitePath() {
    var path = location.pathname;
    return path.indexOf(siteRoot.pathname) === 0 ? "/" + path.slice(siteRoot.pathname.length) : path;
  }

  /* A file of the open data (data/<name>), parsed; null when it does not load. */
  function loadData(name) {
    return fetch(new URL("data/" + name, siteRoot).href, { credentials: "same-origin" })
      .then(function (res) { return res.ok ? res.json() : null; })
      .catch(function () { return null; });
  }

  function loadRedirects() {
    return loadData("redirects.json").then(function (redirects) { return redirects || {}; });
  }

  /* The 404 page (overrides/404.html marks it): the address may be a page of a removed document. */
  function notFoundPage() {
    return !!document.querySelector("[data-not-found]");
  }

  /* A whole removed document (redirects.yaml `id: <slug>`) has one record, under /documents/<slug>/,
   * which answers for its page whatever the anchor. (Not for pages named after it, tasks/<slug>-t1/:
   * a slug can begin another's, guofa-2016 and guofa-2016-86.) */
  function retiredDocument(redirects, path) {
    var page = /^\/documents\/[a-z0-9-]+(?:\/(?:index\.html)?)?$/.exec(path);   /* …/x, …/x/, …/x/index.html */
    if (!page) return null;
    var key = page[0].replace(/\/index\.html$/, "").replace(/\/?$/, "/");
    var record = redirects ? redirects[key] : null;
    return record && typeof record === "object" ? record : null;
  }

  /* A notice ends with one full stop, whether or not its note has its own. */
  function sentence(text) {
    return /[。！？]$/.test(text) ? text : text + "。";
  }

  function sayDocumentRetired() {
    loadRedirects().then(function (redirects) {
      var gone = retiredDocument(redirects, sitePath());
      if (gone) notice(sentence(gone.notice));
    });
  }

  /* The record for an anchor: its own, or its paragraph's (…-p3-s2 → …-p3), or its section's
   * (…-2-1-p3 → …-2-1): an entry for a paragraph serves its sentences, whose ids a copy without git
   * does not know for good, so redirects.json may hold the paragraph's record alone. */
  function recordFor(redirects, path, hash) {
    var anchor = hash;
    while (true) {
      if (Object.prototype.hasOwnProperty.call(redirects, path + anchor)) return path + anchor;
      var shorter = anchor.replace(/-[sp][0-9]+[a-z]*$/, "");
      if (shorter === anchor) return null;
      anchor = shorter;
    }
  }

  function plainNotice(shown) {
    notice("本页没有链接所指的位置（" + shown + "）：链接可能有误，或该条款的编号已调整。请在本页或用搜索查找。");
  }

  /* ---------------------------------- anchors the cross-reference matcher made */

  /* A task page's 重庆落实 entry (#chongqing-c2-1-p1-s1) and a 对照 page's pair
   * (#c2-1-p1-s1-vs-guobanhan-2016-66-t56) and sentence (#c2-1-p1-s1, -text, -local) are named after clause
   * anchors (templates/_task_crossrefs.md.jinja, crossrefs_group.md.jinja). Such an anchor is gone when the
   * matcher stops linking the pair, staff reject it (crossrefs.yaml), or the sentence moves (redirects.yaml).
   * The sentence it named is read from the anchor alone; where that sentence is now, from the open data the
   * site publishes anyway (clauses.json: its citation and address; redirects.json: where it went), fetched
   * only for such a link. The anchor's parts, or null when it has none of these forms on this page. */
  function matcherAnchor(path, hash) {
    var text = forgiven(hash) || "", m, sentenceAnchor = "([a-z0-9-]+-s[0-9]+[a-z]*)";   /* …-p3-s5, …-p1-s1a */
    if (/^\/tasks\/[a-z0-9-]+\/(?:index\.html)?$/.test(path)) {
      m = new RegExp("^chongqing-" + sentenceAnchor + "$").exec(text);
      return m ? { page: "task", local: m[1] } : null;
    }
    if (!/^\/crossrefs\/chongqing\/[a-z0-9-]+\/(?:index\.html)?$/.test(path)) return null;
    m = new RegExp("^" + sentenceAnchor + "-vs-([a-z0-9-]+)$").exec(text);
    if (m) return { page: "pair", local: m[1], national: m[2] };
    m = new RegExp("^" + sentenceAnchor + "(?:-(text|local))?$").exec(text);
    return m ? { page: "sentence", local: m[1], part: m[2] || "" } : null;
  }

  /* The place /documents/<slug>/#<anchor> names: {named: "渝府发〔2016〕25号 第二部分第（一）条第1段第1句",
   * href} while a clause is there; for one gone, its redirects.json record (named by its anchor, as the
   * document page's notice names it; `href` is its old address, where that page says what became of it);
   * else null. */
  function placeAt(data, slug, anchor) {
    var url = "/documents/" + slug + "/#" + anchor;
    var clause = data.clauses[url];
    if (clause) return { named: data.numbers[slug] + " " + clause.cite, href: url };
    var key = recordFor(data.redirects, "/documents/" + slug + "/", "#" + anchor);
    return key === null ? null : { named: data.numbers[slug] + " #" + anchor, href: url, record: data.redirects[key] };
  }

  /* A national clause as a pair anchor writes it, its id with / → - (guobanhan-2016-66-t56). */
  function nationalPlace(data, written) {
    for (var slug in data.numbers) {
      if (written.indexOf(slug + "-") !== 0) continue;
      var rest = written.slice(slug.length + 1);
      var place = placeAt(data, slug, /^[0-9]/.test(rest) ? "c" + rest : rest);
      if (place) return place;
    }
    return null;
  }

  /* What became of a place that is gone, as words after its name ("已于2024-05-01移至渝府发〔2016〕25号
   * 第二部分第（一）条第3段（note）", or "已在文本修订中删除"), a sentence of its notice, and where to see it. */
  function fateOf(data, place) {
    var record = place.record, to = record && typeof record === "object" ? record.to : record;
    if (!to) return { said: "已在文本修订中删除", more: record && record.notice ? sentence(record.notice) : "", href: place.href, moved: false };
    var slug = (/^\/documents\/([a-z0-9-]+)\//.exec(to) || [])[1], clause = data.clauses[to];
    var note = (record.note || "").replace(/[。！？]$/, "");
    var where = clause && slug ? data.numbers[slug] + " " + clause.cite : "新位置";
    return { said: "已" + (record.date ? "于" + record.date : "") + "移至" + where + (note ? "（" + note + "）" : ""), more: "", href: to, moved: true };
  }

  function siteHref(url) {
    return new URL(url.replace(/^\//, ""), siteRoot).href;
  }

  /* Say what a gone matcher-made anchor named and where that is now; the plain notice when it names no
   * sentence there is or was (a link mistyped, or never made). */
  function explainMatcherAnchor(named, redirects, hash) {
    var shown = decoded(hash), row = byFragment("#" + named.local);
    if (named.page === "sentence" && row) {   /* the sentence is on this page, or its notice is (gone_sentences) */
      if (named.part === "local" && !row.classList.contains("retired-clause"))
        notice("链接所指的说明（本句未列国家依据）已不适用：此句现列有国家依据，见下。", row);
      else correctTo(named.local);
      return;
    }
    Promise.all([loadData("clauses.json"), loadData("documents.json"), loadData("crossrefs.json")]).then(function (got) {
      if (location.hash !== hash) return;   /* the reader followed another link meanwhile */
      if (!got[0] || !got[1] || !got[2]) { plainNotice(shown); return; }
      var data = { clauses: {}, numbers: {}, redirects: redirects };
      got[0].forEach(function (c) { data.clauses[c.url] = c; });
      got[1].forEach(function (d) { data.numbers[d.id] = d.doc_number; });
      var local = null, slugs = {};   /* the Chongqing sentence: in a document the links' local side is from */
      got[2].forEach(function (ref) { slugs[ref.local.split("/")[0]] = true; });
      for (var slug in slugs) local = local || placeAt(data, slug, named.local);
      var national = named.page === "pair" ? nationalPlace(data, named.national) : null;
      if (!local || (named.page === "pair" && !national)) { plainNotice(shown); return; }
      var fate = local.record ? fateOf(data, local) : null;
      var toLocal = function (text) { return { text: text, href: siteHref(fate ? fate.href : local.href) }; };
      var about = "链接所指的重庆句子（" + local.named + "）";
      if (named.page === "pair") {
        var far = national.record ? fateOf(data, national) : null;
        notice("链接所指的对照（" + local.named + " 与 " + national.named + "）现未列出。" +
          (fate ? "重庆句子" + fate.said + "。" + fate.more : "") + (far ? "国家条文" + far.said + "。" + far.more : ""),
          row && !row.classList.contains("retired-clause") ? row : null,
          [toLocal("重庆原文"), { text: "国家原文", href: siteHref(far ? far.href : national.href) }]);
      } else if (named.page === "sentence") {
        notice(about + (fate ? fate.said + "。" + fate.more : "现不在本页的对照中。"), null, [toLocal("在原文中查看")]);
      } else {
        var heading = document.getElementById("chongqing");
        var listed = !heading || /^\s*重庆落实/.test(heading.textContent) ? "本任务的落实措施" : "本条对应的重庆句子";
        var to = fate && fate.moved ? "chongqing-" + new URL(siteHref(fate.href)).hash.slice(1) : null;
        var entry = to && (document.getElementById(to) || document.querySelector('[id^="' + to + '-s"]'));
        if (entry) {   /* it went to a sentence this task lists, or to a paragraph it lists a sentence of: there */
          history.replaceState(null, "", "#" + entry.id);
          entry.classList.add("is-redirected-target");
          notice(about + fate.said + (entry.id === to ? "，仍列为" : "，该段有句子列为") + listed + "，见下。", entry);
        } else if (fate && !fate.moved) notice(about + fate.said + "。" + fate.more, heading, [toLocal("在原文中查看说明")]);
        else notice(about + (fate ? fate.said + "，" : "") + "现未列为" + listed + "。", heading,
          [toLocal(fate ? "在原文中查看新位置" : "在原文中查看此句")]);
      }
    });
  }

  function handleMissing(hash) {
    var shown = decoded(hash);
    loadRedirects()
      .then(function (redirects) {
        if (location.hash !== hash) return;   /* the reader followed another link while redirects.json loaded */
        var key = recordFor(redirects || {}, sitePath(), hash);
        var anchor = forgiven(hash);
        if (key === null && anchor && anchor !== hash.slice(1) && recordFor(redirects || {}, sitePath(), "#" + anchor) !== null) {
          correctTo(anchor);   /* a moved or removed clause, written almost right */
          return;
        }
        if (key === null) {
          var gone = notFoundPage() ? retiredDocument(redirects, sitePath()) : null;
          var named = gone ? null : matcherAnchor(sitePath(), hash);
          if (gone) notice(sentence(gone.notice));
          else if (named) explainMatcherAnchor(named, redirects || {}, hash);
          else plainNotice(shown);
          return;
        }
        var record = redirects[key];
        var target = record && typeof record === "object" ? record.to : record;
        if (!target) {
          notice("链接所指的条款（" + shown + "）已在文本修订中删除。" + (record && record.notice ? sentence(record.notice) : ""));
          return;
        }
        var moved = { shown: shown, date: record.date || "", note: record.note || "" };
        var next = new URL(target.replace(/^\//, ""), siteRoot);
        if (next.pathname === location.pathname && byFragment(next.hash)) {
          history.replaceState(null, "", next.hash);
          var el = byFragment(next.hash);
          el.classList.add("is-redirected-target");
          showToolbar(el);
          notice(movedNotice(moved, el, false), el);
        } else {   /* the page it went to says so (onFragment) */
          try { sessionStorage.setItem("fragment-notice", JSON.stringify(moved)); } catch (e) { /* private mode */ }
          location.replace(next.href);
        }
      });
  }

  /* ---------------------------------------------------------- wiring */

  /* A page at an address that is gone (build_scripts/pages/moved.py) sends the reader on with a meta
   * refresh, which drops the fragment: the link's anchor goes along, for the new page to open or explain
   * (a 对照 pair of a moved paragraph: explainMatcherAnchor), unless the new address names a clause of its
   * own (a task page sent to its clause's new place in the text). True when it is sending the reader on. */
  function passFragmentOn() {
    var refresh = document.querySelector("meta[http-equiv=refresh]");
    var to = refresh && /;\s*url=([^#]+)$/i.exec(refresh.getAttribute("content") || "");
    if (!to || !location.hash || location.hash === "#") return false;
    location.replace(new URL(to[1], location.href).href + location.hash);
    return true;
  }

  function onFragment() {
    if (passFragmentOn()) return;
    var carried = null;   /* a clause moved here from another page: movedNotice's words */
    try {
      carried = sessionStorage.getItem("fragment-notice");
      sessionStorage.removeItem("fragment-notice");
      carried = carried && JSON.parse(carried);
    } catch (e) { carried = null; /* private mode */ }
    if (!location.hash || location.hash === "#") {
      if (notFoundPage()) sayDocumentRetired();
      return;
    }
    var el = byFragment(location.hash);
    if (el) {
      showToolbar(el);
      if (carried && carried.shown) notice(movedNotice(carried, el, true), el);
    } else if (/^#__/.test(location.hash)) return;   /* #__search etc. are Material's */
    else if (forgiven(location.hash) && document.getElementById(forgiven(location.hash))) correctTo(forgiven(location.hash));
    else handleMissing(location.hash);
  }

  /* The search worker fetches its index (data/search-index.json) for the first query typed, not on
   * every page load. Opening the search box is the sign a query is coming: fetch it into the
   * browser's cache then, so the worker's own request is answered at once. */
  var prefetched = false;
  var indexFailed = false;   /* the index did not load: "no results" would be untrue */
  function prefetchSearchIndex(ev) {
    var t = ev.target;
    /* again after a failure: the network may be back, and "no results" true again */
    if ((prefetched && !indexFailed) || !t || !t.matches || !t.matches("input[data-md-component=search-query], #__search")) return;
    if (!prefetched) watchForFailure();
    prefetched = true;
    fetch(new URL("data/search-index.json", siteRoot).href, { credentials: "same-origin" })
      .then(function (res) { indexFailed = !res.ok; })
      .catch(function () { indexFailed = true; });
  }
  document.addEventListener("focusin", prefetchSearchIndex);
  document.addEventListener("change", prefetchSearchIndex);   /* the header's search toggle (a checkbox) */

  /* While the first query waits for the index (a slow network), Material's result line still says
   * 键入以开始搜索 (type to start searching) under a box that has text in it. If no answer has come
   * a moment after typing, say that the index is loading; the answer replaces the line as usual. */
  var translations = config.translations || {};
  var placeholder = translations["search.result.placeholder"];
  var noneFound = translations["search.result.none"];
  var LOADING_NOTICE = "正在载入搜索索引，请稍候…";
  /* not "reload the page": offline, a reload replaces the page the reader has with the browser's error page, and
   * the worker loads the index again on the next query by itself (session 44's slow-network review) */
  var FAILED_NOTICE = "搜索索引未能载入（网络可能已中断）。网络恢复后再输入或修改搜索词即可，无需刷新页面。";
  var LOADING_DELAY_MS = 300;   /* an index already loaded answers well within this */
  function sayLoading(ev) {
    var box = ev.target;
    if (!box || !box.matches || !box.matches("input[data-md-component=search-query]")) return;
    /* Material searches on keyup: text pasted from a menu or dictated comes with an input event only
       (a real keyup after typing repeats the same query, which Material drops) */
    box.dispatchEvent(new KeyboardEvent("keyup"));
    if (!placeholder) return;
    setTimeout(function () {
      var meta = document.querySelector(".md-search-result__meta");
      if (meta && box.value.trim() && meta.textContent.trim() === placeholder) {
        meta.textContent = indexFailed ? FAILED_NOTICE : LOADING_NOTICE;   /* "no results" is watchForFailure's */
      }
    }, LOADING_DELAY_MS);
  }
  document.addEventListener("input", sayLoading);
  /* The index failed to load: the worker answers every query with no results; say why instead. */
  function watchForFailure() {
    var meta = document.querySelector(".md-search-result__meta");
    if (!meta || !noneFound) return;
    new MutationObserver(function () {
      if (indexFailed && meta.textContent.trim() === noneFound) meta.textContent = FAILED_NOTICE;
    }).observe(meta, { childList: true, subtree: true, characterData: true });
  }

  /* A query that finds nothing every way is answered by one link, a search of its words the texts hold
   * (clause-search-worker.js, offerNarrower: 买到假奶粉去哪投诉 → 改为只搜其中的“投诉”), for which Material's
   * result line says 找到 1 个符合条件的结果: it says nothing was found, which is so, and, for a screen reader
   * (the line is role=status), what is offered, in words hidden from sight (the link says it below). The link
   * is marked for the stylesheet (a suggestion, not a clause). */
  function offered(link) {   /* the words an offer's link searches (?q=…), or null */
    try { return new URL(link.href).searchParams.get("q"); } catch (e) { return null; }
  }
  function soleOffer() {   /* the offer, when it is the one result shown */
    var links = document.querySelectorAll(".md-search-result__list .md-search-result__link");
    return links.length === 1 && offered(links[0]) ? links[0] : null;
  }
  var oneFound = translations["search.result.one"];
  function sayOffer() {
    var meta = document.querySelector(".md-search-result__meta"), offer = soleOffer();
    if (!meta || !offer) return;
    offer.classList.add("search-offer");
    /* only Material's count of this answer: not a line another query's wait put there (the loading notice) */
    if (!noneFound || meta.textContent.trim() !== oneFound) return;
    var title = offer.querySelector("h1"), count = offer.querySelector("article > p");
    var said = document.createElement("span");
    said.className = "visually-hidden";
    said.textContent = "；" + (title ? title.textContent : "") + (count ? "，" + count.textContent : "");
    meta.textContent = noneFound;
    meta.appendChild(said);
  }
  /* Material writes the line of the words a result lacks with an ASCII colon (缺少: 专利质押融资, the colon ending the
   * text before the first word); Chinese takes the full-width one (session 40's phone review). */
  function fullWidthColons() {
    document.querySelectorAll(".md-search-result__terms").forEach(function (line) {
      for (var node = line.firstChild; node; node = node.nextSibling)
        if (node.nodeType === 3 && /:\s*$/.test(node.data)) node.data = node.data.replace(/:\s*$/, "：");
    });
  }
  /* A query read another way (zhuanli as 专利, a slip of the pen) is answered after a notice (没有找到“zhuanli”，以下是
   * “专利”的结果) that Material draws as a result and counts: 148 个符合条件的结果 where 专利 finds 147 (session 42's
   * phone review). The count is of the results. Material writes a new line for each answer: the one said here is
   * marked, so that it is not counted down again. */
  var manyFound = translations["search.result.other"];
  function countWithoutNotice() {
    var meta = document.querySelector(".md-search-result__meta");
    var first = document.querySelector(".md-search-result__list .md-search-result__link h1");
    if (!meta || !first || !manyFound || first.textContent.indexOf("没有找到“") !== 0) return;
    var line = meta.firstChild, count = line && line.nodeType === 3 && !line.countedHere && line.data.match(/^(\d+)/);
    if (!count || line.data !== manyFound.replace("#", count[1])) return;
    var results = Number(count[1]) - 1;
    var said = document.createTextNode(results === 1 ? oneFound : manyFound.replace("#", String(results)));
    said.countedHere = true;
    meta.replaceChild(said, line);
  }
  var resultPanel = document.querySelector(".md-search-result");
  if (resultPanel) new MutationObserver(function () { sayOffer(); fullWidthColons(); countWithoutNotice(); })
    .observe(resultPanel, { childList: true, subtree: true, characterData: true });
  /* Enter in the box follows the first result (Material), and a phone keyboard's 搜索 key is an Enter: where the one
   * result is the offer, the reader who pressed it to search what was typed was taken to another search (李明的专利
   * opened 专利's 147 results, the box saying 专利). The offer is followed when chosen (a tap, a click, the arrow keys
   * or Tab to it and Enter); Enter in the box leaves the line saying nothing was found, as it does where there is
   * no result. Listening on window in the capture phase, this runs before Material's handler.
   * On a touch screen the 搜索 key is pressed to put the keyboard away and read the results it covered (half the
   * screen): it opened the first of 147 (专利: task 48), and Back did not bring the list back (session 42's phone
   * review). There it only puts the keyboard away; a result is tapped. With a keyboard, Enter opens the first. */
  var touchScreen = window.matchMedia && window.matchMedia("(pointer: coarse)");
  window.addEventListener("keydown", function (ev) {
    if (ev.key !== "Enter" || ev.isComposing || ev.keyCode === 229) return;   /* an input method's Enter */
    var box = ev.target;
    if (!box || !box.matches || !box.matches("input[data-md-component=search-query]")) return;
    var onTouch = touchScreen && touchScreen.matches;
    if (!onTouch && !soleOffer()) return;
    ev.preventDefault();
    ev.stopPropagation();
    if (onTouch) box.blur();
  }, true);

  /* Followed, the offer is searched here, in the box, as if typed: its link (?q=…, which Material reads into the
   * box) opened the home page, so the page the reader was on was left, and Back closed the search. The search stays
   * open with the new results (on a phone Material's own handler closed it: session 39's search review). */
  document.addEventListener("click", function (ev) {
    var link = ev.target && ev.target.closest && ev.target.closest("a.search-offer");
    var box = document.querySelector("input[data-md-component=search-query]");
    var words = link && offered(link);
    if (!words || !box) return;
    ev.preventDefault();
    ev.stopPropagation();   /* Material closes the search when a result is followed: on a phone the panel shut */
    box.value = words;
    box.focus();
    box.dispatchEvent(new KeyboardEvent("keyup"));   /* Material searches on keyup */
  }, true);

  /* ------------------------------------------- the header's ☰ and 🔍 by keyboard */

  /* Material draws the header's ☰ and 🔍 as <label for="__drawer"> / <label for="__search"> of hidden
   * checkboxes; overrides/partials/header.html names the icon inside each as a button. A label is no
   * tab stop and a span does nothing on Enter: here each becomes a tab stop that Enter and Space
   * press, saying whether what it opens is open (aria-expanded). Opened from the keyboard, the drawer
   * takes focus; Escape, or Tab out of it, closes it. When the drawer or the search closes with focus
   * inside it (or lost to the page), focus goes back to the button, where the reader was, if shown.
   * From 60em there is no 🔍 button: the search box is in the header, and Escape in the open search
   * leaves focus in it (below). A search opened by Material's s, f or / key is left for where the
   * reader was before it (below, "Material's s, f and / keys"). */
  function headerButton(toggle) {
    var label = document.querySelector(".md-header label[for=" + toggle.id + "]");
    return label && label.querySelector(".md-header__button-name");
  }
  function shown(el) { return !!el && el.getClientRects().length > 0; }
  var drawer = document.getElementById("__drawer"), search = document.getElementById("__search");
  var focusPlaced = false;
  var drawerPanel = document.querySelector(".md-sidebar--primary");
  var searchPanel = document.querySelector(".md-search");
  [[drawer, drawerPanel], [search, searchPanel]].forEach(function (pair) {
    var toggle = pair[0], panel = pair[1], named = toggle && headerButton(toggle);
    if (!named) return;
    named.tabIndex = 0;
    named.setAttribute("aria-expanded", String(toggle.checked));
    named.addEventListener("keydown", function (ev) {
      if (ev.key !== "Enter" && ev.key !== " ") return;
      ev.preventDefault();   /* Space would scroll the page */
      named.parentNode.click();   /* the label: toggles its checkbox, as a tap does */
      if (toggle === drawer && drawer.checked && drawerPanel) {
        var first = drawerPanel.querySelector("a[href], label[tabindex], [tabindex='0']");
        if (first) first.focus();
      }
    });
    toggle.addEventListener("change", function () {
      named.setAttribute("aria-expanded", String(toggle.checked));
      if (toggle.checked || focusPlaced) return;   /* focusPlaced: the Escape of a shortcut (below) */
      /* after Material's own handlers (it blurs the search box on Escape) */
      setTimeout(function () {
        var active = document.activeElement;
        var lost = !active || active === document.body || (panel && panel.contains(active));
        if (lost && shown(named)) named.focus();
      }, 0);
    });
  });
  /* Below 60em the search box is off the screen until the search opens, and gets it opened when it
   * gets focus: after the 🔍 button it was a second tab stop, and Shift+Tab out of the drawer landed
   * on it and opened the search. There it is a tab stop only while the search is open (Material
   * focuses it when it opens); from 60em it is in the header and stays one. */
  var searchBox = document.querySelector("input[data-md-component=search-query]");
  var narrow = window.matchMedia("(max-width: 59.984375em)");
  function searchBoxStop() {
    if (!searchBox || !search || !headerButton(search)) return;
    if (narrow.matches && !search.checked) searchBox.tabIndex = -1;
    else searchBox.removeAttribute("tabindex");
  }
  if (search) search.addEventListener("change", searchBoxStop);
  if (narrow.addEventListener) narrow.addEventListener("change", searchBoxStop);
  searchBoxStop();

  /* Escape in the open search from 60em: Material closes it and blurs the box, and with no 🔍 button
   * to go back to, focus fell to <body>, the page's start. Here the search closes as Material closes
   * it, and focus stays in the box (or goes back to it from a result), as a combobox's Escape leaves
   * it. Material opens the search when the box gets focus (its focus watch listens on <body>), so
   * that move of focus is kept from it, and Material does not see the key (it would blur the box).
   * Typing in the box, or a click on it, opens the search again (a click on a box that has focus
   * gives Material no focus event). Listening on window in the capture phase, this runs first. */
  var quietFocus = false;
  function keepFromMaterial(ev) { if (quietFocus) ev.stopPropagation(); }
  window.addEventListener("focusout", keepFromMaterial, true);
  window.addEventListener("focusin", keepFromMaterial, true);
  window.addEventListener("keydown", function (ev) {
    if (ev.key !== "Escape" || ev.ctrlKey || ev.metaKey || !search || !search.checked) return;
    if (ev.isComposing || ev.keyCode === 229) return;   /* an input method's Escape: it drops the pinyin */
    if (openedFrom) { backFromShortcut(ev); return; }
    if (!shown(searchBox) || shown(headerButton(search))) return;   /* below 60em: back to 🔍 (above) */
    ev.stopPropagation();
    search.click();   /* the toggle, as Material closes it */
    quietFocus = true;
    searchBox.focus();
    quietFocus = false;
  }, true);

  /* Material's s, f and / keys (pressed anywhere but in a text field) put focus in the search box
   * from wherever the reader was, opening the search. Escape then left focus in the box (from 60em)
   * or on the 🔍 button (below), away from the reader's place: the keys are a detour, so Escape in a
   * search so opened closes it and gives focus back to the element that had it, or, when none had
   * (focus on <body>), to none, the page scrolled where it was. The place is noted in the capture
   * phase, before Material's handler; the key was the shortcut if the box got focus while it was
   * dispatched. Closing the search any other way forgets it. */
  var shortcutFrom = null, openedFrom = null;
  window.addEventListener("keydown", function (ev) {
    shortcutFrom = null;
    if (ev.ctrlKey || ev.metaKey || ev.altKey || !search || search.checked) return;
    if (ev.key !== "s" && ev.key !== "f" && ev.key !== "/") return;
    shortcutFrom = { el: document.activeElement, x: window.scrollX, y: window.scrollY };
    setTimeout(function () { shortcutFrom = null; }, 0);
  }, true);
  if (searchBox) searchBox.addEventListener("focus", function () {
    if (shortcutFrom) openedFrom = shortcutFrom;
    shortcutFrom = null;
  });
  if (search) search.addEventListener("change", function () {
    if (!search.checked) openedFrom = null;
  });
  function backFromShortcut(ev) {
    var from = openedFrom, el = from.el;
    ev.stopPropagation();   /* Material would blur the box */
    focusPlaced = true;   /* the 🔍 button's change handler (above) leaves focus alone */
    search.click();   /* the toggle, as Material closes it */
    focusPlaced = false;
    var back = el && el !== document.body && el !== searchBox && document.documentElement.contains(el) &&
      shown(el) && !(searchPanel && searchPanel.contains(el));
    if (back) el.focus({ preventScroll: true });
    else if (document.activeElement && document.activeElement.blur) document.activeElement.blur();
    window.scrollTo(from.x, from.y);
  }

  function reopenSearch() {
    if (search && !search.checked) search.click();   /* the toggle, as Material opens it */
  }
  if (searchBox) {
    searchBox.addEventListener("input", reopenSearch);
    searchBox.addEventListener("click", reopenSearch);
  }

  /* Tab past the open drawer's last link (or back before its first) closes it: focus went on behind
   * it and its overlay, under the drawer on a phone. */
  if (drawer && drawerPanel) drawerPanel.addEventListener("focusout", function (ev) {
    var to = ev.relatedTarget;
    if (drawer.checked && to && !drawerPanel.contains(to) && getComputedStyle(drawerPanel).position === "fixed") drawer.click();
  });
  document.addEventListener("keydown", function (ev) {
    if (ev.key === "Escape" && drawer && drawer.checked && !(search && search.checked)) drawer.click();
  });

  /* Tab in the open search: Material gives each result tabindex=-1 and closes the search on Tab, so
   * the results were reached by the arrow keys only. Tab and Shift+Tab go from the box through the
   * results (the list Material's arrow keys go through) and back; past either end Material closes the
   * search as before. Listening on window in the capture phase, this runs before Material's handler. */
  window.addEventListener("keydown", function (ev) {
    if (!search || !search.checked || ev.altKey || ev.ctrlKey || ev.metaKey) return;
    if (ev.isComposing || ev.keyCode === 229) return;   /* an input method's key: Tab picks among its words */
    var result = document.querySelector("[data-md-component=search-result]");
    if (!searchBox || !result) return;
    /* Material sends any other key back to the box, so that typing goes on there: the Shift of a
       Shift+Tab, pressed first, took focus from a result back to the box */
    if (ev.key === "Shift" && result.contains(document.activeElement)) { ev.stopPropagation(); return; }
    if (ev.key !== "Tab") return;
    var stops = [searchBox].concat([].slice.call(result.querySelectorAll(":not(details) > [href], summary, details[open] [href]")));
    var at = stops.indexOf(document.activeElement);
    var next = at < 0 ? -1 : at + (ev.shiftKey ? -1 : 1);
    if (next < 0 || next >= stops.length) return;
    ev.preventDefault();
    ev.stopPropagation();
    stops[next].focus();
  }, true);

  /* ------------------------------------------- ?h= words across a link in the text */

  /* Material marks the words of a search result's ?h= within one text node at a time. An agency's name in the text
   * links to its page (知识产权局 of （知识产权局、财政部负责）), and a 文号 to its document's, so the words a result
   * marks across one (知识产权局负责) stood in two text nodes and were marked nowhere (session 39's code review: 22
   * places before the names were links, 0 after). Each place a word runs across such a link is marked here, a
   * <mark> in each text node it spans; a place within one text node is Material's. */
  function markAcrossLinks() {
    var words;
    try { words = new URL(location.href).searchParams.get("h"); } catch (e) { return; }
    var content = document.querySelector(".md-content");
    if (!words || !content) return;
    words = words.replace(/[\s*+\-:~^]+/g, " ").trim().split(" ").filter(function (w) { return w.length > 1; });
    content.querySelectorAll(".sentence, p.clause, .task-text p").forEach(function (el) {
      if (!el.querySelector("a") || el.querySelector(".sentence")) return;
      var nodes, text;
      function read() {   /* the element's text nodes, each with where it starts in the element's text */
        var walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT), node;
        nodes = []; text = "";
        while ((node = walker.nextNode())) { nodes.push({ node: node, from: text.length }); text += node.data; }
      }
      read();
      words.forEach(function (word) {
        for (var from = 0; ;) {
          var at = text.indexOf(word, from), end = at + word.length;
          if (at < 0) return;
          from = end;
          var parts = nodes.filter(function (n) { return n.from < end && n.from + n.node.data.length > at; });
          if (parts.length < 2) continue;
          parts.forEach(function (n) {
            var range = document.createRange(), mark = document.createElement("mark");
            range.setStart(n.node, Math.max(at - n.from, 0));
            range.setEnd(n.node, Math.min(end - n.from, n.node.data.length));
            mark.setAttribute("data-md-highlight", "");
            range.surroundContents(mark);
          });
          read();   /* marking split the text nodes; the text is the same */
        }
      });
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", markAcrossLinks);
  else markAcrossLinks();

  /* Material's heading links (the toc extension's ¶, titled 本节链接) were named by their mark alone: a screen reader
   * said "¶" for each, 1,597 over the site (session 40's review). Each is named by its title, as the site's own marks
   * (本句链接, 本条链接) are. */
  function nameHeadingLinks() {
    document.querySelectorAll("a.headerlink[title]:not([aria-label])").forEach(function (link) {
      link.setAttribute("aria-label", link.title);
    });
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", nameHeadingLinks);
  else nameHeadingLinks();

  /* Printed, a page is whole and says where it is from: its closed boxes (目录, 元数据来源) are opened while it prints,
   * and closed again after, and its address and the site's build time stand at its end (the footer, which says the
   * time, is not printed). The marks and tools of the screen are not printed (site.css). */
  var openedForPrint = [];
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll(".md-content details:not([open])").forEach(function (box) {
      box.open = true;
      openedForPrint.push(box);
    });
    var article = document.querySelector(".md-content article");
    if (!article || article.querySelector(".print-address")) return;
    var line = document.createElement("p"), built = document.querySelector("#build-time time");
    line.className = "print-address";
    line.textContent = "本页地址：" + location.href.split("#")[0].split("?")[0] +
      (built ? "。本站构建于" + built.textContent.trim() + "。" : "");
    article.appendChild(line);
  });
  window.addEventListener("afterprint", function () {
    openedForPrint.forEach(function (box) { box.open = false; });
    openedForPrint = [];
  });

  /* A notice is about the link the page was opened with: gone once the reader follows another. */
  window.addEventListener("hashchange", function () {
    clearNotice();
    onFragment();
  });
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", onFragment);
  else onFragment();
})();

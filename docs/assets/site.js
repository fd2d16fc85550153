/* Puebla Outreach: the site's only script, in place of Material's 35 KB bundle.
 *
 * Why it exists: pages must stay light on cheap phones and slow links, work with a keyboard and
 * a screen reader, and search in the reader's own language. It does three things:
 *   1. turns the header's drawer and search labels into real buttons (keyboard, aria-expanded);
 *   2. makes the navigation's section labels operable from the keyboard;
 *   3. searches an index of the page's language only, loaded on first use (search/<lang>.js,
 *      a script rather than JSON so it also loads from file://);
 *   4. adds "Copy link" and the Web Share API to the share links, where the browser has them.
 * Without JavaScript the site still works: the labels open the drawer, search is hidden.
 */
(function () {
  "use strict";
  var doc = document;
  var root = doc.documentElement;
  root.classList.remove("no-js");
  root.classList.add("js");

  function each(selector, fn, scope) {
    Array.prototype.forEach.call((scope || doc).querySelectorAll(selector), fn);
  }
  each(".puebla-js", function (el) { el.hidden = false; });
  each(".puebla-nojs", function (el) { el.hidden = true; });

  /* 1. Header buttons drive Material's CSS checkboxes (#__drawer, #__search). */
  function toggle(id) { return doc.getElementById(id); }
  function setOpen(id, open) {
    var box = toggle(id);
    if (!box || box.checked === open) return;
    box.checked = open;
    box.dispatchEvent(new Event("change"));
  }
  each("[data-puebla-toggle]", function (button) {
    var box = toggle(button.getAttribute("data-puebla-toggle"));
    if (!box) return;
    button.addEventListener("click", function () { setOpen(box.id, !box.checked); });
    box.addEventListener("change", function () {
      button.setAttribute("aria-expanded", String(box.checked));
    });
  });

  var drawer = toggle("__drawer");
  if (drawer) {
    drawer.addEventListener("change", function () {
      var nav = doc.querySelector(".md-sidebar--primary a");
      if (drawer.checked && nav && window.matchMedia("(max-width: 76.2344em)").matches) nav.focus();
    });
  }

  /* 2. Section labels in the navigation: Enter or Space opens and closes the section. */
  each("label.md-nav__link[for][tabindex]", function (label) {
    var box = toggle(label.htmlFor);
    if (!box) return;
    label.addEventListener("keydown", function (event) {
      if (event.key !== "Enter" && event.key !== " ") return;
      event.preventDefault();
      box.checked = !box.checked;
      var nav = label.closest(".md-nav__item").querySelector("nav.md-nav");
      if (nav) nav.setAttribute("aria-expanded", String(box.checked));
    });
  });

  /* Back to top: shown once the reader has scrolled a screen down. */
  var up = doc.querySelector(".md-top");
  if (up) {
    var place = function () { up.hidden = window.scrollY < window.innerHeight; };
    window.addEventListener("scroll", place, { passive: true });
    place();
    up.addEventListener("click", function () {
      window.scrollTo(0, 0);
      var skip = doc.querySelector(".md-skip");
      if (skip) skip.focus();
    });
  }

  /* 4. Share: "Copy link" and the browser's own share sheet, where the browser has them.
   * The plain links (WhatsApp, SMS, e-mail) work without this; nothing here contacts a server. */
  each("[data-puebla-copy]", function (button) {
    if (!navigator.clipboard) { button.parentNode.hidden = true; return; }
    button.addEventListener("click", function () {
      var status = button.closest(".puebla-share").querySelector(".puebla-share__status");
      navigator.clipboard.writeText(button.getAttribute("data-puebla-copy")).then(function () {
        if (status) status.textContent = button.getAttribute("data-done");
      });
    });
  });
  if (navigator.share) {
    each("[data-puebla-share]", function (button) {
      button.parentNode.hidden = false;
      button.addEventListener("click", function () {
        navigator.share({
          title: button.getAttribute("data-title"),
          url: button.getAttribute("data-puebla-share")
        }).catch(function () { /* the reader closed the sheet */ });
      });
    });
  }

  /* 3. Search in the reader's language. */
  var form = doc.querySelector(".md-search__form[data-index]");
  if (!form) return;
  var input = form.querySelector(".md-search__input");
  var result = doc.querySelector(".md-search-result");
  var meta = result.querySelector(".md-search-result__meta");
  var list = result.querySelector(".md-search-result__list");
  var opener = doc.querySelector(".puebla-search-open");
  var docs = null;
  var loading = false;

  /* Lower case without accents, one character for one: positions map back to the text. */
  function fold(text) {
    var out = "";
    for (var i = 0; i < text.length; i++) {
      var c = text[i].normalize("NFD").replace(/[\u0300-\u036f]/g, "").toLowerCase();
      out += c ? c[0] : text[i];
    }
    return out;
  }
  var WORD = /[\p{L}\p{N}]+/gu;
  function words(text) { return text.match(WORD) || []; }

  function load() {
    if (docs || loading) return;
    loading = true;
    var script = doc.createElement("script");
    script.src = form.getAttribute("data-index");
    script.onload = function () {
      docs = (window.pueblaSearchIndex || []).map(function (d) {
        return { url: d[0], title: d[1], text: d[2], page: d[3], ftext: fold(d[2]),
                 twords: words(fold(d[1])), xwords: words(fold(d[2])) };
      });
      search();
    };
    doc.head.appendChild(script);
  }

  function count(list, term) {
    var n = 0;
    for (var i = 0; i < list.length; i++) if (list[i].lastIndexOf(term, 0) === 0) n++;
    return n;
  }

  function highlight(parent, text, terms) {
    var folded = fold(text);
    var marks = [];
    terms.forEach(function (term) {
      var re = new RegExp("(^|[^\\p{L}\\p{N}])(" + term.replace(/[.*+?^${}()|[\]\\]/g, "\\$&") + ")", "gu");
      var m;
      while ((m = re.exec(folded))) marks.push([m.index + m[1].length, m.index + m[0].length]);
    });
    marks.sort(function (a, b) { return a[0] - b[0]; });
    var at = 0;
    marks.forEach(function (m) {
      if (m[0] < at) return;
      parent.appendChild(doc.createTextNode(text.slice(at, m[0])));
      var mark = doc.createElement("mark");
      mark.textContent = text.slice(m[0], m[1]);
      parent.appendChild(mark);
      at = m[1];
    });
    parent.appendChild(doc.createTextNode(text.slice(at)));
  }

  function excerpt(d, terms) {
    var at = -1;
    for (var i = 0; i < terms.length && at < 0; i++) at = d.ftext.indexOf(terms[i]);
    var start = Math.max(0, at - 60);
    if (start > 0) start = d.text.indexOf(" ", start) + 1 || start; /* whole words only */
    var text = d.text.slice(start, start + 200);
    return (start > 0 ? "… " : "") + text + (start + 200 < d.text.length ? " …" : "");
  }

  function say(key, n) {
    meta.textContent = (result.getAttribute("data-" + key) || "").replace("#", n);
  }

  function search() {
    var terms = words(fold(input.value));
    list.textContent = "";
    if (!terms.length) { say("placeholder", 0); return; }
    if (!docs) { load(); return; }
    meta.setAttribute("data-query", input.value); /* which query the results are for */
    var hits = [];
    docs.forEach(function (d) {
      var score = 0;
      for (var i = 0; i < terms.length; i++) {
        var inTitle = count(d.twords, terms[i]);
        var inText = count(d.xwords, terms[i]);
        if (!inTitle && !inText) return;
        score += inTitle * 10 + Math.min(inText, 10);
      }
      hits.push([score + (d.url.indexOf("#") < 0 ? 1 : 0), d]);
    });
    hits.sort(function (a, b) { return b[0] - a[0]; });
    say(hits.length === 0 ? "none" : hits.length === 1 ? "one" : "other", hits.length);
    var base = form.getAttribute("data-base");
    hits.slice(0, 20).forEach(function (hit) {
      var d = hit[1];
      var item = doc.createElement("li");
      item.className = "md-search-result__item";
      var link = doc.createElement("a");
      link.className = "md-search-result__link";
      link.href = base + "/" + d.url;
      var article = doc.createElement("div");
      article.className = "md-search-result__article md-typeset";
      var title = doc.createElement("p");
      title.className = "puebla-result-title";
      if (d.page) {
        var page = doc.createElement("span");
        page.className = "puebla-result-page";
        page.textContent = d.page;
        title.appendChild(page);
      }
      highlight(title, d.title, terms);
      var text = doc.createElement("p");
      highlight(text, excerpt(d, terms), terms);
      article.appendChild(title);
      article.appendChild(text);
      link.appendChild(article);
      item.appendChild(link);
      list.appendChild(item);
    });
  }

  function close(returnFocus) {
    setOpen("__search", false);
    if (returnFocus && opener && opener.offsetParent) opener.focus();
  }

  input.addEventListener("focus", function () { load(); setOpen("__search", true); });
  input.addEventListener("input", search);
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var first = list.querySelector("a");
    if (first) first.focus();
  });
  form.querySelector(".puebla-search-close").addEventListener("click", function () {
    input.value = "";
    search();
    close(true);
  });
  toggle("__search").addEventListener("change", function () {
    if (toggle("__search").checked) { load(); input.focus(); }
  });
  doc.addEventListener("keydown", function (event) {
    var searching = toggle("__search").checked;
    if (event.key === "Escape" && searching) {
      close(true);
      input.blur();
    } else if (event.key === "Escape" && drawer && drawer.checked) {
      setOpen("__drawer", false);
      var menu = doc.querySelector("[data-puebla-toggle=__drawer]");
      if (menu) menu.focus();
    } else if (event.key === "/" && !searching && !/^(INPUT|TEXTAREA|SELECT)$/.test(doc.activeElement.tagName)) {
      event.preventDefault();
      setOpen("__search", true);
    }
  });
})();

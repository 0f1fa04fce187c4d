/**
 * The link forms' draft keeper (served as /assets/form-draft.js; every form works without it). A
 * chat app's browser (WeChat's) reloads the page when the clerk switches to a chat to copy
 * something: what was typed in a form marked `data-draft` is kept in the tab (sessionStorage, by
 * the form's address, which names the link, the suggestion and the form) until the form is posted,
 * and a reload (or back to the page) brings it back into the fields the page left empty, with the
 * form's `.lk-draft-note` shown and its fold (<details>) opened. A page opened afresh is a fresh
 * form, as the server gives it. A file is never kept.
 *
 * The form is posted: its draft goes (a refusal comes back from the server with the text in it). A
 * script of the form that holds the post back (the reply form's upload, letter-upload-script.ts)
 * keeps it until it posts, then calls `window.lkDraft.drop(form)`.
 *
 * Also opens the fold a #fragment points into (the reply form's note links to the 三沟通 form).
 *
 * Written for the older WebViews of chat apps: ES5 (var, function; no arrow functions, no template
 * literals, no ?. or ??). Included once per form: it runs once per page.
 */
export const FORM_DRAFT_JS = `(function () {
  "use strict";
  if (window.lkDraft) return;
  var PREFIX = "draft:";
  function storage() {
    try {
      return window.sessionStorage || null;
    } catch (e) {
      return null;
    }
  }
  function keyOf(form) {
    return PREFIX + (form.getAttribute("action") || location.pathname);
  }
  // The fields a person types or picks: not the one-time id, hidden values, files or buttons.
  function fieldsOf(form) {
    var out = [];
    var all = form.elements;
    for (var i = 0; i < all.length; i++) {
      var f = all[i];
      var t = f.type;
      if (!f.name || t === "hidden" || t === "file" || t === "submit" || t === "button" || t === "reset") continue;
      out.push(f);
    }
    return out;
  }
  // Free text (what a reload must not lose), as against choices and dates.
  function typed(f) {
    return f.tagName === "TEXTAREA" || f.type === "text" || f.type === "search";
  }
  function named(form, name) {
    var out = [];
    var fields = fieldsOf(form);
    for (var i = 0; i < fields.length; i++) if (fields[i].name === name) out.push(fields[i]);
    return out;
  }
  // A list's every pick (附议代表: several co-signers), not only the first that f.value gives.
  function picked(f) {
    var out = [];
    for (var j = 0; j < f.options.length; j++) if (f.options[j].selected) out.push(f.options[j].value);
    return out;
  }
  function save(form) {
    var store = storage();
    if (!store) return;
    var values = {};
    var any = false;
    var fields = fieldsOf(form);
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.type === "radio" || f.type === "checkbox") {
        if (f.checked) values[f.name] = f.value;
      } else if (f.type === "select-multiple") {
        values[f.name] = picked(f);
      } else {
        values[f.name] = f.value;
        if (typed(f) && f.value) any = true;
      }
    }
    try {
      if (any) store.setItem(keyOf(form), JSON.stringify({ values: values }));
      else store.removeItem(keyOf(form));
    } catch (e) {
      // Storage full or refused: the form works as before.
    }
  }
  function drop(form) {
    var store = storage();
    try {
      if (store) store.removeItem(keyOf(form));
    } catch (e) {
      // As above.
    }
  }
  // The page reloaded or went back to (where the browser cannot tell: taken as so).
  function reloaded() {
    var p = window.performance;
    var entry = p && p.getEntriesByType && p.getEntriesByType("navigation")[0];
    if (entry && entry.type) return entry.type === "reload" || entry.type === "back_forward";
    if (p && p.navigation) return p.navigation.type === 1 || p.navigation.type === 2;
    return true;
  }
  // As the page gave it: a refused form's values, a default choice or today's date.
  function untouched(fields) {
    for (var i = 0; i < fields.length; i++) {
      var f = fields[i];
      if (f.type === "radio" || f.type === "checkbox") {
        if (f.checked !== f.defaultChecked) return false;
      } else if (f.type === "select-multiple") {
        for (var k = 0; k < f.options.length; k++)
          if (f.options[k].selected !== f.options[k].defaultSelected) return false;
      } else if (f.tagName === "SELECT") {
        for (var j = 0; j < f.options.length; j++)
          if (f.options[j].defaultSelected && !f.options[j].selected) return false;
      } else if (f.value !== f.defaultValue) return false;
    }
    return true;
  }
  // Puts back a field's value: free text only where the page left it empty (what the page shows
  // wins), the rest (choices, dates; a select-multiple's list of picks) only along with it and
  // while as the page gave them.
  function restore(form, name, value, withText) {
    var fields = named(form, name);
    var i;
    if (!fields.length) return false;
    var f = fields[0];
    if (f.type === "select-multiple") {
      if (!Array.isArray(value) || !withText || !untouched(fields)) return false;
      for (i = 0; i < f.options.length; i++) f.options[i].selected = value.indexOf(f.options[i].value) >= 0;
      return true;
    }
    if (typeof value !== "string") return false;
    if (f.type === "radio" || f.type === "checkbox") {
      if (!withText || !untouched(fields)) return false;
      for (i = 0; i < fields.length; i++) fields[i].checked = fields[i].value === value;
      return true;
    }
    if (typed(f) ? f.value !== "" || !value : !withText || !untouched(fields)) return false;
    f.value = value;
    return f.value === value;
  }
  function openFold(el) {
    for (; el && el !== document; el = el.parentNode) if (el.tagName === "DETAILS") el.open = true;
  }
  function restoreDraft(form) {
    var store = storage();
    var draft = null;
    try {
      draft = store && JSON.parse(store.getItem(keyOf(form)) || "null");
    } catch (e) {
      draft = null;
    }
    if (!draft || !draft.values || !reloaded()) {
      drop(form);
      return;
    }
    var names = [];
    var fields = fieldsOf(form);
    var i;
    for (i = 0; i < fields.length; i++) if (names.indexOf(fields[i].name) < 0) names.push(fields[i].name);
    var back = false;
    for (i = 0; i < names.length; i++) {
      var f = named(form, names[i])[0];
      if (typed(f) && restore(form, names[i], draft.values[names[i]], false)) back = true;
    }
    if (!back) return;
    for (i = 0; i < names.length; i++) {
      if (!typed(named(form, names[i])[0])) restore(form, names[i], draft.values[names[i]], true);
    }
    var note = form.querySelector(".lk-draft-note");
    if (note) note.hidden = false;
    openFold(form);
  }
  function watch(form) {
    restoreDraft(form);
    form.addEventListener("input", function () {
      save(form);
    });
    form.addEventListener("change", function () {
      save(form);
    });
  }
  window.lkDraft = { drop: drop };
  var forms = document.querySelectorAll("form[data-draft]");
  for (var i = 0; i < forms.length; i++) watch(forms[i]);
  // Posted: the draft goes, unless a script of the form held the post back (it drops it itself).
  // On the document, the form's own listeners have run by then.
  document.addEventListener("submit", function (event) {
    var form = event.target;
    if (form && form.hasAttribute && form.hasAttribute("data-draft") && !event.defaultPrevented) drop(form);
  });
  function openTarget() {
    var id = location.hash.slice(1);
    var el = null;
    try {
      el = id ? document.getElementById(decodeURIComponent(id)) : null;
    } catch (e) {
      el = null;
    }
    if (el) openFold(el);
  }
  openTarget();
  window.addEventListener("hashchange", openTarget);
})();
`;

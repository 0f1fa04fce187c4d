// The spreadsheet page of the local Sheets emulator. Plain browser JavaScript, no framework: the
// server renders the grid; this script selects, edits, pastes and follows changes (server-sent
// events), sending each edit as a person's edit to /spreadsheets/d/{id}/edits.

(() => {
  const body = document.body;
  const spreadsheetId = body.dataset.spreadsheet;
  let gid = Number(body.dataset.gid);
  let meta = JSON.parse(document.getElementById("meta").textContent);
  const wrap = document.getElementById("grid-wrap");
  const gridEl = document.getElementById("grid");
  const editor = document.getElementById("editor");
  const nameBox = document.getElementById("name-box");
  const formula = document.getElementById("formula");
  const saveState = document.getElementById("save-state");
  const tabsEl = document.getElementById("tabs");
  const base = `/spreadsheets/d/${encodeURIComponent(spreadsheetId)}`;
  const WARN_PAUSE_MS = 5 * 60 * 1000;

  const state = {
    r: meta.frozenRows,
    c: 0,
    r2: meta.frozenRows,
    c2: 0,
    editing: null, // "cell" | "formula" | null
    original: "",
    allRows: false,
    warnPausedUntil: 0,
    revision: meta.revision,
    fetching: false,
    behind: false,
    dragging: false,
    busy: 0,
  };

  // ---- small helpers ----

  const letters = (c) => {
    let n = c + 1;
    let s = "";
    while (n > 0) {
      const rem = (n - 1) % 26;
      s = String.fromCharCode(65 + rem) + s;
      n = Math.floor((n - 1) / 26);
    }
    return s;
  };
  const a1 = (r, c) => `${letters(c)}${r + 1}`;
  const bounds = () => ({
    r0: Math.min(state.r, state.r2),
    r1: Math.max(state.r, state.r2) + 1,
    c0: Math.min(state.c, state.c2),
    c1: Math.max(state.c, state.c2) + 1,
  });
  const mergeAt = (r, c) => meta.merges.find((m) => r >= m.r0 && r < m.r1 && c >= m.c0 && c < m.c1);
  function cellEl(r, c) {
    const m = mergeAt(r, c);
    const [rr, cc] = m ? [m.r0, m.c0] : [r, c];
    return gridEl.querySelector(`tr[data-r="${rr}"] > td[data-c="${cc}"]`);
  }
  const shownText = (td) =>
    td
      ? [...td.childNodes]
          .filter((n) => n.nodeType === 3)
          .map((n) => n.textContent)
          .join("")
      : "";
  const editTextOf = (td) => (td ? (td.dataset.e ?? shownText(td)) : "");

  function setSaving(on) {
    state.busy += on ? 1 : -1;
    saveState.classList.toggle("busy", state.busy > 0);
    saveState.textContent = state.busy > 0 ? "正在保存…" : "所有更改都已保存";
  }

  // ---- dialogs and menus ----

  function dialog({ title, message, checkbox, ok = "确定", cancel }) {
    return new Promise((resolve) => {
      const shade = document.createElement("div");
      shade.className = "shade";
      const box = document.createElement("div");
      box.className = "dialog";
      box.setAttribute("role", "alertdialog");
      const h = document.createElement("h2");
      h.textContent = title;
      const p = document.createElement("p");
      p.textContent = message;
      box.append(h, p);
      let check = null;
      if (checkbox) {
        const label = document.createElement("label");
        check = document.createElement("input");
        check.type = "checkbox";
        label.append(check, checkbox);
        box.append(label);
      }
      const actions = document.createElement("div");
      actions.className = "actions";
      const done = (answer) => {
        shade.remove();
        editor.focus();
        resolve({ ok: answer, checked: check ? check.checked : false });
      };
      if (cancel) {
        const no = document.createElement("button");
        no.type = "button";
        no.textContent = cancel;
        no.addEventListener("click", () => done(false));
        actions.append(no);
      }
      const yes = document.createElement("button");
      yes.type = "button";
      yes.className = "primary";
      yes.textContent = ok;
      yes.addEventListener("click", () => done(true));
      actions.append(yes);
      box.append(actions);
      shade.append(box);
      shade.addEventListener("keydown", (e) => {
        if (e.key === "Escape") done(false);
      });
      document.body.append(shade);
      yes.focus();
    });
  }

  let openMenu = null;
  function closeMenu() {
    if (openMenu) openMenu.remove();
    openMenu = null;
  }
  function menu(x, y, items) {
    closeMenu();
    const box = document.createElement("div");
    box.className = "menu";
    box.setAttribute("role", "menu");
    for (const item of items) {
      if (item === "-") {
        box.append(document.createElement("hr"));
        continue;
      }
      const b = document.createElement("button");
      b.type = "button";
      b.setAttribute("role", "menuitem");
      b.textContent = item.label;
      b.addEventListener("click", () => {
        closeMenu();
        item.run();
      });
      box.append(b);
    }
    box.style.left = `${Math.min(x, window.innerWidth - 240)}px`;
    box.style.top = `${Math.min(y, window.innerHeight - 40)}px`;
    document.body.append(box);
    openMenu = box;
    return box;
  }
  document.addEventListener("mousedown", (e) => {
    if (openMenu && !openMenu.contains(e.target)) closeMenu();
  });

  // ---- talking to the emulator ----

  async function send(edit) {
    setSaving(true);
    try {
      const res = await fetch(`${base}/edits`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ gid, edit }),
      });
      const answer = await res.json().catch(() => ({}));
      if (!res.ok) {
        await dialog({ title: "出现了问题", message: answer.error?.message ?? `保存失败（${res.status}）` });
        await refresh();
        return null;
      }
      await refresh();
      return answer;
    } catch {
      await dialog({ title: "无法连接", message: "无法连接到表格模拟器，修改没有保存。" });
      return null;
    } finally {
      setSaving(false);
    }
  }

  /** Sheets' warning before a change to a range protected with "show a warning". */
  async function mayEdit(b) {
    const hit = meta.protectedAreas.some(
      (p) =>
        p.warningOnly &&
        p.r0 < b.r1 &&
        b.r0 < (p.r1 ?? Number.POSITIVE_INFINITY) &&
        p.c0 < b.c1 &&
        b.c0 < (p.c1 ?? Number.POSITIVE_INFINITY),
    );
    if (!hit || Date.now() < state.warnPausedUntil) return true;
    const answer = await dialog({
      title: "请注意！",
      message: "您正在尝试修改此工作表中不应被意外修改的部分。仍要修改吗？",
      checkbox: "5 分钟内不再显示此提示",
      ok: "确定",
      cancel: "取消",
    });
    if (answer.ok && answer.checked) state.warnPausedUntil = Date.now() + WARN_PAUSE_MS;
    return answer.ok;
  }

  async function refresh() {
    if (state.fetching) {
      state.behind = true;
      return;
    }
    state.fetching = true;
    try {
      const res = await fetch(`${base}/grid?gid=${gid}${state.allRows ? "&rows=all" : ""}`);
      if (!res.ok) return;
      const data = await res.json();
      const top = wrap.scrollTop;
      const left = wrap.scrollLeft;
      gridEl.innerHTML = data.html;
      tabsEl.innerHTML = data.tabs;
      meta = data.meta;
      state.revision = meta.revision;
      wrap.scrollTop = top;
      wrap.scrollLeft = left;
      paintSelection();
    } finally {
      state.fetching = false;
      if (state.behind) {
        state.behind = false;
        refresh();
      }
    }
  }

  const events = new EventSource(`${base}/events`);
  events.addEventListener("change", (e) => {
    const { revision } = JSON.parse(e.data);
    if (revision !== state.revision) refresh();
  });
  events.addEventListener("hello", (e) => {
    saveState.classList.remove("lost");
    saveState.textContent = "所有更改都已保存";
    if (JSON.parse(e.data).revision !== state.revision) refresh();
  });
  events.addEventListener("error", () => {
    saveState.classList.add("lost");
    saveState.textContent = "连接已断开，正在重新连接…";
  });

  // ---- selection ----

  function paintSelection() {
    for (const el of gridEl.querySelectorAll(".sel, .active, .hl"))
      el.classList.remove("sel", "active", "hl");
    const b = bounds();
    for (const tr of gridEl.querySelectorAll("tbody tr")) {
      const r = Number(tr.dataset.r);
      if (r < b.r0 || r >= b.r1) continue;
      tr.querySelector("th")?.classList.add("hl");
      for (const td of tr.querySelectorAll("td")) {
        const c = Number(td.dataset.c);
        if (c >= b.c0 && c < b.c1) td.classList.add("sel");
      }
    }
    for (const th of gridEl.querySelectorAll("thead th.ch")) {
      const c = Number(th.dataset.c);
      if (c >= b.c0 && c < b.c1) th.classList.add("hl");
    }
    const active = cellEl(state.r, state.c);
    if (active) active.classList.add("active");
    nameBox.value =
      b.r1 - b.r0 > 1 || b.c1 - b.c0 > 1
        ? `${a1(b.r0, b.c0)}:${a1(b.r1 - 1, b.c1 - 1)}`
        : a1(state.r, state.c);
    if (state.editing !== "formula") formula.value = editTextOf(active);
    placeEditor();
    showHelp(active);
  }

  // A validated cell's input message shows under it while it is selected, as in Sheets.
  let help = null;
  function showHelp(td) {
    help?.remove();
    help = null;
    const rule = td?.dataset.v !== undefined ? meta.rules[Number(td.dataset.v)] : null;
    if (!rule?.help) return;
    help = document.createElement("div");
    help.className = "tip help";
    help.textContent = rule.help;
    const box = td.getBoundingClientRect();
    help.style.left = `${Math.min(box.left, window.innerWidth - 330)}px`;
    help.style.top = `${box.bottom + 4}px`;
    document.body.append(help);
  }

  function placeEditor() {
    const td = cellEl(state.r, state.c);
    if (!td) return;
    const box = td.getBoundingClientRect();
    const frame = wrap.getBoundingClientRect();
    editor.style.left = `${box.left - frame.left + wrap.scrollLeft}px`;
    editor.style.top = `${box.top - frame.top + wrap.scrollTop}px`;
    editor.style.minWidth = `${box.width}px`;
    editor.style.width = state.editing === "cell" ? "auto" : `${box.width}px`;
    editor.style.height = `${box.height}px`;
  }

  function select(r, c, extend = false) {
    const maxRow = Math.max(meta.renderedRows - 1, 0);
    r = Math.max(0, Math.min(r, maxRow));
    c = Math.max(0, Math.min(c, meta.columnCount - 1));
    if (extend) {
      state.r2 = r;
      state.c2 = c;
    } else {
      state.r = state.r2 = r;
      state.c = state.c2 = c;
    }
    paintSelection();
    const td = cellEl(extend ? state.r2 : state.r, extend ? state.c2 : state.c);
    td?.scrollIntoView({ block: "nearest", inline: "nearest" });
  }

  // ---- editing ----

  function startEdit(text) {
    state.editing = "cell";
    state.original = editTextOf(cellEl(state.r, state.c));
    editor.value = text;
    editor.classList.add("editing");
    placeEditor();
    formula.value = text;
    editor.focus();
    editor.setSelectionRange(text.length, text.length);
  }

  function stopEdit() {
    state.editing = null;
    editor.classList.remove("editing");
    editor.value = "";
    placeEditor();
    editor.focus();
  }

  async function commit(text, moveRow, moveCol) {
    const { r, c } = state;
    const changed = text !== state.original;
    stopEdit();
    if (moveRow || moveCol) select(r + moveRow, c + moveCol);
    if (!changed) return;
    if (!(await mayEdit({ r0: r, r1: r + 1, c0: c, c1: c + 1 }))) {
      paintSelection();
      return;
    }
    const td = cellEl(r, c);
    if (td) {
      const arrow = td.querySelector(".dd");
      td.textContent = text;
      if (arrow) td.prepend(arrow);
    }
    await send({ kind: "set", row: r, col: c, text });
  }

  // The page has no undo of its own. The hidden editor keeps focus on a selected cell, and the
  // browser's undo there restores an earlier edit's text: taken for typing, it opened the editor with
  // that text (or empty), and Enter then wrote it over the cell.
  const isHistory = (e) => e.inputType === "historyUndo" || e.inputType === "historyRedo";

  editor.addEventListener("beforeinput", (e) => {
    if (!state.editing && isHistory(e)) e.preventDefault();
  });

  editor.addEventListener("input", (e) => {
    if (state.editing) {
      formula.value = editor.value;
      return;
    }
    if (isHistory(e)) {
      editor.value = "";
      return;
    }
    // Typing on a selected cell replaces its content, as in Sheets (IME input arrives here too).
    const typed = editor.value;
    state.editing = "cell";
    state.original = editTextOf(cellEl(state.r, state.c));
    editor.classList.add("editing");
    placeEditor();
    formula.value = typed;
    editor.value = typed;
  });

  editor.addEventListener("keydown", (e) => {
    if (e.isComposing) return;
    if (state.editing === "cell") {
      if (e.key === "Enter" && !e.altKey && !e.ctrlKey && !e.metaKey) {
        e.preventDefault();
        commit(editor.value, e.shiftKey ? -1 : 1, 0);
      } else if (e.key === "Tab") {
        e.preventDefault();
        commit(editor.value, 0, e.shiftKey ? -1 : 1);
      } else if (e.key === "Escape") {
        e.preventDefault();
        stopEdit();
        paintSelection();
      } else if (e.key === "Enter") {
        e.preventDefault();
        const at = editor.selectionStart;
        editor.setRangeText("\n", at, editor.selectionEnd, "end");
        formula.value = editor.value;
      }
      return;
    }
    const moves = { ArrowUp: [-1, 0], ArrowDown: [1, 0], ArrowLeft: [0, -1], ArrowRight: [0, 1] };
    if ((e.ctrlKey || e.metaKey) && !e.altKey && /^[zy]$/i.test(e.key)) {
      // Ctrl+Z / Ctrl+Y / Cmd+Z / Cmd+Shift+Z on a selected cell: nothing to undo, no edit started.
      e.preventDefault();
    } else if (moves[e.key]) {
      e.preventDefault();
      const [dr, dc] = moves[e.key];
      if (e.shiftKey) select(state.r2 + dr, state.c2 + dc, true);
      else select(state.r + dr, state.c + dc);
    } else if (e.key === "Enter" || e.key === "F2") {
      e.preventDefault();
      startEdit(editTextOf(cellEl(state.r, state.c)));
    } else if (e.key === "Tab") {
      e.preventDefault();
      select(state.r, state.c + (e.shiftKey ? -1 : 1));
    } else if (e.key === "Delete" || e.key === "Backspace") {
      e.preventDefault();
      clearSelection();
    }
  });

  async function clearSelection() {
    const b = bounds();
    if (!(await mayEdit(b))) return;
    await send({ kind: "clear", ...b });
  }

  // ---- copy and paste (tab-separated text, as Sheets puts on the clipboard) ----

  function toTsv(rows) {
    const field = (v) => (/[\t\n"]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v);
    return rows.map((row) => row.map(field).join("\t")).join("\n");
  }

  function parseTsv(text) {
    const rows = [[]];
    let field = "";
    let i = 0;
    const src = text.replace(/\r\n?/g, "\n");
    while (i < src.length) {
      const ch = src[i];
      if (field === "" && ch === '"' && (i === 0 || src[i - 1] === "\t" || src[i - 1] === "\n")) {
        let j = i + 1;
        let quoted = "";
        while (j < src.length) {
          if (src[j] === '"' && src[j + 1] === '"') {
            quoted += '"';
            j += 2;
          } else if (src[j] === '"') {
            break;
          } else {
            quoted += src[j];
            j += 1;
          }
        }
        if (j < src.length && (src[j + 1] === "\t" || src[j + 1] === "\n" || j + 1 === src.length)) {
          field = quoted;
          i = j + 1;
          continue;
        }
      }
      if (ch === "\t") {
        rows[rows.length - 1].push(field);
        field = "";
      } else if (ch === "\n") {
        rows[rows.length - 1].push(field);
        field = "";
        rows.push([]);
      } else {
        field += ch;
      }
      i += 1;
    }
    rows[rows.length - 1].push(field);
    if (rows.length > 1 && rows[rows.length - 1].length === 1 && rows[rows.length - 1][0] === "") rows.pop();
    return rows;
  }

  editor.addEventListener("copy", (e) => {
    if (state.editing) return;
    e.preventDefault();
    const b = bounds();
    const rows = [];
    for (let r = b.r0; r < b.r1; r++) {
      const row = [];
      for (let c = b.c0; c < b.c1; c++) row.push(shownText(cellEl(r, c)));
      rows.push(row);
    }
    e.clipboardData.setData("text/plain", toTsv(rows));
  });

  editor.addEventListener("paste", async (e) => {
    if (state.editing) return;
    e.preventDefault();
    let rows = parseTsv(e.clipboardData.getData("text/plain"));
    const b = bounds();
    // One value pasted over a larger selection fills it, as Sheets does.
    if (rows.length === 1 && rows[0].length === 1 && (b.r1 - b.r0 > 1 || b.c1 - b.c0 > 1)) {
      const v = rows[0][0];
      rows = Array.from({ length: b.r1 - b.r0 }, () => Array.from({ length: b.c1 - b.c0 }, () => v));
    }
    const width = Math.max(...rows.map((row) => row.length));
    const target = { r0: b.r0, r1: b.r0 + rows.length, c0: b.c0, c1: b.c0 + width };
    if (!(await mayEdit(target))) return;
    await send({ kind: "paste", row: b.r0, col: b.c0, rows });
    state.r = b.r0;
    state.c = b.c0;
    state.r2 = target.r1 - 1;
    state.c2 = target.c1 - 1;
    paintSelection();
  });

  // ---- mouse ----

  function cellFromEvent(e) {
    const td = e.target.closest("td");
    const tr = e.target.closest("tr");
    if (!td || !tr || !gridEl.contains(td)) return null;
    return { r: Number(tr.dataset.r), c: Number(td.dataset.c), td };
  }

  gridEl.addEventListener("mousedown", (e) => {
    if (e.button !== 0) return;
    const hit = cellFromEvent(e);
    if (state.editing === "cell" && (!hit || hit.r !== state.r || hit.c !== state.c)) {
      commit(editor.value, 0, 0);
    }
    if (hit) {
      e.preventDefault();
      select(hit.r, hit.c, e.shiftKey);
      state.dragging = !e.shiftKey;
      editor.focus();
      return;
    }
    const th = e.target.closest("th");
    if (!th) return;
    e.preventDefault();
    if (th.classList.contains("ch")) {
      const c = Number(th.dataset.c);
      state.r = 0;
      state.c = c;
      state.r2 = meta.renderedRows - 1;
      state.c2 = c;
    } else if (th.classList.contains("rh")) {
      const r = Number(th.parentElement.dataset.r);
      state.r = state.r2 = r;
      state.c = 0;
      state.c2 = meta.columnCount - 1;
    }
    paintSelection();
    editor.focus();
  });
  gridEl.addEventListener("mouseover", (e) => {
    if (!state.dragging) return;
    const hit = cellFromEvent(e);
    if (hit) select(hit.r, hit.c, true);
  });
  document.addEventListener("mouseup", () => {
    state.dragging = false;
  });
  gridEl.addEventListener("dblclick", (e) => {
    const hit = cellFromEvent(e);
    if (hit && !e.target.closest(".dd")) startEdit(editTextOf(hit.td));
  });
  gridEl.addEventListener("click", (e) => {
    if (e.target.closest("[data-action=all-rows]")) {
      state.allRows = true;
      refresh();
    }
    // The dropdown opens on click, after the mousedown that selected its cell.
    const hit = e.target.closest(".dd") ? cellFromEvent(e) : null;
    if (hit) openDropdown(hit.r, hit.c);
  });

  // Notes and rule hints appear on hover, like Sheets' note popovers.
  let tip = null;
  gridEl.addEventListener("mouseover", (e) => {
    const td = e.target.closest("td");
    tip?.remove();
    tip = null;
    if (!td) return;
    const rule = td.dataset.v !== undefined ? meta.rules[Number(td.dataset.v)] : null;
    const lines = [];
    if (td.dataset.note) lines.push(td.dataset.note);
    if (td.classList.contains("bad")) {
      lines.push(
        rule?.kind === "date" ? "无效：输入的内容必须是有效日期" : "无效：输入的内容必须是列表中指定的某一项",
      );
    }
    if (lines.length === 0) return;
    tip = document.createElement("div");
    tip.className = "tip";
    tip.textContent = lines.join("\n\n");
    const box = td.getBoundingClientRect();
    tip.style.left = `${Math.min(box.right + 4, window.innerWidth - 330)}px`;
    tip.style.top = `${box.top}px`;
    document.body.append(tip);
  });
  gridEl.addEventListener("mouseleave", () => {
    tip?.remove();
    tip = null;
  });

  function openDropdown(r, c) {
    const td = cellEl(r, c);
    const rule = td?.dataset.v !== undefined ? meta.rules[Number(td.dataset.v)] : null;
    if (!td || !rule) return;
    const box = td.getBoundingClientRect();
    const items = rule.options.map((option) => ({
      label: option,
      run: async () => {
        state.original = editTextOf(td);
        if (option === state.original) return;
        if (!(await mayEdit({ r0: r, r1: r + 1, c0: c, c1: c + 1 }))) return;
        await send({ kind: "set", row: r, col: c, text: option });
      },
    }));
    const list = menu(
      box.left,
      box.bottom + 2,
      items.length > 0 ? items : [{ label: "（没有可选项）", run: () => {} }],
    );
    list.classList.add("dropdown");
    list.style.minWidth = `${Math.max(box.width, 160)}px`;
  }

  // ---- rows, sorting, tabs ----

  async function insertRows(below) {
    const b = bounds();
    await send({ kind: "insertRows", at: below ? b.r1 : b.r0, count: b.r1 - b.r0 });
  }
  async function deleteRows() {
    const b = bounds();
    if (!(await mayEdit({ r0: b.r0, r1: b.r1, c0: 0, c1: meta.columnCount }))) return;
    await send({ kind: "deleteRows", start: b.r0, end: b.r1 });
    select(Math.min(b.r0, meta.renderedRows - 1), state.c);
  }
  async function sort(descending) {
    const area = { r0: meta.frozenRows, r1: meta.rowCount, c0: 0, c1: meta.columnCount };
    if (!(await mayEdit(area))) return;
    await send({ kind: "sort", col: state.c, descending });
  }
  async function addSheet() {
    const answer = await send({ kind: "addSheet" });
    if (answer) location.assign(`${base}/edit?gid=${answer.gid}`);
  }
  function renameTab(tab) {
    const input = document.createElement("input");
    input.value = tab.textContent;
    input.setAttribute("aria-label", "工作表名称");
    const old = tab.textContent;
    tab.textContent = "";
    tab.append(input);
    input.focus();
    input.select();
    let done = false;
    const finish = async (save) => {
      if (done) return;
      done = true;
      const title = input.value;
      tab.textContent = old;
      if (save && title !== old && Number(tab.dataset.gid) === gid)
        await send({ kind: "renameSheet", title });
      else if (save && title !== old) {
        gid = Number(tab.dataset.gid);
        await send({ kind: "renameSheet", title });
        location.assign(`${base}/edit?gid=${gid}`);
      }
    };
    input.addEventListener("keydown", (e) => {
      if (e.key === "Enter") finish(true);
      if (e.key === "Escape") finish(false);
      e.stopPropagation();
    });
    input.addEventListener("blur", () => finish(true));
    input.addEventListener("click", (e) => e.preventDefault());
  }

  const actions = {
    "insert-above": () => insertRows(false),
    "insert-below": () => insertRows(true),
    "delete-rows": deleteRows,
    "sort-asc": () => sort(false),
    "sort-desc": () => sort(true),
    "add-sheet": addSheet,
  };
  document.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-action]");
    if (button && actions[button.dataset.action]) actions[button.dataset.action]();
  });

  function rowLabel() {
    const b = bounds();
    return b.r1 - b.r0 > 1 ? `第 ${b.r0 + 1} - ${b.r1} 行` : `第 ${b.r0 + 1} 行`;
  }
  gridEl.addEventListener("contextmenu", (e) => {
    const hit = cellFromEvent(e);
    const th = e.target.closest("th");
    if (!hit && !th) return;
    e.preventDefault();
    const b = bounds();
    if (hit && (hit.r < b.r0 || hit.r >= b.r1 || hit.c < b.c0 || hit.c >= b.c1)) select(hit.r, hit.c);
    const n = bounds().r1 - bounds().r0;
    const column = letters(state.c);
    menu(e.clientX, e.clientY, [
      { label: `在上方插入 ${n} 行`, run: () => insertRows(false) },
      { label: `在下方插入 ${n} 行`, run: () => insertRows(true) },
      { label: `删除${rowLabel()}`, run: deleteRows },
      "-",
      { label: `按 ${column} 列升序排序工作表（A 到 Z）`, run: () => sort(false) },
      { label: `按 ${column} 列降序排序工作表（Z 到 A）`, run: () => sort(true) },
    ]);
  });

  tabsEl.addEventListener("dblclick", (e) => {
    const tab = e.target.closest(".tab");
    if (tab) {
      e.preventDefault();
      renameTab(tab);
    }
  });
  tabsEl.addEventListener("contextmenu", (e) => {
    const tab = e.target.closest(".tab");
    if (!tab) return;
    e.preventDefault();
    menu(e.clientX, e.clientY - 40, [{ label: "重命名", run: () => renameTab(tab) }]);
  });

  // ---- formula bar ----

  formula.addEventListener("focus", () => {
    state.editing = "formula";
    state.original = editTextOf(cellEl(state.r, state.c));
  });
  formula.addEventListener("keydown", (e) => {
    if (e.key === "Enter") {
      e.preventDefault();
      const text = formula.value;
      state.editing = null;
      state.original = editTextOf(cellEl(state.r, state.c));
      editor.focus();
      if (text !== state.original) {
        state.editing = "cell";
        commit(text, 1, 0);
      } else select(state.r + 1, state.c);
    } else if (e.key === "Escape") {
      state.editing = null;
      formula.value = state.original;
      editor.focus();
    }
  });
  formula.addEventListener("blur", () => {
    if (state.editing === "formula") state.editing = null;
  });

  wrap.addEventListener("scroll", () => {
    if (state.editing !== "cell") placeEditor();
    help?.remove();
    help = null;
  });
  window.addEventListener("resize", placeEditor);

  paintSelection();
  editor.focus();
})();

import { LETTER_MAX_BYTES, type LetterKind, letterKindOfKey } from "../../domain/links/letters";
import { tooLargeMessage } from "./upload";

/**
 * The reply form's one script (served as /assets/letter-upload.js; the form works without it). When
 * a 答复函 is chosen, it sends the file by itself first (PUT, the file as the body: the Worker pipes
 * it into R2 instead of parsing a multipart body of up to 10 MB), then posts the form without the
 * file and with the key the upload answered. A refusal (too large, not a PDF or image) is shown in
 * the form, with everything typed still there. A file over the Worker's limit is refused before it
 * is sent, in the Worker's words: a phone's 19 MB photo was uploaded whole only to be refused.
 *
 * On a slow line (a 5 MB scan at 400 kbit/s is two minutes): a file over SLOW_FILE_BYTES says when
 * chosen how long it may take; the upload (XMLHttpRequest) shows how much is sent; an upload that
 * moves no byte for UPLOAD_STALL_MS (a 3G/4G connection that stalls without closing, a chat app
 * sent to the background) is given up with what to do instead, the form as typed. What is typed is
 * kept in the tab by the links' draft keeper (form-draft-script.ts): the post this script holds back
 * while the file goes keeps the draft until the form is posted (dropDraft), never the file.
 *
 * Written for the older WebViews of chat apps: ES5 (var, function; no arrow functions, no async,
 * no template literals, no ?. or ??).
 */

/** No upload progress for this long (ms): the upload stalled. The form's data-stall-ms overrides it. */
export const UPLOAD_STALL_MS = 30_000;

/** A file over this says, when chosen, how long it may take on a slow line. */
const SLOW_FILE_BYTES = 3 * 1024 * 1024;

/** A slow mobile line, bytes a second (400 kbit/s): the estimate said before a large file is sent. */
const SLOW_LINE_BYTES_PER_S = 50_000;

/** The kind of 答复函 a file of this extension is (tooLargeMessage advises by kind). */
function kindOf(ext: LetterKind["ext"]): LetterKind | null {
  return letterKindOfKey(`letters/kind/of.${ext}`);
}

/**
 * tooLargeMessage's words (the Worker's own, not a copy) for each type a browser reports of a file,
 * "" for any other (of a kind not known: both ways are said), cut where the file's size goes. The
 * Worker tells the kind by the first bytes, the script by the type: a photo is image/jpeg or png.
 */
function tooLargeWords(): Record<string, [string, string]> {
  const around = (kind: LetterKind | null): [string, string] => {
    // A size it prints as "NaN" marks the place of the file's own (no other word of it reads so).
    const [before, after, ...more] = tooLargeMessage(Number.NaN, kind).split("NaN");
    if (before === undefined || after === undefined || more.length > 0)
      throw new Error("tooLargeMessage must print the size once");
    return [before, after];
  };
  const words: Record<string, [string, string]> = { "": around(null) };
  for (const ext of ["pdf", "jpg", "png"] as const) {
    const kind = kindOf(ext);
    if (kind) words[kind.contentType] = around(kind);
  }
  return words;
}

export const LETTER_UPLOAD_JS = `(function () {
  "use strict";
  var MAX_BYTES = ${LETTER_MAX_BYTES};
  var TOO_LARGE = ${JSON.stringify(tooLargeWords())};
  var STALL_MS = ${UPLOAD_STALL_MS};
  var SLOW_FILE_BYTES = ${SLOW_FILE_BYTES};
  var SLOW_LINE_BYTES_PER_S = ${SLOW_LINE_BYTES_PER_S};
  var form = document.querySelector("form[data-letter-upload]");
  if (!form) return;
  var input = form.querySelector("input[type=file]");
  var kept = form.querySelector("input[name='答复函已上传']");
  var status = form.querySelector(".lk-upload-status");
  var button = form.querySelector("button[type=submit]");
  var nonce = form.querySelector("input[name=nonce]");
  if (!input || !status || !button) return;
  function show(text, tone) {
    status.textContent = text;
    status.className = "lk-upload-status alert " + tone;
    status.hidden = false;
  }
  function mb(bytes) {
    return (bytes / 1048576).toFixed(1);
  }
  // What the Worker would answer after the whole file came (upload.ts tooLargeMessage), or "".
  function tooLarge(file) {
    if (!file || file.size <= MAX_BYTES) return "";
    var words = TOO_LARGE[file.type] || TOO_LARGE[""];
    return words[0] + mb(file.size) + words[1];
  }
  // How long a large file may take on a slow line, or "" for a small one.
  function slowLine(file) {
    if (!file || file.size <= SLOW_FILE_BYTES) return "";
    var minutes = Math.ceil(file.size / SLOW_LINE_BYTES_PER_S / 60);
    return "答复函 " + mb(file.size) + " MB：网络较慢时上传约需 " + minutes +
      " 分钟，请保持页面打开；也可用手机拍下答复函上传（照片通常不到 2 MB）";
  }

  // What is typed is kept by the form's draft keeper (form-draft-script.ts) until the form is posted.
  function dropDraft() {
    if (window.lkDraft) window.lkDraft.drop(form);
  }

  input.addEventListener("change", function () {
    var file = input.files && input.files[0];
    var refusal = tooLarge(file);
    var slow = slowLine(file);
    if (refusal) show(refusal, "danger");
    else if (slow) show(slow, "info");
    else if (/danger|info/.test(status.className)) status.hidden = true;
  });
  function refused(error) {
    var text = error && error.message;
    show(/[\\u4e00-\\u9fff]/.test(text || "") ? text : "答复函上传失败（网络中断？）：请检查网络后重新提交", "danger");
    button.disabled = false;
  }
  // The form's own data-stall-ms (a test shortens it), else STALL_MS.
  function stallMs() {
    var ms = Number(form.getAttribute("data-stall-ms"));
    return ms > 0 ? ms : STALL_MS;
  }
  function stalledMessage(ms) {
    return "答复函上传失败（网络中断？）：上传已 " + Math.round(ms / 1000) +
      " 秒没有进展，网络可能已断开，已停止上传。已填写的内容都已保留：请换到信号较好的网络后重新提交，" +
      "或换一个较小的文件（如用手机拍下答复函上传，照片通常不到 2 MB）";
  }
  // The Worker's answer: the key of the stored file, or its refusal (an Error with its message).
  function answered(xhr) {
    var body = null;
    try {
      body = JSON.parse(xhr.responseText);
    } catch (e) {
      body = null;
    }
    if (xhr.status >= 200 && xhr.status < 300 && body && body.key) return body.key;
    throw new Error((body && body.error && body.error.message) || "");
  }
  function sent(key) {
    kept.value = key;
    input.removeAttribute("name");
    show("答复函已上传，正在提交答复……", "ok");
    dropDraft();
    // form.submit() has no submitter: the button's address (with the #fragment of its red text).
    var to = button.getAttribute("formaction");
    if (to) form.setAttribute("action", to);
    form.submit();
  }
  function upload(url, file) {
    var xhr = new XMLHttpRequest();
    var ms = stallMs();
    var over = false;
    var timer = null;
    var shownAt = 0;
    // Without upload progress (older browsers) nothing says the upload moves: it may take as long as
    // the file at a slow line's speed, twice over, before it is given up.
    var progress = !!(xhr.upload && "onprogress" in xhr.upload);
    var patience = progress ? ms : Math.max(ms, 2 * 1000 * file.size / SLOW_LINE_BYTES_PER_S);
    function end() {
      over = true;
      if (timer) clearTimeout(timer);
    }
    function watch() {
      if (timer) clearTimeout(timer);
      timer = setTimeout(function () {
        if (over) return;
        end();
        try {
          xhr.abort();
        } catch (e) {
          // Aborted already.
        }
        refused(new Error(stalledMessage(progress ? ms : patience)));
      }, patience);
    }
    if (progress) {
      xhr.upload.onprogress = function (event) {
        if (over) return;
        watch();
        var now = new Date().getTime();
        var total = event.lengthComputable && event.total ? event.total : file.size;
        if (now - shownAt < 250 && event.loaded < total) return;
        shownAt = now;
        var percent = Math.min(100, Math.floor((100 * event.loaded) / total));
        show("正在上传答复函：已上传 " + mb(event.loaded) + " / " + mb(total) + " MB（" + percent + "%），请勿关闭页面……", "info");
      };
    }
    // The answer coming in is progress too (a stalled line after the last byte went out is not).
    xhr.onprogress = function () {
      if (!over) watch();
    };
    xhr.onload = function () {
      if (over) return;
      end();
      var key;
      try {
        key = answered(xhr);
      } catch (error) {
        refused(error);
        return;
      }
      sent(key);
    };
    xhr.onerror = xhr.onabort = function () {
      if (over) return;
      end();
      refused(null);
    };
    xhr.open("PUT", url, true);
    xhr.setRequestHeader("content-type", "application/octet-stream");
    xhr.setRequestHeader("accept", "application/json");
    watch();
    xhr.send(file);
  }
  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    // Posted as it is: what was typed goes with it (a refusal comes back with it filled in).
    if (!file) return;
    var refusal = tooLarge(file);
    if (refusal) {
      // Not sent at all (the form too, without the script): what was typed stays as it is.
      event.preventDefault();
      show(refusal, "danger");
      return;
    }
    if (!window.XMLHttpRequest || !kept || !nonce) return;
    event.preventDefault();
    button.disabled = true;
    show("正在上传答复函（" + mb(file.size) + " MB），请稍候……", "info");
    var url = form.getAttribute("data-letter-upload") + "?nonce=" + encodeURIComponent(nonce.value) +
      "&name=" + encodeURIComponent(file.name);
    upload(url, file);
  });
})();
`;

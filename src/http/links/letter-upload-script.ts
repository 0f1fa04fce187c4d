import { LETTER_MAX_BYTES, type LetterKind, letterKindOfKey } from "../../domain/links/letters";
import { tooLargeMessage } from "./upload";

/**
 * The reply form's one script (served as /assets/letter-upload.js; the form works without it). When
 * a 答复函 is chosen, it sends the file by itself first (PUT, the file as the body: the Worker pipes
 * it into R2 instead of parsing a multipart body of up to 10 MB), then posts the form without the
 * file and with the key the upload answered. A refusal (too large, not a PDF or image) is shown in
 * the form, with everything typed still there. A file over the Worker's limit is refused before it
 * is sent, in the Worker's words: a phone's 19 MB photo was uploaded whole only to be refused. Written
 * for the older WebViews of chat apps: no arrow functions, no async.
 */

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
  // What the Worker would answer after the whole file came (upload.ts tooLargeMessage), or "".
  function tooLarge(file) {
    if (!file || file.size <= MAX_BYTES) return "";
    var words = TOO_LARGE[file.type] || TOO_LARGE[""];
    return words[0] + (file.size / 1048576).toFixed(1) + words[1];
  }
  input.addEventListener("change", function () {
    var refusal = tooLarge(input.files && input.files[0]);
    if (refusal) show(refusal, "danger");
    else if (/danger/.test(status.className)) status.hidden = true;
  });
  function refused(error) {
    var text = error && error.message;
    show(/[\\u4e00-\\u9fff]/.test(text || "") ? text : "答复函上传失败（网络中断？）：请检查网络后重新提交", "danger");
    button.disabled = false;
  }
  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    if (!file) return;
    var refusal = tooLarge(file);
    if (refusal) {
      // Not sent at all (the form too, without fetch): what was typed stays as it is.
      event.preventDefault();
      show(refusal, "danger");
      return;
    }
    if (!window.fetch || !kept || !nonce) return;
    event.preventDefault();
    button.disabled = true;
    show("正在上传答复函（" + (file.size / 1048576).toFixed(1) + " MB），请稍候……", "info");
    var url = form.getAttribute("data-letter-upload") + "?nonce=" + encodeURIComponent(nonce.value) +
      "&name=" + encodeURIComponent(file.name);
    fetch(url, {
      method: "PUT",
      body: file,
      credentials: "same-origin",
      headers: { "content-type": "application/octet-stream", accept: "application/json" }
    }).then(function (response) {
      return response.json().then(function (body) {
        if (response.ok && body && body.key) return body.key;
        throw new Error((body && body.error && body.error.message) || "");
      }, function () {
        throw new Error("");
      });
    }).then(function (key) {
      kept.value = key;
      input.removeAttribute("name");
      show("答复函已上传，正在提交答复……", "ok");
      // form.submit() has no submitter: the button's address (with the #fragment of its red text).
      var to = button.getAttribute("formaction");
      if (to) form.setAttribute("action", to);
      form.submit();
    }).catch(refused);
  });
})();
`;

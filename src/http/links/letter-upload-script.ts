/**
 * The reply form's one script (served as /assets/letter-upload.js; the form works without it). When
 * a 答复函 is chosen, it sends the file by itself first (PUT, the file as the body: the Worker pipes
 * it into R2 instead of parsing a multipart body of up to 10 MB), then posts the form without the
 * file and with the key the upload answered. A refusal (too large, not a PDF or image) is shown in
 * the form, with everything typed still there. Written for the older WebViews of chat apps: no
 * arrow functions, no async.
 */
export const LETTER_UPLOAD_JS = `(function () {
  "use strict";
  var form = document.querySelector("form[data-letter-upload]");
  if (!form || !window.fetch) return;
  var input = form.querySelector("input[type=file]");
  var kept = form.querySelector("input[name='答复函已上传']");
  var status = form.querySelector(".lk-upload-status");
  var button = form.querySelector("button[type=submit]");
  var nonce = form.querySelector("input[name=nonce]");
  if (!input || !kept || !status || !button || !nonce) return;
  function show(text, tone) {
    status.textContent = text;
    status.className = "lk-upload-status alert " + tone;
    status.hidden = false;
  }
  function refused(error) {
    var text = error && error.message;
    show(/[\\u4e00-\\u9fff]/.test(text || "") ? text : "答复函上传失败（网络中断？）：请检查网络后重新提交", "danger");
    button.disabled = false;
  }
  form.addEventListener("submit", function (event) {
    var file = input.files && input.files[0];
    if (!file) return;
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

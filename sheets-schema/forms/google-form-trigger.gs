/**
 * jianyi — Google Form → signed webhook (Apps Script, installable onFormSubmit trigger).
 *
 * Install (once per form: 建议表 / 答复表 / 测评表 / 民意登记表):
 *  1. Open the form → ⋮ → Script editor (脚本编辑器). Paste this file.
 *  2. Project Settings → Script properties: add
 *       JIANYI_URL     https://<your worker>/hooks/forms/suggestion   (or /reply, /rating, /opinion)
 *       JIANYI_SECRET  the form's secret (FORM_SECRET_SUGGESTION / _REPLY / _RATING / _OPINION of the Worker)
 *  3. Run `install` once from the editor and grant the permissions it asks for.
 * Question titles may be the ledger's headers (标题, 领衔代表, 编号, 答复类别, 满意度, …) or a known
 * alias (建议标题, 代表姓名, 建议内容, …; see question-aliases.ts). Other questions are kept in 备注.
 */

function install() {
  var form = FormApp.getActiveForm();
  ScriptApp.getProjectTriggers().forEach(function (t) {
    if (t.getHandlerFunction() === "onFormSubmit") ScriptApp.deleteTrigger(t);
  });
  ScriptApp.newTrigger("onFormSubmit").forForm(form).onFormSubmit().create();
}

function onFormSubmit(e) {
  var props = PropertiesService.getScriptProperties();
  var url = props.getProperty("JIANYI_URL");
  var secret = props.getProperty("JIANYI_SECRET");
  var response = e.response;
  var answers = {};
  response.getItemResponses().forEach(function (item) {
    answers[item.getItem().getTitle()] = item.getResponse(); // string, or string[] for checkboxes
  });
  var body = JSON.stringify({
    submissionId: response.getId(), // stable: a resent response is stored once
    submittedAt: response.getTimestamp().toISOString(),
    answers: answers,
  });
  var timestamp = String(Math.floor(Date.now() / 1000));
  var signature = "sha256=" + toHex(Utilities.computeHmacSha256Signature(timestamp + "." + body, secret, Utilities.Charset.UTF_8));
  var options = {
    method: "post",
    contentType: "application/json; charset=utf-8",
    payload: Utilities.newBlob(body, "application/json").getBytes(),
    headers: { "X-Jianyi-Timestamp": timestamp, "X-Jianyi-Signature": signature },
    muteHttpExceptions: true,
  };
  // A few tries: the Worker answers 202 once the submission is stored, 200 for a repeat.
  for (var attempt = 0; attempt < 4; attempt++) {
    var result = UrlFetchApp.fetch(url, options);
    var code = result.getResponseCode();
    if (code === 200 || code === 202) return;
    if (code < 500 && code !== 429) throw new Error("jianyi refused the submission: " + code + " " + result.getContentText());
    Utilities.sleep(1000 * Math.pow(2, attempt));
  }
  throw new Error("jianyi did not answer; the response stays in the form and can be resent");
}

/** computeHmacSha256Signature returns signed bytes (-128..127). */
function toHex(bytes) {
  return bytes
    .map(function (b) {
      var v = (b < 0 ? b + 256 : b).toString(16);
      return v.length === 1 ? "0" + v : v;
    })
    .join("");
}

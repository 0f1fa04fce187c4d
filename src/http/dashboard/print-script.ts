/**
 * The dashboard's print script (served as /assets/print.js). The 打印 buttons: the CSP allows no
 * inline handler (onclick="window.print()" is blocked), so every `[data-print]` button is wired here;
 * without the script the page still prints from the browser's own menu (Ctrl+P). And the folded
 * <details> (/assessment's 各单位得分构成): paper cannot unfold them, so they are opened before
 * printing and those it opened folded again after. Chromium 131+ prints them open from the stylesheet
 * alone (::details-content in styles.ts); this is for the older browsers offices have. Written for the
 * older WebViews of chat apps, as the reply form's script is: no arrow functions.
 */
export const PRINT_JS = `(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
  var opened = [];
  window.addEventListener("beforeprint", function () {
    var folded = document.querySelectorAll("details:not([open])");
    for (var j = 0; j < folded.length; j++) {
      folded[j].open = true;
      opened.push(folded[j]);
    }
  });
  window.addEventListener("afterprint", function () {
    for (var k = 0; k < opened.length; k++) opened[k].open = false;
    opened = [];
  });
})();
`;

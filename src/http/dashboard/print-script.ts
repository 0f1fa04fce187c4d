/**
 * The 打印 buttons' one script (served as /assets/print.js). The CSP allows no inline handler
 * (onclick="window.print()" is blocked), so every `[data-print]` button is wired here; without the
 * script the page still prints from the browser's own menu (Ctrl+P). Written for the older WebViews
 * of chat apps, as the reply form's script is: no arrow functions.
 */
export const PRINT_JS = `(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () {
      window.print();
    });
  }
})();
`;

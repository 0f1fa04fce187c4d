/**
 * The wide tables' one script (served as /assets/tables.js): marks a TableScroll whose table is wider
 * than its box (`.table-wrap.wide`), which shows the line “表格较宽，可左右滑动查看” above it. CSS
 * cannot tell a table's width from its box's; without the script the right-edge shadow still shows.
 * Written for the older WebViews of chat apps, as the print script is: no arrow functions.
 */
export const TABLES_JS = `(function () {
  "use strict";
  function mark() {
    var boxes = document.querySelectorAll(".table-wrap > .table-scroll");
    for (var i = 0; i < boxes.length; i++) {
      var box = boxes[i];
      box.parentNode.classList.toggle("wide", box.scrollWidth > box.clientWidth + 1);
    }
  }
  mark();
  window.addEventListener("resize", mark);
})();
`;

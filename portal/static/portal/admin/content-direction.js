// Text fields take the language and writing direction of the content they hold: on the edit view of
// a page or snippet (marked by its translation panel) and in wagtail-localize's translation editor.
(function () {
  "use strict";

  var RTL = ["ar", "fa", "he", "ur", "ps", "ckb"];
  var FIELDS = 'input[type="text"]:not([name="slug"]), input:not([type]), textarea, [contenteditable="true"]';
  // In the translation editor each segment shows its translation in a paragraph below the source text.
  var TRANSLATIONS = FIELDS + ", li > div > p";

  function direction(language) {
    return RTL.indexOf(language.split("-")[0]) >= 0 ? "rtl" : "ltr";
  }

  function mark(root, language, dir, selector) {
    root.querySelectorAll(selector).forEach(function (field) {
      if (field.getAttribute("lang") !== language) {
        field.setAttribute("lang", language);
        field.setAttribute("dir", dir);
      }
    });
  }

  function follow(root, language, dir, selector) {
    root.setAttribute("data-portal-content-direction", dir);
    mark(root, language, dir, selector);
    // Stream blocks, inline panels and the translation editor add fields later.
    new MutationObserver(function () {
      mark(root, language, dir, selector);
    }).observe(root, { childList: true, subtree: true });
  }

  // wagtail-localize's editor writes its heading and one label in English; the admin's language
  // comes from the strings our editor hook renders (portal/wagtail_hooks.py).
  function localizeEditor(editor, props) {
    var element = document.getElementById("portal-translation-editor-strings");
    if (!element) {
      return;
    }
    var strings = JSON.parse(element.textContent);
    var english = props.sourceLocale.displayName + " to " + props.locale.displayName + " translation";
    var heading = strings.heading
      .replace("%(source)s", props.sourceLocale.displayName)
      .replace("%(target)s", props.locale.displayName);
    // Dates in its notes ("Translated manually on 4 December 2026") come in English month names.
    var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September",
      "October", "November", "December"];
    var ENGLISH_DATE = new RegExp("\\b(\\d{1,2}) (" + MONTHS.join("|") + ") (\\d{4})\\b");
    var dates = new Intl.DateTimeFormat(document.documentElement.lang || "de", {
      day: "numeric", month: "long", year: "numeric"
    });
    function localizeDates() {
      var walker = document.createTreeWalker(editor, NodeFilter.SHOW_TEXT);
      var node;
      while ((node = walker.nextNode())) {
        var match = ENGLISH_DATE.exec(node.nodeValue);
        if (match) {
          var date = new Date(Number(match[3]), MONTHS.indexOf(match[2]), Number(match[1]));
          node.nodeValue = node.nodeValue.replace(match[0], dates.format(date));
        }
      }
    }
    function replace() {
      localizeDates();
      editor.querySelectorAll("h3").forEach(function (h3) {
        if (h3.textContent === english) {
          h3.textContent = heading;
        }
      });
      document.querySelectorAll(".w-dropdown__toggle .w-sr-only").forEach(function (label) {
        if (label.textContent === "More actions") {
          label.textContent = strings.moreActions;
        }
      });
    }
    replace();
    new MutationObserver(replace).observe(document.body, { childList: true, subtree: true });
  }

  function start() {
    var marker = document.querySelector("[data-portal-content-language]");
    if (marker) {
      var form = marker.closest("form") || document.body;
      follow(form, marker.dataset.portalContentLanguage, marker.dataset.portalContentDirection, FIELDS);
    }
    var editor = document.querySelector(".js-translation-editor[data-props]");
    if (editor) {
      try {
        var props = JSON.parse(editor.dataset.props);
        follow(editor, props.locale.code, direction(props.locale.code), TRANSLATIONS);
        localizeEditor(editor, props);
      } catch (error) {
        // Without props the editor shows nothing to mark.
      }
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();

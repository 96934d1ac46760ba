/*
 * Eén Plan — small progressive enhancements. Every page works without this file.
 * No inline scripts anywhere (the Content-Security-Policy forbids them).
 */
(function () {
  "use strict";

  function announce(text, kind) {
    var region = document.getElementById("meldingen");
    if (!region) return;
    var alert = document.createElement("div");
    alert.className = "utrecht-alert utrecht-alert--" + (kind || "error");
    var p = document.createElement("p");
    p.className = "utrecht-paragraph";
    p.textContent = text;
    alert.appendChild(p);
    region.replaceChildren(alert);
  }

  // htmx does not swap 4xx/5xx responses: tell the user instead of doing nothing.
  document.addEventListener("htmx:responseError", function (event) {
    var status = event.detail.xhr ? event.detail.xhr.status : 0;
    var messages = {
      403: "U heeft geen toegang tot deze gegevens.",
      404: "Deze gegevens bestaan niet (meer) of u heeft er geen toegang toe.",
      409: "Iemand anders heeft deze gegevens intussen gewijzigd. Vernieuw de pagina.",
      503: "Eén Plan is even niet beschikbaar. Probeer het over een minuut opnieuw."
    };
    announce(messages[status] || "Er ging iets mis. Uw invoer is niet opgeslagen; probeer het opnieuw.");
  });

  document.addEventListener("htmx:sendError", function () {
    announce("Geen verbinding met de server. Controleer uw netwerk en probeer het opnieuw.");
  });

  // Confirmation for buttons that ask for it: <button data-bevestig="Weet u het zeker?">
  document.addEventListener("click", function (event) {
    var target = event.target.closest("[data-bevestig]");
    if (target && !window.confirm(target.getAttribute("data-bevestig"))) {
      event.preventDefault();
      event.stopImmediatePropagation();
    }
  }, true);

  // A search field that searches as you type: Enter must not also submit the whole form
  // (one search, one request). <input data-enter-blijft>
  document.addEventListener("keydown", function (event) {
    if (event.key === "Enter" && event.target.matches && event.target.matches("input[data-enter-blijft]")) {
      event.preventDefault();
    }
  });

  // "Kies deze dienst" at a suggestion of the sociale kaart (issue 16): fill the action
  // form's service field in place, keeping what was typed. Without this the link reopens
  // the form with ?dienst=<id> preselected. <a data-kies-dienst="12" data-voorliggend="ja">
  document.addEventListener("click", function (event) {
    var link = event.target.closest ? event.target.closest("a[data-kies-dienst]") : null;
    if (!link) return;
    var kaart = link.closest(".formulier");
    var select = kaart ? kaart.querySelector("select[name=dienst]") : null;
    if (!select) return;
    var optie = select.querySelector('option[value="' + link.getAttribute("data-kies-dienst") + '"]');
    if (!optie) return;
    event.preventDefault();
    select.value = optie.value;
    select.dispatchEvent(new Event("change", { bubbles: true }));
    var wie = kaart.querySelector("select[name=uitvoerder]");
    if (wie && ["voorliggend", "aanbieder", "wijkteam"].indexOf(wie.value) === -1) {
      wie.value = link.getAttribute("data-voorliggend") === "ja" ? "voorliggend" : "aanbieder";
    }
    select.focus();
  });
})();

// Keeps a region of the page up to date while it is open: every element with data-live-refresh is
// fetched again from the page's own address every few seconds and replaced with the server's
// rendering of it. Without JavaScript the page works the same; the reader refreshes it. Nothing is
// replaced while the reader is typing or has a control of the region in focus.
(function () {
  "use strict";
  var regions = document.querySelectorAll("[data-live-refresh]");
  if (regions.length === 0 || !window.fetch || !window.DOMParser) return;
  var seconds = Math.max(3, parseInt(regions[0].getAttribute("data-live-refresh"), 10) || 5);

  function busy(region) {
    var active = document.activeElement;
    return active && active !== document.body && region.contains(active);
  }

  function refresh() {
    if (document.visibilityState === "hidden") return;
    fetch(window.location.pathname + window.location.search, { credentials: "same-origin", headers: { "Accept": "text/html" } })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (html === null) return;
        var fresh = new DOMParser().parseFromString(html, "text/html");
        regions.forEach(function (region) {
          var next = region.id && fresh.getElementById(region.id);
          // Compared by their text: a form's fresh antiforgery token alone is no change to announce.
          if (next && !busy(region) && next.textContent !== region.textContent) region.innerHTML = next.innerHTML;
        });
      })
      .catch(function () { /* offline for a moment: the next tick tries again */ });
  }

  window.setInterval(refresh, seconds * 1000);
})();

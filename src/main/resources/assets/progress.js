// Live progress of a consultation's mail: refreshes the counts from the API every few seconds while any mail is
// still waiting to go. The session cookie authenticates the call; without script the page shows the counts as loaded.
(function () {
  var section = document.getElementById('progress');
  if (!section || !window.fetch) {
    return;
  }
  var url = section.getAttribute('data-url');
  var rounds = 0;
  function waiting() {
    var q = document.getElementById('count-QUEUED');
    return q && q.textContent.trim() !== '0';
  }
  function refresh() {
    rounds++;
    fetch(url, {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (report) {
        if (report && report.counts) {
          ['QUEUED', 'SENT', 'FAILED', 'ACKNOWLEDGED', 'TOTAL'].forEach(function (k) {
            var el = document.getElementById('count-' + k);
            if (el && report.counts[k] !== undefined) {
              el.textContent = String(report.counts[k]);
            }
          });
          // Nothing waits any more: the sentence about mail waiting for the mail server no longer holds.
          var stuck = document.getElementById('mail-server-waiting');
          if (stuck && report.counts.QUEUED === 0) {
            stuck.hidden = true;
          }
        }
        if ((waiting() || rounds < 3) && rounds < 200) {
          window.setTimeout(refresh, 3000);
        }
      })
      .catch(function () { /* the counts as loaded stay */ });
  }
  window.setTimeout(refresh, 1500);
})();

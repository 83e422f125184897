// The error summary: focused when a form comes back with errors, so screen readers announce it; each link moves
// the focus into the field it names (a plain link would only scroll there).
(function () {
  var summary = document.getElementById('error-summary');
  if (!summary) {
    return;
  }
  summary.focus();
  summary.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#"]') : null;
    if (!link) {
      return;
    }
    var field = document.getElementById(link.getAttribute('href').substring(1));
    if (field && typeof field.focus === 'function') {
      event.preventDefault();
      field.scrollIntoView();
      field.focus();
    }
  });
})();

// The consultation form's checklist and similar earlier consultations, kept up to date as the officer types: the
// whole form is posted (with its CSRF field) to the page's preview address, which works both out with the same
// rules as saving and saves nothing; the two sections beside the form are replaced by the answer's. Without script
// they are worked out on each save. Each proposal also gets a button that names it as related earlier work.
(function () {
  var form = document.getElementById('consultation-form');
  if (!form || !window.fetch || !window.DOMParser || !window.FormData || !window.URLSearchParams) {
    return;
  }
  var url = form.getAttribute('data-preview');
  var related = document.getElementById('priorWork-relatedIds');
  var status = document.getElementById('preview-status');
  var timer = null;
  var asked = 0;

  function relatedIds() {
    return related ? related.value.split(/[,\s]+/).filter(function (v) { return v !== ''; }) : [];
  }

  function addLinkButtons() {
    var items = document.querySelectorAll('#similar li[data-consultation]');
    Array.prototype.forEach.call(items, function (item) {
      if (!related || item.querySelector('button')) {
        return;
      }
      var id = item.getAttribute('data-consultation');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'button button--secondary button--small';
      function label() {
        var linked = relatedIds().indexOf(id) >= 0;
        button.textContent = linked ? 'Named as earlier work (consultation ' + id + ')'
          : 'Name consultation ' + id + ' as earlier work';
        button.disabled = linked;
      }
      label();
      button.addEventListener('click', function () {
        var ids = relatedIds();
        if (ids.indexOf(id) < 0) {
          ids.push(id);
          related.value = ids.join(', ');
          related.dispatchEvent(new Event('input', {bubbles: true}));
        }
        label();
      });
      item.appendChild(button);
    });
  }

  function announce(doc) {
    if (!status) {
      return;
    }
    var failed = doc.querySelectorAll('#checklist li[data-verdict="FAIL"]').length;
    var proposed = doc.querySelectorAll('#similar li[data-consultation]').length;
    status.textContent = 'Checklist updated: ' + failed + (failed === 1 ? ' rule' : ' rules') + ' not met; '
      + proposed + ' similar earlier ' + (proposed === 1 ? 'consultation.' : 'consultations.');
  }

  function refresh() {
    var mine = ++asked;
    fetch(url, {
      method: 'POST',
      credentials: 'same-origin',
      headers: {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'text/html'},
      body: new URLSearchParams(new FormData(form)).toString()
    })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (html === null || mine !== asked) {
          return;
        }
        var doc = new DOMParser().parseFromString(html, 'text/html');
        ['checklist', 'similar'].forEach(function (id) {
          var fresh = doc.getElementById(id);
          var old = document.getElementById(id);
          if (fresh && old) {
            old.parentNode.replaceChild(document.importNode(fresh, true), old);
          }
        });
        addLinkButtons();
        announce(document);
        form.setAttribute('data-previewed', String(mine));
      })
      .catch(function () { /* the sections as they were stay */ });
  }

  function later() {
    window.clearTimeout(timer);
    timer = window.setTimeout(refresh, 600);
  }

  if (url) {
    form.addEventListener('input', later);
    form.addEventListener('change', later);
  }
  addLinkButtons();
})();

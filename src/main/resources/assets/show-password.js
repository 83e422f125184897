// "Show the password" (ASVS 2.1.12): a checkbox beside a password field switches it between hidden and shown, so a
// long passphrase can be checked before it is sent. Without script the box stays hidden and the field stays masked.
(function () {
  var boxes = document.querySelectorAll('[data-shows-password]');
  for (var i = 0; i < boxes.length; i++) {
    (function (box) {
      var field = document.getElementById(box.getAttribute('data-shows-password'));
      if (!field) {
        return;
      }
      box.closest('.checkbox').hidden = false;
      box.addEventListener('change', function () {
        field.type = box.checked ? 'text' : 'password';
      });
    })(boxes[i]);
  }
})();

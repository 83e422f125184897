// Reading a participants file into the import box: a file chooser is added above the box, and the chosen file's
// text is put in it, to be checked and sent with the form. Without script the list is pasted into the box.
(function () {
  var box = document.getElementById('csv');
  if (!box || !window.FileReader) {
    return;
  }
  var group = document.createElement('div');
  group.className = 'form-group';
  var label = document.createElement('label');
  label.className = 'label';
  label.htmlFor = 'csv-file';
  label.textContent = 'Or choose a CSV file';
  var input = document.createElement('input');
  input.type = 'file';
  input.id = 'csv-file';
  input.accept = '.csv,text/csv,text/plain';
  input.addEventListener('change', function () {
    var file = input.files && input.files[0];
    if (!file) {
      return;
    }
    var reader = new FileReader();
    reader.onload = function () {
      box.value = String(reader.result);
    };
    reader.readAsText(file);
  });
  group.appendChild(label);
  group.appendChild(input);
  var boxGroup = box.closest ? box.closest('.form-group') : box.parentNode;
  boxGroup.parentNode.insertBefore(group, boxGroup);
})();

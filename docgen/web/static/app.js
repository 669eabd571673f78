// docgen serve: the page works without this file. It only says that work is under way after a
// form is sent (rendering a PDF or a dossier takes a few seconds).
"use strict";
document.querySelectorAll("form[data-busy]").forEach(function (form) {
  form.addEventListener("submit", function (event) {
    var note = form.querySelector(".busy");
    if (!note) {
      note = document.createElement("p");
      note.className = "busy";
      note.setAttribute("role", "status");
      form.appendChild(note);
    }
    var action = event.submitter ? event.submitter.value : "";
    var download = ["docx", "pdf", "yaml", "tai"].indexOf(action) >= 0;
    note.textContent = download ? "Đang chuẩn bị tệp, trình duyệt sẽ tải về khi xong…" : form.getAttribute("data-busy");
    if (download) {
      setTimeout(function () { note.remove(); }, 15000);
    }
  });
});

// A problem's "dòng N, cột M" puts the cursor on that spot of the spec box.
document.querySelectorAll("a[data-line]").forEach(function (link) {
  link.addEventListener("click", function (event) {
    var box = document.getElementById("dac_ta");
    if (!box) { return; }
    event.preventDefault();
    var lines = box.value.split("\n");
    var line = Math.min(parseInt(link.getAttribute("data-line"), 10), lines.length);
    var column = Math.max(parseInt(link.getAttribute("data-column"), 10) || 1, 1);
    var offset = 0;
    for (var i = 0; i < line - 1; i++) { offset += lines[i].length + 1; }
    offset += Math.min(column - 1, lines[line - 1].length);
    box.focus();
    box.setSelectionRange(offset, offset);
    var height = box.scrollHeight / Math.max(lines.length, 1);
    box.scrollTop = Math.max(0, (line - 3) * height);
  });
});

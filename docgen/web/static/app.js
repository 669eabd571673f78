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

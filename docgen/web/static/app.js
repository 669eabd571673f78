// docgen serve: the page works without this file. It says that work is under way after a form is
// sent (a PDF or a dossier takes a few seconds), puts the cursor on a problem's line, and checks
// the spec box while the clerk types.
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
    var download = ["docx", "yaml"].indexOf(action) >= 0;  // a PDF or a dossier goes to its job's page
    note.textContent = download ? "Đang chuẩn bị tệp, trình duyệt sẽ tải về khi xong…" : form.getAttribute("data-busy");
    if (download) {
      setTimeout(function () { note.remove(); }, 15000);
    }
  });
});

// A problem's "dòng N, cột M" puts the cursor on that spot of the spec box.
function jump(event) {
  var link = event.currentTarget;
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
}
document.querySelectorAll("a[data-line]").forEach(function (link) {
  link.addEventListener("click", jump);
});

// While the clerk types in the spec box, check it (the same loader as the button) and list the
// problems above the box, each linked to its line.
(function () {
  var box = document.getElementById("dac_ta");
  var out = document.getElementById("kiem-tra-song");
  if (!box || !out || !window.fetch) { return; }
  var timer = null;
  var asked = 0;
  function show(result) {
    out.hidden = false;
    out.textContent = "";
    var head = document.createElement("p");
    if (result.ok) {
      out.className = "live alert ok";
      head.textContent = "Đang gõ: đặc tả hợp lệ.";
      out.appendChild(head);
      return;
    }
    out.className = "live alert error";
    head.textContent = "Đang gõ: " + result.problems.length + " lỗi";
    out.appendChild(head);
    var list = document.createElement("ul");
    list.className = "problems";
    result.problems.forEach(function (p) {
      var item = document.createElement("li");
      if (p.line) {
        var link = document.createElement("a");
        link.href = "#dac_ta";
        link.textContent = p.where;
        link.setAttribute("data-line", p.line);
        link.setAttribute("data-column", p.column);
        link.addEventListener("click", jump);
        item.appendChild(link);
        item.appendChild(document.createTextNode(" "));
      }
      item.appendChild(document.createTextNode((p.field ? p.field + ": " : "") + p.message));
      list.appendChild(item);
    });
    out.appendChild(list);
  }
  function check() {
    var mine = ++asked;
    var data = new FormData();
    data.append("dac_ta", box.value);
    fetch("/soan/kiem-tra-nhanh", { method: "POST", body: data, credentials: "same-origin" })
      .then(function (reply) { return reply.ok ? reply.json() : null; })
      .then(function (result) { if (result && mine === asked) { show(result); } })
      .catch(function () { /* the button still checks */ });
  }
  box.addEventListener("input", function () {
    clearTimeout(timer);
    timer = setTimeout(check, 700);
  });
})();

// A job's page (PDF, preview, dossier) reloads itself every second by a meta refresh; with
// JavaScript it asks how the job goes four times a second instead, counts the seconds, and goes
// to the job's page (which then sends the file) as soon as the job has ended.
(function () {
  var job = document.querySelector("[data-job]");
  if (!job || !window.fetch) { return; }
  var id = job.getAttribute("data-job");
  var seconds = job.querySelector(".seconds");
  function ask() {
    fetch("/viec/" + id + "/trang-thai", { credentials: "same-origin", cache: "no-store" })
      .then(function (reply) { return reply.ok ? reply.json() : { running: false }; })
      .then(function (state) {
        if (state.running) {
          if (seconds) { seconds.textContent = state.seconds; }
          setTimeout(ask, 250);
        } else {
          window.location.replace("/viec/" + id);
        }
      })
      .catch(function () { /* the meta refresh still reloads the page */ });
  }
  setTimeout(ask, 250);
})();

// Saves each worksheet answer shortly after typing stops. Without JavaScript the form's own
// button saves everything; the server treats both the same way and never overwrites a newer text.
(function () {
  "use strict";
  var form = document.querySelector("[data-worksheet]");
  if (!form || !window.fetch || !window.FormData) return;
  var csrf = form.querySelector("[name=csrfmiddlewaretoken]");
  var note = form.querySelector("[data-autosave-note]");
  if (note) note.hidden = false;
  var messages = JSON.parse(document.getElementById("autosave-messages").textContent);
  var pending = 0;

  function setStatus(box, text) {
    var status = box.querySelector("[data-status]");
    if (status) status.textContent = text;
  }

  function save(box) {
    if (box.dataset.conflict) return;
    var base = box.querySelector("[data-base]");
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf.value);
    data.append("action", "save");
    box.querySelectorAll("textarea, input").forEach(function (field) {
      if (field.name) data.append(field.name, field.value);
    });
    pending += 1;
    setStatus(box, messages.saving);
    fetch(box.dataset.autosave, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        return response.json().then(function (report) { return { code: response.status, report: report }; });
      })
      .then(function (result) {
        var report = result.report;
        if (report.status === "saved" || report.status === "unchanged") {
          base.value = report.version;
          setStatus(box, report.saved_at ? messages.saved.replace("%s", report.saved_at) : messages.unchanged);
        } else if (report.status === "conflict") {
          box.dataset.conflict = "1";
          setStatus(box, report.message);
          var link = document.createElement("a");
          link.className = "utrecht-link";
          link.href = box.dataset.autosave;
          link.textContent = " " + messages.compare;
          box.querySelector("[data-status]").appendChild(link);
        } else {
          setStatus(box, report.message || messages.failed);
        }
      })
      .catch(function () { setStatus(box, messages.offline); })
      .finally(function () { pending -= 1; });
  }

  form.querySelectorAll("[data-autosave]").forEach(function (box) {
    var timer = null;
    box.addEventListener("input", function () {
      clearTimeout(timer);
      setStatus(box, messages.typing);
      timer = setTimeout(function () { save(box); }, 1500);
    });
    box.addEventListener("focusout", function () {
      if (timer) { clearTimeout(timer); timer = null; save(box); }
    });
  });

  window.addEventListener("beforeunload", function (event) {
    if (pending > 0) event.preventDefault();
  });
})();

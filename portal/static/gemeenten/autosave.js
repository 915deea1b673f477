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
  var boxes = Array.prototype.slice.call(form.querySelectorAll("[data-autosave]"));
  var submitting = false;

  function setStatus(box, text) {
    var status = box.querySelector("[data-status]");
    if (status) status.textContent = text;
  }

  function showConflict(box, message) {
    box.dataset.conflict = "1";
    setStatus(box, message + " ");
    var link = document.createElement("a");
    link.className = "utrecht-link";
    link.href = box.dataset.autosave;
    link.textContent = messages.compare;
    box.querySelector("[data-status]").appendChild(link);
  }

  function finish(box, sentEdits, report) {
    if (report.status === "saved" || report.status === "unchanged") {
      box.querySelector("[data-base]").value = report.version;
      if (box.state.edits === sentEdits) box.state.dirty = false;
      if (!box.state.dirty) setStatus(box, report.saved_at ? messages.saved.replace("%s", report.saved_at) : messages.unchanged);
    } else if (report.status === "conflict") {
      // The server kept this text as a held-back version; only what is typed after it is unsaved.
      if (box.state.edits === sentEdits) box.state.dirty = false;
      showConflict(box, report.message);
    } else {
      setStatus(box, report.message || messages.failed);
    }
  }

  // One request per answer at a time: a save that starts while another is under way waits for it,
  // so that it carries the version the first one produced instead of conflicting with it.
  function save(box) {
    var state = box.state;
    if (box.dataset.conflict || !state.dirty) return;
    if (state.inFlight) { state.queued = true; return; }
    var data = new FormData();
    data.append("csrfmiddlewaretoken", csrf.value);
    data.append("action", "save");
    box.querySelectorAll("textarea, input").forEach(function (field) {
      if (field.name) data.append(field.name, field.value);
    });
    var sentEdits = state.edits;
    state.inFlight = true;
    setStatus(box, messages.saving);
    fetch(box.dataset.autosave, { method: "POST", body: data, headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) {
        // Anything but JSON (a login page after the session ended, an error page) counts as not saved.
        var type = response.headers.get("Content-Type") || "";
        if (type.indexOf("application/json") === -1) return { status: "failed" };
        return response.json();
      })
      .then(function (report) { finish(box, sentEdits, report); })
      .catch(function () { setStatus(box, messages.offline); })
      .finally(function () {
        state.inFlight = false;
        if (state.queued) { state.queued = false; save(box); }
      });
  }

  boxes.forEach(function (box) {
    box.state = { timer: null, inFlight: false, queued: false, dirty: false, edits: 0 };
    box.addEventListener("input", function () {
      var state = box.state;
      state.dirty = true;
      state.edits += 1;
      clearTimeout(state.timer);
      if (box.dataset.conflict) return;
      setStatus(box, messages.typing);
      state.timer = setTimeout(function () { state.timer = null; save(box); }, 1500);
    });
    box.addEventListener("focusout", function () {
      if (box.state.timer) { clearTimeout(box.state.timer); box.state.timer = null; save(box); }
    });
  });

  form.addEventListener("submit", function () { submitting = true; });
  window.addEventListener("beforeunload", function (event) {
    if (submitting) return;
    var unsaved = boxes.some(function (box) { return box.state.dirty || box.state.inFlight; });
    if (unsaved) event.preventDefault();
  });
})();

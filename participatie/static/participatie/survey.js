// The survey works without this file: every screen then comes from the server. With it, the screens
// switch in the browser, the answers and the idempotency key are kept on this device until they are
// sent (a reload or a dropped connection loses nothing), sending retries with the same key, and each
// question can be read aloud. No external requests; nothing leaves the device but the form itself.
(function () {
  "use strict";

  var store = (function () {
    try {
      var probe = "participatie:probe";
      window.localStorage.setItem(probe, probe);
      window.localStorage.removeItem(probe);
      return window.localStorage;
    } catch (error) {
      return null;
    }
  })();

  function forget(key) {
    if (!store) return;
    try { store.removeItem(key); } catch (error) { /* nothing kept, nothing to forget */ }
  }

  function each(root, selector, callback) {
    Array.prototype.forEach.call(root.querySelectorAll(selector), callback);
  }

  // The thank-you page: forget this respondent's answers; in a class session, start again for the next child.
  var done = document.querySelector("[data-survey-done]");
  if (done) {
    forget(done.getAttribute("data-survey-done"));
    startCountdown(done);
    return;
  }

  function startCountdown(root) {
    var next = root.querySelector("[data-next-child]");
    var box = root.querySelector("[data-countdown]");
    if (!next || !box) return;
    var left = Number(box.getAttribute("data-countdown-seconds")) || 20;
    var shown = box.querySelector("[data-seconds]");
    box.hidden = false;
    var timer = window.setInterval(function () {
      left -= 1;
      if (shown) shown.textContent = String(Math.max(left, 0));
      if (left <= 0) {
        window.clearInterval(timer);
        window.location.assign(next.href);
      }
    }, 1000);
    box.querySelector("[data-countdown-stop]").addEventListener("click", function () {
      window.clearInterval(timer);
      box.hidden = true;
      next.focus();
    });
  }

  var form = document.querySelector("form[data-survey]");
  if (!form || !window.fetch || !window.FormData) return;

  var storageKey = form.getAttribute("data-survey");
  var reviewScreen = Number(form.getAttribute("data-review-screen"));
  // A shared class tablet forgets an unfinished survey sooner than a respondent's own phone.
  var keepFor = form.hasAttribute("data-class-session") ? 60 * 60 * 1000 : 7 * 24 * 60 * 60 * 1000;
  var keyField = form.querySelector("[data-key]");
  var startedField = form.querySelector("[data-started]");
  var screens = Array.prototype.slice.call(form.querySelectorAll("[data-screen]"));
  var message = form.querySelector("[data-message]");
  var sendButton = form.querySelector("[data-send]");
  var sendStatus = form.querySelector("[data-send-status]");
  var failed = form.querySelector("[data-send-failed]");
  var failedText = form.querySelector("[data-send-failed-text]");
  var current = 0;
  var sending = false;
  var switchingLanguage = false;

  screens.forEach(function (screen) {
    if (!screen.hidden) current = Number(screen.getAttribute("data-screen"));
  });

  function isAnswer(field) {
    return field.name && field.name.indexOf("q-") === 0;
  }

  function collect() {
    var answers = {};
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isAnswer(field)) return;
      if (field.type === "radio" || field.type === "checkbox") {
        if (field.checked) (answers[field.name] = answers[field.name] || []).push(field.value);
      } else if (field.value) {
        answers[field.name] = field.value;
      }
    });
    return answers;
  }

  function apply(answers) {
    Array.prototype.forEach.call(form.elements, function (field) {
      if (!isAnswer(field)) return;
      var value = answers[field.name];
      if (field.type === "radio" || field.type === "checkbox") {
        field.checked = Array.isArray(value) && value.indexOf(field.value) !== -1;
      } else {
        field.value = typeof value === "string" ? value : "";
      }
    });
  }

  function save() {
    if (!store) return;
    var state = {
      version: 1, key: keyField.value, started: startedField.value, screen: current,
      answers: collect(), savedAt: Date.now(), switchingLanguage: switchingLanguage,
    };
    try { store.setItem(storageKey, JSON.stringify(state)); } catch (error) { /* full or refused: the form still holds everything */ }
  }

  function load() {
    if (!store) return null;
    try {
      var state = JSON.parse(store.getItem(storageKey));
      if (!state || state.version !== 1 || !state.key || Date.now() - state.savedAt > keepFor) return null;
      return state;
    } catch (error) {
      return null;
    }
  }

  function screenElement(number) {
    return screens.filter(function (screen) { return Number(screen.getAttribute("data-screen")) === number; })[0];
  }

  function updateClearButtons() {
    each(form, "[data-clear]", function (button) {
      var name = button.getAttribute("data-clear");
      button.hidden = !Array.prototype.some.call(form.querySelectorAll("[name='" + name + "']"), function (input) { return input.checked; });
    });
  }

  function fillReview() {
    var skipped = form.getAttribute("data-skipped");
    each(form, "[data-review]", function (place) {
      var parts = [];
      each(form, "[name='" + place.getAttribute("data-review") + "']", function (field) {
        if (field.tagName === "TEXTAREA") {
          var text = field.value.trim();
          if (text) parts.push(text);
        } else if (field.checked) {
          parts.push(field.getAttribute("data-label") || field.value);
        }
      });
      place.textContent = parts.length ? parts.join(", ") : skipped;
      place.classList.toggle("survey-review__value--skipped", !parts.length);
    });
  }

  function show(number, moveFocus) {
    var target = screenElement(Math.max(0, Math.min(number, reviewScreen)));
    if (!target) return;
    stopReading();
    current = Number(target.getAttribute("data-screen"));
    screens.forEach(function (screen) { screen.hidden = screen !== target; });
    if (current === reviewScreen) fillReview();
    if (target.getAttribute("data-title")) document.title = target.getAttribute("data-title");
    // The language switch sends the form along to the screen the respondent is on.
    each(document, "[data-language]", function (button) { button.value = String(current); });
    if (moveFocus) {
      window.scrollTo(0, 0);
      var heading = target.querySelector("[data-focus]");
      if (heading) heading.focus({ preventScroll: true });
    }
    save();
  }

  function go(number) {
    message.hidden = true;
    show(number, true);
    if (window.history && window.history.pushState) window.history.pushState({ surveyScreen: current }, "");
  }

  function showMessage(text) {
    form.querySelector("[data-message-text]").textContent = text;
    message.hidden = false;
  }

  function showErrors(errors) {
    each(form, "[data-error-for]", function (place) {
      var text = errors[place.getAttribute("data-error-for")] || "";
      place.textContent = text;
      place.hidden = !text;
    });
  }

  // Sending: one request at a time, always with the same idempotency key, so a retry never doubles.
  function send() {
    if (sending) return;
    sending = true;
    sendButton.setAttribute("aria-disabled", "true");
    failed.hidden = true;
    sendStatus.textContent = sendStatus.getAttribute("data-sending");
    var data = new FormData(form);
    data.append("verstuur", "1");
    fetch(form.action, {
      method: "POST", body: data, credentials: "same-origin",
      headers: { Accept: "application/json", "X-Requested-With": "fetch" },
    })
      .then(function (response) {
        var json = (response.headers.get("Content-Type") || "").indexOf("application/json") !== -1;
        if (response.status >= 500) {
          return (json ? response.json() : Promise.resolve({})).then(function (body) { notSent(body.message); });
        }
        if (!json) return sendWithoutScript();
        return response.json().then(answered);
      })
      .catch(function () { notSent(); });
  }

  function finishSending() {
    sending = false;
    sendButton.removeAttribute("aria-disabled");
    sendStatus.textContent = "";
  }

  function answered(body) {
    if (body.ok) {
      forget(storageKey);
      window.location.assign(body.next);
      return;
    }
    finishSending();
    if (body.key) keyField.value = body.key;
    if (body.started) startedField.value = body.started;
    showErrors(body.errors || {});
    if (typeof body.screen === "number" && body.screen !== current) go(body.screen);
    else save();
    showMessage(body.message);
    if (current === reviewScreen) message.scrollIntoView({ block: "center" });
  }

  function notSent(text) {
    finishSending();
    failedText.textContent = text || failedText.getAttribute("data-default");
    failed.hidden = false;
    failed.scrollIntoView({ block: "center" });
    failed.querySelector("[data-retry]").focus();
  }

  // An answer that is not JSON (an expired security token, a page from a proxy): let the browser send
  // the form itself, so the respondent sees the server's own page. The answers stay on this device.
  function sendWithoutScript() {
    var flag = document.createElement("input");
    flag.type = "hidden";
    flag.name = "verstuur";
    flag.value = "1";
    form.appendChild(flag);
    HTMLFormElement.prototype.submit.call(form);
  }

  // Reading aloud: the editors' own recording when there is one, otherwise the browser's voice in the
  // page language. Without either the button stays hidden.
  var synth = window.speechSynthesis;
  var language = (document.documentElement.lang || "nl").toLowerCase();

  function voice() {
    if (!synth || !window.SpeechSynthesisUtterance) return null;
    var voices = synth.getVoices() || [];
    return voices.filter(function (candidate) {
      return (candidate.lang || "").toLowerCase().replace("_", "-").split("-")[0] === language;
    })[0] || null;
  }

  function stopReading() {
    if (synth && (synth.speaking || synth.pending)) synth.cancel();
    each(form, "audio[data-audio]", function (audio) { audio.pause(); });
    each(form, "[data-read-aloud]", function (button) { button.setAttribute("aria-pressed", "false"); });
  }

  function spokenText(screen) {
    return Array.prototype.map.call(screen.querySelectorAll("[data-speak]"), function (part) {
      var text = part.textContent.replace(/\s+/g, " ").trim();
      return /[.?!؟:]$/.test(text) ? text : text + ".";
    }).join(" ");
  }

  function offerSpeech() {
    var found = voice();
    each(form, "[data-read-aloud]", function (button) {
      if (!button.hasAttribute("data-audio-button")) button.hidden = !found;
    });
  }

  each(form, "[data-read-aloud]", function (button) {
    var screen = button.closest("[data-screen]");
    var audio = screen.querySelector("audio[data-audio]");
    button.setAttribute("aria-pressed", "false");
    if (audio) {
      button.setAttribute("data-audio-button", "");
      button.hidden = false;
      audio.controls = false;
      audio.hidden = true;
      audio.addEventListener("ended", function () { button.setAttribute("aria-pressed", "false"); });
    }
    button.addEventListener("click", function () {
      var playing = button.getAttribute("aria-pressed") === "true";
      stopReading();
      if (playing) return;
      if (audio) {
        audio.currentTime = 0;
        audio.play();
      } else {
        var utterance = new window.SpeechSynthesisUtterance(spokenText(screen));
        utterance.lang = language;
        utterance.voice = voice();
        utterance.onend = function () { button.setAttribute("aria-pressed", "false"); };
        synth.speak(utterance);
      }
      button.setAttribute("aria-pressed", "true");
    });
  });
  if (synth && window.SpeechSynthesisUtterance) {
    offerSpeech();
    if (synth.addEventListener) synth.addEventListener("voiceschanged", offerSpeech);
  }

  // Buttons: Next, Back and Change switch screens here; Remove clears here; Send sends here.
  form.addEventListener("click", function (event) {
    var button = event.target.closest("button");
    if (!button || !form.contains(button) || button.type !== "submit") return;
    if (button.name === "ga") {
      event.preventDefault();
      go(Number(button.value));
    } else if (button.name === "wis") {
      event.preventDefault();
      each(form, "[name='" + button.value + "']", function (input) { input.checked = false; });
      updateClearButtons();
      save();
      var first = form.querySelector("[name='" + button.value + "']");
      if (first) first.focus();
    } else if (button.name === "verstuur") {
      event.preventDefault();
      send();
    }
  });
  failed.querySelector("[data-retry]").addEventListener("click", send);

  var typing = null;
  form.addEventListener("change", function () { updateClearButtons(); save(); });
  form.addEventListener("input", function () {
    window.clearTimeout(typing);
    typing = window.setTimeout(save, 300);
  });
  each(document, "[data-language-link]", function (link) {
    link.addEventListener("click", function () {
      switchingLanguage = true;
      save();
    });
  });
  window.addEventListener("popstate", function (event) {
    if (event.state && typeof event.state.surveyScreen === "number") show(event.state.surveyScreen, true);
  });

  // On arrival: a fresh page takes back what this device kept; a page the server filled keeps its own.
  var restored = form.hasAttribute("data-fresh") ? load() : null;
  if (restored) {
    keyField.value = restored.key;
    if (restored.started) startedField.value = restored.started;
    apply(restored.answers || {});
    var hasAnswers = Object.keys(restored.answers || {}).length > 0;
    form.querySelector("[data-restored]").hidden = !hasAnswers || restored.switchingLanguage;
    if (restored.screen) show(restored.screen, false);
  }
  switchingLanguage = false;
  updateClearButtons();
  save();
  if (window.history && window.history.replaceState) window.history.replaceState({ surveyScreen: current }, "");

  form.querySelector("[data-start-over]").addEventListener("click", function () {
    forget(storageKey);
    window.location.replace(window.location.pathname + window.location.search);
  });
})();

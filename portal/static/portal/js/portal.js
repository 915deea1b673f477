// Progressive enhancement only: every page works without this file.
document.addEventListener("DOMContentLoaded", () => {
  if (window.matchMedia("(max-width: 40em)").matches) {
    for (const fold of document.querySelectorAll("details[data-fold-on-phone]")) fold.open = false;
    // The main menu is one sideways-scrolling line on a phone: show where the reader is.
    document.querySelector(".portal-menu [aria-current='page']")?.scrollIntoView({block: "nearest", inline: "nearest"});
  }
  for (const button of document.querySelectorAll("[data-print]")) {
    button.hidden = false;
    button.addEventListener("click", () => window.print());
  }
});

// Fills the search box's suggestion list while someone types; the search works without it.
document.addEventListener("DOMContentLoaded", () => {
  for (const input of document.querySelectorAll("input[data-autocomplete]")) {
    const list = document.getElementById(input.getAttribute("list"));
    let timer;
    input.addEventListener("input", () => {
      clearTimeout(timer);
      const query = input.value.trim();
      if (query.length < 2) return;
      timer = setTimeout(async () => {
        const response = await fetch(`${input.dataset.autocomplete}?q=${encodeURIComponent(query)}`);
        if (!response.ok) return;
        const { suggestions } = await response.json();
        list.replaceChildren(...suggestions.map((suggestion) => new Option(suggestion.title, suggestion.title)));
      }, 200);
    });
  }
});

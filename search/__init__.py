"""One search page over all content, with facets and autocomplete (issue 3)."""

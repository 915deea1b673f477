"""Demo content built by code: the site and its languages, demo accounts, translation helpers."""

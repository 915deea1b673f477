"""Practice examples from municipalities and interventions with their facets (issue 3)."""

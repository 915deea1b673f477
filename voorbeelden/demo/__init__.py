"""Practice examples and interventions as demo content, in Dutch and English (content/*.yaml)."""

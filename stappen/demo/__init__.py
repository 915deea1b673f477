"""The method as demo content, written for this portal in Dutch and English (content/*.yaml)."""

"""PLACEHOLDER: replaced by the structured-sections work."""


def sections_for_step(plan, code):
    return []

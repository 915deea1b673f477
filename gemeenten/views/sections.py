"""PLACEHOLDER."""
from django.http import Http404


def _missing(*args, **kwargs):
    raise Http404


rows = row = scores = council_decision = pdf = docx = next_cycle = _missing

"""Placeholder: the public results page of a survey run is built elsewhere and replaces this module."""

from django.http import Http404


def public_results(request, code):
    raise Http404

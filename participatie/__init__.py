"""Surveys for children, youth and parents, and their aggregated results (issue 5)."""

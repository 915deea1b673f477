"""A municipality's own work through the seven worksheets (issue 4)."""

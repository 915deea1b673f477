from dataclasses import dataclass


@dataclass(frozen=True)
class Table:
    """A table of text for the exports."""

    columns: list[str]
    rows: list[list[str]]

    @property
    def has_header(self) -> bool:
        """Answers to removed questions no longer know their column names; such tables get no header row."""
        return any(self.columns)

"""Demo content of the surveys: questionnaire templates in every survey language, and a running demo survey."""

"""Demo teams and their plans for the workspace, in Dutch (content/teams.yaml)."""

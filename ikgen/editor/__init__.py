"""The editor's tools: scaffolds, spreadsheets in and out, the editor's JSON Schema for VS Code."""

"""The MkDocs plugins of the handbook: one per feature that keeps something from one event of a build
to a later one, held on the plugin object (registered in pyproject.toml under `mkdocs.plugins`,
listed in mkdocs.yml under `plugins:`). The one-job hooks that keep nothing are in hooks/."""

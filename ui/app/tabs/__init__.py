"""One module per tab of the app, each with ``build(workspace)``."""

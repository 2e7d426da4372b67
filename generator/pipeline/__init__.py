"""From content to site: validate, prepare, build, serve, export."""

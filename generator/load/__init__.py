"""Reading a content tree: safe YAML, the configuration, event files and registries."""

"""Git: an event's history (SEQUENCE, LAST-MODIFIED, changes) and deletions."""

"""What unit staff and editors use: new events, issue forms, reports, ownership."""

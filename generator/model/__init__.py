"""The domain: frozen events and occurrences, lunar dates, series, the clock, problems."""

"""Printing on this desk: job payloads (what a queued job keeps) and printer setup from the
device settings. The queue itself is `desktop_app.services.printing` and its worker."""

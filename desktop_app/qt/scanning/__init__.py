"""Qt glue for scanning: the keyboard-wedge event filter and the camera worker."""

"""Frontdesk central server."""

"""Checking sentences against their source (work in progress: evidence retrieval so far)."""

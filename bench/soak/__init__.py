"""Load and fault test (`make soak`): Liaison served by gunicorn on a throw-away PostgreSQL
cluster, read by anonymous clients while a curator edits, imports and publishes through the
admin; one gunicorn worker killed and the database restarted on the way; then every edit is
looked for and the data checked. Loopback only, bounded in time. See README.md, "Soak test".
"""

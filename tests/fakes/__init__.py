"""Stand-ins for outside services, run locally so tests never need the network."""

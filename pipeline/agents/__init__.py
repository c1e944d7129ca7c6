"""Faust agents: thin adapters that feed the pure cores from Kafka and write what they produce."""

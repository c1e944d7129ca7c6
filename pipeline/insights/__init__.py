"""What the detectors say, as messages: the insights topic and the outbound contracts. Pure."""

"""The ingest path's pure logic, shared by the bridge and the agents. No IO.

``intake`` turns one RabbitMQ message into canonical records and dead letters; ``wire`` encodes
records of one service into Kafka messages and decodes them, trusting nothing; ``dead_letters``
does the same for the dead-letter topic; ``mining`` assigns templates and builds the rows storage
writes.
"""

"""Offline tools: the ``templates``, ``analyze`` and ``simulate`` commands, the simulator and
the accuracy/detection evaluation used by the tests and the benchmarks.

They call the same pure cores as the stream agents (``pipeline.templates`` for template mining,
``pipeline.analysis`` for anomaly detection) and own all the file and process IO (argument
parsing, reading and writing files, printing, worker processes), so that the cores have none.

Modules: ``templates_command``, ``analyze_command``, ``simulate_command`` (the commands wired
into ``python -m pipeline`` by ``pipeline.commands``), ``dispatch`` (``analyze|simulate`` as one
entry point), ``simulator``, ``anomaly_evaluation`` and ``template_evaluation``.
"""

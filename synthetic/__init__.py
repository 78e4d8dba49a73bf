"""The synthetic corpus: made-up records and documents for benchmarks and load tests, and
the commands that write them (``generate_synthetic``, ``bench_search``). Never imported by
production code.

``prose`` writes source documents from the words of ``phrasebook``; ``grammar`` puts proper
names in French and English sentences; ``places`` makes up place names; ``records/`` plans
and stores units of records shaped like the seed corpus; ``search_benchmark`` loads many
documents and measures the search page on them.
"""

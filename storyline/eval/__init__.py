"""Public benchmarks, each run through the product's own code."""

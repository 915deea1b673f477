"""How production runs the portal (`gunicorn portal.wsgi`, from this folder), per 2-core app server: 2 workers with
2 threads each, connections kept alive between a browser's requests. Flags on the command line override these.

Two threads per worker were as fast as four on the benchmarks (the work is CPU-bound under one interpreter lock;
the second thread covers database round trips), with lower tail latency and about 4 MB less per worker
(bench/README.md). Where the database is farther away, more threads can cover longer waits, at that memory cost.
"""

import ctypes

workers = 2
threads = 2
keepalive = 5

# In glibc each thread gets an allocator arena of its own, and memory freed in one is not reused by another; two
# arenas per process held a worker's peak 1–3 MB lower at no cost in speed.
try:
    ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
except OSError:  # not glibc: nothing to set
    pass


def worker_exit(server, worker):
    """A worker that stops (a restart, a deploy) first writes the search counts it still holds."""
    from search import statistics

    statistics.flush()

"""How production runs the portal (`gunicorn portal.wsgi`, from this folder): 2 workers with 4 threads each per
2 cores, connections kept alive between a browser's requests. Flags on the command line override these."""

import ctypes

workers = 2
threads = 4
keepalive = 5

# Threads each get an allocator arena of their own in glibc, and memory freed in one is not reused by another:
# two arenas per process keep a worker's memory down at no measurable cost in speed (bench/README.md).
try:
    ctypes.CDLL("libc.so.6").mallopt(-8, 2)  # M_ARENA_MAX
except OSError:  # not glibc: nothing to set
    pass

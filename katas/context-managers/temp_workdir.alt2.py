"""A scratch directory that always cleans up, made under /tmp by name.

The task leaves the place to the learner; a fixed parent such as /tmp is
as good as tempfile's default (this alternative proves the sandbox allows it).
"""
import contextlib
import os
import shutil
import tempfile


@contextlib.contextmanager
def scratch_dir():
    previous = os.getcwd()
    path = tempfile.mkdtemp(prefix="checkpoints-", dir="/tmp")
    os.chdir(path)
    try:
        yield path
    finally:
        os.chdir(previous)
        shutil.rmtree(path)

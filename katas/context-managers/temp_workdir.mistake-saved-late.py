"""A wrong answer: the old working directory is read after the chdir."""
import os
import shutil
import tempfile
from contextlib import contextmanager


@contextmanager
def scratch_dir():
    path = tempfile.mkdtemp(prefix="run-")
    os.chdir(path)
    old = os.getcwd()
    try:
        yield path
    finally:
        os.chdir(old)
        shutil.rmtree(path)

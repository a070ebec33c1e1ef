"""A wrong answer: the directory is removed on error, but the working directory is not restored."""
import os
import shutil
import tempfile
from contextlib import contextmanager


@contextmanager
def scratch_dir():
    old = os.getcwd()
    path = tempfile.mkdtemp(prefix="run-")
    os.chdir(path)
    try:
        yield path
    except Exception:
        shutil.rmtree(path)
        raise
    os.chdir(old)
    shutil.rmtree(path)

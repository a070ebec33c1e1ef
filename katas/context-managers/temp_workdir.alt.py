"""A scratch directory that always cleans up: a class built on TemporaryDirectory."""
import os
import tempfile


class scratch_dir:
    def __enter__(self):
        self._previous = os.getcwd()
        self._tmp = tempfile.TemporaryDirectory(prefix="run-")
        os.chdir(self._tmp.name)
        return self._tmp.name

    def __exit__(self, exc_type, exc, tb):
        os.chdir(self._previous)    # leave the directory before deleting it
        self._tmp.cleanup()
        return False

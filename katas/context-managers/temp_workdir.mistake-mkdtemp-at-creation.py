"""Mistake: the scratch directory is created in __init__, when scratch_dir() is called."""
import os, shutil, tempfile
class scratch_dir:
    def __init__(self):
        self.path = tempfile.mkdtemp()
    def __enter__(self):
        self.old = os.getcwd()
        os.chdir(self.path)
        return self.path
    def __exit__(self, *exc):
        os.chdir(self.old)
        shutil.rmtree(self.path)
        return False

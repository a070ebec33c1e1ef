"""Commit on success, roll back on failure.

transaction(db): call db.begin() on entry and bind db to the `as` name;
db.commit() if the block finishes normally; db.rollback() if it raises,
and the exception must still reach the caller.
"""
from contextlib import contextmanager


class transaction:
    db = None

    def __init__(self, db):
        transaction.db = db

    def __enter__(self):
        self.db.begin()
        return self.db

    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            self.db.commit()
        else:
            self.db.rollback()
        return False

class PrintingDB:
    """A stand-in database for trying transaction() by hand."""

    def begin(self):
        print("BEGIN")

    def commit(self):
        print("COMMIT")

    def rollback(self):
        print("ROLLBACK")


if __name__ == "__main__":
    with transaction(PrintingDB()):
        print("insert run-1")
    try:
        with transaction(PrintingDB()):
            raise ValueError("duplicate step 10")
    except ValueError as error:
        print("caught:", error)     # ROLLBACK should have been printed before this

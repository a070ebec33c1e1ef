"""Commit on success, roll back on failure.

transaction(db): call db.begin() on entry and bind db to the `as` name;
db.commit() if the block finishes normally; db.rollback() if it raises,
and the exception must still reach the caller.
"""
from contextlib import contextmanager


@contextmanager
def transaction(db):
    db.begin()
    try:
        yield db
    except Exception as error:
        db.rollback()
        raise RuntimeError(f"transaction failed: {error}") from error
    else:
        db.commit()

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

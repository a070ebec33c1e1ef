"""Commit on success, roll back on failure: reference solution."""
from contextlib import contextmanager


@contextmanager
def transaction(db):
    db.begin()
    try:
        yield db
    except BaseException:
        db.rollback()
        raise
    else:
        db.commit()


if __name__ == "__main__":
    class PrintingDB:
        """A stand-in database for trying transaction() by hand."""

        def begin(self):
            print("BEGIN")

        def commit(self):
            print("COMMIT")

        def rollback(self):
            print("ROLLBACK")

    with transaction(PrintingDB()):
        print("insert run-1")
    try:
        with transaction(PrintingDB()):
            raise ValueError("duplicate step 10")
    except ValueError as error:
        print("caught:", error)

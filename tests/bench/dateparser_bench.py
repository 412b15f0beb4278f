"""dateparser's search_dates(text, languages=['ru']) on the bench bytes:

    /usr/bin/python3 tests/bench/dateparser_bench.py RUNS FILE

Prints "dateparser <file> <bytes> <runs> <median seconds> <dates found>".
Exit status 3 when dateparser is not importable.
"""
import datetime
import warnings
import os
import statistics
import sys
import time


def main():
    if len(sys.argv) != 3:
        sys.stderr.write(__doc__)
        return 2
    runs, path = int(sys.argv[1]), sys.argv[2]
    warnings.simplefilter("ignore")  # pytz deprecation chatter on stderr
    try:
        from dateparser.search import search_dates
    except ImportError:
        sys.stderr.write("dateparser_bench: dateparser is not installed for %s\n" % sys.executable)
        return 3
    with open(path, encoding="utf-8", errors="replace") as fh:
        text = fh.read()
    # a fixed reference date, as chronicle gets a document date
    settings = {"RELATIVE_BASE": datetime.datetime(2016, 3, 15)}
    search_dates(text[:2000], languages=["ru"], settings=settings)  # loads its data, untimed
    times, found = [], 0
    for _ in range(runs):
        t0 = time.perf_counter()
        res = search_dates(text, languages=["ru"], settings=settings)
        times.append(time.perf_counter() - t0)
        found = len(res or [])
    print("dateparser\t%s\t%d\t%d\t%.6f\t%d" % (path, os.path.getsize(path), runs,
                                                 statistics.median(times), found))
    return 0


if __name__ == "__main__":
    sys.exit(main())

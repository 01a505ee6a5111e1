"""control_later.py PORT LOG PATH JSON [PATH JSON ...]: wait until the fake server's log
(LOG) has a first answered issue list, then POST each JSON body to /__control/PATH in
order. Run in the background by server_control_after_first_list (tests/lib/screen.sh), for
tests that change the server once the screen has its first rows."""
import json
import sys
import time
import urllib.request


def first_list_answered(log):
    try:
        with open(log, encoding="utf-8") as handle:
            return any(json.loads(line).get("status") == 200 and line.find("/issues/") > 0
                       for line in handle if line.strip())
    except OSError:
        return False


def main():
    port, log, pairs = sys.argv[1], sys.argv[2], sys.argv[3:]
    for _ in range(600):
        if first_list_answered(log):
            break
        time.sleep(0.05)
    for path, body in zip(pairs[0::2], pairs[1::2]):
        urllib.request.urlopen(urllib.request.Request(
            "http://127.0.0.1:%s/__control/%s" % (port, path), data=body.encode(),
            method="POST")).read()


if __name__ == "__main__":
    main()

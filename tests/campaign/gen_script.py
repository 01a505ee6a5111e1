#!/usr/bin/env python3
"""Writes the script of a triage fault campaign (tui/script.h steps) to stdout.

    gen_script.py --seed N --actions N

Seeded: the same seed writes the same script. The script mixes triage actions
(resolve, unresolve, the archive menu's variants, assign by picker, command and `A`,
bookmark, undo, batches of marked issues, which span both projects of the data set)
with moves, paging, refreshes and filter changes; some actions do not wait for their
answer before a refresh, the next page or a second change on the same row. After every action and every refresh
it dumps the view (`:view sNNNN-KIND`: every loaded row's state, and the clock the server
logs requests by) for check.py.
At the end it sends the query END_QUERY, which turns the server's random faults off
(the rule's "until"), goes back to the campaign's query, refreshes and dumps `final`.
"""

import argparse
import random

END_QUERY = "campaign-faults-off"
QUERIES = ["", "", "", "is:unresolved", "is:ignored", "is:resolved"]

# Archive menu keys and what they choose (views/archive_menu.c).
ARCHIVE_MENU = [["<Enter>"], ["1"], ["2"], ["3"], ["4"], ["f"],
                ["n", "100<Enter>"], ["n", "100/1h<Enter>"], ["u", "10<Enter>"]]
ASSIGN = [[":assign John Doe"], [":assign Jane Developer"], [":assign me"], ["A"],
          [":assign #powerful-abolitionist"], [":assign #ancient-gabelers"], [":unassign"],
          ["a", "jane<Enter>"], ["a", "john<Enter>"]]


def single_action(rng):
    """(kind, steps) of one action on the row under the cursor."""
    kind = rng.choices(["resolve", "unresolve", "archive", "assign", "bookmark", "undo",
                        "resolve-next", "archive-cmd"],
                       [5, 4, 5, 5, 4, 3, 1, 1])[0]
    if kind == "resolve":
        return kind, ["r"]
    if kind == "unresolve":
        return kind, ["u"]
    if kind == "archive":
        return kind, ["m"] + rng.choice(ARCHIVE_MENU)
    if kind == "archive-cmd":
        return "archive", [rng.choice([":archive 30m", ":archive forever", ":archive escalating",
                                       ":archive users 10"])]
    if kind == "assign":
        return kind, list(rng.choice(ASSIGN))
    if kind == "bookmark":
        return kind, ["b"]
    if kind == "undo":
        return kind, ["z"]
    return "resolve", [":resolve next"]


def moves(rng):
    kind = rng.choices(["j", "k", "half", "end", "top"], [6, 3, 2, 1, 1])[0]
    if kind == "j":
        return ["j" * rng.randint(1, 6)]
    if kind == "k":
        return ["k" * rng.randint(1, 4)]
    if kind == "half":
        return [rng.choice(["<C-d>", "<C-u>"])]
    if kind == "end":
        return ["G"]      # near the end: the next page loads
    return ["g"]


def generate(seed, actions):
    rng = random.Random(seed)
    out = ["# fault campaign, seed %d, %d actions" % (seed, actions)]
    step = 0
    done = 0

    def dump(kind):
        nonlocal step
        step += 1
        out.append(":view s%04d-%s" % (step, kind))

    while done < actions:
        out.extend(moves(rng))
        roll = rng.random()
        if roll < 0.08:
            out.append("<C-r>")
            dump("refresh")
        elif roll < 0.11:
            query = rng.choice(QUERIES)
            out.append(":query %s" % query if query else ":query")
            dump("query")
        elif roll < 0.33:
            # A batch: mark a few rows (rows of both projects are interleaved), act on
            # all of them, confirm.
            out.append(rng.choice(["<Esc>", ":clear-marks"]))
            for _ in range(rng.randint(2, 6)):
                out.append("<Space>")
                if rng.random() < 0.5:
                    out.append("j" * rng.randint(1, 3))
            kind, steps = single_action(rng)
            if kind == "undo":
                kind, steps = "resolve", ["r"]
            out.extend(steps)
            out.append("y")
            dump("batch-" + kind)
            out.append("<Esc>")  # clear the marks (their rows keep their state)
            done += 1
        elif roll < 0.43:
            # Overlap: the action's steps do not wait for the server ("~"), so a refresh,
            # the next page or a second change on the same row lands while it is in flight.
            kind, steps = single_action(rng)
            out.extend("~" + step for step in steps)
            follow = rng.choice(["refresh", "page", "second"])
            if follow == "refresh":
                out.append("~<C-r>")
                dump("overlap-" + kind)
            elif follow == "page":
                out.append("~G")
                dump("overlap-" + kind)
            else:
                second, more = single_action(rng)
                out.extend("~" + step for step in more)
                dump("overlap2-%s-%s" % (kind, second))
                done += 1
            done += 1
        else:
            kind, steps = single_action(rng)
            out.extend(steps)
            dump(kind)
            done += 1
    out.append(":query " + END_QUERY)
    out.append(":query")
    # Every row at once on a tall screen, for the screen's own account.
    out.extend(["<C-r>", "G", "G", "G", ":view final", ":resize 160x170", "g",
                ":screen final-screen"])
    return "\n".join(out) + "\n"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--actions", type=int, default=200)
    args = parser.parse_args()
    print(generate(args.seed, args.actions), end="")


if __name__ == "__main__":
    main()
